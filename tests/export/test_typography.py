"""Typography as Word users expect: what belongs together stays on one page, dates never break.

The XML tests check the properties; the print test moves the signature block and the recipient
labels over every page-break position in real LibreOffice and reads the pages back from the PDF.
"""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docxtools import part
from pypdf import PdfReader

from tillit_desk.case import Recipient, Signatory
from tillit_desk.export.docx import export_docx, render_docx
from tillit_desk.export.pdf import convert_many_to_pdf, convert_to_pdf


def _doc(data: bytes):
    return docx.Document(io.BytesIO(data))


def test_signature_block_keeps_together(example_case, registry):
    case = copy.deepcopy(example_case)
    case.signatories = [Signatory(f"Namn {i}", f"Titel {i}") for i in range(5)]
    document = _doc(render_docx(case, registry.get("lund-kommun"))[0])
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Namn 0\tNamn 1\tNamn 2\nTitel 0\tTitel 1\tTitel 2")
    block = document.paragraphs[start - 1:start + 2]
    assert block[2].text == "Namn 3\tNamn 4\nTitel 3\tTitel 4"
    assert all(p.paragraph_format.keep_together for p in block[1:])  # name + title unbreakable
    assert [bool(p.paragraph_format.keep_with_next) for p in block] == [True, True, False]


def test_labels_headings_and_lead_ins_keep_with_next(example_case, registry):
    case = copy.deepcopy(example_case)
    case.skickas_till = [Recipient("Ekonomi", "åtgärd"), Recipient("Motionärerna", "kännedom")]
    case.sections["ekonomiska_konsekvenser"] = (
        "Kostnaderna framgår av tabellen:\n\n| År | Kostnad |\n|---|---|\n| 2023 | 5 |")
    document = _doc(render_docx(case, registry.get("lund-kommun"))[0])
    by_text = {p.text: p for p in document.paragraphs}
    for text in ("Beslutet skickas till", "Ärendet", "Kostnaderna framgår av tabellen:"):
        assert by_text[text].paragraph_format.keep_with_next, text
    for text in ("För åtgärd:\nEkonomi", "För kännedom:\nMotionärerna"):  # one unbreakable par.
        assert by_text[text].paragraph_format.keep_together, text
        assert by_text[text].runs[0].bold
    chain = next(p for p in document.paragraphs if p.text.startswith("Kommunstyrelsens arbets"))
    assert chain.paragraph_format.keep_with_next  # the chain stays with its att-satser


def test_dates_and_diarienummer_get_non_breaking_hyphens(example_case, registry):
    case = copy.deepcopy(example_case)
    case.document.diarienummer = "STK-2020-1262"
    case.sections["arendet"] = "Beslutet 2022-08-03 i ärende STK-2020-1262 gäller."
    xml = part(render_docx(case, registry.get("malmo-stad"))[0], "word/document.xml")
    assert ("<w:t>2022</w:t><w:noBreakHyphen/><w:t>08</w:t><w:noBreakHyphen/><w:t>03</w:t>"
            in xml)
    assert "<w:t>STK</w:t><w:noBreakHyphen/><w:t>2020</w:t><w:noBreakHyphen/>" in xml
    case.document.diarienummer = "KS 2022/0086"
    case.sections["arendet"] = "Ärende KS 2022/0086 gäller."
    xml = part(render_docx(case, registry.get("lund-kommun"))[0], "word/document.xml")
    assert "KS\u00a02022/0086" in xml


def test_tables_with_and_without_header_and_with_widths(example_case, registry):
    case = copy.deepcopy(example_case)
    case.sections["ekonomiska_konsekvenser"] = (
        "| | |\n|---|---|\n| Utan | rubrik |\n\n"
        "| Post | Belopp |\n|------------|----|\n| Lön | 5 |")
    document = _doc(render_docx(case, registry.get("generic"))[0])
    plain = next(t for t in document.tables if t.rows[0].cells[0].text == "Utan")
    assert len(plain.rows) == 1 and "tblHeader" not in plain._tbl.xml
    assert "<w:b/>" not in plain._tbl.xml
    wide = next(t for t in document.tables if t.rows[0].cells[0].text == "Post")
    assert "tblHeader" in wide._tbl.xml
    grid = [int(c.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
        for c in wide._tbl.tblGrid]
    assert grid[0] == pytest.approx(3 * grid[1], rel=0.01)
    assert wide.rows[1].cells[0].width == pytest.approx(3 * wide.rows[1].cells[1].width,
                                                       rel=0.01)


# ------------------------------------------------------------------ print: every break position

PEOPLE = [("Signe Underskriftsdotter", "Stressdirektör"), ("Tage Namnteckningsson", "Provchef")]
RECIPIENTS = [("Åtgärdsmottagare Ett", "åtgärd"), ("Åtgärdsmottagare Två", "åtgärd"),
              ("Kännedomsmottagare Ett", "kännedom"), ("Kännedomsmottagare Två", "kännedom")]
LABELS = [("För åtgärd:", "Åtgärdsmottagare Ett"), ("För kännedom:", "Kännedomsmottagare Ett")]


def _page_of(pages: list[str], needle: str) -> int:
    hits = [i for i, text in enumerate(pages) if needle in text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


@pytest.mark.print
def test_signatures_and_labels_never_split_at_any_page_break(example_case, registry, tmp_path):
    from conftest import require_tool

    require_tool("soffice")
    lund = registry.get("lund-kommun")
    base = copy.deepcopy(example_case)
    for sid in ("arendet", "bedomning", "beredning", "sammanfattning"):
        base.sections[sid] = ""
    base.signatories = [Signatory(n, t) for n, t in PEOPLE]
    base.skickas_till = [Recipient(n, p) for n, p in RECIPIENTS]
    docs = []
    # One more one-line paragraph each time (a line plus the paragraph spacing, ~20 pt; the
    # signature block is ~64 pt high): over a whole page. The last paragraph before the block
    # wraps to two lines, as real text does. LibreOffice 7.4 moves a paragraph kept with the
    # next one only as a whole and ignores keeps next to a paragraph with a manual line break,
    # so the padding is short paragraphs, not one long one with line breaks.
    for lines in range(0, 44):
        case = copy.deepcopy(base)
        case.sections["ekonomiska_konsekvenser"] = "\n\n".join(
            [f"Utfyllnadsrad {i}." for i in range(lines + 10)]
            + ["Utfyllnadsrad sist, som är den sista och längsta raden före underskrifterna och "
               "därför bryts den till en andra rad i den här mallen."])
        docs.append(export_docx(case, lund, tmp_path / f"pad{lines:02d}.docx").path)
    pdfs = convert_many_to_pdf(docs)
    crossings = 0
    pages_seen = set()
    alone: list[str] = []
    heading_alone: list[str] = []
    for pdf in pdfs:
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages]
        pages_seen.add(len(pages))
        for name, title in PEOPLE:
            assert _page_of(pages, name) == _page_of(pages, title), (pdf.name, name)
        for label, first in LABELS:
            assert _page_of(pages, label) == _page_of(pages, first), (pdf.name, label)
        sig_page = _page_of(pages, PEOPLE[0][0])
        if "Utfyllnadsrad" not in pages[sig_page]:
            alone.append(pdf.stem)
        if _page_of(pages, "Beslutet skickas till") != _page_of(pages, "För åtgärd:"):
            heading_alone.append(pdf.stem)
        crossings += sig_page != _page_of(pages, "Kommunstyrelsens arbetsutskott")
    # Keep-with-next from the last paragraph into the signatures and from the heading into
    # the first label is in the XML (tested above; Word honours it). LibreOffice 7.4 does not
    # always: it leaves a kept paragraph in place in some geometries (reproduced with a
    # minimal python-docx document). Those positions are printed, not asserted.
    print(f"\n{len(pdfs)} positions; signatures without text before them on their page: "
          f"{alone}; heading apart from its first label: {heading_alone}")
    assert len(alone) <= 2 and len(heading_alone) <= 2
    assert crossings > 10  # the padding really moved the block over page breaks
    assert pages_seen == {2, 3}


@pytest.mark.print
def test_plain_pdf_is_tagged(example_case, registry, tmp_path):
    from conftest import require_tool

    require_tool("soffice")
    out = export_docx(example_case, registry.get("lund-kommun"), tmp_path / "a.docx").path
    reader = PdfReader(str(convert_to_pdf(out)))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
