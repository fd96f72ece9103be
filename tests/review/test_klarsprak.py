"""Klarspråk rules: LIX, long sentences, stiff words, passive, doubled words and verbs."""

from __future__ import annotations

from tillit_desk.review.context import Context
from tillit_desk.review.klarsprak import is_passive, lix_report
from tillit_desk.review.text import analyse, count_lix, lix, lix_band

from .helpers import run_case, run_section, spans


def test_lix_formula_and_bands():
    a = analyse("Katten sover. Hunden springer omkring i trädgården.")
    words, sentences, long_words = count_lix(a)
    assert (words, sentences, long_words) == (7, 2, 3)  # springer, omkring, trädgården
    assert round(lix(words, sentences, long_words), 1) == round(7 / 2 + 100 * 3 / 7, 1)
    assert lix_band(25) == "mycket lättläst"
    assert lix_band(45) == "medelsvår"
    assert lix_band(65) == "mycket svår"


def test_section_lix_only_for_hard_long_text(case, lund):
    hard = " ".join(["Förvaltningsorganisationens verksamhetsutvecklingsarbete "
                     "förutsätter omfattande samverkansstrukturer mellan huvudmännen."] * 12)
    found = run_section("klarsprak.lix", hard, case, lund)
    assert len(found) == 1 and "mycket svår" in found[0].message
    easy = " ".join(["Vi bygger en ny skola. Den blir klar i maj."] * 12)
    assert run_section("klarsprak.lix", easy, case, lund) == []


def test_lix_report_has_sections_and_document(case, lund):
    rows = lix_report(Context(case, lund))
    assert rows[-1].section == "dokument"
    assert {r.section for r in rows} >= {"sammanfattning", "arendet"}
    assert 30 < rows[-1].value < 70
    assert run_case("klarsprak.lix_dokument", case, lund) == []


def test_long_sentence(case, lund):
    long = "Det " + " ".join(["här är en mening"] * 8) + " som slutar."
    found = run_section("klarsprak.lang_mening", long + " Kort mening.", case, lund)
    assert len(found) == 1 and found[0].start == 0
    assert "35 ord" in found[0].message
    assert run_section("klarsprak.lang_mening", "Kort mening. En till, bl.a. med förkortning.",
                       case, lund) == []


def test_long_sentence_counts_words_joined_without_spaces(case, lund):
    """Pasted lists often lose their spaces: "skola,förskola,fritids" is three words."""
    text = "Berörda är " + ",".join(["skola", "förskola", "fritids"] * 10) + " i kommunen."
    found = run_section("klarsprak.lang_mening", text, case, lund)
    assert len(found) == 1 and "34 ord" in found[0].message


def test_abbreviation_does_not_end_sentence():
    a = analyse("Enligt 5 kap. 35 § kommunallagen ska motionen beredas. Nästa mening.")
    assert len(a.sentence_spans) == 2


def test_stiff_words(case, lund):
    text = "Avseende budgeten erfordras i syfte att spara en ny plan, i enlighet med beslutet."
    found = run_section("klarsprak.stela_ord", text, case, lund)
    assert spans(found, text) == ["Avseende", "erfordras", "i syfte att", "i enlighet med"]
    assert found[0].suggestion == "om, när det gäller"
    assert all(f.severity == "tips" for f in found)
    assert run_section("klarsprak.stela_ord", "Vi behöver en plan om budgeten för att spara.",
                       case, lund) == []


def test_passive_heuristic():
    for word in ("genomförs", "beslutades", "anförts", "regleras", "beskrivs", "föreslås"):
        assert is_passive(word), word
    for word in ("kommunens", "barnets", "nämndernas", "fullmäktiges", "finns", "resurs",
                 "Lunds", "process", "status", "hus"):
        assert not is_passive(word), word


def test_passive_without_agent(case, lund):
    text = "Frågan utreds under våren. Frågan utreds av kommunkontoret under hösten."
    found = run_section("klarsprak.passiv", text, case, lund)
    assert spans(found, text) == ["utreds"] and found[0].start < 20
    assert found[0].severity == "tips"
    assert run_section("klarsprak.passiv", "Kommunkontoret utreder frågan.", case, lund) == []


def test_doubled_word(case, lund):
    text = "Förslaget är att att motionen anses besvarad."
    found = run_section("klarsprak.dubbelord", text, case, lund)
    assert spans(found, text) == ["att att"]
    assert run_section("klarsprak.dubbelord", "Det det handlar om är tid. Att, att.", case,
                       lund) == []


def test_repeated_verb_in_clause_seed_sentence(case, lund):
    text = ("Helena Falk (V) och Maja Grubelic (Fi) har lämnat den 21 januari 2022 lämnat en "
            "motion.")
    found = run_section("klarsprak.upprepat_verb", text, case, lund)
    assert spans(found, text) == ["lämnat den 21 januari 2022 lämnat"]
    assert found[0].severity == "varning"


def test_repeated_word_in_different_clauses_is_fine(case, lund):
    for text in (
        "Nämnden har lämnat ett yttrande och kommunstyrelsen har lämnat ett annat.",
        "Det innebär att nämnderna baserat på fullmäktiges mål antar mål för hur området ska "
        "bidra.",
        case.sections["arendet"],
    ):
        assert run_section("klarsprak.upprepat_verb", text, case, lund) == [], text[:40]
