"""Metadata and dates: diarienummer, the document date, Beslutsunderlag and the motion's age.

A Beslutsunderlag date that does not match the document's own date is a classic copy-paste slip
(the seed document lists "Kommunkontorets tjänsteskrivelse 2020-05-02" on a 2022-05-02 document).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Context, parse_iso
from .findings import DOCUMENT, FEL, MOTION, TIPS, UNDERLAG, VARNING, Finding, at, whole
from .registry import case_rule, section_rule
from .text import Analysis, matches_at

_ISO_RE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_SELF_RE = re.compile(r"tjänsteskrivelse|tjänsteutlåtande|tjänsteyttrande", re.IGNORECASE)
_OTHER_BODY_RE = re.compile(r"\b(?:protokoll|beslut|yttrande|remissvar|motion|skrivelse från)",
                            re.IGNORECASE)


@case_rule("metadata.diarienummer", "Diarienumret följer profilens mönster")
def diarienummer(ctx: Context) -> Iterator[Finding]:
    value = ctx.case.document.diarienummer.strip()
    example = ctx.profile.diarienummer_example
    hint = f" (till exempel {example})" if example else ""
    if not value:
        yield whole("metadata.diarienummer", FEL, DOCUMENT, f"Diarienummer saknas{hint}.")
        return
    verdict = ctx.profile.diarienummer_check(value)  # time-limited: the pattern is user data
    if verdict is False:
        yield whole("metadata.diarienummer", FEL, DOCUMENT,
                    f"Diarienumret ”{value}” följer inte {ctx.profile.organisation or 'profilens'}"
                    f" mönster{hint}.", value)
    elif verdict is None:
        yield whole("metadata.diarienummer", TIPS, DOCUMENT,
                    "Diarienumret kunde inte kontrolleras: profilens mönster "
                    "(diarienummer.pattern i profile.toml) tar för lång tid eller går inte att "
                    "använda. Be den som förvaltar profilen att förenkla det.", value)


@case_rule("metadata.datum", "Dokumentets datum är ett riktigt datum")
def document_date(ctx: Context) -> Iterator[Finding]:
    value = ctx.case.document.date.strip()
    if not value:
        yield whole("metadata.datum", FEL, DOCUMENT, "Datum saknas (skriv ÅÅÅÅ-MM-DD).")
    elif ctx.document_date is None:
        yield whole("metadata.datum", FEL, DOCUMENT,
                    f"”{value}” är inte ett giltigt datum (skriv ÅÅÅÅ-MM-DD).", value)


def _underlag_date(text: str, date_field: str) -> str:
    if date_field.strip():
        return date_field.strip()
    m = _ISO_RE.search(text)
    return m.group() if m else ""


def _is_this_document(ctx: Context, n: int, before: str) -> bool:
    """The first item, or one that starts with our own unit ("Kommunkontorets ...")."""
    if _OTHER_BODY_RE.search(before):
        return False
    unit = (ctx.case.document.unit or ctx.profile.unit).strip().lower()
    return n == 1 or (len(unit) >= 5 and before.strip().lower().startswith(unit[:-1]))


@case_rule("metadata.underlag_datum", "Tjänsteskrivelsens datum i Beslutsunderlag")
def underlag_dates(ctx: Context) -> Iterator[Finding]:
    doc_date = ctx.case.document.date.strip()
    items = ctx.case.underlag
    for n, item in enumerate(items, 1):
        text = item.text.strip()
        dates_in_text = [m.group() for m in _ISO_RE.finditer(text)]
        for d in [item.date.strip(), *dates_in_text]:
            if d and parse_iso(d) is None:
                yield whole("metadata.underlag_datum", FEL, UNDERLAG,
                            f"Beslutsunderlag {n}: ”{d}” är inte ett giltigt datum.", text or d)
        own = _SELF_RE.search(text)
        if not own or not doc_date:
            continue
        # "Kommunkontorets tjänsteskrivelse 2020-05-02 Motion från ...": the date right after
        # the word is this document's; another body's tjänsteskrivelse is left alone
        if not _is_this_document(ctx, n, text[: own.start()]):
            continue
        after = _ISO_RE.search(text, own.end())
        dated = after.group() if after else item.date.strip()
        if dated and dated != doc_date:
            yield whole("metadata.underlag_datum", FEL, UNDERLAG,
                        f"Beslutsunderlag {n} anger tjänsteskrivelsens datum {dated}, men "
                        f"dokumentets datum är {doc_date}.", text, doc_date)
    if items and not _SELF_RE.search(items[0].text) and any(_SELF_RE.search(i.text)
                                                            for i in items[1:]):
        yield whole("metadata.underlag_ordning", TIPS, UNDERLAG,
                    "Tjänsteskrivelsen brukar stå först i Beslutsunderlag.", items[0].text)


@case_rule("metadata.motionsdatum", "Motionen är inlämnad före dokumentets datum")
def motion_date(ctx: Context) -> Iterator[Finding]:
    motion = ctx.case.motion
    if motion is None or not motion.submitted.strip():
        return
    submitted = parse_iso(motion.submitted)
    if submitted is None:
        yield whole("metadata.motionsdatum", FEL, MOTION,
                    f"Motionens datum ”{motion.submitted}” är inte ett giltigt datum.")
        return
    doc = ctx.document_date
    if doc is not None and submitted > doc:
        yield whole("metadata.motionsdatum", FEL, MOTION,
                    f"Motionen är daterad {submitted.isoformat()}, efter tjänsteskrivelsens "
                    f"datum {doc.isoformat()}.", motion.submitted)


@case_rule("metadata.motion_ett_ar", "Motionen besvaras inom ett år (KL 5 kap. 35 §)")
def motion_age(ctx: Context) -> Iterator[Finding]:
    motion = ctx.case.motion
    if motion is None:
        return
    submitted = parse_iso(motion.submitted)
    doc = ctx.document_date
    if submitted is None or doc is None:
        return
    try:
        anniversary = submitted.replace(year=submitted.year + 1)
    except ValueError:  # 29 February
        anniversary = submitted.replace(year=submitted.year + 1, day=28)
    if doc > anniversary:
        yield whole("metadata.motion_ett_ar", VARNING, MOTION,
                    f"Mer än ett år har gått sedan motionen väcktes ({submitted.isoformat()}). "
                    "Enligt kommunallagen (2017:725) 5 kap. 35 § ska en motion beredas så att "
                    "fullmäktige kan besluta inom ett år; annars ska det redovisas för "
                    "fullmäktige, som får avskriva motionen.", motion.submitted)


def iso_dates(a: Analysis) -> Iterator[re.Match[str]]:
    """``_ISO_RE.finditer(a.text)``, tried only at runs of exactly four digits: a date starts
    with one (the year), so the rest of a long text need not be scanned again."""
    return matches_at(_ISO_RE, a.text, [s for s, e in a.digit_runs if e - s == 4])


@section_rule("metadata.datum_i_text", "Datum i texten är riktiga datum")
def dates_in_text(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    for m in iso_dates(a):
        if parse_iso(m.group()) is None:
            yield at("metadata.datum_i_text", VARNING, section, a.text, m.start(), m.end(),
                     f"”{m.group()}” är inte ett giltigt datum.")
