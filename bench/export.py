"""Export speed: in-process median, and whole-process CLI export vs pandoc (if installed).

Targets (issue 2): in-process export of the example case ≤ 50 ms; CLI/pandoc ratio ≤ 1.5.
Prints figures; never asserts. Run with `make bench` or `.venv/bin/python bench/export.py`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402

from tillit_desk.example import EXAMPLE_CASE, load_example  # noqa: E402
from tillit_desk.export.docx import render_docx  # noqa: E402
from tillit_desk.profiles import ProfileRegistry  # noqa: E402


def main() -> None:
    case = load_example()
    profile = ProfileRegistry().get(case.profile)
    render_docx(case, profile)  # warm-up: imports and template caches
    in_process = median_ms(lambda: render_docx(case, profile), 21)
    print(f"{'in-process export (example case)':<44} {in_process:8.1f} ms   target ≤ 50 ms")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        cli = [sys.executable, str(ROOT / "main.py"), "export", str(EXAMPLE_CASE), "-o", str(out)]
        cli_ms = median_ms(lambda: subprocess.run(cli, check=True, capture_output=True), 7)
        print(f"{'CLI export, whole process':<44} {cli_ms:8.1f} ms")
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print(f"{'pandoc (Markdown → DOCX)':<44} {'n/a':>8}      pandoc not installed; "
                  "ratio not measured")
            return
        md = Path(tmp) / "case.md"
        md.write_text("\n\n".join(f"# {sid}\n\n{text}" for sid, text in case.sections.items()),
                      encoding="utf-8")
        cmd = [pandoc, str(md), "-o", str(Path(tmp) / "p.docx")]
        pandoc_ms = median_ms(lambda: subprocess.run(cmd, check=True, capture_output=True), 7)
        print(f"{'pandoc, same text, whole process':<44} {pandoc_ms:8.1f} ms")
        print(f"{'ratio CLI / pandoc':<44} {cli_ms / pandoc_ms:8.2f}      target ≤ 1.5")


if __name__ == "__main__":
    main()
