"""The drafting steps a window walks through, each with a state and a word count.

Steps: Ärendeuppgifter, Motion (motion cases only), the case's sections in order (the profile's
as this case shapes them: ``section_layout.case_sections``), then
Granska och exportera. States are "tom" (nothing written), "påbörjad" and "klar". Deliberately
free of the Markdown parser, so the first window can show the steps before markdown-it loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import profiles as P
from .case import Case
from .profiles import Profile
from .section_layout import case_sections

EMPTY = "tom"
STARTED = "påbörjad"
DONE = "klar"

STEP_CASE = "__case__"
STEP_MOTION = "__motion__"
STEP_REVIEW = "__review__"

_SENTENCE_END = re.compile(r"[.!?:”\")]\s*$")


@dataclass(frozen=True)
class Step:
    """One row of the step list: a section or page, its state and word count."""

    id: str  # section id, or one of the STEP_* ids
    label: str
    kind: str  # "case", "motion", "review" or a profile section kind
    state: str = EMPTY
    words: int = 0
    required: bool = False

    @property
    def missing(self) -> bool:
        """A required step with nothing in it: the navigator makes it stand out."""
        return self.required and self.state == EMPTY


def count_words(text: str) -> int:
    """Words in Markdown source: markers such as ``###`` and ``-`` have no letters, so don't
    count; the same rule as ``markup.word_count``."""
    return sum(1 for w in text.split() if w.isalnum() or any(ch.isalnum() for ch in w))


def text_state(text: str) -> str:
    """Klar once the text ends like a finished sentence; a lone subheading is only begun."""
    stripped = text.strip()
    if not count_words(stripped):
        return EMPTY
    last_line = stripped.splitlines()[-1].lstrip()
    # "**Slutet.**": the emphasis markers after the full stop are not part of the sentence
    if last_line.startswith("#") or not _SENTENCE_END.search(last_line.rstrip("*_ ")):
        return STARTED
    return DONE


def _share(filled: int, total: int) -> str:
    if filled == 0:
        return EMPTY
    return DONE if filled >= total else STARTED


def case_step(case: Case, profile: Profile, check_patterns: bool = True) -> Step:
    """``check_patterns=False``: a diarienummer counts as given without running the profile's
    pattern (the window's first paint does not wait for the ``regex`` import, ~7 ms; it
    builds the steps again right after)."""
    doc = case.document
    checks = [bool(doc.title.strip()),
              bool(doc.diarienummer.strip()) and (not check_patterns
                                                  or profile.diarienummer_ok(doc.diarienummer)),
              bool(doc.date.strip()), bool(doc.handlaggare.name.strip())]
    words = count_words(" ".join([doc.title, doc.diarienummer, doc.handlaggare.name]))
    return Step(STEP_CASE, "Ärendeuppgifter", "case", _share(sum(checks), len(checks)), words,
                True)


def motion_step(case: Case) -> Step | None:
    motion = case.motion
    if motion is None:
        return None
    checks = [bool(motion.title.strip()), bool(motion.motionarer), bool(motion.yrkanden)]
    words = count_words(" ".join([motion.title, *motion.yrkanden]))
    return Step(STEP_MOTION, "Motion", "motion", _share(sum(checks), len(checks)), words, True)


def section_step(case: Case, spec: P.SectionSpec) -> Step:
    if spec.holds_text:
        text = case.section(spec.id)
        return Step(spec.id, spec.heading, spec.kind, text_state(text), count_words(text),
                    spec.required)
    if spec.kind == P.UNDERLAG:
        items = [u.text for u in case.underlag if u.text.strip()]
        state = DONE if items else EMPTY
    elif spec.kind == P.BESLUTSPLANERING:
        items = [f"{m.body} {m.date}" for m in case.beslutsplanering if m.body.strip()]
        state = DONE if items else EMPTY
    elif spec.kind == P.SKICKAS_TILL:
        items = [r.name for r in case.skickas_till if r.name.strip()]
        state = DONE if items else EMPTY
    else:  # signatures: every listed person needs a name
        items = [s.name for s in case.signatories if s.name.strip()]
        state = _share(len(items), max(1, len(case.signatories)))
    return Step(spec.id, spec.heading, spec.kind, state, count_words(" ".join(items)),
                spec.required)


def build_steps(case: Case, profile: Profile, check_patterns: bool = True) -> list[Step]:
    steps = [case_step(case, profile, check_patterns)]
    motion = motion_step(case)
    if motion is not None:
        steps.append(motion)
    marked = set(case.layout.not_relevant)
    for spec in case_sections(case, profile):  # this case's order and headings
        step = section_step(case, spec)
        if spec.id in marked:
            step = replace(step, label=f"{step.label} (inte relevant)")
        steps.append(step)
    steps.append(Step(STEP_REVIEW, "Granska och exportera", "review", EMPTY, 0, False))
    return steps
