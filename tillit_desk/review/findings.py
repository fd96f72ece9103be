"""What a check reports: one Finding per problem, with a span in the section's own text.

The span is in the section's Markdown (what the editor holds), so the window can select exactly
the text a finding is about. Findings about data outside the text sections (diarienummer, dates,
underlag, signatures, the exported file) use the pseudo-section ids below and an empty span.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

FEL = "fel"
VARNING = "varning"
TIPS = "tips"
SEVERITIES = (FEL, VARNING, TIPS)
SEVERITY_RANK = {FEL: 0, VARNING: 1, TIPS: 2}

# Pseudo-sections for findings that are not about a text section.
DOCUMENT = "dokument"  # header data: diarienummer, date, title
MOTION = "motion"  # the motion record
UNDERLAG = "underlag"
SIGNATURES = "signatures"
EXPORT = "export"  # the exported DOCX file (accessibility)


@dataclass(frozen=True)
class Finding:
    """One problem. ``start``/``end`` are character offsets in the section's text."""

    rule: str
    severity: str
    section: str
    message: str
    start: int = 0
    end: int = 0
    suggestion: str | None = None
    excerpt: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON shape (documented in docs/review.md)."""
        data = asdict(self)
        return {k: data[k] for k in ("rule", "severity", "section", "message", "excerpt",
                                     "start", "end", "suggestion")}

    @property
    def has_span(self) -> bool:
        return self.end > self.start

    def shifted(self, offset: int) -> Finding:
        """The same finding with its span moved (used when a rule ran on a part of a text)."""
        return Finding(self.rule, self.severity, self.section, self.message,
                       self.start + offset, self.end + offset, self.suggestion, self.excerpt)


def sort_key(f: Finding, order: dict[str, int] | None = None) -> tuple:
    """Section order of the profile first, then position, then severity."""
    return ((order or {}).get(f.section, 999), f.start, SEVERITY_RANK.get(f.severity, 9), f.rule)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == FEL for f in findings)


def at(rule: str, severity: str, section: str, text: str, start: int, end: int, message: str,
       suggestion: str | None = None) -> Finding:
    """A finding on ``text[start:end]`` with its excerpt filled in."""
    snippet = text[start:end] if end > start else text[max(0, start - 30): start + 30]
    return Finding(rule, severity, section, message, start, end, suggestion,
                   " ".join(snippet.split()))


def whole(rule: str, severity: str, section: str, message: str, excerpt: str = "",
          suggestion: str | None = None) -> Finding:
    """A finding about a section or a field as a whole (no span)."""
    return Finding(rule, severity, section, message, 0, 0, suggestion, " ".join(excerpt.split()))
