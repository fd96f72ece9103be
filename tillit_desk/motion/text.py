"""Line-level text helpers for the motion parser: cleaning, joining and de-hyphenation.

Every pattern here anchors a word at a word start (a look-behind for a letter), so a hostile
"word" of a million letters is scanned once, not once per position (the old join code took
15 s on a 40 000-letter word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LET = r"[^\W\d_]"
_WORD_START = rf"(?<!{LET})"
_SPACES = str.maketrans({ch: " " for ch in "\t\u00a0\u2007\u202f\u2009\ufeff\u200b\u2002\u2003"})
_TOKEN = re.compile(rf"{_WORD_START}{LET}+(?:-{LET}+)*")
_LINE_END_FRAGMENT = re.compile(rf"{_WORD_START}{LET}+-\s*$")
_HYPHEN_END = re.compile(rf"(?:(?P<prev>{_WORD_START}{LET}+)\s+)?(?P<pre>{_WORD_START}{LET}+)-$")
_FIRST_WORD = re.compile(rf"{LET}+")
# a suspended compound: "hygien- och rengöringsartiklar", "studie- eller yrkesvägledning"
_CONJUNCTION = re.compile(r"(?:och|eller|samt|respektive|resp\.|alternativt)(?![\wåäöÅÄÖ])")
MAX_WORD = 60  # longer "words" are not language: they are not looked up or de-hyphenated


_PRIVATE_BULLET = re.compile(r"^(\s*)[\uf000-\uf0ff](?=\s)")
# Markdown emphasis left in pasted text ("att kommunen **bygger** …"): the marks go, the words
# stay. Only paired marks at word edges; the inner text holds no "*" or "_", so one pass.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{2,3}|__)(?=[^\s*_])(?P<inner>[^*_\n]{1,300}?)(?<=\S)\1"
                       r"(?![\w*])")


def clean_line(line: str) -> str:
    """Odd spaces to plain spaces, trailing blanks off; a bullet from Word's Symbol font
    (U+F0B7 and friends in the private use area, as PDFs of Word lists carry it) to "•";
    Markdown's "**bold**" and "__bold__" marks off."""
    line = _PRIVATE_BULLET.sub(r"\1•", line.translate(_SPACES)).rstrip()
    return _EMPHASIS.sub(r"\g<inner>", line) if ("**" in line or "__" in line) else line


# page furniture that text copied from a PDF keeps between the lines: "MOTION 2(2)",
# "Sida 2 av 3", and the footer with the organisation's address
_PAGE_MARK = re.compile(r"^(?:[^\W\d_]{1,20} )?(?:sida |sidan |page )?\d{1,3} ?(?:\(\d{1,3}\)|"
                        r"(?:av|of|/) ?\d{1,3})$", re.IGNORECASE)
_FOOTER_WORDS = re.compile(r"(?<![^\W\d_])(?:postadress|besöksadress|telefon|tel\.|växel|"
                           r"e-post|org\.? ?nr|organisationsnummer|bankgiro|plusgiro|www\.)",
                           re.IGNORECASE)


def is_page_furniture(line: str) -> bool:
    """A running head, page number or address footer, not part of the motion's text."""
    text = " ".join(line.split())
    if not text or len(text) > 200:
        return False
    if _PAGE_MARK.match(text):
        return True
    found = len(_FOOTER_WORDS.findall(text))
    return found >= 2 or (found == 1 and "|" in text)


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Vocabulary:
    """Words seen in the document, used to decide whether a line-end hyphen is real."""

    words: set[str]
    hyphenated: set[str]

    @classmethod
    def of(cls, lines: list[str]) -> Vocabulary:
        words: set[str] = set()
        hyph: set[str] = set()
        for line in lines:
            inner = _LINE_END_FRAGMENT.sub("", line)  # a line-end fragment is not a word
            for tok in _TOKEN.findall(inner):
                if len(tok) > MAX_WORD:
                    continue
                low = tok.lower()
                if "-" in low:
                    hyph.add(low)
                words.update(low.split("-"))
        return cls(words, hyph)


def _keep_hyphen(before: str, nxt: str, vocab: Vocabulary) -> bool:
    """True when "xxx-" at a line end is a real hyphen (EVP-processen), False for a break."""
    tail = before[-2 * MAX_WORD:]  # only the last words matter
    m = _HYPHEN_END.search(tail)
    first = _FIRST_WORD.match(nxt[:MAX_WORD + 1])
    if not m or not first:
        return True  # digits ("1990-talet") or punctuation: keep as written
    pre, post = m.group("pre"), first.group(0)
    if f"{pre}-{post}".lower() in vocab.hyphenated:
        return True
    if f"{pre}{post}".lower() in vocab.words:
        return False
    if post[0].isupper() or (len(pre) >= 2 and pre.isupper()):
        return True  # "EU-Kommissionen", "EVP-processen"
    prev = m.group("prev") or ""
    # a compound on a name of several words keeps its hyphen: "New Public Management-skolan"
    return bool(pre[0].isupper() and prev[:1].isupper()
                and not tail[:m.start()].rstrip().endswith((".", "!", "?", ":")))


def join_lines(lines: list[str], vocab: Vocabulary | None = None) -> str:
    """Join broken lines into one text, repairing end-of-line hyphenation."""
    vocab = vocab or Vocabulary.of(lines)
    parts: list[str] = []
    for raw in lines:
        line = squash(raw)
        if not line:
            continue
        if not parts:
            parts.append(line)
            continue
        out = parts[-1]
        if len(out) >= 2 and out[-1] == "-" and out[-2].isalpha() and _CONJUNCTION.match(line):
            parts[-1] = out + " " + line  # "hygien-" + "och rengöringsartiklar"
        elif len(out) >= 2 and out[-1] == "-" and out[-2].isalpha() and line[:1].isalpha() \
                and not _keep_hyphen(out, line, vocab):
            parts[-1] = out[:-1] + line
        elif len(out) >= 2 and out[-1] == "-" and (out[-2].isalnum()):
            parts[-1] = out + line  # a real hyphen at the line end: no space after it
        else:
            parts[-1] = out + " " + line
    return parts[0] if parts else ""


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))
