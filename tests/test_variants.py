"""Corpus check of issue 9: synthetic variants of the real texts of tests/corpus (tests/variants.py)
read into the same paragraphs as the original, and compare finds no change (layout noise ignored).

"The same paragraphs": the same labels, normalised keys and footnote numbers per paragraph, and the same
footnote bodies (normalised). Combinations the reader does not handle yet are listed in KNOWN_MISSES and
run as strict xfail, so each one is noticed the day it starts to pass.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import corpus
from resdiff.comparison import compare
from resdiff.normalize import normalize
from resdiff.read.checks import check
from resdiff.read.text import parse_text
from variants import SHORTENING, TRANSFORMS, base_text

TEXTS = [
    "A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "A_RES_75_180.en.txt", "A_RES_75_180.zh.txt",
    "A_RES_55_109.zh.excerpt.txt", "A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt",
    "A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt",
]
# (text, transformation) pairs not read right yet, with the reason seen.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _paragraphs(res):
    return ([(p.label, p.key, p.footnotes) for p in res.paragraphs],
            [(f.number, normalize(f.text)) for f in res.footnotes])


_BASES: dict[str, str] = {}


def _base(name: str) -> str:
    if name not in _BASES:
        _BASES[name] = base_text(corpus(name))
    return _BASES[name]


def _cases():
    for name in TEXTS:
        for transform in TRANSFORMS:
            if transform == "traditional" and ".zh." not in name:
                continue
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[name, transform])] \
                if (name, transform) in KNOWN_MISSES else []
            yield pytest.param(name, transform, marks=marks, id=f"{name}-{transform}")


@pytest.mark.parametrize("name, transform", list(_cases()))
def test_synthetic_variant_reads_the_same_and_compares_unchanged(name, transform):
    base = _base(name)
    original = parse_text(base, source="original")
    variant = parse_text(TRANSFORMS[transform](base), source=f"synthetic {transform}")
    assert _paragraphs(variant) == _paragraphs(original)
    cmp = compare(original, variant)
    assert all(p.status == "unchanged" for p in cmp.pairs), [(p.new, p.status) for p in cmp.pairs]
    # The author line's final comma is source layout (comparison._printed_key): no header change either.
    assert cmp.header_changes == ()


@pytest.mark.parametrize("name", [n for n in TEXTS if "excerpt" not in n])
def test_synthetic_text_cut_short_reads_a_prefix_and_pairs_the_cut_paragraph(name):
    base = _base(name)
    original = parse_text(base, source="original")
    cut = parse_text(SHORTENING["cut_short"](base), source="synthetic cut short")
    n = len(cut.paragraphs)
    assert 0 < n < len(original.paragraphs)
    assert [(p.label, p.key) for p in cut.paragraphs[:-1]] == [(p.label, p.key) for p in original.paragraphs[:n - 1]]
    last, whole = cut.paragraphs[-1], original.paragraphs[n - 1]
    assert (last.label, whole.key.startswith(last.key)) == (whole.label, True)
    assert ("ends-mid-sentence", last.label) in [(w.code, w.label) for w in check(cut)]
    cmp = compare(original, cut)
    statuses = {p.status for p in cmp.pairs}
    assert statuses <= {"unchanged", "modified", "deleted"}
    assert [p.old for p in cmp.pairs if p.status == "modified"] == [(whole.label,)]


# Transformations a property test may combine in any order (Traditional only for Chinese; flattening
# last, since rewrapping or page furniture after it would not be a real layout).
_COMBINABLE = ["no_author_comma", "markers_paren", "markers_slash", "markers_bracket", "page_breaks"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["A_RES_74_153.en.txt", "A_RES_75_180.en.txt", "A_RES_75_180.zh.txt",
                          "A_HRC_RES_28_2.en.excerpt.txt"]),
    steps=st.lists(st.sampled_from(_COMBINABLE), max_size=3, unique=True),
    traditional=st.booleans(),
    flatten=st.booleans(),
)
def test_synthetic_random_combinations_read_the_same(name, steps, traditional, flatten):
    base = _base(name)
    text = base
    markers = [s for s in steps if s.startswith("markers_")]
    for step in [s for s in steps if not s.startswith("markers_")] + markers[:1]:  # one marker style
        text = TRANSFORMS[step](text)
    if traditional and ".zh." in name:
        text = TRANSFORMS["traditional"](text)
    if flatten and "page_breaks" not in steps:
        text = TRANSFORMS["flatten"](text)
    original = parse_text(base, source="original")
    variant = parse_text(text, source="synthetic combination")
    assert _paragraphs(variant) == _paragraphs(original)
    cmp = compare(original, variant)
    assert all(p.status == "unchanged" for p in cmp.pairs)
    assert cmp.header_changes == ()
