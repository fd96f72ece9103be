"""Lunds kommun's answer KS 2022/0086 as its Word file would be: the published text
(tests/fixtures/lund-tjansteskrivelse-ks-2022-0086.txt, a public record) typed into a document
with Lund's first-page header, Heading 1/2/3, bullet lists from Word numbering, att-satser,
and the signatures as name and title paragraphs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / \
    "lund-tjansteskrivelse-ks-2022-0086.txt"
HEADINGS_1 = {"Förslag till beslut", "Sammanfattning", "Underlag för beslutet", "Ärendet",
              "Beredning", "Barnets bästa", "Ekonomiska konsekvenser", "Beslutet skickas till"}
HEADINGS_2 = {"Bakgrund", "Föredragning"}
PAGE_HEADER = {"2022-05-02", "Diarienummer", "KS 2022/0086"}  # repeated on every page


def lines() -> list[str]:
    text = FIXTURE.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def lund_docx() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    table = first.add_table(rows=1, cols=2, width=section.page_width)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = "Lunds kommun"
    left.add_paragraph("Kommunkontoret")
    right.paragraphs[0].text = "Tjänsteskrivelse"
    for text in ("2022-05-02", "Diarienummer", "KS 2022/0086"):
        right.add_paragraph(text)
    first.add_paragraph("Anders Eriksson")
    first.add_paragraph("Handläggare")
    section.header.paragraphs[0].text = "2022-05-02 Diarienummer KS 2022/0086"
    body = lines()
    start = body.index("Handläggare") + 1
    title = body[start]
    document.add_paragraph(title, style="Title")
    for line in body[start + 1:]:
        if line in PAGE_HEADER:
            continue
        if line in HEADINGS_1:
            document.add_paragraph(line, style="Heading 1")
        elif line in HEADINGS_2:
            document.add_paragraph(line, style="Heading 2")
        elif line.startswith("Om ") and len(line) < 90 and not line.endswith("."):
            document.add_paragraph(line, style="Heading 3")
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif "*" in line:
            p = document.add_paragraph()
            for n, part in enumerate(re.split(r"\*", line)):
                p.add_run(part).italic = bool(n % 2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
