"""PDF extraction is bounded before and while it reads, and every limit says so in Swedish;
hostile text never makes the parser quadratic. (Times are printed by bench/motion_import.py.)"""

from __future__ import annotations

import io
import zlib

import pytest
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from tillit_desk.motion import MotionImportError, extract_bytes, parse_motion, pdftext
from tillit_desk.motion.errors import ImportCancelled
from tillit_desk.motion.parser import MAX_YRKANDE_CHARS


def _pdf(pages: int = 1, content: bytes | None = None, flate_layers: int = 1) -> bytes:
    writer = PdfWriter()
    stream = None
    if content is not None:
        data = content
        for _ in range(flate_layers):
            data = zlib.compress(data, 9)
        stream = StreamObject()
        stream._data = data
        filters = [NameObject("/FlateDecode")] * flate_layers
        stream[NameObject("/Filter")] = filters[0] if flate_layers == 1 else \
            __import__("pypdf").generic.ArrayObject(filters)
        ref = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        if stream is not None:
            page[NameObject("/Contents")] = ref
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _refusal(data: bytes, **kwargs) -> str:
    with pytest.raises(MotionImportError) as info:
        extract_bytes(data, "motion.pdf", **kwargs)
    return str(info.value)


def test_too_many_pages_is_refused_before_any_page_is_read() -> None:
    message = _refusal(_pdf(pages=pdftext.MAX_PDF_PAGES + 1))
    assert f"{pdftext.MAX_PDF_PAGES + 1} sidor" in message and message.startswith("motion.pdf:")


@pytest.mark.parametrize("layers", [1, 2])
def test_decompression_bomb_is_refused_before_pdfium_unpacks_it(layers: int) -> None:
    bomb = b" " * (64 * 1024 * 1024)  # 64 MB of spaces: a few KB packed
    message = _refusal(_pdf(content=bomb, flate_layers=layers))
    assert "orimligt mycket data" in message


def test_page_with_too_much_text_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(pdftext, "MAX_PAGE_CHARS", 5)
    text = b"BT /F1 12 Tf 72 700 Td (Tillit ar vagen fram) Tj ET"
    assert "orimligt mycket text" in _refusal(_pdf(content=text))


def test_time_budget_is_checked_between_pages(monkeypatch) -> None:
    monkeypatch.setattr(pdftext, "MAX_SECONDS", -1.0)
    assert "orimligt lång tid" in _refusal(_pdf(pages=2, content=b"BT ET"))


def test_cancel_between_pages() -> None:
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1

    with pytest.raises(ImportCancelled):
        extract_bytes(_pdf(pages=3, content=b"BT ET"), "motion.pdf", progress=progress)
    assert calls == [(0, 3), (1, 3)]


def test_broken_pdf_is_a_swedish_message() -> None:
    data = _pdf(content=b"BT ET")
    message = _refusal(data[: len(data) // 2] + b"garbage")
    assert "skadad" in message or "textlager" in message


@pytest.mark.parametrize("pattern", [
    "a", "A" + "b", "att ", "Anna Berg (", "yrkar vi att ", "verksam-\n", "Att:\n", "• ",
    "Motion: x  Datum: ", "27/1 ", "(V) ", "För Centerpartiet ",
    "yrkar vi\natt x\n", "Vi yrkar:\natt kommunen gör det,\n", "Vi yrkar:\n\nbifall\n",
    "Anna Berg (V)\n", "• att a\n",
])
def test_hostile_text_is_parsed_without_crash_or_a_huge_yrkande(pattern: str) -> None:
    # 300 KB: a quadratic pattern would not finish; times are in bench/motion_import.py
    text = pattern * (300_000 // len(pattern))
    parsed = parse_motion(text)
    assert all(len(y) <= MAX_YRKANDE_CHARS for y in parsed.motion.yrkanden)
    assert len(parsed.suggestion) <= MAX_YRKANDE_CHARS + 2


def test_page_numbers_and_running_heads_are_not_text() -> None:
    from tillit_desk.motion.pdftext import _drop_running_heads

    pages = [["Dnr KS 2022/86", "Motion till Lunds kommunfullmäktige", "", "att kommunen gör",
              "Sida 1 (2)"],
             ["Dnr KS 2022/86", "något bra.", "", "Anna Berg (V)", "Sida 2 (2)"]]
    kept = _drop_running_heads(pages)
    assert kept == [["Motion till Lunds kommunfullmäktige", "", "att kommunen gör"],
                    ["något bra.", "", "Anna Berg (V)"]]
