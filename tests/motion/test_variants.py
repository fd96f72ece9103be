"""Each layout issue 11 lists from real motions, written small: lead-ins, items, signatures,
labels and dates. A lead-in is never a yrkande."""

from __future__ import annotations

import pytest

from tillit_desk.motion.dates import parse_date_text
from tillit_desk.motion.parser import MAX_YRKANDE_CHARS, parse_motion
from tillit_desk.motion.yrkanden import is_leadin_text

HEAD = ("Motion till kommunfullmäktige i Ystad\n2022-03-01\n\nFler bänkar\n\n"
        "Det finns för få bänkar.\n\n")
SIGN = "\n\nAnna Berg (C)\n"


def people(parsed) -> list[tuple[str, str]]:
    return [(p.name, p.party) for p in parsed.motion.motionarer]


@pytest.mark.parametrize("leadin", [
    "Vi yrkar därför att kommunfullmäktige beslutar\natt",
    "yrkar vi",
    "Med anledning av detta yrkar vi:",
    "Vi yrkar;",
    "Vi yrkar därför på:",
    "Vänsterpartiet yrkar därför:",
    "Därför föreslår vi kommunfullmäktige besluta",
    "Fullmäktige föreslås besluta:",
    "Med hänvisning till ovanstående yrkar vi att\nkommunfullmäktige beslutar:",
    "Bänkarna behövs för äldre som vill vila på vägen till affären, och därför yrkar vi",
])
def test_lead_ins(leadin: str) -> None:
    items = "\natt kommunen ställer ut tio bänkar,\natt bänkarna står i skugga."
    if leadin.endswith("\natt"):
        leadin, items = leadin[:-4], items
    parsed = parse_motion(HEAD + leadin + "\n" + items + SIGN)
    assert parsed.motion.yrkanden == ["att kommunen ställer ut tio bänkar,",
                                      "att bänkarna står i skugga."]
    assert parsed.unsure() == []


@pytest.mark.parametrize(("block", "expected"), [
    ("Att: kommunen ställer ut bänkar.", ["Att kommunen ställer ut bänkar."]),
    ("Att kommunen ställer ut bänkar,\n\nAtt de står i skugga.",
     ["Att kommunen ställer ut bänkar,", "Att de står i skugga."]),
    ("att kommunen ställer ut bänkar,\n\n\natt de står i skugga.",
     ["att kommunen ställer ut bänkar,", "att de står i skugga."]),
    ("1. att kommunen ställer ut bänkar,\n2. att de står i skugga.",
     ["att kommunen ställer ut bänkar,", "att de står i skugga."]),
    ("att1 kommunen ställer ut bänkar,\natt2 de står i skugga.",
     ["att kommunen ställer ut bänkar,", "att de står i skugga."]),
    ("• Kommunen ställer ut bänkar.\n• Bänkarna står i skugga.",
     ["Kommunen ställer ut bänkar.", "Bänkarna står i skugga."]),
])
def test_items_by_how_they_start(block: str, expected: list[str]) -> None:
    parsed = parse_motion(HEAD + "Vi yrkar därför:\n\n" + block + SIGN)
    assert parsed.motion.yrkanden == expected


def test_proposal_without_att_after_colon() -> None:
    parsed = parse_motion(HEAD + "Vi yrkar:\n\nbifall till motionen i dess helhet." + SIGN)
    assert parsed.motion.yrkanden == ["bifall till motionen i dess helhet."]


@pytest.mark.parametrize(("signature", "expected"), [
    ("Anna Berg\nCenterpartiet", [("Anna Berg", "C")]),
    ("Sverigedemokraterna i Ystad\nAnna Berg\nBo Ek", [("Anna Berg", "SD"), ("Bo Ek", "SD")]),
    ("För Centerpartiet i Ystads kommun\nAnna Berg", [("Anna Berg", "C")]),
    ("Anna Berg\nBo Ek\nFör Centerpartiet i Ystads kommun", [("Anna Berg", "C"), ("Bo Ek", "C")]),
    ("Anna Berg Centerpartiet", [("Anna Berg", "C")]),
    ("Anna Berg, Centerpartiet", [("Anna Berg", "C")]),
    ("Karin Svensson Smith\n(MP)", [("Karin Svensson Smith", "MP")]),
    ("Anna Berg (Ystadpartiet)", [("Anna Berg", "Ystadpartiet")]),
    ("För den socialdemokratiska gruppen\n\nAnna Berg (S)", [("Anna Berg", "S")]),
])
def test_signature_blocks(signature: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse_motion(HEAD + "Vi yrkar\n\natt kommunen ställer ut bänkar.\n\n" + signature)
    assert people(parsed) == expected


def test_local_party_is_kept_and_flagged() -> None:
    parsed = parse_motion(HEAD + "Vi yrkar\n\natt kommunen gör det.\n\nAnna Berg (Ystadpartiet)")
    assert "motionarer" in parsed.unsure()
    assert "Ystadpartiet" in parsed.notes["motionarer"]


def test_labels_are_split_off_before_title_and_date() -> None:
    text = ("Motion: Fler bänkar i parken      Datum: 9 november 2014\nTill: Kommunfullmäktige i "
            "Ystad\n\nDet finns för få bänkar.\n\nVi yrkar\n\natt kommunen ställer ut bänkar."
            + SIGN)
    parsed = parse_motion(text)
    assert parsed.motion.title == "Fler bänkar i parken"
    assert parsed.motion.submitted == "2014-11-09"
    assert parsed.motion.addressed_to == "Kommunfullmäktige i Ystad"


def test_addressee_drops_a_trailing_date() -> None:
    text = ("Motion till kommunfullmäktige i Ystad den 3 maj 2021\n\nFler bänkar\n\n"
            "Vi yrkar\n\natt kommunen ställer ut bänkar." + SIGN)
    parsed = parse_motion(text)
    assert parsed.motion.addressed_to == "kommunfullmäktige i Ystad"
    assert parsed.motion.submitted == "2021-05-03"


def test_addressee_from_the_lead_in_when_no_line_says_it() -> None:
    # no "Motion till …": the body the lead-in names, marked unsure (the place is not said)
    parsed = parse_motion("Fler bänkar\n\nBänkar behövs.\n\nJag yrkar att kommunfullmäktige "
                          "beslutar:\n\natt kommunen ställer ut bänkar." + SIGN)
    assert parsed.motion.addressed_to == "kommunfullmäktige"
    assert "addressed_to" in parsed.unsure()
    # an address line wins over the lead-in
    parsed = parse_motion("Motion till regionfullmäktige\n\nFler bänkar\n\nVi föreslår "
                          "kommunfullmäktige besluta\n\natt kommunen ställer ut bänkar." + SIGN)
    assert parsed.motion.addressed_to == "regionfullmäktige"


@pytest.mark.parametrize(("text", "iso"), [
    ("2022-01-27", "2022-01-27"), ("27 januari 2022", "2022-01-27"),
    ("den 27 jan. 2022", "2022-01-27"), ("9.4.2017", "2017-04-09"), ("27/1 2022", "2022-01-27"),
    ("27/1-2022", "2022-01-27"), ("27:e januari 2022", "2022-01-27"),
    ("Vittinge 121214", "2012-12-14"), ("2022.01.27", "2022-01-27"),
])
def test_date_forms(text: str, iso: str) -> None:
    assert parse_date_text(text) == iso


@pytest.mark.parametrize("text", [
    "Vi yrkar därför att kommunfullmäktige beslutar:", "yrkar vi", "Fullmäktige föreslås besluta:",
])
def test_lead_in_sentences_are_recognised(text: str) -> None:
    assert is_leadin_text(text)


def test_a_lead_in_without_items_is_never_a_yrkande() -> None:
    parsed = parse_motion(HEAD + "Vi yrkar därför att kommunfullmäktige beslutar:" + SIGN)
    assert parsed.motion.yrkanden == []
    assert "yrkanden" in parsed.unsure()


def test_a_document_without_structure_never_becomes_one_yrkande() -> None:
    body = ("Kommunen borde göra mer för parkerna och vi yrkar på förbättringar. " * 200)
    parsed = parse_motion(body)
    assert all(len(y) <= MAX_YRKANDE_CHARS for y in parsed.motion.yrkanden)
    assert len(parsed.suggestion) <= MAX_YRKANDE_CHARS + 2


def test_addressee_with_a_date_without_year_keeps_no_den() -> None:
    text = ("Motion till kommunfullmäktige i Ystad den 3 maj\n\nFler bänkar\n\n"
            "Vi yrkar\n\natt kommunen ställer ut bänkar." + SIGN)
    parsed = parse_motion(text)
    assert parsed.motion.addressed_to == "kommunfullmäktige i Ystad"
    assert parsed.motion.submitted == ""  # a day without a year is not a date to trust
    assert "submitted" in parsed.unsure()


def test_a_registration_stamp_is_not_the_motions_date() -> None:
    text = ("Kommunstyrelsen inkom 2022-02-03\nMotion till kommunfullmäktige i Ystad\n\n"
            "Fler bänkar\n\nVi yrkar\n\natt kommunen ställer ut bänkar.\n\nYstad den 27 januari "
            "2022\n\nAnna Berg (C)\n")
    parsed = parse_motion(text)
    assert parsed.motion.submitted == "2022-01-27"  # the signature's, not the office's stamp
    assert "stämpeln" in parsed.notes["submitted"]
    only_stamp = parse_motion(text.replace("Ystad den 27 januari 2022", ""))
    assert only_stamp.motion.submitted == "2022-02-03"
    assert "submitted" in only_stamp.unsure()


def test_lead_in_verbs_too_common_for_running_text() -> None:
    # "Vi vill därför att …:" opens a list of att-satser …
    parsed = parse_motion(HEAD + "Vi vill därför att kommunfullmäktige beslutar:\n\n"
                          "att kommunen ställer ut bänkar." + SIGN)
    assert parsed.motion.yrkanden == ["att kommunen ställer ut bänkar."]
    parsed = parse_motion(HEAD + "Förslag till beslut:\n\natt kommunen ställer ut bänkar." + SIGN)
    assert parsed.motion.yrkanden == ["att kommunen ställer ut bänkar."]
    # … but "vill att …" in the body is not a proposal of its own
    parsed = parse_motion(HEAD + "Vi vill att kommunen ska bli bättre på att underhålla parkerna "
                          "och vi vill att fler bänkar ställs ut." + SIGN)
    assert parsed.motion.yrkanden == []
    # … nor "Jag vill" at a PDF line end with "att …" on the next line (Vingåker motion)
    parsed = parse_motion(HEAD + "Skolorna är nedlagda sedan 2009. Jag vill\natt barnens bästa "
                          "sätts främst.\n\nJag yrkar på att kommunen ser över reglerna." + SIGN)
    assert parsed.motion.yrkanden == ["att kommunen ser över reglerna."]


@pytest.mark.parametrize(("signature", "expected"), [
    ("Anna Berg, V", [("Anna Berg", "V")]),
    ("Anna-Lena B. Svensson (S)", [("Anna-Lena B. Svensson", "S")]),
    ("Anna Berg     (V)     Bo Ek     (S)", [("Anna Berg", "V"), ("Bo Ek", "S")]),
    # a role after the name, the party on a group line above or below
    ("Liberalerna i Umeå\nPer Holm, gruppledare", [("Per Holm", "L")]),
    ("Per Holm, gruppledare\nAnna Berg, ledamot\nLiberalerna", [("Per Holm", "L"),
                                                                  ("Anna Berg", "L")]),
    ("För Centerpartiet\nKarin Ek – kommunalråd", [("Karin Ek", "C")]),
    ("Per Holm (L), gruppledare", [("Per Holm", "L")]),
])
def test_more_signature_forms(signature: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse_motion(HEAD + "Vi yrkar\n\natt kommunen ställer ut bänkar.\n\n" + signature)
    assert people(parsed) == expected


def test_the_organisation_on_letter_paper_is_not_the_title() -> None:
    parsed = parse_motion("LUNDS KOMMUN\nMotion till Lunds kommunfullmäktige\n\nFler bänkar\n\n"
                          "Vi yrkar\n\natt kommunen ställer ut bänkar." + SIGN)
    assert parsed.motion.title == "Fler bänkar"


def test_running_text_proposal_after_a_decision_chain() -> None:
    parsed = parse_motion(HEAD + "Vi föreslår därför att kommunfullmäktige beslutar att "
                          "trafiknämnden ges i uppdrag att ta fram en plan för fler bänkar." + SIGN)
    assert parsed.motion.yrkanden == [
        "att trafiknämnden ges i uppdrag att ta fram en plan för fler bänkar."]
