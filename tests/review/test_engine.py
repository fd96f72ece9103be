"""The engine on whole cases: the Lund example is clean, the verbatim seed's mistakes are found,
rules can be switched off per profile, and one section can be re-checked from the cache."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tillit_desk.review.engine import Checker
from tillit_desk.review.findings import has_errors
from tillit_desk.review.registry import all_rules, is_disabled

from .seed import seed_case, seed_text


@pytest.fixture
def checker(speller) -> Checker:
    return Checker(speller=speller)


def test_example_case_has_no_fel_and_no_varning(case, lund, checker):
    findings = checker.check(case, lund)
    assert not has_errors(findings)
    assert [f for f in findings if f.severity == "varning"] == []
    assert len(findings) < 25  # a few klarspråk tips at most


def test_seed_mistakes_are_all_found(example_case, lund, checker):
    text = seed_text()
    for mistake in ("anføres", "genomstrar", "har lämnat den 21 januari 2022 lämnat",
                    "tjänsteskrivelse 2020-05-02"):
        assert mistake in text  # the fixture is the verbatim seed
    findings = checker.check(seed_case(example_case), lund)
    by_rule = {(f.rule, f.excerpt) for f in findings}
    assert ("stavning.grannsprak", "anføres") in by_rule
    assert ("stavning.okant_ord", "genomstrar") in by_rule
    assert ("klarsprak.upprepat_verb", "lämnat den 21 januari 2022 lämnat") in by_rule
    dates = [f for f in findings if f.rule == "metadata.underlag_datum"]
    assert len(dates) == 1 and dates[0].severity == "fel" and "2020-05-02" in dates[0].message
    assert has_errors(findings)


def test_spans_point_into_the_section_text(example_case, lund, checker):
    case = seed_case(example_case)
    for f in checker.check(case, lund):
        if f.has_span and f.section in case.sections:
            assert " ".join(case.sections[f.section][f.start:f.end].split()) == f.excerpt


def test_every_rule_can_be_disabled(case, lund):
    for rule_id in all_rules():
        assert is_disabled(rule_id, (rule_id,))
        assert is_disabled(rule_id, (rule_id.split(".")[0],))
        assert not is_disabled(rule_id, ("annan.regel",))


def test_profile_disables_family_and_rule(example_case, lund, speller):
    case = seed_case(example_case)
    profile = replace(lund, disabled_rules=("klarsprak", "stavning.grannsprak"))
    findings = Checker(speller=speller).check(case, profile)
    assert not any(f.rule.startswith("klarsprak.") for f in findings)
    assert not any(f.rule == "stavning.grannsprak" for f in findings)
    assert any(f.rule == "stavning.okant_ord" for f in findings)


def test_spelling_off(example_case, lund):
    findings = Checker(spelling=False).check(seed_case(example_case), lund)
    assert not any(f.rule == "stavning.okant_ord" for f in findings)
    assert any(f.rule == "stavning.grannsprak" for f in findings)  # needs no dictionary


def test_check_section_matches_full_check_and_uses_cache(case, lund, checker):
    full = [f for f in checker.check(case, lund) if f.section == "arendet"]
    again = checker.check_section(case, lund, "arendet")
    assert sorted(full, key=lambda f: f.start) == again
    size = len(checker._cache)
    checker.check_section(case, lund, "arendet")
    assert len(checker._cache) == size  # served from the cache


def test_check_section_with_edited_text(case, lund, checker):
    edited = case.sections["arendet"] + "\n\nTODO: skriv klart att att."
    found = checker.check_section(case, lund, "arendet", edited)
    rules = {f.rule for f in found}
    assert {"mall.platshallare", "klarsprak.dubbelord"} <= rules
    todo = next(f for f in found if f.rule == "mall.platshallare")
    assert edited[todo.start:todo.end] == "TODO"


def test_context_change_invalidates_cache(case, lund, checker):
    text = "Helena Falck (V) har skrivit."
    assert any(f.rule == "motion.namn" for f in checker.check_section(case, lund, "arendet", text))
    case.motion.motionarer[0].name = "Helena Falck"
    assert not any(f.rule == "motion.namn"
                   for f in checker.check_section(case, lund, "arendet", text))


def test_ignored_findings_are_left_out(case, lund, checker):
    found = checker.check(case, lund)
    target = found[0]
    case.review["ignored"] = [{"rule": target.rule, "section": target.section,
                               "excerpt": target.excerpt}]
    assert target not in checker.check(case, lund)


def test_a_full_check_without_export_rules_does_not_load_python_docx(tmp_path):
    """The window checks right after start-up; python-docx is only for checking a DOCX."""
    from fresh_process import run_python

    code = ("import sys\n"
            "from tillit_desk.example import load_example\n"
            "from tillit_desk.profiles import ProfileRegistry\n"
            "from tillit_desk.review.engine import Checker\n"
            "case = load_example()\n"
            "Checker(spelling=False).check(case, ProfileRegistry().get(case.profile))\n"
            "assert 'docx' not in sys.modules\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
