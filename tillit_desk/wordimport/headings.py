"""Which profile section a heading names: exact text first, then known synonyms.

Municipalities name the same section differently ("Överväganden" in Region Skåne is
"Bedömning" elsewhere, Lund writes "Underlag för beslutet" for Beslutsunderlag), and officers
prefix headings with their office ("Stadskontorets bedömning"). Matching is on normalised text
(case, spaces, smart quotes, a trailing colon and a leading number do not count).
"""

from __future__ import annotations

import re
import unicodedata

from ..case import DEFAULT_HEADINGS
from ..profiles import Profile

# section id -> other headings seen in real documents (normalised form is compared)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "sammanfattning": ("sammanfattning", "sammanfattning av ärendet", "ärendet i korthet",
                       "kort sammanfattning"),
    "forslag_till_beslut": ("förslag till beslut", "ordförandens förslag", "beslutsförslag",
                            "förslag till beslut i kommunstyrelsen", "förslag till yttrande",
                            "yrkande", "förvaltningens förslag"),
    "underlag": ("beslutsunderlag", "underlag för beslutet", "underlag för beslut", "underlag",
                 "handlingar i ärendet", "bilagor", "beslutsunderlag och bilagor"),
    "arendet": ("ärendet", "ärendebeskrivning", "beskrivning av ärendet", "bakgrund",
                "bakgrund och ärendebeskrivning", "ärendet och dess beredning", "föredragning",
                "redogörelse för ärendet", "ärendets beredning"),
    "bedomning": ("bedömning", "överväganden", "förvaltningens bedömning",
                  "överväganden och förslag", "analys", "bedömning och förslag",
                  "skäl för beslutet", "förvaltningens synpunkter"),
    "barnets_basta": ("barnets bästa", "barnkonsekvensanalys", "barnkonsekvenser",
                      "barnperspektiv", "prövning av barnets bästa", "barnrättsperspektiv"),
    "ekonomiska_konsekvenser": ("ekonomiska konsekvenser", "ekonomi", "ekonomiska aspekter",
                                "finansiering", "ekonomiska effekter", "konsekvenser för ekonomin",
                                "ekonomi och finansiering"),
    "beredning": ("beredning", "ärendets beredning och beslutsgång"),
    "beslutsplanering": ("beslutsplanering", "beslutsgång", "ärendets beslutsgång",
                         "planerad beslutsgång"),
    "skickas_till": ("beslutet skickas till", "beslut skickas till", "beslutet ska skickas till",
                     "expedieras till", "beslutet expedieras till", "sändlista",
                     "expediering", "beslut sänds till", "beslutet sänds till"),
    "remissinstanser": ("remissinstanser", "remissvar"),
    "motivering": ("motivering till beslut", "motivering", "beslutsmotivering"),
    "jamstalldhet": ("jämställdhet", "jämställdhetsanalys", "jämställdhetsperspektiv"),
    "miljo": ("miljö", "miljökonsekvenser", "miljöperspektiv", "miljöaspekter"),
    "samverkan": ("samverkan", "mbl", "samverkan enligt mbl", "facklig samverkan"),
    "signatures": ("underskrifter", "underskrift", "ansvariga", "ansvarig"),
}
# endings that name the section whoever's it is ("Stadskontorets bedömning")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("förslag till beslut", "forslag_till_beslut"),
    ("s bedömning", "bedomning"),
    ("s bedömning och förslag", "bedomning"),
    ("s överväganden", "bedomning"),
)
_NUMBER = re.compile(r"^\s*(\d+(\.\d+)*\.?|[IVX]+\.)\s+")
_QUOTES = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "\u00a0": " ",
                         "–": "-", "—": "-"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _NUMBER.sub("", text)
    text = " ".join(text.split()).strip(" :.").lower()
    return text


_TABLES: dict[tuple, dict[str, str]] = {}


def _table(profile: Profile) -> dict[str, str]:
    """Normalised heading → section id for one profile: its own headings first, then the
    synonyms (the profile's sections before the others)."""
    key = tuple((s.id, s.heading) for s in profile.sections)
    table = _TABLES.get(key)
    if table is None:
        table = {}
        ids = [s.id for s in profile.sections]
        for sid in ids + [s for s in SYNONYMS if s not in ids]:
            for name in (*SYNONYMS.get(sid, ()), DEFAULT_HEADINGS.get(sid, "")):
                if name:
                    table.setdefault(normalise(name), sid)
        for spec in reversed(profile.sections):
            table[normalise(spec.heading)] = spec.id
        _TABLES[key] = table
    return table


def match_heading(text: str, profile: Profile) -> str | None:
    """The section id a heading names, or None. Profile headings win over synonyms."""
    key = normalise(text)
    if not key:
        return None
    own = {normalise(s.heading): s.id for s in profile.sections}
    if key in own:
        return own[key]
    sid = _table(profile).get(key)
    if sid is not None:
        return sid
    for suffix, sid in _SUFFIXES:
        if key.endswith(suffix) and len(key.split()) <= 6:
            return sid
    return None


def is_known_heading(text: str, profile: Profile) -> bool:
    return match_heading(text, profile) is not None


def custom_id(heading: str, taken: set[str]) -> str:
    """The import plan's id for a heading that names no known section: its words, lower case,
    underscored ("Stadskontorets förslag" → ``stadskontorets_förslag``), so the mapping dialog
    can offer it. The case gets an added section of ``case.layout`` for it
    (``views.case_ids``: egen_1, egen_2 …)."""
    base = "_".join(re.findall(r"\w+", normalise(heading))) or "avsnitt"
    base = base[:60]
    sid, n = base, 2
    while sid in taken or sid in DEFAULT_HEADINGS or sid in SYNONYMS:
        sid = f"{base}_{n}"
        n += 1
    return sid
