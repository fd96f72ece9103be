"""Composed document → the organisation's Word template (docxtpl) → DOCX.

The template owns the look: fonts, margins, header and footer, page fields. We fill its Jinja tags
in a sandbox (autoescape on, undefined names are errors) and build the section bodies with
python-docx as a subdocument that uses the template's own styles, found by identity.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml.etree import SubElement

from ..case import Case
from ..compose import AttSats, ComposedDocument, LabelLine, Signatures, compose
from ..errors import ExportError, TemplateError
from ..markup import Heading, ListBlock, Paragraph, Span, Table
from ..profiles import Profile
from ..safe_write import atomic_write
from ..sanitize import clean_tree
from .case_part import embed_case
from .ooxml import (
    LANGUAGE,
    normalise_package,
    set_row_flags,
    set_table_borders,
    set_table_description,
)
from .styles import StyleMap, resolve_styles
from .template_safety import removal_warning, strip_active_content
from .templating import MISSING_BODY, has_body_tag, load_template, render_template

Progress = Callable[[int, int, str], None]


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- numbering (real Word lists)

_BULLETS = ("•", "–", "▪")


class _Numbering:
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


class _Subdocument:
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


def _add_run(p, text: str, bold: bool = False, italic: bool = False):
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
        # libxml2 cuts a text node over 10 MB when docxtpl re-parses the document (silently, in
        # recover mode): a very long paragraph is written as several w:t in the same run.
        for start in range(0, len(piece), MAX_TEXT_NODE):
            chunk = piece[start:start + MAX_TEXT_NODE]
            t = SubElement(r, _T)
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(_SPACE, "preserve")
    return r


def _format(p):
    """python-docx's paragraph formatting, for the few paragraphs that set it directly."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    return DocxParagraph(p, None).paragraph_format


class _BodyWriter:
    """Writes blocks into the subdocument's body with the template's styles."""

    def __init__(self, container: _Subdocument, styles: StyleMap, numbering: _Numbering) -> None:
        self.c = container
        self.styles = styles
        self.numbering = numbering

    def _para(self, style_id: str | None):
        """A new ``w:p`` at the end of the body (the element, not python-docx's proxy)."""
        p = SubElement(self.c.body, _P)
        if style_id:
            SubElement(SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
        return p

    @staticmethod
    def _runs(p, spans: tuple[Span, ...]) -> None:
        for span in spans:
            lines = span.text.split("\n")
            for i, line in enumerate(lines):
                if i:
                    SubElement(SubElement(p, _R), _BR)
                if line:
                    _add_run(p, line, span.bold, span.italic)

    def heading(self, block: Heading) -> None:
        level = max(1, min(3, block.level))
        p = self._para(self.styles.heading[level - 1])
        if self.styles.heading[level - 1] is None:  # no heading style: at least mark outline
            ppr = p.get_or_add_pPr()
            lvl = OxmlElement("w:outlineLvl")
            lvl.set(qn("w:val"), str(level - 1))
            ppr.append(lvl)
            self._runs(p, tuple(Span(s.text, True, s.italic) for s in block.spans))
            return
        self._runs(p, block.spans)

    def paragraph(self, block: Paragraph) -> None:
        self._runs(self._para(self.styles.normal), block.spans)

    def label(self, block: LabelLine) -> None:
        p = self._para(self.styles.normal)
        _add_run(p, block.text, bold=True)
        _format(p).space_after = Pt(0)

    def att_sats(self, block: AttSats) -> None:
        p = self._para(self.styles.att_sats or self.styles.normal)
        if self.styles.att_sats is None:
            fmt = _format(p)
            fmt.left_indent = Cm(1.5)
            fmt.first_line_indent = Cm(-1.5)
            fmt.tab_stops.add_tab_stop(Cm(1.5))
        _add_run(p, "att\t")
        self._runs(p, block.spans)

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
        for r, row in enumerate(block.rows):
            cells = table.rows[r].cells
            for col in range(ncols):
                spans = row[col] if col < len(row) else ()
                para = cells[col].paragraphs[0]._p
                if block.header and r == 0:
                    spans = tuple(Span(s.text, True, s.italic) for s in spans)
                self._runs(para, spans)
        if block.header:
            set_row_flags(table.rows[0]._tr, header=True)
        self._para(self.styles.normal)  # Word needs a paragraph between adjacent tables

    def signatures(self, block: Signatures) -> None:
        spacer = self._para(self.styles.normal)
        _format(spacer).space_before = Pt(24)
        cols = min(len(block.people), 3)
        rows = (len(block.people) + cols - 1) // cols
        table = self.c.add_table(rows=rows, cols=cols)
        set_table_description(table._tbl, "Underskrifter")
        for i, (name, title) in enumerate(block.people):
            cell = table.rows[i // cols].cells[i % cols]
            p = cell.paragraphs[0]
            p.paragraph_format.space_before = Pt(24)
            p.paragraph_format.space_after = Pt(0)
            p.add_run(name)
            cell.add_paragraph(title)

    def write(self, block) -> None:
        writers = {Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
                   Table: self.table, AttSats: self.att_sats, Signatures: self.signatures,
                   LabelLine: self.label}
        writers[type(block)](block)


# ---------------------------------------------------------------- document-level settings


_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


CORE_PROPERTY_LIMIT = 255  # python-docx's (and Word's) limit for a core property


def _property(text: str) -> str:
    """A document property on one line and within the limit (the printed text stays whole)."""
    text = " ".join(text.split())
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[:CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def _set_core_properties(document, composed: ComposedDocument) -> None:
    """Title, author and language for screen readers and the diarium.

    Only dc:/dcterms: properties go through python-docx: docxcompose (loaded by docxtpl) rebinds
    the ``cp`` prefix, so ``cp:`` properties are written here with their full namespace.
    """
    import datetime as _dt

    props = document.core_properties
    props.title = _property(composed.header.title or composed.header.document_type)
    props.author = _property(composed.header.ref_name)
    props.language = LANGUAGE
    props.subject = _property(composed.header.diarienummer)
    props.comments = ""
    now = _dt.datetime.now(_dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    core = document.part.package.core_properties._element
    for local, value in (("lastModifiedBy", _property(composed.header.ref_name)),
                         ("keywords", "")):
        el = core.find(_CP + local)
        if el is not None:
            el.text = value


def template_context(composed: ComposedDocument, case: Case, profile: Profile) -> dict:
    """Names the Word template may use (documented in docs/templates.md)."""
    h = composed.header
    from ..phrases import case_context

    ctx = clean_tree(case_context(case))  # a user's template may print any field
    ctx["document"] = dict(ctx["document"])
    ctx["document"].update(
        title=h.title, date=h.date, diarienummer=h.diarienummer, organisation=h.organisation,
        unit=h.unit, document_type=h.document_type,
    )
    ctx["handlaggare"] = {"name": h.ref_name, "title": h.ref_title, "email": h.ref_email,
                          "phone": h.ref_phone}
    ctx["document"]["handlaggare"] = ctx["handlaggare"]
    ctx["profile"] = {"id": profile.id, "name": profile.name}
    return ctx


def render_docx(case: Case, profile: Profile, template: Path | None = None,
                progress: Progress | None = None) -> tuple[bytes, list[str]]:
    """Build the DOCX in memory; returns its bytes and the exporter's warnings."""
    step = progress or (lambda i, n, msg: None)
    step(0, 4, "Sammanställer dokumentet")
    composed = compose(case, profile)
    step(1, 4, "Läser Word-mallen")
    template_path = Path(template or profile.template_path)
    tpl = load_template(template_path)
    document = tpl.get_docx()
    if not has_body_tag(document):
        raise TemplateError(f"Word-mallen {template_path.name}: {MISSING_BODY} Med den här "
                            "mallen skulle exporten sakna alla avsnitt. Kör \"validate-template\".")
    styles = resolve_styles(document.styles.element)
    warnings = list(composed.warnings)
    removed = strip_active_content(document)
    if removed:
        warnings.append(removal_warning(removed))
    if len(composed.header.title) > CORE_PROPERTY_LIMIT:
        warnings.append(f"Titeln är {len(composed.header.title)} tecken lång; i dokumentets "
                        f"egenskaper (Arkiv → Egenskaper) kortas den till {CORE_PROPERTY_LIMIT} "
                        "tecken. I själva dokumentet står hela titeln.")
    missing = styles.missing()
    if missing:
        warnings.append("Mallen saknar formatmallarna " + ", ".join(missing)
                        + "; texten formateras direkt i stället.")
    step(2, 4, "Skriver avsnitten")
    body = _Subdocument(document)
    numbering = _Numbering(document.part.numbering_part.element)
    writer = _BodyWriter(body, styles, numbering)
    for _section_id, block in composed.blocks:
        writer.write(block)
    context = template_context(composed, case, profile)
    context["body"] = body
    render_template(tpl, context, extra_chars=len(body.__html__()))
    step(3, 4, "Sparar")
    normalise_package(document)
    _set_core_properties(document, composed)
    embed_case(document, case)  # the Word import's base for a three-way diff (case_part.py)
    buffer = io.BytesIO()
    try:
        tpl.save(buffer)
    except ValueError as err:
        raise ExportError(f"Dokumentet kunde inte sparas: {err}") from err
    return buffer.getvalue(), warnings


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_output_path(out: Path, *, template: Path | None = None,
                      sources: Sequence[Path | str] = ()) -> None:
    """The export must never overwrite what it reads: the case file or the Word template."""
    if template is not None and _same_file(out, Path(template)):
        raise ExportError(f"{out} är Word-mallen som exporten läser; välj ett annat filnamn så "
                          "att mallen inte skrivs över.")
    for source in sources:
        if _same_file(out, Path(source)):
            raise ExportError(f"{out} är ärendefilen som exporten läser; välj ett annat filnamn "
                              "så att ärendet inte skrivs över.")


def export_docx(case: Case, profile: Profile, out: Path | str, *, template: Path | None = None,
                progress: Progress | None = None, sources: Sequence[Path | str] = ()
                ) -> ExportResult:
    """Export atomically: a failed export never leaves a partial file or harms an earlier one.
    ``sources`` are the files the case came from (never overwritten)."""
    out = Path(out)
    check_output_path(out, template=Path(template or profile.template_path), sources=sources)
    if out.suffix.lower() != ".docx":
        raise ExportError(f"{out}: filnamnet ska sluta på .docx.")
    if out.is_dir():
        raise ExportError(f"{out} är en mapp. Ange ett filnamn som slutar på .docx.")
    if not out.parent.is_dir():
        raise ExportError(f"Mappen {out.parent} finns inte.")
    try:
        data, warnings = render_docx(case, profile, template, progress)
    except TemplateError:
        raise
    atomic_write(out, lambda fh: fh.write(data), keep_backup=False, error_cls=ExportError)
    if progress:
        progress(4, 4, "Klart")
    return ExportResult(out, warnings)
