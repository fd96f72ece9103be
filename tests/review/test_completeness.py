"""Completeness: required sections, Sammanfattning for long texts, Barnets bästa, economy,
signatures."""

from __future__ import annotations

from dataclasses import replace

from tillit_desk.case import Signatory

from .helpers import run_case


def test_example_is_complete(case, lund):
    for rule in ("fullstandighet.obligatoriskt", "fullstandighet.sammanfattning",
                 "fullstandighet.barnets_basta", "fullstandighet.ekonomi",
                 "fullstandighet.underskrifter"):
        assert run_case(rule, case, lund) == [], rule


def test_required_section_empty(case, lund):
    case.sections["ekonomiska_konsekvenser"] = "  \n"
    found = run_case("fullstandighet.obligatoriskt", case, lund)
    assert [(f.section, f.severity) for f in found] == [("ekonomiska_konsekvenser", "fel")]


def test_optional_economy_still_never_empty(case, lund):
    spec = lund.section("ekonomiska_konsekvenser")
    sections = tuple(replace(s, required=False) if s is spec else s for s in lund.sections)
    profile = replace(lund, sections=sections)
    case.sections["ekonomiska_konsekvenser"] = ""
    assert [f.severity for f in run_case("fullstandighet.ekonomi", case, profile)] == ["fel"]
    assert run_case("fullstandighet.obligatoriskt", case, profile) == []


def test_long_text_needs_summary(case, lund):
    spec = lund.section("sammanfattning")
    profile = replace(lund, sections=tuple(replace(s, required=False) if s is spec else s
                                           for s in lund.sections))
    case.sections["sammanfattning"] = ""
    found = run_case("fullstandighet.sammanfattning", case, profile)
    assert len(found) == 1 and "åtta rader" in found[0].message


def test_short_text_needs_no_summary(case, lund):
    case.sections = {"forslag_till_beslut": "att avslå motionen.",
                     "arendet": "Motionen föreslår en ny park.",
                     "barnets_basta": "Barn berörs inte.",
                     "ekonomiska_konsekvenser": "Inga."}
    assert run_case("fullstandighet.sammanfattning", case, lund) == []


def test_childs_best_needs_analysis_or_reason(case, lund):
    case.sections["barnets_basta"] = "Se ovan."
    found = run_case("fullstandighet.barnets_basta", case, lund)
    assert len(found) == 1 and found[0].severity == "varning"
    case.sections["barnets_basta"] = "Ärendet berör inte barn."
    assert run_case("fullstandighet.barnets_basta", case, lund) == []
    case.sections["barnets_basta"] = ("Förslaget påverkar elever i grundskolan. Barnen har "
                                      "hörts genom elevråden och deras synpunkter har vägts in.")
    assert run_case("fullstandighet.barnets_basta", case, lund) == []


def test_signatures(case, lund):
    case.signatories = []
    assert [f.section for f in run_case("fullstandighet.underskrifter", case, lund)] == [
        "signatures"]
    case.signatories = [Signatory(name="Christoffer Nilsson", title="")]
    assert "saknar titel" in run_case("fullstandighet.underskrifter", case, lund)[0].message
