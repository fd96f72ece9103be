"""Benchmark opening a .tillit file: parse, JSON Schema check, model (issue 14, item 5).

    .venv/bin/python bench/load_case.py [--pages 100]

Prints the import of the generated validator (once per program run; the schema itself is
compiled at development time, see caseschema.py), the schema check alone, and a whole
``load_case`` of a generated 100-page case, with and without 20 saved versions inside it.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casegen import big_case  # noqa: E402
from timing import median_ms  # noqa: E402

from tillit_desk import caseschema  # noqa: E402
from tillit_desk.fileformat import case_to_json, load_case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    text = case_to_json(big_case(args.pages))
    data = json.loads(text)
    sys.modules.pop("tillit_desk.case_validator", None)  # big_case() loaded it: again
    start = time.perf_counter()
    validator = caseschema._validator()
    compile_ms = (time.perf_counter() - start) * 1000
    with_versions = copy.deepcopy(data)
    content = {k: v for k, v in data.items() if k not in ("format", "review")}
    with_versions["review"] = {"versions": [{"id": str(i), "name": "v", "created": "",
                                             "author": "", "data": content} for i in range(20)]}
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "a.tillit"
        plain.write_text(text, encoding="utf-8")
        versions = Path(folder) / "b.tillit"
        versions.write_text(json.dumps(with_versions, ensure_ascii=False), encoding="utf-8")
        rows = [
            ("case size", f"{len(text.encode()) / 1024:.0f} KiB", ""),
            ("validator import (once per run)", f"{compile_ms:.1f} ms", ""),
            ("schema check", f"{median_ms(lambda: validator(data), 21):.2f} ms", ""),
            ("load_case", f"{median_ms(lambda: load_case(plain), 21):.1f} ms", ""),
            ("schema check, 20 versions inside",
             f"{median_ms(lambda: validator(with_versions), 11):.2f} ms", ""),
            ("load_case, 20 versions inside",
             f"{median_ms(lambda: load_case(versions), 11):.1f} ms", ""),
        ]
    for name, value, target in rows:
        print(f"{name:<40} {value:>12} {target}")


if __name__ == "__main__":
    main()
