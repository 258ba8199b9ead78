"""The typer app: the only place that reads arguments, prints, and turns errors into exit codes.

Exit codes: 0 success; 1 differences found (compare --exit-code only); 2 bad input or usage
(``Error: …`` / ``Hint: …`` on stderr); 3 an internal error (a bug), still without a traceback.
Cold start: each command imports what it uses inside its function (readers, renderers, jieba, lxml);
this module imports only typer. No ``from __future__ import annotations`` here: typer reads the
parameters' annotations on every run, and as strings it must compile and evaluate each one (about two
thirds of building the command line).
"""

import functools
import gc
import os
import sys
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from resdiff.errors import UserError

app = typer.Typer(
    name="resdiff",
    help="Compare, redline and draft United Nations resolutions (Chinese and English).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _check_text_options(options: dict) -> None:
    """Text options end up in Word XML (--author, --symbol …): refuse characters XML cannot hold."""
    for name, value in options.items():
        if isinstance(value, str) and any(c < " " or "\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in value):
            raise UserError(f"--{name.replace('_', '-')} contains a control character",
                            "give it as plain text (no tabs, line breaks or escape sequences)")


def _command(func):
    """Register a command whose UserError becomes Error/Hint on stderr and exit code 2."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        try:
            _check_text_options(kwargs)
            return func(*args, **kwargs)
        except UserError as err:
            _fail(err.message, err.hint, 2)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as err:  # a bug: say so plainly, without a traceback unless asked for
            if os.environ.get("RESDIFF_DEBUG"):
                raise
            _fail(f"internal error: {type(err).__name__}: {err}",
                  "this is a bug in resdiff; run again with RESDIFF_DEBUG=1 to see the traceback", 3)

    return app.command()(run)


class CompareFormat(str, Enum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"
    amendments = "amendments"


class ParseFormat(str, Enum):
    terminal = "terminal"
    json = "json"


class HistoryOrder(str, Enum):
    session = "session"
    given = "given"


class DraftFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    text = "text"


class RedlineStyle(str, Enum):
    track = "track"
    markup = "markup"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


LangOption = Annotated[Optional[str], typer.Option("--lang", help="Language of the text: zh, en or other (default: detected).")]
OutOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour on the terminal: auto (not when piped or NO_COLOR is set), always, never.")]
AuthorOption = Annotated[str, typer.Option("--author", help="Author recorded on every tracked change.")]
DateOption = Annotated[Optional[str], typer.Option("--date", help="Date of every tracked change, ISO 8601 (default: now, UTC).")]


def _read(path: Path, lang: str | None):
    from resdiff.read import read_file  # it also checks --lang

    return read_file(path, lang=lang)


def _read_warning(path: Path, lang: str | None):
    """Read for compare/redline/draft: the reader's warnings go to stderr (they never change the exit code)."""
    res = _read(path, lang)
    if res.warnings:
        from resdiff.render.common import warnings_text

        sys.stderr.write(warnings_text(res, str(path)))
    return res


def _use_color(color: Color) -> bool:
    if color is Color.always:
        return True
    if color is Color.never or "NO_COLOR" in os.environ:
        return False
    return sys.stdout.isatty()


def _terminal_width() -> int:
    try:
        return max(60, min(os.get_terminal_size().columns, 120))
    except OSError:
        return 100


def _emit(data: str | bytes, output: Path | None, inputs: list[Path], force: bool) -> None:
    from resdiff.io import check_output_path, write_atomic

    if output is None:
        if isinstance(data, bytes):
            raise UserError("this output is a binary file", "give a file name with -o")
        sys.stdout.write(data)
        return
    check_output_path(output, inputs, force)
    write_atomic(output, data, force=force)
    typer.echo(f"Wrote {output}", err=True)


def _parse_date(text: str | None) -> datetime:
    if text is None:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(f"cannot read the date {text!r}", "write it as 2026-11-28 or 2026-11-28T14:30:00Z") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in the year 10000
        raise UserError(f"the date {text!r} is out of range", "give a date in UTC before the year 10000") from None


def _format_from_suffix(output: Path | None, default: str, known: dict[str, str]) -> str:
    if output is None:
        return default
    return known.get(output.suffix.lower(), default)


@_command
def parse(
    file: Annotated[Path, typer.Argument(help="Resolution file: PDF, .docx, .doc, or text (PDF or web extract).")],
    format: Annotated[Optional[ParseFormat], typer.Option("--format", "-f", help="terminal (default) or json.")] = None,
    lang: LangOption = None,
    output: OutOption = None,
    force: ForceOption = False,
    color: ColorOption = Color.auto,
) -> None:
    """Show the structure resdiff reads from a resolution: header, labelled paragraphs, footnotes."""
    res = _read(file, lang)
    fmt = format.value if format else _format_from_suffix(output, "terminal", {".json": "json"})
    if fmt == "json":
        from resdiff.render.json import dumps, resolution_dict

        text = dumps(resolution_dict(res))
    else:
        from resdiff.render.terminal import render_resolution

        text = render_resolution(res, color=_use_color(color) and output is None, width=_terminal_width())
    _emit(text, output, [file], force)


@_command
def compare(
    old: Annotated[Path, typer.Argument(help="Earlier version (e.g. last year's resolution).")],
    new: Annotated[Path, typer.Argument(help="Later version (e.g. this year's draft).")],
    format: Annotated[Optional[CompareFormat], typer.Option("--format", "-f", help="terminal (default), md, html, json, or amendments (UN wording; with -o x.docx, Word). Without --format the -o suffix picks it: .html, .md, .json, or .docx for a redline with tracked changes (as `redline` writes).")] = None,
    output: OutOption = None,
    force: ForceOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Count layout differences too (spaces around digits, full/half-width punctuation).")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit with 1 when there are differences, like git diff.")] = False,
    lang: LangOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Compare two versions: paragraph alignment and word-level changes."""
    from resdiff.comparison import compare as run_compare

    cmp = run_compare(_read_warning(old, lang), _read_warning(new, lang), strict=strict)
    fmt = format.value if format else _format_from_suffix(
        output, "terminal", {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json",
                             ".docx": "redline"})
    if fmt == "redline":  # `compare A B -o x.docx`: the Word file a drafter expects is the redline
        from resdiff.render.docx import redline_document

        text = redline_document(cmp, date=_parse_date(None))
    elif fmt == "amendments":
        from resdiff.render.amendments import render_for_output

        text = render_for_output(cmp, output)
    elif fmt == "json":
        from resdiff.render.json import comparison_dict, dumps

        text = dumps(comparison_dict(cmp))
    elif fmt == "md":
        from resdiff.render.markdown import render_comparison

        text = render_comparison(cmp)
    elif fmt == "html":
        from resdiff.render.html import render_comparison

        text = render_comparison(cmp)
    else:
        from resdiff.render.terminal import render_comparison

        text = render_comparison(cmp, color=_use_color(color) and output is None, width=_terminal_width())
    _emit(text, output, [old, new], force)
    if exit_code and cmp.has_differences:
        raise typer.Exit(1)


@_command
def redline(
    old: Annotated[Path, typer.Argument(help="Earlier version: the base of the tracked changes.")],
    new: Annotated[Path, typer.Argument(help="Later version: the text the redline shows.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The .docx to write.")],
    force: ForceOption = False,
    author: AuthorOption = "resdiff",
    date: DateOption = None,
    style: Annotated[RedlineStyle, typer.Option("--style", help="track: real tracked changes; markup: insertions bold+underlined, deletions struck through, no revisions.")] = RedlineStyle.track,
    strict: Annotated[bool, typer.Option("--strict", help="Track layout differences too.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a Word file of NEW with tracked changes against OLD."""
    if output.suffix.lower() != ".docx":
        raise UserError(f"{output} is not a .docx file name", "write the redline to a file ending in .docx")
    when = _parse_date(date)
    from resdiff.io import check_output_path

    check_output_path(output, [old, new], force)  # before the work, so a refusal costs nothing
    from resdiff.comparison import compare as run_compare
    from resdiff.render.docx import redline_document

    cmp = run_compare(_read_warning(old, lang), _read_warning(new, lang), strict=strict)
    _emit(redline_document(cmp, author=author, date=when, style=style.value), output, [old, new], force)


@_command
def draft(
    previous: Annotated[Path, typer.Argument(help="The adopted resolution to update for the next session.")],
    output: OutOption = None,
    force: ForceOption = False,
    session: Annotated[Optional[int], typer.Option("--session", help="Session of the draft (default: the resolution's session + 1).")] = None,
    agenda_item: Annotated[Optional[str], typer.Option("--agenda-item", help="Agenda item of the draft, e.g. 74(b).")] = None,
    symbol: Annotated[Optional[str], typer.Option("--symbol", help="Symbol of the draft, e.g. A/C.3/76/L.25.")] = None,
    format: Annotated[Optional[DraftFormat], typer.Option("--format", "-f", help="terminal (list of edits, default), json, or text; -o draft.docx writes Word.")] = None,
    author: AuthorOption = "resdiff",
    date: DateOption = None,
    lang: LangOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Draft the next session's text from an adopted resolution, listing every automatic edit."""
    from resdiff.draft import draft_next

    if session is not None and not 1 <= session <= 200:
        raise UserError(f"session {session} is out of range", "give the session as a number, e.g. --session 76")
    res = _read_warning(previous, lang)
    if session is None and res.header.session is not None and not 1 <= res.header.session < 200:
        raise UserError(f"{previous} says it is from session {res.header.session}, out of range",
                        "check the session line, or give the draft's session with --session N (1–200)")
    result = draft_next(res, session=session, agenda_item=agenda_item, symbol=symbol)
    suffix = output.suffix.lower() if output else ""
    if suffix == ".docx":
        when = _parse_date(date)
        from resdiff.comparison import compare as run_compare
        from resdiff.render.docx import draft_document

        data = draft_document(result, run_compare(result.previous, result.resolution), author=author, date=when)
        _emit(data, output, [previous], force)
    else:
        fmt = format.value if format else ("text" if suffix in (".txt", ".md") else "json" if suffix == ".json" else "terminal")
        if fmt == "json":
            from resdiff.render.json import draft_dict, dumps

            text = dumps(draft_dict(result))
        elif fmt == "text":
            from resdiff.render.text import resolution_text

            text = resolution_text(result.resolution)
        else:
            from resdiff.render.terminal import render_edits

            text = render_edits(result, color=_use_color(color) and output is None, width=_terminal_width())
        _emit(text, output, [previous], force)
    if output is not None and format is None and suffix not in (".json",):
        from resdiff.render.terminal import render_edits

        sys.stderr.write(render_edits(result, color=False, width=_terminal_width()))


@_command
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but 127.0.0.1/localhost opens it to the network (with a warning).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    max_upload: Annotated[float, typer.Option("--max-upload", help="Largest file accepted, in MB.")] = 20,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Longest a request may take, in seconds.")] = 60,
) -> None:
    """Start a local web page (and HTTP API) to compare, redline and draft: nothing leaves the machine."""
    from resdiff.serve import serve as run_server  # starlette/uvicorn load only for this command

    run_server(host, port, open_browser, max_upload, time_limit)


@_command
def history(
    files: Annotated[list[Path], typer.Argument(help="Two or more versions of one resolution, any format.")],
    order: Annotated[HistoryOrder, typer.Option("--order", help="session: by session and date from the headers (default); given: as on the command line.")] = HistoryOrder.session,
    paragraph: Annotated[Optional[str], typer.Option("--paragraph", "-p", help="Show one paragraph's timeline (label in the latest version, e.g. OP7), word diff at each step.")] = None,
    format: Annotated[Optional[CompareFormat], typer.Option("--format", "-f", help="terminal (default), md, html or json; -o history.html picks html.")] = None,
    output: OutOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Where each paragraph of the latest version came from: first seen, last changed, its timeline."""
    from resdiff.history import history as run_history

    result = run_history([_read_warning(f, lang) for f in files], order=order.value)
    for note in result.notes:
        sys.stderr.write(f"Warning: {note}\n")
    from resdiff.render.history import render

    fmt = format.value if format else _format_from_suffix(
        output, "terminal", {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"})
    text = render(result, fmt, color=_use_color(color) and output is None, width=_terminal_width(), paragraph=paragraph)
    _emit(text, output, list(files), force)


@_command
def apply_amendments(
    old: Annotated[Path, typer.Argument(help="The text on the table: the resolution or draft the amendments refer to.")],
    amendments: Annotated[Path, typer.Argument(help="Amendments as text, in the wording of compare --format amendments (English or Chinese).")],
    output: OutOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Carry out amendments on the text on the table: prints the amended text (-o .docx for Word, .json)."""
    from resdiff.amendments import apply_amendments as run_apply, parse_amendments
    from resdiff.read.decode import decode_bytes

    res = _read_warning(old, lang)
    try:
        data = amendments.read_bytes()
    except OSError as err:
        raise UserError(f"cannot read {amendments}: {err.strerror or err}", "give the path of a text file of amendments") from None
    result = run_apply(res, parse_amendments(decode_bytes(data, str(amendments)), res))
    suffix = output.suffix.lower() if output else ""
    if suffix == ".docx":
        from resdiff.render.docx import resolution_document

        _emit(resolution_document(result), output, [old, amendments], force)
    elif suffix == ".json":
        from resdiff.render.json import dumps, resolution_dict

        _emit(dumps(resolution_dict(result)), output, [old, amendments], force)
    else:
        from resdiff.render.text import resolution_text

        _emit(resolution_text(result), output, [old, amendments], force)


def main() -> None:
    # One command, one process: most objects made while a command imports its modules and reads its
    # files live to the end, so collecting every 700 new objects frees little and costs ~3 ms of a
    # redline. Collected every 100,000 instead (still bounded for `serve` and very large inputs).
    # resdiff.__main__.main, the console script's entry, sets it before typer's import already; this
    # keeps it for a script installed with the older entry (resdiff.cli:main).
    gc.set_threshold(100_000)
    app()


def _fail(message: str, hint: str, code: int) -> None:
    typer.echo(f"Error: {message}", err=True)
    if hint:
        typer.echo(f"Hint: {hint}", err=True)
    raise typer.Exit(code)
