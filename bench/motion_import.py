"""Motion import of a 20-page PDF: text extraction (pypdf) and parsing, median of runs.

The PDF is made here: the Lund motion's argument repeated to 20 pages, with its att-satser and
signatures at the end, written with python-docx and printed by LibreOffice (skipped without it).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tillit_desk.export.pdf import convert_to_pdf, find_soffice  # noqa: E402
from tillit_desk.motion.extract import extract_file  # noqa: E402
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


def main() -> None:
    if find_soffice() is None:
        print("motion import of a 20-page PDF: LibreOffice missing, not measured")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = make_pdf(Path(tmp))
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        times, parsed = [], None
        for _ in range(5):
            start = time.perf_counter()
            parsed = parse_motion(extract_file(pdf).text, pdf.name)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{f'motion import, {pages}-page PDF (extract + parse)':<44} "
              f"{statistics.median(times):8.1f} ms   ({len(parsed.motion.yrkanden)} att-satser, "
              f"{len(parsed.motion.motionarer)} motionärer found)")


if __name__ == "__main__":
    main()
