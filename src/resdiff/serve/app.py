"""The Starlette application: fixed routes, limits, security headers, one worker thread.

Routes (nothing else exists; there is no static-file directory to list or walk):
    GET  /                   the page (?ui=zh|en, else the browser's Accept-Language)
    GET  /static/page.js, /static/page.css, /static/report.css
    POST /compare            the page with the report (no JavaScript), or the report alone (fetch)
    POST /api/compare        multipart old, new [, strict, lang] → the JSON of `compare --format json`
    POST /api/redline        old, new [, strict, lang, author] → the .docx `redline` writes
    POST /api/amendments    old, new [, strict, lang, format] → what `compare --format amendments -o` writes:
                             .docx (default, or format=docx), Markdown (format=md or Accept: text/markdown),
                             text (format=text or Accept: text/plain)
    POST /api/draft          previous (or new/old from the page) [, lang, author, format] → draft JSON,
                             or the .docx when Accept asks for it or format=docx
Errors are JSON {"error", "hint"} (the CLI's messages) with a 4xx code — 400 bad input, 413 too large,
403 a form posted from another site's page (its Origin is not this server) —
or 503 when the time limit ran out; a browser form post without JavaScript gets them as a page instead.

Why one worker thread: the Chinese tokenizer keeps per-process state (a jieba dictionary filled block
by block from an SQLite connection that belongs to one thread), so the work is done on one thread, one
request after another, off the event loop; the loop keeps accepting, parsing uploads and answering. On
2 cores, parallel threads would not make CPU-bound Python faster anyway.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import time
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from resdiff import deadline as work_deadline
from resdiff.errors import UserError
from resdiff.serve import page, work

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


@dataclass(frozen=True)
class Settings:
    max_upload: int = 20 * 1024 * 1024  # bytes per file
    time_limit: float = 60.0  # seconds per request, waiting for the worker included
    loopback: bool = True  # bound to 127.0.0.1/::1/localhost: accept only those Host headers

    @property
    def max_body(self) -> int:
        return 2 * self.max_upload + 256 * 1024  # two files and the form fields


class RequestError(UserError):
    """A UserError with its HTTP status (413 too large, 503 out of time)."""

    def __init__(self, message: str, hint: str, status: int, *, zh: tuple[str, str] | None = None):
        super().__init__(message, hint, zh=zh)
        self.status = status


class BodyLimit:
    """ASGI middleware: refuse a request body larger than ``limit`` before or while it arrives."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        if declared > self.limit:
            return await _too_large(self.limit)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _body_too_large(self.limit)
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """ASGI middleware: the same protective headers on every response, errors included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


def _body_too_large(limit: int) -> RequestError:
    mb = limit // (1024 * 1024)
    return RequestError(f"the upload is larger than the server accepts ({mb} MB in all)",
                        "send smaller files, or start the server with a larger --max-upload", 413,
                        zh=(f"上传的文件超过了服务器接受的大小（合计 {mb} MB）", "请发送较小的文件，或用更大的 --max-upload 启动服务器"))


def _out_of_time(limit: float) -> RequestError:
    return RequestError(
        f"the request took longer than the server's time limit ({limit:g} s)",
        "try again when the server is less busy, use the command line for very large files, or start the "
        "server with a larger --time-limit", 503,
        zh=(f"请求超过了服务器的时限（{limit:g} 秒）",
            "请在服务器较空闲时再试；很大的文件请用命令行，或用更大的 --time-limit 启动服务器"))


def _too_large(limit: int) -> Response:
    return _error_json(_body_too_large(limit), 413)


def _error_json(err: UserError, status: int) -> JSONResponse:
    """``{"error", "hint"}`` in English, and ``error_zh``/``hint_zh`` when the error has Chinese words
    (the page shows those when it is in Chinese; API clients read whichever they like)."""
    body = {"error": err.message, "hint": err.hint}
    if err.message_zh:
        body.update(error_zh=err.message_zh, hint_zh=err.hint_zh)
    return JSONResponse(body, status_code=status)


def create_app(settings: Settings = Settings()) -> Starlette:
    worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="resdiff-work")

    async def run(fn, *args, word: bool = False):
        """Run ``fn`` on the worker thread within the time limit (time spent queued counts).

        ``word``: the work builds a Word file. python-docx/lxml leave reference cycles that hold their C
        memory until a full collection, which Python's object-count thresholds trigger too seldom (a
        server grew from 50 to 105 MB over 100 redlines); so the worker collects right after such a job,
        while the answer is on its way (about 30 ms, before it takes the next job).
        """
        deadline = time.monotonic() + settings.time_limit

        def job():
            if time.monotonic() > deadline:  # waited in the queue past its limit: do not start it
                raise _out_of_time(settings.time_limit)
            try:
                with work_deadline.limit_until(deadline):  # the work stops itself past the limit (deadline.py)
                    return fn(*args)
            except work_deadline.OutOfTime:
                raise _out_of_time(settings.time_limit) from None

        future = asyncio.wrap_future(worker.submit(job))
        future.add_done_callback(lambda f: f.cancelled() or f.exception())  # a dropped answer is not "unretrieved"
        if word:
            worker.submit(gc.collect)
        done, _ = await asyncio.wait({future}, timeout=settings.time_limit)
        if not done:  # the work stops at its next deadline.check(), freeing the worker; its answer is dropped
            raise _out_of_time(settings.time_limit)
        return future.result()

    async def uploads(request: Request, *roles: str, required: int | None = None) -> tuple[dict, dict]:
        """The uploaded files among ``roles`` (checked: present, not empty, within the limit) and the fields."""
        _check_origin(request)
        form = await request.form(max_files=4, max_fields=20, max_part_size=64 * 1024)
        try:
            files, fields = {}, {}
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    # a browser sends an unchosen file field as an empty part with no name: that is "no file"
                    if key in roles and key not in files and (value.filename or value.size):
                        files[key] = await _read_upload(value, settings.max_upload)
                elif key not in fields:
                    fields[key] = value
        finally:
            await form.close()
        needed = roles if required is None else roles[:required]
        missing = [r for r in needed if r not in files]
        if missing:
            roles_zh = {"old": "旧版本", "new": "新版本", "previous": "已通过的决议"}
            raise UserError(f"no file was sent as {' and '.join(repr(m) for m in missing)}",
                            zh=("没有收到" + "和".join(roles_zh.get(m, m) for m in missing) + "的文件", "请选择文件后再提交"),
                            hint="send the files as multipart/form-data fields " + " and ".join(needed)
                            + " (curl -F old=@last-year.txt -F new=@this-year.txt …)")
        return files, fields

    def options(fields: dict) -> tuple[bool, str | None, str]:
        strict = str(fields.get("strict", "")).strip().lower() in ("1", "true", "yes", "on")
        return strict, work.check_language(fields.get("lang") or None), work.check_author(fields.get("author"))

    def ui_language(request: Request, fields: dict | None = None) -> str:
        chosen = (fields or {}).get("ui") or request.query_params.get("ui")
        return page.pick_ui_language(chosen, request.headers.get("accept-language"))

    async def home(request: Request) -> Response:
        return HTMLResponse(page.render_page(ui_language(request)),
                            headers={"Cache-Control": "no-store", "Vary": "Accept-Language"})

    def static(body: str, media_type: str):
        async def serve_static(request: Request) -> Response:
            return Response(body, media_type=media_type, headers={"Cache-Control": "no-cache"})
        return serve_static

    async def report_css(request: Request) -> Response:
        return Response(page.report_css(), media_type="text/css", headers={"Cache-Control": "no-cache"})

    async def compare_page(request: Request) -> Response:
        files, fields = await uploads(request, "old", "new")
        strict, lang, _ = options(fields)
        ui = ui_language(request, fields)
        fragment = await run(lambda: page.report_fragment(work.compare_uploads(files["old"], files["new"], strict, lang), ui))
        if request.headers.get("x-resdiff-fragment"):
            return HTMLResponse(fragment, headers={"Cache-Control": "no-store"})
        return HTMLResponse(page.render_page(ui, result=fragment, options=fields),
                            headers={"Cache-Control": "no-store"})

    async def api_compare(request: Request) -> Response:
        files, fields = await uploads(request, "old", "new")
        strict, lang, _ = options(fields)
        text = await run(lambda: work.comparison_json(work.compare_uploads(files["old"], files["new"], strict, lang)))
        return Response(text, media_type="application/json", headers={"Cache-Control": "no-store"})

    async def api_redline(request: Request) -> Response:
        files, fields = await uploads(request, "old", "new")
        strict, lang, author = options(fields)

        def make():
            cmp = work.compare_uploads(files["old"], files["new"], strict, lang)
            return work.redline_docx(cmp, author), work.pair_name(files["old"], files["new"], cmp, "redline")

        data, name = await run(make, word=True)
        return _download(data, name, DOCX_TYPE)

    async def api_amendments(request: Request) -> Response:
        files, fields = await uploads(request, "old", "new")
        strict, lang, _ = options(fields)
        accept = request.headers.get("accept", "")
        fmt = fields.get("format") or ("md" if "text/markdown" in accept else "text" if "text/plain" in accept else "docx")
        if fmt not in work.AMENDMENT_FORMATS:
            raise UserError(f"unknown format {fmt!r} for amendments", "use format=docx, format=md or format=text")

        def make():
            cmp = work.compare_uploads(files["old"], files["new"], strict, lang)
            return work.amendments_file(cmp, fmt), work.pair_name(files["old"], files["new"], cmp, "amendments",
                                                                  work.AMENDMENT_FORMATS[fmt])

        data, name = await run(make, word=fmt == "docx")
        media = {"docx": DOCX_TYPE, "md": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8"}[fmt]
        return _download(data, name, media)

    async def api_draft(request: Request) -> Response:
        files, fields = await uploads(request, "previous", "new", "old", required=0)
        previous = files.get("previous") or files.get("new") or files.get("old")
        if previous is None:
            raise UserError("no file was sent as 'previous'",
                            "send the adopted resolution as the multipart field previous (curl -F previous=@res.txt …)",
                            zh=("没有收到已通过的决议文件", "请选择上一届已通过的决议文件后再提交"))
        _, lang, author = options(fields)
        as_docx = fields.get("format") == "docx" or DOCX_TYPE in request.headers.get("accept", "")

        def make():
            result = work.draft_from(previous, lang)
            if as_docx:
                return work.draft_docx(result, author), work.draft_name(previous, result)
            return work.draft_json(result), None

        data, name = await run(make, word=as_docx)
        if name:
            return _download(data, name, DOCX_TYPE)
        return Response(data, media_type="application/json", headers={"Cache-Control": "no-store"})

    async def user_error(request: Request, err: UserError) -> Response:
        status = getattr(err, "status", 400)
        if _wants_page(request):
            ui = ui_language(request)
            return HTMLResponse(page.render_page(ui, problem=err.words(ui)), status_code=status)
        return _error_json(err, status)

    async def not_found(request: Request, exc) -> Response:
        code = getattr(exc, "status_code", 404)
        message = "no such page" if code == 404 else "method not allowed here" if code == 405 else "bad request"
        return JSONResponse({"error": message, "hint": "the page is at / and the API at POST /api/compare, "
                             "/api/redline, /api/amendments, /api/draft"}, status_code=code)

    async def internal(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": f"internal error: {type(exc).__name__}: {exc}",
                             "hint": "this is a bug in resdiff; the same files with the command line and "
                                     "RESDIFF_DEBUG=1 show the traceback"}, status_code=500)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/static/page.js", static(page.PAGE_JS, "text/javascript"), methods=["GET"]),
        Route("/static/page.css", static(page.PAGE_CSS, "text/css"), methods=["GET"]),
        Route("/static/report.css", report_css, methods=["GET"]),
        Route("/compare", compare_page, methods=["POST"]),
        Route("/api/compare", api_compare, methods=["POST"]),
        Route("/api/redline", api_redline, methods=["POST"]),
        Route("/api/amendments", api_amendments, methods=["POST"]),
        Route("/api/draft", api_draft, methods=["POST"]),
    ]
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] if settings.loopback else ["*"]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
        exception_handlers={UserError: user_error, 404: not_found, 405: not_found, 400: not_found,
                            Exception: internal},
    )
    app.state.worker = worker
    return app


def wrap(app, settings: Settings):
    """The app behind the body limit and the security headers (outermost, so every response has them)."""
    return SecurityHeaders(BodyLimit(app, settings.max_body))


async def _read_upload(upload: UploadFile, limit: int) -> work.Upload:
    data = await upload.read(limit + 1)
    name = work.display_name(upload.filename or "")
    if len(data) > limit:
        raise RequestError(f"{name} is larger than {limit // (1024 * 1024)} MB",
                           "send a smaller file, or start the server with a larger --max-upload", 413,
                           zh=(f"{name} 超过 {limit // (1024 * 1024)} MB", "请发送较小的文件，或用更大的 --max-upload 启动服务器"))
    return work.Upload(name, data)


def _check_origin(request: Request) -> None:
    """A form posted by a page of another site (which a browser allows without asking) is refused."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
        raise RequestError(f"a page from {origin} may not use this server",
                           "open the page this server shows (the address it printed) and use its form", 403)
    if origin == "null":
        raise RequestError("a page without an origin may not use this server",
                           "open the page this server shows (the address it printed) and use its form", 403)


def _download(data: bytes, name: str, media_type: str) -> Response:
    return Response(data, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


def _wants_page(request: Request) -> bool:
    """A browser posting the form without JavaScript (no fetch header) gets errors as a page."""
    return "text/html" in request.headers.get("accept", "") and not request.headers.get("x-resdiff-fragment")


