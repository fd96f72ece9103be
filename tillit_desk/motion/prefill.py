"""Fill a case from an imported motion, using the profile's own phrases (Jinja2 snippets).

The officer may import into a case that already has text. A section is only (re)written when it
is empty or still holds exactly the draft an earlier import produced; anything the officer wrote
is kept and reported, never overwritten.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from ..case import PURPOSE_KANNEDOM, Case, Motion, Recipient, UnderlagItem, motionarer_text
from ..decision import OUTCOME_BESVARAD, build_decision
from ..errors import TemplateError
from ..newcase import new_case
from ..phrases import case_context, render_snippet
from ..profiles import Profile

# Used when a profile has no phrase of its own for the section (same text as the generic profile).
DEFAULT_SUMMARY = (
    "{{ motionarer }} har den {{ motion.submitted | datum }} lämnat en motion "
    "”{{ motion.title }}”. I motionen yrkar motionärerna:\n\n"
    "{% for y in yrkanden %}- {{ y }}\n{% endfor %}"
)
DEFAULT_ARENDET = (
    "{{ motionarer }} har den {{ motion.submitted | datum }} lämnat en motion "
    "”{{ motion.title }}”.\n\nMotionärerna yrkar:\n\n{% for y in yrkanden %}- {{ y }}\n{% endfor %}"
)
SUMMARY_LABEL = "Motionen i korthet"
ARENDET_LABEL = "Motionen återges"
BAKGRUND_LABEL = "Underrubrik Bakgrund"
RECIPIENT = "Motionärerna"
MISSING_DATE = "[datum saknas]"
MISSING_NAMES = "[motionärer saknas]"
MISSING_TITLE = "[rubrik saknas]"
UNDERLAG_MARK = "kalla"  # extra key on the underlag item this import added
SECTION_NAMES = {"sammanfattning": "Sammanfattning", "arendet": "Ärendet",
                 "forslag_till_beslut": "Förslag till beslut"}

_MD_SPECIAL = re.compile(r"([\\*_])")


@dataclass
class PrefillResult:
    """What the import changed and what it left alone, in Swedish for the user."""

    case: Case
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def md_escape(text: str) -> str:
    """Section text is Markdown: a "*" or "_" in an att-sats must print as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def has_motion_data(case: Case) -> bool:
    """True when replacing the case's motion would lose something (ask the user first)."""
    m = case.motion
    return m is not None and bool(m.title or m.submitted or m.addressed_to or m.motionarer
                                  or m.yrkanden)


def underlag_text(motion: Motion) -> str:
    """The Beslutsunderlag line in the seed's form: "Motion från A (V) och B (S) – Rubrik"."""
    names = motionarer_text(motion)
    head = f"Motion från {names}" if names else "Motion"
    return f"{head} – {motion.title}" if motion.title else head


def _phrase(profile: Profile, section_id: str, label: str, default: str) -> str:
    spec = profile.section(section_id)
    if spec is None:
        return default
    for phrase in spec.phrases:
        if phrase.label == label:
            return phrase.text
    return default


def phrase_context(case: Case) -> dict:
    """The names a standard phrase sees, with missing motion data marked as the import marks
    it ("[datum saknas]") and Markdown characters escaped: the window's phrases and the
    import fill the same text the same way."""
    if case.motion is None:
        return case_context(case)
    return _context(case, case.motion)


def _context(case: Case, motion: Motion) -> dict:
    probe = copy.copy(case)
    probe.motion = motion
    ctx = case_context(probe)
    shown = dict(ctx["motion"])
    shown["title"] = md_escape(motion.title) or MISSING_TITLE
    shown["submitted"] = motion.submitted or MISSING_DATE
    ctx["motion"] = shown
    ctx["motionarer"] = md_escape(ctx["motionarer"]) or MISSING_NAMES
    ctx["yrkanden"] = [md_escape(y) for y in motion.yrkanden]
    return ctx


def _render(snippet: str, default: str, ctx: dict, what: str, warnings: list[str]) -> str:
    try:
        return render_snippet(snippet, ctx, what)
    except TemplateError as err:
        if snippet == default:
            raise
        warnings.append(f"{err} Standardtexten användes i stället.")
        return render_snippet(default, ctx, what)


def motion_drafts(case: Case, motion: Motion, profile: Profile,
                  warnings: list[str] | None = None) -> dict[str, str]:
    """Section id → draft text for this motion in this profile."""
    warnings = [] if warnings is None else warnings
    ctx = _context(case, motion)
    summary = _phrase(profile, "sammanfattning", SUMMARY_LABEL, DEFAULT_SUMMARY)
    arendet = _phrase(profile, "arendet", ARENDET_LABEL, DEFAULT_ARENDET)
    drafts = {
        "sammanfattning": _render(summary, DEFAULT_SUMMARY, ctx,
                                  "Standardfrasen ”Motionen i korthet”", warnings).strip() + "\n",
        "arendet": _render(arendet, DEFAULT_ARENDET, ctx,
                           "Standardfrasen ”Motionen återges”", warnings).strip() + "\n",
        "forslag_till_beslut": build_decision(motion, OUTCOME_BESVARAD, profile),
    }
    heading = _phrase(profile, "arendet", BAKGRUND_LABEL, "")
    if heading.strip().startswith("#"):
        drafts["arendet"] = f"{heading.strip()}\n\n{drafts['arendet']}"
    return {sid: text for sid, text in drafts.items()
            if profile.section(sid) is not None or sid in case.sections}


def prefill_case(motion: Motion, profile: Profile, case: Case | None = None) -> PrefillResult:
    """Put the motion into ``case`` (a new case when None) and draft the motion's sections.

    The caller asks the user before calling this on a case where ``has_motion_data`` is true.
    """
    case = case if case is not None else new_case(profile)
    motion = copy.deepcopy(motion)
    result = PrefillResult(case)
    old = case.motion
    old_drafts = motion_drafts(case, old, profile) if old is not None else {}
    drafts = motion_drafts(case, motion, profile, result.warnings)

    case.motion = motion
    result.changed.append("Motionen (rubrik, datum, motionärer och yrkanden)")
    for sid, text in drafts.items():
        current = case.sections.get(sid, "")
        name = SECTION_NAMES.get(sid, sid)
        if not current.strip() or current.strip() == old_drafts.get(sid, "").strip():
            case.sections[sid] = text
            result.changed.append(f"{name}: utkast ur motionen")
        elif current.strip() != text.strip():
            result.kept.append(f"{name} har egen text och ändrades inte. Standardfraserna för "
                               f"avsnittet kan infoga motionens text.")

    # Beslutsunderlag: the motion with its date, replacing what an earlier import added
    old_text = underlag_text(old) if old is not None else None
    kept_items = [u for u in case.underlag
                  if u.extra.get(UNDERLAG_MARK) != "motion" and u.text != old_text]
    item = UnderlagItem(underlag_text(motion), motion.submitted,
                        extra={UNDERLAG_MARK: "motion"})
    case.underlag = kept_items + [item]
    result.changed.append(f"Beslutsunderlag: {item.text}"
                          + (f" {item.date}" if item.date else ""))

    if not any(r.name.strip().lower() == RECIPIENT.lower() for r in case.skickas_till):
        case.skickas_till.append(Recipient(RECIPIENT, PURPOSE_KANNEDOM))
        result.changed.append("Beslutet skickas till: Motionärerna för kännedom")

    title = underlag_text(motion)
    if not case.document.title.strip() or (old is not None
                                            and case.document.title == underlag_text(old)):
        case.document.title = title
        result.changed.append(f"Ärendemening: {title}")
    return result


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


_GENERIC_WORDS = {"kommun", "stad", "region", "landsting", "kommunfullmäktige",
                  "regionfullmäktige", "fullmäktige", "i", "till"}


def guess_profile_id(addressed_to: str, profiles: list[Profile]) -> str | None:
    """The profile whose organisation the motion is addressed to ("Lunds kommunfullmäktige" →
    Lunds kommun), or None when no profile matches exactly one organisation."""
    words = {_stem(w) for w in re.findall(r"[\wåäöÅÄÖ-]+", addressed_to)} - _GENERIC_WORDS
    if not words:
        return None
    hits = []
    for profile in profiles:
        org = {_stem(w) for w in re.findall(r"[\wåäöÅÄÖ-]+", profile.organisation)}
        org -= _GENERIC_WORDS
        if org and org <= words:
            hits.append(profile.id)
    return hits[0] if len(hits) == 1 else None
