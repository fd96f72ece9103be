"""`make bench`: run every benchmark script and print their figures as one table.

Each script prints its own lines (figure, value, target); this collects them under the machine's
description so that a run can be pasted into docs/performance.md as it is.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["export.py", "startup.py", "check.py", "load_case.py", "spelling_memory.py",
           "motion_import.py", "scale.py"]
NOISE = ("propagateSizeHints",)


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 1_048_576:.0f} GiB"
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{mem}, "
            f"Python {platform.python_version()}")


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print(f"Tillit Desk benchmarks — {machine()}")
    print(f"{'script':<18}| figure")
    print(f"{'-' * 18}+{'-' * 78}")
    status = 0
    for name in SCRIPTS:
        result = subprocess.run([sys.executable, str(HERE / name)], capture_output=True,
                                text=True, env=env, timeout=1800)
        lines = [line for line in (result.stdout + result.stderr).splitlines()
                 if line.strip() and not any(n in line for n in NOISE)]
        if result.returncode != 0:
            status = 1
            lines.append(f"(exit {result.returncode})")
        for i, line in enumerate(lines):
            print(f"{name if i == 0 else '':<18}| {line}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
