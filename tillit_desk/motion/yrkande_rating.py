"""How sure a read yrkande list is: every att-sats kept to a sane length, and the signs that one
ran on or was cut (a clause left open, a signature, an address or a link at its end) lower the
confidence and say why. The zone itself is found in ``yrkanden.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .signatures import has_signature

MAX_YRKANDE_CHARS = 600  # the corpus's longest att-sats is ~230 characters
ENDS_CLAUSE = re.compile(r"(?:[,;.:!?]|\bsamt|\boch)$", re.IGNORECASE)


@dataclass
class Zone:
    """The att-satser read, where they stood, and how sure the reading is (with why)."""

    items: list[str]
    start: int = -1  # the lead-in line (-1: none)
    end: int = -1  # first line after the zone
    confidence: float = 0.0
    note: str = ""
    suggestion: str = ""


def rate(items: list[str], start: int, end: int, strength: int, problems: list[str],
         remarks: list[str] | None = None) -> Zone:
    """The zone for ``items``; ``strength`` 2 = a lead-in and a list, 1 = running text."""
    conf = 0.95 if strength == 2 else 0.75
    notes = list(problems) + list(remarks or [])
    clipped = []
    for t in items:
        if len(t) > MAX_YRKANDE_CHARS:
            cut = t[:MAX_YRKANDE_CHARS]
            stop = cut.rfind(". ")
            t = cut[:stop + 1] if stop > 40 else cut.rstrip() + " …"
            notes.append("en att-sats var för lång och har kortats – kontrollera den")
            conf = min(conf, 0.4)
        clipped.append(t)
    if len(clipped) > 1 and any(not ENDS_CLAUSE.search(t) for t in clipped[:-1]) and \
            not all(t[:3].lower() == "att" for t in clipped):
        conf = min(conf, 0.75)
    if problems:
        conf = min(conf, 0.5)
    if any(stops_mid_sentence(t) for t in clipped):
        notes.append("en att-sats slutar mitt i en mening – kontrollera var den slutar")
        conf = min(conf, 0.5)
    if any(_foreign_tail(t) for t in clipped):
        notes.append("en att-sats tycks innehålla en underskrift, adress eller länk – kontrollera "
                     "var den slutar")
        conf = min(conf, 0.5)
    if strength == 1:
        notes.append("yrkandet står i löptext efter ”yrkar/föreslår/hemställer”")
    return Zone(clipped, start, end, conf, "; ".join(dict.fromkeys(notes)))


# words a Swedish clause does not end on: an att-sats ending in one has lost its end (a cut
# PDF line, a page break). "och", "samt", "eller" end listed att-satser as written.
_OPEN_END = {"i", "på", "med", "mellan", "för", "till", "av", "om", "att", "en", "ett", "den",
             "det", "de", "som", "från", "vid", "under", "över", "hos", "mot", "genom", "efter",
             "utan", "inom", "kring", "enligt", "inför", "samtliga", "alla", "vår", "våra",
             "kommunens", "regionens"}


_ADDRESS = re.compile(r"[\w.-]+@[\w-]+\.\w|(?<!\w)www\.|https?://")


def _foreign_tail(text: str) -> bool:
    """An att-sats that ran on into the signature ("… i parken Anna Berg (S)") or an
    address: the end of the item was not seen."""
    tail = text[-120:]
    return bool(_ADDRESS.search(tail)) or has_signature(tail)


def stops_mid_sentence(text: str) -> bool:
    words = text[-40:].split()
    return bool(words) and words[-1].lower() in _OPEN_END
