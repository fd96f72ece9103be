"""Builds the starter Word templates that ship with the built-in profiles.

The committed ``templates/<id>/tjansteskrivelse.docx`` files are made by this module
(``python main.py build-template``), so they are reproducible and we ship nothing we did not make.
An organisation replaces them with its own template, made in Word, with the same tags.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..profiles import Profile
from .ooxml import normalise_package, set_table_borders


@dataclass(frozen=True)
class Look:
    font: str = "Calibri"
    size: float = 11
    heading_font: str | None = None
    localised_ids: bool = False  # style ids as Swedish Word writes them (Rubrik1, Punktlista)
    localised_names: bool = False  # style names as LibreOffice in Swedish writes them
    layout: str = "standard"  # first-page header: "standard", "malmo" or "region"


LOOKS: dict[str, Look] = {
    "generic": Look(),
    "lund-kommun": Look(font="Times New Roman", size=12, heading_font="Arial",
                        localised_ids=True),
    "malmo-stad": Look(font="Arial", size=10.5, layout="malmo"),
    "region-skane": Look(font="Georgia", size=11, heading_font="Arial", localised_ids=True,
                         localised_names=True, layout="region"),
}

SWEDISH_IDS = {
    "Heading1": ("Rubrik1", "Rubrik 1"), "Heading2": ("Rubrik2", "Rubrik 2"),
    "Heading3": ("Rubrik3", "Rubrik 3"), "Title": ("Rubrik", "Rubrik"),
    "ListBullet": ("Punktlista", "Punktlista"), "ListNumber": ("Numreradlista", "Numrerad lista"),
    "TableGrid": ("Tabellrutnt", "Tabellrutnät"), "Header": ("Sidhuvud", "Sidhuvud"),
    "Footer": ("Sidfot", "Sidfot"),
}


def _field(paragraph, instr: str, placeholder: str) -> None:
    """A real Word field (PAGE, NUMPAGES): python-docx has no API for fields."""
    def run_with(child) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run_with(text)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_page_number(paragraph, page_format: str) -> None:
    """Write e.g. "{page} ({pages})" as text with PAGE and NUMPAGES fields."""
    for piece in re.split(r"(\{page\}|\{pages\})", page_format):
        if piece == "{page}":
            _field(paragraph, "PAGE", "1")
        elif piece == "{pages}":
            _field(paragraph, "NUMPAGES", "1")
        elif piece:
            paragraph.add_run(piece)


def _line(cell_or_doc, text: str, *, bold: bool = False, size: float | None = None,
          first: bool = False, align=None):
    p = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    return p


def _style_fonts(document, look: Look) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = look.font
    normal.font.size = Pt(look.size)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.widow_control = True  # as in Word's own Normal style
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), look.font)
    for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = look.heading_font or look.font
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        ppr = style.element.get_or_add_pPr()
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
        r_fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if r_fonts is not None and r_fonts.get(qn(attr)) is not None:
                del r_fonts.attrib[qn(attr)]
    att = styles.add_style("Att-sats", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    att.base_style = normal
    att.paragraph_format.left_indent = Cm(1.5)
    att.paragraph_format.first_line_indent = Cm(-1.5)
    att.paragraph_format.tab_stops.add_tab_stop(Cm(1.5))


def _localise(document, look: Look) -> None:
    """Rename style ids (and names) the way Swedish Word / LibreOffice would."""
    if not look.localised_ids:
        return
    styles_el = document.styles.element
    for style in styles_el.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if sid in SWEDISH_IDS:
            style.set(qn("w:styleId"), SWEDISH_IDS[sid][0])
            if look.localised_names:
                style.find(qn("w:name")).set(qn("w:val"), SWEDISH_IDS[sid][1])
    refs = ("w:basedOn", "w:next", "w:link", "w:pStyle", "w:tblStyle")
    parts = [styles_el, document.element]
    for section in document.sections:
        for hf in (section.header, section.first_page_header, section.footer,
                   section.first_page_footer):
            parts.append(hf._element)
    for root in parts:
        for tag in refs:
            for el in root.iter(qn(tag)):
                val = el.get(qn("w:val"))
                if val in SWEDISH_IDS:
                    el.set(qn("w:val"), SWEDISH_IDS[val][0])


def _header_table(header, widths: tuple[float, ...]):
    table = header.add_table(rows=1, cols=len(widths), width=Cm(sum(widths)))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    set_table_borders(table._tbl, "nil")
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Cm(width)
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    return table.rows[0].cells


def _if(container, condition: str, body) -> None:
    """docxtpl paragraph tags around ``body()``'s paragraphs: with an empty value neither the
    label nor the value is printed (no "Diarienummer:" over nothing)."""
    _line(container, f"{{%p if {condition} %}}")
    body()
    _line(container, "{%p endif %}")


def _reference_block(container, *, labelled_lines: bool, size: float = 9) -> None:
    """Vår referens: name, title and e-mail on lines of their own (or name, title on one)."""
    def lines() -> None:
        _line(container, "Vår referens", bold=True, size=size).paragraph_format.space_before = (
            Pt(10))
        if labelled_lines:
            _if(container, "handlaggare.name",
                lambda: _line(container, "{{ handlaggare.name }}", size=size))
            _if(container, "handlaggare.title",
                lambda: _line(container, "{{ handlaggare.title }}", size=size))
            _if(container, "handlaggare.email",
                lambda: _line(container, "{{ handlaggare.email }}", size=size))
            _if(container, "handlaggare.phone",
                lambda: _line(container, "{{ handlaggare.phone }}", size=size))
        else:
            _if(container, "handlaggare.name or handlaggare.title", lambda: _line(
                container, "{{ handlaggare.name }}{% if handlaggare.name and handlaggare.title %}"
                           ", {% endif %}{{ handlaggare.title }}", size=size))
            _if(container, "handlaggare.email or handlaggare.phone", lambda: _line(
                container, "{{ handlaggare.email }}{% if handlaggare.email and handlaggare.phone"
                           " %} · {% endif %}{{ handlaggare.phone }}", size=size))
    _if(container, "handlaggare.name or handlaggare.title or handlaggare.email or "
                   "handlaggare.phone", lines)


def _org_and_page(header, profile: Profile, widths=(13.5, 2.5), size: float = 13):
    """A borderless row: organisation (and unit) at the left, "1 (8)" at the right."""
    left, right = _header_table(header, widths)
    _line(left, "{{ document.organisation }}", bold=True, size=size, first=True)
    page = _line(right, "", first=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_page_number(page, profile.page_format)
    return left


def _drop_own_paragraph(header) -> None:
    """A new header has one empty paragraph; the layout's own paragraphs follow the table."""
    own = header.paragraphs[0]
    if not own.text and own._p.getprevious() is None:
        own._p.getparent().remove(own._p)


def _header_standard(section, profile: Profile) -> None:
    """Organisation | document type, date, diarienummer | page; then Vår referens."""
    first = section.first_page_header
    left, middle, right = _header_table(first, (6.0, 7.5, 2.5))
    _line(left, "{{ document.organisation }}", bold=True, size=13, first=True)
    _line(left, "{{ document.unit }}")
    _line(middle, "{{ document.document_type }}", bold=True, size=13, first=True)
    _if(middle, "document.date", lambda: _line(middle, "Datum: {{ document.date }}"))
    _if(middle, "document.diarienummer",
        lambda: _line(middle, "Diarienummer: {{ document.diarienummer }}"))
    page = _line(right, "", first=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_page_number(page, profile.page_format)
    _drop_own_paragraph(first)
    _reference_block(first, labelled_lines=False)
    _line(first, "").paragraph_format.space_after = Pt(6)


def _header_malmo(section, profile: Profile) -> None:
    """Malmö stad's first page: "Malmö stad" / "Stadskontoret" with "1 (8)" at the right; a
    block "Datum" over the date; "Vår referens" over name, title and e-mail on lines of their
    own; "Tjänsteskrivelse". The title and, under it, the diarienummer are in the body."""
    first = section.first_page_header
    left = _org_and_page(first, profile)
    _line(left, "{{ document.unit }}")
    _drop_own_paragraph(first)

    def date() -> None:
        _line(first, "Datum", bold=True, size=9).paragraph_format.space_before = Pt(12)
        _line(first, "{{ document.date }}", size=9)
    _if(first, "document.date", date)
    _reference_block(first, labelled_lines=True)
    doc_type = _line(first, "{{ document.document_type }}", bold=True, size=13)
    doc_type.paragraph_format.space_before = Pt(18)
    doc_type.paragraph_format.space_after = Pt(12)


def _header_region(section, profile: Profile) -> None:
    """Region Skåne's first page: "Region Skåne" and the unit with the page at the right, then
    only the fields that have a value; the document itself starts with the title."""
    first = section.first_page_header
    left = _org_and_page(first, profile)
    _line(left, "{{ document.unit }}")
    _drop_own_paragraph(first)
    _if(first, "document.date", lambda: _line(first, "Datum {{ document.date }}", size=9))
    _if(first, "document.diarienummer",
        lambda: _line(first, "Diarienummer {{ document.diarienummer }}", size=9))
    _reference_block(first, labelled_lines=True)
    _line(first, "").paragraph_format.space_after = Pt(12)


def _follow_header(section, profile: Profile, *, with_fields: bool) -> None:
    """Pages 2–: organisation, (date and diarienummer,) page."""
    follow = section.header
    if with_fields:
        left, middle, right = _header_table(follow, (6.0, 7.5, 2.5))
        _line(left, "{{ document.organisation }}", bold=True, first=True)
        _line(middle, "{% if document.date %}Datum: {{ document.date }}{% endif %}", first=True)
        _line(middle, "{% if document.diarienummer %}Diarienummer: "
                      "{{ document.diarienummer }}{% endif %}")
        page = _line(right, "", first=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        add_page_number(page, profile.page_format)
    else:
        left, right = _header_table(follow, (13.5, 2.5))
        _line(left, "{{ document.organisation }}", bold=True, first=True)
        _line(left, "{% if document.diarienummer %}{{ document.diarienummer }}{% endif %}",
              size=9)
        page = _line(right, "", first=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        add_page_number(page, profile.page_format)
    spacer = follow.paragraphs[0]  # the header's own empty paragraph: move it under the table
    spacer.paragraph_format.space_after = Pt(12)
    follow._element.append(spacer._p)


def build_template(profile: Profile) -> bytes:
    look = LOOKS.get(profile.id, Look())
    document = docx.Document()
    _style_fonts(document, look)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.different_first_page_header_footer = True

    header = {"malmo": _header_malmo, "region": _header_region}.get(look.layout,
                                                                     _header_standard)
    header(section, profile)
    _follow_header(section, profile, with_fields=look.layout == "standard")

    for footer in (section.first_page_footer, section.footer):
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run("{{ document.organisation }} · {{ document.unit }}")
        run.font.size = Pt(8)

    def addressee() -> None:  # "Socialnämnden" over the title, when the case has one
        _line(document, "{{ document.addressee }}").paragraph_format.space_after = Pt(12)
    _if(document, "document.addressee", addressee)
    title = document.add_paragraph("{{ document.title }}", style="Title")
    title.paragraph_format.space_after = Pt(12)
    if look.layout == "malmo":  # the diarienummer on its own line under the title
        title.paragraph_format.space_after = Pt(2)
        def dnr() -> None:
            _line(document, "{{ document.diarienummer }}").paragraph_format.space_after = Pt(12)
        _if(document, "document.diarienummer", dnr)
    document.add_paragraph("{{p body }}")
    for p in list(document.paragraphs):
        if not p.text and p._p is not title._p:
            p._p.getparent().remove(p._p)
    _localise(document, look)
    props = document.core_properties
    props.author = "Tillit Desk"
    props.title = f"Mall: {profile.name}"
    props.language = "sv-SE"
    props.comments = ""
    import datetime as _dt

    fixed = _dt.datetime(2026, 1, 1)
    props.created = props.modified = fixed
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's stock thumbnail shows another document
            del package.rels[rid]
    normalise_package(document)  # Swedish settings and language, app.xml names Tillit Desk
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_template(profile: Profile, out: Path) -> None:
    out.write_bytes(build_template(profile))
