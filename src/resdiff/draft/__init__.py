"""Next session's draft: the adopted resolution with the mechanical updates drafters make by hand.

``draft_next(previous)`` returns a ``Draft``: the draft text (a Resolution) and every edit made, each an
``Edit(rule, label, before, after, note, placeholder)``; ``before`` is a piece of the previous text and
``after`` the piece that replaces it in the draft. Rules (GUIDE.md §3 and §8):

- ``session``: the header's session + 1 (or the one asked for), written in the document's language.
- ``header``: what only an adopted text has goes (adoption line, committee report, resolution number,
  closing lines with plenary meeting and date); what a draft has comes in: a draft symbol
  (``A/C.3/76/L.[●]``), the agenda item and a sponsors line, as ``[●]`` placeholders unless given.
- ``recall-chain``: the paragraph that recalls the latest earlier resolution of the series now recalls the
  resolution being updated (number and date from its header). Other bodies' resolutions recalled in that
  paragraph (the Human Rights Council's) become placeholders, and so does the footnote giving the
  Official Records of that body's report.
- ``other-series``: the latest resolution of another of the body's yearly series recalled beside this one
  (``… all subsequent resolutions on the subject, including resolution 78/119``, a yearly list of another
  title ending at the previous session) becomes a placeholder, or the list gains one: that series' resolution
  of this session came the same weeks and is cited next time.
- ``forward-session``: in operative paragraphs, a reference to the current or the next session in a
  forward-looking context ("decides to continue its consideration … at its seventy-sixth session",
  "requests … to report … at its …", "include in the provisional agenda of its …",
  ``决定在大会第七十六届会议上继续审议``) moves on by one session (by the sessions skipped with
  ``session``). Past sessions, Official Records, other bodies' sessions and ordinals that are not sessions
  ("seventy-fifth anniversary") are facts and stay.
- ``forward-flag`` / ``figures-flag``: comments, the text unchanged, where only the drafter can update it: a
  preambular look ahead to what will have happened by then, figures given for the latest year.
- Section headings are left as they are (a note says what a rule would have changed in one).

Placeholders are ``[●]``: visible on paper and easy to search for. Only Chinese and English texts get the
paragraph rules; other languages get the header rules and a note saying so.
"""

from __future__ import annotations

from typing import Callable

from resdiff.draft.bodies import council_sessions_ahead, other_bodies, recurring_bodies
from resdiff.draft.context import PLACEHOLDER, Context, Document
from resdiff.draft.forward import dated_figures, forward_sessions, preambular_forward, target_session
from resdiff.draft.periods import cycles_and_periods
from resdiff.draft.recall import recall_chain, reports_on_the_series
from resdiff.draft.series import other_series
from resdiff.draft.symbols import report_symbols
from resdiff.draft.session import draft_symbol, en_date, previous_session, session_and_header
from resdiff.errors import UserError
from resdiff.model import HEADING, Draft, Edit, Resolution

__all__ = ["PLACEHOLDER", "RULES", "draft_next", "draft_symbol", "en_date", "previous_session"]

Rule = Callable[[Document, Context], list[Edit]]

# In this order: later rules see (and keep off) what earlier ones rewrote.
RULES: tuple[Rule, ...] = (
    session_and_header,
    recall_chain,
    other_bodies,
    recurring_bodies,
    reports_on_the_series,
    other_series,
    report_symbols,
    cycles_and_periods,
    forward_sessions,
    council_sessions_ahead,
    preambular_forward,
    dated_figures,
)
# Rules that read the words of the paragraphs, so only run on the languages they know (Chinese, English).
_WORD_RULES = frozenset(RULES) - {session_and_header}


def draft_next(
    previous: Resolution,
    session: int | None = None,
    agenda_item: str | None = None,
    symbol: str | None = None,
) -> Draft:
    """The draft for the session after ``previous`` (or for ``session``), with every edit listed."""
    old = previous_session(previous)
    name = previous.source or "the resolution"
    # a biennial or triennial text says when it comes back ("… at its eighty-first session")
    words = previous.language in ("zh", "en")
    target = target_session(previous.paragraphs, previous.language, old) if words and old is not None else None
    if session is None:
        if old is None:
            raise UserError(
                f"{name}: no session found (no session line such as 'Seventy-fifth session' or "
                "'第七十五届会议', and no resolution number)",
                hint="give it with --session N (the session of the draft, e.g. --session 76)",
            )
        session = target or old + 1
    elif old is not None and session <= old:
        raise UserError(
            f"the draft's session ({session}) must come after the resolution's own session ({old})",
            hint=f"give the session of the draft, e.g. --session {old + 1}",
        )
    ctx = Context(
        lang=previous.language,
        old=old if old is not None else session - 1,
        new=session,
        number=previous.header.number,
        date=previous.header.date,
        title=previous.header.title,
        body=previous.header.body,
        agenda_item=agenda_item,
        symbol=symbol,
        cycle=(target - old) if target else 1,
    )
    doc = Document(previous.header, list(previous.paragraphs), list(previous.footnotes), list(previous.notes))
    if old is None:
        doc.notes.append(f"the resolution's own session is not stated; taken as {ctx.old} (the draft's minus one)")
    if target and target > old + 1 and session == target:
        doc.notes.append(
            f"drafted for session {target}: the resolution takes the question up again then "
            f"(every {target - old} sessions); forward references move by {target - old}; --session overrides"
        )
    if not words:
        doc.notes.append("paragraphs left as they are: session references are only updated in Chinese and English")
    edits: list[Edit] = []
    for rule in RULES:
        if words or rule not in _WORD_RULES:
            edits += rule(doc, ctx)
    # section headings ("II" / "International Decade for People of African Descent") are left as they are
    headings = {p.label for p in previous.paragraphs if p.kind == HEADING}
    for e in edits:
        if e.label in headings:
            doc.notes.append(f"{e.label} is a section heading: left as it is, though it names {e.before!r} ({e.rule}); check it")
    edits = [e for e in edits if e.label not in headings]
    resolution = Resolution(doc.header, tuple(doc.paragraphs), tuple(doc.footnotes), previous.source, tuple(doc.notes))
    return Draft(previous=previous, resolution=resolution, edits=tuple(edits))
