"""Scale: 10-, 100- and 300-page cases through save, load, compose and DOCX export.

Prints one row per size and the cost per page, so that linear growth is visible.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from casegen import big_case  # noqa: E402
from timing import median_ms  # noqa: E402

from tillit_desk.compose import compose  # noqa: E402
from tillit_desk.export.docx import render_docx  # noqa: E402
from tillit_desk.fileformat import load_case, save_case  # noqa: E402
from tillit_desk.markup import parse_blocks  # noqa: E402
from tillit_desk.profiles import ProfileRegistry  # noqa: E402


def main() -> None:
    profile = ProfileRegistry().get("lund-kommun")
    print(f"{'pages':>5} {'save ms':>9} {'load ms':>9} {'compose ms':>11} {'export ms':>10} "
          f"{'export ms/page':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (10, 100, 300):
            case = big_case(pages)
            path = Path(tmp) / f"{pages}.tillit"
            save = median_ms(lambda case=case, path=path: save_case(case, path))
            load = median_ms(lambda path=path: load_case(path))

            def fresh_compose(case=case):
                parse_blocks.cache_clear()
                compose(case, profile)

            comp = median_ms(fresh_compose)
            export = median_ms(lambda case=case: render_docx(case, profile), runs=1 if pages > 100
                           else 3)
            print(f"{pages:>5} {save:>9.1f} {load:>9.1f} {comp:>11.1f} {export:>10.1f} "
                  f"{export / pages:>15.2f}")


if __name__ == "__main__":
    main()
