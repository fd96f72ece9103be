"""Section Markdown as plain text with the same offsets, split into words and sentences once.

Rules must report spans in the Markdown the editor holds, so instead of rendering the text we
blank out the markup characters (``###``, list markers, ``**``, table pipes) with spaces. Every
offset in the masked text is then an offset in the original. The analysis is cached per text,
which is what makes re-checking one edited section cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"
WORD_RE = re.compile(rf"[{LETTERS}0-9]+(?:[-'’][{LETTERS}0-9]+)*")
_HEADING_RE = re.compile(r"^( {0,3})(#{1,6})(\s+|$)", re.MULTILINE)
_LIST_RE = re.compile(r"^([ \t]*)([-*+]|\d{1,3}[.)])(\s+)", re.MULTILINE)
_EMPH_RE = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE)
_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])")

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "bl.a", "t.ex", "m.m", "dvs", "d.v.s", "s.k", "o.s.v", "osv", "kap", "p", "ca", "jfr",
        "resp", "st", "nr", "tel", "f.d", "m.fl", "fr.o.m", "t.o.m", "enl", "prop", "bet", "dnr",
        "sid", "s", "ang", "mfl", "mm", "etc", "kl"
    ]
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]  # word tokens (letters or digits)


@dataclass(frozen=True)
class Analysis:
    """Everything the text rules share about one section text."""

    text: str  # the original Markdown
    masked: str  # same length, markup replaced by spaces
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]

    @property
    def word_count(self) -> int:
        return len(self.tokens)


def mask_markup(text: str) -> str:
    """Replace Markdown markup by spaces; the result has exactly the same length."""
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _HEADING_RE.finditer(text):
        blank(m.start(2), m.end(2))
    for m in _LIST_RE.finditer(text):
        blank(m.start(2), m.end(2))
    for m in _TABLE_SEP_RE.finditer(text):
        blank(m.start(), m.end())
    if "|" in text:
        for i, ch in enumerate(chars):
            if ch == "|":
                chars[i] = " "
    if "*" in text or "_" in text:
        for m in _EMPH_RE.finditer(text):
            blank(m.start(), m.end())
    if "\\" in text:
        for m in _ESCAPE_RE.finditer(text):
            blank(m.start(), m.end())
    return "".join(chars)


_BLOCK_BREAK_RE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|\|))")
_END_RE = re.compile(r"[.!?]+(?=[\s”\"'»)]*(?:\s|$))")


def _sentence_bounds(text: str, masked: str) -> list[tuple[int, int]]:
    """Sentences end at . ! ? (not after an abbreviation), at blank lines, headings and items."""
    cuts: set[int] = {0, len(text)}
    for m in _BLOCK_BREAK_RE.finditer(text):
        cuts.add(m.start())
    for line in re.finditer(r"^[ \t]*#{1,6}\s.*$", text, re.MULTILINE):
        cuts.add(line.end())
    for m in _END_RE.finditer(masked):
        word = re.search(r"([\w.]+)$", masked[max(0, m.start() - 12): m.start()])
        if m.group() == "." and word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            # "5 kap. 35 §", "bl.a. så": not an end unless a capital letter follows
            nxt = re.match(r"\s*(\S)", masked[m.end(): m.end() + 20])
            if not nxt or not nxt.group(1).isupper():
                continue
        cuts.add(m.end())
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if masked[a:b].strip()]


@lru_cache(maxsize=256)
def analyse(text: str) -> Analysis:
    """Mask, tokenise and split one section text. Cached: the checks ask for it many times."""
    masked = mask_markup(text)
    tokens = tuple(Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(masked))
    sentences: list[Sentence] = []
    i = 0
    for a, b in _sentence_bounds(text, masked):
        while i < len(tokens) and tokens[i].start < a:
            i += 1
        j = i
        while j < len(tokens) and tokens[j].end <= b:
            j += 1
        if j > i:
            sentences.append(Sentence(a, b, tokens[i:j]))
        i = j
    return Analysis(text, masked, tokens, tuple(sentences))


def excerpt(text: str, start: int, end: int, width: int = 30) -> str:
    """The flagged text, or a short window around an empty span, on one line."""
    snippet = text[start:end] if end > start else text[max(0, start - width):start + width]
    return " ".join(snippet.split())


def lix(words: int, sentences: int, long_words: int) -> float:
    """LIX = words/sentences + 100 × long words/words (long = more than six letters)."""
    if not words or not sentences:
        return 0.0
    return words / sentences + 100.0 * long_words / words


def lix_band(value: float) -> str:
    """The reading band of a LIX value (domain notes, Klarspråk)."""
    if value < 30:
        return "mycket lättläst"
    if value < 40:
        return "lättläst"
    if value < 50:
        return "medelsvår"
    if value < 60:
        return "svår"
    return "mycket svår"


def count_lix(analysis: Analysis) -> tuple[int, int, int]:
    """(words, sentences, long words) of a text, for per-section and whole-document LIX."""
    words = [t for t in analysis.tokens if not t.text.isdigit()]
    long_words = sum(1 for t in words if sum(ch.isalpha() for ch in t.text) > 6)
    return len(words), len(analysis.sentences), long_words
