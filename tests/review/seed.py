"""Build a case from the verbatim seed answer (tests/fixtures), mistakes and all.

The seed is the text of a real signed tjänsteskrivelse. We cut it into the case's sections by its
own headings and drop the repeated page header ("2022-05-02 / Diarienummer / KS 2022/0086") that
the PDF-to-text conversion left between paragraphs.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from tillit_desk.case import Case, UnderlagItem

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "lund-tjansteskrivelse-ks-2022-0086.txt"
_PAGE_HEADER = re.compile(r"\n*2022-05-02\s*\n+Diarienummer\s*\n+KS 2022/0086\s*\n+")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _between(text: str, start: str, end: str) -> str:
    a = text.index(f"\n{start}\n") + len(start) + 2
    b = text.index(f"\n{end}\n", a)
    return text[a:b].strip()


def _paragraphs(raw: str, subheadings: tuple[str, ...] = (), level4: tuple[str, ...] = ()) -> str:
    # a page break can split a paragraph: join the halves again with a space
    raw = _PAGE_HEADER.sub(" ", raw)
    out = []
    for para in re.split(r"\n\s*\n", raw):
        para = para.strip()
        if not para:
            continue
        if para in subheadings:
            para = f"### {para}"
        elif para.rstrip(".") in level4:
            para = f"#### {para}"
        out.append(para)
    return "\n\n".join(out)


def seed_case(example: Case) -> Case:
    """The example case with its text sections and underlag replaced by the seed's verbatim text."""
    text = seed_text()
    case = copy.deepcopy(example)
    case.sections["forslag_till_beslut"] = _between(text, "Förslag till beslut", "Sammanfattning"
                                                    ).split("\n\n", 1)[1].strip()
    case.sections["sammanfattning"] = _paragraphs(
        _between(text, "Sammanfattning", "Underlag för beslutet"))
    case.sections["arendet"] = _paragraphs(
        _between(text, "Ärendet", "Beredning"), ("Bakgrund", "Föredragning"),
        ("Om tillitsbaserad styrning i Lunds kommun",
         "Om Lunds kommuns interna utbildningar för chefer",
         "Om Lunds kommuns interna utbildningar för förtroendevalda",
         "Om personalens möjligheter till inflytande över sitt arbete och arbetsplatsens "
         "organisation"))
    items = _between(text, "Underlag för beslutet", "Ärendet").splitlines()
    case.underlag = [UnderlagItem(text=line.lstrip("- ").strip()) for line in items
                     if line.strip()]
    return case
