"""Export speed: in-process median, and whole-process CLI export vs pandoc (if installed).

Targets (issue 2): in-process export of the example case ≤ 50 ms; CLI/pandoc ratio ≤ 1.5.
Issue 13: batch export of 20 cases in one process (`export A B … --outdir`), per case, ≤ pandoc's
per-file time on the same texts. Prints figures; never asserts. Run with `make bench` or
`.venv/bin/python bench/export.py`.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402

from tillit_desk.example import EXAMPLE_CASE, load_example  # noqa: E402
from tillit_desk.export.docx import render_docx  # noqa: E402
from tillit_desk.profiles import ProfileRegistry  # noqa: E402

# Processes that do no work, only start Python and import: the floor under any CLI export.
FLOORS = [
    ("python", "pass", "floor: Python start, nothing imported"),
    ("jinja_md", "import jinja2.sandbox, markdown_it",
     "floor: + Jinja sandbox and markdown-it"),
    ("stack", "import jinja2.sandbox, markdown_it, docx, docxtpl",
     "floor: + python-docx and docxtpl"),
]


def _interleaved(commands: dict[str, list[str]], rounds: int) -> dict[str, float]:
    """Median wall time per command, the commands taking turns so that load hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    case = load_example()
    profile = ProfileRegistry().get(case.profile)
    render_docx(case, profile)  # warm-up: imports and template caches
    in_process = median_ms(lambda: render_docx(case, profile), 21)
    print(f"{'in-process export (example case)':<44} {in_process:8.1f} ms   target ≤ 50 ms")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        commands = {"cli": [sys.executable, str(ROOT / "main.py"), "export", str(EXAMPLE_CASE),
                            "-o", str(out)]}
        commands.update({name: [sys.executable, "-c", code] for name, code, _ in FLOORS})
        pandoc = shutil.which("pandoc")
        if pandoc is not None:
            md = Path(tmp) / "case.md"
            md.write_text("\n\n".join(f"# {sid}\n\n{text}"
                                      for sid, text in case.sections.items()), encoding="utf-8")
            commands["pandoc"] = [pandoc, str(md), "-o", str(Path(tmp) / "p.docx")]
        ms = _interleaved(commands, 9)
        print(f"{'CLI export, whole process':<44} {ms['cli']:8.1f} ms")
        if pandoc is None:
            print(f"{'pandoc (Markdown → DOCX)':<44} {'n/a':>8}      pandoc not installed; "
                  "ratio not measured")
        else:
            print(f"{'pandoc, same text, whole process':<44} {ms['pandoc']:8.1f} ms")
            print(f"{'ratio CLI / pandoc':<44} {ms['cli'] / ms['pandoc']:8.2f}      target ≤ 1.5")
        for name, _, label in FLOORS:  # what no Python exporter on this stack can go below
            ratio = f"   = {ms[name] / ms['pandoc']:.2f} × pandoc" if pandoc else ""
            print(f"{label:<44} {ms[name]:8.1f} ms{ratio}")

BATCH = 20


def batch(rounds: int = 5) -> None:
    """20 cases in one CLI process vs pandoc once per file on the same section texts."""
    pandoc = shutil.which("pandoc")
    from tillit_desk.fileformat import save_case

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources, markdown = [], []
        for i in range(BATCH):
            case = load_example()
            case.document.title = f"Ärende {i}"
            case.sections["arendet"] += f"\n\nTillägg {i}."
            path = folder / f"arende{i:02d}.tillit"
            save_case(case, path)
            sources.append(str(path))
            md = folder / f"arende{i:02d}.md"
            md.write_text("\n\n".join(f"# {sid}\n\n{text}" for sid, text in
                                       case.sections.items()), encoding="utf-8")
            markdown.append(md)
        out = folder / "ut"
        out.mkdir()
        cli = [sys.executable, str(ROOT / "main.py"), "export", *sources, "--outdir", str(out)]
        batch_ms, pandoc_ms = [], []
        for _ in range(rounds):  # interleaved, so that load hits both alike
            start = time.perf_counter()
            subprocess.run(cli, check=True, capture_output=True, cwd=ROOT)
            batch_ms.append((time.perf_counter() - start) * 1000 / BATCH)
            if pandoc is not None:
                start = time.perf_counter()
                for md in markdown:
                    subprocess.run([pandoc, str(md), "-o", str(md.with_suffix(".docx"))],
                                   check=True, capture_output=True)
                pandoc_ms.append((time.perf_counter() - start) * 1000 / BATCH)
        per_case = statistics.median(batch_ms)
        print(f"{f'batch CLI export of {BATCH} cases, per case':<44} {per_case:8.1f} ms")
        if pandoc is None:
            print(f"{'pandoc, per file':<44} {'n/a':>8}      pandoc not installed")
            return
        per_file = statistics.median(pandoc_ms)
        print(f"{'pandoc, one process per file, per file':<44} {per_file:8.1f} ms")
        print(f"{'ratio batch per case / pandoc per file':<44} {per_case / per_file:8.2f}"
              "      target ≤ 1.0")


if __name__ == "__main__":
    main()
    batch()
