"""jieba's cut with HMM off — ``jieba.Tokenizer.cut(sentence, HMM=False)`` of jieba 0.42.1 — without
importing jieba.

Importing jieba costs about 15 ms of every cold Chinese run, most of it unmarshalling the HMM tables of
``jieba.finalseg`` that its ``__init__`` loads unconditionally and that a cut with HMM off never reads.
The cut itself is the few lines below: jieba's own code (``cut``'s split into Chinese and other blocks,
``get_DAG``, ``calc``, ``__cut_DAG_NO_HMM``), kept line for line so that it is checked against jieba, not
re-derived. jieba still builds the dictionary (``resdiff.lang.zh.full_dictionary``): this class only
cuts with the ``FREQ`` and ``total`` jieba computed. ``tests/test_lang_jieba_cut.py`` compares it with
jieba itself on every Chinese corpus file and on random strings (Chinese of every block, Latin,
digits, spaces, punctuation).

The lines taken from jieba (https://github.com/fxsjy/jieba) are under its MIT licence:
Copyright (c) 2013 Sun Junyi. Permission is hereby granted, free of charge, to any person obtaining a
copy of this software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software
is furnished to do so, subject to the following conditions: The above copyright notice and this
permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE
IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""

from __future__ import annotations

from math import log

from resdiff import patterns

# jieba's re_han_default, re_skip_default and re_eng (jieba/__init__.py), as the re module reads them.
_HAN = patterns.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_SKIP = patterns.compile(r"(\r\n|\s)")
_ENG = patterns.compile(r"[a-zA-Z0-9]")


class Cutter:
    """A prefix dictionary (``FREQ``: word or prefix → count, 0 for a prefix only; ``total``) and
    jieba's accurate mode with HMM off over it. ``fetched_pairs`` and ``fetched_texts`` are for the block
    cache (``resdiff.lang.zh``): the keys whose entries are already in ``FREQ``, and the texts whose keys
    all are."""

    def __init__(self, freq: dict[str, int], total: int):
        self.FREQ = freq  # noqa: N815 (jieba's attribute name: tests set one against the other)
        self.total = total
        self.fetched_pairs: set[str] = set()
        self.fetched_texts: set[str] = set()

    def lcut(self, sentence: str, HMM: bool = False) -> list[str]:  # noqa: N803 (jieba's signature)
        if HMM:
            raise ValueError("only jieba's cut with HMM off is implemented here")
        return list(self.cut(sentence))

    def cut(self, sentence: str):
        for blk in _HAN.split(sentence):
            if not blk:
                continue
            if _HAN.match(blk):
                yield from self._cut_dag_no_hmm(blk)
            else:
                for x in _SKIP.split(blk):
                    if _SKIP.match(x):
                        yield x
                    else:
                        yield from x  # one character at a time, as jieba does

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 (jieba's name)
        dag = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n and frag in self.FREQ:
                if self.FREQ[frag]:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            if not ends:
                ends.append(k)
            dag[k] = ends
        return dag

    def calc(self, sentence: str, dag: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(self.total)
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(self.FREQ.get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                             for x in dag[idx])

    def _cut_dag_no_hmm(self, sentence: str):
        dag = self.get_DAG(sentence)
        route: dict[int, tuple[float, int]] = {}
        self.calc(sentence, dag, route)
        x = 0
        n = len(sentence)
        buf = ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if _ENG.match(word) and len(word) == 1:  # single Latin letters and digits join up
                buf += word
                x = y
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
                x = y
        if buf:
            yield buf
