"""Completeness: the required sections have text, and the parts every decision needs exist.

A nämnd cannot decide on a tjänsteskrivelse without Ekonomiska konsekvenser or Barnets bästa
(barnkonventionen is Swedish law since 2020), and a long text needs a Sammanfattning. A section
the case marks "inte relevant" is a decision, not a gap: it is never reported as missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..profiles import SIGNATURES as SIGNATURES_KIND
from .context import Context
from .findings import FEL, SIGNATURES, VARNING, Finding, whole
from .registry import case_rule

LINE_WORDS = 12  # words on a printed line of a tjänsteskrivelse, roughly
SUMMARY_LINES = 8
_SUMMARY_IDS = ("sammanfattning",)
_ANALYSIS_WORDS = re.compile(
    r"barn|unga|ungdom|elev|skol|förskol|familj|vårdnadshavare|föräldr", re.IGNORECASE)
_NOT_RELEVANT = re.compile(
    r"inte\s+(?:bedömts\s+)?(?:relevant|aktuell|berör|påverka)|berör\s+inte|"
    r"påverkar\s+inte|ingen\s+(?:påverkan|barnkonsekvensanalys)|ej\s+relevant|"
    r"saknar\s+betydelse|bedöms\s+inte", re.IGNORECASE)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


@case_rule("fullstandighet.obligatoriskt", "Obligatoriska avsnitt har text")
def required_sections(ctx: Context) -> Iterator[Finding]:
    for spec in ctx.sections:  # a section marked "inte relevant" is not required
        if spec.holds_text and spec.required and not ctx.case.section(spec.id).strip():
            yield whole("fullstandighet.obligatoriskt", FEL, spec.id,
                        f"Avsnittet ”{spec.heading}” är obligatoriskt men tomt.")


@case_rule("fullstandighet.sammanfattning", "Sammanfattning när texten är lång")
def summary(ctx: Context) -> Iterator[Finding]:
    if any(ctx.case.section(s).strip() or ctx.not_relevant(s) for s in _SUMMARY_IDS):
        return
    words = sum(_words(ctx.case.section(s)) for s in ctx.text_section_ids
                if not ctx.is_decision(s))
    spec = ctx.section("sammanfattning")
    if spec is not None and spec.required:
        return  # reported by fullstandighet.obligatoriskt
    if words > LINE_WORDS * SUMMARY_LINES:
        yield whole("fullstandighet.sammanfattning", VARNING, "sammanfattning",
                    f"Texten är längre än ungefär åtta rader ({words} ord) men saknar "
                    f"{ctx.heading('sammanfattning')}.")


@case_rule("fullstandighet.barnets_basta", "Barnets bästa: analys eller skäl")
def childs_best(ctx: Context) -> Iterator[Finding]:
    spec = ctx.section("barnets_basta")
    if spec is None or not ctx.prints_text(spec.id):
        return  # marked "inte relevant": the profile's sentence prints, or nothing
    text = ctx.case.section("barnets_basta").strip()
    if not text:
        if spec.required or ctx.not_relevant(spec.id):
            return  # reported by fullstandighet.obligatoriskt, or marked "inte relevant"
        yield whole("fullstandighet.barnets_basta", VARNING, "barnets_basta",
                    f"{spec.heading} är tomt. Gör en barnkonsekvensanalys eller skriv varför "
                    "ärendet inte berör barn.")
        return
    if _NOT_RELEVANT.search(text) or (_ANALYSIS_WORDS.search(text) and _words(text) >= 12):
        return
    yield whole("fullstandighet.barnets_basta", VARNING, "barnets_basta",
                f"{spec.heading} innehåller varken en analys av hur barn berörs eller ett skäl "
                "till att ärendet inte berör barn.", text[:80])


@case_rule("fullstandighet.ekonomi", "Ekonomiska konsekvenser är aldrig tomt")
def economy(ctx: Context) -> Iterator[Finding]:
    spec = ctx.section("ekonomiska_konsekvenser")
    if spec is None or spec.required or ctx.not_relevant(spec.id):
        return  # reported by fullstandighet.obligatoriskt, or marked "inte relevant"
    if not ctx.case.section("ekonomiska_konsekvenser").strip():
        yield whole("fullstandighet.ekonomi", FEL, "ekonomiska_konsekvenser",
                    f"{spec.heading} ska alltid finnas, även om förslaget inte kostar "
                    "något (”Förslaget medför inga ekonomiska konsekvenser.”).")


@case_rule("fullstandighet.underskrifter", "Underskrifter finns")
def signatures(ctx: Context) -> Iterator[Finding]:
    if not any(s.kind == SIGNATURES_KIND for s in ctx.sections):
        return
    people = [s for s in ctx.case.signatories if s.name.strip()]
    if not people:
        yield whole("fullstandighet.underskrifter", VARNING, SIGNATURES,
                    "Underskrifter saknas: ange vem som skriver under (namn och titel).")
    for s in people:
        if not s.title.strip():
            yield whole("fullstandighet.underskrifter", VARNING, SIGNATURES,
                        f"{s.name} saknar titel under underskriften.", s.name)
