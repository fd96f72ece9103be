"""Where a line of Att åtgärda (the composer's warnings) is about: a section or a field.

The composer's warnings are sentences (the CLI prints them too); they name the section by its
heading ("Det obligatoriska avsnittet "Bakgrund" är tomt.", "Förslag till beslut, punkt 2: …")
or the field by its label ("Diarienummer: 1 osynliga styrtecken togs bort …"). This finds that
name, so the window can go there the way a review finding does.
"""

from __future__ import annotations

from ..case import Case
from ..profiles import Profile

# Labels the composer gives header fields (compose.HeaderFields) → (place, rule) as a review
# finding about the field has them (MainWindow.focus_place reads the rule).
FIELD_PLACES = {
    "Diarienummer": ("dokument", "metadata.diarienummer"),
    "Datum": ("dokument", "metadata.datum"),
    "Titel": ("dokument", "metadata.titel"),
    "Mottagare": ("dokument", "metadata.mottagare"),
    "Vår referens": ("dokument", "metadata.handlaggare"),
    "Organisation": ("dokument", "metadata.organisation"),
    "Förvaltning": ("dokument", "metadata.forvaltning"),
    "Beslutsunderlag": ("underlag", "underlag"),
}


def _names(text: str, name: str) -> bool:
    return (f"\"{name}\"" in text or f"”{name}”" in text
            or text.startswith((f"{name}:", f"{name},")))


def warning_place(text: str, case: Case, profile: Profile) -> tuple[str, str] | None:
    """(section id or place, rule) the warning ``text`` is about; None when it names none."""
    from ..section_layout import section_plan

    plan, _ = section_plan(case, profile)
    # longest first: "Förslag till beslut" before a section called "Förslag"
    for item in sorted(plan, key=lambda p: -len(p.heading)):
        if item.heading and _names(text, item.heading):
            return item.spec.id, "varning"
    for label, place in FIELD_PLACES.items():
        if _names(text, label):
            return place
    return None
