"""Load time and memory of the spelling dictionary (sv_SE), each in a fresh process.

    .venv/bin/python bench/spelling_memory.py [--runs 3] [--spylls]

Prints, as medians over ``--runs`` fresh processes: the load time and the memory the loaded
dictionary holds (Python allocations by tracemalloc, in a separate run since tracing slows it,
and the growth of the resident set), for the first start (the .dic is parsed and the disk cache
written) and for later starts (the disk cache is read). ``--spylls`` adds spylls' own
``Dictionary`` for comparison. Target: ≤ 15 MB, so the window with a 100-page case stays
≤ 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    """Resident set size now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def child(mode: str, cache_dir: str, trace: bool) -> None:
    """Load the dictionary once and print {"seconds", "rss_mb", "traced_mb"} as JSON."""
    import tracemalloc

    # import the code first: only the dictionary's own data should count
    import spylls.hunspell.algo.suggest  # noqa: F401
    from spylls.hunspell import Dictionary

    from tillit_desk.review.compact_dic import CompactDictionary
    from tillit_desk.review.spelling import DICTIONARY

    base = str(DICTIONARY)
    if trace:
        tracemalloc.start()
    rss = _rss_mb()
    start = time.perf_counter()
    if mode == "spylls":
        dictionary = Dictionary.from_files(base)
    else:
        dictionary = CompactDictionary.from_files(base, cache_dir=Path(cache_dir))
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "rss_mb": _rss_mb() - rss}
    if trace:
        result["traced_mb"] = tracemalloc.get_traced_memory()[0] / 1e6
    assert dictionary.lookup("barnkonsekvensanalys")
    print(json.dumps(result))


def run(mode: str, cache_dir: str, trace: bool) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, cache_dir]
                         + (["--trace"] if trace else []),
                         capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--spylls", action="store_true", help="also spylls' own Dictionary")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.trace)
        return 0

    cases = [("första start (läser .dic, skriver cache)", "first"),
             ("senare start (läser cachen)", "cached")]
    if args.spylls:
        cases.append(("spylls Dictionary som den är", "spylls"))
    for label, mode in cases:
        times, rss, traced = [], [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as cache_dir:
                if mode == "cached":
                    run("first", cache_dir, False)
                timed = run(mode, cache_dir, False)
                times.append(timed["seconds"])
                rss.append(timed["rss_mb"])
                if mode == "cached":  # the cache file is still there for the traced run
                    traced.append(run(mode, cache_dir, True)["traced_mb"])
                else:
                    with tempfile.TemporaryDirectory() as fresh:
                        traced.append(run(mode, fresh, True)["traced_mb"])
        print(f"Ordlistan, {label}: {statistics.median(times) * 1000:7.0f} ms, "
              f"{statistics.median(traced):5.1f} MB Python-objekt, "
              f"RSS +{statistics.median(rss):5.1f} MB  (mål ≤ 15 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
