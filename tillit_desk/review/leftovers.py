"""Leftover template text: guidance, placeholders and help texts that must not reach the nämnd.

The most common mistake in signed documents is the template's own guidance left in place
("[Här kommer ... Du behöver inte skriva något under denna rubrik.]").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..profiles import Profile
from .context import Context
from .findings import FEL, VARNING, Finding, at
from .registry import section_rule
from .text import Analysis, letter_runs

_GUIDANCE_RE = re.compile(
    r"\[\s*(?:Här|Skriv|Ange|Fyll|Beskriv|Lägg|Infoga|Redogör|Sammanfatta|Klistra|Text|Rubrik"
    r"|Namn|Datum|Dnr|Diarienummer|Välj)\b[^\]\n]{0,400}\]"
    r"|\[[^\]\n]{0,400}(?:\.\.\.|…)[^\]\n]{0,400}\]",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = re.compile(r"(?<![\w/-])(?:XX+|xx+(?=\b)|X{2,}-X+|ÅÅÅÅ-MM-DD|YYYY-MM-DD)"
                             r"(?![\w/])")
# one search for any of the strings the placeholder patterns need, instead of one per string
_PLACEHOLDER_HINT = re.compile("XX|xx|ÅÅÅÅ|YYYY|TODO|FIXME|TBD")
_TODO_RE = re.compile(r"\b(?:TODO|FIXME|TBD)\b")
_LOREM_RE = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_JINJA_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@section_rule("mall.vagledning", "Mallens vägledningstext i hakparentes")
def guidance(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    if "[" not in a.text:
        return
    for m in _GUIDANCE_RE.finditer(a.text):
        yield at("mall.vagledning", FEL, section, a.text, m.start(), m.end(),
                 "Mallens vägledningstext står kvar. Ta bort den eller ersätt den med egen text.")


@section_rule("mall.platshallare", "Platshållare som XX, TODO och Lorem ipsum")
def placeholders(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    text = a.text
    if _PLACEHOLDER_HINT.search(text) is None and "ipsum" not in a.lower:
        return
    for m in _PLACEHOLDER_RE.finditer(a.text):
        yield at("mall.platshallare", FEL, section, a.text, m.start(), m.end(),
                 f"Platshållaren ”{m.group()}” är inte ifylld.")
    for m in _TODO_RE.finditer(a.text):
        yield at("mall.platshallare", FEL, section, a.text, m.start(), m.end(),
                 f"”{m.group()}” är en anteckning som inte ska stå i en färdig handling.")
    for m in _LOREM_RE.finditer(a.text):
        yield at("mall.platshallare", FEL, section, a.text, m.start(), m.end(),
                 "Blindtext (”Lorem ipsum”) står kvar.")


@section_rule("mall.jinja", "Ej ifyllda malltaggar ({{ … }}, {% … %})")
def jinja_tags(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    if "{" not in a.text:
        return
    for m in _JINJA_RE.finditer(a.text):
        yield at("mall.jinja", FEL, section, a.text, m.start(), m.end(),
                 "En malltagg är inte ifylld och skulle skrivas ut som den står.")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[”“\"'*#]", "", text).split()).lower()


@lru_cache(maxsize=32)
def _profile_sentences(profile: Profile) -> tuple[tuple[str, str, str], ...]:
    """(normalised sentence, kind, section id) for every help and example sentence of the
    profile (the heading is the case's, looked up when a finding is made)."""
    out: list[tuple[str, str, str]] = []
    for spec in profile.sections:
        for kind, text in (("hjälptext", spec.help), ("exempeltext", spec.example)):
            for sentence in re.split(r"(?<=[.!?:])\s+", text):
                norm = _norm(sentence)
                if len(norm.split()) >= 6:
                    out.append((norm, kind, spec.id))
    return tuple(out)


@lru_cache(maxsize=512)
def _sentence_pattern(norm: str) -> re.Pattern[str]:
    return re.compile(r"[\s”“\"']+".join(re.escape(w) for w in norm.split()))


@lru_cache(maxsize=512)
def _probe_words(norm: str) -> tuple[str, ...]:
    """The sentence's three longest words, longest first: each is a substring search of the
    whole section, and the longest is the likeliest to be missing, which ends the test."""
    return tuple(reversed(sorted(norm.split(), key=len)[-3:]))


@section_rule("mall.hjalptext", "Profilens hjälp- eller exempeltext inklistrad")
def pasted_help(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    sentences = _profile_sentences(ctx.profile)
    if not sentences:
        return
    low = a.lower
    vocabulary = a.vocabulary
    for norm, kind, sid in sentences:
        probes = _probe_words(norm)
        if vocabulary is not None and not all(
                run in vocabulary for w in probes for run in letter_runs(w)):
            continue  # a word of the sentence is not in the text at all (see Analysis)
        if not all(w in low for w in probes):
            continue
        m = _sentence_pattern(norm).search(low)
        if m is None:
            continue
        start, end = m.start(), m.end()
        yield at("mall.hjalptext", FEL, section, a.text, start, end,
                 f"Texten är kopierad från profilens {kind}en för ”{ctx.heading(sid)}”. "
                 "Skriv ärendets egen text.")


@section_rule("mall.exempelnamn", "Exempelnamn från profilens exempeltext")
def example_names(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    for name in ("Anna Andersson", "Bo Berg", "Exempels kommun"):
        for m in re.finditer(re.escape(name), a.text):
            yield at("mall.exempelnamn", VARNING, section, a.text, m.start(), m.end(),
                     f"”{name}” är ett exempelnamn från mallen.")
