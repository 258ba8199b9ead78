"""Tokenizers per language. Invariant for every language: ``"".join(tokenize(text, lang)) == text``.

Chinese (``zh``) uses jieba through ``resdiff.lang.zh`` (imported only when Chinese text is tokenized);
every other language uses the generic regex tokenizer of ``resdiff.lang.en``.
"""

from __future__ import annotations


def tokenize(text: str, lang: str) -> list[str]:
    if lang == "zh":
        from resdiff.lang import zh

        return zh.tokenize(text)
    from resdiff.lang import en

    return en.tokenize(text)


def prepare(texts, lang: str) -> None:
    """Let the tokenizer of ``lang`` load at once what it needs to cut ``texts`` (Chinese: the dictionary
    blocks, in one query); the tokens are the same with or without it."""
    if lang == "zh":
        from resdiff.lang import zh

        zh.prepare(texts)
