"""HTML pages: synthetic pages built from real corpus texts (each paragraph in a <p>) read like the text."""

from __future__ import annotations

import html

from conftest import SEED, corpus
from resdiff.read import read_file


def page(paragraphs: list[str], extra_head: str = "") -> str:
    body = "\n".join(f"<p>&nbsp;&nbsp;{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>A/RES/51/102</title>{extra_head}"
            f"<style>p {{ margin: 0 }}</style><script>var x = '<p>not text</p>';</script></head>"
            f"<body>\n{body}\n</body></html>")


def blocks(path) -> list[str]:
    return [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def test_web_page_of_51_102_reads_like_its_text(tmp_path):
    out = tmp_path / "51_102.html"
    out.write_text(page(blocks(corpus("A_RES_51_102.zh.excerpt.txt"))), encoding="utf-8")
    from_html, from_text = read_file(out), read_file(corpus("A_RES_51_102.zh.excerpt.txt"))
    assert [p.label for p in from_html.paragraphs] == [p.label for p in from_text.paragraphs]
    assert [p.key for p in from_html.paragraphs] == [p.key for p in from_text.paragraphs]
    assert from_html.header.number == "51/102"
    assert all("not text" not in p.text for p in from_html.paragraphs)


def test_sup_footnote_marker_becomes_a_footnote(tmp_path):
    """Synthetic page: the seed's first paragraphs with <sup>1</sup> as the footnote marker."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("大会，")
    pp1 = text[start:].split("\n\n")[1].replace("¹", "<sup>1</sup>")
    body = f"<p>大会，</p><p>{pp1}</p><p>1. <b>决定</b>在大会第七十六届会议上继续审议这个问题。</p>"
    out = tmp_path / "seed.html"
    out.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    res = read_file(out)
    assert res.paragraphs[0].footnotes == (1,)
    assert "<sup>" not in res.paragraphs[0].text and "1" not in res.paragraphs[0].text[-20:]
    assert res.paragraphs[1].label == "OP1"


def test_broken_pdf_file_is_a_user_error_with_a_hint(tmp_path):
    import pytest

    from resdiff.errors import UserError

    out = tmp_path / "A_RES_75_180.pdf"
    out.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    with pytest.raises(UserError) as err:
        read_file(out)
    assert "PDF" in err.value.message and "damaged" in err.value.message and err.value.hint
