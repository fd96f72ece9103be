"""A motion's text → title, addressee, date, motionärer and yrkanden, each with a confidence.

Motions are written by councillors in Word and reach us as PDF, DOCX or pasted text, so the
layout varies: signatures side by side or one per line, parties abbreviated or written out,
att-satser with bullets, numbers or capitals, lines broken (and hyphenated) by the PDF. The
parser keeps the motion's own wording and says how sure it is about each field, so the review
dialog can point the officer at what to check instead of silently guessing.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..case import Motion, Motionar
from ..phrases import MONTHS

UNSURE_BELOW = 0.7  # fields with a lower confidence are highlighted for the user
FIELDS = ("title", "addressed_to", "submitted", "motionarer", "yrkanden")
FIELD_LABELS = {"title": "Rubrik", "addressed_to": "Ställd till", "submitted": "Datum",
                "motionarer": "Motionärer", "yrkanden": "Yrkanden (att-satser)"}

# Canonical abbreviations as the seed answers print them (MP, Fi); keys are lower case.
PARTY_ABBREVIATIONS: dict[str, str] = {
    "v": "V", "s": "S", "mp": "MP", "c": "C", "l": "L", "kd": "KD", "m": "M", "sd": "SD",
    "fi": "Fi", "fp": "FP", "spi": "SPI",
}
PARTY_NAMES: dict[str, str] = {
    "vänsterpartiet": "V",
    "socialdemokraterna": "S",
    "arbetarepartiet-socialdemokraterna": "S",
    "socialdemokratiska arbetarepartiet": "S",
    "miljöpartiet de gröna": "MP",
    "miljöpartiet": "MP",
    "centerpartiet": "C",
    "liberalerna": "L",
    "folkpartiet liberalerna": "FP",
    "folkpartiet": "FP",
    "kristdemokraterna": "KD",
    "moderaterna": "M",
    "moderata samlingspartiet": "M",
    "sverigedemokraterna": "SD",
    "feministiskt initiativ": "Fi",
}

_UP = "A-ZÅÄÖÉÈÜÆØÁÍÓÚÇÑ"
_LET = r"[^\W\d_]"
_WORD = rf"[{_UP}]{_LET}*(?:[-'’]{_LET}+)*"
_PARTICLE = r"(?:af|av|von|van|de|der|den|la|le|di|da|del|dos|el|al|ter|zu)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{1,4}}"
_NAME_PARTY = re.compile(rf"(?<!{_LET})(?P<name>{_NAME})\s*\(\s*(?P<party>[^()\d\n]{{1,40}}?)\s*\)")
_NAME_ONLY = re.compile(rf"^(?P<name>{_NAME})$")
_PARTY_WORDS = "|".join(sorted((re.escape(n) for n in PARTY_NAMES), key=len, reverse=True))
_PARTY_LINE = re.compile(
    rf"^(?P<for>för\s+)?(?P<party>{_PARTY_WORDS})\b(?P<rest>.{{0,60}})$", re.IGNORECASE)
_NAME_COMMA_PARTY = re.compile(rf"^(?P<name>{_NAME})\s*[,–-]\s*(?P<party>{_PARTY_WORDS})\b",
                               re.IGNORECASE)
# Words that start a line but are not part of a name ("Vi Helena Falk (V)")
_NOT_NAME_START = {"vi", "jag", "för", "med", "och", "motionär", "motionärer", "motionärerna",
                   "undertecknad", "undertecknade", "från", "av", "lund", "datum", "namn"}

_MONTH_RE = "|".join(MONTHS + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                               "okt", "nov", "dec"))
_DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DATE_LONG = re.compile(rf"(?<!\d)(\d{{1,2}})(?::?e|:a)?\s+({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)",
                        re.IGNORECASE)

_ADDR = re.compile(
    r"^(?:motion\s+)?(?:till\s+)?(?P<addr>(?:[A-ZÅÄÖ][\wåäö-]*\s+){0,3}"
    r"(?:kommun|region|landstings|stads)?fullmäktige(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]*"
    r"(?:\s+(?:kommun|stad|län|[A-ZÅÄÖ][\wåäö-]*)){0,2})?)\s*[.,:]?\s*$",
    re.IGNORECASE)
_ADDR_INLINE = re.compile(
    r"\btill\s+(?P<addr>(?:[A-ZÅÄÖ][\wåäö-]*\s+){0,3}(?:kommun|region|landstings|stads)?"
    r"fullmäktige(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]*(?:\s+(?:kommun|stad|län|[A-ZÅÄÖ][\wåäö-]*)){0,2})?)",
    re.IGNORECASE)

_TRIGGER = re.compile(r"\b(?:yrkar|yrkas|yrkande|yrkanden|föreslår|föreslås|hemställer|"
                      r"hemställs)\b", re.IGNORECASE)
_PRONOUN = r"(?:jag|vi|undertecknad(?:e)?|motionärerna|motionären|[A-ZÅÄÖ]\w+partiet)"
_REST_OK = re.compile(
    rf"^[\s,]*(?:{_PRONOUN}\s+)?(?:därför|således|härmed|alltså|följande|nu)?[\s,]*"
    rf"(?:{_PRONOUN}\s+)?(?:på\s+)?(?:att\s+)?(?:(?:\w+\s+)?(?:kommun|region|landstings)?"
    rf"fullmäktige(?:\s+i\s+\S+(?:\s+\S+)?)?\s+(?:måtte\s+|ska\s+)?(?:besluta[r]?|"
    rf"beslutar)?(?:\s+följande)?)?\s*[:.]?\s*$", re.IGNORECASE)
_REST_INLINE = re.compile(rf"^[\s,]*(?:{_PRONOUN}\s+)?(?:därför|således|härmed|alltså)?[\s,]*"
                          rf"(?:{_PRONOUN}\s+)?(?P<att>att\b.*)$", re.IGNORECASE)
_BULLET = r"(?:[-–—•·*▪◦‣►■□➢]\s*)"
_ITEM = re.compile(
    rf"^(?P<mark>{_BULLET}?(?:\(?\d{{1,2}}\s*[.):]\s*)?)(?P<att>att|Att|ATT)"
    rf"(?P<num>\d{{1,2}}[.):]?|\s+\d{{1,2}}[.):])?(?=\s|$)\s*(?P<rest>.*)$")
_CHAIN_ITEM = re.compile(r"^att\s+(?:\w+\s+)?(?:kommun|region|landstings)?fullmäktige"
                         r"(?:\s+i\s+\S+(?:\s+\S+)?)?\s+(?:måtte\s+|ska\s+)?beslut\w*"
                         r"(?:\s+följande)?\s*:?$", re.IGNORECASE)
_ENDS_CLAUSE = re.compile(r"(?:[,;.:!?]|\bsamt|\boch)$", re.IGNORECASE)
_ABBREV_END = re.compile(r"\b(?:bl\.a|t\.ex|m\.m|m\.fl|s\.k|o\.s\.v|d\.v\.s|ca|jfr|resp)\.$",
                         re.IGNORECASE)
_CLOSING = re.compile(r"^(?:med vänliga? hälsning(?:ar)?|hälsningar|underskrift|"
                      r"motionärer(?:na)?|motionär)\b", re.IGNORECASE)
MAX_YRKANDE_CHARS = 1500


@dataclass
class ParsedMotion:
    """The parsed motion plus, per field, how sure the parser is and why."""

    motion: Motion
    confidence: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    source_text: str = ""
    source_name: str = ""

    def unsure(self) -> list[str]:
        """Fields the user should look at, in display order."""
        return [f for f in FIELDS if self.confidence.get(f, 0.0) < UNSURE_BELOW]

    def to_json(self) -> dict[str, Any]:
        m = self.motion
        return {
            "title": m.title,
            "addressed_to": m.addressed_to,
            "submitted": m.submitted,
            "motionarer": [{"name": p.name, "party": p.party} for p in m.motionarer],
            "yrkanden": list(m.yrkanden),
            "confidence": {f: round(self.confidence.get(f, 0.0), 2) for f in FIELDS},
            "unsure": self.unsure(),
            "notes": {f: n for f, n in self.notes.items() if n},
            "source": self.source_name,
        }


# --------------------------------------------------------------------------- text helpers

def _clean_line(line: str) -> str:
    for ch in ("\t", "\u00a0", "\u2007", "\u202f", "\u2009", "\ufeff", "\u200b"):
        line = line.replace(ch, " ")
    return line.rstrip()


def _squash(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Vocabulary:
    """Words seen in the document, used to decide whether a line-end hyphen is real."""

    words: set[str]
    hyphenated: set[str]

    @classmethod
    def of(cls, lines: list[str]) -> _Vocabulary:
        words: set[str] = set()
        hyph: set[str] = set()
        for line in lines:
            inner = re.sub(rf"{_LET}+-\s*$", "", line)  # a line-end fragment is not a word
            for tok in re.findall(rf"{_LET}+(?:-{_LET}+)*", inner):
                low = tok.lower()
                if "-" in low:
                    hyph.add(low)
                words.update(low.split("-"))
        return cls(words, hyph)


def _keep_hyphen(before: str, nxt: str, vocab: _Vocabulary) -> bool:
    """True when "xxx-" at a line end is a real hyphen (EVP-processen), False for a break."""
    m = re.search(rf"(?P<prev>{_LET}+\s+)?(?P<pre>{_LET}+)-$", before)
    first = re.match(rf"{_LET}+", nxt)
    if not m or not first:
        return True  # digits ("1990-talet") or punctuation: keep as written
    pre, post = m.group("pre"), first.group(0)
    if f"{pre}-{post}".lower() in vocab.hyphenated:
        return True
    if f"{pre}{post}".lower() in vocab.words:
        return False
    if post[0].isupper() or (len(pre) >= 2 and pre.isupper()):
        return True  # "EU-Kommissionen", "EVP-processen"
    prev = (m.group("prev") or "").strip()
    # a compound on a name of several words keeps its hyphen: "New Public Management-skolan"
    return bool(pre[0].isupper() and prev[:1].isupper() and not before[:m.start()].rstrip()
                .endswith((".", "!", "?", ":")))


def join_lines(lines: list[str], vocab: _Vocabulary | None = None) -> str:
    """Join broken lines into one text, repairing end-of-line hyphenation."""
    vocab = vocab or _Vocabulary.of(lines)
    out = ""
    for raw in lines:
        line = _squash(raw)
        if not line:
            continue
        if not out:
            out = line
        elif re.search(rf"{_LET}-$", out) and line[:1].isalpha() and \
                not _keep_hyphen(out, line, vocab):
            out = out[:-1] + line
        elif out.endswith("-") and re.search(r"\w-$", out):
            out = out + line  # a real hyphen at the line end: no space after it
        else:
            out = out + " " + line
    return out


# --------------------------------------------------------------------------- fields

def _valid_date(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def dates_in(text: str) -> list[str]:
    """ISO dates found in a line, in the order written ("21 januari 2022" → "2022-01-21")."""
    found: list[tuple[int, str]] = []
    for m in _DATE_ISO.finditer(text):
        iso = _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    for m in _DATE_LONG.finditer(text):
        word = m.group(2).lower()
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word[:3]))
        iso = _valid_date(int(m.group(3)), month, int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    return [iso for _, iso in sorted(found)]


def parse_date_text(text: str) -> str | None:
    """A date typed by the user in either form, as ISO (None if it is not a date)."""
    found = dates_in(text.strip())
    return found[0] if found else None


def party_code(raw: str) -> tuple[str, bool]:
    """Party as written → canonical code and whether it is a known party."""
    text = _squash(raw).strip(" .,")
    low = text.lower().replace(" ", "") if len(text) <= 6 else text.lower()
    if low in PARTY_ABBREVIATIONS:
        return PARTY_ABBREVIATIONS[low], True
    full = _squash(text.lower())
    for name, code in sorted(PARTY_NAMES.items(), key=lambda kv: -len(kv[0])):
        if full == name or full.startswith(name + " "):
            return code, True
    return text.replace(" ", ""), False


def _looks_like_party(raw: str) -> bool:
    text = _squash(raw)
    if party_code(text)[1]:
        return True
    compact = text.replace(" ", "")
    return 1 <= len(compact) <= 5 and compact[0].isupper() and compact.isalpha()


def _clean_name(name: str) -> str:
    words = name.split()
    while len(words) > 2 and (words[0].lower() in _NOT_NAME_START
                              or words[0].lower() in PARTY_NAMES):
        words = words[1:]
    return " ".join(words)


@dataclass
class _Lines:
    raw: list[str]  # cleaned lines, blanks kept

    def nonblank(self, start: int = 0, stop: int | None = None) -> list[int]:
        stop = len(self.raw) if stop is None else stop
        return [i for i in range(start, stop) if self.raw[i].strip()]

    @cached_property
    def layout(self) -> tuple[bool, int]:
        """Is the text hard-wrapped (PDF), and its usual line width. Computed once."""
        lengths = sorted(len(self.raw[i].strip()) for i in self.nonblank())
        if len(lengths) < 8:
            return False, 0
        width = lengths[int(len(lengths) * 0.8)]
        near = sum(1 for n in lengths if 0.7 * width <= n <= 1.1 * width)
        return (width <= 140 and near / len(lengths) > 0.4), width


@dataclass
class _Yrkanden:
    items: list[str]
    start: int  # line index where the trigger/att-block starts (-1: none)
    end: int  # first line after the block
    confidence: float
    note: str = ""


def _trigger_candidates(lines: _Lines) -> list[tuple[int, int, str | None]]:
    """(line, strength, inline att-text) for each line with yrkar/föreslår/hemställer."""
    out: list[tuple[int, int, str | None]] = []
    for i in lines.nonblank():
        line = _squash(lines.raw[i])
        for m in _TRIGGER.finditer(line):
            rest = line[m.end():]
            if _REST_OK.match(rest):
                out.append((i, 2, None))
                break
            inline = _REST_INLINE.match(rest)
            if inline:
                out.append((i, 1, inline.group("att")))
                break
        else:
            if _TRIGGER.search(line):
                out.append((i, 0, None))  # "yrkar på en utredning": only for the fallback
    return out


def _is_end_marker(line: str) -> bool:
    """A line that cannot belong to an att-sats: signature, date line, party, closing."""
    text = _squash(line)
    if _NAME_PARTY.search(text) and _looks_like_party(_NAME_PARTY.search(text).group("party")):
        return True
    if len(text) < 60 and dates_in(text):
        return True
    return bool(_PARTY_LINE.match(text) or _NAME_COMMA_PARTY.match(text)
                or _CLOSING.match(text))


def _collect_items(lines: _Lines, start: int, first_text: str | None,
                   vocab: _Vocabulary) -> tuple[list[list[str]], int, list[str]]:
    """Gather att-satser from ``start``; returns raw line groups, end line and problems."""
    wrapped, width = lines.layout
    groups: list[list[str]] = []
    problems: list[str] = []
    if first_text is not None:
        groups.append([first_text])
    i = start
    blanks = 0
    end = len(lines.raw)
    while i < len(lines.raw):
        line = _squash(lines.raw[i])
        if not line:
            blanks += 1
            i += 1
            continue
        current = join_lines(groups[-1], vocab) if groups else ""
        item = _ITEM.match(line)
        if item and groups:
            ends = bool(_ENDS_CLAUSE.search(current)) or not current
            marked = bool(item.group("mark") or item.group("num")) or item.group("att") != "att"
            prev_len = len(_squash(groups[-1][-1]))
            full_line = wrapped and prev_len >= 0.8 * width
            if not (ends or marked or not full_line or blanks >= 2):
                item = None  # "…det är nödvändigt\natt det tillämpas": a wrapped sentence
        if item:
            groups.append([line])
            blanks = 0
            i += 1
            continue
        if not groups:
            end = i
            break
        if _is_end_marker(line):
            end = i
            break
        if current.endswith((".", "!", "?")) and not _ABBREV_END.search(current) and \
                (line[:1].isupper() or line[:1].isdigit()):
            end = i
            break
        if blanks >= 2 and line[:1].isupper():
            end = i
            break
        if len(current) > MAX_YRKANDE_CHARS:
            problems.append("en att-sats blev ovanligt lång – kontrollera var den slutar")
            end = i
            break
        groups[-1].append(line)
        blanks = 0
        i += 1
    return groups, end, problems


def _clean_item(text: str) -> str:
    """"1. att  Kommunen …" → "att Kommunen …": numbering and bullets are list layout."""
    m = _ITEM.match(text)
    if not m:
        return text
    rest = m.group("rest").strip()
    return f"{m.group('att')} {rest}".strip()


def _find_yrkanden(lines: _Lines, vocab: _Vocabulary) -> _Yrkanden:
    candidates = _trigger_candidates(lines)
    best: tuple[list[str], int, int, int, list[str]] | None = None
    for line_no, strength, inline in candidates:
        if strength == 0:
            continue
        if inline is not None:
            groups, end, problems = _collect_items(lines, line_no + 1, inline, vocab)
        else:
            groups, end, problems = _collect_items(lines, line_no + 1, None, vocab)
        items = [_clean_item(join_lines(g, vocab)) for g in groups]
        if items and _CHAIN_ITEM.match(items[0]):
            items = items[1:]  # "att kommunfullmäktige beslutar:" introduces the list
        if not items:
            continue
        if best is None or strength >= best[2]:
            best = (items, line_no, strength, end, problems)
    if best is not None:
        items, line_no, strength, end, problems = best
        conf = 0.95 if strength == 2 else 0.75
        notes = list(problems)
        if not items[-1].rstrip().endswith((".", "!", "?")):
            conf = min(conf, 0.6)
            notes.append("den sista att-satsen slutar inte med punkt – kontrollera var den "
                         "slutar")
        if any(not _ENDS_CLAUSE.search(t) for t in items[:-1]):
            conf = min(conf, 0.75)
        if problems:
            conf = min(conf, 0.5)
        if strength == 1:
            notes.append("yrkandet står i löptext efter ”yrkar/föreslår/hemställer”")
        return _Yrkanden(items, line_no, end, conf, "; ".join(notes))
    return _fallback_yrkande(lines, candidates, vocab)


def _fallback_yrkande(lines: _Lines, candidates: list[tuple[int, int, str | None]],
                      vocab: _Vocabulary) -> _Yrkanden:
    """No att-satser: offer the paragraph with the proposal as one yrkande, marked unsure."""
    if not candidates:
        return _Yrkanden([], -1, -1, 0.0, "hittade inga yrkanden (inga att-satser och inget "
                                          "”yrkar”, ”föreslår” eller ”hemställer”)")
    line_no = candidates[-1][0]
    start = line_no
    while start > 0 and lines.raw[start - 1].strip() and not _is_end_marker(lines.raw[start - 1]):
        start -= 1
    end = line_no + 1
    while end < len(lines.raw) and lines.raw[end].strip() and not _is_end_marker(lines.raw[end]):
        end += 1
    text = join_lines(lines.raw[start:end], vocab)
    return _Yrkanden([text], line_no, end, 0.3,
                     "motionen har inga att-satser; hela förslagsstycket togs som ett yrkande – "
                     "skriv om det till att-satser eller kontrollera texten")


def _find_motionarer(lines: _Lines, start: int,
                     stop: int) -> tuple[list[Motionar], list[str], float]:
    """Names with parties in lines[start:stop], problems (unknown or missing parties) and how
    sure the layout reading is."""
    people: list[Motionar] = []
    problems: list[str] = []
    separate_lines = False
    pending: list[Motionar] = []  # names still waiting for a party line
    block: list[Motionar] = []  # names since the last blank line
    forward_party = ""
    for i in range(max(start, 0), min(stop, len(lines.raw))):
        text = _squash(lines.raw[i])
        if not text:
            block = []
            continue
        found_inline = False
        for m in _NAME_PARTY.finditer(text):
            if not _looks_like_party(m.group("party")):
                continue
            code, known = party_code(m.group("party"))
            if not known:
                problems.append(f"okänt parti ”{m.group('party').strip()}” för "
                                f"{_clean_name(m.group('name'))}")
            people.append(Motionar(_clean_name(m.group("name")), code))
            found_inline = True
        if found_inline:
            continue
        m = _NAME_COMMA_PARTY.match(text)
        if m:
            people.append(Motionar(_clean_name(m.group("name")), party_code(m.group("party"))[0]))
            continue
        m = _PARTY_LINE.match(text)
        if m and not dates_in(text):
            code = party_code(m.group("party"))[0]
            if m.group("for") or not (pending or block):
                forward_party = code  # "För Centerpartiet i Lunds kommun" heads the names
            else:  # "Per Persson" / "Liberalerna": the party under the names
                for p in {id(p): p for p in pending + block}.values():
                    p.party = code
                pending = []
            separate_lines = True
            continue
        cells = [c for c in re.split(r"\s{3,}", lines.raw[i].strip()) if c]
        names = [_squash(c) for c in cells if _NAME_ONLY.match(_squash(c))]
        if names and len(names) == len(cells) and all(
                n.split()[0].lower() not in _NOT_NAME_START for n in names):
            for n in names:
                person = Motionar(n, forward_party)
                people.append(person)
                block.append(person)
                if not forward_party:
                    pending.append(person)
    for p in people:
        if not p.party:
            problems.append(f"parti saknas för {p.name}")
    # parties read from lines of their own are a layout guess: sure enough, but not certain
    return people, problems, 0.85 if separate_lines else 0.95


def _dedupe(people: list[Motionar]) -> list[Motionar]:
    seen: set[str] = set()
    out = []
    for p in people:
        key = p.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def parse_motion(text: str, source_name: str = "") -> ParsedMotion:
    """Parse a motion's text; never raises on odd text, it lowers the confidence instead."""
    lines = _Lines([_clean_line(x) for x in text.replace("\r\n", "\n").split("\n")])
    vocab = _Vocabulary.of(lines.raw)
    nonblank = lines.nonblank()
    result = ParsedMotion(Motion(), source_text=text, source_name=source_name)
    conf = result.confidence
    notes = result.notes
    head = nonblank[:12]

    # addressee
    addr_line = -1
    for i in head:
        line = _squash(lines.raw[i])
        m = _ADDR.match(line) or _ADDR_INLINE.search(line)
        if m:
            addr_line = i
            result.motion.addressed_to = m.group("addr").strip()
            break
    if addr_line < 0:
        conf["addressed_to"] = 0.0
        notes["addressed_to"] = "hittade inte vem motionen är ställd till (t.ex. ”Motion till " \
                                "Lunds kommunfullmäktige”)"
    else:
        addr = result.motion.addressed_to
        named = re.search(r"\bi\s+[A-ZÅÄÖ]", addr) or re.match(r"[A-ZÅÄÖ]\w+s?\s+\w*fullmäktige",
                                                             addr)
        conf["addressed_to"] = 0.95 if named else 0.6
        if not named:
            notes["addressed_to"] = "kommunen eller regionen framgår inte"

    # yrkanden (first: they bound the body, and the signatures come after them)
    yrk = _find_yrkanden(lines, vocab)
    result.motion.yrkanden = yrk.items
    conf["yrkanden"] = yrk.confidence
    if yrk.note:
        notes["yrkanden"] = yrk.note

    # title
    title_line = _find_title(lines, head, addr_line, result)

    # date: header first, then the signature block, then anywhere
    header_stop = (title_line + 1) if title_line >= 0 else (head[-1] + 1 if head else 0)
    header_dates = [d for i in range(0, header_stop) for d in dates_in(lines.raw[i])]
    footer_start = yrk.end if yrk.end >= 0 else len(lines.raw)
    footer_dates = [d for i in range(footer_start, len(lines.raw))
                    for d in dates_in(lines.raw[i]) if len(_squash(lines.raw[i])) < 80]
    zone = header_dates or footer_dates
    if zone:
        result.motion.submitted = zone[0]
        distinct = sorted(set(header_dates + footer_dates))
        conf["submitted"] = 0.95 if len(distinct) == 1 else 0.6
        if len(distinct) > 1:
            notes["submitted"] = "motionen har flera datum (" + ", ".join(distinct) + \
                                 "); det första valdes"
    else:
        body = dates_in(text)
        if body:
            result.motion.submitted = body[-1]
            conf["submitted"] = 0.4
            notes["submitted"] = "datumet hittades bara i löptexten – kontrollera det"
        else:
            conf["submitted"] = 0.0
            notes["submitted"] = "motionen har inget datum"

    # motionärer: the signature block after the yrkanden, else the header, else anywhere
    people: list[Motionar] = []
    problems: list[str] = []
    layout = 0.95
    if yrk.end >= 0:
        people, problems, layout = _find_motionarer(lines, yrk.end, len(lines.raw))
    where = "signatures"
    if not people:
        stop = (title_line + 2) if title_line >= 0 else (head[-1] + 1 if head else 0)
        people, problems, layout = _find_motionarer(lines, 0, stop)
        where = "header"
    if not people:
        people, problems, layout = _find_motionarer(lines, 0, len(lines.raw))
        where = "anywhere"
    people = _dedupe(people)
    result.motion.motionarer = people
    if not people:
        conf["motionarer"] = 0.0
        notes["motionarer"] = "hittade inga namn med parti (t.ex. ”Anna Andersson (V)”)"
    else:
        c = min(layout, {"signatures": 0.95, "header": 0.85, "anywhere": 0.4}[where])
        if problems:
            c = min(c, 0.5)
        conf["motionarer"] = c
        parts = list(dict.fromkeys(problems))
        if where == "anywhere":
            parts.append("namnen hittades i löptexten, inte bland underskrifterna")
        if parts:
            notes["motionarer"] = "; ".join(parts)
    return result


def _find_title(lines: _Lines, head: list[int], addr_line: int, result: ParsedMotion) -> int:
    """The heading: "Motion: X", "Motion om X", or the first heading-like line in the header."""
    conf, notes = result.confidence, result.notes
    for i in head:
        line = _squash(lines.raw[i])
        m = re.match(r"^Motion\s*[:–—-]\s*(.+)$", line)
        if m and not _ADDR.match(m.group(1)):
            result.motion.title = _title_continued(lines, i, m.group(1))
            conf["title"] = 0.9
            return i
        if re.match(r"^Motion\s+(?:om|angående|gällande|avseende|rörande|kring|för|mot)\s+\S",
                    line) and not _ADDR_INLINE.search(line):
            result.motion.title = _title_continued(lines, i, line)
            conf["title"] = 0.8
            notes["title"] = ("rubriken börjar med ”Motion …”; ändra om svaret ska citera den "
                              "kortare")
            return i
    for i in head:
        if i == addr_line:
            continue
        line = _squash(lines.raw[i])
        if _skip_as_title(line):
            continue
        title = _title_continued(lines, i, line)
        ends_period = title.endswith(".") and not title.endswith("..")
        conf["title"] = 0.6 if ends_period or len(title) > 120 or title[:1].islower() else 0.9
        result.motion.title = title.rstrip(".") if ends_period and len(title) < 120 else title
        if conf["title"] < UNSURE_BELOW:
            notes["title"] = "osäker rubrik – kontrollera att det är motionens rubrik"
        return i
    conf["title"] = 0.0
    notes["title"] = "hittade ingen rubrik"
    return -1


def _skip_as_title(line: str) -> bool:
    low = line.lower()
    if len(line) > 150 or len(line.split()) < 2 and not line.endswith(("!", "?")):
        return True
    if re.match(r"^motion(?:\s+(?:till|från|av)\b.*)?$", low) or _ADDR.match(line):
        return True
    if re.match(r"^(?:dnr|diarienummer|datum|sida|page|ärende)\b", low):
        return True
    stripped = _DATE_ISO.sub("", _DATE_LONG.sub("", line))
    if dates_in(line) and len(stripped.split()) <= 3:
        return True  # "Lund den 27 januari 2022"
    if _NAME_PARTY.search(line) or _PARTY_LINE.match(line):
        return True
    return bool(_TRIGGER.search(line) or _ITEM.match(line))


def _title_continued(lines: _Lines, i: int, title: str) -> str:
    """A heading wrapped onto a second line that starts in lower case."""
    nxt = i + 1
    if nxt < len(lines.raw):
        follow = _squash(lines.raw[nxt])
        if follow and follow[:1].islower() and not title.endswith((".", "!", "?")) and \
                len(follow) < 80:
            return join_lines([title, follow])
    return _squash(title)
