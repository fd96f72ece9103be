"""The rule registry: every rule is a small named function that a profile can switch off.

Two kinds exist. A *section rule* looks at one text section at a time and may only depend on the
section's text and on the case-wide data in :class:`Context` (names, motion, profile), which is
what lets the engine cache its result per section text. A *case rule* looks at the whole case
(completeness, dates, the decision) and is cheap enough to run on every check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:
    from .context import Context
    from .text import Analysis

SECTION = "section"
CASE = "case"

SectionFunc = Callable[["Context", str, "Analysis"], Iterable[Finding]]
CaseFunc = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str  # "familj.namn", e.g. "klarsprak.lang_mening"; profiles disable by id or family
    title: str  # Swedish, for settings and docs
    scope: str
    func: Callable
    spelling: bool = False  # needs the spelling dictionary (skipped when spelling is off)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def section_rule(rule_id: str, title: str, *, spelling: bool = False
                 ) -> Callable[[SectionFunc], SectionFunc]:
    def wrap(func: SectionFunc) -> SectionFunc:
        RULES[rule_id] = Rule(rule_id, title, SECTION, func, spelling)
        return func
    return wrap


def case_rule(rule_id: str, title: str) -> Callable[[CaseFunc], CaseFunc]:
    def wrap(func: CaseFunc) -> CaseFunc:
        RULES[rule_id] = Rule(rule_id, title, CASE, func)
        return func
    return wrap


def is_disabled(rule_id: str, disabled: Iterable[str]) -> bool:
    """A rule is off when its id, or its family ("klarsprak"), is in the profile's list."""
    family = rule_id.split(".", 1)[0]
    return any(d in (rule_id, family) for d in disabled)


def all_rules() -> dict[str, Rule]:
    """Every registered rule; importing the rule modules registers them."""
    from . import (  # noqa: F401  (imported for their registrations)
        accessibility,
        completeness,
        dates,
        decision_rules,
        klarsprak,
        leftovers,
        motion_rules,
        personal_data,
        spelling,
    )

    return RULES
