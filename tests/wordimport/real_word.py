"""Real tjänsteskrivelser (tests/fixtures/tjansteskrivelser/, sources in SOURCES.md) as Word
files: each text file's light markup becomes the paragraphs, headings, lists, header and footer
a municipality's Word template gives them (the markup is described in SOURCES.md)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.shared import Pt

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "tjansteskrivelser"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def names() -> list[str]:
    return sorted(p.name for p in FOLDER.glob("*.txt"))


def expected() -> dict:
    data = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return data


def lines(name: str) -> list[str]:
    return (FOLDER / name).read_text(encoding="utf-8").splitlines()


def _heading_styles(document, spec: str) -> list[str | None]:
    """The style per heading level: Word's own, localised ones made here, or None (bold)."""
    if spec == "bold":
        return [None, None]
    styles = [s.strip() for s in spec.split(",")]
    for level, name in enumerate(styles, 1):
        if name not in [s.name for s in document.styles]:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.font.bold = True
            style.font.size = Pt(16 - 2 * level)
    return styles + styles[-1:]


def _runs(paragraph, text: str) -> None:
    """``**bold**`` parts as bold runs, the rest plain."""
    for n, part in enumerate(_BOLD.split(text)):
        if part:
            paragraph.add_run(part).bold = bool(n % 2)


def build(name: str) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first, later = section.first_page_header, section.header
    first.paragraphs[0].text = ""
    headings: list[str | None] = [None, None]
    used_first = used_later = False
    for line in lines(name):
        if line.startswith("@style "):
            headings = _heading_styles(document, line.split("headings=", 1)[1])
        elif line.startswith("@header-table "):
            cells = [c.strip() for c in line.split(" ", 1)[1].split("|")]
            table = first.tables[-1] if first.tables and first._element[-1].tag.endswith(
                "tbl") else None
            if table is None or len(table.columns) != len(cells):
                table = first.add_table(rows=0, cols=len(cells), width=section.page_width)
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.paragraphs[0].text = text
        elif line.startswith("@header "):
            text = line.split(" ", 1)[1]
            if not used_first:
                first.paragraphs[0].text, used_first = text, True
            else:
                first.add_paragraph(text)
        elif line.startswith("@page-header "):
            text = line.split(" ", 1)[1]
            if not used_later:
                later.paragraphs[0].text, used_later = text, True
            else:
                later.add_paragraph(text)
        elif line.startswith("@footer "):
            for footer in (section.first_page_footer, section.footer):
                footer.add_paragraph(line.split(" ", 1)[1])
        elif line.startswith("@title "):
            document.add_paragraph(line.split(" ", 1)[1], style="Title")
        elif line == "@blank":
            document.add_paragraph("")
        elif line == "@pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif line.startswith(("# ", "## ")):
            level = 1 if line.startswith("# ") else 2
            text = line.split(" ", 1)[1]
            style = headings[level - 1]
            if style is None:
                document.add_paragraph().add_run(text).bold = True
            else:
                document.add_paragraph(text, style=style)
        elif line.startswith("- "):
            _runs(document.add_paragraph(style="List Bullet"), line[2:])
        elif re.match(r"^\d+\. ", line):
            _runs(document.add_paragraph(style="List Number"), line.split(" ", 1)[1])
        elif line.strip():
            _runs(document.add_paragraph(), line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
