"""Section Markdown as plain text with the same offsets, split into words and sentences once.

Rules must report spans in the Markdown the editor holds, so instead of rendering the text we
blank out the markup characters (``###``, list markers, ``**``, table pipes) with spaces. Every
offset in the masked text is then an offset in the original. The analysis is cached per text,
which is what makes re-checking one edited section cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import NamedTuple

from ..textcache import text_cache

LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"
WORD_RE = re.compile(rf"[{LETTERS}0-9]+(?:[-'’][{LETTERS}0-9]+)*")
_HEADING_BODY = r"( {0,3})(#{1,6})(\s+|$)"
_LIST_BODY = r"([ \t]*)([-*+]|\d{1,3}[.)])(\s+)"
_HEADING_RE = re.compile("^" + _HEADING_BODY, re.MULTILINE)
_LIST_RE = re.compile("^" + _LIST_BODY, re.MULTILINE)
# a newline followed by a line that matches: found by scanning for newlines, not by trying ^ at
# every position of the text (see _line_sub)
_NL_HEADING_RE = re.compile(rf"\n(?={_HEADING_BODY})", re.MULTILINE)
_NL_LIST_RE = re.compile(rf"\n(?={_LIST_BODY})", re.MULTILINE)
_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$",
                           re.MULTILINE)
_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])")

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "bl.a", "t.ex", "m.m", "dvs", "d.v.s", "s.k", "o.s.v", "osv", "kap", "p", "ca", "jfr",
        "resp", "st", "nr", "tel", "f.d", "m.fl", "fr.o.m", "t.o.m", "enl", "prop", "bet", "dnr",
        "sid", "s", "ang", "mfl", "mm", "etc", "kl"
    ]
)


# the only characters whose lower case is a letter of LETTERS while they are not one, or the
# other way round (İ, Ÿ, ẞ, the Kelvin sign, the Ångström sign); a test checks this list
_CASE_ODD = "\u0130\u0178\u1e9e\u212a\u212b"
_LETTER_RUN_RE = re.compile(rf"[{LETTERS}]+")
_DIGITS_RE = re.compile(r"\d\d*")  # not \d+: a pattern starting with a set is scanned faster


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]
               ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches an empty string and can
    only match at one of ``starts`` (ascending): a match is tried only there."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def letter_runs(word: str) -> list[str]:
    """The runs of letters in ``word`` ("beslutet." -> ["beslutet"])."""
    return _LETTER_RUN_RE.findall(word)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str


class Sentence(NamedTuple):
    start: int
    end: int
    tokens: tuple[Token, ...]  # word tokens (letters or digits)


class Analysis:
    """Everything the text rules share about one section text, each part computed on first use.

    Rules prefer the cheap parts (``words``, ``lower``, regexes on ``masked``) and ask for
    ``tokens`` or ``sentences`` (with positions) only for the few places they report on; that is
    what keeps a full check of a 100-page case fast in pure Python.
    """

    def __init__(self, text: str) -> None:
        self.text = text  # the original Markdown
        self.masked = mask_markup(text)  # same length, markup replaced by spaces

    @cached_property
    def lower(self) -> str:
        low = self.masked.lower()
        return low if len(low) == len(self.masked) else self.masked

    @cached_property
    def words(self) -> list[str]:
        """Every word (letters, digits, inner hyphens) in order, without positions."""
        return WORD_RE.findall(self.masked)

    @cached_property
    def lower_words(self) -> list[str]:
        """``words`` in lower case, shared by the rules that compare neighbouring words."""
        return [w.lower() for w in self.words]

    @cached_property
    def plain_words(self) -> str:
        """Lower-case letters-and-digits words joined by spaces: what quotes are matched in."""
        return " ".join(re.findall(rf"[{LETTERS}0-9]+", self.text.lower()))

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    @cached_property
    def digit_runs(self) -> list[tuple[int, int]]:
        """Spans of the runs of digits in ``text``: where a date, a personnummer or a phone
        number can start. One scan shared by those rules instead of one scan each."""
        return [m.span() for m in _DIGITS_RE.finditer(self.text)]

    @cached_property
    def lower_forms(self) -> frozenset[str]:
        """The distinct words in lower case (the same set as ``lower_words``)."""
        return frozenset(w.lower() for w in self.word_set)

    @cached_property
    def vocabulary(self) -> str | None:
        """The distinct lower-case words, one per line: a short text in which a run of letters
        can be looked for before searching ``lower``, which is as long as the section. A run of
        letters found in ``lower`` is always found here, because lower-casing maps letters to
        letters and nothing else to letters, except for the few characters in ``_CASE_ODD``:
        with one of those in the text this is None and only ``lower`` can tell."""
        if any(ch in self.masked for ch in _CASE_ODD):
            return None
        return "\n".join(self.lower_forms)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        return _sentence_bounds(self.text, self.masked)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [a for a, _b in self.sentence_spans]

    def sentence(self, a: int, b: int) -> Sentence:
        """The sentence [a, b) with its word tokens."""
        toks = tuple(Token(w, m.start(), m.end(), w.lower())
                     for m in WORD_RE.finditer(self.masked, a, b) for w in (m.group(),))
        return Sentence(a, b, toks)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The span of the sentence that holds position ``pos``."""
        i = max(0, bisect_right(self.sentence_starts, pos) - 1)
        return self.sentence_spans[i] if self.sentence_spans else (0, len(self.text))

    @property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def lix_counts(self) -> tuple[int, int, int]:
        """(words, sentences, long words): the inputs of LIX, counted once per text."""
        ws = self.words
        # two comprehensions run faster than one loop with counters; a number is not a word,
        # and it has no letters, so it is never a long word either
        words = len(ws) - len([w for w in ws if w.isdigit()])
        long_words = len([w for w in ws if len(w) > 6
                          and (w.isalpha() or sum(ch.isalpha() for ch in w) > 6)])
        return words, len(self.sentence_spans), long_words


def _spaces(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group())


# one pattern per character, each starting with its literal: the regex engine then jumps from
# one * (or _) to the next, which is much faster than testing every character against a set
_STAR_RUN_RE = re.compile(r"\*\*{0,2}")
_UNDERSCORE_RUN_RE = re.compile(r"__{0,2}")


def _mask_emphasis(text: str) -> str:
    r"""Blank ``*``/``_`` runs that open or close emphasis (not inside words like snake_case).

    The runs are those of ``re.finditer(r"\*{1,3}|_{1,3}", text)``: a run of stars never
    holds an underscore, so the two kinds can be found apart and merged. The result is built
    from the few changed pieces instead of editing ``list(text)`` of a 300 000-character text.
    """
    runs = sorted((*_STAR_RUN_RE.finditer(text), *_UNDERSCORE_RUN_RE.finditer(text)),
                  key=lambda m: m.start())
    n = len(text)
    out: list[str] = []
    done = 0
    for m in runs:
        a, b = m.start(), m.end()
        if a and text[a - 1] == "\\":  # an escaped \\* is a literal star, not emphasis
            continue
        before = text[a - 1] if a else " "
        after = text[b] if b < n else " "
        opens = not (before.isalnum() or before in "*_") and not after.isspace()
        closes = not before.isspace() and not (after.isalnum() or after in "*_")
        if opens or closes:
            out += (text[done:a], " " * (b - a))
            done = b
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _blank_marker(m: re.Match[str]) -> str:
    return m.group(1) + " " * len(m.group(2)) + m.group(3)


def _line_sub(line_re: re.Pattern[str], nl_re: re.Pattern[str], text: str) -> str:
    r"""``line_re.sub(_blank_marker, text)`` for a ``^…`` MULTILINE pattern, found faster.

    ``nl_re`` is ``\n(?=…)`` with the same body: it finds the next line that matches by
    scanning for newlines. A match may end at the start of a line (its ``\s+`` can eat a
    newline), so that position is tried directly first, as ``finditer`` would.
    """
    out: list[str] = []
    done = pos = 0
    while True:
        m = line_re.match(text, pos) if pos == 0 or text[pos - 1] == "\n" else None
        if m is None:
            nl = nl_re.search(text, pos)
            if nl is None:
                break
            m = line_re.match(text, nl.end())
            assert m is not None  # the look-ahead is the same pattern
        out.append(text[done:m.start()])
        out.append(_blank_marker(m))
        done = pos = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def mask_markup(text: str) -> str:
    """Replace Markdown markup by spaces; the result has exactly the same length."""
    if "#" in text:
        text = _line_sub(_HEADING_RE, _NL_HEADING_RE, text)
    text = _line_sub(_LIST_RE, _NL_LIST_RE, text)
    if "|" in text:
        text = _TABLE_SEP_RE.sub(_spaces, text).replace("|", " ")
    if "*" in text or "_" in text:
        text = _mask_emphasis(text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(" ", text)
    return text


_BLOCK_BREAK_RE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|\|))")
# [.!?][.!?]* rather than [.!?]+ (and \n... rather than ^...): a pattern that starts with a
# character set or a literal lets the regex engine skip to candidates instead of trying every
# position of a long section, which was a large part of splitting it into sentences
_END_RE = re.compile(r"[.!?][.!?]*(?=[\s”\"'»)]*(?:\s|$))")
# _END_RE once per end character: a pattern that starts with a literal is searched much faster
# than one that starts with a set. A match of _END_RE starts where a run of .!? starts (if the
# run cannot end a sentence, no part of it can), so only matches at the start of a run count.
_END_RES = tuple(re.compile(re.escape(c) + _END_RE.pattern[len("[.!?]"):]) for c in ".!?")
_HEADING_LINE_RE = re.compile(r"^[ \t]*#{1,6}\s.*$", re.MULTILINE)
_NL_HEADING_LINE_RE = re.compile(r"\n[ \t]*#{1,6}\s.*$", re.MULTILINE)
_NON_SPACE_RE = re.compile(r"\S")


def _sentence_bounds(text: str, masked: str) -> list[tuple[int, int]]:
    """Sentences end at . ! ? (not after an abbreviation), at blank lines, headings and items."""
    cuts: set[int] = {0, len(text)}
    for m in _BLOCK_BREAK_RE.finditer(text):
        cuts.add(m.start())
    if "#" in text:
        # the first line, then every line after a newline: the same lines as ^ in MULTILINE
        # mode, since a match never ends at the start of a line (it ends before a newline)
        first = _HEADING_LINE_RE.match(text)
        if first:
            cuts.add(first.end())
        for line in _NL_HEADING_LINE_RE.finditer(text, first.end() if first else 0):
            cuts.add(line.end())
    for m in (m for end_re in _END_RES for m in end_re.finditer(masked)
              if not (m.start() and masked[m.start() - 1] in ".!?")):
        if m.group() == ".":
            word = _LAST_WORD_RE.search(masked, max(0, m.start() - 12), m.start())
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                # "5 kap. 35 §", "bl.a. så": not an end unless a capital letter follows
                nxt = _NEXT_CHAR_RE.match(masked, m.end())
                if not nxt or not nxt.group(1).isupper():
                    continue
        cuts.add(m.end())
    ordered = sorted(cuts)
    # search for one non-space character instead of slicing out every sentence
    has_text = _NON_SPACE_RE.search
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if has_text(masked, a, b)]


_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_NEXT_CHAR_RE = re.compile(r"\s*(\S)")


@text_cache(max_chars=600_000)  # every section of a 100-page case; the results are cached
def analyse(text: str) -> Analysis:
    """The shared analysis of one section text. Cached: every rule asks for the same text."""
    return Analysis(text)


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
    return analysis.lix_counts
