"""Runs the rules: the whole case, or one section again after an edit.

The window calls :meth:`Checker.check_section` as the user types; results are cached per
(section id, text, case fingerprint), so an unchanged section costs a dictionary look-up and an
edited one costs only its own rules. :meth:`Checker.check` runs everything (CLI, export).
"""

from __future__ import annotations

from typing import Any

from ..case import Case
from ..profiles import Profile
from ..textcache import TextBoundedCache
from .context import Context
from .findings import Finding, sort_key
from .registry import CASE, SECTION, Rule, all_rules, is_disabled
from .text import analyse

# Results for about ten versions of a 100-page case; bounded by text, since a count of entries
# let typing in a long section keep a copy of every version of it.
_CACHE_CHARS = 4_000_000


class Checker:
    """Owns the section cache and the (optional) spell checker. One per open window is enough."""

    def __init__(self, *, spelling: bool = True, speller: Any = None) -> None:
        self.spelling = spelling
        self._speller = speller
        self._cache: TextBoundedCache[tuple[Finding, ...]] = TextBoundedCache(_CACHE_CHARS)

    @property
    def speller(self):
        """The spell checker, loaded on first use (reading the dictionary takes a second)."""
        if not self.spelling:
            return None
        if self._speller is None:
            from .spelling import default_speller

            self._speller = default_speller()
        return self._speller

    def context(self, case: Case, profile: Profile) -> Context:
        return Context(case, profile, self.speller)

    def _rules(self, ctx: Context, scope: str) -> list[Rule]:
        return [r for r in all_rules().values()
                if r.scope == scope and not is_disabled(r.id, ctx.disabled)
                and (ctx.speller is not None or not r.spelling)]

    def _section(self, ctx: Context, section_id: str, text: str) -> tuple[Finding, ...]:
        key = (section_id, text, ctx.key)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        analysis = analyse(text)
        found: list[Finding] = []
        for rule in self._rules(ctx, SECTION):
            found.extend(rule.func(ctx, section_id, analysis))
        result = tuple(found)
        self._cache.put(key, result, len(text) + 1)
        return result

    def check_section(self, case: Case, profile: Profile, section_id: str,
                      text: str | None = None) -> list[Finding]:
        """Section rules for one section (``text`` overrides the case's, e.g. the editor's)."""
        ctx = self.context(case, profile)
        if not ctx.prints_text(section_id):
            return []  # marked "inte relevant": the profile's sentence prints, not this text
        body = case.section(section_id) if text is None else text
        found = list(self._section(ctx, section_id, body))
        return _drop_ignored(case, sorted(found, key=lambda f: (f.start, f.rule)))

    def check(self, case: Case, profile: Profile) -> list[Finding]:
        """Every enabled rule on the whole case, sorted in the case's section order."""
        ctx = self.context(case, profile)
        found: list[Finding] = []
        for section_id in ctx.text_section_ids:
            text = case.section(section_id)
            if text.strip():
                found.extend(self._section(ctx, section_id, text))
        for rule in self._rules(ctx, CASE):
            found.extend(rule.func(ctx))
        order = {s.id: i for i, s in enumerate(ctx.sections)}  # this case's print order
        for sid in ctx.text_section_ids:  # leftovers print last
            order.setdefault(sid, len(order))
        order.setdefault("dokument", -2)
        order.setdefault("motion", -1)
        return _drop_ignored(case, sorted(found, key=lambda f: sort_key(f, order)))


def _drop_ignored(case: Case, findings: list[Finding]) -> list[Finding]:
    """Leave out findings the reviewer marked as not a problem (case.review["ignored"])."""
    ignored = case.review.get("ignored") if isinstance(case.review, dict) else None
    if not ignored:
        return findings
    keys = {(i.get("rule"), i.get("section"), i.get("excerpt")) for i in ignored
            if isinstance(i, dict)}
    return [f for f in findings if (f.rule, f.section, f.excerpt) not in keys]


def check_case(case: Case, profile: Profile, *, spelling: bool = True) -> list[Finding]:
    """One-off full check (CLI, export). The window keeps a :class:`Checker` instead."""
    return Checker(spelling=spelling).check(case, profile)
