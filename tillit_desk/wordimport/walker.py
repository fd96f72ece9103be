"""WordprocessingML → paragraphs and tables of formatted pieces, robust to what Word writes.

Everything that only wraps text is looked through: content controls (``w:sdt``), smart tags,
custom XML, hyperlinks, simple and complex fields (the displayed result is kept, the field code
dropped), bookmarks, proofing marks, section breaks, and ``mc:AlternateContent`` (its fallback).
Runs split anywhere come back joined. Pictures and text boxes are not text: they become notes
so the import report can say where they were. Tracked changes are kept, not applied: each piece
says in which view it exists ("base" = every change rejected, "final" = every change accepted)
and which change made it, so the importer can offer each change as a suggestion. The pieces and
their views are ``items``; what styles.xml and numbering.xml say is ``styles``.
"""

from __future__ import annotations

import itertools

from lxml import etree

from .items import BASE, FINAL, Change, Item, Para, Piece, Table, item_text, view_items
from .package import NS
from .styles import Numbering, Styles, W, num_pr, toggle_on

MC = f"{{{NS['mc']}}}"
MAX_ITEMS = 200_000  # paragraphs and tables; a real tjänsteskrivelse has a few hundred


def resolve_alternate_content(root) -> None:
    """Replace every ``mc:AlternateContent`` with its fallback (or first choice) in place."""
    for ac in list(root.iter(f"{MC}AlternateContent")):
        chosen = ac.find(f"{MC}Fallback")
        if chosen is None or len(chosen) == 0:
            chosen = ac.find(f"{MC}Choice")
        parent = ac.getparent()
        if parent is None:
            continue
        index = parent.index(ac)
        parent.remove(ac)
        if chosen is not None:
            for offset, child in enumerate(list(chosen)):
                parent.insert(index + offset, child)


_WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}smartTag", f"{W}customXml", f"{W}hyperlink",
             f"{W}fldSimple", f"{W}dir", f"{W}bdo"}
_IGNORED = {f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}proofErr", f"{W}permStart",
            f"{W}permEnd", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}pPr", f"{W}lastRenderedPageBreak",
            f"{W}moveFromRangeStart", f"{W}moveFromRangeEnd", f"{W}moveToRangeStart",
            f"{W}moveToRangeEnd", f"{W}customXmlPr", f"{W}smartTagPr", f"{W}sectPr",
            f"{W}tblPr", f"{W}tblGrid", f"{W}trPr", f"{W}tcPr", f"{W}tblPrEx",
            f"{W}customXmlInsRangeStart", f"{W}customXmlInsRangeEnd",
            f"{W}customXmlDelRangeStart", f"{W}customXmlDelRangeEnd"}


class Walker:
    """Walks a body (or header, or comment) into items; notes what it could not place."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.fields: list[str] = []  # open complex fields: "code" or "result"
        self.count = 0
        self.notes: list[str] = []
        self._ids = itertools.count(1)

    # ------------------------------------------------------------ block level

    def blocks(self, container) -> list[Item]:
        out: list[Item] = []
        self._blocks(container, out)
        return out

    def _blocks(self, container, out: list[Item]) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{W}p":
                self._count()
                out.append(self.paragraph(child))
            elif tag == f"{W}tbl":
                self._count()
                out.append(self.table(child))
            elif tag == f"{W}sdt" and _placeholder(child):
                self.notes.append(f"Platshållartext i en innehållskontroll lästes inte in: "
                                  f"”{_text_of(child)[:60]}”.")
            elif tag in _WRAPPERS or tag in (f"{W}ins", f"{W}del"):
                self._blocks(child, out)
            elif tag == f"{W}altChunk":
                self.notes.append("Ett inbäddat dokument (altChunk) lästes inte in.")

    def _count(self) -> None:
        self.count += 1
        if self.count > MAX_ITEMS:
            from .errors import WordImportError

            raise WordImportError("Dokumentet har orimligt många stycken och läses inte in.")

    def table(self, tbl) -> Table:
        table = Table()
        pr = tbl.find(f"{W}tblPr")
        if pr is not None:
            desc = pr.find(f"{W}tblDescription")
            cap = pr.find(f"{W}tblCaption")
            table.description = ((desc.get(f"{W}val") if desc is not None else "")
                                 or (cap.get(f"{W}val") if cap is not None else "") or "")
        for r_index, tr in enumerate(tbl.iterchildren(f"{W}tr")):
            trpr = tr.find(f"{W}trPr")
            if r_index == 0 and trpr is not None and trpr.find(f"{W}tblHeader") is not None:
                table.header_row = True
            row: list[list[Item]] = []
            for tc in _cells(tr):
                tcpr = tc.find(f"{W}tcPr")
                vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if vmerge is not None and (vmerge.get(f"{W}val") or "continue") == "continue":
                    row.append([])  # the merged cell above holds the text
                    continue
                row.append(self.blocks(tc))
            table.rows.append(row)
        return table

    # ------------------------------------------------------------ paragraph

    def paragraph(self, p) -> Para:
        # a field code never runs on into the next paragraph: an unclosed one (a damaged file)
        # must not hide the rest of the document; a field's result may (a table of contents)
        self.fields = [f for f in self.fields if f == "result"]
        para = Para()
        ppr = p.find(f"{W}pPr")
        self._properties(para, ppr)
        if ppr is not None:
            mark = ppr.find(f"{W}rPr")
            if mark is not None:
                for kind, view in (("ins", FINAL), ("del", BASE), ("moveTo", FINAL),
                                   ("moveFrom", BASE)):
                    el = mark.find(f"{W}{kind}")
                    if el is not None:
                        para.mark_view = view
                        para.mark_change = self._change(el, "ins" if view == FINAL else "del")
            change = ppr.find(f"{W}pPrChange")
            if change is not None:  # tracked paragraph formatting: the old properties
                old = Para()
                self._properties(old, change.find(f"{W}pPr"))
                props = (old.style, old.heading, old.title, old.list_level, old.ordered,
                         old.num_id)
                if props != (para.style, para.heading, para.title, para.list_level,
                             para.ordered, para.num_id):
                    para.old_props = props
                    para.props_change = self._change(change, "format")
        base = (bool(self.styles.lookup(para.style, "bold")),
                bool(self.styles.lookup(para.style, "italic")))
        if para.heading or para.title:
            base = (False, False)  # a heading style's own weight is not emphasis
        self._inline(p, para, base, None, None)
        return para

    def _properties(self, para: Para, ppr) -> None:
        """Style, heading level, title and list membership from a ``w:pPr`` (or none)."""
        num: tuple[str | None, int | None] = (None, None)
        direct_outline = None
        if ppr is not None:
            style = ppr.find(f"{W}pStyle")
            para.style = style.get(f"{W}val") or "" if style is not None else ""
            np_el = ppr.find(f"{W}numPr")
            if np_el is not None:
                num = num_pr(np_el)
            lvl = ppr.find(f"{W}outlineLvl")
            if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
                direct_outline = int(lvl.get(f"{W}val"))
        para.title = self.styles.is_title(para.style)
        if direct_outline is not None and direct_outline < 9:
            para.heading = direct_outline + 1
        elif not para.title:
            para.heading = self.styles.heading_level(para.style)
        style_num = self.styles.lookup(para.style, "num") or (None, None)
        num_id = num[0] if num[0] is not None else style_num[0]
        level = num[1] if num[1] is not None else (style_num[1] or 0)
        kind = self.numbering.kind(num_id, level)
        if kind is not None and not para.heading and not para.title:
            para.list_level, para.ordered, para.num_id = level, kind, num_id or ""

    def _change(self, el, kind: str) -> Change:
        return Change(el.get(f"{W}id") or f"x{next(self._ids)}", kind,
                      (el.get(f"{W}author") or "").strip(), el.get(f"{W}date") or "")

    def _inline(self, el, para: Para, base: tuple[bool, bool], view: str | None,
                change: Change | None) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _IGNORED:
                continue
            if tag == f"{W}r":
                self._run(child, para, base, view, change)
            elif tag in (f"{W}ins", f"{W}moveTo"):
                self._inline(child, para, base, FINAL, self._change(child, "ins"))
            elif tag in (f"{W}del", f"{W}moveFrom"):
                self._inline(child, para, base, BASE, self._change(child, "del"))
            elif tag == f"{W}sdt" and _placeholder(child):
                para.notes.append(f"platshållartext ”{_text_of(child)[:40]}”")
            elif tag in _WRAPPERS:
                self._inline(child, para, base, view, change)
            elif tag == f"{W}commentRangeStart":
                para.pieces.append(Piece("", marker=("start", child.get(f"{W}id") or "")))
            elif tag == f"{W}commentRangeEnd":
                para.pieces.append(Piece("", marker=("end", child.get(f"{W}id") or "")))
            elif tag in (f"{W}oMath", f"{W}oMathPara"):
                para.notes.append("formel")
            else:
                self._inline(child, para, base, view, change)

    def _run(self, r, para: Para, base: tuple[bool, bool], view: str | None,
             change: Change | None) -> None:
        rpr = r.find(f"{W}rPr")
        bold, italic = base
        old: tuple[bool, bool] | None = None
        if rpr is not None:
            rstyle = rpr.find(f"{W}rStyle")
            if rstyle is not None:
                sid = rstyle.get(f"{W}val")
                sb, si = self.styles.lookup(sid, "bold"), self.styles.lookup(sid, "italic")
                bold = bold if sb is None else sb
                italic = italic if si is None else si
            if rpr.find(f"{W}b") is not None:
                bold = toggle_on(rpr.find(f"{W}b"))
            if rpr.find(f"{W}i") is not None:
                italic = toggle_on(rpr.find(f"{W}i"))
            rchange = rpr.find(f"{W}rPrChange")
            if rchange is not None:
                old_rpr = rchange.find(f"{W}rPr")
                ob, oi = base
                if old_rpr is not None:
                    if old_rpr.find(f"{W}b") is not None:
                        ob = toggle_on(old_rpr.find(f"{W}b"))
                    if old_rpr.find(f"{W}i") is not None:
                        oi = toggle_on(old_rpr.find(f"{W}i"))
                if (ob, oi) != (bold, italic) and view is None:
                    old = (ob, oi)
                    fmt_change = self._change(rchange, "format")
        text = self._run_text(r, para)
        if not text:
            return
        if rpr is not None and toggle_on(rpr.find(f"{W}vanish")):
            para.notes.append(f"dold text ”{text.strip()[:40]}”")  # Word does not show it
            return
        if old is not None:
            para.pieces.append(Piece(text, old[0], old[1], BASE, fmt_change))
            para.pieces.append(Piece(text, bold, italic, FINAL, fmt_change))
            return
        para.pieces.append(Piece(text, bold, italic, view, change))

    def _run_text(self, r, para: Para) -> str:
        out: list[str] = []
        for child in r:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    self.fields.append("code")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if any(f == "code" for f in self.fields):
                continue
            if tag in (f"{W}t", f"{W}delText"):
                out.append(child.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") not in ("page", "column"):
                    out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            elif tag == f"{W}sym":
                code = child.get(f"{W}char") or ""
                try:
                    value = int(code, 16)
                    out.append(chr(value - 0xF000 if value >= 0xF000 else value))
                except ValueError:
                    pass
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                boxed = " ".join(t.text or "" for t in child.iter(f"{W}t")).strip()
                para.notes.append(f"textruta: {boxed}" if boxed else "bild")
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                para.notes.append("fotnot")
        text = "".join(out)
        return text.replace("\u2011", "-").replace("\u00ad", "")


def _placeholder(sdt) -> bool:
    """A content control still showing its prompt ("Klicka här för att ange text.")."""
    pr = sdt.find(f"{W}sdtPr")
    return pr is not None and pr.find(f"{W}showingPlcHdr") is not None and \
        toggle_on(pr.find(f"{W}showingPlcHdr"))


def _text_of(el) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(f"{W}t")).split())


def _cells(tr):
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from _cells(content)


def parse_comments(root, walker: Walker) -> dict[str, dict]:
    """comments.xml → id → {author, initials, date, text}."""
    out: dict[str, dict] = {}
    if root is None:
        return out
    for c in root.iterchildren(f"{W}comment"):
        items = walker.blocks(c)
        text = "\n".join(item_text(i) for i in view_items(items, FINAL)).strip()
        out[c.get(f"{W}id") or ""] = {"author": (c.get(f"{W}author") or "").strip(),
                                      "initials": c.get(f"{W}initials") or "",
                                      "date": c.get(f"{W}date") or "", "text": text}
    return out


def body_of(document) -> etree._Element | None:
    return document.find(f"{W}body")
