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


_LIST_ITEM = re.compile(r"^(?:(?P<bullet>[•\-–])|(?P<num>\d{1,2})[.)])\s+(?P<rest>\S.*)$")


def motion_docx_as_written(text: str, out: Path) -> Path:
    """The motion as a councillor would write it in Word: one paragraph per paragraph (a line
    that continues a sentence in lower case is joined to it), blank lines kept as empty
    paragraphs, bullets and numbers as real Word lists ("List Bullet"/"List Number",
    numbering in the numbering part, not typed characters), and names written side by side as
    a table."""
    from tillit_desk.motion.text import join_lines

    document = docx.Document()
    paragraph = None
    previous = ""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            if paragraph is not None or previous:
                document.add_paragraph("")
            paragraph, previous = None, ""
            continue
        cells = [c for c in re.split(r"\s{3,}", raw.strip()) if c]
        item = _LIST_ITEM.match(line)
        if len(cells) > 1:
            table = document.add_table(rows=1, cols=len(cells))
            for cell, name in zip(table.rows[0].cells, cells, strict=True):
                cell.text = name
            paragraph, previous = None, ""
            continue
        if item:
            style = "List Bullet" if item.group("bullet") else "List Number"
            paragraph = document.add_paragraph(item.group("rest"), style=style)
        elif paragraph is not None and line[:1].islower() \
                and not re.match(r"att\d*\b|[a-h][.)] ", line) \
                and not previous.endswith((".", "!", "?", ":", ";")):
            paragraph.text = join_lines([paragraph.text, line])  # a hard-wrapped line
        else:
            paragraph = document.add_paragraph(line)
        previous = line
    document.save(out)
    return out


def docx_files_to_pdf(docs: list[Path], outdir: Path, soffice: str) -> dict[Path, Path]:
    """All DOCX files to PDF with one LibreOffice start (each start costs seconds)."""
    import os
    import subprocess

    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                   check=True, capture_output=True, timeout=300,
                   env={**os.environ, "HOME": str(outdir)})
    return {d: outdir / (d.stem + ".pdf") for d in docs}
