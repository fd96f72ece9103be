"""Sections a case can shape: own sections anywhere, renamed and split headings, "inte relevant",
no empty headings; Beslutsunderlag as its own section or inside another, per profile."""

from __future__ import annotations

import copy
import json

import pytest
from docxtools import headings, paragraphs

from tillit_desk.errors import CaseFileError
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.export.docx import render_docx
from tillit_desk.fileformat import case_from_json, case_to_json, load_case
from tillit_desk.section_layout import (
    add_section,
    mark_not_relevant,
    remove_section,
    rename_section,
    split_section,
)


def _level1(data: bytes) -> list[str]:
    return [t for lvl, t in headings(data) if lvl == 1]


def _after(texts: list[str], heading: str) -> str:
    return texts[texts.index(heading) + 1]


@pytest.fixture
def case(example_case):
    return copy.deepcopy(example_case)


def test_own_section_at_any_position(case, registry):
    own = add_section(case, "Samråd med föreningar", after="arendet")
    case.sections[own.id] = "Föreningarna har hörts."
    first = add_section(case, "Inledning", after="")
    case.sections[first.id] = "Först av allt."
    data, warnings = render_docx(case, registry.get("lund-kommun"))
    level1 = _level1(data)
    assert level1[0] == "Inledning"
    assert level1.index("Samråd med föreningar") == level1.index("Ärendet") + 1
    texts = [p.text for p in paragraphs(data)]
    assert _after(texts, "Samråd med föreningar") == "Föreningarna har hörts."
    assert not any("skrivs ut sist" in w for w in warnings)


def test_rename_and_split_a_profile_section(case, registry):
    case.sections["bedomning"] = "Stadskontoret bedömer att frågan redan hanteras."
    second = split_section(case, "bedomning", "Stadskontorets bedömning",
                           "Stadskontorets förslag")
    case.sections[second.id] = "Stadskontoret föreslår att motionen anses besvarad."
    rename_section(case, "arendet", "Bakgrund till ärendet")
    data, _ = render_docx(case, registry.get("malmo-stad"))
    level1 = _level1(data)
    assert "Stadskontorets bedömning och förslag" not in level1
    i = level1.index("Stadskontorets bedömning")
    assert level1[i + 1] == "Stadskontorets förslag"
    assert "Bakgrund till ärendet" in level1 and "Ärendet" not in level1
    rename_section(case, "arendet", "")  # back to the profile's heading
    assert "Ärendet" in _level1(render_docx(case, registry.get("malmo-stad"))[0])
    remove_section(case, second.id)
    assert second.id not in case.sections


def test_not_relevant_prints_the_profiles_sentence_or_is_left_out(case, registry):
    case.sections["barnets_basta"] = "Utkast som inte ska med."
    mark_not_relevant(case, "barnets_basta")
    data, _ = render_docx(case, registry.get("lund-kommun"))
    texts = [p.text for p in paragraphs(data)]
    assert _after(texts, "Barnets bästa") == ("En barnkonsekvensanalys har inte bedömts "
                                             "relevant i ärendet.")
    assert "Utkast som inte ska med." not in texts
    data, _ = render_docx(case, registry.get("region-skane"))  # the profile allows leaving out
    assert "Barnets bästa" not in _level1(data)
    mark_not_relevant(case, "barnets_basta", marked=False)
    assert "Barnets bästa" in _level1(render_docx(case, registry.get("region-skane"))[0])


def test_not_relevant_without_a_sentence_keeps_the_text_and_says_so(case, registry):
    mark_not_relevant(case, "arendet")
    data, warnings = render_docx(case, registry.get("lund-kommun"))
    assert "Ärendet" in _level1(data)
    assert any("ingen standardmening" in w for w in warnings)


def test_no_empty_headings(case, registry):
    for sid in ("arendet", "barnets_basta", "ekonomiska_konsekvenser", "bedomning"):
        case.sections[sid] = ""
    case.signatories = []
    for pid in ("generic", "lund-kommun", "malmo-stad", "region-skane"):
        data, warnings = render_docx(case, registry.get(pid))
        paras = paragraphs(data)
        for i, p in enumerate(paras):
            if p.outline == 0:
                assert i + 1 < len(paras) and paras[i + 1].outline != 0, (pid, p.text)
        assert "Ärendet" not in _level1(data)
        assert any("”Ärendet” är tomt" in w for w in warnings)


def test_underlag_own_section_or_numbered_list_inside_sammanfattning(case, registry):
    lund = render_docx(case, registry.get("lund-kommun"))[0]
    assert "Underlag för beslutet" in _level1(lund)
    data, _ = render_docx(case, registry.get("region-skane"))
    assert "Beslutsunderlag" not in _level1(data)
    paras = paragraphs(data)
    texts = [p.text for p in paras]
    intro = texts.index("I ärendet finns följande dokument:")
    assert texts.index("Sammanfattning") < intro < texts.index("Ärendet")
    rows = paras[intro + 1:intro + 3]
    assert all(p.numbered and p.style_id == "Numreradlista" for p in rows)
    assert rows[1].text.endswith("2022-01-27")


def test_heading_over_the_signatures(case, registry):
    rename_section(case, "signatures", "Ansvariga")
    texts = [p.text for p in paragraphs(render_docx(case, registry.get("malmo-stad"))[0])]
    assert _after(texts, "Ansvariga").startswith("Christoffer Nilsson")
    case.layout.headings.clear()
    texts = [p.text for p in paragraphs(render_docx(case, registry.get("malmo-stad"))[0])]
    assert "Ansvariga" not in texts and "Underskrifter" not in texts


def test_own_section_whose_anchor_is_gone_prints_last_with_a_warning(case, registry):
    own = add_section(case, "Remissvar", after="remissinstanser")  # only Malmö has it
    case.sections[own.id] = "Två remissvar kom in."
    data, warnings = render_docx(case, registry.get("malmo-stad"))
    level1 = _level1(data)  # Remissinstanser itself is empty, so not printed
    assert level1.index("Remissvar") == level1.index("Ärendet") + 1
    assert not any("Remissvar" in w for w in warnings)
    data, warnings = render_docx(case, registry.get("lund-kommun"))
    assert _level1(data)[-1] == "Remissvar"
    assert any("Remissvar" in w and "sist" in w for w in warnings)


def test_case_format_grows_additively(case):
    original = EXAMPLE_CASE.read_text(encoding="utf-8")
    assert case_to_json(load_case(EXAMPLE_CASE).case) == original  # tillit-desk/1 unchanged
    own = add_section(case, "Samråd", after="arendet")
    rename_section(case, "bedomning", "Vår bedömning")
    mark_not_relevant(case, "barnets_basta")
    data = json.loads(case_to_json(case))
    assert data["format"] == "tillit-desk/1"
    assert data["layout"] == {"headings": {"bedomning": "Vår bedömning"},
                              "added": [{"id": own.id, "heading": "Samråd", "after": "arendet"}],
                              "not_relevant": ["barnets_basta"]}
    again = case_from_json(case_to_json(case))
    assert again.layout == case.layout and again.sections[own.id] == ""


@pytest.mark.parametrize("bad", [{"headings": "x"}, {"added": [1]}, {"not_relevant": "a"},
                                 "layout", {"headings": {"a": 1}}])
def test_bad_layout_is_a_swedish_file_error(case, bad):
    data = json.loads(case_to_json(case))
    data["layout"] = bad
    with pytest.raises(CaseFileError, match="layout"):
        case_from_json(json.dumps(data))


def test_review_comment_finds_a_renamed_heading(case, registry):
    from tillit_desk.export.review_docx import render_review_docx
    from tillit_desk.review import workflow as RW

    rename_section(case, "barnets_basta", "Barnrättsperspektiv")
    RW.add_comment(case, "barnets_basta", "Räcker en mening här?", "Granskare")
    result = render_review_docx(case, registry.get("lund-kommun"))
    assert result.on_heading == 1
    assert not any("kunde inte placeras" in w for w in result.warnings)
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(result.data)) as zf:
        xml = zf.read("word/document.xml").decode()
    start = xml.index("commentRangeStart")
    assert "Barnrättsperspektiv" in xml[start:xml.index("commentRangeEnd")]


def test_a_section_marked_not_relevant_is_not_reported_as_empty(case, registry):
    from review.helpers import run_case

    case.sections["barnets_basta"] = ""
    lund = registry.get("lund-kommun")
    assert [f.section for f in run_case("fullstandighet.obligatoriskt", case, lund)] == [
        "barnets_basta"]
    mark_not_relevant(case, "barnets_basta")
    assert run_case("fullstandighet.obligatoriskt", case, lund) == []
