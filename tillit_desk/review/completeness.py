"""Completeness: the required sections have text, and the parts every decision needs exist.

A nämnd cannot decide on a tjänsteskrivelse without Ekonomiska konsekvenser or Barnets bästa
(barnkonventionen is Swedish law since 2020), and a long text needs a Sammanfattning.
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
    marked = set(ctx.case.layout.not_relevant)  # printed as the profile's sentence, or left out
    for spec in ctx.profile.text_sections():
        if spec.required and spec.id not in marked and not ctx.case.section(spec.id).strip():
            yield whole("fullstandighet.obligatoriskt", FEL, spec.id,
                        f"Avsnittet ”{spec.heading}” är obligatoriskt men tomt.")


@case_rule("fullstandighet.sammanfattning", "Sammanfattning när texten är lång")
def summary(ctx: Context) -> Iterator[Finding]:
    if any(ctx.case.section(s).strip() for s in _SUMMARY_IDS):
        return
    words = sum(_words(ctx.case.section(s)) for s in ctx.text_section_ids
                if not ctx.is_decision(s))
    spec = ctx.profile.section("sammanfattning")
    if spec is not None and spec.required:
        return  # reported by fullstandighet.obligatoriskt
    if words > LINE_WORDS * SUMMARY_LINES:
        yield whole("fullstandighet.sammanfattning", VARNING, "sammanfattning",
                    f"Texten är längre än ungefär åtta rader ({words} ord) men saknar "
                    "Sammanfattning.")


@case_rule("fullstandighet.barnets_basta", "Barnets bästa: analys eller skäl")
def childs_best(ctx: Context) -> Iterator[Finding]:
    if ctx.profile.section("barnets_basta") is None:
        return
    text = ctx.case.section("barnets_basta").strip()
    if not text:
        spec = ctx.profile.section("barnets_basta")
        if spec is not None and spec.required:
            return  # reported by fullstandighet.obligatoriskt
        yield whole("fullstandighet.barnets_basta", VARNING, "barnets_basta",
                    "Barnets bästa är tomt. Gör en barnkonsekvensanalys eller skriv varför "
                    "ärendet inte berör barn.")
        return
    if _NOT_RELEVANT.search(text) or (_ANALYSIS_WORDS.search(text) and _words(text) >= 12):
        return
    yield whole("fullstandighet.barnets_basta", VARNING, "barnets_basta",
                "Barnets bästa innehåller varken en analys av hur barn berörs eller ett skäl "
                "till att ärendet inte berör barn.", text[:80])


@case_rule("fullstandighet.ekonomi", "Ekonomiska konsekvenser är aldrig tomt")
def economy(ctx: Context) -> Iterator[Finding]:
    spec = ctx.profile.section("ekonomiska_konsekvenser")
    if spec is None or spec.required:
        return  # a required section is reported by fullstandighet.obligatoriskt
    if not ctx.case.section("ekonomiska_konsekvenser").strip():
        yield whole("fullstandighet.ekonomi", FEL, "ekonomiska_konsekvenser",
                    "Ekonomiska konsekvenser ska alltid finnas, även om förslaget inte kostar "
                    "något (”Förslaget medför inga ekonomiska konsekvenser.”).")


@case_rule("fullstandighet.underskrifter", "Underskrifter finns")
def signatures(ctx: Context) -> Iterator[Finding]:
    if not any(s.kind == SIGNATURES_KIND for s in ctx.profile.sections):
        return
    people = [s for s in ctx.case.signatories if s.name.strip()]
    if not people:
        yield whole("fullstandighet.underskrifter", VARNING, SIGNATURES,
                    "Underskrifter saknas: ange vem som skriver under (namn och titel).")
    for s in people:
        if not s.title.strip():
            yield whole("fullstandighet.underskrifter", VARNING, SIGNATURES,
                        f"{s.name} saknar titel under underskriften.", s.name)
