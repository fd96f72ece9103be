"""Leftover template text: each rule must fire on template debris and stay quiet on real text."""

from __future__ import annotations

import pytest

from .helpers import run_section, spans

CLEAN = ("Ärendet har beretts av kommunkontoret. I motionen (se bilaga 2) föreslås [enligt "
         "motionärerna] en ny strategi för år 2023.")


@pytest.mark.parametrize("text, expected", [
    ("[Här kommer bakgrunden. Du behöver inte skriva något under denna rubrik.]",
     "[Här kommer bakgrunden. Du behöver inte skriva något under denna rubrik.]"),
    ("Inledning. [Skriv vad ärendet gäller] Slut.", "[Skriv vad ärendet gäller]"),
    ("Se [ange datum ...] för detaljer.", "[ange datum ...]"),
])
def test_guidance_found(case, lund, text, expected):
    found = run_section("mall.vagledning", text, case, lund)
    assert spans(found, text) == [expected]
    assert found[0].severity == "fel"


def test_guidance_not_on_ordinary_brackets(case, lund):
    assert run_section("mall.vagledning", CLEAN, case, lund) == []


@pytest.mark.parametrize("text, expected", [
    ("Kostnaden blir XX kronor.", "XX"),
    ("Beslutet fattades ÅÅÅÅ-MM-DD.", "ÅÅÅÅ-MM-DD"),
    ("TODO: kolla siffrorna med ekonomi.", "TODO"),
    ("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
])
def test_placeholders_found(case, lund, text, expected):
    assert spans(run_section("mall.platshallare", text, case, lund), text) == [expected]


@pytest.mark.parametrize("text", [
    CLEAN, "Avsnitt XIV i lagen gäller.", "Maxtaxan höjs.", "Vi gör det tillsammans (todo-listan)."
])
def test_placeholders_not_on_real_text(case, lund, text):
    assert run_section("mall.platshallare", text, case, lund) == []


def test_unfilled_jinja_tag(case, lund):
    text = "{{ motionarer }} har lämnat en motion. {% for y in yrkanden %}x{% endfor %}"
    found = run_section("mall.jinja", text, case, lund)
    assert spans(found, text)[0] == "{{ motionarer }}"
    assert len(found) == 3
    assert run_section("mall.jinja", "Mängden {a, b} är liten.", case, lund) == []


def test_pasted_help_text(case, lund):
    help_sentence = ("Vad förslaget kostar eller sparar, och hur det finansieras.")
    spec_help = lund.section("ekonomiska_konsekvenser").help
    assert help_sentence in " ".join(spec_help.split())
    text = f"Förslaget kostar 100 000 kronor. {help_sentence}"
    found = run_section("mall.hjalptext", text, case, lund)
    assert len(found) == 1 and found[0].severity == "fel"
    assert spans(found, text) == [help_sentence.rstrip(".") + "."] or \
        spans(found, text)[0].startswith("Vad förslaget kostar")


def test_own_text_is_not_help_text(case, lund):
    text = case.sections["arendet"]
    assert run_section("mall.hjalptext", text, case, lund) == []


def test_example_names(case, lund):
    text = "Anna Andersson (V) och Bo Berg (S) har lämnat en motion."
    assert spans(run_section("mall.exempelnamn", text, case, lund), text) == [
        "Anna Andersson", "Bo Berg"]
    assert run_section("mall.exempelnamn", CLEAN, case, lund) == []
