"""A title written in capitals ("MOTION OM FLER CYKELVÄGAR") goes into the document as
"Motion från … – <titel>", where capitals read as shouting and differ from every other
heading. A clearly shouted title is written in ordinary sentence case; an acronym stays in
capitals (from the document's own text or a short list: "LSS", "IT"), a name the text writes
with a capital keeps it, and the field says what was done so the user can look."""

from __future__ import annotations

import pytest

from tillit_desk.motion.parser import parse_motion


def _motion(title: str, body: str = "") -> str:
    return (f"Motion till kommunfullmäktige i Ystad\n\n{title}\n\nMånga barn i Ystad cyklar på "
            f"vägar utan cykelbana och det är farligt. {body}\n\nVi yrkar därför\n\n"
            "att kommunen bygger fler cykelvägar.\n\nAnna Berg (C)\n")


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("MOTION OM FLER CYKELVÄGAR", "", "Motion om fler cykelvägar"),
    ("FLER CYKELVÄGAR I YSTAD", "", "Fler cykelvägar i Ystad"),
    ("BÄTTRE STÖD ENLIGT LSS", "Många som har rätt till stöd enligt LSS får vänta.",
     "Bättre stöd enligt LSS"),
    ("IT-STÖD I SKOLAN", "", "IT-stöd i skolan"),
])
def test_a_shouted_title_is_written_in_sentence_case(title: str, body: str,
                                                     expected: str) -> None:
    parsed = parse_motion(_motion(title, body))
    assert parsed.motion.title == expected
    assert "title" in parsed.unsure()
    assert "versaler" in parsed.notes["title"] and title in parsed.notes["title"]


@pytest.mark.parametrize("title", ["Fler cykelvägar i Ystad", "LSS-boende i Ystad",
                                   "Inför LSS"])
def test_a_title_that_is_not_shouted_is_kept(title: str) -> None:
    parsed = parse_motion(_motion(title))
    assert parsed.motion.title == title
    assert "versaler" not in parsed.notes.get("title", "")
