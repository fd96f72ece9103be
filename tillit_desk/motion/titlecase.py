"""A title written in capitals ("MOTION OM FLER CYKELVÄGAR") in ordinary sentence case.

Why: the title goes into the answer as "Motion från … – <titel>", where capitals read as
shouting and differ from every other heading in the document. Only a clearly shouted title
is changed (every letter a capital, at least two words of four letters or more), and each
word is written the way the motion's own text writes it: an acronym the text writes in
capitals ("LSS") or a common one ("IT", "EU") stays, a name the text writes with a capital
inside a sentence ("Ystad") keeps it, every other word is lower case.
"""

from __future__ import annotations

import re
from collections import Counter

from .text import LET

# acronyms common in motions, kept in capitals even when the text never writes them
KNOWN_ACRONYMS = {"LSS", "IT", "EU", "FN", "SFI", "HVB", "LOU", "LOV", "BUP", "VA", "GC",
                  "HBTQ", "HBTQI", "PBL", "AI", "ÖP", "KF", "KS", "SoL", "LVU", "LVM", "NPF",
                  "ADHD", "SMS", "GDPR", "ID", "BRÅ", "MSB", "SKR", "SCB", "UF", "ABF", "NMT"}
_KNOWN_UPPER = {a.upper(): a for a in KNOWN_ACRONYMS}
_TOKEN = re.compile(rf"{LET}+")
MAX_TEXT = 200_000  # the text read for the words' usual form


def is_shouted(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 8 or any(c.islower() for c in letters):
        return False
    return sum(1 for w in _TOKEN.findall(title) if len(w) >= 4) >= 2


def _usual_forms(lines: list[str]) -> tuple[set[str], Counter, Counter]:
    """Acronyms (capitals inside a line that has small letters), and how often each word is
    written capitalised inside a sentence and in lower case."""
    acronyms: set[str] = set()
    capital: Counter = Counter()
    lower: Counter = Counter()
    used = 0
    for line in lines:
        used += len(line)
        if used > MAX_TEXT:
            break
        if not any(c.islower() for c in line):
            continue  # a line in capitals says nothing about how its words are written
        for m in _TOKEN.finditer(line):
            word = m.group(0)
            before = line[:m.start()].rstrip()
            if len(word) >= 2 and word.isupper():
                acronyms.add(word)
            elif word[0].isupper() and word[1:].islower() and before \
                    and not before.endswith((".", "!", "?", ":", "–", "-", "•")):
                capital[word.lower()] += 1
            elif word.islower():
                lower[word] += 1
    return acronyms, capital, lower


def calm_shouting(title: str, lines: list[str]) -> str:
    """The title in sentence case when it is clearly shouted; else the title as it is."""
    if not is_shouted(title):
        return title
    acronyms, capital, lower = _usual_forms([x for x in lines if x.strip() != title.strip()])

    def word(m: re.Match) -> str:
        raw = m.group(0)
        if raw in acronyms:
            return raw
        if raw in _KNOWN_UPPER:
            return _KNOWN_UPPER[raw]
        low = raw.lower()
        return low.capitalize() if capital[low] > lower[low] else low

    calm = _TOKEN.sub(word, title)
    return calm[:1].upper() + calm[1:]
