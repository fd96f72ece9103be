"""Smaller pieces of the Word import: heading matching, Markdown escapes, tracked formatting,
a tracked new paragraph, telling a tjänsteskrivelse from a motion."""

from __future__ import annotations

import io

import docx
import pytest

from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport import suggestions as S
from tillit_desk.wordimport.headings import match_heading
from tillit_desk.wordimport.importer import build_case, looks_like_case_document
from tillit_desk.wordimport.mapping import read_plan

from . import foreign as F
from .docxedit import W, find_paragraph, rewrite, run, w, xml_edit

REGISTRY = ProfileRegistry(user_dir=None)


@pytest.mark.parametrize(("heading", "profile", "expected"), [
    ("Överväganden", "generic", "bedomning"),
    ("Bedömning", "region-skane", "bedomning"),
    ("Underlag för beslutet", "generic", "underlag"),
    ("Beslutsunderlag", "lund-kommun", "underlag"),
    ("3. SAMMANFATTNING:", "generic", "sammanfattning"),
    ("Stadskontorets bedömning", "generic", "bedomning"),
    ("Stadskontorets bedömning och förslag", "malmo-stad", "bedomning"),
    ("Ordförandens förslag", "generic", "forslag_till_beslut"),
    ("Kommunledningskontorets förslag till beslut", "generic", "forslag_till_beslut"),
    ("Barnets\u00a0bästa", "generic", "barnets_basta"),
    ("Beslut skickas till", "generic", "skickas_till"),
    ("Ansvariga", "generic", "signatures"),
    ("Tidplan", "generic", None),
])
def test_headings_match_by_text_and_synonym(heading, profile, expected):
    assert match_heading(heading, REGISTRY.get(profile)) == expected


def _doc(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Ärendet", style="Heading 1")
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_paragraph("Bedömning", style="Heading 1")
    document.add_paragraph("Inget att tillägga.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_markdown_characters_in_word_text_are_escaped():
    data = _doc(["Ränta * 2 och fil_namn", "- inte en lista", "1. inte heller en lista",
                 "# ingen rubrik"])
    case = build_case(read_plan(data, REGISTRY, profile_id="generic")).case
    assert case.sections["arendet"] == ("Ränta \\* 2 och fil\\_namn\n\n\\- inte en lista\n\n"
                                        "1\\. inte heller en lista\n\n\\# ingen rubrik")
    from tillit_desk.markup import parse_blocks, plain_text

    texts = [plain_text(b.spans) for b in parse_blocks(case.sections["arendet"])]
    assert texts == ["Ränta * 2 och fil_namn", "- inte en lista", "1. inte heller en lista",
                     "# ingen rubrik"]


def test_tracked_bold_is_a_formatting_suggestion():
    data = _doc(["Det här är viktigt för alla."])

    def bold(root) -> None:
        p = find_paragraph(root, "viktigt")
        for r in p.findall(W + "r"):
            p.remove(r)
        p.append(run("Det här är "))
        r = run("viktigt")
        rpr = w("rPr")
        rpr.append(w("b"))
        change = w("rPrChange", id="5", author="Karin Chef", date="2026-11-20T10:00:00Z")
        change.append(w("rPr"))
        rpr.append(change)
        r.insert(0, rpr)
        p.append(r)
        p.append(run(" för alla."))

    edited = rewrite(data, {"word/document.xml": xml_edit(bold)})
    case = build_case(read_plan(edited, REGISTRY, profile_id="generic")).case
    assert case.sections["arendet"] == "Det här är viktigt för alla."
    (s,) = S.suggestions(case)
    assert (s.change, s.author, s.kind) == ("format", "Karin Chef", S.TRACKED)
    S.accept(case, s.id)
    assert case.sections["arendet"] == "Det här är **viktigt** för alla."


def test_a_tracked_new_paragraph_is_one_insertion():
    data = _doc(["Första stycket."])

    def insert(root) -> None:
        p = find_paragraph(root, "Första stycket.")
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = w("pPr")
            p.insert(0, ppr)
        rpr = w("rPr")
        rpr.append(w("ins", id="7", author="Karin Chef", date="2026-11-20T10:00:00Z"))
        ppr.append(rpr)
        new = w("p")
        ins = w("ins", id="8", author="Karin Chef", date="2026-11-20T10:00:00Z")
        ins.append(run("Ett nytt stycke."))
        new.append(ins)
        p.addnext(new)

    edited = rewrite(data, {"word/document.xml": xml_edit(insert)})
    case = build_case(read_plan(edited, REGISTRY, profile_id="generic")).case
    assert case.sections["arendet"] == "Första stycket."
    (s,) = S.suggestions(case)
    assert (s.change, s.author) == ("insert", "Karin Chef")
    S.accept(case, s.id)
    assert case.sections["arendet"] == "Första stycket.\n\nEtt nytt stycke."


def test_a_motion_is_not_taken_for_a_tjansteskrivelse(tmp_path):
    from motion.builders import motion_docx

    motion = motion_docx("Motion om bänkar\n\nVi yrkar\n\natt kommunen köper bänkar\n\n"
                         "Anna Andersson (C)", tmp_path / "motion.docx")
    assert not looks_like_case_document(motion, REGISTRY)
    ours = tmp_path / "svar.docx"
    ours.write_bytes(F.foreign_docx())
    assert looks_like_case_document(ours, REGISTRY)


def test_placeholders_and_hidden_text_are_reported_not_imported():
    data = _doc(["Synlig text.", "Mer text."])

    def decorate(root) -> None:
        p = find_paragraph(root, "Synlig text.")
        sdt = w("sdt")
        pr = w("sdtPr")
        pr.append(w("showingPlcHdr"))
        sdt.append(pr)
        content = w("sdtContent")
        content.append(run("Klicka här för att ange text."))
        sdt.append(content)
        p.append(sdt)
        hidden = run(" HEMLIG ANTECKNING")
        rpr = w("rPr")
        rpr.append(w("vanish"))
        hidden.insert(0, rpr)
        find_paragraph(root, "Mer text.").append(hidden)

    result = build_case(read_plan(rewrite(data, {"word/document.xml": xml_edit(decorate)}),
                                  REGISTRY, profile_id="generic"))
    assert result.case.sections["arendet"] == "Synlig text.\n\nMer text."
    notes = " ".join(result.report.unplaced)
    assert "Platshållartext ”Klicka här för att ange text.”" in notes
    assert "Dold text ”HEMLIG ANTECKNING”" in notes


def test_a_document_without_headings_goes_to_arendet():
    document = docx.Document()
    document.add_paragraph("Ett brev utan rubriker", style="Title")
    document.add_paragraph("Första stycket.")
    document.add_paragraph("Andra stycket.")
    out = io.BytesIO()
    document.save(out)
    result = build_case(read_plan(out.getvalue(), REGISTRY, profile_id="generic"))
    assert result.case.document.title == "Ett brev utan rubriker"
    assert result.case.sections["arendet"] == "Första stycket.\n\nAndra stycket."
    assert result.report.unplaced == []


def test_a_tracked_change_of_paragraph_style_is_a_formatting_suggestion(example_case):
    """The chef turns a paragraph into a bullet with Track Changes on (w:pPrChange)."""
    from tillit_desk.export.docx import render_docx

    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    text = "Ärendet har beretts av kommunkontoret."

    def bullet(root) -> None:
        p = find_paragraph(root, text)
        ppr = p.find(W + "pPr")
        old = w("pPr")
        for child in list(ppr):
            old.append(etree_copy(child))
        ppr.find(W + "pStyle").set(W + "val", "Punktlista")
        num = w("numPr")
        num.append(w("ilvl", val="0"))
        num.append(w("numId", val="10"))
        ppr.append(num)
        change = w("pPrChange", id="9", author="Karin Chef", date="2026-11-20T10:00:00Z")
        change.append(old)
        ppr.append(change)

    edited = rewrite(data, {"word/document.xml": xml_edit(bullet)})
    case = build_case(read_plan(edited, REGISTRY, name="x.docx")).case
    assert case.sections["beredning"] == text
    (s,) = S.suggestions(case)
    assert (s.section, s.change, s.author, s.kind) == ("beredning", "format", "Karin Chef",
                                                       S.TRACKED)
    S.accept(case, s.id)
    assert case.sections["beredning"] == f"- {text}"


def etree_copy(el):
    from copy import deepcopy

    return deepcopy(el)


def test_a_profile_without_unit_reads_its_organisation_once(tmp_path):
    """The organisation printed in the first page's header and again in the following pages'
    is one name, not the organisation and then the unit."""
    from tillit_desk.case import Case, Handlaggare
    from tillit_desk.export.docx import render_docx

    from .docxedit import without_case_part

    folder = tmp_path / "utan-enhet"
    folder.mkdir()
    (folder / "profile.toml").write_text(
        'id = "utan-enhet"\nname = "Utan enhet"\nbased_on = "generic"\n'
        'organisation = "Egen kommun"\n\n[[sections]]\nid = "arendet"\n', encoding="utf-8")
    registry = ProfileRegistry(user_dir=tmp_path)
    profile = registry.get("utan-enhet")
    assert profile.unit == ""
    case = Case(profile=profile.id)
    case.document.title, case.document.date = "Bänkar", "2022-05-02"
    case.document.handlaggare = Handlaggare("Anna Andersson")
    case.sections["arendet"] = "Text."
    data, _ = render_docx(case, profile)
    got = build_case(read_plan(without_case_part(data), registry, profile_id=profile.id)).case
    assert (got.document.organisation, got.document.unit) == ("", "")
