"""Build DOCX and PDF versions of the text motions, the way councillors' files look."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.shared import Cm, Pt


def motion_docx(text: str, out: Path) -> Path:
    """One paragraph per line; lines with several "Name (Party)" become a signature table,
    as motions written in Word put the signatures side by side."""
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.5)
    document.styles["Normal"].font.size = Pt(10)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        cells = [c for c in re.split(r"\s{3,}", line) if c]
        if len(cells) > 1 and all("(" in c for c in cells):
            table = document.add_table(rows=1, cols=len(cells))
            for cell, name in zip(table.rows[0].cells, cells, strict=True):
                cell.text = name
            continue
        if line.startswith("Tillit är vägen") or line.startswith("Motion till"):
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    document.save(out)
    return out


def docx_to_pdf(docx_path: Path) -> Path:
    from tillit_desk.export.pdf import convert_to_pdf

    return convert_to_pdf(docx_path, docx_path.with_suffix(".pdf"))
