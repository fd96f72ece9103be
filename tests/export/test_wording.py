"""No invented wording: every fixed phrase the export adds comes from the profile's [export]
table and can be empty; after a profile switch the chain and the points name the same body."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from docxtools import all_text, paragraphs

from tillit_desk.case import Recipient, UnderlagItem
from tillit_desk.cli import main
from tillit_desk.compose import LabelLine, compose
from tillit_desk.errors import ProfileError
from tillit_desk.export.docx import render_docx
from tillit_desk.fileformat import save_case
from tillit_desk.markup import ListBlock, Paragraph, plain_text
from tillit_desk.print_options import print_options


def _with_export(profile, **values):
    extra = dict(profile.extra)
    extra["export"] = {**extra.get("export", {}), **values}
    return replace(profile, extra=extra)


def _texts(composed, section_id):
    out = []
    for sid, block in composed.blocks:
        if sid != section_id:
            continue
        if isinstance(block, Paragraph):
            out.append(plain_text(block.spans))
        elif isinstance(block, LabelLine):
            out.append(block.text)
        elif isinstance(block, ListBlock):
            out.extend(plain_text(i.spans) for i in block.items)
    return out


def test_numbered_chain_gets_no_foljande_unless_the_profile_says_so(example_case, registry):
    case = copy.deepcopy(example_case)
    case.document.decision_chain = "Kommunstyrelsen föreslår kommunfullmäktige besluta"
    malmo = registry.get("malmo-stad")
    chain = _texts(compose(case, malmo), "forslag_till_beslut")[0]
    assert chain == "Kommunstyrelsen föreslår kommunfullmäktige besluta"
    chain = _texts(compose(case, _with_export(malmo, chain_ending=" följande:")),
                   "forslag_till_beslut")[0]
    assert chain == "Kommunstyrelsen föreslår kommunfullmäktige besluta följande:"


def test_recipient_labels_come_from_the_profile(example_case, registry):
    case = copy.deepcopy(example_case)
    lund, malmo = registry.get("lund-kommun"), registry.get("malmo-stad")
    assert _texts(compose(case, lund), "skickas_till") == ["För kännedom:", "Motionärerna"]
    assert _texts(compose(case, malmo), "skickas_till") == ["Motionärerna"]
    data, _ = render_docx(case, malmo)
    assert "För kännedom" not in all_text(data) and "Motionärerna" in all_text(data)
    case.skickas_till.append(Recipient("Ekonomiavdelningen", "åtgärd"))
    composed = compose(case, malmo)
    assert _texts(composed, "skickas_till") == ["Ekonomiavdelningen", "Motionärerna"]
    assert any("samma lista" in w for w in composed.warnings)  # told, not silently merged
    own = _with_export(malmo, label_atgard="Åtgärd:", label_kannedom="Kännedom:")
    assert _texts(compose(case, own), "skickas_till") == [
        "Åtgärd:", "Ekonomiavdelningen", "Kännedom:", "Motionärerna"]


def test_underlag_dates_follow_the_profile(example_case, registry):
    case = copy.deepcopy(example_case)
    case.underlag = [UnderlagItem("Kommunkontorets tjänsteskrivelse", "2022-05-02"),
                     UnderlagItem("Motion från A (V) - Rubrik", "2022-01-27"),
                     UnderlagItem("Protokoll 2022-02-01", "2022-02-01")]
    assert _texts(compose(case, registry.get("lund-kommun")), "underlag") == [
        "Kommunkontorets tjänsteskrivelse", "Motion från A (V) - Rubrik", "Protokoll 2022-02-01"]
    assert _texts(compose(case, registry.get("generic")), "underlag") == [
        "Kommunkontorets tjänsteskrivelse 2022-05-02", "Motion från A (V) - Rubrik 2022-01-27",
        "Protokoll 2022-02-01"]
    own = _with_export(registry.get("generic"), underlag_row="{date}: {text}")
    first = _texts(compose(case, own), "underlag")[0]
    assert first == "2022-05-02: Kommunkontorets tjänsteskrivelse"


def test_bad_export_table_is_a_swedish_profile_error(registry):
    with pytest.raises(ProfileError, match="okända nycklar label_kanedom"):
        print_options(_with_export(registry.get("generic"), label_kanedom="x"))
    with pytest.raises(ProfileError, match="ska vara text"):
        print_options(_with_export(registry.get("generic"), chain_ending=3))


def test_export_with_a_bad_export_table_uses_defaults_and_says_so(example_case, registry):
    bad = _with_export(registry.get("lund-kommun"), label_kanedom="x")
    composed = compose(example_case, bad)
    assert any("okända nycklar label_kanedom" in w and "Standardvärdena" in w
               for w in composed.warnings)
    assert "För kännedom:" in _texts(composed, "skickas_till")


def test_profile_switch_in_cli_names_one_body(example_case, registry, tmp_path):
    """The Lund case exported with region-skane: chain and points both say Regionfullmäktige."""
    src = tmp_path / "lund.tillit"
    save_case(example_case, src)
    out = tmp_path / "region.docx"
    assert main(["export", str(src), "-o", str(out), "--profile", "region-skane"]) == 0
    texts = [p.text for p in paragraphs(out.read_bytes())]
    start = texts.index("Ordförandens förslag")
    decision = texts[start + 1:start + 3]
    assert decision[0] == "Regionstyrelsen föreslår regionfullmäktige besluta följande:"
    assert decision[1].startswith("Regionfullmäktige anser motionen")
    assert "kommun" not in " ".join(decision).lower()


def test_numbered_point_for_another_fullmaktige_is_rewritten_with_a_note(example_case,
                                                                         registry):
    case = copy.deepcopy(example_case)
    case.profile = "region-skane"
    case.document.decision_chain = ""
    case.sections["forslag_till_beslut"] = "1. Kommunfullmäktige avslår motionen."
    composed = compose(case, registry.get("region-skane"))
    assert "Regionfullmäktige avslår motionen." in _texts(composed, "forslag_till_beslut")
    assert any("skrevs om till ”Regionfullmäktige”" in w for w in composed.warnings)
