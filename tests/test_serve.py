"""`resdiff serve`: the HTTP API and the page, through an HTTP client against a real running server."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import zipfile

import pytest

from conftest import CORPUS, corpus
from live_server import running_server, wait_until

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")

from resdiff.serve import is_loopback  # noqa: E402
from resdiff.serve.page import pick_ui_language  # noqa: E402
from resdiff.serve.work import Upload, display_name, download_stem  # noqa: E402

EN_OLD, EN_NEW = corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt")
ZH_OLD, ZH_NEW = corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    private_tmp = tmp_path_factory.mktemp("server-tmp")
    with running_server(env={"TMPDIR": str(private_tmp)}) as url:
        yield url, private_tmp


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server[0], timeout=120) as c:
        yield c


def files(**paths):
    return {role: (p.name, p.read_bytes()) for role, p in paths.items()}


def run_cli(args: list[str], cwd):
    """The CLI on the same files, run where they are, so it names them as the server does (by their name)."""
    from typer.testing import CliRunner

    from resdiff.cli import app

    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, args)
    finally:
        os.chdir(here)


def cli_json(*args: str, cwd) -> dict:
    result = run_cli([*args, "--format", "json"], cwd)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cli_error(cwd, args: list[str]) -> tuple[str, str]:
    result = run_cli(args, cwd)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    message = next(line[len("Error: "):] for line in lines if line.startswith("Error: "))
    hint = next((line[len("Hint: "):] for line in lines if line.startswith("Hint: ")), "")
    return message, hint


def accepted_text(document_xml: str) -> str:
    """The text with every revision accepted: deleted text dropped, tags removed."""
    import re

    return re.sub(r"<[^>]+>", "", re.sub(r"<w:delText[^>]*>[^<]*</w:delText>", "", document_xml))


# ── pieces without a server ─────────────────────────────────────────────────────────────────────

def test_display_name_keeps_only_the_last_part_and_printable_characters():
    assert display_name("C:\\Users\\x\\A_RES_75_180.zh.txt") == "A_RES_75_180.zh.txt"
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("a\x00b\nc.txt") == "abc.txt"
    assert display_name("") == "upload"


def test_download_stem_from_symbol_else_from_file_name():
    up = Upload("A_RES_72_169.en.txt", b"")
    assert download_stem(up, "A/RES/79/166") == "A_RES_79_166"
    assert download_stem(up, None) == "A_RES_72_169"
    assert download_stem(Upload('x"; evil=1.docx', b""), None) == "x_evil_1"


def test_ui_language_from_query_then_accept_language():
    assert pick_ui_language("zh", "en-GB") == "zh"
    assert pick_ui_language(None, "zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert pick_ui_language(None, "fr-FR,en;q=0.5,zh;q=0.4") == "en"
    assert pick_ui_language(None, "en;q=0.3,zh-TW;q=0.9") == "zh"
    assert pick_ui_language(None, None) == "en"


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


# ── the page ────────────────────────────────────────────────────────────────────────────────────

def test_page_in_english_and_chinese_with_security_headers(client):
    en = client.get("/", headers={"Accept-Language": "en-US"})
    zh = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    switched = client.get("/?ui=zh", headers={"Accept-Language": "en-US"})
    assert en.status_code == zh.status_code == 200
    assert "Compare" in en.text and "Redline (.docx)" in en.text and "Draft next session" in en.text
    assert "比较" in zh.text and "修订稿" in zh.text and 'lang="zh-Hans"' in zh.text
    assert switched.text == zh.text
    for r in (en, zh):
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "http://" not in r.text and "https://" not in r.text  # nothing from the network
    for asset, kind in (("/static/page.js", "javascript"), ("/static/page.css", "css"), ("/static/report.css", "css")):
        r = client.get(asset)
        assert r.status_code == 200 and kind in r.headers["content-type"]


@pytest.mark.parametrize("path", ["/static/", "/static", "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/etc/passwd", "/api/", "/tests/corpus/A_RES_72_169.en.txt"])
def test_no_other_path_exists(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.text[:200])
    assert set(r.json()) == {"error", "hint"}
    assert r.headers["x-content-type-options"] == "nosniff"


def test_a_foreign_host_header_is_refused(client):
    """DNS rebinding: a page on another site resolving its name to 127.0.0.1 cannot use the server."""
    r = client.get("/", headers={"Host": "attacker.example:8765"})
    assert r.status_code == 400


def test_a_form_posted_from_another_site_is_refused(client):
    """A page elsewhere can make the browser post a form here; its Origin header gives it away."""
    r = client.post("/api/redline", files=files(old=EN_OLD, new=EN_NEW), headers={"Origin": "https://attacker.example"})
    assert r.status_code == 403 and "attacker.example" in r.json()["error"]
    r = client.post("/api/compare", files=files(old=EN_OLD, new=EN_NEW), headers={"Origin": "null"})
    assert r.status_code == 403
    own = client.base_url.host + ":" + str(client.base_url.port)
    r = client.post("/api/compare", files=files(old=EN_OLD, new=EN_NEW), headers={"Origin": f"http://{own}"})
    assert r.status_code == 200


def test_errors_without_javascript_come_back_as_the_page(client):
    form = client.get("/?ui=zh").text
    assert 'action="/compare?ui=zh"' in form
    r = client.post("/compare?ui=zh", files={"old": ("empty.txt", b""), "new": (EN_NEW.name, EN_NEW.read_bytes())},
                    data={"ui": "zh"}, headers={"Accept": "text/html,application/xhtml+xml"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert '<form id="work"' in r.text and "错误：empty.txt 是空文件" in r.text and "提示：请提供" in r.text


def test_compare_form_without_javascript_returns_the_page_with_the_report(client):
    r = client.post("/compare", files=files(old=EN_OLD, new=EN_NEW), data={"ui": "en"},
                    headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert '<form id="work"' in r.text and 'class="report"' in r.text
    assert "<ins>72/169</ins>" in r.text and "PP11 (inserted)" in r.text


def test_the_embedded_report_speaks_the_page_language(client):
    # the page's language, whatever the documents': one language around and inside the report
    def report(ui, old, new, fragment=False):
        headers = {"Accept": "text/html"} | ({"X-Resdiff-Fragment": "1"} if fragment else {})
        r = client.post(f"/compare?ui={ui}", files=files(old=old, new=new), data={"ui": ui}, headers=headers)
        assert r.status_code == 200, r.text
        return r.text.split('<article class="report">', 1)[1]

    zh_zh = report("zh", ZH_OLD, ZH_NEW)
    assert "<caption>摘要</caption>" in zh_zh and "<h3>PP2（修改、脚注有改动）</h3>" in zh_zh
    assert "脚注1（新增），文件中没有其正文" in zh_zh and "(modified" not in zh_zh and "Summary" not in zh_zh
    zh_en = report("zh", EN_OLD, EN_NEW, fragment=True)  # what page.js puts in the page
    assert "<h3>PP11（新增）</h3>" in zh_en and '<label for="v-side">左右对照</label>' in zh_en
    assert '<div class="text" lang="en">' in zh_en  # English text inside a Chinese page says so
    en_zh = report("en", ZH_OLD, ZH_NEW)
    assert "<h3>PP2 (modified, footnotes changed)</h3>" in en_zh and '<div class="text" lang="zh-Hans">' in en_zh
    assert "摘要" not in en_zh


# ── the API ─────────────────────────────────────────────────────────────────────────────────────

def test_api_compare_is_the_json_of_the_cli(client):
    r = client.post("/api/compare", files=files(old=EN_OLD, new=EN_NEW))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json() == cli_json("compare", EN_OLD.name, EN_NEW.name, cwd=CORPUS)


def test_api_compare_chinese_and_strict_is_the_json_of_the_cli(client):
    for strict, args in ((None, []), ("true", ["--strict"])):
        r = client.post("/api/compare", files=files(old=ZH_OLD, new=ZH_NEW), data={"strict": strict} if strict else {})
        assert r.status_code == 200, r.text
        assert r.json() == cli_json("compare", ZH_OLD.name, ZH_NEW.name, *args, cwd=CORPUS)
    assert r.json()["strict"] is True


def test_api_redline_is_a_word_file_with_revisions_by_the_author(client):
    r = client.post("/api/redline", files=files(old=EN_OLD, new=EN_NEW), data={"author": "Delegation X"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == DOCX
    assert r.headers["content-disposition"] == 'attachment; filename="A_RES_74_153-vs-A_RES_72_169.redline.docx"'
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    inserted = root.findall(f".//{W}ins")
    deleted = root.findall(f".//{W}del")
    assert inserted and deleted
    assert {e.get(f"{W}author") for e in inserted + deleted} <= {"Delegation X", "Delegation X (layout)", "resdiff (layout)"}
    assert "Delegation X" in {e.get(f"{W}author") for e in inserted}
    assert any("72/169" in "".join(t.text or "" for t in e.iter(f"{W}t")) for e in inserted)


def test_api_reads_pdf_and_word_uploads(client):
    """Official PDFs (78/44 → 79/33) give the CLI's JSON; the redline the server wrote reads back as the new text."""
    pdf = CORPUS / "pdf"
    old, new = pdf / "A_RES_78_44.en.pdf", pdf / "A_RES_79_33.en.pdf"
    r = client.post("/api/compare", files=files(old=old, new=new))
    assert r.status_code == 200, r.text
    assert r.json() == cli_json("compare", old.name, new.name, cwd=pdf)
    assert r.json()["summary"]["modified"] > 0
    redline = client.post("/api/redline", files=files(old=EN_OLD, new=EN_NEW))
    r = client.post("/api/compare", files={"old": (EN_NEW.name, EN_NEW.read_bytes()),
                                           "new": ("redline.docx", redline.content)})
    assert r.status_code == 200, r.text
    assert {p["status"] for p in r.json()["pairs"]} == {"unchanged"}


def test_api_amendments_are_what_the_cli_writes(client):
    r = client.post("/api/amendments", files=files(old=EN_OLD, new=EN_NEW), data={"format": "text"})
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == 'attachment; filename="A_RES_74_153-vs-A_RES_72_169.amendments.txt"'
    cli = run_cli(["compare", EN_OLD.name, EN_NEW.name, "--format", "amendments"], CORPUS)
    assert cli.exit_code == 0 and r.text == cli.stdout
    assert r.text.startswith("Amendments to A/RES/72/169")
    r = client.post("/api/amendments", files=files(old=ZH_OLD, new=ZH_NEW), headers={"Accept": "text/markdown"})
    assert r.headers["content-type"].startswith("text/markdown") and r.text.startswith("# 对A/RES/51/102的修正")
    r = client.post("/api/amendments", files=files(old=ZH_OLD, new=ZH_NEW))
    assert r.status_code == 200 and r.headers["content-type"] == DOCX
    assert r.headers["content-disposition"] == 'attachment; filename="A_RES_55_105-vs-A_RES_51_102.amendments.docx"'
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        assert "对A/RES/51/102的修正" in accepted_text(z.read("word/document.xml").decode("utf-8"))


def test_api_draft_json_by_default_and_word_by_accept(client):
    seed = corpus("A_RES_75_180.zh.txt")
    r = client.post("/api/draft", files=files(previous=seed))
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["header"]["session"] == 76
    assert any(e["rule"] for e in data["edits"])
    r = client.post("/api/draft", files=files(previous=seed), headers={"Accept": DOCX})
    assert r.status_code == 200 and r.headers["content-type"] == DOCX
    assert r.headers["content-disposition"] == 'attachment; filename="A_RES_75_180.next-session.draft.docx"'
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "第七十六届会议" in accepted_text(xml) and "第七十五届会议" not in accepted_text(xml)


def test_api_draft_from_the_page_form_uses_the_new_file(client):
    r = client.post("/api/draft", files=files(old=EN_OLD, new=EN_NEW), data={"format": "docx"})
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="A_RES_74_153.next-session.draft.docx"'


# ── bad input: JSON {"error", "hint"}, 4xx, the CLI's messages ──────────────────────────────────

BAD = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t\n",
    "binary.txt": b"\x00\x01\x02\xff\xfe\x00" * 50,
    "bad.docx": b"PK\x03\x04garbage",
    "report.pdf": b"%PDF-1.7\n" + b"\x00" * 100,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_the_cli_message(client, tmp_path, name):
    (tmp_path / name).write_bytes(BAD[name])
    (tmp_path / EN_NEW.name).write_bytes(EN_NEW.read_bytes())
    r = client.post("/api/compare", files={"old": (name, BAD[name]), "new": (EN_NEW.name, EN_NEW.read_bytes())})
    assert r.status_code == 400
    message, hint = cli_error(tmp_path, ["compare", name, EN_NEW.name])
    answer = r.json()
    assert {k: answer[k] for k in ("error", "hint")} == {"error": message, "hint": hint}
    # the same error in Chinese, for the page in Chinese, naming the same file
    assert set(answer) == {"error", "hint", "error_zh", "hint_zh"}
    assert name in answer["error"] and name in answer["error_zh"] and answer["hint_zh"]
    assert any("\u4e00" <= c <= "\u9fff" for c in answer["error_zh"] + answer["hint_zh"])


def test_doc_without_libreoffice(tmp_path):
    """A real .doc needs LibreOffice: with soffice not on PATH the answer is an error with a hint, not a crash."""
    doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with running_server(env={"PATH": str(tmp_path)}) as url:
        r = httpx.post(f"{url}/api/compare", files={"old": ("old.doc", doc), "new": (EN_NEW.name, EN_NEW.read_bytes())},
                       timeout=60)
    assert r.status_code == 400
    assert "old.doc" in r.json()["error"] and ".docx" in r.json()["hint"]


@pytest.mark.parametrize("endpoint", ["/api/compare", "/api/redline", "/api/amendments", "/compare"])
def test_missing_files(client, endpoint):
    for sent in ({}, files(old=EN_OLD)):
        r = client.post(endpoint, files=sent or None, data={"strict": "1"})
        assert r.status_code == 400
        body = r.json()
        assert "no file was sent" in body["error"] and "'new'" in body["error"] and body["hint"]


def test_missing_file_for_draft(client):
    r = client.post("/api/draft", data={"format": "docx"})
    assert r.status_code == 400 and "previous" in r.json()["error"]


def test_a_25_mb_upload_is_refused_with_413(client):
    big = b"Recalling " * (25 * 1024 * 1024 // 10)
    r = client.post("/api/compare", files={"old": ("big.txt", big), "new": (EN_NEW.name, EN_NEW.read_bytes())})
    assert r.status_code == 413
    assert r.json()["error"] == "big.txt is larger than 20 MB" and "--max-upload" in r.json()["hint"]


def test_a_body_larger_than_two_files_is_refused_before_reading(client):
    big = b"x" * (41 * 1024 * 1024)
    r = client.post("/api/compare", content=big, headers={"Content-Type": "multipart/form-data; boundary=zz"})
    assert r.status_code == 413 and "larger than the server accepts" in r.json()["error"]


def test_unknown_language_and_wrong_method(client):
    r = client.post("/api/compare", files=files(old=EN_OLD, new=EN_NEW), data={"lang": "fr"})
    assert r.status_code == 400 and "unknown language" in r.json()["error"]
    r = client.get("/api/compare")
    assert r.status_code == 405 and set(r.json()) == {"error", "hint"}


def test_time_limit_gives_503_with_a_hint():
    with running_server("--time-limit", "0.001") as url:
        r = httpx.post(f"{url}/api/compare", files=files(old=ZH_OLD, new=ZH_NEW), timeout=60)
    assert r.status_code == 503
    assert "time limit" in r.json()["error"] and "--time-limit" in r.json()["hint"]


def test_a_request_past_its_time_limit_frees_the_worker_for_the_next_one():
    """Synthetic: two versions of one 80,000-word paragraph (words of a real text in random orders), whose
    comparison takes several times its reading. The limit is set from this machine's speed (a little over
    the reading, at least 0.5 s): the slow request passes it, stops itself, and the next request — which
    has the same limit from its arrival — is answered instead of waiting behind it and being refused too."""
    import time

    from resdiff.read.text import parse_text
    from test_deadline import huge_pair

    old, new = huge_pair(80_000)
    start = time.monotonic()
    parse_text(old), parse_text(new)
    limit = max(0.5, 1.2 * (time.monotonic() - start))
    with running_server("--time-limit", f"{limit:.2f}") as url:
        slow = httpx.post(f"{url}/api/compare", timeout=120,
                          files={"old": ("old.txt", old.encode()), "new": ("new.txt", new.encode())})
        quick = httpx.post(f"{url}/api/compare", files=files(old=EN_OLD, new=EN_NEW), timeout=120)
    assert slow.status_code == 503 and "time limit" in slow.json()["error"]
    assert quick.status_code == 200, quick.text


def test_uploads_leave_nothing_in_the_temp_folder(client, server):
    client.post("/api/compare", files=files(old=EN_OLD, new=EN_NEW))
    client.post("/api/redline", files=files(old=ZH_OLD, new=ZH_NEW))
    client.post("/api/compare", files={"old": ("empty.txt", b""), "new": (EN_NEW.name, EN_NEW.read_bytes())})
    assert list(server[1].iterdir()) == []


def marker(i: int) -> str:
    return "marker" + "abcdefghijklmnopqrstuvwxyz"[i]


def test_20_concurrent_compares_of_different_pairs_each_get_their_own_answer(client, server):
    """Synthetic edits: pair i inserts its own word (markera, markerb …) into 74/153 (English) or 55/105 (Chinese)."""
    pairs = []
    for i in range(20):
        old, new = (EN_OLD, EN_NEW) if i % 2 else (ZH_OLD, ZH_NEW)
        new_text = new.read_text(encoding="utf-8")
        lead = "Reaffirms" if i % 2 else "铭记"
        edited = new_text.replace(lead, f"{lead} {marker(i)}", 1)
        assert edited != new_text
        pairs.append((f"old-{i}.txt", old.read_bytes(), f"new-{i}.txt", edited.encode("utf-8")))
    answers: dict[int, httpx.Response] = {}

    def send(i):
        o_name, o, n_name, n = pairs[i]
        with httpx.Client(base_url=server[0], timeout=300) as c:
            answers[i] = c.post("/api/compare", files={"old": (o_name, o), "new": (n_name, n)})

    threads = [threading.Thread(target=send, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 20
    for i, r in answers.items():
        assert r.status_code == 200, r.text
        data = r.json()
        assert (data["old"]["source"], data["new"]["source"]) == (f"old-{i}.txt", f"new-{i}.txt")
        inserted = " ".join(s["text"] for p in data["pairs"] for s in p["segments"] if s["op"] == "insert")
        found = {w for w in inserted.replace("，", " ").split() if w.startswith("marker")}
        assert found == {marker(i)}, (i, found)
    assert list(server[1].iterdir()) == []


def test_serve_without_the_extra_names_the_pip_command(tmp_path):
    """Without starlette importable, `resdiff serve` says what to install (exit 2, no traceback)."""
    import subprocess

    (tmp_path / "starlette.py").write_text("raise ImportError('simulated absence', name='starlette')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "resdiff", "serve", "--port", "0"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert "Error: resdiff serve needs starlette" in result.stderr
    assert "pip install 'resdiff[serve]'" in result.stderr and "Traceback" not in result.stderr


def test_non_loopback_host_prints_a_warning():
    import subprocess

    proc = subprocess.Popen([sys.executable, "-m", "resdiff", "serve", "--host", "0.0.0.0", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("resdiff serve: http://0.0.0.0:")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert "Warning: listening on 0.0.0.0" in err


def test_open_starts_the_browser_on_the_address(tmp_path):
    """--open hands the address to the user's browser ($BROWSER here is a script that writes it down)."""
    import subprocess

    seen = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$1" > {seen}\n')
    script.chmod(0o755)
    with running_server("--open", env={"BROWSER": str(script)}) as url:
        assert wait_until(lambda: seen.exists() and seen.read_text().strip(), timeout=20)
    assert seen.read_text().strip() == url + "/"


def test_busy_port_is_a_user_error():
    import socket
    import subprocess

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "resdiff", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"Error: port {port} on 127.0.0.1 is already in use" in result.stderr
