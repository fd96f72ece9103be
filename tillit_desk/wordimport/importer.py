"""DOCX → case: plan the mapping, then build the case with Word's changes as suggestions.

``mapping.read_plan`` reads the file and proposes which heading goes to which section; the
window shows that plan and lets the user change it before anything is written. ``build_case``
then reads every section twice (``views.build_view``) — with Word's tracked changes rejected and
accepted — and keeps the first as the case's text and the difference as suggestions. When the
DOCX carries the case it was exported from, that case is the base instead: edits made in Word
without Track Changes come back as suggestions too (a three-way diff against the open case when
there is one), and everything a DOCX cannot hold — the motion, review statuses, versions — is
kept.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ..case import Case
from ..profiles import Profile, ProfileRegistry
from . import suggestions as S
from .headings import normalise
from .items import BASE, FINAL, Change, Item, Para, pieces_of
from .legacy import migrate_custom_sections
from .mapping import read_plan
from .plan import SKIP, TOOL_AUTHORS, ImportPlan, clip
from .structured import options_for
from .views import View, build_view, case_ids


@dataclass
class ImportReport:
    source: str
    profile: str
    embedded: bool = False
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (heading, section label)
    comments: int = 0
    tracked: int = 0
    edited: int = 0
    accepted: int = 0
    rejected: int = 0
    unplaced: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{heading or '(utan rubrik)'} → {label}" for heading, label in self.mapping]
        return out


@dataclass
class ImportResult:
    case: Case
    report: ImportReport


# ---------------------------------------------------------------- suggestions


def _section_changes(plan: ImportPlan) -> dict[str, list[tuple[Change, str, str]]]:
    """Tracked changes per target: (change, view, text)."""
    out: dict[str, list[tuple[Change, str, str]]] = {}

    def collect(key: str, items: list[Item]) -> None:
        for piece in pieces_of(items):
            if piece.change is not None and piece.view is not None:
                out.setdefault(key, []).append((piece.change, piece.view, piece.text))
        for item in items:
            if isinstance(item, Para) and item.mark_change is not None:
                out.setdefault(key, []).append((item.mark_change, item.mark_view or "", "\n"))
            if isinstance(item, Para) and item.props_change is not None:
                out.setdefault(key, []).append((item.props_change, "props", item.text()))

    collect("dokument", plan.header_items + plan.front)
    ids = case_ids(plan)
    for sp in plan.sections:
        collect(ids.get(sp.target, sp.target), sp.items)
    collect("signatures", plan.signature_items)
    return out


def _plainish(text: str) -> str:
    return " ".join(text.replace("\\", "").replace("*", "").split()).lower()


def _attribute(old: str, new: str, changes: list[tuple[Change, str, str]], fallback: str,
               only_tracked: bool) -> tuple[str, str, str, str]:
    """(kind, author, date, change kind) for one hunk, from the tracked changes near it."""
    hit: list[Change] = []
    o, n = _plainish(old), _plainish(new)
    for change, view, text in changes:
        t = _plainish(text)
        if not t:
            continue
        if (view == FINAL and n and (t in n or n in t)) or (view == BASE and o and
                                                             (t in o or o in t)):
            hit.append(change)
    if not hit and not (old + new).strip("*_#-+0123456789. \n"):
        hit = [c for c, v, _t in changes if v == "props" or c.kind == "format"]  # markup only
    if not hit and only_tracked and changes:
        hit = [c for c, _v, _t in changes]
    if not hit:
        return S.EDITED, fallback, "", _change_kind(old, new, False)
    authors = list(dict.fromkeys(c.author for c in hit if c.author))
    fmt = all(c.kind == "format" for c in hit)
    return S.TRACKED, ", ".join(authors) or fallback, hit[0].date, _change_kind(old, new, fmt)


def _change_kind(old: str, new: str, fmt: bool) -> str:
    if fmt:
        return "format"
    if not old:
        return "insert"
    if not new:
        return "delete"
    return "replace"


def _text_suggestions(case: Case, section: str, base: str, final: str, ours: str | None,
                      changes, fallback: str, only_tracked: bool, report: ImportReport) -> None:
    """Suggestions turning ``base`` into ``final``, placed in ``ours`` (three-way) or base."""
    target_text = base if ours is None else ours
    ops = S.map_offset(base, target_text) if ours is not None and ours != base else None
    for start, end, new in S.hunks(base, final):
        old = base[start:end]
        place: tuple[int, int] | None = (start, end)
        conflict = False
        if ops is not None:
            place = S.translate((start, end), ops)
            if place is None:
                conflict = True
                found = target_text.find(old) if old else -1
                place = (found, found + len(old)) if found >= 0 else None
        if place is None:
            report.warnings.append(
                f"En ändring i Word i avsnittet {section} krockar med en ändring du gjort "
                f"sedan exporten och kunde inte placeras: ”{clip(old or new, 50)}”.")
            continue
        kind, author, date, change = _attribute(old, new, changes, fallback, only_tracked)
        a, b = place
        S.add(case, S.Suggestion(
            S.new_id(), S.SECTION, section, old, new, author, date, kind, change, "", a, b,
            target_text[max(0, a - S.CONTEXT):a], target_text[b:b + S.CONTEXT],
            conflict=conflict))
        if kind == S.TRACKED:
            report.tracked += 1
        else:
            report.edited += 1


_FIELDS = ("document.title", "document.date", "document.diarienummer", "document.organisation",
           "document.unit", "document.decision_chain", "document.handlaggare.name",
           "document.handlaggare.title", "document.handlaggare.email",
           "document.handlaggare.phone", "underlag", "beslutsplanering", "skickas_till",
           "signatories")


def _field_key(path: str) -> str:
    if path.startswith("document."):
        return "forslag_till_beslut" if path == "document.decision_chain" else "dokument"
    return S.FIELD_SECTIONS.get(path, path)


def _canonical(case: Case, plan: ImportPlan) -> dict[str, str]:
    """The case's text sections as the import would read them back (for the diff)."""
    from .canonical import canonical_sections

    return canonical_sections(case, plan.profile)


def build_case(plan: ImportPlan, *, ours: Case | None = None, accept: bool | None = None
               ) -> ImportResult:
    """Build the case (``ours``: the open case to merge into, for a three-way diff).

    ``accept`` True/False accepts or rejects every suggestion at once (the CLI flags).
    """
    report = ImportReport(plan.name, plan.profile.id, embedded=plan.embedded is not None)
    base_view = build_view(plan, BASE)
    final_view = build_view(plan, FINAL)
    report.unplaced.extend(base_view.unplaced)
    report.warnings.extend(plan.package.warnings)
    report.unplaced.extend(plan.notes)
    labels = {s.id: s.heading for s in plan.profile.sections}
    for sp in plan.sections:
        label = ("läses inte in" if sp.target == SKIP else labels.get(sp.target) or
                 f"eget avsnitt ”{sp.heading}”")
        report.mapping.append((sp.heading, label))
    changes = _section_changes(plan)
    fallback = plan.author
    reference = plan.embedded
    if ours is not None and reference is None:
        reference = None  # a foreign document replaces nothing: it becomes the case
    if ours is not None and reference is not None and ours.extra.get("custom_sections"):
        ours = copy.deepcopy(ours)
        migrate_custom_sections(ours)  # a case from before case.layout
    if reference is None:
        case = base_view.case
        base_sections = case.sections
        base_for_fields = case
        ours_sections: dict[str, str] | None = None
        only_tracked = True
    else:
        case = copy.deepcopy(ours if ours is not None else reference)
        if ours is None:
            case.review = {}
        base_for_fields = reference
        base_sections = _canonical(reference, plan)
        ours_sections = _canonical(case, plan)
        only_tracked = False
    final = final_view.case
    # text sections
    for sid in dict.fromkeys([*base_sections, *final.sections]):
        base_text = base_sections.get(sid, "")
        final_text = final.sections.get(sid, "")
        if base_text == final_text:
            continue
        ours_text = None if ours_sections is None else ours_sections.get(sid, "")
        if ours_sections is not None:
            current = case.sections.get(sid, "")
            if current != ours_text:
                case.sections[sid] = ours_text or ""  # the diff is made against this form
        _text_suggestions(case, sid, base_text, final_text, ours_text,
                          changes.get(sid, []), fallback, only_tracked, report)
    # fields and lists
    for path in _FIELDS:
        old = S.get_value(base_for_fields, path)
        new = S.get_value(final, path)
        own = base_for_fields.layout.export  # the forms the case prints in (its own labels)
        if path == "document.decision_chain" and base_for_fields.layout.no_decision_chain:
            old = ""  # the case prints no chain: the document cannot show it
        if _canonical_value(path, old, plan.profile, own) == _canonical_value(
                path, new, plan.profile, own):
            continue  # the same as printed: nothing was changed in Word
        current = S.get_value(case, path)
        tracked = changes.get(_field_key(path), [])
        kind, author, date = (S.TRACKED, ", ".join(dict.fromkeys(
            c.author for c, _v, _t in tracked if c.author)) or fallback,
            tracked[0][0].date) if tracked and (only_tracked or _touches(tracked, old, new)) \
            else (S.EDITED, fallback, "")
        S.add(case, S.Suggestion(S.new_id(), S.FIELD, _field_key(path), current, new, author,
                                 date, kind, "replace", path, conflict=current != old))
        if kind == S.TRACKED:
            report.tracked += 1
        else:
            report.edited += 1
    _add_comments(plan, case, base_view, report, reference is not None)
    if accept is True:
        report.accepted = S.accept_all(case)
    elif accept is False:
        report.rejected = S.reject_all(case)
    import_record = {"source": plan.name, "profile": plan.profile.id,
                     "embedded": plan.embedded is not None, "unplaced": report.unplaced}
    if isinstance(case.review, dict):
        case.review["word_import"] = import_record
    return ImportResult(case, report)


def _canonical_value(path: str, value, profile: Profile, own: dict | None = None):
    """A field or list as the DOCX prints it and the import reads it back (with the forms the
    case prints in: ``layout.export``)."""
    from ..print_options import underlag_row, with_case
    from .structured import print_chain, read_chain, split_date, split_row, unlabelled_purpose

    options = with_case(options_for(profile), own or {})

    if isinstance(value, str):
        flat = " ".join(value.split())
        if path == "document.organisation" and normalise(flat) == normalise(profile.organisation):
            return ""
        if path == "document.unit" and normalise(flat) == normalise(profile.unit):
            return ""
        if path == "document.decision_chain":  # printed with the profile's ending, read back
            return read_chain(print_chain(flat, profile, options), profile, options)
        return flat
    rows = [dict(v) for v in value]
    if path == "underlag":
        out = []
        for row in rows:
            # as the profile prints the row (its date may be left out: issue 13)
            text = underlag_row(options, row.get("text", "").strip(),
                                row.get("date", "").strip())
            if text:
                out.append(split_row(options, text))
        return out
    if path == "beslutsplanering":
        return [split_date(" ".join(f"{r.get('body', '')} {r.get('date', '')}".split()))
                for r in rows if r.get("body") or r.get("date")]
    if path == "skickas_till":
        named = [(" ".join(r.get("name", "").split()), r.get("purpose") or "kännedom")
                 for r in rows if r.get("name", "").strip()]
        if not (options.label_atgard.strip() and options.label_kannedom.strip()) and \
                not (options.label_kannedom.strip() and not options.label_atgard.strip()):
            # one list without labels (or a label only over the åtgärd names, which then
            # covers all): the purposes cannot be told apart in print
            purposes = {p for _n, p in named}
            one = "åtgärd" if options.label_atgard.strip() and "åtgärd" in purposes \
                else unlabelled_purpose(options)
            named = [(n, one) for n, _p in named]
        return sorted(named, key=lambda r: r[1] != "åtgärd")
    return [tuple(" ".join(str(v).split()) for k, v in sorted(r.items())) for r in rows
            if any(str(v).strip() for v in r.values())]


def _touches(tracked, old, new) -> bool:
    o, n = _plainish(str(old)), _plainish(str(new))
    return any((_plainish(t) and (_plainish(t) in n or _plainish(t) in o))
               for _c, _v, t in tracked)


def _add_comments(plan: ImportPlan, case: Case, base: View, report: ImportReport,
                  relocate: bool) -> None:
    from ..review import workflow as R

    existing = {(c.section, c.author, c.text) for c in R.comments(case)}
    for cid, info in plan.comments.items():
        if info["author"] in TOOL_AUTHORS or not info["text"]:
            continue
        section, start, end = base.comments.get(cid, ("dokument", None, None))
        text = info["text"]
        if (section, info["author"] or "Word", text) in existing or any(
                text.startswith(t) and a == (info["author"] or "Word") and s == section
                for s, a, t in existing):
            continue  # our own review comment, exported and read back
        if start is not None and end is not None and relocate:
            quote = base.case.sections.get(section, "")[start:end]
            found = case.sections.get(section, "").find(quote) if quote else -1
            start, end = (found, found + len(quote)) if found >= 0 else (None, None)
        if start is not None and end is not None and end <= start:
            start = end = None
        R.add_comment(case, section, text, info["author"] or "Word", start=start, end=end,
                      at=info["date"] or None)
        report.comments += 1


def import_docx(path: Path | str, registry: ProfileRegistry, *, profile_id: str | None = None,
                ours: Case | None = None, accept: bool | None = None) -> ImportResult:
    """Read and build in one go (the CLI; the window shows the plan in between)."""
    plan = read_plan(path, registry, profile_id=profile_id)
    return build_case(plan, ours=ours, accept=accept)


def same_case(a: Case, b: Case) -> bool:
    """Is the open case the one the DOCX was exported from (so a three-way diff makes sense)?"""
    da, db = a.document, b.document
    if da.diarienummer.strip() and da.diarienummer.strip() == db.diarienummer.strip():
        return True
    return bool(da.title.strip()) and normalise(da.title) == normalise(db.title)


def ours_for(plan: ImportPlan, open_case: Case | None) -> Case | None:
    """The open case as "ours" when the DOCX is an export of it; else None (the import gives
    a case of its own)."""
    if plan.embedded is not None and open_case is not None and same_case(plan.embedded,
                                                                          open_case):
        return open_case
    return None


def looks_like_case_document(path: Path | str, registry: ProfileRegistry) -> bool:
    """For drag-and-drop: a tjänsteskrivelse (ours, or with two or more known section
    headings) rather than a motion. Unreadable files say no: the motion import explains."""
    from ..errors import TillitError

    try:
        plan = read_plan(path, registry)
    except TillitError:
        return False
    known = [sp for sp in plan.sections if not sp.custom]
    return plan.embedded is not None or len(known) >= 2
