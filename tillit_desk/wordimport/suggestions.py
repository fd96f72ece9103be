"""Suggestions: changes made in Word that wait for the handläggare's Godta / Avvisa.

They live in ``case.review["suggestions"]`` (layout in docs/word-round-trip.md) so they travel
with the .tillit file like review comments. A suggestion either replaces a span of one
section's Markdown (``target: "section"``) or replaces a whole value (``target: "field"``: a
header field, the decision chain, or one of the lists), so accepting every suggestion gives
exactly the text as it was in Word. Accepting shifts the spans of the section's other open
suggestions; a span whose text has changed since is found again by its old text and context.
"""

from __future__ import annotations

import copy
import difflib
import re
import uuid
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any

from ..case import Case, Meeting, Recipient, Signatory, UnderlagItem
from ..errors import TillitError

KEY = "suggestions"
OPEN, ACCEPTED, REJECTED = "open", "accepted", "rejected"
TRACKED, EDITED = "tracked", "edited"  # a tracked change in Word, or an untracked edit
SECTION, FIELD = "section", "field"
CONTEXT = 24  # characters kept on each side to find a span again after edits

LIST_FIELDS = {"underlag": UnderlagItem, "beslutsplanering": Meeting,
               "skickas_till": Recipient, "signatories": Signatory}
FIELD_LABELS = {
    "document.title": "Titel", "document.date": "Datum", "document.diarienummer": "Diarienummer",
    "document.organisation": "Organisation", "document.unit": "Förvaltning",
    "document.decision_chain": "Beslutskedja", "document.handlaggare.name": "Handläggare",
    "document.handlaggare.title": "Handläggarens titel",
    "document.handlaggare.email": "Handläggarens e-post",
    "document.handlaggare.phone": "Handläggarens telefon",
    "underlag": "Beslutsunderlag", "beslutsplanering": "Beslutsplanering",
    "skickas_till": "Beslutet skickas till", "signatories": "Underskrifter",
}
# the section (or pseudo-section) a field suggestion is shown under
FIELD_SECTIONS = {"underlag": "underlag", "beslutsplanering": "beslutsplanering",
                  "skickas_till": "skickas_till", "signatories": "signatures",
                  "document.decision_chain": "forslag_till_beslut"}


class SuggestionError(TillitError):
    """A suggestion cannot be applied (its text is gone)."""


@dataclass
class Suggestion:
    id: str
    target: str  # SECTION or FIELD
    section: str  # section id (or the pseudo-section a field belongs to)
    old: Any
    new: Any
    author: str = ""
    date: str = ""
    kind: str = TRACKED
    change: str = "replace"  # insert, delete, replace, format
    field: str = ""  # for FIELD: "document.title", "underlag", ...
    start: int = 0
    end: int = 0
    before: str = ""  # context, to find the span again
    after: str = ""
    status: str = OPEN
    decided_by: str = ""
    decided_at: str = ""
    conflict: bool = False
    extra: dict[str, Any] = dc_field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Suggestion:
        known = {k for k in cls.__dataclass_fields__ if k != "extra"}
        return cls(**{k: v for k, v in data.items() if k in known},
                   extra={k: v for k, v in data.items() if k not in known})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}

    def describe(self) -> str:
        """One line for the window and the CLI."""
        who = self.author or "okänd"
        if self.target == FIELD:
            label = FIELD_LABELS.get(self.field, self.field)
            return f"{label}: {_short(_value_text(self.old))} → {_short(_value_text(self.new))}" \
                   f" ({who})"
        verb = {"insert": "Infoga", "delete": "Ta bort", "format": "Formatering",
                "replace": "Ersätt"}.get(self.change, "Ändra")
        if self.change == "insert":
            return f"{verb} ”{_short(self.new)}” ({who})"
        if self.change == "delete":
            return f"{verb} ”{_short(self.old)}” ({who})"
        if self.change == "format":
            how = "fetstil/kursiv" if "*" in self.new else "normal stil"
            return f"{verb}: ”{_short(self.old.replace('*', ''))}” blir {how} ({who})"
        return f"{verb} ”{_short(self.old)}” med ”{_short(self.new)}” ({who})"


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(" ".join(str(v) for v in item.values() if v) if isinstance(item, dict)
                         else str(item) for item in value) or "(tomt)"
    return str(value) or "(tomt)"


def new_id() -> str:
    return uuid.uuid4().hex[:12]


# ---------------------------------------------------------------- storage


def _store(case: Case) -> list[dict[str, Any]]:
    if not isinstance(case.review, dict):
        case.review = {}
    items = case.review.get(KEY)
    if not isinstance(items, list):
        items = case.review[KEY] = []
    return items


def add(case: Case, suggestion: Suggestion) -> Suggestion:
    _store(case).append(suggestion.to_dict())
    return suggestion


def suggestions(case: Case, *, section: str | None = None, open_only: bool = False
                ) -> list[Suggestion]:
    raw = case.review.get(KEY, []) if isinstance(case.review, dict) else []
    out = [Suggestion.from_dict(s) for s in raw if isinstance(s, dict) and s.get("id")]
    return [s for s in out if (section is None or s.section == section)
            and not (open_only and s.status != OPEN)]


def _save(case: Case, s: Suggestion) -> None:
    items = _store(case)
    for i, raw in enumerate(items):
        if isinstance(raw, dict) and raw.get("id") == s.id:
            items[i] = s.to_dict()
            return
    raise KeyError(s.id)


def get(case: Case, suggestion_id: str) -> Suggestion:
    for s in suggestions(case):
        if s.id == suggestion_id:
            return s
    raise KeyError(suggestion_id)


# ---------------------------------------------------------------- fields


def get_value(case: Case, path: str) -> Any:
    if path in LIST_FIELDS:
        return [item.to_dict() for item in getattr(case, path)]
    node: Any = case
    for part in path.split("."):
        node = getattr(node, part)
    return node


def set_value(case: Case, path: str, value: Any) -> None:
    if path in LIST_FIELDS:
        cls = LIST_FIELDS[path]
        setattr(case, path, [cls.from_dict(dict(v)) for v in value])
        return
    parts = path.split(".")
    node: Any = case
    for part in parts[:-1]:
        node = getattr(node, part)
    setattr(node, parts[-1], value)


# ---------------------------------------------------------------- decisions


def locate(text: str, s: Suggestion) -> tuple[int, int] | None:
    """Where the suggestion's old text is now: in place, or found again by text and context."""
    old = s.old or ""
    if 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == old and \
            text[max(0, s.start - len(s.before)):s.start].endswith(s.before[-8:]):
        return s.start, s.end
    needle = s.before + old + s.after
    hits = [m.start() for m in re.finditer(re.escape(needle), text)] if needle else []
    if hits:
        best = min(hits, key=lambda p: abs(p - s.start)) + len(s.before)
        return best, best + len(old)
    if old:
        hits = [m.start() for m in re.finditer(re.escape(old), text)]
        if hits:
            best = min(hits, key=lambda p: abs(p - s.start))
            return best, best + len(old)
    if not old and 0 <= s.start <= len(text) and text[:s.start].endswith(s.before):
        return s.start, s.start
    return None


def accept(case: Case, suggestion_id: str, *, by: str = "", at: str = "") -> Suggestion:
    """Apply the suggestion to the case and mark it accepted."""
    s = get(case, suggestion_id)
    if s.status != OPEN:
        return s
    if s.target == FIELD:
        set_value(case, s.field, copy.deepcopy(s.new))
    else:
        text = case.sections.get(s.section, "")
        span = locate(text, s)
        if span is None:
            raise SuggestionError(
                f"Förslaget ”{_short(s.old or s.new, 40)}” kan inte längre placeras: texten "
                "har ändrats sedan det lästes in. Avvisa det och gör ändringen för hand.")
        start, end = span
        case.sections[s.section] = text[:start] + s.new + text[end:]
        delta = len(s.new) - (end - start)
        for other in suggestions(case, section=s.section, open_only=True):
            if other.id == s.id or other.target != SECTION:
                continue
            if other.start >= end:
                other.start += delta
                other.end += delta
                _save(case, other)
    s.status, s.decided_by, s.decided_at = ACCEPTED, by, at or _now()
    _save(case, s)
    return s


def reject(case: Case, suggestion_id: str, *, by: str = "", at: str = "") -> Suggestion:
    s = get(case, suggestion_id)
    if s.status == OPEN:
        s.status, s.decided_by, s.decided_at = REJECTED, by, at or _now()
        _save(case, s)
    return s


def accept_all(case: Case, *, section: str | None = None, by: str = "") -> int:
    """Accept every open suggestion (of one section); later spans first, so none moves."""
    pending = suggestions(case, section=section, open_only=True)
    pending.sort(key=lambda s: (s.section, -s.start))
    for s in pending:
        accept(case, s.id, by=by)
    return len(pending)


def reject_all(case: Case, *, section: str | None = None, by: str = "") -> int:
    pending = suggestions(case, section=section, open_only=True)
    for s in pending:
        reject(case, s.id, by=by)
    return len(pending)


def _now() -> str:
    from ..review.workflow import now_iso

    return now_iso()


# ---------------------------------------------------------------- diffs

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def hunks(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits that turn ``old`` into ``new``, word by word."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    pos_a = [0]
    for tok in a:
        pos_a.append(pos_a[-1] + len(tok))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    raw: list[list] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        raw.append([i1, i2, j1, j2])
    def markers_only(h: list) -> bool:
        changed = "".join(a[h[0]:h[1]]) + "".join(b[h[2]:h[3]])
        return bool(changed) and not changed.strip("*_")

    merged: list[list] = []
    for h in raw:
        if merged:
            prev = merged[-1]
            gap = a[prev[1]:h[0]]
            if len(gap) <= 1 and all(not t.strip() for t in gap):
                prev[1], prev[3] = h[1], h[3]
                continue
            if markers_only(prev) and markers_only(h) and "\n" not in "".join(gap):
                prev[1], prev[3] = h[1], h[3]  # "**" … "**": one change of emphasis
                continue
        merged.append(h)
    return [(pos_a[i1], pos_a[i2], "".join(b[j1:j2])) for i1, i2, j1, j2 in merged]


def map_offset(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Opcodes from ``old`` to ``new`` in character offsets (for the three-way diff)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return matcher.get_opcodes()


def translate(pos_end: tuple[int, int], ops) -> tuple[int, int] | None:
    """A span in the base text → the same span in our text, if it lies in unchanged text."""
    start, end = pos_end
    for tag, i1, i2, j1, _j2 in ops:
        if tag == "equal" and i1 <= start and end <= i2:
            return j1 + (start - i1), j1 + (end - i1)
    for tag, i1, i2, j1, _j2 in ops:  # an insertion point at the very border of an equal run
        if tag == "equal" and start == end and start in (i1, i2):
            return (j1 + (start - i1),) * 2
    return None
