"""Text out of PDF, DOCX and text files, and a clear Swedish error for every bad file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tillit_desk.motion import MotionImportError, extract_file, extract_pasted, parse_motion
from tillit_desk.motion import extract as extract_mod

from .builders import docx_to_pdf, motion_docx
from .test_lund import LUND, assert_lund

LUND_TEXT = LUND.read_text(encoding="utf-8")


def test_lund_docx_parses_like_the_text(tmp_path) -> None:
    path = motion_docx(LUND_TEXT, tmp_path / "motion.docx")
    extracted = extract_file(path)
    assert extracted.kind == "docx"
    assert "Helena Falk (V)" in extracted.text  # the signature table is read too
    assert_lund(parse_motion(extracted.text))


@pytest.mark.print
def test_lund_pdf_parses_like_the_text(tmp_path, soffice) -> None:
    pdf = docx_to_pdf(motion_docx(LUND_TEXT, tmp_path / "motion.docx"))
    extracted = extract_file(pdf)
    assert extracted.kind == "pdf"
    assert_lund(parse_motion(extracted.text))


def _error(path: Path) -> str:
    with pytest.raises(MotionImportError) as info:
        extract_file(path)
    return str(info.value)


def _pdf_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_scanned_pdf_without_text_suggests_pasting(tmp_path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "skannad.pdf"
    path.write_bytes(_pdf_bytes(writer))
    message = _error(path)
    assert "inget textlager" in message
    assert "Klistra in text" in message


def test_encrypted_pdf(tmp_path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="hemligt", owner_password="hemligt", algorithm="RC4-128")
    path = tmp_path / "krypterad.pdf"
    path.write_bytes(_pdf_bytes(writer))
    assert "lösenordsskyddad" in _error(path)


def test_pdf_with_empty_user_password_is_read(tmp_path) -> None:
    """Owner-only protection (no password to open) must not stop the import."""
    writer = PdfWriter()
    writer.append(io.BytesIO(_tiny_text_pdf("Motion till Lunds kommunfullmäktige att gora")))
    writer.encrypt(user_password="", owner_password="agare", algorithm="RC4-128")
    path = tmp_path / "skyddad.pdf"
    path.write_bytes(_pdf_bytes(writer))
    assert "Lunds kommunfullm" in extract_file(path).text


def _tiny_text_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (Helvetica, WinAnsi)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def test_hand_made_text_pdf_is_read(tmp_path) -> None:
    path = tmp_path / "motion.pdf"
    path.write_bytes(_tiny_text_pdf("Motion till Lunds kommunfullmaktige"))
    assert "Motion till Lunds" in extract_file(path).text


def test_file_that_is_not_what_its_name_says(tmp_path) -> None:
    fake_pdf = tmp_path / "motion.pdf"
    fake_pdf.write_text("Detta är bara text", encoding="utf-8")
    assert "heter .pdf men är en textfil" in _error(fake_pdf)
    fake_docx = tmp_path / "motion.docx"
    fake_docx.write_bytes(_tiny_text_pdf("hej"))
    assert "heter .docx men är en PDF" in _error(fake_docx)
    txt_that_is_docx = tmp_path / "motion.txt"
    motion_docx("Motion\n", tmp_path / "x.docx")
    txt_that_is_docx.write_bytes((tmp_path / "x.docx").read_bytes())
    assert "heter .txt men är en zip-fil" in _error(txt_that_is_docx)


def test_odt_renamed_docx_and_old_doc(tmp_path) -> None:
    odt = tmp_path / "motion.docx"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in _error(odt)
    doc = tmp_path / "motion.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert "kan inte läsas" in _error(doc)
    assert "DOCX" in _error(doc)


def test_unknown_suffix_and_missing_file(tmp_path) -> None:
    other = tmp_path / "motion.png"
    other.write_bytes(b"\x89PNG\r\n")
    assert "filtypen .png" in _error(other)
    assert "finns inte" in _error(tmp_path / "saknas.pdf")


@pytest.mark.parametrize("content", [b"", b"   \n\n  \t"])
def test_empty_file(tmp_path, content: bytes) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(content)
    assert "tom" in _error(path)


def test_empty_docx_has_no_text(tmp_path) -> None:
    import docx

    path = tmp_path / "tom.docx"
    docx.Document().save(path)
    assert "ingen text" in _error(path)


def test_oversized_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(extract_mod, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "stor.txt"
    path.write_text("a" * 2000, encoding="utf-8")
    message = _error(path)
    assert "för stor" in message


def test_docx_zip_bomb_is_refused_before_python_docx_opens_it(tmp_path, monkeypatch) -> None:
    path = motion_docx("Motion till Lunds kommunfullmäktige\nRubrik\n", tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/bomb.bin", b"\x00" * (20 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024

    def must_not_open(*args, **kwargs):
        raise AssertionError("python-docx must not open a zip bomb")

    import docx

    monkeypatch.setattr(docx, "Document", must_not_open)
    assert "zip-bomb" in _error(path)


def test_docx_over_total_uncompressed_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(extract_mod, "MAX_DOCX_UNCOMPRESSED", 50_000)
    path = motion_docx("Motion till Lunds kommunfullmäktige\nRubrik\n", tmp_path / "stor.docx")
    assert "packas upp till" in _error(path)


def test_broken_docx(tmp_path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "skadad" in _error(path)


def test_binary_txt(tmp_path) -> None:
    path = tmp_path / "binar.txt"
    path.write_bytes(b"abc\x00\x01\x02def" * 10)
    assert "binära data" in _error(path)


def test_utf16_text_file(tmp_path) -> None:
    path = tmp_path / "motion.txt"
    path.write_bytes("Motion till Lunds kommunfullmäktige\n".encode("utf-16"))
    assert extract_file(path).text.startswith("Motion till Lunds kommunfullmäktige")


def test_pasted_text_without_letters() -> None:
    with pytest.raises(MotionImportError, match="ingen text"):
        extract_pasted("  12 34 \n")


def test_docx_signature_table_with_party_under_the_name(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Motion till Lunds kommunfullmäktige")
    document.add_paragraph("Fler bänkar i parken")
    document.add_paragraph("Vi yrkar")
    document.add_paragraph("att kommunen ställer ut fler bänkar.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Anna Andersson\nVänsterpartiet"
    table.rows[0].cells[1].text = "Bo Berg\nSocialdemokraterna"
    path = tmp_path / "motion.docx"
    document.save(path)
    parsed = parse_motion(extract_file(path).text)
    assert [(p.name, p.party) for p in parsed.motion.motionarer] == [
        ("Anna Andersson", "V"), ("Bo Berg", "S")]
    assert parsed.motion.yrkanden == ["att kommunen ställer ut fler bänkar."]


def test_docx_header_and_word_lists_are_read(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Motion till kommunfullmäktige i Ystad"
    document.add_paragraph("Fler bänkar")
    document.add_paragraph("Vi yrkar")
    document.add_paragraph("kommunen ställer ut bänkar,", style="List Number")
    document.add_paragraph("bänkarna står i skugga.", style="List Number")
    document.add_paragraph("Anna Berg (C)")
    path = tmp_path / "m.docx"
    document.save(path)
    text = extract_file(path).text
    assert text.startswith("Motion till kommunfullmäktige i Ystad")
    assert "1. kommunen ställer ut bänkar,\n2. bänkarna står i skugga." in text
    parsed = parse_motion(text)
    assert parsed.motion.addressed_to == "kommunfullmäktige i Ystad"
    assert parsed.motion.yrkanden == ["kommunen ställer ut bänkar,", "bänkarna står i skugga."]
