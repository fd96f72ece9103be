"""Named versions of a case, kept inside the case, and a per-section diff of any two of them.

"Spara version" copies the case's content (everything but the review data itself) into
``case.review["versions"]``; "Jämför versioner" diffs two snapshots, or one and the current text,
section by section with difflib, in rows a side-by-side view can show directly.
"""

from __future__ import annotations

import copy
import difflib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .case import DEFAULT_HEADINGS, PLACE_HEADINGS, Case

CURRENT = "current"  # the case as it is now, as one side of a comparison
_META_SECTIONS = ("dokument", "motion", "underlag", "signatures", "skickas_till")


@dataclass
class Version:
    id: str
    name: str
    created: str
    author: str
    data: dict[str, Any]  # case.to_dict() without "review"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "created": self.created,
                "author": self.author, "data": self.data}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Version:
        return cls(str(raw.get("id", "")), str(raw.get("name", "")), str(raw.get("created", "")),
                   str(raw.get("author", "")), dict(raw.get("data") or {}))


def _content(case: Case) -> dict[str, Any]:
    data = copy.deepcopy(case.to_dict())
    data.pop("review", None)
    return data


def _versions_list(case: Case) -> list[dict[str, Any]]:
    if not isinstance(case.review, dict):
        case.review = {}
    versions = case.review.get("versions")
    if not isinstance(versions, list):
        versions = case.review["versions"] = []
    return versions


def save_version(case: Case, name: str, *, author: str = "", at: str | None = None) -> Version:
    """Store a named snapshot of the case's current content inside the case."""
    created = at or datetime.now().astimezone().isoformat(timespec="seconds")
    version = Version(uuid.uuid4().hex[:12], name.strip() or created[:16].replace("T", " "),
                      created, author, _content(case))
    _versions_list(case).append(version.to_dict())
    return version


def list_versions(case: Case) -> list[Version]:
    raw = (case.review or {}).get("versions", []) if isinstance(case.review, dict) else []
    return [Version.from_dict(v) for v in raw if isinstance(v, dict)]


def get_version(case: Case, version_id: str) -> Version:
    for version in list_versions(case):
        if version.id == version_id:
            return version
    raise KeyError(version_id)


def delete_version(case: Case, version_id: str) -> None:
    versions = _versions_list(case)
    versions[:] = [v for v in versions if v.get("id") != version_id]


# ---------------------------------------------------------------- diff


@dataclass(frozen=True)
class DiffRow:
    """One row of a side-by-side view; a side is None where the line does not exist."""

    tag: str  # "equal", "replace", "delete", "insert"
    old_no: int | None
    old: str | None
    new_no: int | None
    new: str | None


@dataclass
class SectionDiff:
    section: str
    heading: str
    old: str
    new: str
    rows: list[DiffRow] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def unified(self, old_name: str = "före", new_name: str = "efter") -> str:
        return "".join(difflib.unified_diff(self.old.splitlines(keepends=True),
                                            self.new.splitlines(keepends=True),
                                            old_name, new_name))


def _meta_text(data: dict[str, Any], key: str) -> str:
    """The structured parts of a case as lines, so they can be diffed like text."""
    if key == "dokument":
        doc = data.get("document") or {}
        ref = doc.get("handlaggare") or {}
        lines = [f"Titel: {doc.get('title', '')}", f"Diarienummer: {doc.get('diarienummer', '')}",
                 f"Datum: {doc.get('date', '')}", f"Organisation: {doc.get('organisation', '')}",
                 f"Förvaltning: {doc.get('unit', '')}",
                 f"Handläggare: {ref.get('name', '')}, {ref.get('title', '')}",
                 f"Beslutskedja: {doc.get('decision_chain', '')}"]
        return "\n".join(lines)
    if key == "motion":
        motion = data.get("motion") or {}
        if not motion:
            return ""
        names = ", ".join(f"{m.get('name', '')} ({m.get('party', '')})"
                          for m in motion.get("motionarer", []))
        return "\n".join([f"Titel: {motion.get('title', '')}",
                          f"Inlämnad: {motion.get('submitted', '')}", f"Motionärer: {names}",
                          *motion.get("yrkanden", [])])
    if key == "underlag":
        return "\n".join(f"{u.get('text', '')} {u.get('date', '')}".strip()
                         for u in data.get("underlag", []))
    if key == "signatures":
        return "\n".join(f"{s.get('name', '')}, {s.get('title', '')}"
                         for s in data.get("signatories", []))
    if key == "skickas_till":
        return "\n".join(f"{r.get('name', '')} ({r.get('purpose', '')})"
                         for r in data.get("skickas_till", []))
    return ""


def diff_rows(old: str, new: str) -> list[DiffRow]:
    """Line-by-line side-by-side rows (paragraphs are lines in a section's Markdown)."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            left = a[i] if i < i2 else None
            right = b[j] if j < j2 else None
            row_tag = tag if left is not None and right is not None else (
                "delete" if right is None else "insert")
            rows.append(DiffRow(row_tag, i + 1 if left is not None else None, left,
                                j + 1 if right is not None else None, right))
    return rows


def word_changes(old_line: str, new_line: str) -> list[tuple[str, str, str]]:
    """Word-level changes inside one replaced line: (tag, old words, new words)."""
    a, b = old_line.split(), new_line.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        out.append((tag, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def _side(case: Case, version_id: str) -> dict[str, Any]:
    return _content(case) if version_id == CURRENT else get_version(case, version_id).data


def diff_versions(case: Case, old_id: str, new_id: str = CURRENT, *,
                  headings: dict[str, str] | None = None) -> list[SectionDiff]:
    """Diff per section of two versions (or a version and ``CURRENT``), in a stable order:
    the header data first, then text sections as ordered in the newer side, then the rest."""
    old, new = _side(case, old_id), _side(case, new_id)
    names = {**DEFAULT_HEADINGS, **PLACE_HEADINGS, **(headings or {})}
    out: list[SectionDiff] = []
    for key in ("dokument", "motion"):
        out.append(_section_diff(key, names, _meta_text(old, key), _meta_text(new, key)))
    old_sections = old.get("sections") or {}
    new_sections = new.get("sections") or {}
    order = list(new_sections) + [s for s in old_sections if s not in new_sections]
    for sid in order:
        out.append(_section_diff(sid, names, old_sections.get(sid, ""),
                                 new_sections.get(sid, "")))
    for key in _META_SECTIONS[2:]:
        out.append(_section_diff(key, names, _meta_text(old, key), _meta_text(new, key)))
    return [d for d in out if d.old or d.new]


def _section_diff(key: str, names: dict[str, str], old: str, new: str) -> SectionDiff:
    heading = names.get(key, key.replace("_", " ").capitalize())
    return SectionDiff(key, heading, old, new, diff_rows(old, new))
