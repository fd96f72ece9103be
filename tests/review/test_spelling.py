"""Spelling: Swedish compounds pass, typos and neighbour-language letters do not."""

from __future__ import annotations

import pytest

from tillit_desk.review.spelling import Speller

from .helpers import run_section, spans


@pytest.mark.parametrize("word", [
    "barnkonsekvensanalys", "kommunfullmäktigeledamot", "tjänsteskrivelse", "motionärerna",
    "genomsyrar", "Medbestämmandelagen", "EVP-processen", "KSAU", "Utifrån",
])
def test_correct_words(speller, word):
    assert speller.known(word)


@pytest.mark.parametrize("word", ["genomstrar", "kommunfullmäktigge", "beslutsunderlgat"])
def test_misspelled_words(speller, word):
    assert not speller.known(word)


def test_unknown_word_found_in_seed_sentence(case, lund, speller):
    text = ("att Lunds kommun påbörjar en övergång till tillitsbaserad styrning som genomstrar "
            "hela kommunens organisation,")
    found = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert spans(found, text) == ["genomstrar"]
    assert found[0].severity == "varning"


def test_example_sections_have_no_spelling_errors(case, lund, speller):
    for sid, text in case.sections.items():
        found = run_section("stavning.okant_ord", text, case, lund, section=sid,
                            speller=speller)
        assert found == [], (sid, [f.excerpt for f in found])


def test_case_names_are_accepted(case, lund, speller):
    case.signatories[0].name = "Xyzzelia Qwortenberg"
    text = "Xyzzelia Qwortenberg har skrivit under."
    assert run_section("stavning.okant_ord", text, case, lund, speller=speller) == []


def test_unknown_name_is_only_a_tip(case, lund, speller):
    text = "Mötet leddes av Xyzzelia Qwortenberg."
    found = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert found and all(f.severity == "tips" for f in found)


def test_neighbour_language_letters(case, lund):
    text = "I motionen anføres att vardagen har præglats av detaljstyrning."
    found = run_section("stavning.grannsprak", text, case, lund)
    assert spans(found, text) == ["anføres", "præglats"]
    assert found[0].suggestion == "anföres"
    assert run_section("stavning.grannsprak", "I motionen anförs att.", case, lund) == []


def test_neighbour_letters_in_own_names_are_fine(case, lund):
    case.signatories[0].name = "Søren Kjær"
    assert run_section("stavning.grannsprak", "Søren Kjær skriver under.", case, lund) == []


def test_user_dictionary(tmp_path, case, lund):
    user_file = tmp_path / "ordlista.txt"
    speller = Speller(user_file=user_file)
    text = "Projektet Blåbärsbuss startar i maj med vätgasbussarnaxx."
    before = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert "vätgasbussarnaxx" in spans(before, text)
    version = speller.version
    speller.add_word("vätgasbussarnaxx")
    assert speller.version > version
    assert "vätgasbussarnaxx" in user_file.read_text(encoding="utf-8").split()
    after = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert "vätgasbussarnaxx" not in spans(after, text)
    # a new speller (next start of the program) reads the file
    assert Speller(user_file=user_file).known("vätgasbussarnaxx")


def test_suggestions(speller):
    assert speller.suggest("anføres") == ["anföres"]
