"""Case-wide facts the rules share, computed once per check.

``key`` is a fingerprint of everything a section rule may read besides the section's own text;
the engine caches section results under (section id, text, key), so editing the motion's names
or switching profile re-checks every section, while typing in one section re-checks only it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from ..case import DEFAULT_HEADINGS, Case
from ..profiles import DECISION, Profile
from .text import WORD_RE

if TYPE_CHECKING:
    from .spelling import Speller


def parse_iso(value: str) -> date | None:
    """A real ISO date (YYYY-MM-DD) or None: "2022-02-30" is not a date."""
    value = (value or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class Context:
    case: Case
    profile: Profile
    speller: Speller | None = None
    disabled: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.disabled:
            self.disabled = frozenset(self.profile.disabled_rules)

    @cached_property
    def text_section_ids(self) -> list[str]:
        """Sections that hold the officer's text: the profile's, then leftovers with text."""
        ids = [s.id for s in self.profile.text_sections()]
        ids += [sid for sid, text in self.case.sections.items()
                if sid not in ids and text.strip()]
        return ids

    def heading(self, section_id: str) -> str:
        spec = self.profile.section(section_id)
        if spec is not None:
            return spec.heading
        return DEFAULT_HEADINGS.get(section_id, section_id.replace("_", " ").capitalize())

    def is_decision(self, section_id: str) -> bool:
        spec = self.profile.section(section_id)
        return spec is not None and spec.kind == DECISION

    @cached_property
    def document_date(self) -> date | None:
        return parse_iso(self.case.document.date)

    @cached_property
    def own_words(self) -> frozenset[str]:
        """Words from the case's own names and titles: never spelling errors."""
        case = self.case
        doc = case.document
        parts = [doc.title, doc.organisation, doc.unit, doc.handlaggare.name,
                 doc.handlaggare.title, self.profile.organisation, self.profile.unit,
                 self.profile.name]
        parts += [s.name for s in case.signatories] + [s.title for s in case.signatories]
        parts += [r.name for r in case.skickas_till]
        if case.motion is not None:
            parts += [case.motion.title, case.motion.addressed_to]
            parts += [m.name for m in case.motion.motionarer]
            parts += [m.party for m in case.motion.motionarer]
        words: set[str] = set()
        for part in parts:
            for m in WORD_RE.finditer(part or ""):
                words.add(m.group())
                words.update(m.group().split("-"))
        return frozenset(w for w in words if w)

    @cached_property
    def key(self) -> tuple:
        """Fingerprint of the case-wide data section rules read (see module docstring)."""
        case = self.case
        motion = case.motion
        motion_key: tuple = ()
        if motion is not None:
            motion_key = (motion.title, motion.submitted,
                          tuple((m.name, m.party) for m in motion.motionarer),
                          tuple(motion.yrkanden))
        doc = case.document
        speller_key = self.speller.version if self.speller is not None else None
        return (self.profile.id, self.profile.decision_style, tuple(sorted(self.disabled)),
                motion_key, doc.date, doc.handlaggare.email, doc.handlaggare.phone,
                self.own_words, speller_key)
