"""The secretary's review data inside the case: section statuses, comments, ignored findings.

Everything lives in ``case.review`` (layout in docs/review.md) so it travels with the .tillit
file and survives a load/save round trip; the window only calls these functions. Comments keep
the quoted text so they can be re-anchored after the section has been edited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ..case import Case
from .findings import Finding

REVIEW_FORMAT = 1
UTKAST = "utkast"
KLAR = "klar_for_granskning"
GRANSKAD = "granskad"
STATUSES = (UTKAST, KLAR, GRANSKAD)
STATUS_LABELS = {UTKAST: "Utkast", KLAR: "Klar för granskning", GRANSKAD: "Granskad"}


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def review_data(case: Case) -> dict[str, Any]:
    """``case.review`` with its top-level keys in place (keeps unknown keys untouched)."""
    data = case.review if isinstance(case.review, dict) else {}
    case.review = data
    data.setdefault("format", REVIEW_FORMAT)
    for key, empty in (("status", {}), ("comments", []), ("ignored", []), ("versions", [])):
        if not isinstance(data.get(key), type(empty)):
            data[key] = empty
    return data


# ---------------------------------------------------------------- statuses


def section_status(case: Case, section_id: str) -> str:
    entry = (case.review or {}).get("status", {}).get(section_id)
    status = entry.get("status") if isinstance(entry, dict) else entry
    return status if status in STATUSES else UTKAST


def set_status(case: Case, section_id: str, status: str, *, by: str = "",
               at: str | None = None) -> None:
    """Set a section's review status (Utkast / Klar för granskning / Granskad)."""
    if status not in STATUSES:
        raise ValueError(f"okänd status: {status}")
    review_data(case)["status"][section_id] = {"status": status, "by": by, "at": at or now_iso()}


def statuses(case: Case, section_ids: list[str]) -> dict[str, str]:
    """Status per section, for the navigator."""
    return {sid: section_status(case, sid) for sid in section_ids}


# ---------------------------------------------------------------- comments


@dataclass
class Comment:
    id: str
    section: str
    text: str
    author: str = ""
    created: str = ""
    start: int | None = None  # span in the section's text when the comment was made
    end: int | None = None
    quote: str = ""  # the commented text, to re-anchor after edits
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comment:
        known = {k for k in cls.__dataclass_fields__ if k != "extra"}
        kwargs = {k: v for k, v in data.items() if k in known}
        return cls(**kwargs, extra={k: v for k, v in data.items() if k not in known})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}

    @property
    def initials(self) -> str:
        return "".join(p[0] for p in self.author.split() if p)[:3].upper()


def add_comment(case: Case, section: str, text: str, author: str, *, start: int | None = None,
                end: int | None = None, at: str | None = None) -> Comment:
    """A reviewer's comment on a section, optionally on the text span [start, end)."""
    quote = ""
    if start is not None and end is not None and end > start:
        quote = case.section(section)[start:end]
    else:
        start = end = None
    import uuid  # here, not at import: uuid loads platform, ~4 ms of the start-up

    comment = Comment(uuid.uuid4().hex[:12], section, text, author, at or now_iso(), start, end,
                      quote)
    review_data(case)["comments"].append(comment.to_dict())
    return comment


def comments(case: Case, *, section: str | None = None, open_only: bool = False
             ) -> list[Comment]:
    raw = (case.review or {}).get("comments", [])
    out = [Comment.from_dict(c) for c in raw if isinstance(c, dict) and c.get("id")]
    return [c for c in out if (section is None or c.section == section)
            and not (open_only and c.resolved)]


def _update(case: Case, comment_id: str, **changes: Any) -> Comment:
    for i, raw in enumerate(review_data(case)["comments"]):
        if isinstance(raw, dict) and raw.get("id") == comment_id:
            raw.update(changes)
            case.review["comments"][i] = raw
            return Comment.from_dict(raw)
    raise KeyError(comment_id)


def resolve_comment(case: Case, comment_id: str, *, by: str = "", at: str | None = None
                    ) -> Comment:
    return _update(case, comment_id, resolved=True, resolved_by=by, resolved_at=at or now_iso())


def reopen_comment(case: Case, comment_id: str) -> Comment:
    return _update(case, comment_id, resolved=False, resolved_by="", resolved_at="")


def delete_comment(case: Case, comment_id: str) -> None:
    data = review_data(case)
    data["comments"] = [c for c in data["comments"] if c.get("id") != comment_id]


def anchor(case: Case, comment: Comment) -> tuple[int, int] | None:
    """Where the comment's quote is now: the same span, or the occurrence nearest to it."""
    if not comment.quote:
        return None
    text = case.section(comment.section)
    start = comment.start or 0
    if text[start:start + len(comment.quote)] == comment.quote:
        return start, start + len(comment.quote)
    hits = []
    pos = text.find(comment.quote)
    while pos != -1:
        hits.append(pos)
        pos = text.find(comment.quote, pos + 1)
    if not hits:
        return None
    best = min(hits, key=lambda p: abs(p - start))
    return best, best + len(comment.quote)


# ---------------------------------------------------------------- ignored findings


def ignore_finding(case: Case, finding: Finding, *, by: str = "") -> None:
    """"Inte ett problem": the engine leaves this finding out from now on."""
    entry = {"rule": finding.rule, "section": finding.section, "excerpt": finding.excerpt,
             "by": by, "at": now_iso()}
    review_data(case)["ignored"].append(entry)


def unignore_all(case: Case, section: str | None = None) -> None:
    data = review_data(case)
    data["ignored"] = [i for i in data["ignored"]
                       if section is not None and i.get("section") != section]
