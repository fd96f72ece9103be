"""A real tjänsteskrivelse (Lund KS 2022/0086) as a Word file written outside Tillit Desk."""

from __future__ import annotations

import re

from tillit_desk.print_options import print_options
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from .case_strings import strings
from .lund_word import PAGE_HEADER, lines, lund_docx

REGISTRY = ProfileRegistry(user_dir=None)


def test_lund_in_word_imports_every_field_and_section():
    result = build_case(read_plan(lund_docx(), REGISTRY, name="ks-2022-0086.docx"))
    case, report = result.case, result.report
    assert report.profile == "lund-kommun"  # by the organisation's name in the header
    doc = case.document
    assert (doc.date, doc.diarienummer) == ("2022-05-02", "KS 2022/0086")
    assert (doc.handlaggare.name, doc.handlaggare.title) == ("Anders Eriksson", "Handläggare")
    assert doc.title.startswith("Motion från Fanny Johansson (S)")
    assert doc.decision_chain == ""  # Lund's own chain: the profile prints it
    assert case.sections["forslag_till_beslut"] == ("att anse motionen vara besvarad med "
                                                    "hänvisning till vad som anförts i ärendet.")
    assert [m for _h, m in report.mapping] == [
        "Förslag till beslut", "Sammanfattning", "Underlag för beslutet", "Ärendet",
        "Beredning", "Barnets bästa", "Ekonomiska konsekvenser", "Beslutet skickas till"]
    assert [u.date for u in case.underlag] == ["", ""]  # the dates sit inside the rows
    assert case.underlag[0].text.startswith("Kommunkontorets tjänsteskrivelse 2020-05-02")
    assert [(s.name, s.title) for s in case.signatories] == [
        ("Christoffer Nilsson", "Kommundirektör"), ("Vesna Casitovski", "Kanslichef")]
    assert [(r.name, r.purpose) for r in case.skickas_till] == [("Motionärerna", "kännedom")]
    arendet = case.sections["arendet"]
    assert arendet.startswith("### Bakgrund\n\n")
    assert "#### Om tillitsbaserad styrning i Lunds kommun" in arendet
    assert "*Tillit, dialog, struktur - så här styrs Lunds kommun*" in arendet
    assert "- att Lunds kommun påbörjar en övergång" in case.sections["sammanfattning"]
    # Barnets bästa and Ekonomiska konsekvenser hold just the profile's standard sentence:
    # marked "inte relevant" (issue 13), which prints the same sentence again
    assert case.layout.not_relevant == ["barnets_basta", "ekonomiska_konsekvenser"]
    assert "barnets_basta" not in case.sections
    assert report.unplaced == []
    # no text lost: every word of the published text is in the case
    printed = " ".join(strings(case.to_dict()))
    words = {w for line in lines() if line not in PAGE_HEADER for w in re.findall(r"\w+", line)}
    profile = REGISTRY.get("lund-kommun")
    sentences = [print_options(profile).not_relevant[s] for s in case.layout.not_relevant]
    implied = " ".join([*(h for h, _m in report.mapping), profile.decision_chain,
                        profile.organisation, profile.unit, *sentences])  # printed by the profile
    missing = words - set(re.findall(r"\w+", printed + " " + implied))
    assert not missing


