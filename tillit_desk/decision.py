"""Förslag till beslut: decision points, the two house styles, and the motion-answer builder.

Two styles exist in Swedish municipalities: att-satser ("att avslå motionen") after the decision
chain, and numbered independent sentences ("1. Kommunfullmäktige avslår motionen."). A case may be
written in one and exported with a profile that wants the other, so points are converted with a
small table of decision verbs; a point we cannot convert safely is kept as written and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .case import Motion, motionarer_text
from .markup import ListBlock, Paragraph, parse_blocks, plain_text
from .profiles import STYLE_ATT, STYLE_NUMBERED, Profile

STYLE_BULLETS = "bullets"  # a case's own style only (layout.decision_style); no profile's

# infinitive -> present tense, for the verbs real decisions use
VERBS: dict[str, str] = {
    "anse": "anser", "avslå": "avslår", "bifalla": "bifaller", "godkänna": "godkänner",
    "anta": "antar", "uppdra": "uppdrar", "ge": "ger", "fastställa": "fastställer",
    "notera": "noterar", "lägga": "lägger", "överlämna": "överlämnar",
    "återremittera": "återremitterar", "besvara": "besvarar", "avsätta": "avsätter",
    "tillstyrka": "tillstyrker", "avstyrka": "avstyrker", "upphäva": "upphäver",
    "bevilja": "beviljar", "ta": "tar", "delegera": "delegerar", "utse": "utser",
    "entlediga": "entledigar", "välja": "väljer", "revidera": "reviderar",
    "besluta": "beslutar", "anvisa": "anvisar", "tillföra": "tillför", "avge": "avger",
    "tillsätta": "tillsätter", "hänskjuta": "hänskjuter", "förklara": "förklarar",
    "överlåta": "överlåter", "lämna": "lämnar", "avskriva": "avskriver", "yttra": "yttrar",
}
PRESENT_TO_INF = {v: k for k, v in VERBS.items()}

OUTCOME_BESVARAD = "besvarad"
OUTCOME_AVSLA = "avsla"
OUTCOME_BIFALLA = "bifalla"
OUTCOME_PARTIAL = "delvis"
OUTCOMES = {
    OUTCOME_BESVARAD: "Anse motionen besvarad",
    OUTCOME_AVSLA: "Avslå motionen",
    OUTCOME_BIFALLA: "Bifalla motionen",
    OUTCOME_PARTIAL: "Per att-sats (bifalla vissa, avslå resten)",
}

_ATT = re.compile(r"^\s*att\b\s*", re.IGNORECASE)
_TRAIL = re.compile(r"(\s*(,|;|\.)?\s*(samt|och)?\s*)$", re.IGNORECASE)


@dataclass
class DecisionText:
    """The Förslag till beslut section split into parts the writers print differently."""

    intro: list = field(default_factory=list)  # blocks before the first point (chain etc.)
    points: list[str] = field(default_factory=list)  # point texts, without "att" or numbering
    style: str = ""  # the style the text was written in ("" when it has no points)
    after: list = field(default_factory=list)  # blocks after the points
    # the points as written (their own punctuation, "att" of a bulleted att-sats kept), for a
    # case that prints its points in its own style (layout.decision_style)
    written: list[str] = field(default_factory=list)


def _strip_point(text: str) -> str:
    text = " ".join(text.split())
    return _TRAIL.sub("", text).strip()


def split_decision(text: str, bullets: bool = False) -> DecisionText:
    """Find the decision points: att-paragraphs, att-lines or a numbered list; with
    ``bullets`` (a case whose points are bulleted, layout.decision_style) a bulleted list."""
    result = DecisionText()
    for block in parse_blocks(text):
        if isinstance(block, Paragraph):
            lines = plain_text(block.spans).split("\n")
            if _ATT.match(lines[0]):
                # "att ..." may run over several lines: a new point starts at each "att"
                for line in lines:
                    if _ATT.match(line):
                        result.points.append(_ATT.sub("", line, count=1))
                    elif result.points:
                        result.points[-1] += " " + line
                result.style = result.style or STYLE_ATT
                continue
        elif isinstance(block, ListBlock):
            items = [plain_text(i.spans) for i in block.items]
            if bullets and not block.ordered:
                result.points.extend(items)  # as written, "att" and all
                result.style = result.style or STYLE_BULLETS
                continue
            if block.ordered or all(_ATT.match(i) for i in items):
                for item in items:
                    is_att = _ATT.match(item) is not None
                    result.points.append(_ATT.sub("", item, count=1) if is_att else item)
                    result.style = result.style or (STYLE_ATT if is_att else STYLE_NUMBERED)
                continue
        (result.after if result.points else result.intro).append(block)
    result.written = [" ".join(p.split()) for p in result.points]
    result.points = [_strip_point(p) for p in result.points]
    return result


def _body_subject(profile: Profile) -> str:
    return profile.final_body or "Kommunfullmäktige"


def att_to_sentence(point: str, subject: str) -> str | None:
    """"anse motionen besvarad" -> "Kommunfullmäktige anser motionen besvarad." (None if unsure)."""
    words = point.split(" ", 1)
    verb = words[0].lower()
    if verb not in VERBS:
        return None
    rest = f" {words[1]}" if len(words) > 1 else ""
    return f"{subject} {VERBS[verb]}{rest}."


def sentence_to_att(point: str) -> str | None:
    """"Kommunfullmäktige avslår motionen." -> "avslå motionen" (None if unsure)."""
    words = point.split()
    for i, word in enumerate(words[:4]):
        if word.lower() in PRESENT_TO_INF and i > 0 and words[0][:1].isupper():
            return " ".join([PRESENT_TO_INF[word.lower()], *words[i + 1:]]).rstrip(".")
    return None


@dataclass
class StyledPoints:
    points: list[str]  # final text of each point, in the target style (without "att"/number)
    warnings: list[str]


_FULLMAKTIGE = re.compile(r"^(\w*fullmäktige)\b", re.IGNORECASE)


def _own_body(point: str, subject: str, n: int, warnings: list[str]) -> str:
    """A numbered point whose subject is another organisation's fullmäktige (a case written for
    a municipality, exported with a region's profile) gets the profile's body, with a note."""
    m = _FULLMAKTIGE.match(point)
    if m is None or not subject.lower().endswith("fullmäktige"):
        return point
    if m.group(1).lower() == subject.lower():
        return point
    warnings.append(f"Förslag till beslut, punkt {n}: ”{m.group(1)}” skrevs om till ”{subject}” "
                    "enligt profilen.")
    return subject + point[m.end():]


def restyle(decision: DecisionText, profile: Profile) -> StyledPoints:
    """Express the points in the profile's style; keep and report what cannot be converted."""
    target = profile.decision_style
    out: list[str] = []
    warnings: list[str] = []
    subject = _body_subject(profile)
    for n, point in enumerate(decision.points, 1):
        if decision.style == target == STYLE_NUMBERED and point:
            point = _own_body(point, subject, n, warnings)
        if decision.style == target or not point:
            converted: str | None = point
        elif target == STYLE_NUMBERED:
            converted = att_to_sentence(point, _body_subject(profile))
        else:
            converted = sentence_to_att(point)
        if converted is None:
            warnings.append(
                f"Förslag till beslut, punkt {n}: kunde inte skrivas om till profilens stil "
                f"({'numrerade meningar' if target == STYLE_NUMBERED else 'att-satser'}); "
                "punkten skrivs ut som den står."
            )
            converted = point
        out.append(converted)
    if target == STYLE_ATT:
        out = [p.rstrip(".") for p in out]
        out = [p + ("." if i == len(out) - 1 else ",") for i, p in enumerate(out)]
    else:
        out = [p if p.endswith((".", "!", "?")) else p + "." for p in out]
    return StyledPoints(out, warnings)


def motion_reference(motion: Motion) -> str:
    names = motionarer_text(motion)
    title = f"”{motion.title}”" if motion.title else ""
    if names and title:
        return f"motionen {title} från {names}"
    return f"motionen {title}".strip() if title else "motionen"


def build_decision(
    motion: Motion, outcome: str, profile: Profile, approved: list[bool] | None = None
) -> str:
    """Generate Förslag till beslut (Markdown) for a motion answer in the profile's style."""
    if outcome == OUTCOME_PARTIAL:
        approved = list(approved or [])
        approved += [False] * (len(motion.yrkanden) - len(approved))
        yes = [i + 1 for i, ok in enumerate(approved[: len(motion.yrkanden)]) if ok]
        if not yes:
            outcome = OUTCOME_AVSLA
        elif len(yes) == len(motion.yrkanden):
            outcome = OUTCOME_BIFALLA
    ref = motion_reference(motion)
    if outcome == OUTCOME_BESVARAD:
        points = [f"anse {ref} vara besvarad med hänvisning till vad som anförts i ärendet"]
    elif outcome == OUTCOME_AVSLA:
        points = [f"avslå {ref}"]
    elif outcome == OUTCOME_BIFALLA:
        points = [f"bifalla {ref}"]
    elif outcome == OUTCOME_PARTIAL:
        nums = " och ".join(str(n) for n in yes)
        word = "att-sats" if len(yes) == 1 else "att-satserna"
        points = [f"bifalla {ref} vad gäller {word} {nums}", "i övrigt avslå motionen"]
    else:
        raise ValueError(f"okänt beslutsutfall: {outcome}")
    if profile.decision_style == STYLE_ATT:
        body = [f"att {p}{'.' if i == len(points) - 1 else ','}" for i, p in enumerate(points)]
        return "\n\n".join(body) + "\n"
    subject = _body_subject(profile)
    sentences = []
    for p in points:
        if p.startswith("i övrigt "):
            verb, rest = p[len("i övrigt "):].split(" ", 1)
            # as protocols write it: "bifaller motionen vad gäller … och avslår motionen i övrigt"
            sentences.append(f"{subject} {VERBS[verb]} {rest} i övrigt.")
        else:
            sentences.append(att_to_sentence(p, subject) or p)
    return "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, 1)) + "\n"
