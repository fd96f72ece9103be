"""Motion consistency: names and parties the same everywhere; every yrkande is taken up."""

from __future__ import annotations

from .helpers import run_case, run_section, spans


def test_correct_names_are_quiet(case, lund):
    for sid in ("sammanfattning", "arendet"):
        assert run_section("motion.namn", case.sections[sid], case, lund, section=sid) == []


def test_misspelled_name(case, lund):
    text = "Helena Falck (V) och Angelica Svensson (V) har lämnat en motion."
    found = run_section("motion.namn", text, case, lund)
    assert spans(found, text) == ["Helena Falck"]
    assert found[0].suggestion == "Helena Falk"
    assert found[0].severity == "varning"


def test_wrong_party(case, lund):
    text = "I motionen skriver Anders Almgren (M) att styrningen ska ändras."
    found = run_section("motion.namn", text, case, lund)
    assert spans(found, text) == ["M"]
    assert found[0].severity == "varning" and found[0].suggestion == "S"


def test_party_case_difference_is_only_a_tip(case, lund):
    text = "Maja Grubelic (FI) har skrivit under."
    found = run_section("motion.namn", text, case, lund)
    assert [(f.severity, f.suggestion) for f in found] == [("tips", "Fi")]


def test_other_people_are_not_motionarer(case, lund):
    text = "Kommunstyrelsens ordförande Philip Sandberg (L) har yttrat sig."
    assert run_section("motion.namn", text, case, lund) == []


def test_names_in_title_and_underlag(case, lund):
    case.document.title = case.document.title.replace("Helena Falk (V)", "Helena Falk (S)")
    found = run_case("motion.namn_metadata", case, lund)
    assert any(f.section == "dokument" and f.severity == "varning" for f in found)


def test_no_motion_no_findings(case, lund):
    case.motion = None
    assert run_section("motion.namn", "Helena Falck (V) skriver.", case, lund) == []
    assert run_case("motion.yrkanden", case, lund) == []


def test_yrkanden_quoted_in_example(case, lund):
    assert run_case("motion.yrkanden", case, lund) == []


def test_yrkande_missing(case, lund):
    case.motion.yrkanden.append("att kommunen inför fri kollektivtrafik för pensionärer")
    found = run_case("motion.yrkanden", case, lund)
    assert len(found) == 1 and "Yrkande 4" in found[0].message


def test_yrkande_referred_by_number(case, lund):
    case.motion.yrkanden.append("att kommunen inför fri kollektivtrafik för pensionärer")
    case.sections["arendet"] += "\n\nAtt-sats 4 behandlas i budgetarbetet."
    assert run_case("motion.yrkanden", case, lund) == []
