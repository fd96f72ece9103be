"""Documents typed in Word in the shapes issue 13 lets a case print: Beslutsunderlag inside
another section, headings of the case's own, renamed and split headings, sections marked "inte
relevant", a heading over the signatures; and the profile's own fixed wording."""

from __future__ import annotations

import io

import docx

from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

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


def test_own_renamed_and_split_headings_and_not_relevant_become_the_case_layout():
    """Malmö-like: a heading of the case's own first, "Stadskontorets bedömning" (a renamed
    Bedömning) split by "Stadskontorets förslag", Barnets bästa with the profile's sentence,
    "Ansvariga" over the signatures. Exported again, the headings print as in the document."""
    from tillit_desk.compose import compose
    from tillit_desk.markup import Heading

    data = _docx([
        ("Heading 1", "Bakgrund till uppdraget"),
        ("Normal", "Uppdraget kom från nämnden."),
        ("Heading 1", "Sammanfattning"),
        ("Normal", "Kort om ärendet."),
        ("Heading 1", "Förslag till beslut"),
        ("List Number", "Kommunfullmäktige avslår motionen."),
        ("Heading 1", "Ärendet"),
        ("Normal", "Motionen vill ha fler bänkar."),
        ("Heading 1", "Stadskontorets bedömning"),
        ("Normal", "Bänkar finns redan."),
        ("Heading 1", "Stadskontorets förslag"),
        ("Normal", "Motionen avslås."),
        ("Heading 1", "Barnets bästa"),
        ("Normal", "En barnkonsekvensanalys har inte bedömts relevant i ärendet."),
        ("Heading 1", "Ansvariga"),
        ("Normal", "Anna Andersson\tBo Berg"),
        ("Normal", "Stadsdirektör\tAvdelningschef"),
    ])
    result = build_case(read_plan(data, REGISTRY, profile_id="generic"))
    case = result.case
    layout = case.layout.to_dict()
    assert layout["added"] == [
        {"id": "egen_1", "heading": "Bakgrund till uppdraget", "after": ""},
        {"id": "egen_2", "heading": "Stadskontorets förslag", "after": "bedomning"}]
    assert layout["headings"] == {"bedomning": "Stadskontorets bedömning",
                                  "signatures": "Ansvariga"}
    assert layout["not_relevant"] == ["barnets_basta"]
    assert case.sections["egen_1"] == "Uppdraget kom från nämnden."
    assert case.sections["egen_2"] == "Motionen avslås."
    assert case.sections["bedomning"] == "Bänkar finns redan."
    assert "barnets_basta" not in case.sections
    assert [(s.name, s.title) for s in case.signatories] == [
        ("Anna Andersson", "Stadsdirektör"), ("Bo Berg", "Avdelningschef")]
    assert "custom_sections" not in case.extra
    assert result.report.unplaced == []
    profile = REGISTRY.get("generic")
    headings = [b.spans[0].text for _sid, b in compose(case, profile).blocks
                if isinstance(b, Heading) and b.level == 1]
    assert headings == ["Bakgrund till uppdraget", "Sammanfattning", "Förslag till beslut",
                        "Ärendet", "Stadskontorets bedömning", "Stadskontorets förslag",
                        "Barnets bästa", "Ansvariga"]


def test_a_second_heading_for_a_taken_section_is_a_split():
    data = _docx([
        ("Heading 1", "Bedömning"), ("Normal", "Först."),
        ("Heading 1", "Överväganden"), ("Normal", "Sedan."),
        ("Heading 1", "Ärendet"), ("Normal", "Bakgrunden."),
    ])
    case = build_case(read_plan(data, REGISTRY, profile_id="generic")).case
    assert case.layout.to_dict()["added"] == [
        {"id": "egen_1", "heading": "Överväganden", "after": "bedomning"}]
    assert (case.sections["bedomning"], case.sections["egen_1"]) == ("Först.", "Sedan.")
    assert case.layout.headings == {}


def test_an_export_of_a_case_with_the_old_custom_sections_is_migrated_to_layout():
    """Cases imported before case.layout kept their own headings in extra["custom_sections"];
    a DOCX exported from one brings them back as added sections, with their ids and text."""
    from tillit_desk.export.docx import render_docx
    from tillit_desk.fileformat import case_from_json
    from tillit_desk.wordimport.suggestions import suggestions

    case = case_from_json(
        '{"format": "tillit-desk/1", "profile": "generic", "document": {"title": "Bänkar"},'
        ' "sections": {"bedomning": "Bänkar finns.", "arendet": "Bakgrund.",'
        ' "stadskontorets_förslag": "Motionen avslås."},'
        ' "custom_sections": [{"id": "stadskontorets_förslag",'
        ' "heading": "Stadskontorets förslag", "after": "bedomning"}]}', "test")
    assert case.extra["custom_sections"]
    data, _ = render_docx(case, REGISTRY.get("generic"))
    result = build_case(read_plan(data, REGISTRY, name="gammal.docx"))
    got = result.case
    assert result.report.embedded
    assert "custom_sections" not in got.extra
    assert got.layout.to_dict()["added"] == [{"id": "stadskontorets_förslag",
                                              "heading": "Stadskontorets förslag",
                                              "after": "bedomning"}]
    assert got.sections["stadskontorets_förslag"] == "Motionen avslås."
    assert suggestions(got) == []


def _with_export(profile_id: str, **export) -> object:
    """A shipped profile with other ``[export]`` wording (as a user profile might have)."""
    import dataclasses

    profile = REGISTRY.get(profile_id)
    return dataclasses.replace(profile, extra={**profile.extra, "export": export})


def _paras(*texts: str) -> list:
    from tillit_desk.wordimport.items import Para, Piece

    return [Para([Piece(t)]) for t in texts]


def test_recipient_labels_are_the_profiles_own():
    from tillit_desk.wordimport.structured import options_for, read_recipients

    own = options_for(_with_export("generic", label_atgard="Att verkställa:",
                                   label_kannedom="Att delges:"))
    got = read_recipients(_paras("Att verkställa:", "Parkförvaltningen", "Att delges:",
                                 "Motionären"), own)
    assert [(r.name, r.purpose) for r in got] == [("Parkförvaltningen", "åtgärd"),
                                                  ("Motionären", "kännedom")]
    # no label for åtgärd: the names before the kännedom label are for åtgärd (the export
    # prints that group first, without a label)
    half = options_for(_with_export("generic", label_atgard="", label_kannedom="Kopia:"))
    got = read_recipients(_paras("Parkförvaltningen", "Kopia:", "Motionären"), half)
    assert [(r.name, r.purpose) for r in got] == [("Parkförvaltningen", "åtgärd"),
                                                  ("Motionären", "kännedom")]
    # the generic wording still reads in a document typed by hand (Malmö prints no labels)
    malmo = options_for(REGISTRY.get("malmo-stad"))
    got = read_recipients(_paras("För åtgärd:", "Gatukontoret", "För kännedom:", "Motionären"),
                          malmo)
    assert [(r.name, r.purpose) for r in got] == [("Gatukontoret", "åtgärd"),
                                                  ("Motionären", "kännedom")]


def test_the_chain_ending_is_the_profiles_own():
    from tillit_desk.wordimport.structured import read_decision

    for ending in (" följande:", " att:", ""):
        profile = _with_export("malmo-stad", chain_ending=ending)
        chain = "Nämnden föreslår kommunstyrelsen besluta"
        got = read_decision(_paras(chain + ending, "1. Kommunfullmäktige avslår motionen."),
                            profile)
        assert (got.chain, got.markdown) == (chain, "1. Kommunfullmäktige avslår motionen.")
        # and the profile's own chain reads as the default ("")
        own = profile.decision_chain + ending
        assert read_decision(_paras(own, "1. Avslag."), profile).chain == ""
    # a chain that ends in "följande:" where the profile adds nothing keeps its words
    plain = _with_export("malmo-stad", chain_ending="")
    got = read_decision(_paras("Nämnden föreslår kommunstyrelsen besluta följande:",
                               "1. Avslag."), plain)
    assert got.chain == "Nämnden föreslår kommunstyrelsen besluta följande:"


def test_a_heading_whose_words_look_like_an_added_id_is_still_added():
    data = _docx([("Heading 1", "Egen 1"), ("Normal", "Text."),
                  ("Heading 1", "Ärendet"), ("Normal", "Bakgrunden.")])
    case = build_case(read_plan(data, REGISTRY, profile_id="generic")).case
    assert case.layout.to_dict()["added"] == [{"id": "egen_1", "heading": "Egen 1", "after": ""}]
    assert case.sections["egen_1"] == "Text."


def test_a_three_way_import_into_an_open_case_of_the_old_shape_migrates_it():
    from tillit_desk.export.docx import render_docx
    from tillit_desk.fileformat import case_from_json
    from tillit_desk.wordimport.suggestions import accept_all, suggestions

    from .docxedit import W, rewrite, xml_edit

    text = ('{"format": "tillit-desk/1", "profile": "generic", "document": {"title": "Bänkar",'
            ' "diarienummer": "KS 2022/0001"}, "sections": {"arendet": "Bakgrund.",'
            ' "stadskontorets_förslag": "Motionen avslås."}, "custom_sections": ['
            '{"id": "stadskontorets_förslag", "heading": "Stadskontorets förslag",'
            ' "after": "arendet"}]}')
    ours = case_from_json(text, "test")
    data, _ = render_docx(case_from_json(text, "test"), REGISTRY.get("generic"))

    def edit(root) -> None:
        for t in root.iter(W + "t"):
            if t.text == "Motionen avslås.":
                t.text = "Motionen avslås i sin helhet."
    data = rewrite(data, {"word/document.xml": xml_edit(edit)})
    result = build_case(read_plan(data, REGISTRY, name="chef.docx"), ours=ours)
    case = result.case
    assert "custom_sections" not in case.extra
    assert [a.id for a in case.layout.added] == ["stadskontorets_förslag"]
    assert [(s.section, s.new) for s in suggestions(case)] == [
        ("stadskontorets_förslag", " i sin helhet")]
    accept_all(case)
    assert case.sections["stadskontorets_förslag"] == "Motionen avslås i sin helhet."
    assert ours.extra["custom_sections"]  # the open case itself is left to the undo step
