"""A motion's text → title, addressee, date, motionärer and yrkanden, each with a confidence.

The work is split by job: ``header`` (labels, addressee, title), ``yrkanden`` (the lead-in and
the att-satser), ``signatures`` (the signature block as one unit), ``dates`` and ``text``. This
module puts them together in reading order and says, per field, how sure it is and why — the
import dialog shows that reason next to the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..case import Motion
from .dates import dates_in, day_months, line_dates, parse_date_text, with_year
from .header import read_head
from .signatures import party_code, proposer_parties, read_signatures
from .text import Vocabulary, clean_line, is_page_furniture, join_lines, squash
from .titlecase import calm_shouting
from .yrkanden import MAX_YRKANDE_CHARS, find_yrkanden, is_item_start

__all__ = ["FIELDS", "FIELD_LABELS", "MAX_YRKANDE_CHARS", "ParsedMotion", "UNSURE_BELOW",
           "dates_in", "join_lines", "parse_date_text", "parse_motion", "party_code"]

UNSURE_BELOW = 0.7  # fields with a lower confidence are highlighted for the user
FIELDS = ("title", "addressed_to", "submitted", "motionarer", "yrkanden")
FIELD_LABELS = {"title": "Rubrik", "addressed_to": "Ställd till", "submitted": "Datum",
                "motionarer": "Motionärer", "yrkanden": "Yrkanden (att-satser)"}
MAX_LINES = 20_000  # a motion is a few hundred lines; the rest is not read


@dataclass
class ParsedMotion:
    """The parsed motion plus, per field, how sure the parser is and why."""

    motion: Motion
    confidence: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    source_text: str = ""
    source_name: str = ""
    suggestion: str = ""  # no att-satser: the paragraph that is probably the proposal

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
            "suggestion": self.suggestion,
            "confidence": {f: round(self.confidence.get(f, 0.0), 2) for f in FIELDS},
            "unsure": self.unsure(),
            "notes": {f: n for f, n in self.notes.items() if n},
            "source": self.source_name,
        }


def _wrap_width(lines: list[str]) -> int:
    """The usual width of a hard-wrapped text (PDF), or 0 when lines are paragraphs."""
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.8)]
    near = sum(1 for n in lengths if 0.7 * width <= n <= 1.1 * width)
    return width if 50 <= width <= 140 and near / len(lengths) > 0.4 else 0


def parse_motion(text: str, source_name: str = "") -> ParsedMotion:
    """Parse a motion's text; never raises on odd text, it lowers the confidence instead."""
    lines = [clean_line(x) for x in text.replace("\r\n", "\n").split("\n")[:MAX_LINES]
             if not is_page_furniture(x)]
    vocab = Vocabulary.of(lines)
    result = ParsedMotion(Motion(), source_text=text, source_name=source_name)
    conf, notes, motion = result.confidence, result.notes, result.motion

    width = _wrap_width(lines)
    zone = find_yrkanden(lines, vocab, width)
    motion.yrkanden = zone.items
    result.suggestion = zone.suggestion
    conf["yrkanden"] = zone.confidence
    notes["yrkanden"] = zone.note

    head = read_head(lines, zone.start if zone.start >= 0 else len(lines), width)
    motion.title, conf["title"], notes["title"] = head.title, head.title_conf, head.title_note
    calm = calm_shouting(motion.title, lines)
    if calm != motion.title:
        notes["title"] = "; ".join(x for x in (
            f"rubriken stod med versaler (”{motion.title}”) och skrevs om till vanlig stil; "
            "förkortningar och namn skrevs som i motionens text – kontrollera",
            notes["title"]) if x)
        motion.title, conf["title"] = calm, min(conf["title"], 0.65)
    motion.addressed_to = head.addressee
    conf["addressed_to"], notes["addressed_to"] = head.addressee_conf, head.addressee_note
    if not motion.addressed_to and zone.start >= 0:
        _addressee_from_leadin(lines, zone, result)

    # signatures: after the yrkanden, else the header, else anywhere (unsure)
    sig_start = zone.end if zone.end >= 0 else max(head.head_stop, 0)
    where = "signatures"
    sigs = read_signatures(lines[sig_start:])
    if not sigs.people:
        sigs, where = read_signatures(lines[:max(head.head_stop, head.title_line + 2)]), "header"
    if not sigs.people and zone.start >= 0:  # "A och B (båda SD) yrkar i motion …"
        sigs, where = read_signatures(lines[zone.start:zone.start + 2]), "leadin"
    if not sigs.people:
        sigs, where = read_signatures(lines), "anywhere"
    _party_from_leadin(sigs, lines, zone)
    _party_from_proposer(sigs, lines)
    motion.motionarer = sigs.people
    if not sigs.people:
        conf["motionarer"] = 0.0
        notes["motionarer"] = "hittade inga namn med parti (t.ex. ”Anna Andersson (V)”)"
    else:
        c = {"signatures": 0.95, "header": 0.85, "leadin": 0.85, "anywhere": 0.4}[where]
        c = min(c, 0.85 if sigs.layout_guess else 0.95, 0.75 if sigs.notes else 1.0)
        parts = list(dict.fromkeys(sigs.problems + sigs.notes))
        if parts:
            c = min(c, 0.5)
        if where == "anywhere":
            parts.append("namnen hittades i löptexten, inte bland underskrifterna")
        conf["motionarer"] = c
        notes["motionarer"] = "; ".join(parts)

    _read_date(lines, head, zone.end if zone.end >= 0 else sig_start, result)
    return result


_LEADIN_BODY = re.compile(r"(?<![\wåäöÅÄÖ])((?:kommun|region|landstings)?fullmäktige)"
                          r"(?![\wåäöÅÄÖ])", re.IGNORECASE)


def _addressee_from_leadin(lines: list[str], zone, result: ParsedMotion) -> None:
    """No "Motion till …" line, but the lead-in names the body ("Jag yrkar att
    kommunfullmäktige beslutar"): that body, marked unsure (the place is not said)."""
    own = [lines[zone.start]] + [x for x in lines[zone.start + 1:zone.start + 2]
                                 if not is_item_start(squash(x))]  # not the first att-sats
    leadin = " ".join(squash(x)[:300] for x in own)
    found = {m.group(1).lower() for m in _LEADIN_BODY.finditer(leadin)}
    if len(found) != 1:
        return
    result.motion.addressed_to = found.pop()
    result.confidence["addressed_to"] = 0.6
    result.notes["addressed_to"] = ("läst ur yrkandets inledning; kommunen eller regionen "
                                    "framgår inte")


def _party_from_leadin(sigs, lines: list[str], zone) -> None:
    """Names signed without a party, in a motion whose lead-in names one party as the
    proposer ("Vänsterpartiet Höganäs yrkar", "Centerpartiet föreslår"): that party."""
    missing = [p for p in sigs.people if not p.party]
    if not missing or zone.start < 0:
        return
    leadin = " ".join(squash(x) for x in lines[zone.start:zone.start + 2])[:300]
    codes = {code for word in re.findall(r"[\wåäöÅÄÖ-]+", leadin)
             for code, known in [party_code(word)] if known and len(word) > 3}
    if len(codes) != 1:
        return
    _give_party(sigs, missing, codes.pop(), "står i yrkandets inledning, inte vid namnen")


def _party_from_proposer(sigs, lines: list[str]) -> None:
    """Names still without a party, in a text where exactly one party makes the proposal
    ("Vänsterpartiet i Falkenberg vill därför …"): that party, said in a note."""
    missing = [p for p in sigs.people if not p.party]
    if not missing:
        return
    codes = proposer_parties("\n".join(squash(x) for x in lines))
    if len(codes) != 1:
        return
    _give_party(sigs, missing, codes.pop(), "står i texten som förslagsställare, inte vid namnen")


def _give_party(sigs, missing: list, code: str, where: str) -> None:
    """The motionärer without a party get ``code``, found elsewhere: a guess, said in a note."""
    for person in missing:
        person.party = code
        sigs.problems = [x for x in sigs.problems if x != f"parti saknas för {person.name}"]
    sigs.layout_guess = True
    sigs.notes.append(f"partiet ({code}) {where}")


# "Regionfullmäktige 2024-02-13", "Kommunstyrelsen 2023-05-02": the meeting's date line
_MEETING = re.compile(r"^(?:kommun|region|landstings|stads)?(?:fullmäktige|styrelsen)"
                      r"(?:s\ssammanträde)?\s(?:den\s)?[\d\s./-]{6,12}$", re.IGNORECASE)
_STAMP = re.compile(r"(?<!\w)(?:inkom\w*|ankom\w*|registrerad|mottagen|mottogs|dnr|diarie\w*|"
                    r"expedierad)(?!\w)", re.IGNORECASE)


def _read_date(lines: list[str], head, footer_start: int, result: ParsedMotion) -> None:
    """The label date, else the header's, else the signature block's, else a day without a
    year there ("Lund den 3 maj") with the year the document gives elsewhere, else the body's.
    A registration stamp ("Kommunstyrelsen inkom 2022-02-03") is the office's date, not the
    motion's: it is used only when there is no other."""
    conf, notes = result.confidence, result.notes
    stop = max(head.head_stop, head.title_line + 1, head.addressee_line + 1)
    stamps: list[str] = []

    def dates(i: int) -> list[str]:
        found = line_dates(lines[i])
        if found and (_STAMP.search(lines[i][:200]) or _MEETING.match(squash(lines[i])[:200])):
            stamps.extend(found)  # the office's stamp or the meeting's date, not the motion's
            return []
        return found

    near = [i for i in range(0, stop)] + [i for i in range(max(footer_start, stop), len(lines))
                                          if len(squash(lines[i])) < 80]
    header = list(head.label_date) + [d for i in range(0, stop) for d in dates(i)]
    footer = [d for i in near if i >= stop for d in dates(i)]
    found = header or footer
    if found:
        result.motion.submitted = found[0]
        distinct = sorted(set(header + footer))
        conf["submitted"] = 0.95 if len(distinct) == 1 else 0.6
        notes["submitted"] = "" if len(distinct) == 1 else (
            "motionen har flera datum (" + ", ".join(distinct) + "); det första valdes")
        if stamps and len(distinct) == 1:
            notes["submitted"] = (f"stämpeln eller mötesdatumet {', '.join(sorted(set(stamps)))} "
                                  f"räknas inte som motionens datum")
        return
    partial = [dm for i in near if i != head.title_line for dm in day_months(lines[i])]
    if partial:
        _date_from_elsewhere(partial[0], lines, near, stamps, result)
        return
    if stamps:
        result.motion.submitted = stamps[0]
        conf["submitted"] = 0.5
        notes["submitted"] = ("bara en inkomststämpel eller ett mötesdatum har datum – "
                              "kontrollera motionens datum")
        return
    body = [d for line in lines for d in line_dates(line)]
    if body:
        result.motion.submitted = body[-1]
        conf["submitted"] = 0.4
        notes["submitted"] = "datumet hittades bara i löptexten – kontrollera det"
    else:
        conf["submitted"] = 0.0
        notes["submitted"] = "motionen har inget datum"


# "KS 2023/0123", "Dnr 2023:45", "LS 2016-0674": the registration year of the case
_DIARIENUMMER = re.compile(r"(?<![\w/])(?:[Dd]nr\.?:?\s?|[A-ZÅÄÖ]{1,6}[ /-]?)"
                           r"(?P<year>(?:19|20)\d{2})[/:.-]\d{1,6}(?![\d/])")
_YEAR_ALONE = re.compile(r"(?<![\d/.:-])(?P<year>19[5-9]\d|20\d{2})(?![\d/.:-])")


def _date_from_elsewhere(partial: tuple[int, int, str], lines: list[str], near: list[int],
                         stamps: list[str], result: ParsedMotion) -> None:
    """ "den 3 maj" without a year: the year of the diarienummer, else of the office's stamp,
    else a year alone in the header or signature lines, else of a whole date in the text.
    Always unsure, with the source named, since the year is read, not written there."""
    day, month, said = partial
    conf, notes = result.confidence, result.notes
    short = [squash(x)[:200] for x in lines if x.strip() and len(x) <= 200]
    sources: list[tuple[int, str]] = []
    for line in short:
        m = _DIARIENUMMER.search(line)
        if m:
            sources.append((int(m.group("year")), f"diarienumret {m.group(0).strip()}"))
            break
    for stamp in stamps[:1]:
        year = int(stamp[:4])
        if with_year(day, month, year) and with_year(day, month, year) > stamp:
            year -= 1  # "den 28 december", stamped in January: the year before the stamp
        sources.append((year, f"stämpeln {stamp}"))
    for i in near:
        m = _YEAR_ALONE.search(lines[i]) if not line_dates(lines[i]) else None
        if m and not _DIARIENUMMER.search(lines[i]):
            sources.append((int(m.group("year")), f"årtalet {m.group('year')} i "
                            f"”{squash(lines[i])[:60]}”"))
            break
    body = [d for line in lines for d in line_dates(line)]
    if body:
        sources.append((int(body[0][:4]), f"datumet {body[0]} i texten"))
    for year, source in sources:
        iso = with_year(day, month, year)
        if iso:
            result.motion.submitted = iso
            conf["submitted"] = 0.5
            notes["submitted"] = (f"datumet ”{said}” saknar år; {year} är taget från {source} "
                                  f"– kontrollera året")
            return
    conf["submitted"] = 0.0
    notes["submitted"] = (f"datumet ”{said}” saknar år, och inget annat i motionen säger vilket "
                          f"år det är")
