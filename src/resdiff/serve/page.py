"""The page: server-rendered HTML in English or Chinese, one small script, two stylesheets.

Everything is a Python string served from a fixed route (no files are looked up from a request path, no
CDN, no build step). The form works without JavaScript (Compare loads a new page with the report; the
download buttons post straight to the API and the browser saves the answer); page.js only adds drop
zones and keeps the chosen files in place by sending the form with fetch.
"""

from __future__ import annotations

import html

UI_LANGUAGES = ("en", "zh")

LABELS = {
    "en": {
        "title": "resdiff — compare resolutions",
        "intro": "Drop last year's resolution and this year's draft. Nothing leaves this computer: the files are "
                 "read by resdiff running here and deleted after each request.",
        "old": "Old version", "old_help": "e.g. last year's resolution",
        "new": "New version", "new_help": "e.g. this year's draft",
        "drop": "Drop a file here or click to choose", "formats": ".txt, .docx, .doc, .pdf, .html",
        "options": "Options",
        "strict": "Strict: count layout differences too (spaces around digits, full/half-width punctuation)",
        "author": "Author of the tracked changes", "language": "Language of the texts",
        "auto": "detect", "zh": "Chinese", "en": "English", "other": "other",
        "compare": "Compare", "redline": "Redline (.docx)", "amendments": "Amendments (.docx)",
        "draft": "Draft next session (.docx)",
        "draft_help": "Draft next session uses one file: the new version, or the old one if it is alone.",
        "working": "Working…", "downloaded": "Downloaded: ", "error": "Error: ", "hint": "Hint: ",
        "choose": "Choose a file",
        "report": "Comparison", "switch": "中文", "back": "Back to the form",
    },
    "zh": {
        "title": "resdiff — 决议比较",
        "intro": "放入去年的决议和今年的草案。文件不会离开这台电脑：由本机运行的 resdiff 读取，每次请求后即删除。",
        "old": "旧版本", "old_help": "例如去年的决议",
        "new": "新版本", "new_help": "例如今年的草案",
        "drop": "把文件拖到这里，或点击选择", "formats": ".txt、.docx、.doc、.pdf、.html",
        "options": "选项",
        "strict": "严格模式：排版差异也算（数字两侧的空格、全角/半角标点）",
        "author": "修订作者", "language": "文本语言",
        "auto": "自动识别", "zh": "中文", "en": "英文", "other": "其他",
        "compare": "比较", "redline": "修订稿 (.docx)", "amendments": "修正案 (.docx)",
        "draft": "下届会议草案 (.docx)",
        "draft_help": "下届会议草案只用一个文件：新版本；只有旧版本时用旧版本。",
        "working": "处理中…", "downloaded": "已下载：", "error": "错误：", "hint": "提示：",
        "choose": "选择文件",
        "report": "比较结果", "switch": "English", "back": "返回表单",
    },
}

PAGE_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif;
       max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; line-height: 1.5; }
header { display: flex; justify-content: space-between; align-items: baseline; }
header h1 { font-size: 1.5rem; margin: 0; color: #14507a; }
.intro { color: #444; }
.zones { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.zone { display: block; border: 2px dashed #7a9cb8; border-radius: .6rem; padding: 1rem; cursor: pointer;
        background: #f5f9fc; min-height: 6.5rem; }
.zone.over { background: #e1eef8; border-color: #14507a; }
.zone.filled { border-style: solid; background: #eef7ee; border-color: #2e7d32; }
.zone strong { display: block; font-size: 1.1rem; }
.zone .help, .zone .formats { color: #555; font-size: .9rem; }
.zone .chosen { display: block; margin-top: .4rem; font-weight: 600; word-break: break-all; }
/* the native file input is kept (keyboard, screen readers, drop target) but drawn by the zone itself */
.zone { position: relative; }
.zone input[type=file] { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.zone:focus-within { outline: 3px solid #f0a000; }
.zone .pick { display: inline-block; margin-top: .5rem; padding: .2rem .7rem; border: 1px solid #14507a;
        border-radius: .3rem; color: #14507a; background: #fff; font-size: .9rem; }
.zone.filled .pick { display: none; }
#result .report { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Times New Roman", serif;
        line-height: 1.7; }
fieldset { margin-top: 1rem; border: 1px solid #ccc; border-radius: .4rem; }
fieldset label { display: block; margin: .25rem 0; }
.buttons { margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .6rem; }
.buttons button { font-size: 1rem; padding: .5rem 1.1rem; border-radius: .4rem; border: 1px solid #14507a;
        background: #fff; color: #14507a; cursor: pointer; }
.buttons button.primary { background: #14507a; color: #fff; }
.buttons button:focus-visible { outline: 3px solid #f0a000; }
.small { color: #555; font-size: .9rem; }
#status { min-height: 1.5rem; }
.problem { background: #fdecea; border-left: 4px solid #c0392b; padding: .5rem .9rem; }
#result { border-top: 2px solid #14507a; margin-top: 1rem; }
#result:empty { display: none; }
#result .report .warning, #result .report .note { margin: .25rem 0; padding: .2rem .8rem; font-size: .9rem;
        font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif; }
@media (max-width: 40rem) { .zones { grid-template-columns: 1fr; } }
"""

PAGE_JS = """
(function () {
  'use strict';
  var form = document.getElementById('work');
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById('status');
  var result = document.getElementById('result');
  var said = form.dataset;

  function show(zone) {
    var input = zone.querySelector('input[type=file]');
    var chosen = zone.querySelector('.chosen');
    var file = input.files && input.files[0];
    chosen.textContent = file ? file.name : '';
    zone.classList.toggle('filled', !!file);
  }
  Array.prototype.forEach.call(document.querySelectorAll('.zone'), function (zone) {
    var input = zone.querySelector('input[type=file]');
    input.addEventListener('change', function () { show(zone); });
    zone.addEventListener('dragover', function (ev) { ev.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (ev) {
      ev.preventDefault();
      zone.classList.remove('over');
      if (ev.dataTransfer && ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; show(zone); }
    });
    show(zone);
  });

  function problem(message, hint) {
    status.textContent = '';
    var box = document.createElement('div');
    box.className = 'problem';
    box.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = said.error + message;
    box.appendChild(p);
    if (hint) { var h = document.createElement('p'); h.textContent = said.hint + hint; box.appendChild(h); }
    status.appendChild(box);
  }

  function fileName(resp) {
    var cd = resp.headers.get('Content-Disposition') || '';
    var m = /filename="([^"]+)"/.exec(cd);
    return m ? m[1] : 'resdiff-output';
  }

  form.addEventListener('submit', function (ev) {
    var button = ev.submitter;
    if (!button) return;
    ev.preventDefault();
    var data = new FormData(form, button);
    var download = button.dataset.kind !== 'compare';
    status.textContent = said.working;
    form.setAttribute('aria-busy', 'true');
    fetch(button.getAttribute('formaction'), {
      method: 'POST', body: data, headers: { 'X-Resdiff-Fragment': '1' }
    }).then(function (resp) {
      if (!resp.ok) {
        return resp.json().then(function (err) {
          var zh = said.ui === 'zh' && err.error_zh;  // the server's words in the page's language
          problem(zh ? err.error_zh : err.error, zh ? err.hint_zh : err.hint);
        },
                                function () { problem(resp.status + ' ' + resp.statusText, ''); });
      }
      if (!download) {
        return resp.text().then(function (text) { result.innerHTML = text; status.textContent = '';
                                                   result.scrollIntoView(); });
      }
      return resp.blob().then(function (blob) {
        var name = fileName(resp);
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        status.textContent = said.downloaded + name;
      });
    }).catch(function (err) { problem(String(err), ''); })
      .then(function () { form.removeAttribute('aria-busy'); });
  });
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def pick_ui_language(query: str | None, accept_language: str | None) -> str:
    """The page's language: ?ui=zh|en first, else the browser's first choice among zh and en."""
    if query in UI_LANGUAGES:
        return query
    best, best_q = "en", -1.0
    for i, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower()[:2]
        if lang in UI_LANGUAGES and q - i * 1e-6 > best_q:
            best, best_q = lang, q - i * 1e-6
    return best


def _zone(role: str, t: dict) -> str:
    return (
        f'<label class="zone" id="zone-{role}"><strong>{_e(t[role])}</strong>'
        f'<span class="help">{_e(t[role + "_help"])}</span><br>'
        f'<span class="formats">{_e(t["drop"])} — {_e(t["formats"])}</span>'
        f'<input type="file" name="{role}" id="file-{role}" aria-label="{_e(t[role])}">'
        f'<span class="pick" aria-hidden="true">{_e(t["choose"])}</span>'
        f'<span class="chosen" aria-live="polite"></span></label>'
    )


def render_page(ui: str, *, result: str = "", problem: tuple[str, str] | None = None,
                options: dict | None = None) -> str:
    """The whole page; ``result`` is a report fragment (no-JS Compare), ``problem`` an (error, hint) pair."""
    t = LABELS[ui]
    options = options or {}
    other_ui = "zh" if ui == "en" else "en"
    lang_value = options.get("lang") or "auto"
    lang_options = "".join(
        f'<option value="{v}"{" selected" if v == lang_value else ""}>{_e(t[v])}</option>'
        for v in ("auto", "zh", "en", "other"))
    strict = " checked" if options.get("strict") else ""
    author = _e(options.get("author") or "resdiff")
    buttons = [
        f'<button type="submit" class="primary" id="do-compare" data-kind="compare" formaction="/compare?ui={ui}">{_e(t["compare"])}</button>',
        f'<button type="submit" id="do-redline" data-kind="redline" formaction="/api/redline?ui={ui}">{_e(t["redline"])}</button>',
    ]
    buttons.append(f'<button type="submit" id="do-amendments" data-kind="amendments" name="format" value="docx" '
                   f'formaction="/api/amendments?ui={ui}">{_e(t["amendments"])}</button>')
    buttons.append(f'<button type="submit" id="do-draft" data-kind="draft" name="format" value="docx" '
                   f'formaction="/api/draft?ui={ui}">{_e(t["draft"])}</button>')
    status = ""
    if problem:
        status = (f'<div class="problem" role="alert"><p>{_e(t["error"])}{_e(problem[0])}</p>'
                  + (f'<p>{_e(t["hint"])}{_e(problem[1])}</p>' if problem[1] else "") + "</div>")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hans" if ui == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(t['title'])}</title>",
        # report.css first: the page's own rules (body font and width) win over the report's
        '<link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/page.css">',
        '<link rel="icon" href="data:,">',  # no favicon request (and no 404 for it)
        '<script src="/static/page.js" defer></script></head><body>',
        f'<header><h1>{_e(t["title"])}</h1><a id="switch-ui" href="/?ui={other_ui}" hreflang="{other_ui}">{_e(t["switch"])}</a></header>',
        f'<p class="intro">{_e(t["intro"])}</p>',
        f'<form id="work" method="post" action="/compare?ui={ui}" enctype="multipart/form-data" '
        f'data-working="{_e(t["working"])}" data-downloaded="{_e(t["downloaded"])}" '
        f'data-error="{_e(t["error"])}" data-hint="{_e(t["hint"])}" data-ui="{ui}">',
        f'<input type="hidden" name="ui" value="{ui}">',
        f'<div class="zones">{_zone("old", t)}{_zone("new", t)}</div>',
        f'<fieldset><legend>{_e(t["options"])}</legend>',
        f'<label><input type="checkbox" name="strict" value="1" id="opt-strict"{strict}> {_e(t["strict"])}</label>',
        f'<label>{_e(t["author"])}: <input type="text" name="author" id="opt-author" value="{author}" maxlength="100"></label>',
        f'<label>{_e(t["language"])}: <select name="lang" id="opt-lang">{lang_options}</select></label>',
        "</fieldset>",
        f'<div class="buttons">{"".join(buttons)}</div>',
        f'<p class="small">{_e(t["draft_help"])}</p>',
        "</form>",
        f'<div id="status" aria-live="polite">{status}</div>',
        f'<div id="result" aria-label="{_e(t["report"])}">{result}</div>',
        "</body></html>",
        "",
    ])


def report_fragment(cmp, ui: str | None = None) -> str:
    """The body of ``compare --format html`` (same renderer; its stylesheet is served as report.css), its
    labels in the page's language ``ui`` — the reader chose it (browser or switch), and a report in
    another language than the page around it reads as two tools — with the documents' text marked with
    its own language where it differs. Without ``ui``: the documents' language, as the command line."""
    from resdiff.render.html import render_comparison

    document = render_comparison(cmp, lang=ui)
    body = document.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    return f'<article class="report">{body}</article>'


def report_css() -> str:
    from resdiff.render.html import CSS

    return CSS
