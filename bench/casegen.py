"""Generate large, realistic cases for benchmarks (N pages ≈ N × 450 words of section text)."""

from __future__ import annotations

import copy

from tillit_desk.case import Case, UnderlagItem
from tillit_desk.example import load_example

WORDS_PER_PAGE = 450


def big_case(pages: int) -> Case:
    """The example case with Ärendet and Bedömning grown to ``pages`` pages, plus tables,
    lists and 50 Beslutsunderlag items — the shape of a long real case, not random noise."""
    case = copy.deepcopy(load_example())
    base_paragraphs = [p for p in case.sections["arendet"].split("\n\n")
                       if p and not p.startswith(("#", "-"))]
    words_per_para = sum(len(p.split()) for p in base_paragraphs) / len(base_paragraphs)
    needed = int(pages * WORDS_PER_PAGE / words_per_para)
    parts: list[str] = []
    for i in range(needed):
        if i % 12 == 0:
            parts.append(f"### Delområde {i // 12 + 1}")
        if i % 25 == 5:
            parts.append("| År | Kostnad | Kommentar |\n|---|---|---|\n"
                         + "\n".join(f"| {2020 + k} | {k * 100} tkr | rad {k} |"
                                     for k in range(6)))
        if i % 17 == 3:
            parts.append("- första punkten\n- andra punkten med **fet** text\n- tredje")
        parts.append(base_paragraphs[i % len(base_paragraphs)])
    half = len(parts) // 2
    case.sections["arendet"] = "\n\n".join(parts[:half])
    case.sections["bedomning"] = "\n\n".join(parts[half:])
    case.underlag = [UnderlagItem(f"Bilaga {i}: underlag för beslutet", "2022-04-01")
                     for i in range(50)]
    return case
