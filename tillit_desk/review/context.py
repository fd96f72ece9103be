"""Case-wide facts the rules share, computed once per check.

The sections are this case's (``section_layout.case_sections``): its own sections in place, its
renamed and split headings, and "inte relevant" marks, so the review reports what the export
prints, under the headings the export prints.

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
from ..errors import ProfileError
from ..print_options import DEFAULTS, NOT_RELEVANT_OWN_TEXT, not_relevant_form, print_options
from ..profiles import DECISION, Profile, SectionSpec
from ..section_layout import case_sections
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
    def sections(self) -> list[SectionSpec]:
        """This case's sections in print order, with the headings it prints; a section marked
        "inte relevant" is not required."""
        return case_sections(self.case, self.profile)

    @cached_property
    def _by_id(self) -> dict[str, SectionSpec]:
        return {s.id: s for s in self.sections}

    def section(self, section_id: str) -> SectionSpec | None:
        return self._by_id.get(section_id)

    def not_relevant(self, section_id: str) -> bool:
        """The case marks this section "inte relevant"."""
        return section_id in self._by_id and section_id in self.case.layout.not_relevant

    def prints_text(self, section_id: str) -> bool:
        """Does the section's own text reach the document? Not when it is marked "inte relevant"
        and the profile prints its standard sentence instead or leaves it out (as compose
        does); then its text is not reviewed either."""
        if not self.not_relevant(section_id):
            return True
        try:
            options = print_options(self.profile)
        except ProfileError:  # compose falls back to the defaults too
            options = DEFAULTS
        return not_relevant_form(options, section_id) == NOT_RELEVANT_OWN_TEXT

    @cached_property
    def text_section_ids(self) -> list[str]:
        """Sections whose text is printed, in print order: this case's, then leftovers (text
        under an id no section has, e.g. after a profile switch; the export prints them last)."""
        ids = [s.id for s in self.sections if s.holds_text and self.prints_text(s.id)]
        known = set(self._by_id)
        ids += [sid for sid, text in self.case.sections.items()
                if sid not in known and text.strip()]
        return ids

    def heading(self, section_id: str) -> str:
        spec = self.section(section_id)
        if spec is not None:
            return spec.heading
        return DEFAULT_HEADINGS.get(section_id, section_id.replace("_", " ").capitalize())

    def is_decision(self, section_id: str) -> bool:
        spec = self.section(section_id)
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
        layout = case.layout  # headings appear in messages
        headings = (tuple(sorted(layout.headings.items())),
                    tuple((a.id, a.heading) for a in layout.added))
        return (self.profile.id, self.profile.decision_style, tuple(sorted(self.disabled)),
                headings, motion_key, doc.date, doc.handlaggare.email, doc.handlaggare.phone,
                self.own_words, speller_key)
