"""The motion's head: labels first ("Motion:", "Datum:", "Till:", "Dnr"), then addressee and title.

A label is split off before anything else is read, so "Motion: X      Datum: 9 november 2014"
gives the title X and the date, not a title that ends in a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import line_dates
from .signatures import has_signature
from .text import squash

LABELS = {"motion": "title", "rubrik": "title", "ämne": "title", "datum": "date",
          "inlämnad": "date", "till": "addressee", "ställd till": "addressee", "dnr": "dnr",
          "diarienummer": "dnr", "ärende": "subject", "från": "from", "motionär": "from",
          "motionärer": "from", "förslagsställare": "from"}
_LABEL = re.compile(r"(?:^|(?<=\s\s)|(?<=\t))(?P<label>ställd till|förslagsställare|"
                    r"diarienummer|motionärer|motionär|inlämnad|rubrik|motion|datum|ämne|"
                    r"ärende|till|från|dnr)\s?[:.]\s?(?=\S)", re.IGNORECASE)
_FULLMAKTIGE = r"(?:kommun|region|landstings|stads|förbunds)?fullmäktige"
_CAP = r"[A-ZÅÄÖ][\wåäöÅÄÖ'’-]{0,40}"
_ADDR_CORE = (rf"(?:{_CAP}\s){{0,3}}{_FULLMAKTIGE}"
              rf"(?:\s(?:i|för)\s{_CAP}(?:\s(?:kommun|Kommun|stad|Stad|län|region|{_CAP})){{0,2}}"
              # "Regionfullmäktige, Region Uppsala", "Kommunfullmäktige, Lunds kommun"
              rf"|,\s(?:Region|Landstinget)\s{_CAP}(?:\s(?:län|{_CAP}))?"
              rf"|,\s{_CAP}\s(?:kommun|stad))?")
_ADDR_LINE = re.compile(rf"^(?:motion\s)?(?:ställd\s)?(?:till\s)?(?P<addr>{_ADDR_CORE})"
                        rf"(?:\s(?:den\s)?.{{0,30}}\d.{{0,20}})?\s?[.,:]?$", re.IGNORECASE)
_ADDR_INLINE = re.compile(rf"\btill\s(?P<addr>{_ADDR_CORE})", re.IGNORECASE)
_MOTION_ABOUT = re.compile(r"^Motion\s(?:om|angående|ang\.?|gällande|avseende|rörande|kring|"
                           r"för|mot)\s\S", re.IGNORECASE)
_NOT_TITLE = re.compile(r"^(?:motion(?:\s(?:till|från|av)\b.*)?|sida\s.*|page\s.*|\d+\s?\(\d+\)|"
                        r"underskrift(?:er)?|bakgrund|förslag(?:\still\sbeslut)?|yrkande[n]?|"
                        r"motivering|förslag till beslut)\W*$", re.IGNORECASE)
# the organisation's name on letter paper ("LUNDS KOMMUN", "Region Skåne"), not a title
_ORGANISATION = re.compile(r"^(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]{1,30}s?\s(?:kommun|stad|region|landsting)|"
                           r"(?:region|landstinget)\s[A-ZÅÄÖ][\wåäöÅÄÖ-]{1,30}(?:\s\w{1,12})?)$",
                           re.IGNORECASE)
# the date part of a "place and date" line: "den 12 september 2019", "onsdag 3 maj 2023"
_DATE_WORDS = re.compile(r"(?<![\wåäö])(?:den|\d{1,4}(?:[-./:]\d{1,4}){0,2}(?::?e|:a)?|"
                         r"måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|januari|februari|"
                         r"mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
                         r"(?![\wåäö])", re.IGNORECASE)
_EXPLICIT_ADDRESS = re.compile(r"^(?:motion\s)?(?:ställd\s)?till\s", re.IGNORECASE)
_AGENDA_NUMBER = re.compile(r"^(?:ärende|punkt|bilaga|paragraf|§)\s?\d{1,4}\W*$", re.IGNORECASE)
HEAD_LINES = 14
BODY_WORDS = 20  # a line this long is body text: the title and addressee come before it


@dataclass
class Head:
    title: str = ""
    title_conf: float = 0.0
    title_note: str = ""
    title_line: int = -1
    addressee: str = ""
    addressee_conf: float = 0.0
    addressee_note: str = ""
    addressee_line: int = -1
    label_date: list[str] = field(default_factory=list)
    head_stop: int = 0  # first line of the body


def split_labels(line: str) -> list[tuple[str, str]]:
    """"Motion: X      Datum: 9 november 2014" → [("title", "X"), ("date", "9 november 2014")].
    A line without labels gives [("", line)]."""
    text = line.strip()
    if len(text) > 300:
        return [("", text)]
    marks = list(_LABEL.finditer(text))
    if not marks:
        return [("", text)]
    out: list[tuple[str, str]] = []
    if marks[0].start() > 0:
        out.append(("", text[:marks[0].start()].strip()))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out.append((LABELS[m.group("label").lower()], text[m.end():end].strip()))
    return out


def addressee_in(text: str) -> str:
    """The addressee in a line ("Motion till Lunds kommunfullmäktige den 3 maj" →
    "Lunds kommunfullmäktige"), or ""."""
    text = squash(text)[:200]
    m = _ADDR_LINE.match(text) or _ADDR_INLINE.search(text)
    if not m:
        return ""
    addr = m.group("addr").strip(" .,:")
    addr = re.sub(r"\s(?:den|Den)$", "", addr)
    return addr


_SENTENCE_INSIDE = re.compile(r"[.!?] [A-ZÅÄÖ]")
# "Motion från Liberalerna: Fler poliser i centrum": who, then the title after the colon
_AFTER_MOTIONARER = re.compile(r"^motion\s(?:från|av)\s[^:]{2,80}:\s(?P<title>\S.{3,150})$",
                               re.IGNORECASE)
_AFTER_ADDRESSEE = re.compile(r"^[^:]{5,80}fullmäktige\s?:\s(?P<title>\S.{3,150})$", re.IGNORECASE)


def _is_body(lines: list[str], i: int, width: int) -> bool:
    """Body text: a long line, a line with a sentence end inside, or (in a hard-wrapped PDF)
    a full-width line that the next line continues."""
    text = squash(lines[i])
    if len(text.split()) >= BODY_WORDS or len(text) > 110 or _SENTENCE_INSIDE.search(text):
        return True
    follows = i + 1 < len(lines) and bool(lines[i + 1].strip())
    if not (width and follows and len(text) >= 0.75 * width):
        return False
    nxt = squash(lines[i + 1])
    if not nxt[:1].islower():
        return False  # the next line starts afresh: this full line stands alone (a heading)
    # a heading wrapped onto a short last line ("… till och med årskurs tre på" + "gymnasiet"),
    # then a blank line or a new paragraph
    after = squash(lines[i + 2]) if i + 2 < len(lines) else ""
    return not (len(nxt) < 0.6 * width and not nxt.endswith((".", ",", ";", ":"))
                and (not after or not after[:1].islower()))


def read_head(lines: list[str], stop_at: int, width: int = 0) -> Head:
    """Labels, addressee and title from the lines before the body (and before ``stop_at``,
    where the yrkanden start)."""
    head = Head()
    nonblank = [i for i in range(min(len(lines), stop_at)) if lines[i].strip()][:HEAD_LINES]
    candidates: list[tuple[int, str]] = []
    addressed_explicitly = False
    head.head_stop = nonblank[-1] + 1 if nonblank else 0
    for i in nonblank:
        if _is_body(lines, i, width):
            head.head_stop = i
            break
        for label, value in split_labels(lines[i]):
            value = squash(value)
            if not value:
                continue
            addressee = addressee_in(value)
            if addressee and label in ("", "title", "addressee"):
                explicit = bool(label) or bool(_EXPLICIT_ADDRESS.match(value))
                if not head.addressee or (explicit and not addressed_explicitly):
                    # "Motion till …" beats a bare "Regionfullmäktige 2024-02-13" above it
                    head.addressee, head.addressee_line = addressee, i
                    addressed_explicitly = explicit
                if label:
                    head.label_date.extend(line_dates(value))
                rest = _AFTER_ADDRESSEE.match(value)
                if rest and not label:  # "Motion till kommunfullmäktige: Solenergi …"
                    candidates.append((i, rest.group("title")))
            elif label == "subject" and any(c.islower() for c in value) \
                    and not re.search(r"\d{4}[/:.-]\d", value):
                # "Ärende: Ny lekplats i Vikhög" names the subject; "Ärende: KS 2023/12" a number
                if not head.title:
                    head.title, head.title_conf, head.title_line = value, 0.9, i
            elif label == "title":
                if not head.title:
                    head.title, head.title_conf, head.title_line = value, 0.9, i
            elif label == "date":
                head.label_date.extend(line_dates(value))
            elif label == "addressee":
                if not head.addressee:
                    head.addressee, head.addressee_line = value.strip(" .,:"), i
            elif not label:
                after = _AFTER_MOTIONARER.match(value)
                candidates.append((i, after.group("title") if after else value))
    if not head.title:
        _pick_title(lines, head, candidates)
    if head.addressee:
        named = re.search(r"\b(?:i|för)\s[A-ZÅÄÖ]|,\s[A-ZÅÄÖ]", head.addressee) or re.match(
            r"[A-ZÅÄÖ]\w+s\s\w*fullmäktige", head.addressee)
        head.addressee_conf = 0.95 if named else 0.6
        if not named:
            head.addressee_note = "kommunen eller regionen framgår inte"
    else:
        head.addressee_note = ("hittade inte vem motionen är ställd till (t.ex. ”Motion till "
                               "Lunds kommunfullmäktige”)")
    return head


def _skip_as_title(text: str) -> bool:
    words = text.split()
    if len(words) < 2 and not text.endswith(("!", "?")):
        return True
    if _NOT_TITLE.match(text) or addressee_in(text) or _ORGANISATION.match(text):
        return True
    if line_dates(text) and (len(words) <= 4 or len(_DATE_WORDS.sub("", text).split()) <= 2):
        return True  # "Lund den 27 januari 2022", "Motala den 12 september 2019"
    if any(c.isdigit() for c in text) and not any(c.islower() for c in text):
        return True  # "KS 2024/0311", "LS 2016-0674": a reference, not a heading
    if _AGENDA_NUMBER.match(text):
        return True  # "Ärende 14", "§ 112": the meeting's numbering
    return has_signature(text)


def _is_sentence(text: str) -> bool:
    """A full sentence of body text, not a heading: a heading that ends with a period is short
    ("Kommunal folkomröstning.")."""
    return text.endswith(".") and not text.endswith("..") and len(text.split()) > 6


def _pick_title(lines: list[str], head: Head, candidates: list[tuple[int, str]]) -> None:
    for i, text in candidates:
        if _skip_as_title(text):
            continue
        if _is_sentence(text) and not _MOTION_ABOUT.match(text):
            break  # the body has begun: this motion has no heading
        title = _continued(lines, i, text)
        if _MOTION_ABOUT.match(title):
            if title.endswith(".") and not title.endswith(".."):
                title = title[:-1]  # "Motion om bättre ambulanstäckning i Norra Värmland."
            head.title, head.title_conf = title, 0.8
            head.title_note = ("rubriken börjar med ”Motion …”; ändra om svaret ska citera den "
                               "kortare")
        elif title.endswith(".") and not title.endswith(".."):
            head.title, head.title_conf = title.rstrip("."), 0.75
            head.title_note = "rubriken slutar med punkt – kontrollera att det är rubriken"
        else:
            head.title, head.title_conf = title, 0.9
        if title[:1].islower():
            head.title_conf = 0.5
            head.title_note = "rubriken börjar med liten bokstav – kontrollera den"
        head.title_line = i
        return
    head.title_note = "hittade ingen rubrik"


def _continued(lines: list[str], i: int, title: str) -> str:
    """A heading wrapped onto a second line that starts in lower case."""
    nxt = i + 1
    if nxt < len(lines):
        follow = squash(lines[nxt])
        if follow and follow[:1].islower() and not title.endswith((".", "!", "?")) and \
                len(follow) < 80:
            return f"{title} {follow}"
    return squash(title)
