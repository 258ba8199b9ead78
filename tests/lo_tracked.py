"""Ask LibreOffice itself what a .docx says after accepting or rejecting all tracked changes.

Run with the SYSTEM python (python3-uno), not the venv:

    /usr/bin/python3 tests/lo_tracked.py FILE.docx [FILE2.docx …]  > result.json

For every file it loads the document three times (as is, accept all, reject all: dispatching
``.uno:AcceptAllTrackedChanges`` / ``.uno:RejectAllTrackedChanges``) and prints JSON:
{file: {"redlines": n, "accept": {"paragraphs": [...], "labels": [...], "footnotes": [...]}, "reject": {...}}}
``labels`` are the automatic numbering labels LibreOffice shows ("1.", "2." or ""). A private user
profile keeps it away from any other LibreOffice running on the machine.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.3)


def _read(doc):
    paragraphs, labels = [], []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            # Footnote anchors come back as their number in getString(): keep only text portions.
            parts = []
            in_noteref = False  # LibreOffice keeps a Word NOTEREF field as a fieldmark around its number
            portions = el.createEnumeration()
            while portions.hasMoreElements():
                portion = portions.nextElement()
                kind = portion.getPropertyValue("TextPortionType")
                if kind == "TextFieldStart":
                    in_noteref = _field_code(portion).split()[:1] == ["NOTEREF"]
                elif kind == "TextFieldEnd":
                    in_noteref = False
                elif kind != "Footnote" and not in_noteref:
                    parts.append(portion.getString())
            paragraphs.append("".join(parts).lstrip("\ufeff"))
            try:
                labels.append(el.getPropertyValue("ListLabelString"))
            except Exception:
                labels.append("")
    return {"paragraphs": paragraphs, "labels": labels, "footnotes": _notes(doc.getFootnotes()),
            "endnotes": _notes(doc.getEndnotes()), "marks": _marks(doc.getFootnotes()),
            "endnote_marks": _marks(doc.getEndnotes())}


def _notes(notes):
    """Note texts; a note with a custom mark ("*") holds that mark as text at its start: left out."""
    out = []
    for i in range(notes.getCount()):
        note = notes.getByIndex(i)
        text = note.getString().lstrip("\ufeff")
        label = note.getLabel()
        if label and text.startswith(label):
            text = text[len(label):]
        out.append(text.strip())
    return out


def _marks(notes):
    """The mark each note prints: its custom label, else its automatic number in the document's format."""
    out = []
    for i in range(notes.getCount()):
        note = notes.getByIndex(i)
        out.append(note.getLabel() or note.getAnchor().getString())
    return out


def _field_code(portion):
    try:
        params = portion.getPropertyValue("Bookmark").getParameters()
        name = "vnd.oasis.opendocument.field.code"
        return params.getByName(name) if params.hasByName(name) else ""
    except Exception:
        return ""


def main(paths):
    profile = tempfile.mkdtemp(prefix="lo_tracked_")
    pipe = "lo_tracked_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    result = {}
    try:
        ctx = _connect(pipe, proc)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for path in paths:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            entry = {}
            for mode in ("as_is", "accept", "reject"):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
                if mode == "as_is":
                    entry["redlines"] = doc.getRedlines().createEnumeration().hasMoreElements() and sum(
                        1 for _ in _iterate(doc.getRedlines().createEnumeration()))
                    entry["as_is"] = _read(doc)
                else:
                    command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
                    frame = doc.getCurrentController().getFrame()
                    dispatcher.executeDispatch(frame, command, "", 0, ())
                    entry[mode] = _read(doc)
                    entry[mode]["redlines_left"] = sum(1 for _ in _iterate(doc.getRedlines().createEnumeration()))
                doc.close(True)
            result[path] = entry
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(result, sys.stdout, ensure_ascii=False)


def _iterate(enum):
    while enum.hasMoreElements():
        yield enum.nextElement()


if __name__ == "__main__":
    main(sys.argv[1:])
