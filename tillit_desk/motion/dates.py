"""Dates as Swedish motions write them, to ISO.

2022-01-27, 2022-1-5, 27 januari 2022, den 27 jan. 2022, 27:e januari 2022, 9.4.2017,
27/1 2022, 27/1-2022, 2022.01.27; and, only on a line of its own such as "Vittinge 121214",
the six-digit ÅÅMMDD form. Every pattern has bounded repeats: linear on any input.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..phrases import MONTHS

_SHORT = ("jan", "feb", "febr", "mar", "mars", "apr", "maj", "jun", "jul", "aug", "sep", "sept",
          "okt", "nov", "dec")
_MONTH_RE = "|".join(sorted(set(MONTHS + _SHORT), key=len, reverse=True))
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ISO_DOT = re.compile(r"(?<![\d.])(\d{4})\.(\d{2})\.(\d{2})(?![\d.])")
_LONG = re.compile(rf"(?<!\d)(\d{{1,2}})(?::?e|:a)?\s{{1,3}}({_MONTH_RE})\.?\s{{1,3}}"
                   rf"(\d{{4}})(?!\d)", re.IGNORECASE)
_DMY_DOT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:\s{1,3}|\s?-\s?)(\d{4})(?!\d)")
# a two-digit year after a dash or an apostrophe: "3/5 -23", "3/5-23", "den 3 maj -23", "3 maj '23"
_SLASH_YY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})\s?[-'’]\s?(\d{2})(?!\d)")
_LONG_YY = re.compile(rf"(?<!\d)(\d{{1,2}})(?::?e|:a)?\s{{1,3}}({_MONTH_RE})\.?\s{{0,2}}[-'’]\s?"
                      rf"(\d{{2}})(?!\d)", re.IGNORECASE)
# "Vittinge 121214" / "Lund 220127": a place and ÅÅMMDD, nothing else on the line
_YYMMDD_LINE = re.compile(r"^(?P<words>[^\W\d_][\w-]{0,30}(?:\s[^\W\d_][\w-]{0,30}){0,2}\s{1,5})?"
                          r"(?:den\s)?(\d{2})(\d{2})(\d{2})\s{0,3}$")
# "Motion LTV 160412", "Dnr KS 230412": a reference number, not a place and a date
_REFERENCE_WORDS = {"motion", "dnr", "nr", "diarienummer", "diarienr", "ärende", "ärendenr", "ref",
                    "id", "beslut", "protokoll", "paragraf", "bilaga"}
# a day and a month without a year: "den 3 maj", "3:e maj", "3 maj." (never "3 maj 2023")
_DAY_MONTH = re.compile(rf"(?<![\d.:/])(\d{{1,2}})(?::?e|:a)?\s{{1,3}}({_MONTH_RE})\.?"
                        rf"(?![\w-])(?!\s{{0,3}}\d)", re.IGNORECASE)
MAX_DATE_LINE = 200  # dates are looked for in lines, not in paragraphs of body text


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _century(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _month(word: str) -> int:
    low = word.lower()
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(low[:3]))


def dates_in(text: str) -> list[str]:
    """ISO dates found in a line, in the order written ("21 januari 2022" → "2022-01-21")."""
    found: list[tuple[int, str]] = []

    def add(pos: int, iso: str | None) -> None:
        if iso and not any(p == pos for p, _ in found):
            found.append((pos, iso))

    for m in _ISO.finditer(text):
        add(m.start(), _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _ISO_DOT.finditer(text):
        add(m.start(), _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _LONG.finditer(text):
        add(m.start(), _valid(int(m.group(3)), _month(m.group(2)), int(m.group(1))))
    for m in _DMY_DOT.finditer(text):
        add(m.start(), _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _SLASH.finditer(text):
        add(m.start(), _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _SLASH_YY.finditer(text):
        add(m.start(), _valid(_century(int(m.group(3))), int(m.group(2)), int(m.group(1))))
    for m in _LONG_YY.finditer(text):
        add(m.start(), _valid(_century(int(m.group(3))), _month(m.group(2)), int(m.group(1))))
    return [iso for _, iso in sorted(found)]


def short_date_line(line: str) -> str | None:
    """ "Vittinge 121214" → 2012-12-14: ÅÅMMDD only where a line holds nothing but it."""
    m = _YYMMDD_LINE.match(line.strip()) if len(line) < 80 else None
    if not m:
        return None
    words = (m.group("words") or "").split()
    if any(w.lower() in _REFERENCE_WORDS or (len(w) > 1 and w.isupper()) for w in words):
        return None  # "Motion LTV 160412": the words name a number, not a place
    yy, mm, dd = (int(g) for g in m.groups()[1:])
    return _valid(_century(yy), mm, dd)


def line_dates(line: str) -> list[str]:
    """Dates in one line, including the ÅÅMMDD form on a line of its own."""
    if len(line) > MAX_DATE_LINE:
        return []
    found = dates_in(line)
    if not found:
        short = short_date_line(line)
        if short:
            found = [short]
    return found


def day_months(line: str) -> list[tuple[int, int, str]]:
    """Days with a month but no year in a line ("Lund den 3 maj" → [(3, 5, "3 maj")]); a line
    that holds a whole date gives none. Checked on short lines only, like the whole dates."""
    if len(line) > MAX_DATE_LINE or dates_in(line):
        return []
    out = []
    for m in _DAY_MONTH.finditer(line):
        day, month = int(m.group(1)), _month(m.group(2))
        if _valid(2000, month, day) or (month, day) == (2, 29):
            out.append((day, month, f"{day} {MONTHS[month - 1]}"))
    return out


def with_year(day: int, month: int, year: int) -> str | None:
    return _valid(year, month, day)


def parse_date_text(text: str) -> str | None:
    """A date typed by the user in any of the forms, as ISO (None if it is not a date)."""
    found = line_dates(text.strip())
    return found[0] if found else None
