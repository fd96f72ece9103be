"""Personal data in the text: personnummer, samordningsnummer, private phone numbers, e-mail.

A tjänsteskrivelse is a public document copied into the protocol; identity numbers and private
contact details in it are a data-protection incident. The handläggare's own work e-mail and
phone belong in the header and are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .context import Context
from .findings import FEL, TIPS, VARNING, Finding, at
from .registry import section_rule
from .text import Analysis, matches_at

PERSONAL_DATA_RULES = ("personuppgift.personnummer", "personuppgift.telefon",
                       "personuppgift.epost")

_PNR_RE = re.compile(
    r"(?<![\d/.-])(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+])?\s?(\d{4})(?![\d/-]|\.\d)")
# the first character class lets the regex engine skip ahead fast; the lookbehinds then check
# that the number does not continue a longer number, a date or a diarienummer
_PHONE_RE = re.compile(
    r"[+0](?<![\d/.-][+0])(?:(?<=\+)46|(?<=0)046|(?<=0))[\s-]?\(?0?\)?\d{1,3}"
    r"(?:[\s-]?\d{2,3}){2,4}(?![\d/-])")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
PRIVATE_MAIL_DOMAINS = frozenset(
    [
        "gmail.com", "hotmail.com", "hotmail.se", "outlook.com", "outlook.se", "live.se",
        "live.com", "yahoo.com", "yahoo.se", "icloud.com", "me.com", "msn.com", "telia.com",
        "bredband.net", "spray.se", "passagen.se", "comhem.se", "bahnhof.se", "protonmail.com",
        "proton.me", "tutanota.com", "gmx.com", "gmx.net", "aol.com", "mail.com"
    ]
)


def luhn_ok(digits: str) -> bool:
    """The Luhn check on the ten digits YYMMDDNNNC (Skatteverket's check digit)."""
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def identity_number(match: re.Match[str]) -> str | None:
    """"personnummer" or "samordningsnummer" when the match is a valid one, else None."""
    century, yy, mm, dd, _sep, last = match.groups()
    day = int(dd)
    kind = "personnummer"
    if day > 60:  # samordningsnummer: day + 60
        kind, day = "samordningsnummer", day - 60
    if not 1 <= int(mm) <= 12 or not 1 <= day <= 31:
        return None
    if century is not None:
        if century not in ("18", "19", "20"):
            return None
        try:
            date(int(century + yy), int(mm), day)
        except ValueError:
            return None
    if not luhn_ok(yy + mm + dd + last):
        return None
    return kind


def _pnr_matches(a: Analysis) -> Iterator[re.Match[str]]:
    """``_PNR_RE.finditer(a.text)``, tried only at runs of six or more digits (YYMMDD...):
    the shared digit scan replaces a scan of the whole text with a look-behind everywhere."""
    return matches_at(_PNR_RE, a.text, [s for s, e in a.digit_runs if e - s >= 6])


def _phone_matches(a: Analysis) -> Iterator[re.Match[str]]:
    """``_PHONE_RE.finditer(a.text)``, tried only where a run of digits starts (a "0") or right
    before one (a "+46")."""
    text = a.text
    starts = [c for s, _e in a.digit_runs
              for c in ((s - 1, s) if s and text[s - 1] == "+" else (s,))]
    return matches_at(_PHONE_RE, text, starts)


@section_rule("personuppgift.personnummer", "Personnummer och samordningsnummer")
def identity_numbers(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    for m in _pnr_matches(a):
        kind = identity_number(m)
        if kind is None:
            continue
        yield at("personuppgift.personnummer", FEL, section, a.text, m.start(), m.end(),
                 f"Texten innehåller ett {kind}. Ta bort det: handlingen blir allmän och "
                 "kopieras till protokollet.")


def _digits(value: str) -> str:
    d = re.sub(r"\D", "", value)
    if d.startswith("0046"):
        d = "0" + d[4:]
    elif d.startswith("46") and value.strip().startswith("+"):
        d = "0" + d[2:]
    return d


@section_rule("personuppgift.telefon", "Telefonnummer i texten")
def phone_numbers(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    own = _digits(ctx.case.document.handlaggare.phone)
    for m in _phone_matches(a):
        digits = _digits(m.group())
        if not 8 <= len(digits) <= 11 or (own and digits == own):
            continue
        pnr = _PNR_RE.fullmatch(m.group().strip())
        if pnr is not None and identity_number(pnr) is not None:
            continue  # reported as a personnummer
        mobile = digits.startswith("07")
        yield at("personuppgift.telefon", VARNING if mobile else TIPS, section, a.text,
                 m.start(), m.end(),
                 ("Ett mobilnummer står i texten. " if mobile else "Ett telefonnummer står i "
                  "texten. ") + "Kontrollera att det inte är en privatpersons nummer.")


@section_rule("personuppgift.epost", "E-postadresser i texten")
def email_addresses(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    if "@" not in a.text:
        return
    own = ctx.case.document.handlaggare.email.strip().lower()
    for m in _EMAIL_RE.finditer(a.text):
        address = m.group().rstrip(".").lower()
        if own and address == own:
            continue
        domain = address.rsplit("@", 1)[-1]
        private = domain in PRIVATE_MAIL_DOMAINS
        yield at("personuppgift.epost", VARNING if private else TIPS, section, a.text,
                 m.start(), m.start() + len(m.group().rstrip(".")),
                 "En privat e-postadress står i texten. Ta bort den." if private else
                 "En e-postadress står i texten. Kontrollera att den inte är en privatpersons.")
