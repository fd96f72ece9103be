"""Text pasted from a chat, a wiki or an e-mail written in Markdown keeps its emphasis marks:
"att kommunen **bygger** fler cykelvägar". The marks are not the motion's words and must not
reach the yrkanden, the title or the names."""

from __future__ import annotations

from tillit_desk.motion.parser import parse_motion

TEXT = ("Motion till kommunfullmäktige i Ystad\n\n**Fler cykelvägar**\n\nMånga barn cyklar "
        "på vägar utan __cykelbana__ och det är farligt.\n\nVi yrkar därför\n\n"
        "att kommunen **bygger fler cykelvägar** till skolorna,\n"
        "att kommunen tar fram en __cykelplan__ före 2025.\n\n**Anna Berg (C)**\n")


def test_markdown_emphasis_marks_are_not_kept() -> None:
    parsed = parse_motion(TEXT)
    m = parsed.motion
    assert m.yrkanden == ["att kommunen bygger fler cykelvägar till skolorna,",
                          "att kommunen tar fram en cykelplan före 2025."]
    assert m.title == "Fler cykelvägar"
    assert [(p.name, p.party) for p in m.motionarer] == [("Anna Berg", "C")]


def test_a_lone_star_or_underscore_is_kept() -> None:
    parsed = parse_motion(TEXT.replace("före 2025.", "före 2025 (se *bilaga) och snake_case."))
    assert parsed.motion.yrkanden[1] == ("att kommunen tar fram en cykelplan före 2025 "
                                         "(se *bilaga) och snake_case.")
