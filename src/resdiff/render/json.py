"""JSON for `parse`, `compare` and `draft`. Plain dicts built from the model; keys are part of the CLI contract."""

from __future__ import annotations

import dataclasses
import json

from resdiff.model import Comparison, Draft, PairDiff, ReadingWarning, Resolution, Segment


def header_dict(res: Resolution) -> dict:
    return dataclasses.asdict(res.header) | {"closing": list(res.header.closing)}


def resolution_dict(res: Resolution) -> dict:
    return {
        "header": header_dict(res),
        "paragraphs": [
            {
                "label": p.label,
                "kind": p.kind,
                "number": p.number,
                "suffix": p.suffix or None,
                "lead": p.lead or None,
                "text": p.text,
                "footnotes": list(p.footnotes),
                # where each marker stands in ``text`` (offsets, in the order of ``footnotes``): what a
                # script needs to put the markers back
                "footnote_positions": list(p.footnote_positions),
                "subparagraphs": [{"marker": s.marker, "text": s.text} for s in p.subparagraphs],
            } | ({"part": p.part} if p.part else {})  # a resolution in parts: "A", "B" (absent otherwise)
            for p in res.paragraphs
        ],
        # an endnote, or a note printed otherwise than its number ("*", "a"), says what it is and its mark
        "footnotes": [{"number": f.number, "text": f.text} | ({"kind": f.kind, "mark": f.mark} if f.kind != "footnote" or f.mark else {})
                      for f in res.footnotes],
        "source": res.source,
        "notes": list(res.notes),
        "warnings": warnings_list(res.warnings),
    }


def warnings_list(warnings: tuple[ReadingWarning, ...]) -> list[dict]:
    return [{"code": w.code, "label": w.label, "message": w.message} for w in warnings]


def _segments(segments: tuple[Segment, ...]) -> list[dict]:
    out = []
    for s in segments:
        d = {"op": s.op, "text": s.text}
        if s.old_text is not None:
            d["old_text"] = s.old_text
        out.append(d)
    return out


def _kind(p: PairDiff, cmp: Comparison) -> str | None:
    """The paragraph kind of a pair (preambular / operative / heading): the new side's, the old side's for a
    deleted paragraph; two kinds (a preambular paragraph merged into an operative one) give the new side's."""
    if p.new_index or p.old_index:
        side = cmp.new.paragraphs if p.new_index else cmp.old.paragraphs
        return side[(p.new_index or p.old_index)[0]].kind
    label, side = (p.new[0], cmp.new.paragraphs) if p.new else (p.old[0], cmp.old.paragraphs)
    return next((q.kind for q in side if q.label == label), None)


def _pair(p: PairDiff, cmp: Comparison) -> dict:
    return {
        "old": list(p.old),
        "new": list(p.new),
        "kind": _kind(p, cmp),
        "status": p.status,
        "text_changed": p.text_changed,
        "renumbered": p.renumbered,
        "similarity": p.similarity,
        "segments": _segments(p.segments),
        "footnotes": [
            {"old": f.old, "new": f.new, "layout_only": f.layout_only, "segments": _segments(f.segments)}
            # an endnote says so, with the marks Word prints ("i"), as in parse's JSON
            | ({"kind": f.kind, "old_mark": f.old_mark or None, "new_mark": f.new_mark or None} if f.kind != "footnote" else {})
            for f in p.footnotes
        ],
    }


def comparison_dict(cmp: Comparison) -> dict:
    return {
        "old": header_dict(cmp.old) | {"source": cmp.old.source, "warnings": warnings_list(cmp.old.warnings)},
        "new": header_dict(cmp.new) | {"source": cmp.new.source, "warnings": warnings_list(cmp.new.warnings)},
        "strict": cmp.strict,
        "summary": cmp.summary,
        "header_changes": [dataclasses.asdict(h) for h in cmp.header_changes],
        "pairs": [_pair(p, cmp) for p in cmp.pairs],
        "notes": list(cmp.notes),
    }


def draft_dict(draft: Draft) -> dict:
    return resolution_dict(draft.resolution) | {
        "edits": [
            {"rule": e.rule, "label": e.label, "before": e.before, "after": e.after, "note": e.note,
             "placeholder": e.placeholder}
            for e in draft.edits
        ]
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
