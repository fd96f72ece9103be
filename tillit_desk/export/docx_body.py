"""The section bodies in the template's own styles: python-docx paragraphs, real Word lists,
tables and signatures, written into a subdocument that ``docx.render_docx`` puts where the
template's ``{{ body }}`` tag stands.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml.etree import SubElement

from ..compose import AttSats, LabelLine, Signatures
from ..markup import Heading, ListBlock, Paragraph, Span, Table
from .ooxml import set_row_flags, set_table_borders
from .styles import StyleMap

# ---------------------------------------------------------------- numbering (real Word lists)

_BULLETS = ("•", "–", "▪")


class ListNumbering:
    """Adds our own list definitions to the document and a fresh w:num per list (restarts)."""

    def __init__(self, numbering_el) -> None:
        self.el = numbering_el
        ids = [int(a.get(qn("w:abstractNumId"))) for a in self.el.findall(qn("w:abstractNum"))]
        self._next_abstract = max(ids, default=0) + 1
        num_ids = [int(n.get(qn("w:numId"))) for n in self.el.findall(qn("w:num"))]
        self._next_num = max(num_ids, default=0) + 1
        self._abstract: dict[tuple[bool, ...], int] = {}

    def _make_abstract(self, kinds: tuple[bool, ...]) -> int:
        """One definition per combination of numbered/bullet levels (usually all the same)."""
        aid = self._next_abstract
        self._next_abstract += 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(aid))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "hybridMultilevel")
        abstract.append(multi)
        for lvl, ordered in enumerate(kinds):
            el = OxmlElement("w:lvl")
            el.set(qn("w:ilvl"), str(lvl))
            start = OxmlElement("w:start")
            start.set(qn("w:val"), "1")
            fmt = OxmlElement("w:numFmt")
            fmt.set(qn("w:val"), "decimal" if ordered else "bullet")
            text = OxmlElement("w:lvlText")
            text.set(qn("w:val"), f"%{lvl + 1}." if ordered else _BULLETS[lvl])
            jc = OxmlElement("w:lvlJc")
            jc.set(qn("w:val"), "left")
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(425 * (lvl + 1)))
            ind.set(qn("w:hanging"), "425")
            ppr.append(ind)
            for child in (start, fmt, text, jc, ppr):
                el.append(child)
            abstract.append(el)
        first_num = self.el.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.el.append(abstract)
        return aid

    def new_list(self, kinds: tuple[bool, ...]) -> int:
        """A fresh ``w:num`` (numbering restarts) for a list with these level kinds."""
        if kinds not in self._abstract:
            self._abstract[kinds] = self._make_abstract(kinds)
        num_id = self._next_num
        self._next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self._abstract[kinds]))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.el.append(num)
        return num_id


def _set_numpr(p, num_id: int, level: int) -> None:
    ppr = p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.insert_element_before(numpr, *_PPR_AFTER_NUMPR)
    # insert_element_before only orders against listed successors; keep pStyle first


_PPR_AFTER_NUMPR = (
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
    "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)


# ---------------------------------------------------------------- body writer


class Subdocument:
    """Section bodies built in the template's own document part, inserted by ``{{p body }}``.

    docxtpl's Subdoc would parse python-docx's default template on every export and load
    docxcompose; we only need a body whose styles, numbering and relations are the template's.
    """

    def __init__(self, document) -> None:
        from docx.blkcntnr import BlockItemContainer
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self._element = self.body = parse_xml(f"<w:body {nsdecls('w')}/>")
        self._xml: str | None = None
        self._container = BlockItemContainer(self._element, document._body)
        section = document.sections[-1]
        self._width = section.page_width - section.left_margin - section.right_margin

    def add_table(self, rows: int, cols: int):
        return self._container.add_table(rows, cols, self._width)

    def __html__(self) -> str:  # Jinja's autoescape inserts the XML as is
        if self._xml is None:
            from lxml import etree

            self._xml = "".join(etree.tostring(child, encoding="unicode")
                                for child in self._element)
        return self._xml


_P, _PPR, _PSTYLE, _R, _RPR, _T = (qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"),
                                    qn("w:rPr"), qn("w:t"))
_B, _I, _TAB, _BR, _VAL, _SPACE = (qn("w:b"), qn("w:i"), qn("w:tab"), qn("w:br"), qn("w:val"),
                                   qn("xml:space"))
_CONTROL = re.compile(r"([\t\r\n])")  # what python-docx turns into w:tab / w:br in a run
MAX_TEXT_NODE = 1_000_000  # characters per w:t


_NOBREAK_HYPHEN = qn("w:noBreakHyphen")
_ISO_DATE = r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])"


def nobreak_pattern(diarienummer: str = "") -> re.Pattern[str]:
    """Dates and the case's diarienummer: printed with non-breaking hyphens and spaces, so that
    "2022-08-03" or "STK-2020-1262" never breaks at a line end."""
    parts = [_ISO_DATE]
    dnr = diarienummer.strip()
    if dnr and ("-" in dnr or " " in dnr):
        parts.insert(0, re.escape(dnr))
    return re.compile("|".join(parts))


def _add_text(r, piece: str) -> None:
    # libxml2 cuts a text node over 10 MB when docxtpl re-parses the document (silently, in
    # recover mode): a very long paragraph is written as several w:t in the same run.
    for start in range(0, len(piece), MAX_TEXT_NODE):
        chunk = piece[start:start + MAX_TEXT_NODE]
        t = SubElement(r, _T)
        t.text = chunk
        if len(chunk.strip()) < len(chunk):
            t.set(_SPACE, "preserve")


def _add_unbreakable(r, piece: str) -> None:
    """Hyphens as Word's non-breaking hyphen element, spaces as no-break spaces."""
    for i, part in enumerate(piece.replace(" ", "\u00a0").split("-")):
        if i:
            SubElement(r, _NOBREAK_HYPHEN)
        if part:
            _add_text(r, part)


def _add_run(p, text: str, bold: bool = False, italic: bool = False,
             nobreak: re.Pattern[str] | None = None):
    """A ``w:r`` as python-docx's ``add_run(text)`` makes it, built directly.

    python-docx walks the text a character at a time and places every child through its
    schema-ordering helpers; that was half of the export's time for long sections.
    """
    r = SubElement(p, _R)
    if bold or italic:
        rpr = SubElement(r, _RPR)
        if bold:
            SubElement(rpr, _B)
        if italic:
            SubElement(rpr, _I)
    for i, piece in enumerate(_CONTROL.split(text)):
        if i % 2:
            SubElement(r, _TAB if piece == "\t" else _BR)
            continue
        if nobreak is None or not piece:
            _add_text(r, piece)
            continue
        done = 0
        for m in nobreak.finditer(piece):
            if m.start() > done:
                _add_text(r, piece[done:m.start()])
            _add_unbreakable(r, m.group(0))
            done = m.end()
        if done < len(piece):
            _add_text(r, piece[done:])
    return r


def _format(p):
    """python-docx's paragraph formatting, for the few paragraphs that set it directly."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    return DocxParagraph(p, None).paragraph_format


class BodyWriter:
    """Writes blocks into the subdocument's body with the template's styles."""

    def __init__(self, container: Subdocument, styles: StyleMap, numbering: ListNumbering,
                 nobreak: re.Pattern[str] | None = None) -> None:
        self.c = container
        self.styles = styles
        self.numbering = numbering
        self.nobreak = nobreak
        self.last_p = None  # the last paragraph written (for keep-with-next)

    def _para(self, style_id: str | None):
        """A new ``w:p`` at the end of the body (the element, not python-docx's proxy)."""
        p = SubElement(self.c.body, _P)
        if style_id:
            SubElement(SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
        self.last_p = p
        return p

    def _runs(self, p, spans: tuple[Span, ...]) -> None:
        for span in spans:
            lines = span.text.split("\n")
            for i, line in enumerate(lines):
                if i:
                    SubElement(SubElement(p, _R), _BR)
                if line:
                    _add_run(p, line, span.bold, span.italic, self.nobreak)

    def heading(self, block: Heading) -> None:
        level = max(1, min(3, block.level))
        p = self._para(self.styles.heading[level - 1])
        _format(p).keep_with_next = True  # also when the template's heading style forgets it
        if self.styles.heading[level - 1] is None:  # no heading style: at least mark outline
            ppr = p.get_or_add_pPr()
            lvl = OxmlElement("w:outlineLvl")
            lvl.set(qn("w:val"), str(level - 1))
            ppr.insert_element_before(lvl, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                                      "w:pPrChange")
            self._runs(p, tuple(Span(s.text, True, s.italic) for s in block.spans))
            return
        self._runs(p, block.spans)

    def paragraph(self, block: Paragraph) -> None:
        self._runs(self._para(self.styles.normal), block.spans)

    def label(self, block: LabelLine, following=None) -> bool:
        """A label ("För åtgärd:") and the names under it are one unbreakable paragraph (the
        names after line breaks), so the label can never end a page alone; a chain of
        keep-with-next paragraphs (heading → label → name) is not always honoured by
        LibreOffice. Returns True when it also wrote the following paragraph."""
        p = self._para(self.styles.normal)
        _add_run(p, block.text, bold=True)
        fmt = _format(p)
        if not isinstance(following, Paragraph):
            fmt.space_after = Pt(0)
            fmt.keep_with_next = True
            return False
        SubElement(SubElement(p, _R), _BR)
        self._runs(p, following.spans)
        fmt.keep_together = True
        return True

    def att_sats(self, block: AttSats) -> None:
        p = self._para(self.styles.att_sats or self.styles.normal)
        if self.styles.att_sats is None:
            fmt = _format(p)
            fmt.left_indent = Cm(1.5)
            fmt.first_line_indent = Cm(-1.5)
            fmt.tab_stops.add_tab_stop(Cm(1.5))
        _add_run(p, "att\t")
        self._runs(p, block.spans)

    def keep_last_with_next(self) -> None:
        """The paragraph just written leads into what follows (a list, a table, the points)."""
        if self.last_p is not None:
            fmt = _format(self.last_p)
            fmt.keep_with_next = True
            fmt.widow_control = True  # so that its last lines, not all of it, come along

    def list_block(self, block: ListBlock) -> None:
        num_id = self.numbering.new_list(block.level_kinds())
        for item in block.items:
            ordered = block.item_ordered(item)
            p = self._para(self.styles.list_number if ordered else self.styles.list_bullet)
            _set_numpr(p, num_id, min(item.level, 2))
            self._runs(p, item.spans)

    def table(self, block: Table) -> None:
        ncols = max((len(r) for r in block.rows), default=0)
        if not ncols:
            return
        table = self.c.add_table(rows=len(block.rows), cols=ncols)
        if self.styles.table_grid:
            table._tbl.tblPr.style = self.styles.table_grid  # type: ignore[attr-defined]
        else:
            set_table_borders(table._tbl, "single")
        if block.widths and len(block.widths) == ncols:
            self._column_widths(table, block.widths)
        for r, row in enumerate(block.rows):
            cells = table.rows[r].cells
            for col in range(ncols):
                spans = row[col] if col < len(row) else ()
                para = cells[col].paragraphs[0]._p
                if block.header and r == 0:
                    spans = tuple(Span(s.text, True, s.italic) for s in spans)
                self._runs(para, spans)
        for r, row in enumerate(table.rows):
            set_row_flags(row._tr, cant_split=True, header=block.header and r == 0)
        if block.header and len(table.rows) > 1:  # the header row never alone at a page foot
            for cell in table.rows[0].cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
        self._para(self.styles.normal)  # Word needs a paragraph between adjacent tables

    def _column_widths(self, table, weights: tuple[float, ...]) -> None:
        """Relative widths (from the Markdown delimiter row) over the text width."""
        total = sum(weights) or 1.0
        widths = [int(self.c._width * w / total) for w in weights]
        table.autofit = False
        for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths,
                              strict=True):
            col.set(qn("w:w"), str(int(width / 635)))  # EMU → twips
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width

    def signatures(self, block: Signatures) -> None:
        """Names over titles, up to three side by side at tab stops, one paragraph per group
        (titles after a line break) whose lines stay together: a name can never part from its
        title. Groups keep with each other and with the paragraph before them. Paragraph keeps
        hold in Word and LibreOffice alike; LibreOffice ignores a keep from a paragraph into a
        table, where this block used to live, and does not follow chains of three kept
        paragraphs."""
        self.keep_last_with_next()
        if block.stacked:
            self._stacked(block)
            return
        cols = min(len(block.people), 3)
        stops = [int(self.c._width * k / cols) for k in range(1, cols)]
        groups = [block.people[i:i + cols] for i in range(0, len(block.people), cols)]
        for g, group in enumerate(groups):
            p = self._para(self.styles.normal)
            fmt = _format(p)
            fmt.space_before, fmt.space_after = Pt(36 if g == 0 else 24), Pt(0)
            fmt.keep_together = True
            fmt.keep_with_next = g < len(groups) - 1
            for stop in stops:
                fmt.tab_stops.add_tab_stop(stop)
            _add_run(p, "\t".join(name for name, _title in group), nobreak=self.nobreak)
            SubElement(SubElement(p, _R), _BR)
            _add_run(p, "\t".join(title for _name, title in group))

    def _stacked(self, block: Signatures) -> None:
        """Name over title, one person after the other, each a paragraph (as a document typed
        so has them): the name keeps with its title, each person with the next."""
        last = len(block.people) - 1
        for n, (name, title) in enumerate(block.people):
            for k, text in enumerate((name, title)):
                p = self._para(self.styles.normal)
                fmt = _format(p)
                fmt.space_before = Pt((36 if n == 0 else 24) if k == 0 else 0)
                fmt.space_after = Pt(0)
                fmt.keep_with_next = k == 0 or n < last
                _add_run(p, text, nobreak=self.nobreak if k == 0 else None)

    def write(self, block, following=None) -> bool:
        """Write one block; True when the following block was written with it."""
        if isinstance(block, LabelLine):
            return self.label(block, following)
        writers = {Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
                   Table: self.table, AttSats: self.att_sats, Signatures: self.signatures}
        writers[type(block)](block)
        if isinstance(block, Paragraph) and isinstance(following, ListBlock | Table | AttSats):
            self.keep_last_with_next()  # a lead-in sentence stays with its list or table
        return False
