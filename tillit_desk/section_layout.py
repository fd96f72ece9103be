"""Sections a case can shape: its own sections at any position, a heading renamed for this case,
a profile section split in two, a section marked "inte relevant".

The profile gives the order and the headings; ``case.layout`` records what this one case does
differently (docs/file-format.md). :func:`section_plan` merges the two into the order the
export prints, so the composer, the preview and the window all see the same sections.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .case import Case, CustomSection
from .profiles import TEXT, Profile, SectionSpec

CUSTOM_PREFIX = "egen_"
UNTITLED = "(utan rubrik)"  # the name the window shows for a section printed without heading


@dataclass(frozen=True)
class PlannedSection:
    """A section as this case prints it: the profile's spec with the case's heading."""

    spec: SectionSpec  # the profile's section, or a text section made for a custom one
    heading: str  # the heading this case prints
    custom: bool = False
    not_relevant: bool = False
    renamed: bool = False
    untitled: bool = False  # printed without a heading (layout.headings[id] == "")


def section_plan(case: Case, profile: Profile) -> tuple[list[PlannedSection], list[str]]:
    """The sections in print order, and warnings (a custom section whose anchor is gone)."""
    layout = case.layout
    marked = set(layout.not_relevant)
    plan: list[PlannedSection] = []
    for spec in profile.sections:
        renamed = layout.headings.get(spec.id, "").strip()
        untitled = spec.id in layout.headings and not renamed
        plan.append(PlannedSection(spec, renamed or spec.heading, False, spec.id in marked,
                                   bool(renamed), untitled))
    warnings: list[str] = []
    pending = [a for a in layout.added if a.id]
    while pending:  # a custom section may follow another custom section
        placed = False
        for added in list(pending):
            ids = [p.spec.id for p in plan]
            if added.after and added.after not in ids:
                continue
            index = ids.index(added.after) + 1 if added.after else 0
            spec = SectionSpec(id=added.id, heading=added.heading, kind=TEXT)
            heading = layout.headings.get(added.id, "").strip() or added.heading.strip()
            plan.insert(index, PlannedSection(spec, heading, True, added.id in marked,
                                              untitled=not heading))
            pending.remove(added)
            placed = True
        if not placed:
            for added in pending:
                warnings.append(f"Avsnittet \"{added.heading}\" skulle stå efter "
                                f"\"{added.after}\", som inte finns i profilen {profile.name}; "
                                "det skrivs ut sist.")
                spec = SectionSpec(id=added.id, heading=added.heading, kind=TEXT)
                plan.append(PlannedSection(spec, added.heading, True, added.id in marked,
                                           untitled=not added.heading.strip()))
            break
    return _in_case_order(plan, layout.order), warnings


def _in_case_order(plan: list[PlannedSection], order: list[str]) -> list[PlannedSection]:
    """The sections in the case's own order (``layout.order``, e.g. a Word document that has
    Förslag till beslut before Sammanfattning); one it does not list follows the section
    before it in the profile's order."""
    by_id = {p.spec.id: p for p in plan}
    listed = [by_id[sid] for sid in dict.fromkeys(order) if sid in by_id]
    if not listed:
        return plan
    out = list(listed)
    for n, item in enumerate(plan):
        if item in listed:
            continue
        before = next((p for p in reversed(plan[:n]) if p in out), None)
        out.insert(out.index(before) + 1 if before is not None else 0, item)
    return out


def case_sections(case: Case, profile: Profile) -> list[SectionSpec]:
    """The sections this case has, in print order, each with the heading this case prints.

    The window's steps and pages follow this (its own sections are edited like the
    profile's); a section marked "inte relevant" is no longer required; one printed without a
    heading of its own is named :data:`UNTITLED`."""
    plan, _ = section_plan(case, profile)
    return [replace(p.spec, heading=p.heading or UNTITLED,
                    required=p.spec.required and not p.not_relevant) for p in plan]


def case_section(case: Case, profile: Profile, section_id: str) -> SectionSpec | None:
    """One of :func:`case_sections` by id, or None."""
    for spec in case_sections(case, profile):
        if spec.id == section_id:
            return spec
    return None


def is_custom(case: Case, section_id: str) -> bool:
    """A section this case added (it can be removed; the profile's cannot)."""
    return any(a.id == section_id for a in case.layout.added)


def _new_id(case: Case) -> str:
    used = set(case.sections) | {a.id for a in case.layout.added}
    n = 1
    while f"{CUSTOM_PREFIX}{n}" in used:
        n += 1
    return f"{CUSTOM_PREFIX}{n}"


def add_section(case: Case, heading: str, after: str = "") -> CustomSection:
    """A new text section with its own heading, after section ``after`` ("" = first)."""
    added = CustomSection(_new_id(case), heading.strip(), after)
    case.layout.added.append(added)
    case.sections.setdefault(added.id, "")
    return added


def remove_section(case: Case, section_id: str) -> None:
    """Remove a section this case added (its text goes with it; the caller asks first)."""
    case.layout.added = [a for a in case.layout.added if a.id != section_id]
    for a in case.layout.added:  # sections that followed it follow its predecessor
        if a.after == section_id:
            a.after = ""
    case.sections.pop(section_id, None)
    case.layout.headings.pop(section_id, None)
    case.layout.order = [s for s in case.layout.order if s != section_id]


def rename_section(case: Case, section_id: str, heading: str) -> None:
    """Print ``heading`` for this section in this case; "" goes back to the profile's."""
    if heading.strip():
        case.layout.headings[section_id] = heading.strip()
    else:
        case.layout.headings.pop(section_id, None)


def split_section(case: Case, section_id: str, first_heading: str, second_heading: str
                  ) -> CustomSection:
    """Two headings where the profile has one ("Stadskontorets bedömning" + "Stadskontorets
    förslag"): the section is renamed and a new section follows it."""
    rename_section(case, section_id, first_heading)
    return add_section(case, second_heading, after=section_id)


def mark_not_relevant(case: Case, section_id: str, marked: bool = True) -> None:
    """Mark a section "inte relevant": it prints the profile's standard sentence, or is left
    out where the profile allows (``[export] not_relevant`` / ``omit_when_not_relevant``)."""
    ids = [s for s in case.layout.not_relevant if s != section_id]
    case.layout.not_relevant = ids + ([section_id] if marked else [])
