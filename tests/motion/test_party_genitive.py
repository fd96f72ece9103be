"""A line that starts with a party's genitive ("Moderaternas …") inside the att-satser is the
motion's own text, not its signature: "Moderaternas fullmäktigegrupp har …" is a sentence,
not the group line "Moderaternas fullmäktigegrupp" under the names, and an att-sats that
stops at "som" or "enligt" goes on on the next line whatever word that line begins with."""

from __future__ import annotations

import pytest

from tillit_desk.motion.parser import parse_motion

HEAD = ("Motion om fler cykelvägar\nTill kommunfullmäktige i Ystad\n\nCykelvägarna i Ystad "
        "räcker inte till och många barn cyklar på vägar utan cykelbana.\n\nVi yrkar därför\n\n")
SIGN = "\n\nAnna Berg (C)\n"


@pytest.mark.parametrize("mark", ["", "• "])
@pytest.mark.parametrize(("first", "tail"), [
    ("att kommunen bygger de cykelvägar som",
     "Moderaternas fullmäktigegrupp har föreslagit i flera år,"),
    ("att kommunen bygger fler cykelvägar enligt",
     "Moderaternas förslag i budgeten för 2024 och"),
    ("att kommunen bygger fler cykelvägar i enlighet med",
     "Sverigedemokraternas förslag i budgeten"),
])
def test_a_party_genitive_line_continues_the_att_sats(mark: str, first: str, tail: str) -> None:
    parsed = parse_motion(HEAD + mark + first + "\n" + tail + "\n" + mark
                          + "att kommunen tar fram en cykelplan." + SIGN)
    assert parsed.motion.yrkanden == [f"{first} {tail}", "att kommunen tar fram en cykelplan."]
    assert [(p.name, p.party) for p in parsed.motion.motionarer] == [("Anna Berg", "C")]


def test_a_group_line_under_the_names_still_ends_the_list() -> None:
    parsed = parse_motion(HEAD + "att kommunen bygger fler cykelvägar.\n\n"
                          "Moderaternas fullmäktigegrupp\nAnna Berg\nPer Holm\n")
    assert parsed.motion.yrkanden == ["att kommunen bygger fler cykelvägar."]
    assert [(p.name, p.party) for p in parsed.motion.motionarer] == [("Anna Berg", "M"),
                                                                     ("Per Holm", "M")]
