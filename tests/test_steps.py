from __future__ import annotations

from tillit_desk import steps as S
from tillit_desk.case import Motion
from tillit_desk.markup import word_count
from tillit_desk.newcase import new_case


def test_text_state():
    assert S.text_state("") == S.EMPTY
    assert S.text_state("### Bakgrund") == S.STARTED
    assert S.text_state("Förslaget medför inga") == S.STARTED
    assert S.text_state("Förslaget medför inga ekonomiska konsekvenser.") == S.DONE


def test_word_count_matches_markup():
    text = "### Rubrik\n\n- **fet** och *kursiv* text\n1. ett – två"
    assert S.count_words(text) == word_count(text)


def test_steps_follow_profile_order(registry, example_case):
    profile = registry.get(example_case.profile)
    steps = S.build_steps(example_case, profile)
    assert [s.id for s in steps[:2]] == [S.STEP_CASE, S.STEP_MOTION]
    assert [s.id for s in steps[2:-1]] == [spec.id for spec in profile.sections]
    assert steps[-1].label == "Granska och exportera"
    by_id = {s.id: s for s in steps}
    assert by_id["forslag_till_beslut"].state == S.DONE
    assert by_id["bedomning"].state == S.EMPTY and not by_id["bedomning"].missing
    assert by_id["arendet"].words > 500
    assert by_id[S.STEP_CASE].state == S.DONE


def test_new_case_shows_missing_required(registry):
    profile = registry.get("generic")
    case = new_case(profile)
    steps = {s.id: s for s in S.build_steps(case, profile)}
    assert S.STEP_MOTION not in steps
    assert steps["sammanfattning"].missing
    assert steps[S.STEP_CASE].state == S.STARTED  # date is prefilled
    assert steps["signatures"].state == S.EMPTY
    case.motion = Motion(title="Cykelvägar")
    assert S.build_steps(case, profile)[1].state == S.STARTED


def test_case_step_can_leave_the_pattern_for_later():
    """Before the window's first paint the diarienummer counts as given (no regex import);
    the steps are built again, with the pattern, right after."""
    from tillit_desk.case import Case
    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.steps import DONE, STARTED, case_step

    profile = ProfileRegistry(user_dir=None).get("lund-kommun")
    case = Case(profile="lund-kommun")
    doc = case.document
    doc.title, doc.diarienummer, doc.date = "Svar", "fel form", "2022-05-02"
    doc.handlaggare.name = "Anna Berg"
    assert case_step(case, profile).state == STARTED
    assert case_step(case, profile, check_patterns=False).state == DONE


def test_a_sentence_in_bold_or_italics_is_finished():
    """Markdown's emphasis markers after the full stop do not make the text unfinished."""
    assert S.text_state("**Motionen är besvarad.**") == S.DONE
    assert S.text_state("Motionen är *besvarad.*") == S.DONE
    assert S.text_state("__Motionen är besvarad__") == S.STARTED
    assert S.text_state("**") == S.EMPTY


def test_a_case_that_answers_no_motion_sends_nothing_to_motionarer(registry):
    """The profile's default recipients name the motionärer; a case with no motion has none."""
    profile = registry.get("malmo-stad")
    assert [r.name for r in new_case(profile).skickas_till] == ["Motionärerna"]
    assert new_case(profile, motion=False).skickas_till == []
