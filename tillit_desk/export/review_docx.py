"""The review version: the normal DOCX export plus the reviewer's comments as real Word comments.

A handläggare who works in Word sees each comment in the margin, anchored to the text it is
about. We export as usual, reopen the result with python-docx, find the commented text in the
section's paragraphs, split runs so the comment covers exactly that text, and add the comment.
A comment whose text can no longer be found (or that has no span) sits on the section heading.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..case import Case
from ..errors import ExportError
from ..profiles import Profile
from ..review.text import mask_markup
from ..review.workflow import Comment, anchor, comments
from ..safe_write import atomic_write
from ..section_layout import section_plan
from .docx import render_docx
from .styles import resolve_styles

TOOL_AUTHOR = "Tillit Desk granskning"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class ReviewExport:
    data: bytes
    warnings: list[str] = field(default_factory=list)
    placed: int = 0  # comments anchored to their own text
    on_heading: int = 0  # comments that fell back to the section heading


def _plain_words(markdown: str) -> list[str]:
    return mask_markup(markdown).split()


def _section_paragraphs(document, headings: dict[str, str]) -> dict[str, list[Paragraph]]:
    """Body paragraphs per section id: from its level-1 heading to the next one."""
    level1 = resolve_styles(document.styles.element).heading[0]
    by_text = {" ".join(h.split()).lower(): sid for sid, h in headings.items()}
    out: dict[str, list[Paragraph]] = {"": []}
    current = ""
    for p in document.paragraphs:
        style = p._p.style
        is_heading = (level1 is not None and style == level1) or p._p.find(
            f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None
        key = " ".join(p.text.split()).lower()
        if is_heading and key in by_text:
            current = by_text[key]
            out.setdefault(current, []).append(p)
            continue
        out.setdefault(current, []).append(p)
    return out


def _simple(run: Run) -> bool:
    """A run with only formatting and one text element can be split safely."""
    children = [c for c in run._r if c.tag != qn("w:rPr")]
    return len(children) == 1 and children[0].tag == qn("w:t")


def _split(run: Run, offset: int, paragraph: Paragraph) -> Run:
    """Split ``run`` at ``offset``; returns the new right-hand run (the left keeps its object)."""
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    left_t, right_t = run._r.find(qn("w:t")), right.find(qn("w:t"))
    text = left_t.text or ""
    left_t.text, right_t.text = text[:offset], text[offset:]
    for t in (left_t, right_t):
        t.set(_XML_SPACE, "preserve")
    return Run(right, paragraph)


def _runs_for(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """The runs that cover exactly [start, end) of the paragraph's text, splitting as needed."""
    for cut in (start, end):  # split the run the start falls in, then the one the end does
        pos = 0
        for run in list(paragraph.runs):
            length = len(run.text)
            if pos < cut < pos + length and _simple(run):
                _split(run, cut - pos, paragraph)
                break
            pos += length
    covered: list[Run] = []
    pos = 0
    for run in paragraph.runs:
        length = len(run.text)
        if pos < end and pos + length > start and length:
            covered.append(run)
        pos += length
    return covered


def _find(paragraphs: list[Paragraph], words: list[str]) -> tuple[Paragraph, int, int] | None:
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    for p in paragraphs:
        m = pattern.search(p.text)
        if m:
            return p, m.start(), m.end()
    return None


def _heading_runs(paragraphs: list[Paragraph]) -> list[Run]:
    for p in paragraphs:
        if p.runs:
            return p.runs
    return []


def _comment_text(c: Comment) -> str:
    date = c.created[:10] if c.created else ""
    return f"{c.text}" + (f" ({date})" if date else "")


def render_review_docx(case: Case, profile: Profile, *, findings: list | None = None,
                       template: Path | None = None) -> ReviewExport:
    """The DOCX with every open review comment (and optionally findings) as Word comments."""
    data, warnings = render_docx(case, profile, template)
    document = docx.Document(io.BytesIO(data))
    plan, _ = section_plan(case, profile)  # this case's headings: renamed and added ones too
    headings = {item.spec.id: item.heading for item in plan}
    paragraphs = _section_paragraphs(document, headings)
    all_paragraphs = list(document.paragraphs)
    result = ReviewExport(b"", list(warnings))

    def place(section: str, quote_md: str, text: str, author: str, initials: str) -> None:
        scope = paragraphs.get(section) or []
        hit = _find(scope[1:] if scope else [], _plain_words(quote_md)) if quote_md else None
        if hit is None and quote_md:
            hit = _find(all_paragraphs, _plain_words(quote_md))
        if hit is not None:
            p, a, b = hit
            runs = _runs_for(p, a, b)
            if runs:
                document.add_comment(runs, text=text, author=author, initials=initials)
                result.placed += 1
                return
        runs = _heading_runs(scope) or _heading_runs(all_paragraphs)
        if not runs:
            result.warnings.append(f"Kommentaren ”{text[:40]}” kunde inte placeras.")
            return
        if quote_md:
            result.warnings.append(
                f"Den kommenterade texten ”{quote_md[:40]}” finns inte längre; kommentaren "
                "sitter på avsnittets rubrik.")
        document.add_comment(runs, text=text, author=author, initials=initials)
        result.on_heading += 1

    for c in comments(case, open_only=True):
        span = anchor(case, c)
        quote = case.section(c.section)[span[0]:span[1]] if span else c.quote
        place(c.section, quote, _comment_text(c), c.author or "Granskare", c.initials or "G")
    for f in findings or []:
        if f.severity == "tips":
            continue
        quote = case.section(f.section)[f.start:f.end] if f.has_span else ""
        text = f"{f.severity.capitalize()}: {f.message}"
        if f.suggestion:
            text += f" Förslag: {f.suggestion}"
        place(f.section, quote, text, TOOL_AUTHOR, "TD")
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except ValueError as err:
        raise ExportError(f"Granskningsversionen kunde inte sparas: {err}") from err
    result.data = buffer.getvalue()
    return result


def export_review_docx(case: Case, profile: Profile, out: Path | str, *,
                       findings: list | None = None, template: Path | None = None
                       ) -> ReviewExport:
    """Write the review version atomically (same rules as the normal export)."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(f"{out}: filnamnet ska sluta på .docx.")
    if not out.parent.is_dir():
        raise ExportError(f"Mappen {out.parent} finns inte.")
    result = render_review_docx(case, profile, findings=findings, template=template)
    atomic_write(out, lambda fh: fh.write(result.data), keep_backup=False, error_cls=ExportError)
    return result
