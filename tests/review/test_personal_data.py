"""Personal data: valid identity numbers and private contact details are found, look-alikes not."""

from __future__ import annotations

import pytest

from tillit_desk.review.personal_data import luhn_ok

from .helpers import run_section, spans


def test_luhn():
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


@pytest.mark.parametrize("number", [
    "811218-9876",  # Skatteverket's example
    "19811218-9876",  # with century
    "198112189876",  # twelve digits, no separator
    "8112189876",  # ten digits
    "811218+9876",  # over 100 years old
    "701063-2391",  # samordningsnummer (day 23 + 60)
])
def test_identity_numbers_found(case, lund, number):
    text = f"Den enskilde ({number}) har ansökt om bistånd."
    found = run_section("personuppgift.personnummer", text, case, lund)
    assert spans(found, text) == [number]
    assert found[0].severity == "fel"


def test_samordningsnummer_named(case, lund):
    found = run_section("personuppgift.personnummer", "Nr 701063-2391.", case, lund)
    assert "samordningsnummer" in found[0].message


@pytest.mark.parametrize("text", [
    "Personen har nummer 811218-9875.",  # wrong check digit
    "Diarienummer KS 2022/0086 och KS 2021/1234.",
    "Mellan 2022-05-02 och 2023-01-01.",
    "Summan är 1 234 567 kronor, organisationsnummer 212000-1124? nej: 2120001124",
    "Ärendet gäller 20221301-1234 som inte är ett datum.",
])
def test_identity_number_look_alikes(case, lund, text):
    assert run_section("personuppgift.personnummer", text, case, lund) == []


@pytest.mark.parametrize("text, number, severity", [
    ("Ring henne på 070-123 45 67 efter fem.", "070-123 45 67", "varning"),
    ("Han nås på +46 70 123 45 67.", "+46 70 123 45 67", "varning"),
    ("Telefon 046-35 50 00.", "046-35 50 00", "tips"),
])
def test_phone_numbers(case, lund, text, number, severity):
    found = run_section("personuppgift.telefon", text, case, lund)
    assert spans(found, text) == [number]
    assert found[0].severity == severity


def test_handlaggare_phone_and_years_not_flagged(case, lund):
    case.document.handlaggare.phone = "046-35 50 00"
    text = "Frågor besvaras på 046-355000. Planen gäller 2023–2025 och KS 2022/0086."
    assert run_section("personuppgift.telefon", text, case, lund) == []


def test_email(case, lund):
    case.document.handlaggare.email = "anders.eriksson@lund.se"
    text = ("Skicka till anders.eriksson@lund.se eller kalle.privat@gmail.com, "
            "alternativt kommunen@lund.se.")
    found = run_section("personuppgift.epost", text, case, lund)
    assert spans(found, text) == ["kalle.privat@gmail.com", "kommunen@lund.se"]
    assert [f.severity for f in found] == ["varning", "tips"]
    assert run_section("personuppgift.epost", "Ingen adress här @ alls.", case, lund) == []
