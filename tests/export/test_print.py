"""Print for real: the example case through LibreOffice to PDF, read back with pypdf.

Locally these skip when LibreOffice is missing; .ci/run installs it and sets
TILLIT_REQUIRE_PRINT=1, which turns a skip into a failure.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from tillit_desk.export.docx import export_docx
from tillit_desk.export.pdf import convert_to_pdf

pytestmark = pytest.mark.print


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from conftest import require_tool

    from tillit_desk.example import load_example
    from tillit_desk.profiles import ProfileRegistry

    require_tool("soffice")
    folder = tmp_path_factory.mktemp("print")
    case = load_example()
    docx_path = export_docx(case, ProfileRegistry().get(case.profile), folder / "lund.docx").path
    return folder, docx_path, convert_to_pdf(docx_path)


def test_page_one_shows_page_x_of_n_and_the_header(printed):
    _folder, _docx, pdf = printed
    reader = PdfReader(str(pdf))
    pages = len(reader.pages)
    assert pages >= 3
    first = reader.pages[0].extract_text()
    assert re.search(rf"\b1 \({pages}\)", first), first[:400]
    assert "KS 2022/0086" in first and "2022-05-02" in first
    assert "Tjänsteskrivelse" in first and "Vår referens" in first
    last = reader.pages[-1].extract_text()
    assert re.search(rf"\b{pages} \({pages}\)", last)
    assert "Vår referens" not in last  # following pages use the short header


def test_headings_and_text_survive_printing(printed):
    _folder, _docx, pdf = printed
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    flat = " ".join(text.split())
    for heading in ("Förslag till beslut", "Sammanfattning", "Underlag för beslutet", "Ärendet",
                    "Barnets bästa", "Ekonomiska konsekvenser", "Beslutet skickas till"):
        assert heading in flat
    assert "Christoffer Nilsson" in flat and "Kanslichef" in flat


def test_page_renders_to_png(printed, pdftoppm):
    folder, _docx, pdf = printed
    subprocess.run([pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                    str(folder / "page")], check=True, timeout=120)
    png = next(folder.glob("page*.png"))
    assert png.stat().st_size > 10_000  # a real page with text, not a blank


def test_pdfa_for_the_diarium(printed):
    folder, docx_path, _pdf = printed
    out = convert_to_pdf(docx_path, folder / "arkiv.pdf", pdfa=True)
    reader = PdfReader(str(out))
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8", "replace")
    assert re.search(r"pdfaid:part(>|=\")2", raw), raw[:500]
