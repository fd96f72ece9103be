"""Klarspråk: LIX, long sentences, stiff words, passive without agent, doubled words and verbs.

Språklagen (2009:600) 11 § asks for plain language in public administration. These rules are
advice (tips), except the two edit slips — a word or a verb twice — that reach signed documents.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..resources import resources_dir
from .context import Context
from .findings import DOCUMENT, TIPS, VARNING, Finding, at, whole
from .registry import case_rule, section_rule
from .text import WORD_RE, Analysis, Sentence, analyse, count_lix, lix, lix_band

KLARSPRAK_DIR = resources_dir("klarsprak")
LONG_SENTENCE = 30  # words
LIX_LIMIT = 60.0  # above: "mycket svår" (domain notes)
LIX_MIN_WORDS = 60  # too few words give a meaningless LIX


@dataclass(frozen=True)
class StiffWord:
    forms: tuple[str, ...]
    alternative: str


@lru_cache(maxsize=1)
def stiff_words() -> tuple[dict[str, list[str]], dict[str, StiffWord]]:
    """The stiff-word list from resources/klarsprak/stela_ord.toml: forms by first word, and
    the entry of each form."""
    data = tomllib.loads((KLARSPRAK_DIR / "stela_ord.toml").read_text(encoding="utf-8"))
    by_form: dict[str, StiffWord] = {}
    by_first: dict[str, list[str]] = {}
    for raw in data.get("ord", []):
        entry = StiffWord(tuple(f.lower() for f in raw["former"]), raw["ersatt"])
        for form in entry.forms:
            by_form[form] = entry
            by_first.setdefault(form.split()[0], []).append(form)
    return by_first, by_form


@lru_cache(maxsize=256)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """The forms as one alternation, longest first. The left word boundary is checked by
    :func:`_bounded`: a pattern that starts with literals lets the regex engine skip ahead."""
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                           for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?![\w-])")


_WORD_BEFORE = re.compile(r"[\w-]")


def _first_bounded(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    r"""``pattern.search(text, pos)`` as if the pattern began with ``(?<![\w-])``. Checking the
    boundary here lets the pattern start with literals, so the regex engine skips ahead."""
    before = _WORD_BEFORE.match
    while True:
        m = pattern.search(text, pos)
        if m is None or not m.start() or not before(text, m.start() - 1):
            return m
        pos = m.start() + 1


def _whole_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted spans of ``words`` (letters only) standing alone in ``text``, between characters
    that are not ``[\\w-]``: the matches of ``(?<![\\w-])(?:w1|w2|…)(?![\\w-])``, which never
    overlap. One ``str.find`` pass per word is faster than that alternation on a long text."""
    before = _WORD_BEFORE.match
    spans: list[tuple[int, int]] = []
    for w in words:
        n = len(w)
        i = text.find(w)
        while i != -1:
            if not (i and before(text, i - 1)) and not before(text, i + n):
                spans.append((i, i + n))
            i = text.find(w, i + 1)
        # (from i + 1: a miss inside a longer word may overlap the next real occurrence)
    spans.sort()
    return spans


def _bounded(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``finditer`` for :func:`_first_bounded` (the patterns never match an empty string)."""
    pos = 0
    while (m := _first_bounded(pattern, text, pos)) is not None:
        yield m
        pos = m.end()


@section_rule("klarsprak.stela_ord", "Stela ord och uttryck")
def stiff(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    by_first, by_form = stiff_words()
    present = a.lower_forms & by_first.keys()
    if not present:
        return
    forms = tuple(sorted(f for w in present for f in by_first[w]))
    for m in _bounded(_forms_pattern(forms), a.lower):
        entry = by_form.get(" ".join(m.group().split()))
        if entry is None:
            continue
        found = a.text[m.start():m.end()]
        yield at("klarsprak.stela_ord", TIPS, section, a.text, m.start(), m.end(),
                 f"”{found}” är stelt. Skriv hellre: {entry.alternative}.", entry.alternative)


@section_rule("klarsprak.lang_mening", "Meningar över 30 ord")
def long_sentences(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    if len(a.words) <= LONG_SENTENCE:
        return
    masked = a.masked
    for start, end in a.sentence_spans:
        words = WORD_RE.findall(masked, start, end)
        n = len(words) - sum(map(str.isdigit, words))
        if n > LONG_SENTENCE:
            # the first and last word's positions, without building a Token per word: no word
            # character stands before the first word or after the last one in the sentence
            first = masked.find(words[0], start, end)
            last = masked.rfind(words[-1], start, end) + len(words[-1])
            yield at("klarsprak.lang_mening", TIPS, section, a.text, first, last,
                     f"Meningen har {n} ord. Dela gärna upp den: sikta på "
                     f"högst {LONG_SENTENCE} ord per mening.")


@section_rule("klarsprak.lix", "Läsbarhetsindex (LIX) per avsnitt")
def section_lix(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    words, sentences, long_words = count_lix(a)
    if words < LIX_MIN_WORDS or ctx.is_decision(section):
        return
    value = lix(words, sentences, long_words)
    if value > LIX_LIMIT:
        yield whole("klarsprak.lix", TIPS, section,
                    f"LIX {value:.0f} ({lix_band(value)}). Kortare meningar och färre långa ord "
                    "gör texten lättare att läsa.")


@dataclass(frozen=True)
class LixRow:
    section: str  # section id, or "dokument" for the whole document
    heading: str
    words: int
    value: float
    band: str


def lix_report(ctx: Context) -> list[LixRow]:
    """LIX per text section and for the whole document, for the CLI and the review pane."""
    rows: list[LixRow] = []
    total = [0, 0, 0]
    for sid in ctx.text_section_ids:
        text = ctx.case.section(sid)
        if not text.strip():
            continue
        w, s, lw = count_lix(analyse(text))
        total = [total[0] + w, total[1] + s, total[2] + lw]
        value = lix(w, s, lw)
        rows.append(LixRow(sid, ctx.heading(sid), w, value, lix_band(value)))
    value = lix(*total)
    rows.append(LixRow(DOCUMENT, "Hela dokumentet", total[0], value, lix_band(value)))
    return rows


@case_rule("klarsprak.lix_dokument", "Läsbarhetsindex (LIX) för hela dokumentet")
def document_lix(ctx: Context) -> Iterator[Finding]:
    row = lix_report(ctx)[-1]
    if row.words >= LIX_MIN_WORDS and row.value > LIX_LIMIT:
        yield whole("klarsprak.lix_dokument", TIPS, DOCUMENT,
                    f"Hela dokumentet har LIX {row.value:.0f} ({row.band}). Vanligt för "
                    "myndighetstext är 50–60.")


# ---------------------------------------------------------------- passive without agent

_PASSIVE_EXCEPTIONS = frozenset(
    [
        "vars", "hos", "oss", "ens", "alls", "annars", "tvärs", "förstås", "dags", "tills", "mars",
        "kurs", "resurs", "konkurs", "process", "status", "fokus", "kris", "plats", "bas", "fas",
        "gas", "klass", "mass", "ras", "vas", "glas", "gräs", "is", "bus", "hus", "lås", "kaos",
        "enas", "ännu", "medans", "dels", "bakers", "ofta", "långtifrån", "emellanåt", "förgäves",
        "stundtals", "andras", "någonstans", "ingenstans", "överallt", "tillbakas", "fås", "finns",
        "fanns", "funnits", "hoppas", "hoppades", "lyckas", "lyckades", "lyckats", "minns",
        "mindes", "känns", "kändes", "känts", "syns", "syntes", "synts", "trivs", "trivdes",
        "vistas", "vistades", "umgås", "umgicks", "andas", "låtsas", "åldras", "skäms", "skämdes",
        "brottas", "kräks", "svettas", "töras", "vågas"
    ]
)
_PASSIVE_END = re.compile(
    r"(?:ades|ats|its|tts|rts|eds|des|tes|[öäå]rs|[^aeiouyåäö]ms|vs|ås|gs|[lptdkgv]as|ras|ses|ges)$")
_GENITIVE_END = re.compile(r"(?:ens|ets|nas|arnas|ernas|ornas|ns|iges|ares|ers)$")
_AGENT_RE = re.compile(r"\bav\s+(?:[A-ZÅÄÖ]|kommun|förvaltning|nämnd|styrelse|fullmäktige|"
                       r"de[nt]?\b|personal|chef|medarbetar|motionär|arbetsutskott)",
                       re.IGNORECASE)


_AV_RE = re.compile("[aA][vV]")  # where _AGENT_RE can match: "av" in any case, nothing else


def _has_agent(text: str, start: int, end: int) -> bool:
    """``_AGENT_RE.search(text, start, end)``, tried only where "av" stands: the regex begins
    with \\b and ignores case, so searching with it tries every position of the sentence."""
    pos = start
    while (m := _AV_RE.search(text, pos, end)) is not None:
        if _AGENT_RE.match(text, m.start(), end):
            return True
        pos = m.start() + 1
    return False


@lru_cache(maxsize=8192)
def is_passive(word: str) -> bool:
    """Heuristic: an s-passive form ("genomförs", "beslutades", "anförts"), not a genitive."""
    w = word.lower()
    if len(w) < 4 or not w.isalpha() or word[0].isupper() or w in _PASSIVE_EXCEPTIONS:
        return False
    return bool(_PASSIVE_END.search(w)) and not _GENITIVE_END.search(w)


@section_rule("klarsprak.passiv", "Passiv s-form utan utsagd aktör")
def passive(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    candidates = [w for w in a.word_set if w.endswith("s") and is_passive(w)]
    if not candidates:
        return
    masked = a.masked
    pos = 0
    for start, end in _whole_words(masked, candidates):
        if start < pos:
            continue  # one per sentence is enough advice
        span = a.sentence_at(start)
        # a candidate is letters only, so no occurrence reaches across a sentence boundary
        pos = max(span[1], end)
        if _has_agent(masked, span[0], span[1]):
            continue
        yield at("klarsprak.passiv", TIPS, section, a.text, start, end,
                 f"”{masked[start:end]}” är passiv form utan att det står vem som gör något. "
                 "Säg gärna vem som gör vad.")


# ---------------------------------------------------------------- edit slips

_DOUBLE_OK = frozenset({"det", "ha", "la", "på"})


@section_rule("klarsprak.dubbelord", "Samma ord två gånger i rad")
def doubled_word(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    words = a.lower_words
    doubled = {w for w, nxt in zip(words, words[1:], strict=False)
               if w == nxt and not w.isdigit() and w not in _DOUBLE_OK}
    if not doubled:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, doubled)) +
                         r")([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w-])", re.IGNORECASE)
    for m in pattern.finditer(a.masked):
        yield at("klarsprak.dubbelord", VARNING, section, a.text, m.start(), m.end(),
                 f"”{m.group(3)}” står två gånger i rad.", m.group(1))


_CLAUSE_WORDS = frozenset(
    [
        "och", "samt", "men", "eller", "utan", "att", "som", "när", "där", "då", "eftersom", "om",
        "medan", "fast", "innan", "sedan"
    ])
_VERB_END = re.compile(r"(?:at|it|tt|ade|de|te|ar|er|ör|år|ats|its|tts|es|as)$")
_NOT_VERBS = frozenset(
    [
        "det", "att", "som", "har", "hade", "var", "är", "ska", "kan", "bör", "måste", "vill",
        "får", "för", "efter", "under", "över", "mellan", "inte", "också", "även", "andra", "egen",
        "egna", "sin", "sina", "sitt", "hela", "detta", "dessa", "denna", "deras", "vara"
    ])
_WINDOW = 6


def _clauses(a: Analysis, s: Sentence) -> Iterator[list]:
    clause: list = []
    prev_end = s.start
    for t in s.tokens:
        gap = a.masked[prev_end:t.start]
        if re.search(r"[,;:()–—]", gap) or t.lower in _CLAUSE_WORDS:
            if clause:
                yield clause
            clause = []
            if t.lower in _CLAUSE_WORDS:
                prev_end = t.end
                continue
        clause.append(t)
        prev_end = t.end
    if clause:
        yield clause


def _repeat_candidates(words: list[str], forms: Iterable[str]) -> set[str]:
    """Verb-like words that occur twice within the window: the only ones worth a closer look.

    The verb test runs once per distinct word, and only the positions of verb-like words are
    walked: a Python loop over every word of a long section was most of this rule's time.
    ``forms`` are the distinct words in lower case (from the shared word set)."""
    verbs = {w for w in forms if len(w) >= 4 and w not in _NOT_VERBS and w.isalpha()
             and _VERB_END.search(w)}
    last: dict[str, int] = {}
    out: set[str] = set()
    for i, w in [(i, w) for i, w in enumerate(words) if w in verbs]:
        j = last.get(w)
        if j is not None and 1 < i - j <= _WINDOW:
            out.add(w)
        last[w] = i
    return out


@section_rule("klarsprak.upprepat_verb", "Samma verb två gånger i en sats")
def repeated_verb(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    candidates = _repeat_candidates(a.lower_words, a.lower_forms)
    if not candidates:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, candidates)) + r")(?![\w-])",
                         re.IGNORECASE)
    spans = sorted({a.sentence_at(m.start()) for m in pattern.finditer(a.masked)})
    for span in spans:
        s = a.sentence(*span)
        for clause in _clauses(a, s):
            seen: dict[str, int] = {}
            for i, t in enumerate(clause):
                w = t.lower
                j = seen.get(w)
                if j is not None and w in candidates and 1 < i - j <= _WINDOW:
                    first = clause[j]
                    yield at("klarsprak.upprepat_verb", VARNING, section, a.text, first.start,
                             t.end, f"”{t.text}” står två gånger i samma sats, troligen efter "
                             "en ändring. Ta bort det ena.")
                seen[w] = i
