"""A tjänsteskrivelse brought in from Word and exported again with its profile prints like the
original: the same sections in the same order under the same headings, the same decision
(chain or none, att-satser, numbered or bulleted points, as written), the same lists and
recipients, nothing invented and nothing lost. Compared line by line with fidelity.py, which
reads the two DOCX files as a reader sees them; every export is valid for Word."""

from __future__ import annotations

import io

import docx
import pytest
from ooxml_schema import schema_errors

from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from . import fidelity as F

REGISTRY = ProfileRegistry(user_dir=None)


def _docx(paragraphs: list[tuple[str, str]], title: str = "Delårsrapport 1 2023") -> bytes:
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _round_trip(data: bytes, profile_id: str | None = None):
    """Import, export with the case's profile (schema-valid), and both readings."""
    case = build_case(read_plan(data, REGISTRY, name="original.docx",
                                profile_id=profile_id)).case
    out, _warnings = render_docx(case, REGISTRY.get(case.profile))
    assert schema_errors(out) == []
    return case, F.read(data), F.read(out)


def _section(lines: list[F.Line], heading: str) -> list[F.Line]:
    """The lines under one heading, up to the next."""
    start = lines.index(F.Line("heading", heading)) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].kind == "heading"), len(lines))
    return lines[start:end]


# ---------------------------------------------------------------- the decision

TYRESO = [  # Tyresö kommun: bulleted points, no decision chain (insynsverige.se, see SOURCES.md)
    ("Heading 1", "Förslag till beslut"),
    ("List Bullet", "Delårsrapport 1 2023 avseende kommunstyrelsens verksamhetsområden godkänns."),
    ("Heading 1", "Sammanfattning"),
    ("Normal", "Förvaltningen tar enligt styrprocessen fram en delårsrapport per sista april."),
]


def test_bulleted_points_without_a_chain_print_as_bullets_and_no_chain_is_added():
    case, original, exported = _round_trip(_docx(TYRESO), "generic")
    decision = _section(exported.lines, "Förslag till beslut")
    assert decision == _section(original.lines, "Förslag till beslut") == [
        F.Line("bullet", "Delårsrapport 1 2023 avseende kommunstyrelsens verksamhetsområden "
                         "godkänns.")]
    assert REGISTRY.get("generic").decision_chain  # the profile has a chain; it is not printed


def test_att_satser_without_a_chain_get_no_chain_and_keep_their_punctuation():
    data = _docx([
        ("Heading 1", "Förslag till beslut"),
        ("Normal", "att godkänna delårsrapporten"),
        ("Normal", "att lägga informationen till handlingarna"),
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Rapporten följer styrprocessen."),
    ])
    _case, original, exported = _round_trip(data, "lund-kommun")
    assert _section(exported.lines, "Förslag till beslut") == [
        F.Line("att", "godkänna delårsrapporten"),
        F.Line("att", "lägga informationen till handlingarna")]
    assert _section(exported.lines, "Förslag till beslut") == \
        _section(original.lines, "Förslag till beslut")


def test_att_satser_stay_att_satser_with_a_profile_that_numbers_its_points():
    """Malmö stad's own documents of 2013 and 2015 have att-satser; the profile numbers its
    points. The document's points are printed as it wrote them, not as "Kommunfullmäktige
    upphäver …" (the decision was Kommunstyrelsen's)."""
    data = _docx([
        ("Heading 1", "Sammanfattning"),
        ("Normal", "En enklare modell för IT-kostnaderna."),
        ("Heading 1", "Förslag till beslut"),
        ("Normal", "Kommunstyrelsen föreslås besluta"),
        ("Normal", "att justera kommunbidraget fr.o.m. 2014 i enlighet med sammanställningen"),
        ("Normal", "att upphäva beslutet i ärendet D742/2002"),
    ])
    _case, original, exported = _round_trip(data, "malmo-stad")
    assert _section(exported.lines, "Förslag till beslut") == [
        F.Line("para", "Kommunstyrelsen föreslås besluta"),
        F.Line("att", "justera kommunbidraget fr.o.m. 2014 i enlighet med sammanställningen"),
        F.Line("att", "upphäva beslutet i ärendet D742/2002")]


# ---------------------------------------------------------------- the order of the sections

def _headings(lines: list[F.Line]) -> list[str]:
    return [ln.text for ln in lines if ln.kind == "heading"]


def test_sections_print_in_the_documents_order_not_the_profiles():
    """Upplands-Bro: Förslag till beslut before Sammanfattning (generic has it after)."""
    data = _docx([
        ("Heading 1", "Förslag till beslut"),
        ("Normal", "Socialnämnden godkänner delrevidering av riktlinjer för ekonomiskt bistånd."),
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Ärendet gäller en delrevidering av riktlinjerna."),
        ("Heading 1", "Ärendet"),
        ("Normal", "Reglerna för ensamkommande ungdomar har ändrats."),
    ], title="Revidering av riktlinjer för ekonomiskt bistånd")
    _case, original, exported = _round_trip(data, "generic")
    assert _headings(exported.lines) == _headings(original.lines) == [
        "Förslag till beslut", "Sammanfattning", "Ärendet"]
    assert F.differences(original.lines, exported.lines) == []


def test_signatures_after_the_recipients_stay_after_them():
    data = _docx([
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Motionen föreslår fler bänkar."),
        ("Heading 1", "Ärendet"),
        ("Normal", "Bänkarna behövs i parkerna."),
        ("Heading 1", "Beslutet skickas till"),
        ("Normal", "För kännedom:"),
        ("Normal", "Motionärerna"),
        ("Normal", ""),
        ("Normal", "Anna Andersson\tBo Berg"),
        ("Normal", "Kommundirektör\tKanslichef"),
    ], title="Svar på motion om bänkar")
    case, original, exported = _round_trip(data, "generic")
    assert [s.name for s in case.signatories] == ["Anna Andersson", "Bo Berg"]
    assert exported.lines[-2:] == original.lines[-2:] == [
        F.Line("para", "Anna Andersson Bo Berg"), F.Line("para", "Kommundirektör Kanslichef")]


# ---------------------------------------------------------------- Beslutsunderlag

def test_a_date_written_in_words_is_the_rows_date_and_prints_as_written():
    """Karlskoga: "… tjänsteskrivelse den 26 oktober 2011". The row gets its date (the review
    can check it) and prints as the document wrote it, with no ISO date added."""
    data = _docx([
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Förvaltningen har utvärderat barnchecklistan."),
        ("Heading 1", "Beslutsunderlag"),
        ("List Bullet", "Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober 2011"),
        ("List Bullet", "Kultur- och föreningsnämndens protokoll den 24 mars 2010, § 24"),
        ("List Bullet", "Barnchecklista"),
    ], title="Checklista för en hållbar utveckling")
    case, original, exported = _round_trip(data, "generic")
    assert [(u.text, u.date) for u in case.underlag] == [
        ("Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober 2011", "2011-10-26"),
        ("Kultur- och föreningsnämndens protokoll den 24 mars 2010, § 24", "2010-03-24"),
        ("Barnchecklista", "")]
    assert _section(exported.lines, "Beslutsunderlag") == \
        _section(original.lines, "Beslutsunderlag")


# ---------------------------------------------------------------- the addressee

def _addressed(addressee: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(addressee)
    document.add_paragraph("Revidering av riktlinjer för ekonomiskt bistånd", style="Title")
    for style, text in [("Heading 1", "Förslag till beslut"),
                        ("Normal", "Socialnämnden godkänner delrevidering av riktlinjerna."),
                        ("Heading 1", "Sammanfattning"),
                        ("Normal", "Ärendet gäller en delrevidering av riktlinjerna.")]:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_addressee_over_the_title_is_read_and_printed_over_the_title():
    """Upplands-Bro: "Socialnämnden" on its own line above the title."""
    data = _addressed("Socialnämnden")
    result = build_case(read_plan(data, REGISTRY, name="original.docx", profile_id="generic"))
    assert result.case.document.addressee == "Socialnämnden"
    assert not any("Socialnämnden" in u for u in result.report.unplaced)
    for profile_id in ("generic", "lund-kommun", "malmo-stad", "region-skane"):
        case = result.case.copy()
        case.profile = profile_id
        out, _warnings = render_docx(case, REGISTRY.get(profile_id))
        assert schema_errors(out) == []
        exported = F.read(out)
        assert exported.before_title[-1:] == [F.Line("para", "Socialnämnden")], profile_id
        assert [ln.text for ln in exported.lines].count("Socialnämnden") == 0


def test_a_line_over_the_title_that_names_no_body_is_still_not_placed():
    result = build_case(read_plan(_addressed("Utkast till sammanträdet"), REGISTRY,
                                  name="original.docx", profile_id="generic"))
    assert result.case.document.addressee == ""
    assert any("Utkast till sammanträdet" in u for u in result.report.unplaced)


def test_a_user_template_without_the_addressee_says_it_is_not_printed(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ document.title }}")
    document.add_paragraph("{{p body }}")
    template = tmp_path / "egen-mall.docx"
    document.save(template)
    case = build_case(read_plan(_addressed("Socialnämnden"), REGISTRY, name="original.docx",
                                profile_id="generic")).case
    out, warnings = render_docx(case, REGISTRY.get("generic"), template=template)
    assert schema_errors(out) == []
    assert "Socialnämnden" not in [ln.text for ln in F.read(out).before_title]
    assert any("Mottagaren ”Socialnämnden” skrivs inte ut" in w for w in warnings)


# ---------------------------------------------------------------- lists as the document has them

def test_recipients_without_a_label_print_without_one_and_bulleted_as_bullets():
    """Upplands-Bro: "Beslut sänds till" over a bulleted "Diariet", no "För kännedom:"."""
    data = _docx([
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Ärendet gäller en delrevidering av riktlinjerna."),
        ("Heading 1", "Beslut sänds till"),
        ("List Bullet", "Diariet"),
        ("List Bullet", "Socialkontoret"),
    ], title="Revidering av riktlinjer för ekonomiskt bistånd")
    case, original, exported = _round_trip(data, "generic")
    assert [r.name for r in case.skickas_till] == ["Diariet", "Socialkontoret"]
    assert _section(exported.lines, "Beslut sänds till") == \
        _section(original.lines, "Beslut sänds till") == [
            F.Line("bullet", "Diariet"), F.Line("bullet", "Socialkontoret")]


def test_beslutsunderlag_as_plain_lines_prints_as_plain_lines():
    """Karlskoga and Malmö stad: the documents are lines of their own, without bullets."""
    rows = ["Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober 2011",
            "Barnchecklista", "Mall checklista för en hållbar utveckling"]
    data = _docx([("Heading 1", "Sammanfattning"), ("Normal", "En kort utvärdering."),
                  ("Heading 1", "Beslutsunderlag"), *(("Normal", r) for r in rows)],
                 title="Checklista för en hållbar utveckling")
    for profile_id in ("generic", "malmo-stad"):
        _case, original, exported = _round_trip(data, profile_id)
        assert _section(exported.lines, "Beslutsunderlag") == \
            _section(original.lines, "Beslutsunderlag") == [F.Line("para", r) for r in rows]


def test_the_documents_own_lead_in_to_the_listed_documents_is_kept():
    """Region Skåne's published page has "I ärendet finns följande dokument" without a colon."""
    data = _docx([
        ("Heading 1", "Ordförandens förslag"),
        ("Normal", "Regionstyrelsen föreslår regionfullmäktige följande"),
        ("List Number", "Regionfullmäktige lägger redovisningen till handlingarna."),
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Redovisning föreligger avseende ej avgjorda motioner."),
        ("Normal", "I ärendet finns följande dokument"),
        ("List Number", "Redovisning 2017-08-16"),
    ], title="Redovisning av ej avgjorda motioner")
    case, original, exported = _round_trip(data, "region-skane")
    assert [(u.text, u.date) for u in case.underlag] == [("Redovisning", "2017-08-16")]
    assert F.differences(original.lines, exported.lines) == []


def test_an_export_of_a_case_with_its_own_forms_comes_back_without_suggestions():
    """The case's own forms (layout.export) are read back with those forms, not the
    profile's: no change is found where Word changed nothing."""
    from tillit_desk.wordimport import suggestions as S

    data = _docx([
        ("Heading 1", "Sammanfattning"), ("Normal", "En kort utvärdering."),
        ("Heading 1", "Beslutsunderlag"), ("Normal", "Barnchecklista"),
        ("Normal", "Protokoll den 24 mars 2010, § 24"),
        ("Heading 1", "Beslut sänds till"), ("List Bullet", "Diariet"),
    ], title="Checklista")
    case = build_case(read_plan(data, REGISTRY, name="original.docx",
                                profile_id="generic")).case
    assert case.layout.export == {"underlag_list": "plain", "skickas_till_list": "bullets",
                                  "label_atgard": "", "label_kannedom": ""}
    out, _warnings = render_docx(case, REGISTRY.get("generic"))
    again = build_case(read_plan(out, REGISTRY, name="export.docx")).case
    assert S.suggestions(again) == []
    assert again.to_dict()["layout"] == case.to_dict()["layout"]


def test_a_profile_with_an_unknown_list_form_is_refused():
    import dataclasses

    from tillit_desk.errors import ProfileError
    from tillit_desk.print_options import print_options

    base = REGISTRY.get("generic")
    bad = dataclasses.replace(base, extra={**base.extra, "export": {"underlag_list": "prickar"}})
    with pytest.raises(ProfileError, match="underlag_list"):
        print_options(bad)


# ---------------------------------------------------------------- a decision without a heading

def test_a_decision_before_the_first_heading_prints_without_an_invented_heading():
    """Stockholm's utlåtande: the decision, then "Föredragande borgarrådet … anför följande.",
    then the first heading. No "Förslag till beslut" heading is added, nothing is left out."""
    data = _docx([
        ("Normal", "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande."),
        ("Normal", "Motionen besvaras med hänvisning till vad som sägs i utlåtandet."),
        ("Normal", "Föredragande borgarrådet Olle Burell anför följande."),
        ("Heading 2", "Ärendet"),
        ("Normal", "Lotta Edholm (L) föreslår i en motion att riktlinjerna ändras."),
        ("Heading 2", "Beredning"),
        ("Normal", "Ärendet har remitterats till utbildningsnämnden."),
    ], title="Återställning av barnomsorgen på obekväm arbetstid")
    result = build_case(read_plan(data, REGISTRY, name="original.docx", profile_id="generic"))
    assert result.report.unplaced == []
    out, _warnings = render_docx(result.case, REGISTRY.get("generic"))
    assert schema_errors(out) == []
    assert F.differences(F.read(data).lines, F.read(out).lines) == []


# ---------------------------------------------------------------- the real documents

# What still differs, line by line, and why (docs/word-round-trip.md): nothing, now.
KNOWN: dict[str, list[str]] = {}


def _real_documents() -> list[str]:
    from . import real_word as R

    return [*R.names(), "lund-ks-2022-0086"]


def _real(name: str) -> bytes:
    from . import real_word as R
    from .lund_word import lund_docx

    return lund_docx() if name == "lund-ks-2022-0086" else R.build(name)


@pytest.mark.parametrize("name", _real_documents())
def test_every_real_document_prints_like_the_original(name):
    """Imported with the profile the import finds, exported with it: the same lines (headings,
    paragraphs, list kinds, att-satser, underlag rows, recipients, signatures) in the same
    order, and the addressee over the title again."""
    data = _real(name)
    case, original, exported = _round_trip(data)
    assert F.differences(original.lines, exported.lines) == KNOWN.get(name, [])
    if case.document.addressee:
        assert F.Line("para", case.document.addressee) in original.before_title
        assert exported.before_title[-1] == F.Line("para", case.document.addressee)


def test_the_review_checks_the_decision_as_it_prints():
    """Bulleted points are points; att-satser kept as written are not "rewritten by the
    export"; a case that prints no chain is not told its (unprinted) chain is missing."""
    from tillit_desk.review.engine import check_case

    case = build_case(read_plan(_docx(TYRESO), REGISTRY, name="t.docx",
                                profile_id="generic")).case
    case.document.decision_chain = ""
    rules = [f.rule for f in check_case(case, REGISTRY.get("generic"), spelling=False)
             if f.section == "forslag_till_beslut"]
    assert "beslut.punkter" not in rules and "beslut.kedja" not in rules
    malmo = build_case(read_plan(_docx([
        ("Heading 1", "Förslag till beslut"), ("Normal", "Kommunstyrelsen föreslås besluta"),
        ("Normal", "att justera kommunbidraget")]), REGISTRY, name="m.docx",
        profile_id="malmo-stad")).case
    messages = [f.message for f in check_case(malmo, REGISTRY.get("malmo-stad"), spelling=False)]
    assert not any("Exporten skriver om dem" in m for m in messages)


def test_text_between_the_title_and_the_first_heading_prints_in_its_place():
    """Stockholm: "Motion (2017:50) av Lotta Edholm (L)" under the title. It prints in its
    place, without a heading, instead of being left out."""
    data = _docx([
        ("Normal", "Motion (2017:50) av Lotta Edholm (L)"),
        ("Normal", "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande."),
        ("Normal", "Motionen besvaras med hänvisning till vad som sägs i utlåtandet."),
        ("Heading 2", "Ärendet"),
        ("Normal", "Lotta Edholm (L) föreslår i en motion att riktlinjerna ändras."),
    ], title="Återställning av barnomsorgen på obekväm arbetstid")
    result = build_case(read_plan(data, REGISTRY, name="original.docx", profile_id="generic"))
    assert result.report.unplaced == []
    out, _warnings = render_docx(result.case, REGISTRY.get("generic"))
    assert schema_errors(out) == []
    assert F.differences(F.read(data).lines, F.read(out).lines) == []
    from tillit_desk.wordimport import suggestions as S

    again = build_case(read_plan(out, REGISTRY, name="export.docx")).case
    assert S.suggestions(again) == []
    assert again.to_dict()["layout"] == result.case.to_dict()["layout"]


# ---------------------------------------------------------------- signatures

def test_names_over_titles_one_person_after_the_other_print_so():
    """Lund: "Christoffer Nilsson" / "Kommundirektör" / "Vesna Casitovski" / "Kanslichef" as
    paragraphs of their own; the export's side-by-side block would set them in two columns."""
    data = _docx([
        ("Heading 1", "Sammanfattning"), ("Normal", "Förslaget är att motionen anses besvarad."),
        ("Heading 1", "Ekonomiska konsekvenser"), ("Normal", "Inga."),
        ("Normal", "Christoffer Nilsson"), ("Normal", "Kommundirektör"),
        ("Normal", "Vesna Casitovski"), ("Normal", "Kanslichef"),
        ("Heading 1", "Beslutet skickas till"), ("Normal", "Motionärerna"),
    ], title="Tillit är vägen fram")
    case, original, exported = _round_trip(data, "lund-kommun")
    assert [(s.name, s.title) for s in case.signatories] == [
        ("Christoffer Nilsson", "Kommundirektör"), ("Vesna Casitovski", "Kanslichef")]
    assert F.differences(original.lines, exported.lines) == []
    from tillit_desk.wordimport import suggestions as S

    out, _warnings = render_docx(case, REGISTRY.get("lund-kommun"))
    again = build_case(read_plan(out, REGISTRY, name="export.docx")).case
    assert S.suggestions(again) == []


@pytest.mark.parametrize("signatures", [
    [("Normal", "Anna Andersson\tBo Berg"), ("Normal", "Kommundirektör\tKanslichef")],
    [("Normal", "Anna Andersson"), ("Normal", "Kommundirektör"), ("Normal", "Bo Berg"),
     ("Normal", "Kanslichef")],
], ids=["side-by-side", "stacked"])
def test_signatures_after_the_recipients_come_back_from_the_export(signatures):
    """Printed after the recipients (layout.order), side by side or stacked, the signatures of
    an export are read back as signatures, not as recipients."""
    from tillit_desk.wordimport import suggestions as S

    data = _docx([("Heading 1", "Sammanfattning"), ("Normal", "Motionen föreslår fler bänkar."),
                  ("Heading 1", "Beslutet skickas till"), ("Normal", "För kännedom:"),
                  ("Normal", "Motionärerna"), ("Normal", ""), *signatures], title="Svar")
    case, original, exported = _round_trip(data, "generic")
    assert [s.name for s in case.signatories] == ["Anna Andersson", "Bo Berg"]
    assert [r.name for r in case.skickas_till] == ["Motionärerna"]
    assert F.differences(original.lines, exported.lines) == []
    out, _warnings = render_docx(case, REGISTRY.get("generic"))
    again = build_case(read_plan(out, REGISTRY, name="export.docx")).case
    assert S.suggestions(again) == []


def test_the_window_has_a_name_for_a_section_printed_without_a_heading():
    """The steps and the review name every section: an untitled section of the case's own is
    "(utan rubrik)" there, and still prints without a heading."""
    from tillit_desk.section_layout import case_sections

    data = _docx([("Normal", "Motion (2017:50) av Lotta Edholm (L)"),
                  ("Heading 1", "Ärendet"), ("Normal", "Bakgrunden.")], title="Titel")
    case = build_case(read_plan(data, REGISTRY, name="o.docx", profile_id="generic")).case
    own = case.layout.added[0]
    assert own.heading == ""
    names = {s.id: s.heading for s in case_sections(case, REGISTRY.get("generic"))}
    assert names[own.id] == "(utan rubrik)"
    out, _warnings = render_docx(case, REGISTRY.get("generic"))
    assert "(utan rubrik)" not in [ln.text for ln in F.read(out).lines]
