"""Documents typed in Word in the shapes issue 13 lets a case print: Beslutsunderlag inside
another section, headings of the case's own, renamed and split headings, sections marked "inte
relevant", a heading over the signatures; and the profile's own fixed wording."""

from __future__ import annotations

import io

import docx

from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case, read_plan

REGISTRY = ProfileRegistry(user_dir=None)


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Svar på motion om bänkar", style="Title")
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_region_skane_documents_listed_in_sammanfattning_become_beslutsunderlag():
    data = _docx([
        ("Heading 1", "Ordförandens förslag"),
        ("Normal", "Personalnämnden föreslår regionstyrelsen besluta"),
        ("List Number", "Regionfullmäktige avslår motionen."),
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Motionen föreslår fler bänkar."),
        ("Normal", "I ärendet finns följande dokument:"),
        ("List Number", "Motionssvar 2022-05-02"),
        ("List Number", "Motion"),
        ("Heading 1", "Ärendet"),
        ("Normal", "Bakgrunden."),
    ])
    result = build_case(read_plan(data, REGISTRY, profile_id="region-skane"))
    case = result.case
    assert [(u.text, u.date) for u in case.underlag] == [("Motionssvar", "2022-05-02"),
                                                        ("Motion", "")]
    assert case.sections["sammanfattning"] == "Motionen föreslår fler bänkar."
    assert result.report.unplaced == []


def test_a_numbered_list_without_the_intro_sentence_stays_text():
    data = _docx([
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Två skäl:"),
        ("List Number", "Det första"),
        ("List Number", "Det andra"),
        ("Heading 1", "Ärendet"),
        ("Normal", "Bakgrunden."),
    ])
    case = build_case(read_plan(data, REGISTRY, profile_id="region-skane")).case
    assert case.underlag == []
    assert case.sections["sammanfattning"] == "Två skäl:\n\n1. Det första\n2. Det andra"


def test_rows_are_split_as_the_profile_prints_them():
    """Lund prints no dates on rows ("{text}"): a date in a row is part of its text."""
    rows = [("Heading 1", "Underlag för beslutet"),
            ("List Bullet", "Tjänsteskrivelse 2022-05-02"),
            ("List Bullet", "Motion, 2022-01-10"),
            ("Heading 1", "Ärendet"), ("Normal", "Bakgrunden.")]
    lund = build_case(read_plan(_docx(rows), REGISTRY, profile_id="lund-kommun")).case
    assert [(u.text, u.date) for u in lund.underlag] == [
        ("Tjänsteskrivelse 2022-05-02", ""), ("Motion, 2022-01-10", "")]
    generic = build_case(read_plan(_docx(rows), REGISTRY, profile_id="generic")).case
    assert [(u.text, u.date) for u in generic.underlag] == [
        ("Tjänsteskrivelse", "2022-05-02"), ("Motion", "2022-01-10")]
