"""Förslag till beslut: chain, points in the profile's style, one action each, motion decided."""

from __future__ import annotations

from .helpers import run_case


def test_example_decision_is_clean(case, lund):
    for rule in ("beslut.kedja", "beslut.punkter", "beslut.en_atgard", "beslut.motion"):
        assert run_case(rule, case, lund) == [], rule


def test_missing_chain(case, registry):
    profile = registry.get("generic")
    case.document.decision_chain = ""
    from dataclasses import replace

    no_chain = replace(profile, decision_chain="")
    found = run_case("beslut.kedja", case, no_chain)
    assert len(found) == 1 and found[0].severity == "varning"
    assert run_case("beslut.kedja", case, profile) == []


def test_chain_without_final_body_is_a_tip(case, lund):
    case.document.decision_chain = "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta"
    assert [f.severity for f in run_case("beslut.kedja", case, lund)] == ["tips"]


def test_no_points(case, lund):
    case.sections["forslag_till_beslut"] = "Motionen bör nog avslås."
    found = run_case("beslut.punkter", case, lund)
    assert len(found) == 1 and found[0].severity == "fel"


def test_mixed_styles(case, lund):
    case.sections["forslag_till_beslut"] = ("att avslå motionen,\n\n"
                                            "2. Kommunfullmäktige uppdrar åt kommunstyrelsen "
                                            "att utreda frågan.")
    found = run_case("beslut.punkter", case, lund)
    assert any("blandar" in f.message for f in found)


def test_other_style_than_profile(case, malmo):
    # Lund's att-satser exported with Malmö's numbered profile: a tip, export converts them
    found = run_case("beslut.punkter", case, malmo)
    assert [f.severity for f in found] == ["tips"]
    case.sections["forslag_till_beslut"] = "1. Kommunfullmäktige anser motionen besvarad."
    assert run_case("beslut.punkter", case, malmo) == []


def test_two_actions_in_one_point(case, lund):
    case.sections["forslag_till_beslut"] = (
        "att avslå motionen och uppdra åt kommunstyrelsen att utreda frågan vidare.")
    found = run_case("beslut.en_atgard", case, lund)
    assert len(found) == 1 and found[0].severity == "varning"
    assert case.sections["forslag_till_beslut"][found[0].start:found[0].end].startswith("avslå")


def test_samt_att_is_two_actions(case, lund):
    case.sections["forslag_till_beslut"] = "att godkänna planen samt att anvisa medel."
    assert len(run_case("beslut.en_atgard", case, lund)) == 1


def test_one_action_with_inner_att(case, lund):
    case.sections["forslag_till_beslut"] = (
        "att uppdra åt kommunstyrelsen att ta fram en plan för skolor och förskolor,\n\n"
        "att avslå motionen i övrigt.")
    assert run_case("beslut.en_atgard", case, lund) == []


def test_motion_not_decided(case, lund):
    case.sections["forslag_till_beslut"] = "att uppdra åt kommunstyrelsen att utreda frågan."
    found = run_case("beslut.motion", case, lund)
    assert len(found) == 1 and found[0].severity == "fel"


def test_motion_decided_per_att_sats(case, lund):
    case.sections["forslag_till_beslut"] = ("att bifalla motionens första att-sats,\n\n"
                                            "att i övrigt avslå motionen.")
    assert run_case("beslut.motion", case, lund) == []


def test_no_motion_no_motion_decision_needed(case, lund):
    case.motion = None
    case.sections["forslag_till_beslut"] = "att anta riktlinjerna."
    assert run_case("beslut.motion", case, lund) == []


def test_summary_contradicting_the_decision_is_flagged(case, lund):
    assert run_case("beslut.sammanfattning", case, lund) == []  # the example agrees
    case.sections["forslag_till_beslut"] = "att avslå motionen."
    case.sections["sammanfattning"] = ("Motionen gäller styrning. Förslaget är att motionen, med "
                                       "utgångspunkt i vad som beskrivs i ärendet, anses "
                                       "besvarad.")
    found = run_case("beslut.sammanfattning", case, lund)
    assert len(found) == 1 and found[0].severity == "varning"
    assert "anses besvarad" in case.sections["sammanfattning"][found[0].start:found[0].end]
    assert "avslag" in found[0].message


def test_summary_phrases_match_each_outcome(case, registry):
    """Every "Förslaget i korthet" phrase agrees with the decision of the same outcome."""
    from tillit_desk.decision import (
        OUTCOME_AVSLA,
        OUTCOME_BESVARAD,
        OUTCOME_BIFALLA,
        build_decision,
    )

    generic = registry.get("generic")
    phrases = {p.label: p.text for p in generic.section("sammanfattning").phrases}
    for outcome, label in ((OUTCOME_BESVARAD, "besvarad"), (OUTCOME_AVSLA, "avslag"),
                           (OUTCOME_BIFALLA, "bifall")):
        case.sections["forslag_till_beslut"] = build_decision(case.motion, outcome, generic)
        for other, text in phrases.items():
            if not other.startswith("Förslaget i korthet"):
                continue
            case.sections["sammanfattning"] = text
            found = run_case("beslut.sammanfattning", case, generic)
            assert (found == []) == other.endswith(label), (outcome, other)
