"""Accessible output (DOS-lagen): checks on the exported DOCX itself, not on the case.

Lagen (2018:1937) om tillgänglighet till digital offentlig service covers documents a
municipality publishes. A screen reader needs real heading styles in order, a title, the
language, real lists and alternative text on images; a template or a pasted text can break
any of these, so we look at the file that will actually be published.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .findings import EXPORT, TIPS, VARNING, Finding, whole
from .registry import RULES, Rule, is_disabled

# The namespaces these rules read; python-docx itself is imported only when a DOCX is checked
# (the rules are registered with every check, and importing it cost the first check ~60 ms).
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def qn(tag: str) -> str:
    """``w:style`` → Clark notation, as python-docx's ``qn``."""
    prefix, local = tag.split(":")
    return f"{{{_NS[prefix]}}}{local}"

DOCX = "docx"
DocxFunc = Callable[["_Doc"], Iterable[Finding]]
_MANUAL_LIST = re.compile(r"^\s*(?:[•▪◦●\-–*]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_HEADING_NAME = re.compile(r"^(?:heading|rubrik|überschrift|overskrift)\s*(\d)$", re.IGNORECASE)


def docx_rule(rule_id: str, title: str) -> Callable[[DocxFunc], DocxFunc]:
    def wrap(func: DocxFunc) -> DocxFunc:
        RULES[rule_id] = Rule(rule_id, title, DOCX, func)
        return func
    return wrap


class _Doc:
    """The opened document plus what several rules need: style levels and list styles."""

    def __init__(self, data: bytes) -> None:
        import docx

        self.document = docx.Document(io.BytesIO(data))
        self.levels: dict[str, int] = {}
        self.list_styles: set[str] = set()
        styles = self.document.styles.element
        based: dict[str, str] = {}
        for style in styles.iterchildren(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            name_el = style.find(qn("w:name"))
            name = name_el.get(qn("w:val")) if name_el is not None else ""
            ppr = style.find(qn("w:pPr"))
            lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if lvl is not None and lvl.get(qn("w:val"), "").isdigit() and int(
                    lvl.get(qn("w:val"))) < 9:
                self.levels[sid] = int(lvl.get(qn("w:val"))) + 1
            else:
                m = _HEADING_NAME.match(name or "") or _HEADING_NAME.match(sid or "")
                if m:
                    self.levels[sid] = int(m.group(1))
            if ppr is not None and ppr.find(qn("w:numPr")) is not None:
                self.list_styles.add(sid)
            parent = style.find(qn("w:basedOn"))
            if parent is not None:
                based[sid] = parent.get(qn("w:val"))
        for sid, parent in based.items():  # inherited numbering (one level is what we meet)
            if parent in self.list_styles:
                self.list_styles.add(sid)

    def paragraphs(self):
        return self.document.paragraphs

    def level(self, paragraph) -> int | None:
        ppr = paragraph._p.pPr
        if ppr is not None:
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None and lvl.get(qn("w:val"), "").isdigit():
                value = int(lvl.get(qn("w:val")))
                return value + 1 if value < 9 else None
        return self.levels.get(paragraph._p.style or "")

    def is_list(self, paragraph) -> bool:
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            return True
        return (paragraph._p.style or "") in self.list_styles


@docx_rule("tillganglighet.rubriker", "Rubriker är rubrikformat i rätt ordning")
def headings(doc: _Doc) -> Iterator[Finding]:
    previous = 0
    found_any = False
    for p in doc.paragraphs():
        text = " ".join(p.text.split())
        if not text:
            continue
        level = doc.level(p)
        if level is not None:
            found_any = True
            if level > previous + 1:
                yield whole("tillganglighet.rubriker", VARNING, EXPORT,
                            f"Rubriken ”{text[:60]}” är på nivå {level} men föregås av nivå "
                            f"{previous or 'ingen'}. Hoppa inte över rubriknivåer.", text)
            previous = level
            continue
        runs = [r for r in p.runs if r.text.strip()]
        if (runs and len(text) <= 80 and all(r.bold for r in runs)
                and not text.endswith((".", ":", ",")) and not doc.is_list(p)):
            yield whole("tillganglighet.rubriker", TIPS, EXPORT,
                        f"”{text[:60]}” ser ut som en rubrik men har inget rubrikformat; en "
                        "skärmläsare hittar den inte.", text)
    if not found_any:
        yield whole("tillganglighet.rubriker", VARNING, EXPORT,
                    "Dokumentet har inga rubriker med rubrikformat.")


@docx_rule("tillganglighet.titel", "Dokumentet har en titel")
def title(doc: _Doc) -> Iterator[Finding]:
    if not (doc.document.core_properties.title or "").strip():
        yield whole("tillganglighet.titel", VARNING, EXPORT,
                    "Dokumentet saknar titel i dokumentegenskaperna; skärmläsare och "
                    "webbläsare visar då filnamnet.")


@docx_rule("tillganglighet.sprak", "Dokumentets språk är angivet")
def language(doc: _Doc) -> Iterator[Finding]:
    lang = doc.document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    values = [(doc.document.core_properties.language or "").strip(),
              (lang.get(qn("w:val")) or "").strip() if lang is not None else ""]
    values = [v for v in values if v]
    if not values:
        yield whole("tillganglighet.sprak", VARNING, EXPORT,
                    "Dokumentets språk är inte angivet (sv-SE); skärmläsaren kan läsa texten "
                    "med fel uttal.")
    elif not any(v.lower().startswith("sv") for v in values):
        yield whole("tillganglighet.sprak", VARNING, EXPORT,
                    f"Dokumentets språk är angivet som {values[0]}, inte svenska (sv-SE).",
                    values[0])


@docx_rule("tillganglighet.listor", "Listor är riktiga listor")
def lists(doc: _Doc) -> Iterator[Finding]:
    for p in doc.paragraphs():
        if _MANUAL_LIST.match(p.text) and not doc.is_list(p) and doc.level(p) is None:
            text = " ".join(p.text.split())
            yield whole("tillganglighet.listor", VARNING, EXPORT,
                        f"”{text[:50]}” är en lista skriven som vanlig text (tecken eller "
                        "siffra först). Använd listformat så att skärmläsaren läser den som "
                        "lista.", text)


def _parts_xml(document) -> Iterator:
    yield document.element
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):
            if not part.is_linked_to_previous:
                yield part._element


@docx_rule("tillganglighet.alt_text", "Bilder har alternativtext")
def alt_text(doc: _Doc) -> Iterator[Finding]:
    seen: set[int] = set()
    for root in _parts_xml(doc.document):
        if id(root) in seen:
            continue
        seen.add(id(root))
        for pr in root.iter(qn("wp:docPr")):
            if not (pr.get("descr") or "").strip() and not (pr.get("title") or "").strip():
                name = pr.get("name") or "bild"
                yield whole("tillganglighet.alt_text", VARNING, EXPORT,
                            f"Bilden ”{name}” saknar alternativtext.", name)


def check_docx(data: bytes | Path | str, *, disabled: Iterable[str] = ()) -> list[Finding]:
    """Run the accessibility rules on an exported DOCX (bytes or a path)."""
    if isinstance(data, (str, Path)):
        data = Path(data).read_bytes()
    doc = _Doc(data)
    disabled = tuple(disabled)
    out: list[Finding] = []
    for rule in list(RULES.values()):
        if rule.scope == DOCX and not is_disabled(rule.id, disabled):
            out.extend(rule.func(doc))
    return out


def check_export(case, profile) -> list[Finding]:
    """Export in memory and check the result: what "Kontrollera tillgänglighet" runs."""
    from ..export.docx import render_docx

    data, _warnings = render_docx(case, profile)
    return check_docx(data, disabled=profile.disabled_rules)
