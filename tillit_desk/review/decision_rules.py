"""Förslag till beslut: the decision chain, one action per point, the profile's style, and — for a
motion — an actual decision on the motion.

The decision is copied word for word into the protocol, so it must stand on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..decision import PRESENT_TO_INF, STYLE_BULLETS, VERBS, split_decision
from ..profiles import STYLE_ATT, STYLE_NUMBERED
from .context import Context
from .findings import FEL, TIPS, VARNING, Finding, at, whole
from .registry import case_rule

_STYLE_NAME = {STYLE_ATT: "att-satser", STYLE_NUMBERED: "numrerade meningar"}
_ATT_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?att\b", re.IGNORECASE | re.MULTILINE)
_NUM_LINE = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+\S", re.MULTILINE)
_JOINERS = re.compile(r"(?:,|\bsamt\b|\boch\b|;)\s*(?:att\s+)?(?:därefter\s+|även\s+|också\s+)?"
                      r"(\w+)", re.IGNORECASE)
_MOTION_OUTCOME = re.compile(
    r"\b(?:bifall\w*|avslå\w*|avslag\w*|anse\w*\s+(?:\w+\s+){0,12}?besvarad|besvarad|"
    r"besvara\w*|avskriv\w*|återremitt\w*)\b", re.IGNORECASE)
_VERB_FORMS = frozenset(VERBS) | frozenset(PRESENT_TO_INF)


def _decision_section(ctx: Context) -> str | None:
    for spec in ctx.sections:
        if spec.kind == "decision":
            return spec.id
    return None


def _point_span(text: str, point: str) -> tuple[int, int]:
    probe = " ".join(point.split()[:4])
    if not probe:
        return 0, 0
    pattern = r"\s+".join(re.escape(w) for w in probe.split())
    m = re.search(pattern, text)
    if not m:
        return 0, 0
    end = text.find("\n", m.start())
    return m.start(), end if end != -1 else len(text.rstrip())


@case_rule("beslut.kedja", "Beslutskedjan finns")
def chain(ctx: Context) -> Iterator[Finding]:
    sid = _decision_section(ctx)
    if sid is None:
        return
    chain_text = ctx.case.document.decision_chain.strip() or ctx.profile.decision_chain.strip()
    if not chain_text:
        yield whole("beslut.kedja", VARNING, sid,
                    "Beslutskedjan saknas: skriv vem som föreslår vad till vem, till exempel "
                    "”Kommunstyrelsen föreslår kommunfullmäktige besluta”.")
        return
    body = ctx.profile.final_body.strip().lower()
    if body and body not in chain_text.lower():
        yield whole("beslut.kedja", TIPS, sid,
                    f"Beslutskedjan nämner inte {ctx.profile.final_body}, som profilen anger som "
                    "beslutande organ.", chain_text)


@case_rule("beslut.punkter", "Förslag till beslut har beslutspunkter i profilens stil")
def points_and_style(ctx: Context) -> Iterator[Finding]:
    sid = _decision_section(ctx)
    if sid is None:
        return
    text = ctx.case.section(sid)
    if not text.strip():
        return  # completeness reports the empty section
    own_style = ctx.case.layout.decision_style  # printed as written (a Word document's own)
    decision = split_decision(text, bullets=own_style == STYLE_BULLETS)
    if not decision.points:
        yield whole("beslut.punkter", FEL, sid,
                    f"{ctx.heading(sid)} saknar beslutspunkter. Skriv varje punkt som en "
                    + ("att-sats (”att avslå motionen”)." if ctx.profile.decision_style == STYLE_ATT
                       else "numrerad mening (”1. Kommunfullmäktige avslår motionen.”)."))
        return
    att_lines = _ATT_LINE.findall(text)
    num_lines = _NUM_LINE.findall(text)
    if att_lines and num_lines:
        yield whole("beslut.punkter", VARNING, sid,
                    f"{ctx.heading(sid)} blandar att-satser och numrerade meningar. Använd "
                    f"{_STYLE_NAME[ctx.profile.decision_style]} genomgående.")
    elif decision.style and decision.style != ctx.profile.decision_style and not own_style:
        yield whole("beslut.punkter", TIPS, sid,
                    f"Punkterna är skrivna som {_STYLE_NAME[decision.style]}, men profilen "
                    f"{ctx.profile.name} använder {_STYLE_NAME[ctx.profile.decision_style]}. "
                    "Exporten skriver om dem; kontrollera resultatet.")


@case_rule("beslut.en_atgard", "En åtgärd per beslutspunkt")
def one_action(ctx: Context) -> Iterator[Finding]:
    sid = _decision_section(ctx)
    if sid is None:
        return
    text = ctx.case.section(sid)
    for n, point in enumerate(split_decision(text).points, 1):
        if re.search(r"\b(?:samt|och)\s+att\s+\w+", point, re.IGNORECASE):
            second = True
        else:
            second = any(m.group(1).lower() in _VERB_FORMS and m.group(1).lower() != "ta"
                         for m in _JOINERS.finditer(point))
        if second:
            start, end = _point_span(text, point)
            yield at("beslut.en_atgard", VARNING, sid, text, start, end,
                     f"Punkt {n} verkar innehålla mer än en åtgärd. Skriv en åtgärd per punkt.")


@case_rule("beslut.motion", "Beslutet tar ställning till motionen")
def decides_motion(ctx: Context) -> Iterator[Finding]:
    sid = _decision_section(ctx)
    if sid is None or ctx.case.motion is None:
        return
    text = ctx.case.section(sid)
    points = split_decision(text).points
    if not points:
        return
    joined = " ".join(points)
    if _MOTION_OUTCOME.search(joined) and re.search(r"\b(?:motion\w*|att-?sats\w*|yrkande\w*)\b",
                                                    joined, re.IGNORECASE):
        return
    yield whole("beslut.motion", FEL, sid,
                f"{ctx.heading(sid)} tar inte ställning till motionen. Skriv om motionen ska "
                "bifallas, avslås eller anses besvarad (eller per att-sats).", joined)


# Outcome words, as a summary or a decision point writes them about the motion.
_OUTCOME_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("besvarad", re.compile(r"\bbesvara(?:d|s|t)\b|\bbesvarar\b", re.IGNORECASE)),
    ("avslag", re.compile(r"\bavsl(?:å|år|ås|ag|agen|ogs|agits)\b", re.IGNORECASE)),
    ("bifall", re.compile(r"\bbifall(?:a|er|s|et|en)?\b|\bbifölls\b", re.IGNORECASE)),
)
_OUTCOME_NAME = {"besvarad": "att motionen anses besvarad", "avslag": "avslag",
                 "bifall": "bifall"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _outcomes(text: str) -> set[str]:
    return {name for name, pattern in _OUTCOME_WORDS if pattern.search(text)}


@case_rule("beslut.sammanfattning", "Sammanfattningen och beslutet säger samma sak om motionen")
def summary_matches_decision(ctx: Context) -> Iterator[Finding]:
    """"Förslaget i korthet" says besvarad while the decision rejects the motion: the reader of
    the summary (often the only part read) gets the wrong decision."""
    sid = _decision_section(ctx)
    summary_spec = ctx.section("sammanfattning")
    if sid is None or summary_spec is None or not ctx.prints_text(summary_spec.id):
        return
    decided = _outcomes(" ".join(p for p in split_decision(ctx.case.section(sid)).points
                                 if re.search(r"\bmotion", p, re.IGNORECASE)))
    if not decided:
        return
    summary = ctx.case.section("sammanfattning")
    for m in _SENTENCE.finditer(summary):
        sentence = m.group(0)
        if not re.search(r"\bmotion", sentence, re.IGNORECASE):
            continue
        if not re.search(r"\bförsl|\bförslag", sentence, re.IGNORECASE):
            continue  # the motion's own yrkanden or history, not the proposal
        said = _outcomes(sentence)
        if said and not said & decided:
            wanted = " och ".join(_OUTCOME_NAME[o] for o in sorted(decided))
            yield at("beslut.sammanfattning", VARNING, "sammanfattning", summary, m.start(),
                     m.end(), f"Sammanfattningen säger {_OUTCOME_NAME[sorted(said)[0]]}, men "
                     f"{ctx.heading(sid)} föreslår {wanted}. Rätta den ena så att de stämmer.")
