"""Accessible output: the exported DOCX passes; hand-made bad documents are caught."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import replace

import docx

from tillit_desk.export.docx import render_docx
from tillit_desk.review.accessibility import check_docx, check_export


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _good() -> docx.Document:
    d = docx.Document()
    d.core_properties.title = "Tjänsteskrivelse"
    d.core_properties.language = "sv-SE"
    d.add_heading("Förslag till beslut", level=1)
    d.add_paragraph("att avslå motionen.")
    d.add_heading("Ärendet", level=1)
    d.add_heading("Bakgrund", level=2)
    d.add_paragraph("Första punkten", style="List Bullet")
    return d


def _rules(findings) -> list[str]:
    return [f.rule for f in findings]


def test_exported_example_is_accessible(case, lund):
    data, _ = render_docx(case, lund)
    found = check_docx(data)
    assert [f for f in found if f.severity != "tips"] == [], found
    assert check_export(case, lund) == found


def test_good_document_passes():
    assert check_docx(_save(_good())) == []


def test_heading_levels_skipped():
    d = _good()
    d.add_heading("Djup rubrik", level=3)
    d.add_heading("Ny del", level=1)
    d.add_heading("För djup", level=3)
    found = check_docx(_save(d))
    assert _rules(found).count("tillganglighet.rubriker") == 1
    assert "För djup" in found[0].message


def test_fake_heading_and_no_headings():
    d = docx.Document()
    d.core_properties.title = "T"
    d.core_properties.language = "sv-SE"
    p = d.add_paragraph()
    p.add_run("Bakgrund").bold = True
    d.add_paragraph("Vanlig text.")
    found = check_docx(_save(d))
    messages = [f.message for f in found if f.rule == "tillganglighet.rubriker"]
    assert any("ser ut som en rubrik" in m for m in messages)
    assert any("inga rubriker" in m for m in messages)


def test_title_and_language_missing():
    d = _good()
    d.core_properties.title = ""
    d.core_properties.language = ""
    found = check_docx(_save(d))
    assert {"tillganglighet.titel", "tillganglighet.sprak"} <= set(_rules(found))


def test_manual_lists():
    d = _good()
    d.add_paragraph("• första punkten")
    d.add_paragraph("1. andra punkten")
    d.add_paragraph("- tredje punkten")
    d.add_paragraph("Ett år - och sedan inget mer.")
    found = [f for f in check_docx(_save(d)) if f.rule == "tillganglighet.listor"]
    assert len(found) == 3


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_image_alt_text():
    d = _good()
    d.add_picture(io.BytesIO(_png()))
    found = check_docx(_save(d))
    assert _rules(found) == ["tillganglighet.alt_text"]
    pr = next(d.element.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                             "wordprocessingDrawing}docPr"))
    pr.set("descr", "Karta över Lunds kommun")
    assert check_docx(_save(d)) == []


def test_accessibility_rules_can_be_disabled(lund):
    d = _good()
    d.core_properties.title = ""
    assert check_docx(_save(d), disabled=("tillganglighet",)) == []
    profile = replace(lund, disabled_rules=("tillganglighet.titel",))
    assert check_docx(_save(d), disabled=profile.disabled_rules) == []
