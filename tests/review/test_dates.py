"""Metadata and dates: diarienummer, real dates, Beslutsunderlag, the motion's date and age."""

from __future__ import annotations

from tillit_desk.case import UnderlagItem

from .helpers import run_case, run_section, spans


def test_example_metadata_is_clean(case, lund):
    for rule in ("metadata.diarienummer", "metadata.datum", "metadata.underlag_datum",
                 "metadata.motionsdatum", "metadata.motion_ett_ar"):
        assert run_case(rule, case, lund) == [], rule


def test_diarienummer_pattern(case, lund):
    case.document.diarienummer = "KS 22/86"
    found = run_case("metadata.diarienummer", case, lund)
    assert len(found) == 1 and found[0].severity == "fel" and "KS 2022/0086" in found[0].message
    case.document.diarienummer = ""
    assert "saknas" in run_case("metadata.diarienummer", case, lund)[0].message


def test_document_date(case, lund):
    case.document.date = "2022-02-30"
    assert [f.severity for f in run_case("metadata.datum", case, lund)] == ["fel"]
    case.document.date = "2 maj 2022"
    assert len(run_case("metadata.datum", case, lund)) == 1


def test_underlag_date_of_this_document(case, lund):
    case.underlag[0] = UnderlagItem(
        text="Kommunkontorets tjänsteskrivelse 2020-05-02 Motion från Helena Falk (V)")
    found = run_case("metadata.underlag_datum", case, lund)
    assert len(found) == 1 and found[0].severity == "fel"
    assert "2020-05-02" in found[0].message and found[0].suggestion == "2022-05-02"


def test_underlag_date_field(case, lund):
    case.underlag[0] = UnderlagItem(text="Kommunkontorets tjänsteskrivelse", date="2022-04-30")
    assert len(run_case("metadata.underlag_datum", case, lund)) == 1
    case.underlag[0] = UnderlagItem(text="Kommunkontorets tjänsteskrivelse", date="2022-05-02")
    assert run_case("metadata.underlag_datum", case, lund) == []


def test_other_bodys_tjansteskrivelse_is_not_ours(case, lund):
    case.underlag.append(UnderlagItem(text="Socialnämndens protokoll med tjänsteskrivelse "
                                           "2021-03-01"))
    assert run_case("metadata.underlag_datum", case, lund) == []


def test_invalid_date_in_underlag(case, lund):
    case.underlag[1] = UnderlagItem(text="Motion 2022-13-27")
    assert "inte ett giltigt datum" in run_case("metadata.underlag_datum", case, lund)[0].message


def test_motion_after_document(case, lund):
    case.motion.submitted = "2022-06-01"
    assert [f.severity for f in run_case("metadata.motionsdatum", case, lund)] == ["fel"]


def test_motion_older_than_a_year(case, lund):
    case.motion.submitted = "2021-04-30"
    found = run_case("metadata.motion_ett_ar", case, lund)
    assert len(found) == 1 and found[0].severity == "varning"
    assert "5 kap. 35 §" in found[0].message
    case.motion.submitted = "2021-05-02"  # exactly one year: still in time
    assert run_case("metadata.motion_ett_ar", case, lund) == []


def test_invalid_iso_date_in_text(case, lund):
    text = "Beslutet fattades 2022-02-30 och gäller från 2022-03-01."
    assert spans(run_section("metadata.datum_i_text", text, case, lund), text) == ["2022-02-30"]
