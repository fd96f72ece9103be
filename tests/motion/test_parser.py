"""Each variant real motions use, written small for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tillit_desk.motion import extract_file, parse_motion
from tillit_desk.motion.parser import dates_in, join_lines, party_code
from tillit_desk.motion.text import Vocabulary as _Vocabulary

MOTIONS = Path(__file__).parent.parent / "fixtures" / "motions"


def parse_fixture(name: str):
    return parse_motion(extract_file(MOTIONS / name).text, name)


def people(parsed) -> list[tuple[str, str]]:
    return [(p.name, p.party) for p in parsed.motion.motionarer]


def test_capital_att_with_bullets_samt_and_written_date() -> None:
    parsed = parse_fixture("bullets-capital-att.txt")
    m = parsed.motion
    assert m.yrkanden == [
        "Att stadsbyggnadsnämnden tar fram en plan för fler gatuträd,",
        "Att planen omfattar alla stadsområden, samt",
        "Att arbetet redovisas för kommunfullmäktige senast 2024.",
    ]
    assert m.submitted == "2022-01-21"  # "Malmö den 21 januari 2022" under the yrkanden
    assert m.addressed_to == "kommunfullmäktige i Malmö"
    assert m.title == "Fler träd i stadens gator"
    assert people(parsed) == [("Sara Öberg", "MP"), ("Anna-Karin Lindqvist-Åström", "S"),
                              ("Jonas Ek", "Fi")]
    assert parsed.unsure() == []


def test_att1_numbering_hemstaller_and_chain_intro() -> None:
    parsed = parse_fixture("numbered-att1-hemstaller.txt")
    m = parsed.motion
    # "hemställer vi att regionfullmäktige beslutar" introduces the list, it is no yrkande
    assert m.yrkanden == [
        "att regionstyrelsen utreder hur väntetiderna kan kortas,",
        "att utredningen redovisas senast den 1 december 2023.",
    ]
    assert m.title == "Kortare väntetider på vårdcentralerna"  # "Motion: " is not the title
    assert m.addressed_to == "regionfullmäktige i Region Skåne"
    assert m.submitted == "2023-03-14"  # the header date, not the date inside the att-sats
    assert people(parsed) == [("Lars-Göran Nilsson", "KD"), ("Émilie Dubois", "SD"),
                              ("Per af Klinteberg", "M")]


def test_numbered_multiline_att_satser_from_a_wrapped_pdf() -> None:
    parsed = parse_fixture("numbered-wrapped-pdf.txt")
    assert parsed.motion.yrkanden == [
        "att barn- och skolnämnden ges i uppdrag att minska den administrativa bördan för "
        "lärarna genom att se över alla krav på dokumentation som inte följer av lag, och att "
        "arbetet med EVP-processen förenklas,",
        "att nämnden tillsammans med de fackliga organisationerna utvärderar den "
        "tillitsbaserade styrningen i skolan och redovisar resultatet för kommunfullmäktige.",
    ]
    # "Tillitsdelegationen föreslår / att staten …" in the motivation is not the proposal
    assert people(parsed) == [("Karin Berg", "C"), ("Olof Strand", "L")]
    assert parsed.confidence["yrkanden"] >= 0.9


def test_parties_written_out() -> None:
    parsed = parse_fixture("party-written-out.txt")
    assert people(parsed) == [("Mattias Olsson", "C"), ("Birgitta Håkansson", "C"),
                              ("Karin Larsson", "V"), ("Per Persson", "L")]
    assert parsed.motion.yrkanden == [
        "att kommunen erbjuder gratis sommarlovsaktiviteter för alla barn i grundskolan,",
        "att aktiviteterna finns i alla kommundelar.",
    ]
    assert parsed.motion.submitted == "2022-02-03"


def test_proposal_in_running_text_is_read_as_one_unsure_att_sats() -> None:
    parsed = parse_fixture("no-att-satser.txt")
    # "Jag yrkar därför på att kommunen …": the att-clause, never the lead-in words
    assert parsed.motion.yrkanden == [
        "att kommunen sätter upp belysning längs hela gångvägen runt sjön så snart som möjligt "
        "och senast till nästa vinter."
    ]
    assert "löptext" in parsed.notes["yrkanden"]
    # "kommunfullmäktige" alone does not say which municipality
    assert "addressed_to" in parsed.unsure()
    assert people(parsed) == [("Eva Nyström", "V")]


def test_no_proposal_at_all_offers_a_suggestion_marked_unsure() -> None:
    text = ("Motion till kommunfullmäktige i Heby\n\nStoppa bygget\n\nBygget kostar för mycket."
            "\n\nAtt stoppa bygget skulle spara pengar åt kommunen under många år.\n\n"
            "Vittinge 121214\n\nBo Berg (SD)\n")
    parsed = parse_motion(text)
    assert parsed.motion.yrkanden == []
    assert parsed.suggestion.startswith("Att stoppa bygget")
    assert "yrkanden" in parsed.unsure()
    assert "inga att-satser" in parsed.notes["yrkanden"]
    assert parsed.motion.submitted == "2012-12-14"


def test_inline_att_after_foreslar_is_one_yrkande_with_lower_confidence() -> None:
    text = ("Motion till Kungälvs kommunfullmäktige\n2020-05-05\n\nGratis busskort för unga\n\n"
            "Bussen är dyr för ungdomar.\n\nVi föreslår att kommunen inför gratis busskort för "
            "alla under 20 år.\n\nAnna Andersson (V), Bo Berg (S) och Cecilia Ceder (C)\n")
    parsed = parse_motion(text)
    assert parsed.motion.yrkanden == [
        "att kommunen inför gratis busskort för alla under 20 år."]
    assert 0.7 <= parsed.confidence["yrkanden"] < 0.95
    assert people(parsed) == [("Anna Andersson", "V"), ("Bo Berg", "S"),
                              ("Cecilia Ceder", "C")]


@pytest.mark.parametrize(("first", "second", "word"), [
    ("- att", "- att", "att"), ("– att", "– att", "att"), ("• att", "• att", "att"),
    ("1. att", "2. att", "att"), ("1) att", "2) att", "att"), ("att1", "att2", "att"),
    ("att 1.", "att 2.", "att"), ("Att", "Att", "Att"), ("ATT", "ATT", "ATT"),
])
def test_every_att_marker(first: str, second: str, word: str) -> None:
    text = ("Motion till Lunds kommunfullmäktige\n2022-01-27\n\nRubrik här\n\nText.\n\n"
            f"Vi yrkar därför:\n\n{first} kommunen gör A,\n{second} kommunen gör B.\n\n"
            "Anna Andersson (V)\n")
    parsed = parse_motion(text)
    assert parsed.motion.yrkanden == [f"{word} kommunen gör A,", f"{word} kommunen gör B."]


def test_motionarer_only_in_the_header() -> None:
    text = ("Motion från Anna Andersson (V) och Bo Berg (S)\n\nTill kommunfullmäktige i Ystad\n\n"
            "Fler bänkar i parken\n\nDet finns för få bänkar.\n\nVi yrkar att kommunen ställer ut "
            "tio nya bänkar.\n")
    parsed = parse_motion(text)
    assert people(parsed) == [("Anna Andersson", "V"), ("Bo Berg", "S")]
    assert parsed.motion.title == "Fler bänkar i parken"
    assert parsed.motion.submitted == ""
    assert "submitted" in parsed.unsure()


def test_unknown_party_is_kept_and_flagged() -> None:
    text = ("Motion till Lunds kommunfullmäktige\n2022-01-27\n\nRubrik här\n\n"
            "Vi yrkar\n\natt kommunen gör något.\n\nÅsa Öst (ÖP)    Bo Berg (S)\n")
    parsed = parse_motion(text)
    assert people(parsed) == [("Åsa Öst", "ÖP"), ("Bo Berg", "S")]
    assert "motionarer" in parsed.unsure()
    assert "ÖP" in parsed.notes["motionarer"]


def test_party_spellings() -> None:
    assert party_code("V ") == ("V", True)
    assert party_code("Mp") == ("MP", True)
    assert party_code("FI") == ("Fi", True)
    assert party_code("kd") == ("KD", True)
    assert party_code("Vänsterpartiet") == ("V", True)
    assert party_code("Miljöpartiet de gröna") == ("MP", True)
    assert party_code("Feministiskt initiativ") == ("Fi", True)
    assert party_code("ÖP")[1] is False


def test_wrapped_line_starting_with_att_continues_the_att_sats() -> None:
    body = "\n".join(["Detta är en rad i motiveringen som fyller nästan hela bredden av sidan."]
                     * 8)
    text = ("Motion till Lunds kommunfullmäktige\n2022-01-27\n\nSkolmaten\n\n" + body +
            "\n\nVi yrkar därför:\n\natt kommunen utreder hur det kan bli möjligt för alla "
            "förvaltningar\natt samordna sina inköp av livsmedel och sänka kostnaden för maten,"
            "\natt utredningen redovisas under 2023.\n\nAnna Andersson (V)\n")
    parsed = parse_motion(text)
    assert parsed.motion.yrkanden == [
        "att kommunen utreder hur det kan bli möjligt för alla förvaltningar att samordna sina "
        "inköp av livsmedel och sänka kostnaden för maten,",
        "att utredningen redovisas under 2023.",
    ]


def test_hyphenation_repair_keeps_real_hyphens() -> None:
    vocab = _Vocabulary.of([])
    assert join_lines(["satsa på verksam-", "heterna."], vocab) == "satsa på verksamheterna."
    assert join_lines(["arbetet med EVP-", "processen"], vocab) == "arbetet med EVP-processen"
    assert join_lines(["inom New Public Management-", "skolan"], vocab) == \
        "inom New Public Management-skolan"
    assert join_lines(["sedan 1990-", "talet"], vocab) == "sedan 1990-talet"
    assert join_lines(["barn- och", "skolnämnden"], vocab) == "barn- och skolnämnden"
    # a word the document also spells with a hyphen keeps it
    seen = _Vocabulary.of(["vi talar om e-tjänster här"])
    assert join_lines(["nya e-", "tjänster"], seen) == "nya e-tjänster"


def test_dates() -> None:
    assert dates_in("Lund den 21 januari 2022") == ["2022-01-21"]
    assert dates_in("2022-01-27") == ["2022-01-27"]
    assert dates_in("den 3 mars 2021 och 2021-04-01") == ["2021-03-03", "2021-04-01"]
    assert dates_in("2022-13-45 eller 31 februari 2022") == []


def test_text_without_anything_is_all_unsure() -> None:
    parsed = parse_motion("bara lite text utan struktur\n")
    assert parsed.unsure() == ["title", "addressed_to", "submitted", "motionarer", "yrkanden"]
    assert parsed.motion.yrkanden == []
