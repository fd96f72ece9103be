"""The fast paths of the review engine find exactly what the plain regexes find.

The speed work replaced several "one regex over the whole text" scans by equivalent searches
the regex engine can skip through (see docs/performance.md). Each test compares a fast path with
the straightforward version it replaced, on generated texts full of the edge cases (markup,
line starts, word boundaries, odd lower-casing).
"""

from __future__ import annotations

import copy
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tillit_desk.review import klarsprak, motion_rules, personal_data, text
from tillit_desk.review.dates import _ISO_RE, iso_dates
from tillit_desk.review.engine import Checker
from tillit_desk.review.text import LETTERS, Analysis, analyse

PIECES = ["#", "## ", "### ", "####### ", "- ", "* ", "+ ", "1. ", "12) ", "\n", "\n\n", " ",
          "   ", "\t", "|", "| --- |", "*", "**", "_", "__", "\\", "\\*", "ord", "Ord", "bl.a.",
          "5 kap.", ".", "!", "?", "”", "a_b", "anses", "ansesx", "-anses", "anses-", "İ", "K",
          "Å", "ẞ", "Ÿ", "ſ", "ö", "Ö", "2022-05-02", "-2022-05-02", "12022-05-02",
          "811218-9876", "19811218-9876", "/811218-9876", "8112189876", "0", "7", "av", "Av",
          "i enlighet med", "I enlighet\nmed", "avseende", "xavseende", "é", "’", "'",
          "+46 70 123 45 67", "070-123 45 67", "046-35 50 00", "+", "0046", "(0)", "٣", "-", "/"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
@example("- \n- ord\n  1.\n2) x")  # a match that ends where the next line starts
@example("#\n\n## x\n#\n# y")
def test_line_markup_is_masked_as_by_the_multiline_regexes(value: str) -> None:
    for line_re, nl_re in ((text._HEADING_RE, text._NL_HEADING_RE),
                           (text._LIST_RE, text._NL_LIST_RE)):
        assert text._line_sub(line_re, nl_re, value) == line_re.sub(text._blank_marker, value)


def _reference_mask_emphasis(value: str) -> str:
    """Emphasis masking as it was written before the speed work."""
    out = list(value)
    for m in re.finditer(r"\*{1,3}|_{1,3}", value):
        a, b = m.start(), m.end()
        if a and value[a - 1] == "\\":
            continue
        before = value[a - 1] if a else " "
        after = value[b] if b < len(value) else " "
        opens = not (before.isalnum() or before in "*_") and not after.isspace()
        closes = not before.isspace() and not (after.isalnum() or after in "*_")
        if opens or closes:
            out[a:b] = " " * (b - a)
    return "".join(out)


@SETTINGS
@given(texts)
@example("**fet** och \\* a_b __x__ ***** _*_ *_")
def test_emphasis_is_masked_as_before(value: str) -> None:
    assert text._mask_emphasis(value) == _reference_mask_emphasis(value)


def _reference_sentence_bounds(value: str, masked: str) -> list[tuple[int, int]]:
    """The sentence splitting as it was written before the speed work."""
    cuts = {0, len(value)}
    for m in text._BLOCK_BREAK_RE.finditer(value):
        cuts.add(m.start())
    for line in re.finditer(r"^[ \t]*#{1,6}\s.*$", value, re.MULTILINE):
        cuts.add(line.end())
    for m in re.finditer(r"[.!?]+(?=[\s”\"'»)]*(?:\s|$))", masked):
        if m.group() == ".":
            word = re.search(r"([\w.]+)$", masked[max(0, m.start() - 12):m.start()])
            if word and word.group(1).lower().rstrip(".") in text.ABBREVIATIONS:
                nxt = re.match(r"\s*(\S)", masked[m.end():])
                if not nxt or not nxt.group(1).isupper():
                    continue
        cuts.add(m.end())
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False)
            if not masked[a:b].isspace()]


@SETTINGS
@given(texts)
@example("# a.\n## b\n\n#\n# c. bl.a. d. T.ex. Så")
@example("Va?! Ja... Nej?.x Så.!? ”Slut.” Bl.a.")
def test_sentences_are_split_as_before(value: str) -> None:
    masked = text.mask_markup(value)
    assert text._sentence_bounds(value, masked) == _reference_sentence_bounds(value, masked)


@SETTINGS
@given(texts, st.lists(st.sampled_from(["anses", "ord", "enlighet", "av"]), min_size=1,
                       max_size=3, unique=True))
def test_whole_words_are_the_bounded_alternation(value: str, words: list[str]) -> None:
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")
    assert klarsprak._whole_words(value, words) == [m.span() for m in pattern.finditer(value)]
    unbounded = re.compile(r"(?:" + "|".join(words) + r")(?![\w-])")
    assert [m.span() for m in klarsprak._bounded(unbounded, value)] == [
        m.span() for m in pattern.finditer(value)]


@SETTINGS
@given(texts, st.integers(0, 200), st.integers(0, 200))
@example("Beslutet togs av kommunen.", 0, 26)
@example("xav Kommunen, av\nde", 1, 20)
def test_agent_search_only_at_av(value: str, start: int, end: int) -> None:
    value += " av Kommunen avde AV de aV förvaltningen"
    assert klarsprak._has_agent(value, start, end) == bool(
        klarsprak._AGENT_RE.search(value, start, end))


@SETTINGS
@given(texts)
def test_digit_scans_match_the_look_behind_regexes(value: str) -> None:
    a = Analysis(value)
    assert [m.groups() + (m.span(),) for m in iso_dates(a)] == [
        m.groups() + (m.span(),) for m in _ISO_RE.finditer(value)]
    assert [m.span() for m in personal_data._pnr_matches(a)] == [
        m.span() for m in personal_data._PNR_RE.finditer(value)]
    assert [m.span() for m in personal_data._phone_matches(a)] == [
        m.span() for m in personal_data._PHONE_RE.finditer(value)]


@SETTINGS
@given(st.lists(texts, min_size=1, max_size=3), texts)
def test_quote_search_is_containment_in_the_plain_words(sections: list[str], quote: str) -> None:
    core = motion_rules.yrkande_core(quote)
    if not core:
        return
    expected = any(core in Analysis(t).plain_words for t in sections if t)
    assert motion_rules._quoted(core, [t.lower() for t in sections if t]) == expected


@SETTINGS
@given(texts)
def test_vocabulary_holds_every_letter_run_of_the_lower_text(value: str) -> None:
    a = Analysis(value)
    if a.vocabulary is None:
        assert any(ch in a.masked for ch in text._CASE_ODD)
        return
    for run in re.findall(rf"[{LETTERS}]+", a.lower):
        assert run in a.vocabulary
    assert a.lower_forms == set(a.lower_words)


def test_case_odd_lists_every_character_that_lower_cases_across_letters() -> None:
    letter = re.compile(rf"[{LETTERS}]")
    odd = {chr(i) for i in range(0x110000)
           if bool(letter.fullmatch(chr(i))) != bool(letter.search(chr(i).lower()))
           or len(chr(i).lower()) != 1}
    assert odd == set(text._CASE_ODD)


def test_editing_one_section_reanalyses_only_that_section(case, lund) -> None:
    checker = Checker(spelling=False)
    before = checker.check(case, lund)
    kept = {sid: analyse(t) for sid, t in case.sections.items() if t.strip()}
    edited = copy.deepcopy(case)
    edited.sections["arendet"] += "\n\nDet här beslutades i enlighet med planen."
    after = checker.check(edited, lund)
    for sid, a in kept.items():
        assert (analyse(edited.sections[sid]) is a) == (sid != "arendet")
    # the result is the one a fresh checker with empty caches gives
    analyse.cache_clear()
    assert after == Checker(spelling=False).check(edited, lund)
    assert after != before
    new = [f for f in after if f.section == "arendet" and f not in before]
    assert {f.rule for f in new} >= {"klarsprak.stela_ord", "klarsprak.passiv"}


def test_av_is_matched_case_insensitively_by_a_and_v_only() -> None:
    folded = re.compile("[av]", re.IGNORECASE).fullmatch
    assert {chr(i) for i in range(0x110000) if folded(chr(i))} == set("aAvV")
