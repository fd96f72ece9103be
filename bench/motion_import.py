"""Motion import: cost and safety figures (issue 11). Prints, never asserts.

1. a 20-page motion PDF, extract + parse in-process: PDFium (what the import uses) and pypdf
   (what it used before), median of runs — target ≤ 200 ms;
2. hostile text: a 1 MB one-word text and other 1 MB patterns, extract + parse — target ≤ 2 s;
3. heavy PDFs: 300 pages sharing one heavy content stream (refused by the page count), the same
   with 50 pages (refused by the time budget), and a 1 MB PDF whose one stream unpacks to 1 GB
   (refused before PDFium unpacks it) — target ≤ 5 s.

The 20-page PDF is the Lund motion's argument repeated to 20 pages with its att-satser and
signatures at the end, written with python-docx and printed by LibreOffice (skipped without it).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tillit_desk.export.pdf import convert_to_pdf, find_soffice  # noqa: E402
from tillit_desk.motion.errors import MotionImportError  # noqa: E402
from tillit_desk.motion.extract import extract_bytes, extract_file  # noqa: E402
from tillit_desk.motion.parser import parse_motion  # noqa: E402

LUND = ROOT / "tests" / "fixtures" / "lund-motion-tillit-2022.txt"


def make_pdf(folder: Path, pages: int = 20) -> Path:
    import docx

    text = LUND.read_text(encoding="utf-8")
    head, tail = text.split("Vi yrkar därför:", 1)
    argument = [line.strip() for line in head.splitlines() if line.strip()]
    document = docx.Document()
    for line in argument[:4]:
        document.add_paragraph(line)
    body = argument[4:]
    for _ in range(pages):  # about one copy of the argument per page
        document.add_paragraph(" ".join(body[: len(body) // 2]))
        document.add_paragraph(" ".join(body[len(body) // 2:]))
    document.add_paragraph("Vi yrkar därför:")
    for line in tail.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    out = folder / "motion.docx"
    document.save(out)
    return convert_to_pdf(out)


def pypdf_text(path: Path) -> str:
    """The old extraction, for comparison."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def median_ms(func, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def heavy_pdf(pages: int, ops: int = 60_000) -> bytes:
    """``pages`` pages that all draw one content stream of ``ops`` text operators."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 8 Tf " + b"(Tillit ar vagen fram) Tj 0 -1 Td " * ops + b"ET")
    stream.flate_encode()
    ref = writer._add_object(stream.flate_encode())
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    font_ref = writer._add_object(font)
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Contents")] = ref
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): font_ref})})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def bomb_pdf(megabytes: int = 1024) -> bytes:
    """One page whose content stream is ``megabytes`` of spaces, Flate-packed to about 1 MB."""
    import zlib

    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = StreamObject()
    stream._data = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer = PdfWriter()
    writer.add_blank_page(595, 842)[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def timed_import(data: bytes, name: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        extracted = extract_bytes(data, name)
        parse_motion(extracted.text, name)
        outcome = f"imported ({len(extracted.text)} characters)"
    except MotionImportError as err:
        outcome = f"refused: {str(err)[:90]}"
    return time.perf_counter() - start, outcome


def main() -> None:
    if find_soffice() is None:
        print("motion import of a 20-page PDF: LibreOffice missing, not measured")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = make_pdf(Path(tmp))
            parsed = parse_motion(extract_file(pdf).text, pdf.name)
            pages = len(__import__("pypdfium2").PdfDocument(str(pdf)))
            fast = median_ms(lambda: parse_motion(extract_file(pdf).text, pdf.name))
            old = median_ms(lambda: parse_motion(pypdf_text(pdf), pdf.name), runs=3)
            print(f"{f'motion import, {pages}-page PDF, PDFium (used)':<48} {fast:8.1f} ms   "
                  f"({len(parsed.motion.yrkanden)} att-satser, {len(parsed.motion.motionarer)} "
                  f"motionärer)  target ≤ 200 ms")
            print(f"{f'motion import, {pages}-page PDF, pypdf (before)':<48} {old:8.1f} ms")
    for label, data in [
        ("1 MB one-word text", b"a" * 1_000_000),
        ("1 MB one capitalised word", b"A" + b"b" * 999_999),
        ("1 MB of 'att '", b"att " * 250_000),
        ("1 MB of 'Anna Berg (' ", b"Anna Berg (" * 90_000),
        ("1 MB of 'yrkar vi att '", b"yrkar vi att " * 80_000),
        ("1 MB of hyphenated line ends", b"verksam-\n" * 110_000),
        ("1 MB of lines 'yrkar vi' / 'att x'", b"yrkar vi\natt x\n" * 66_000),
        ("1 MB of 'Vi yrkar:' / 'att …,' lines", "Vi yrkar:\natt kommunen gör det,\n".encode()
         * 31_000),
        # session 4: shared parties, split proposals, dates without a year, name rows
        ("1 MB of 'A och B (båda SD)' lines", "Anna Berg och Bo Ek (båda SD)\n".encode() * 33_000),
        ("1 MB of 'Jag yrkar att x samt att y.'", b"Jag yrkar att x samt att y. " * 36_000),
        ("1 MB of 'den 3 maj' lines", b"Lund den 3 maj\n" * 66_000),
        ("1 MB of name rows", b"Anna Berg     Bo Ek\n" * 50_000),
    ]:
        seconds, outcome = timed_import(data, "motion.txt")
        print(f"{label:<48} {seconds * 1000:8.1f} ms   {outcome}  target ≤ 2 s")
    for pages in (300, 50):
        data = heavy_pdf(pages)
        seconds, outcome = timed_import(data, "tung.pdf")
        print(f"{f'{pages}-page heavy PDF ({len(data) // 1024} KB, one shared stream)':<48} "
              f"{seconds * 1000:8.1f} ms   {outcome}  target ≤ 5 s")
    data = bomb_pdf()
    seconds, outcome = timed_import(data, "bomb.pdf")
    print(f"{f'PDF of {len(data) // 1024} KB unpacking to 1 GB':<48} {seconds * 1000:8.1f} ms   "
          f"{outcome}  target ≤ 5 s")


if __name__ == "__main__":
    main()
