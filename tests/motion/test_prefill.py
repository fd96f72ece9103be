"""A prefilled case: motion block, drafts in the seed's form, underlag, recipients."""

from __future__ import annotations

import docx
import pytest

from tillit_desk.case import Motion, Motionar
from tillit_desk.export.docx import export_docx
from tillit_desk.fileformat import load_case, save_case
from tillit_desk.markup import ListBlock, parse_blocks, plain_text
from tillit_desk.motion import extract_file, parse_motion
from tillit_desk.motion.prefill import has_motion_data, prefill_case

from .test_lund import LUND, LUND_YRKANDEN


@pytest.fixture
def lund_motion() -> Motion:
    return parse_motion(extract_file(LUND).text).motion


def test_prefill_new_case_in_the_seed_form(registry, lund_motion) -> None:
    profile = registry.get("lund-kommun")
    result = prefill_case(lund_motion, profile)
    case = result.case
    assert case.motion == lund_motion
    summary = case.sections["sammanfattning"]
    assert summary.startswith(
        "Helena Falk (V), Fanny Johansson (S), Angelica Svensson (V), Anders Almgren (S), "
        "Karin Svensson Smith (MP) och Maja Grubelic (Fi) har den 27 januari 2022 lämnat en "
        "motion ”Tillit är vägen fram för en modern organisation!”. I motionen yrkar "
        "motionärerna:")
    lists = [b for b in parse_blocks(summary) if isinstance(b, ListBlock)]
    assert [plain_text(i.spans) for i in lists[0].items] == LUND_YRKANDEN
    arendet = case.sections["arendet"]
    assert arendet.startswith("### Bakgrund\n\n")  # the Lund profile's own subheading
    assert "Med anledning av detta yrkar motionärerna:" in arendet  # Lund's own phrase
    assert case.sections["forslag_till_beslut"] == (
        "att anse motionen ”Tillit är vägen fram för en modern organisation!” från "
        "Helena Falk (V), Fanny Johansson (S), Angelica Svensson (V), Anders Almgren (S), "
        "Karin Svensson Smith (MP) och Maja Grubelic (Fi) vara besvarad med hänvisning till "
        "vad som anförts i ärendet.\n")
    assert [(r.name, r.purpose) for r in case.skickas_till] == [("Motionärerna", "kännedom")]
    assert [(u.text, u.date) for u in case.underlag] == [(
        "Motion från Helena Falk (V), Fanny Johansson (S), Angelica Svensson (V), "
        "Anders Almgren (S), Karin Svensson Smith (MP) och Maja Grubelic (Fi) – Tillit är "
        "vägen fram för en modern organisation!", "2022-01-27")]
    assert case.document.title == case.underlag[0].text
    assert result.kept == []


def test_numbered_profile_gets_numbered_decision(registry, lund_motion) -> None:
    case = prefill_case(lund_motion, registry.get("malmo-stad")).case
    assert case.sections["forslag_till_beslut"].startswith("1. Kommunfullmäktige anser motionen")


def test_reimport_replaces_drafts_but_keeps_the_officers_text(registry, lund_motion) -> None:
    profile = registry.get("generic")
    case = prefill_case(lund_motion, profile).case
    case.sections["arendet"] = "Min egen text om ärendet."
    assert has_motion_data(case)
    other = Motion(title="Fler bänkar", submitted="2023-02-01",
                   motionarer=[Motionar("Bo Berg", "S")], yrkanden=["att ställa ut bänkar."])
    result = prefill_case(other, profile, case)
    assert case.motion.title == "Fler bänkar"
    assert case.sections["sammanfattning"].startswith("Bo Berg (S) har den 1 februari 2023")
    assert case.sections["arendet"] == "Min egen text om ärendet."
    assert any("Ärendet har egen text" in k for k in result.kept)
    assert [(u.text, u.date) for u in case.underlag] == [
        ("Motion från Bo Berg (S) – Fler bänkar", "2023-02-01")]
    assert len(case.skickas_till) == 1
    assert case.document.title == "Motion från Bo Berg (S) – Fler bänkar"


def test_missing_fields_are_visible_placeholders_and_markdown_is_escaped(registry) -> None:
    motion = Motion(title="", yrkanden=["att *alla* får 2_000 kr"])
    case = prefill_case(motion, registry.get("generic")).case
    summary = case.sections["sammanfattning"]
    assert "[motionärer saknas] har den [datum saknas] lämnat en motion ”[rubrik saknas]”" \
        in summary
    items = [b for b in parse_blocks(summary) if isinstance(b, ListBlock)][0].items
    assert plain_text(items[0].spans) == "att *alla* får 2_000 kr"


def test_round_trip_export_has_att_satser_verbatim_in_sammanfattning(
        registry, lund_motion, tmp_path) -> None:
    profile = registry.get("lund-kommun")
    case = prefill_case(lund_motion, profile).case
    saved = tmp_path / "arende.tillit"
    save_case(case, saved)
    case = load_case(saved).case
    out = tmp_path / "arende.docx"
    export_docx(case, profile, out)
    paragraphs = [p.text for p in docx.Document(out).paragraphs]
    start = paragraphs.index("Sammanfattning")
    following = [p for p in paragraphs[start + 1:] if p.strip()]
    nxt = next(i for i, p in enumerate(following) if p in ("Underlag för beslutet", "Ärendet"))
    summary = following[:nxt]
    for yrkande in LUND_YRKANDEN:
        assert yrkande in summary
