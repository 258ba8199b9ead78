"""render.wordpackage: the .docx package the writers save without python-docx, checked against
python-docx itself (which still opens our files and would save them unchanged)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from conftest import SEED, corpus
from resdiff.comparison import compare
from resdiff.draft import draft_next
from resdiff.read import read_file
from resdiff.render.docx import draft_document, redline_document
from resdiff.render.wordpackage import WordPackage

WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.fixture(scope="module")
def draft_zh() -> bytes:
    """The seed's next-session draft: footnotes AND comments, both parts added by the package."""
    draft = draft_next(read_file(SEED))
    return draft_document(draft, compare(draft.previous, draft.resolution), author="Tester", date=WHEN)


@pytest.fixture(scope="module")
def redline_en() -> bytes:
    cmp = compare(read_file(corpus("A_RES_72_169.en.txt")), read_file(corpus("A_RES_74_153.en.txt")))
    return redline_document(cmp, author="Tester", date=WHEN)


@pytest.mark.parametrize("name", ["draft_zh", "redline_en"])
def test_python_docx_saves_our_package_unchanged(name, request):
    """Opened and saved again by python-docx, every member and the member order stay byte for byte:
    we save as python-docx saves (serialization, relationships, content types, order)."""
    ours = request.getfixturevalue(name)
    out = io.BytesIO()
    docx.Document(io.BytesIO(ours)).save(out)
    assert list(members(out.getvalue()).items()) == list(members(ours).items())


def test_new_parts_are_related_typed_and_found_by_python_docx(draft_zh):
    doc = docx.Document(io.BytesIO(draft_zh))
    notes = doc.part.part_related_by(RT.FOOTNOTES)
    comments = doc.part.part_related_by(RT.COMMENTS)
    assert str(notes.partname) == "/word/footnotes.xml" and notes.content_type.endswith("footnotes+xml")
    assert str(comments.partname) == "/word/comments.xml" and comments.content_type.endswith("comments+xml")
    assert len(comments.element) > 0  # the draft's comments
    assert notes.blob.count(b"<w:footnote ") == 2 + 5  # the two separators, the seed's five notes
    rids = [rel.rId for rel in doc.part.rels.values()]
    assert len(set(rids)) == len(rids)


def test_core_properties_read_back(draft_zh):
    core = docx.Document(io.BytesIO(draft_zh)).core_properties
    assert core.title.endswith("增进人权领域的国际合作") and core.title.startswith("A/C.3/76/L.")
    assert (core.author, core.last_modified_by, core.language) == ("Tester", "Tester", "zh-CN")
    assert core.created == core.modified == WHEN


def test_long_title_is_cut_to_the_core_property_limit_synthetic(draft_zh):
    package = WordPackage(draft_zh)
    package.set_core_properties(title="决议" * 200, author="Tester", when=WHEN, language="zh-CN")
    core = docx.Document(io.BytesIO(package.save())).core_properties
    assert core.title == ("决议" * 200)[:255]


def test_a_part_is_added_once(draft_zh):
    package = WordPackage(draft_zh)
    with pytest.raises(ValueError, match="footnotes"):
        package.add_part("footnotes", package.related("footnotes"))


def test_saving_an_opened_package_changes_nothing(redline_en):
    package = WordPackage(redline_en)
    package.related("numbering")  # parsed and serialized again; the other parts copied as they are
    assert members(package.save()) == members(redline_en)
