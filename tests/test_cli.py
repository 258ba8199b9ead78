"""The command line through typer's CliRunner: exit codes, stdout, stderr, and nothing overwritten."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from typer.testing import CliRunner

from conftest import SEED, corpus
from resdiff.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], env={"NO_COLOR": "1"})


def assert_user_error(result, *words: str):
    assert result.exit_code == 2, result.output
    assert "Error:" in result.stderr and "Hint:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for w in words:
        assert w in result.stderr


def test_parse_seed_terminal_shows_labels_and_footnotes():
    result = run("parse", SEED)
    assert result.exit_code == 0, result.stderr
    assert "增进人权领域的国际合作" in result.stdout
    assert "PP15" in result.stdout and "OP17" in result.stdout
    assert "A/CONF.157/24" in result.stdout  # footnote 1 printed under PP1


def test_parse_seed_json_shape():
    result = run("parse", SEED, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    h = data["header"]
    assert (h["session"], h["agenda_item"], h["symbol"], h["date"], h["language"]) == (
        75, "72(b)", "A/RES/75/180", "2020-12-16", "zh")
    assert h["title"] == "增进人权领域的国际合作"
    first = data["paragraphs"][0]
    assert (first["label"], first["kind"], first["number"], first["footnotes"]) == ("PP1", "preambular", None, [1])
    # the marker's place in the text, for a script that puts it back: after the Vienna Declaration
    assert first["text"][:first["footnote_positions"][0]].endswith("《维也纳宣言和行动纲领》")
    op1 = next(p for p in data["paragraphs"] if p["label"] == "OP1")
    assert op1["number"] == 1 and "**" not in op1["text"] and op1["text"].startswith("重申")
    assert [f["number"] for f in data["footnotes"]] == [1, 2, 3, 4, 5]


def test_parse_english_header():
    result = run("parse", corpus("A_RES_74_153.en.txt"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["header"]["session"] == 74 and data["header"]["date"] == "2019-12-18"


def make_bad_input(kind: str, tmp_path):
    """Files a user might pass by mistake, each named for what it is."""
    contents = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n \t\n",
        "binary.txt": b"\x00\x01\x02\xff\xfe\x00" * 50,
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "bad.docx": b"PK\x03\x04garbage",
    }
    if kind == "missing":
        return tmp_path / "missing.txt"
    if kind == "directory":
        return tmp_path
    path = tmp_path / kind
    path.write_bytes(contents[kind])
    return path


@pytest.mark.parametrize(
    "kind, word",
    [("missing", "missing.txt"), ("directory", "director"), ("empty.txt", "empty"), ("blank.txt", "empty"),
     ("binary.txt", "binary.txt"), ("old.doc", ".doc"), ("bad.docx", "bad.docx")],
)
def test_parse_bad_input(tmp_path, kind, word):
    assert_user_error(run("parse", make_bad_input(kind, tmp_path)), word)


def test_parse_docx_without_document_part(tmp_path):
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a Word document")
    assert_user_error(run("parse", path))


def test_unknown_language_is_a_user_error():
    assert_user_error(run("parse", SEED, "--lang", "xx"), "xx")


def test_compare_identical_reports_nothing_and_exit_code_zero():
    result = run("compare", SEED, SEED, "--exit-code")
    assert result.exit_code == 0, result.stderr
    assert "无差异。（已忽略排版差异；--strict 可显示）" in result.stdout  # a Chinese text: Chinese labels
    english = corpus("A_RES_75_180.en.txt")
    assert "No differences. (layout noise ignored; --strict shows it)" in run("compare", english, english).stdout


def test_compare_real_pair_exit_code_one_and_labels():
    result = run("compare", corpus("A_RES_74_153.en.txt"), corpus("A_RES_75_180.en.txt"), "--exit-code")
    assert result.exit_code == 1, result.stderr
    assert "[-72/169-]" in result.stdout  # 75/180 recalls 74/153 where 74/153 recalled 72/169, whole numbers
    assert "{+74/153+}" in result.stdout
    assert "Summary" in result.stdout


def test_compare_output_refuses_to_clobber_then_force(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("keep me")
    result = run("compare", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"), "-o", out)
    assert_user_error(result, "--force")
    assert out.read_text() == "keep me"
    result = run("compare", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"), "-o", out,
                 "--force")
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # format taken from the suffix


def test_compare_never_overwrites_an_input(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_bytes(SEED.read_bytes())
    new.write_bytes(SEED.read_bytes())
    result = run("compare", old, new, "-o", new, "--force")
    assert_user_error(result, "input")
    assert new.read_bytes() == SEED.read_bytes()


def test_compare_json_shape():
    result = run("compare", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"old", "new", "summary", "pairs"}
    for pair in data["pairs"]:
        assert set(pair) >= {"old", "new", "status", "text_changed", "renumbered", "similarity", "segments"}
        assert all(s["op"] in ("equal", "insert", "delete") for s in pair["segments"])
    assert data["old"]["session"] == 72 and data["new"]["session"] == 74


def test_terminal_keeps_square_brackets(tmp_path):
    """Synthetic edit: unagreed text in square brackets added to a paragraph must be printed, not swallowed."""
    text = SEED.read_text(encoding="utf-8")
    edited = text.replace("是联合国的一项宗旨", "是联合国的一项[首要]宗旨[, 并且[●]]")
    new = tmp_path / "new.txt"
    new.write_text(edited, encoding="utf-8")
    for color in ("never", "always"):
        result = run("compare", SEED, new, "--color", color)
        assert result.exit_code == 0, result.stderr
        assert "[首要]" in result.stdout and "[●]" in result.stdout


def test_redline_requires_docx_name(tmp_path):
    assert_user_error(run("redline", SEED, SEED, "-o", tmp_path / "out.txt"), ".docx")


def test_bad_date_is_a_user_error(tmp_path):
    assert_user_error(run("redline", SEED, SEED, "-o", tmp_path / "o.docx", "--date", "yesterday"), "yesterday")


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0
    for cmd in ("parse", "compare", "redline", "draft"):
        assert cmd in result.stdout


def _commands():
    import typer.main

    return typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_help_lists_every_option(name):
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    command = _commands()[name]
    assert command.help.split("\n")[0] in " ".join(result.stdout.split())
    for param in command.params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("-"):
                assert flag in result.stdout, f"{name} --help lacks {flag}"
            else:  # an argument: listed by its name with its help
                assert re.search(rf"^  {param.name}(\.\.\.)? ", result.stdout, re.M), f"{name} --help lacks {param.name}"


def loaded_modules(tmp_path, *args: str) -> set[str]:
    """Modules a real `resdiff …` process has imported when it exits (a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom resdiff.cli import main\n"
        f"sys.argv = ['resdiff', *{[str(a) for a in args]!r}]\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    return set(out.stdout.splitlines()[-1].split())  # the last line: the command's own output comes first


@pytest.mark.parametrize("args", [
    ("parse", SEED),
    ("compare", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt")),
    ("redline", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"), "-o", "r.docx"),
    ("draft", SEED, "-o", "d.docx"),
])
def test_commands_do_not_import_python_docx(tmp_path, args):
    """Cold start: python-docx's import alone is a third of a cold redline; the Word writer builds the
    package itself (render.wordpackage). Only the amendments document still uses python-docx."""
    assert "docx" not in {m.split(".")[0] for m in loaded_modules(tmp_path, *args)}


@pytest.mark.parametrize("args", [
    ("parse", corpus("A_RES_75_180.en.txt"), "--format", "json"),
    ("compare", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"), "--format", "json"),
])
def test_commands_printing_a_text_input_do_not_import_the_zip_or_temporary_file_modules(tmp_path, args):
    """Cold start: zipfile is read only for a .docx input, tempfile only to write a file, and the UTF-16
    codec only for a UTF-16 text (each ~0.3–1.5 ms to import)."""
    assert not loaded_modules(tmp_path, *args) & {"zipfile", "tempfile", "random", "encodings.utf_16_le"}


@pytest.mark.parametrize("args", [("--help",), ("redline", "--help")])
def test_help_imports_typer_and_nothing_heavy(tmp_path, args):
    """Cold start: --help is typer's import and little else. rich stays out (no rich markup, no pretty
    exceptions), and so do the readers, jieba, lxml, python-docx."""
    loaded = loaded_modules(tmp_path, *args)
    top = {m.split(".")[0] for m in loaded}
    assert "typer" in top
    assert not top & {"rich", "lxml", "docx", "jieba", "sqlite3", "diff_match_patch", "pypdfium2"}
    assert {m for m in loaded if m.startswith("resdiff")} == {"resdiff", "resdiff.cli", "resdiff.errors"}


def test_draft_terminal_lists_the_edits():
    result = run("draft", SEED)
    assert result.exit_code == 0, result.stderr
    assert "第七十六届会议" in result.stdout and "75/180" in result.stdout and "第七十七届会议" in result.stdout
    assert "recall-chain" in result.stdout and "forward-session" in result.stdout


def test_draft_json_has_parse_shape_plus_edits():
    result = run("draft", corpus("A_RES_74_153.en.txt"), "--format", "json", "--agenda-item", "72 (b)")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["header"]["session"] == 75 and data["header"]["agenda_item"] == "72(b)"
    assert {"rule", "label", "before", "after", "note"} <= set(data["edits"][0])
    op17 = next(p for p in data["paragraphs"] if p["label"] == "OP17")
    assert "at its seventy-sixth session" in op17["text"]


def test_draft_text_output_reads_back_as_the_draft(tmp_path):
    out = tmp_path / "draft.txt"
    result = run("draft", SEED, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "recall-chain" in result.stderr  # the list of edits still reaches the drafter
    back = json.loads(run("parse", out, "--format", "json").stdout)
    assert back["header"]["session"] == 76 and back["header"]["symbol"] == "A/C.3/76/L.[●]"
    pp3 = next(p for p in back["paragraphs"] if p["label"] == "PP3")
    assert "第 75/180 号决议" in pp3["text"] and "74/153" not in pp3["text"]
    assert len(back["paragraphs"]) == 32


def test_draft_without_a_session_suggests_the_option(tmp_path):
    """Synthetic: the seed's paragraphs without its header lines (no session, no resolution number)."""
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("大会，"):]
    path = tmp_path / "nohead.txt"
    path.write_text(body, encoding="utf-8")
    assert_user_error(run("draft", path), "--session")
    result = run("draft", path, "--session", "76", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["header"]["session"] == 76


def test_redline_command_writes_a_docx_that_reads_back_as_the_new_version(tmp_path):
    out = tmp_path / "redline.docx"
    old, new = corpus("A_RES_74_153.en.txt"), corpus("A_RES_75_180.en.txt")
    result = run("redline", old, new, "-o", out, "--author", "Delegation X", "--date", "2026-11-28T10:00:00Z")
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("parse", out, "--format", "json").stdout)
    expected = json.loads(run("parse", new, "--format", "json").stdout)
    assert [(p["label"], p["text"]) for p in data["paragraphs"]] == [
        (p["label"], p["text"]) for p in expected["paragraphs"]]
    assert any("tracked changes" in n for n in data["notes"])  # the reader says it accepted revisions
    import re
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:author="Delegation X"' in xml and 'w:date="2026-11-28T10:00:00Z"' in xml
    again = run("redline", old, new, "-o", out)
    assert_user_error(again, "--force")
    assert re.search(r"<w:ins ", xml)


def test_draft_docx_output(tmp_path):
    out = tmp_path / "draft.docx"
    result = run("draft", SEED, "-o", out)
    assert result.exit_code == 0, result.stderr
    back = json.loads(run("parse", out, "--format", "json").stdout)
    assert back["header"]["session"] == 76
    op17 = next(p for p in back["paragraphs"] if p["label"] == "OP17")
    assert "第七十七届会议" in op17["text"]


def test_compare_format_amendments_in_english_and_to_word(tmp_path):
    result = run("compare", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "--format", "amendments")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Amendments to A/RES/72/169\n")
    assert "10. In operative paragraph 17, replace “seventy-third” with “seventy-fifth”." in result.stdout
    out = tmp_path / "amendments.docx"
    result = run("compare", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "-f", "amendments", "-o", out)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Replace operative paragraph 15 with the following:" in body


def test_compare_format_amendments_in_chinese():
    result = run("compare", corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"), "-f", "amendments")
    assert result.exit_code == 0, result.output
    assert "1. 在标题、序言部分和执行部分中，将“增进和”改为“促进和”。" in result.stdout


def test_history_terminal_json_and_html(tmp_path):
    files = [corpus(n) for n in ("A_RES_75_180.en.txt", "A_RES_72_169.en.txt", "A_RES_74_153.en.txt")]
    result = run("history", *files)
    assert result.exit_code == 0, result.output
    assert "PP11  new in 74/153" in result.stdout
    result = run("history", *files, "--format", "json")
    assert [v["symbol"] for v in json.loads(result.stdout)["versions"]] == ["72/169", "74/153", "75/180"]
    result = run("history", *files, "--order", "given", "-p", "OP17")
    assert result.stdout.index("75/180  OP17 (first version)") < result.stdout.index("72/169  OP17")
    out = tmp_path / "history.html"
    assert run("history", *files, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_history_bad_input(tmp_path):
    assert_user_error(run("history", corpus("A_RES_72_169.en.txt")), "two or more")
    missing = tmp_path / "missing.txt"
    assert_user_error(run("history", corpus("A_RES_72_169.en.txt"), missing))
    assert_user_error(run("history", corpus("A_RES_72_169.en.txt"), corpus("A_RES_51_102.zh.excerpt.txt")),
                      "two different resolutions")
    assert_user_error(run("history", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "-p", "OP99"),
                      "no paragraph OP99")


def test_apply_amendments_gives_the_new_text_and_refuses_bad_amendments(tmp_path):
    amendments = tmp_path / "amendments.txt"
    assert run("compare", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "-f", "amendments",
               "-o", amendments).exit_code == 0
    result = run("apply-amendments", corpus("A_RES_72_169.en.txt"), amendments)
    assert result.exit_code == 0, result.output
    assert "Also emphasizes the need for a cooperative and constructive approach" in result.stdout
    assert "seventieth anniversary" not in result.stdout  # OP15 replaced
    bad = tmp_path / "bad.txt"
    bad.write_text("1. In operative paragraph 17, replace “eightieth” with “ninetieth”.\n", encoding="utf-8")
    assert_user_error(run("apply-amendments", corpus("A_RES_72_169.en.txt"), bad), "not found in OP17")
    assert_user_error(run("apply-amendments", corpus("A_RES_72_169.en.txt"), tmp_path / "missing.txt"), "cannot read")


def test_compare_to_a_docx_without_format_writes_the_redline(tmp_path):
    """`resdiff compare OLD NEW -o redline.docx` (issue 8's example) gives tracked changes, as `redline` does."""
    out = tmp_path / "redline.docx"
    result = run("compare", corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"), "-o", out)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body
    assert "Replace operative paragraph" not in body


def test_the_command_line_enters_through_main_which_raises_the_collector_threshold_first(tmp_path):
    """Cold start: the console script and `python -m resdiff` run resdiff.__main__.main, which raises the
    collector's threshold before typer's import: `--help` runs no collection (it ran ~27, ~3 ms)."""
    import os
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["resdiff"] == "resdiff.__main__:main"
    code = ("import gc, sys\ncollections = []\ngc.callbacks.append(lambda phase, info: collections.append(phase))\n"
            "from resdiff.__main__ import main\nsys.argv = ['resdiff', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint(len(collections), gc.get_threshold()[0])")
    # As installed: modules byte-compiled (pip does it). Compiling them from source makes objects of its
    # own (a fresh clone under PYTHONDONTWRITEBYTECODE ran one collection), so a first run writes the
    # .pyc files that the measured run reads.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-2:] == ["0", "100000"]
