"""A DOCX that Tillit Desk did not write: every section mapped, no text lost."""

from __future__ import annotations

import io
import re

import docx

from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from . import foreign as F
from .case_strings import strings

REGISTRY = ProfileRegistry(user_dir=None)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())




def test_foreign_document_maps_every_section_and_keeps_every_word():
    data = F.foreign_docx()
    plan = read_plan(data, REGISTRY, profile_id="generic", name="bankar.docx")
    mapping = {sp.heading: sp.target for sp in plan.sections}
    assert mapping == {
        "Sammanfattning": "sammanfattning", "Förslag till beslut": "forslag_till_beslut",
        "Beslutsunderlag": "underlag", "Ärendet": "arendet", "Överväganden": "bedomning",
        "Barnets bästa": "barnets_basta", "Ekonomiska konsekvenser": "ekonomiska_konsekvenser",
        "Uppföljning": "uppföljning", "Beslutet skickas till": "skickas_till"}
    result = build_case(plan)
    case = result.case
    doc = case.document
    assert (doc.organisation, doc.unit, doc.date, doc.diarienummer, doc.title) == (
        F.ORGANISATION, F.UNIT, F.DATE, F.DNR, F.TITLE)
    assert (doc.handlaggare.name, doc.handlaggare.title, doc.handlaggare.email) == F.REF
    assert doc.decision_chain == F.CHAIN
    assert case.sections["forslag_till_beslut"] == "att " + F.POINTS[0] + "\n\natt " + \
        F.POINTS[1]
    assert [(u.text, u.date) for u in case.underlag] == F.UNDERLAG
    assert [(s.name, s.title) for s in case.signatories] == F.SIGNERS
    assert [(r.name, r.purpose) for r in case.skickas_till] == [
        (n, "kännedom") for n in F.RECIPIENTS]
    arendet = case.sections["arendet"]
    assert arendet.startswith("### Bakgrund\n\nAnna Andersson (C) har lämnat en motion om "
                              "**fler bänkar**. Hon yrkar att kommunen ska *placera ut bänkar* "
                              "i alla parker.")
    assert "| Park | Bänkar i dag | Nya bänkar |\n|---|---|---|\n| Stadsparken | 12 | 4 |" \
        in arendet
    assert "1. sittplatser nära lekplatser\n2. skugga\n3. belysning" in arendet
    assert case.sections["bedomning"] == "\n\n".join(F.SECTIONS[4][1])
    # a heading of its own: an added section of case.layout in its place (issue 13)
    assert case.layout.to_dict()["added"] == [
        {"id": "egen_1", "heading": "Uppföljning", "after": "ekonomiska_konsekvenser"}]
    assert case.sections["egen_1"] == "Parkförvaltningen redovisar utfallet i årsrapporten."
    assert "custom_sections" not in case.extra
    # no text lost: every word of the document (body and header) is somewhere in the case
    source = docx.Document(io.BytesIO(data))
    words = _words("\n".join(p.text for p in source.paragraphs))
    for t in source.tables:
        words += _words(" ".join(c.text for row in t.rows for c in row.cells))
    for t in source.sections[0].header.tables:
        words += _words(" ".join(c.text for row in t.rows for c in row.cells))
    kept = set(_words(" ".join(strings(case.to_dict())))) | set(
        _words(" ".join(result.report.unplaced)))
    headings = set(_words(" ".join(h for h, _t in F.SECTIONS)))
    missing = set(words) - kept - headings - {"vår", "referens", "datum", "dnr", "att"}
    assert not missing
    assert result.report.unplaced == []


def test_a_malmo_like_first_page_labels_over_values_and_dnr_under_the_title():
    """The layout issue 13 asks for: "Datum" over the date, "Vår referens" over three lines,
    the diarienummer on its own line under the title, no labels in the header."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Malmö stad"
    header.add_paragraph("Stadskontoret")
    header.add_paragraph("1 (8)")
    for text in ("Datum", "2020-05-02", "Vår referens", "Anna Ek", "Utredare",
                 "anna.ek@malmo.se", "Tjänsteskrivelse"):
        document.add_paragraph(text)
    document.add_paragraph("Motion om solceller på skolor", style="Title")
    document.add_paragraph("STK-2020-1262")
    document.add_paragraph("Sammanfattning", style="Heading 1")
    document.add_paragraph("Motionen föreslås besvarad.")
    document.add_paragraph("Stadskontorets bedömning och förslag", style="Heading 1")
    document.add_paragraph("Solceller prövas i nya skolor.")
    out = io.BytesIO()
    document.save(out)
    result = build_case(read_plan(out.getvalue(), REGISTRY, name="malmo.docx"))
    doc = result.case.document
    assert result.report.profile == "malmo-stad"  # by its organisation's name and headings
    assert (doc.date, doc.diarienummer, doc.title) == ("2020-05-02", "STK-2020-1262",
                                                       "Motion om solceller på skolor")
    assert (doc.handlaggare.name, doc.handlaggare.title, doc.handlaggare.email) == (
        "Anna Ek", "Utredare", "anna.ek@malmo.se")
    assert (doc.organisation, doc.unit) == ("", "")  # the profile's own: kept as default
    assert result.case.sections["bedomning"] == "Solceller prövas i nya skolor."
    assert result.report.unplaced == []


def test_a_heading_moved_to_another_section_stays_as_a_sub_heading():
    from tillit_desk.wordimport.mapping import kind_for

    plan = read_plan(F.foreign_docx(), REGISTRY, profile_id="lund-kommun")
    moved = next(sp for sp in plan.sections if sp.heading == "Uppföljning")
    moved.target, moved.custom = "beredning", False
    moved.kind = kind_for(plan.profile, "beredning")
    case = build_case(plan).case
    assert case.sections["beredning"] == "### Uppföljning\n\n" + F.SECTIONS[7][1][0]
    assert "uppföljning" not in case.sections


def test_signatures_after_the_recipients_are_signatures_not_recipients():
    """Many templates end with Beslutet skickas till and put the signatures under it, after
    an empty paragraph: names side by side over titles, or a name over a title."""
    for signature in (["Per Ek\tEva Nilsson", "Kommundirektör\tUtredare"],
                      ["Per Ek", "Kommundirektör"]):
        document = docx.Document()
        document.add_heading("Svar på motion om cykelparkeringar", 0)
        document.add_heading("Förslag till beslut", 1)
        document.add_paragraph("att motionen anses besvarad.")
        document.add_heading("Ärendet", 1)
        document.add_paragraph("Motionären vill ha fler platser.")
        document.add_heading("Beslutet skickas till", 1)
        document.add_paragraph("Samhällsbyggnadsförvaltningen")
        document.add_paragraph("Anna Berg")
        document.add_paragraph("")
        for line in signature:
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        case = build_case(read_plan(buffer.getvalue(), REGISTRY, profile_id="generic",
                                    name="ystad.docx")).case
        assert [r.name for r in case.skickas_till] == ["Samhällsbyggnadsförvaltningen",
                                                      "Anna Berg"]
        names = signature[0].split("\t")
        titles = signature[1].split("\t")
        assert [(s.name, s.title) for s in case.signatories] == list(zip(names, titles,
                                                                         strict=True))
