"""What a user's Word template may not carry into every export: links that fetch content, macros.

A template made from some other document can hold external images (http/file), an attached
template on a server, a VBA project, or field codes (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE…)
that make Word fetch content when the export is opened. None of that belongs in a
tjänsteskrivelse, and none of it may travel unnoticed: it is removed from the loaded template
and the caller gets one Swedish sentence that says what was removed.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HYPERLINK = "/hyperlink"
_MACRO_RELS = ("/vbaProject", "/keyMapCustomizations", "/wordVbaData", "/vbaProjectSignature")
REMOTE_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT", "RD")
_FIELD_NAME = re.compile(r"^\s*([A-Za-z]+)")


def _short(target: str) -> str:
    return target if len(target) <= 60 else target[:57] + "…"


def _remove_references(part, rid: str) -> None:
    """Attributes r:id/r:link/r:embed … that point at a removed relationship; an element whose
    whole purpose is the link (w:attachedTemplate, w:subDoc …) goes with it."""
    element = getattr(part, "element", None)
    if element is None:
        return
    for el in list(element.iter()):
        for attr, value in list(el.attrib.items()):
            if value == rid and attr.startswith(f"{{{_R_NS}}}"):
                local = el.tag.rsplit("}", 1)[-1]
                if local in ("attachedTemplate", "subDoc", "altChunk", "frame"):
                    parent = el.getparent()
                    if parent is not None:
                        parent.remove(el)
                    break
                del el.attrib[attr]


def _kind(reltype: str) -> str:
    tail = reltype.rsplit("/", 1)[-1]
    return {"image": "extern bild", "attachedTemplate": "bifogad mall",
            "oleObject": "länkat objekt", "subDocument": "underdokument",
            "frame": "extern ram", "package": "inbäddat paket"}.get(tail, f"extern länk ({tail})")


def _strip_fields(root) -> list[str]:
    """Remove remote field codes, keep their last shown result as plain text."""
    found: list[str] = []
    for simple in list(root.iter(qn("w:fldSimple"))):
        match = _FIELD_NAME.match(simple.get(qn("w:instr"), ""))
        if match and match.group(1).upper() in REMOTE_FIELDS:
            found.append(match.group(1).upper())
            parent = simple.getparent()
            for child in list(simple):
                simple.addprevious(child)
            parent.remove(simple)
    stack: list[dict] = []
    doomed = []
    for run in list(root.iter(qn("w:r"))):
        fld = run.find(qn("w:fldChar"))
        kind = fld.get(qn("w:fldCharType")) if fld is not None else None
        if kind == "begin":
            stack.append({"runs": [run], "instr": ""})
        elif stack and run.find(qn("w:instrText")) is not None:
            stack[-1]["runs"].append(run)
            stack[-1]["instr"] += "".join(t.text or "" for t in run.iter(qn("w:instrText")))
        elif stack and kind == "separate":
            stack[-1]["runs"].append(run)
        elif stack and kind == "end":
            field = stack.pop()
            field["runs"].append(run)
            match = _FIELD_NAME.match(field["instr"])
            if match and match.group(1).upper() in REMOTE_FIELDS:
                found.append(match.group(1).upper())
                doomed.extend(field["runs"])
    for run in doomed:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    return found


def strip_active_content(document) -> list[str]:
    """Remove external relationships (except hyperlinks), macros and remote fields from a loaded
    template; returns a description of each removed thing (empty when the template is clean)."""
    removed: list[str] = []
    package = document.part.package
    for part in list(package.iter_parts()):
        rels = part.rels
        for rid, rel in list(rels.items()):
            if rel.is_external and not rel.reltype.endswith(_HYPERLINK):
                removed.append(f"{_kind(rel.reltype)} ({_short(rel.target_ref)})")
            elif not rel.is_external and rel.reltype.endswith(_MACRO_RELS):
                removed.append(f"makron ({rel.target_part.partname.lstrip('/')})")
            else:
                continue
            del rels[rid]
            _remove_references(part, rid)
    roots = [document.element]
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                roots.append(element)
    fields: list[str] = []
    for root in roots:
        fields.extend(_strip_fields(root))
    for name in dict.fromkeys(fields):
        removed.append(f"fältet {name} ({fields.count(name)} st.)")
    return removed


def removal_warning(removed: list[str]) -> str:
    return ("Word-mallen innehöll sådant som hämtar innehåll utifrån eller kör kod, och det "
            "togs bort ur exporten: " + "; ".join(dict.fromkeys(removed)) + ".")
