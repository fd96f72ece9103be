"""Förslag till beslut: finding points, converting styles, generating motion answers."""

from __future__ import annotations

from tillit_desk.case import Motion, Motionar
from tillit_desk.decision import (
    OUTCOME_AVSLA,
    OUTCOME_BESVARAD,
    OUTCOME_PARTIAL,
    build_decision,
    restyle,
    split_decision,
)
from tillit_desk.profiles import STYLE_ATT, STYLE_NUMBERED


def test_att_points_on_lines_and_paragraphs():
    d = split_decision("att anse motionen besvarad,\n\natt uppdra åt\nnämnden att utreda.")
    assert d.style == STYLE_ATT
    assert d.points == ["anse motionen besvarad", "uppdra åt nämnden att utreda"]


def test_numbered_points():
    d = split_decision("1. Kommunfullmäktige avslår motionen.\n2. Ärendet är slutbehandlat.")
    assert d.style == STYLE_NUMBERED
    assert d.points == ["Kommunfullmäktige avslår motionen", "Ärendet är slutbehandlat"]


def test_att_to_numbered_and_back(registry):
    malmo, lund = registry.get("malmo-stad"), registry.get("lund-kommun")
    d = split_decision("att anse motionen vara besvarad,\n\natt avslå i övrigt.")
    styled = restyle(d, malmo)
    assert styled.points == ["Kommunfullmäktige anser motionen vara besvarad.",
                             "Kommunfullmäktige avslår i övrigt."]
    assert not styled.warnings
    back = restyle(split_decision("1. " + styled.points[0] + "\n2. " + styled.points[1]), lund)
    assert back.points == ["anse motionen vara besvarad,", "avslå i övrigt."]


def test_unconvertible_point_is_kept_and_reported(registry):
    styled = restyle(split_decision("1. Motionen anses besvarad."), registry.get("lund-kommun"))
    assert styled.points == ["Motionen anses besvarad."]
    assert "punkt 1" in styled.warnings[0]


def _motion() -> Motion:
    return Motion(title="Fler cykelvägar", motionarer=[Motionar("Anna Ek", "V"),
                                                       Motionar("Bo Berg", "S")],
                  yrkanden=["att bygga", "att måla", "att städa"])


def test_build_decision_in_both_styles(registry):
    att = build_decision(_motion(), OUTCOME_BESVARAD, registry.get("lund-kommun"))
    assert att == ("att anse motionen ”Fler cykelvägar” från Anna Ek (V) och Bo Berg (S) vara "
                   "besvarad med hänvisning till vad som anförts i ärendet.\n")
    num = build_decision(_motion(), OUTCOME_AVSLA, registry.get("region-skane"))
    assert num == ("1. Regionfullmäktige avslår motionen ”Fler cykelvägar” från Anna Ek (V) och "
                   "Bo Berg (S).\n")


def test_partial_decision(registry):
    text = build_decision(_motion(), OUTCOME_PARTIAL, registry.get("lund-kommun"),
                          [True, False, True])
    assert "vad gäller att-satserna 1 och 3," in text
    assert text.endswith("att i övrigt avslå motionen.\n")
    numbered = build_decision(_motion(), OUTCOME_PARTIAL, registry.get("malmo-stad"), [True])
    assert numbered.splitlines()[1] == "2. Kommunfullmäktige avslår motionen i övrigt."
