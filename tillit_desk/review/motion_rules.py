"""Motion consistency: yrkanden are quoted or referred to; motionärer are named the same way.

Names and parties spelled differently in different sections is one of the mistakes that reach
signed documents; so is an answer that never mentions one of the motion's att-satser.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..case import Motionar
from .context import Context
from .findings import DOCUMENT, MOTION, TIPS, UNDERLAG, VARNING, Finding, at, whole
from .registry import case_rule, section_rule
from .text import LETTERS, Analysis, analyse

_NAME = rf"[A-ZÅÄÖÉ][{LETTERS}'’-]+"
_NAME_PARTY_RE = re.compile(rf"({_NAME}(?:\s+{_NAME}){{1,3}})\s*\(([{LETTERS}]{{1,5}})\)")
_NOT_NAME_START = frozenset([
    "I", "Om", "Av", "För", "Med", "Till", "Från", "Enligt", "Den", "Det", "Att", "Och", "Som"
])


def _identify(full: str, by_name: dict[str, Motionar]) -> tuple[str, Motionar | None, bool]:
    """(name as written, the motionär it is, whether it is spelled differently) for the names
    part of a "Förnamn Efternamn (P)" mention; the motionär is None for someone else."""
    words = full.split()
    suffixes = [" ".join(words[k:]) for k in range(len(words) - 1)]
    name = next((c for c in suffixes if c in by_name), "")
    known = by_name.get(name)
    if known is not None:
        return name, known, False
    for cand in suffixes:
        if cand.split()[0] in _NOT_NAME_START:
            continue
        close = difflib.get_close_matches(cand, list(by_name), n=1, cutoff=0.8)
        if close:
            return cand, by_name[close[0]], True
    return name, None, False


def _check_mentions(motionarer: list[Motionar], text: str, section: str, rule: str
                    ) -> Iterator[Finding]:
    """Every "Förnamn Efternamn (P)" in ``text`` against the motion's list of motionärer.

    The same few names recur hundreds of times in a long text: each is identified once."""
    if not motionarer:
        return
    by_name = {m.name: m for m in motionarer if m.name}
    identified: dict[str, tuple[str, Motionar | None, bool]] = {}
    for match in _NAME_PARTY_RE.finditer(text):
        full, party = match.group(1), match.group(2)
        hit = identified.get(full)
        if hit is None:
            hit = identified[full] = _identify(full, by_name)
        name, known, misspelled = hit
        if known is None:
            continue
        if misspelled:
            offset = match.start(1) + full.rindex(name)
            yield at(rule, VARNING, section, text, offset, offset + len(name),
                     f"”{name}” stavas ”{known.name}” i motionens uppgifter.", known.name)
        if known.party and party != known.party:
            start = match.start(2)
            same_letters = party.lower() == known.party.lower()
            yield at(rule, TIPS if same_letters else VARNING, section, text, start,
                     start + len(party),
                     f"Partiet för {known.name} skrivs ”{party}” här men ”{known.party}” i "
                     "motionens uppgifter.", known.party)


@section_rule("motion.namn", "Motionärernas namn och partier stavas lika överallt")
def names_in_section(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    motion = ctx.case.motion
    if motion is not None:
        yield from _check_mentions(motion.motionarer, a.text, section, "motion.namn")


@case_rule("motion.namn_metadata", "Motionärernas namn i titel och beslutsunderlag")
def names_in_metadata(ctx: Context) -> Iterator[Finding]:
    motion = ctx.case.motion
    if motion is None:
        return
    yield from _check_mentions(motion.motionarer, ctx.case.document.title, DOCUMENT,
                               "motion.namn_metadata")
    for item in ctx.case.underlag:
        for f in _check_mentions(motion.motionarer, item.text, UNDERLAG, "motion.namn_metadata"):
            yield whole(f.rule, f.severity, UNDERLAG, f.message, f.excerpt, f.suggestion)


def _words(text: str) -> list[str]:
    return re.findall(rf"[{LETTERS}0-9]+", text.lower())


# These are searched in the flat text of all sections. The \b before them is checked by
# _at_word_start: a pattern that starts with literals lets the regex engine skip ahead, one that
# starts with \b is tried at every position of a long text.
_REFERS_ALL = re.compile(r"(?:samtliga|alla|varje|båda|de tre|respektive) (?:att ?satser|yrkanden)")
_WORD_CHAR = re.compile(r"\w")


def _at_word_start(pattern: re.Pattern[str], text: str) -> bool:
    r"""Whether ``\b`` + ``pattern`` occurs in ``text`` (every match starts with a letter)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if not m.start() or not _WORD_CHAR.match(text, m.start() - 1):
            return True
        pos = m.start() + 1
    return False


_NOT_WORD = rf"[^{LETTERS}0-9]+"


def _quoted(core: str, lowered: list[str]) -> bool:
    """Whether ``core`` occurs in one section's ``plain_words``, found by one regex search per
    section instead of building the plain words of the whole case (most answers quote every
    yrkande). False means "look at the flat text", not "not quoted": a quote may cross
    sections. In the plain words a word is a run of letters and digits and one space stands
    between words, so the core's inner words must be whole words and the outer ones may be
    the end or the start of one; between them any run of other characters.
    """
    pattern = re.compile(_NOT_WORD.join(map(re.escape, core.split(" "))))
    return any(pattern.search(low) for low in lowered)


def yrkande_core(yrkande: str) -> str:
    """The yrkande without its leading "att" and trailing ", samt" — what a quote must contain."""
    words = _words(yrkande)
    if words and words[0] == "att":
        words = words[1:]
    while words and words[-1] in ("samt", "och"):
        words = words[:-1]
    return " ".join(words)


@case_rule("motion.yrkanden", "Varje yrkande återges eller kommenteras")
def yrkanden_referred(ctx: Context) -> Iterator[Finding]:
    motion = ctx.case.motion
    if motion is None or not motion.yrkanden:
        return
    texts = [ctx.case.section(sid) for sid in ctx.text_section_ids
             if not ctx.is_decision(sid)]
    lowered: list[str] = []
    flat: str | None = None  # built only when a yrkande is not quoted word for word
    refers_all: bool | None = None  # searched when first needed
    for n, yrkande in enumerate(motion.yrkanden, 1):
        core = yrkande_core(yrkande)
        if not core:
            continue
        if not lowered:
            lowered = [t.lower() for t in texts if t]
        if _quoted(core, lowered):
            continue
        if flat is None:
            flat = " ".join(analyse(t).plain_words for t in texts if t)
        if not flat:
            return  # nothing has been reported yet: that needs a non-empty flat text
        if core in flat:
            continue
        words = core.split()
        # a reference: "att-sats 2", "yrkande 2", or most of its content words somewhere
        if _at_word_start(re.compile(rf"(?:att ?sats(?:en)?|yrkande(?:t)?|punkt) {n}\b"), flat):
            continue
        if refers_all is None:
            refers_all = _at_word_start(_REFERS_ALL, flat)
        if refers_all:
            continue
        content = [w for w in words if len(w) > 5]
        found = sum(1 for w in content if w in flat)
        if content and found / len(content) >= 0.7:
            continue
        yield whole("motion.yrkanden", VARNING, MOTION,
                    f"Yrkande {n} återges inte och kommenteras inte i Sammanfattning eller "
                    "Ärendet.", yrkande)
