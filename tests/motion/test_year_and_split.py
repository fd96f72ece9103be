"""Two gaps left by issue 11, written small: a date without a year ("den 3 maj") takes its
year from elsewhere in the document, unsure and with the reason shown; and one running
sentence with two proposals ("att X samt att Y") gives two att-satser, not one or the last."""

from __future__ import annotations

import pytest

from tillit_desk.motion.parser import parse_motion

BODY = "Fler bänkar\n\nParken saknar bänkar och många äldre har svårt att vila där.\n\n"
ITEMS = "Vi yrkar\n\natt kommunen ställer ut fler bänkar.\n\n"


# --- a date without a year ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "source"), [
    # the diarienummer in the header
    ("Motion till kommunfullmäktige i Lund den 3 maj\nDnr KS 2023/0123\n\n" + BODY + ITEMS
     + "Anna Berg (C)\n", "KS 2023/0123"),
    # the signature line has the day, the office's stamp the year
    ("Kommunstyrelsen inkom 2023-05-04\nMotion till kommunfullmäktige i Lund\n\n" + BODY + ITEMS
     + "Lund den 3 maj\nAnna Berg (C)\n", "2023-05-04"),
    # an ISO date in the body is the only full date
    ("Motion till kommunfullmäktige i Lund\n\n" + BODY + "Sedan beslutet 2023-01-17 har inget "
     "hänt i parken, trots att frågan har tagits upp många gånger av boende i området.\n\n"
     + ITEMS + "Lund den 3 maj\nAnna Berg (C)\n", "2023-01-17"),
    # a year alone on a header line ("Kommunfullmäktige 2023")
    ("Kommunfullmäktige 2023\nMotion till kommunfullmäktige i Lund\n\n" + BODY + ITEMS
     + "Lund den 3:e maj\nAnna Berg (C)\n", "2023"),
])
def test_a_date_without_year_takes_the_year_from_the_document(text: str, source: str) -> None:
    parsed = parse_motion(text)
    assert parsed.motion.submitted == "2023-05-03"
    assert "submitted" in parsed.unsure()  # the year is a guess: the user looks at it
    note = parsed.notes["submitted"]
    assert "3 maj" in note and "2023" in note and source in note


def test_a_date_without_year_and_no_year_anywhere_stays_empty_with_the_reason() -> None:
    parsed = parse_motion("Motion till kommunfullmäktige i Lund\n\n" + BODY + ITEMS
                          + "Lund den 3 maj\nAnna Berg (C)\n")
    assert parsed.motion.submitted == ""
    assert "submitted" in parsed.unsure()
    assert "3 maj" in parsed.notes["submitted"] and "år" in parsed.notes["submitted"]


def test_a_full_date_still_wins_over_a_date_without_year() -> None:
    parsed = parse_motion("Motion till kommunfullmäktige i Lund den 3 maj\n\n" + BODY + ITEMS
                          + "Lund 2023-05-02\nAnna Berg (C)\n")
    assert parsed.motion.submitted == "2023-05-02"


def test_a_reference_number_is_no_yymmdd_date() -> None:
    # "Motion LTV 160412" is the region's number for the motion, not 12 April 2016
    parsed = parse_motion("Fler bänkar\n\nMotion LTV 160412\n\nDatum\n\n2016-03-09\n\n" + BODY
                          + ITEMS + "Anna Berg (C)\n")
    assert parsed.motion.submitted == "2016-03-09"


# --- two proposals in one running sentence -----------------------------------------------

HEAD = "Motion till kommunfullmäktige i Ystad\n2022-03-01\n\n" + BODY
SIGN = "\n\nAnna Berg (C)\n"
TWO = ["att kommunen ställer ut fler bänkar i Folkets park",
       "att bänkarna placeras i skugga."]


@pytest.mark.parametrize("sentence", [
    pytest.param("Jag yrkar att kommunen ställer ut fler bänkar i Folkets park. Jag yrkar också "
                 "att bänkarna placeras i skugga.", id="two sentences, each kept as written"),
    "Jag yrkar därför att kommunen ställer ut fler bänkar i Folkets park samt att bänkarna "
    "placeras i skugga.",
    "Vi föreslår att kommunen ställer ut fler bänkar i Folkets park, och att bänkarna placeras "
    "i skugga.",
    "Därför yrkar vi på att kommunen ställer ut fler bänkar i Folkets park; samt att bänkarna "
    "placeras i skugga.",
    "Vi yrkar: att kommunen ställer ut fler bänkar i Folkets park samt att bänkarna placeras i "
    "skugga.",
])
def test_one_running_sentence_with_two_proposals_gives_two_att_satser(sentence: str) -> None:
    parsed = parse_motion(HEAD + sentence + SIGN)
    first = TWO[0] + ("." if ". Jag" in sentence else "")
    assert parsed.motion.yrkanden == [first, TWO[1]]
    assert "delades" in parsed.notes["yrkanden"] or "löptext" in parsed.notes["yrkanden"]


@pytest.mark.parametrize("cut", [" samt\n", ", och\n", "\nsamt "])
def test_two_proposals_in_one_sentence_wrapped_before_the_second_att(cut: str) -> None:
    # a PDF LibreOffice made from the TXT wraps the line right before "att bänkarna …"
    parsed = parse_motion(HEAD + "Jag yrkar därför att kommunen ställer ut fler bänkar i Folkets "
                          "park" + cut + "att bänkarna placeras i skugga." + SIGN)
    assert parsed.motion.yrkanden == TWO


def test_an_att_sats_in_a_list_is_never_split() -> None:
    # a listed att-sats says what it says, "samt att" and all (Region Värmland's motion)
    parsed = parse_motion(HEAD + "Vi yrkar:\n\n– att kommunen ställer ut fler bänkar i Folkets "
                          "park och att det tas i beaktande i budgeten samt att bänkarna placeras "
                          "i skugga." + SIGN)
    assert parsed.motion.yrkanden == [
        "att kommunen ställer ut fler bänkar i Folkets park och att det tas i beaktande i budgeten "
        "samt att bänkarna placeras i skugga."]


def test_att_in_a_subordinate_clause_is_not_a_second_proposal() -> None:
    parsed = parse_motion(HEAD + "Jag yrkar att kommunen utreder möjligheten att ställa ut fler "
                          "bänkar och att det görs före sommaren." + SIGN)
    assert parsed.motion.yrkanden == [
        "att kommunen utreder möjligheten att ställa ut fler bänkar och att det görs före "
        "sommaren."]


def test_a_proposal_further_back_in_the_paragraph_is_the_argument() -> None:
    parsed = parse_motion(HEAD + "Socialdemokraterna föreslår att bänkarna tas bort. Vi anser att "
                          "det vore fel. Jag yrkar därför att kommunen ställer ut fler bänkar i "
                          "Folkets park." + SIGN)
    assert parsed.motion.yrkanden == ["att kommunen ställer ut fler bänkar i Folkets park."]


def test_a_day_and_month_in_the_title_is_not_the_motions_date() -> None:
    parsed = parse_motion("Fira 1 maj i parken\n\nMotion till kommunfullmäktige i Lund\nDnr KS "
                          "2023/0123\n\n" + BODY + ITEMS + "Anna Berg (C)\n")
    assert parsed.motion.submitted == ""


@pytest.mark.parametrize(("text", "iso"), [
    ("Lund 3/5 -23", "2023-05-03"), ("Lund 3/5-23", "2023-05-03"),
    ("Lund den 3 maj -23", "2023-05-03"), ("Lund den 3 maj '23", "2023-05-03"),
])
def test_a_two_digit_year_after_a_dash(text: str, iso: str) -> None:
    parsed = parse_motion("Motion till kommunfullmäktige i Lund\n\n" + BODY + ITEMS + text
                          + "\nAnna Berg (C)\n")
    assert parsed.motion.submitted == iso


def test_an_addressee_with_the_region_after_a_comma() -> None:
    parsed = parse_motion("Motion till Regionfullmäktige, Region Uppsala\n\n" + BODY + ITEMS
                          + "Anna Berg (C)\n")
    assert parsed.motion.addressed_to == "Regionfullmäktige, Region Uppsala"
    assert "addressed_to" not in parsed.unsure()
