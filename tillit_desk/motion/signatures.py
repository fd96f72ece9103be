"""The signature block, read as one unit: names, parties and the group lines around them.

Seen in real motions: "Anna Berg (C)" (several on a line, or in a table), "(V )", "(Mp)", a
"Name (C)" wrapped so that "(C)" starts the next line, "Karin Larsson, Vänsterpartiet",
"Anna Berg Centerpartiet", "Mattias Krantz   Sverigedemokraterna i Mark", "För Centerpartiet
i Lunds kommun" or "För den socialdemokratiska gruppen" above or below the names, names one a
line with one party line under them, and local parties (kept as written and flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..case import Motionar
from .dates import line_dates
from .text import LET, squash

PARTY_ABBREVIATIONS: dict[str, str] = {
    "v": "V", "s": "S", "mp": "MP", "c": "C", "l": "L", "kd": "KD", "m": "M", "sd": "SD",
    "fi": "Fi", "fp": "FP", "spi": "SPI",
}
PARTY_NAMES: dict[str, str] = {
    "vänsterpartiet": "V", "socialdemokraterna": "S", "arbetarepartiet-socialdemokraterna": "S",
    "socialdemokratiska arbetarepartiet": "S", "miljöpartiet de gröna": "MP",
    "miljöpartiet": "MP", "centerpartiet": "C", "liberalerna": "L",
    "folkpartiet liberalerna": "FP", "folkpartiet": "FP", "kristdemokraterna": "KD",
    "moderaterna": "M", "moderata samlingspartiet": "M", "sverigedemokraterna": "SD",
    "feministiskt initiativ": "Fi",
}
# "För den socialdemokratiska gruppen", "Moderata gruppen": the group names the party
PARTY_ADJECTIVES: dict[str, str] = {
    "vänsterpartistiska": "V", "socialdemokratiska": "S", "miljöpartistiska": "MP",
    "centerpartistiska": "C", "liberala": "L", "kristdemokratiska": "KD", "moderata": "M",
    "sverigedemokratiska": "SD",
}

_UP = "A-ZÅÄÖÉÈÜÆØÁÍÓÚÇÑ"
_WORD = rf"(?<!{LET})(?:[{_UP}]{LET}{{0,30}}(?:[-'’]{LET}{{1,30}}){{0,3}}|[{_UP}]\.)"
_PARTICLE = r"(?:af|av|von|van|de|der|den|la|le|di|da|del|dos|el|al|ter|zu)"
_NAME = rf"{_WORD}(?: {{1,3}}(?:{_PARTICLE} )?{_WORD}){{1,4}}"
_NAME_PARTY = re.compile(
    rf"(?P<name>{_NAME}) {{0,3}}\( {{0,3}}(?P<party>[^()\d\n]{{1,40}}?) {{0,3}}\)")
_NAME_ONLY = re.compile(rf"^(?P<name>{_NAME})$")
_PARTY_WORDS = "|".join(sorted((re.escape(n) for n in PARTY_NAMES), key=len, reverse=True))
_ADJ_WORDS = "|".join(sorted(PARTY_ADJECTIVES, key=len, reverse=True))
_GROUP_LINE = re.compile(
    rf"^(?P<for>för\s)?(?:den\s|det\s)?(?:(?P<party>{_PARTY_WORDS})"
    rf"(?:s\s(?:fullmäktige|region|kommun|parti)?grupp\w{{0,3}})?|(?P<adj>{_ADJ_WORDS})"
    rf"\s(?:gruppen|fullmäktigegruppen|partigruppen|gruppen\s.{{0,40}}))\b(?P<rest>.{{0,60}})$",
    re.IGNORECASE)
_NAME_WITH_PARTY_WORD = re.compile(
    rf"^(?P<name>{_NAME})(?: {{0,3}}[,–-] {{0,3}}| {{1,12}})(?P<party>(?i:{_PARTY_WORDS}))\b"
    rf".{{0,60}}$")
_WRAPPED_PARTY = re.compile(r"^\( {0,3}([^()\d]{1,25}?) {0,3}\)")
_NAME_COMMA_CODE = re.compile(
    rf"^(?P<name>{_NAME}) {{0,3}}[,–-] {{0,3}}(?P<party>(?i:v|s|mp|c|l|kd|m|sd|fi|fp))\.?$")
# a local party on a line of its own: "Strängnäspartiet", "För Ystadpartiet i Ystad"
_LOCAL_PARTY_LINE = re.compile(r"^(?:[Ff]ör\s)?(?P<party>[A-ZÅÄÖ][\wåäöÅÄÖ-]{1,30}partiet)"
                               r"(?:\si\s[A-ZÅÄÖ][\wåäö-]{1,30}(?:\s\w{1,12})?)?$")
_NAME_LIST_SPLIT = re.compile(r",\s|\soch\s|\s&\s")
# "Per Holm, gruppledare", "Karin Ek – kommunalråd": a role after the name, not a party
_ROLES = ("gruppledare", "ledamot", "ersättare", "kommunalråd", "oppositionsråd", "regionråd",
          "ordförande", "partiledare", "ordf", "fullmäktigeledamot", "kommunfullmäktigeledamot",
          "regionfullmäktigeledamot", "talesperson", "språkrör", "förste", "andre")
_ROLE_SUFFIX = re.compile(
    r" {0,3}[,–-] {0,3}(?:(?:vice|1:e|2:e) )?(?:" + "|".join(_ROLES) + r")\b[^()]{0,60}$",
    re.IGNORECASE)
NOT_NAME_START = {"vi", "jag", "för", "med", "och", "motionär", "motionärer", "motionärerna",
                  "undertecknad", "undertecknade", "från", "av", "datum", "namn", "till",
                  "motion", "underskrift", "underskrifter", "att", "den", "det", "ledamot",
                  "ersättare", "gruppledare", "oppositionsråd", "kommunalråd", "regionråd",
                  "ordförande", "partiledare", "vänligen", "hälsningar"}
MAX_SIGNATURE_LINES = 60
MAX_LINE = 300


def party_code(raw: str) -> tuple[str, bool]:
    """Party as written → canonical code and whether it is a known party."""
    text = squash(raw).strip(" .,")
    low = text.lower().replace(" ", "") if len(text) <= 6 else text.lower()
    if low in PARTY_ABBREVIATIONS:
        return PARTY_ABBREVIATIONS[low], True
    full = text.lower()
    for name, code in sorted(PARTY_NAMES.items(), key=lambda kv: -len(kv[0])):
        if full == name or full.startswith(name + " "):
            return code, True
    # "K I M" is an abbreviation spaced out; "Lokala Partiet" a name, kept as written
    return (text.replace(" ", "") if text.replace(" ", "").isupper() else text), False


_NOT_PARTY = {"ordförande", "ordf", "ledamot", "ersättare", "gruppledare", "kommunalråd",
              "oppositionsråd", "regionråd", "bilaga", "se", "red", "vice", "sekreterare",
              "kontakt", "tel", "mobil"}


def looks_like_party(raw: str) -> bool:
    """A known party, an abbreviation ("KIM"), or a local party's name ("Ystadpartiet",
    "Lokalt Alternativ"): capitalised, at most three words, no digits, not a role."""
    text = squash(raw)
    if party_code(text)[1]:
        return True
    compact = text.replace(" ", "")
    if not compact or not compact[0].isupper() or not compact.replace("-", "").isalpha():
        return False
    if text.split()[0].lower().strip(".") in _NOT_PARTY:
        return False
    return len(compact) <= 5 or (len(text) <= 30 and len(text.split()) <= 3)


def clean_name(name: str) -> str:
    words = name.split()
    while len(words) > 2 and (words[0].lower() in NOT_NAME_START
                              or words[0].lower() in PARTY_NAMES):
        words = words[1:]
    return " ".join(words)


def _without_role(cell: str) -> str:
    """ "Per Holm, gruppledare" → "Per Holm" (only when a name is left)."""
    bare = _ROLE_SUFFIX.sub("", cell[:MAX_LINE])
    return bare if bare != cell and _NAME_ONLY.match(bare) else cell


def is_name_row(line: str) -> bool:
    """Names written side by side, 3+ spaces or a tab apart ("Jennie Forsblom     Lili André"):
    a signature row even without parties. One name alone is not (it may be "Hjälpmedel SAM")."""
    cells = [c for c in re.split(r"\s{3,}", line.strip()[:MAX_LINE]) if c]
    return 2 <= len(cells) <= 6 and all(_bare_name(c) for c in cells)


# the organisation on letter paper ("UPPSALA KOMMUN", "Region Skåne"), not a person
_PLACE_WORDS = {"kommun", "stad", "region", "regionen", "landsting", "landstinget", "län",
                "kommunfullmäktige", "regionfullmäktige", "fullmäktige", "kommunstyrelsen"}


def _bare_name(text: str) -> bool:
    """A name written alone, without a party: not a pronoun or label, not an organisation."""
    if not _NAME_ONLY.match(text):
        return False
    words = text.lower().split()
    return (words[0] not in NOT_NAME_START and not text.replace("-", "").replace(" ", "").isupper()
            and not (set(words) & _PLACE_WORDS))


_LOW = "a-zåäöéèüæøáíóúçñ"
_PLAIN_WORD = re.compile(rf"^[{_UP}][{_LOW}]{{1,30}}(?:-[{_UP}][{_LOW}]{{1,30}})?$")


def _name_pairs(cell: str) -> list[str]:
    """Four, six or eight capitalised words and nothing else: as many first-name-surname
    pairs, the commonest Swedish name. A guess (a name may have three words), said as one."""
    words = cell.split()
    if len(words) not in (4, 6, 8) or not all(_PLAIN_WORD.match(w) for w in words):
        return []
    pairs = [f"{words[k]} {words[k + 1]}" for k in range(0, len(words), 2)]
    return pairs if all(_bare_name(x) for x in pairs) else []


# "(båda SD)", "(alla V)": one party for the names listed before it
_SHARED = re.compile(r"^(?:båda|bägge|alla|samtliga)\s", re.IGNORECASE)
_NAMES_BEFORE = re.compile(rf"(?:{_NAME})(?:(?:,\s|\soch\s|\s&\s)(?:{_NAME}))*"
                           rf"(?:,\s|\soch\s|\s&\s)$")


_OTHERS = re.compile(r"\s(?:m\.\s?fl\.?|med\sflera)\s{0,3}\(")


def _party_text(raw: str) -> tuple[str, bool]:
    """The party in "(båda SD)" and whether it is shared by the names before."""
    m = _SHARED.match(raw.strip())
    return (raw.strip()[m.end():], True) if m else (raw, False)


def _names_before(text: str) -> list[str]:
    """ "Maria Liljedahl och " before "Ann-Christine From Utterstedt (båda SD)"."""
    m = _NAMES_BEFORE.search(text[-MAX_LINE:])
    if not m:
        return []
    names = [x.strip(" ,") for x in _NAME_LIST_SPLIT.split(m.group(0)) if x.strip(" ,")]
    return [clean_name(x) for x in names if _NAME_ONLY.match(x)
            and x.split()[0].lower() not in NOT_NAME_START][-8:]


_VERB = r"(?:yrkar|föreslår|vill|begär|hemställer|kräver)"
_THEREFORE = r"(?:därför|härmed|således|alltså)"
_PLACE = r"(?:\s(?:i|på)\s[A-ZÅÄÖ][\wåäöÅÄÖ-]{1,30}(?:\s(?:kommun|stad|region))?)?"
# the motion's own conclusion: "Vänsterpartiet i Falkenberg vill därför …", "Därför yrkar
# Centerpartiet …"; not "Moderaterna föreslår att skatten sänks" in the argument
_PROPOSER = re.compile(
    rf"(?<![\wåäöÅÄÖ])(?:(?P<party>{_PARTY_WORDS}){_PLACE}\s{_VERB}\s{_THEREFORE}"
    rf"|{_THEREFORE}\s{_VERB}\s(?P<party2>{_PARTY_WORDS}))(?![\wåäö])", re.IGNORECASE)


def proposer_parties(text: str) -> set[str]:
    """Parties that make a proposal in the text ("Vänsterpartiet i Falkenberg vill därför …")."""
    return {party_code(m.group("party") or m.group("party2"))[0]
            for m in _PROPOSER.finditer(text[:50_000])}


# after "Moderaternas fullmäktigegrupp": a place ("i Ystad", "Region Skåne") or nothing; a
# word in lower case that is not "i"/"på"/"kommun" makes it a sentence about the group
_GROUP_REST_SENTENCE = re.compile(r"(?<![\wåäöÅÄÖ])(?!(?:i|på|kommun|stad|region|län|"
                                  r"landsting|de|gröna)(?![\wåäö]))[a-zåäö]{2,}")


def _group_line(text: str) -> re.Match | None:
    """A group line ("Moderaternas fullmäktigegrupp i Ystad", "Centerpartiet i Lund") — not a
    sentence that begins with the group ("Moderaternas fullmäktigegrupp har föreslagit …")."""
    m = _GROUP_LINE.match(text)
    if m and m.group("party") and text[m.end("party"):][:1] == "s" \
            and _GROUP_REST_SENTENCE.search(m.group("rest")):
        return None  # a genitive ("Moderaternas …") that goes on as a sentence
    return m


def has_signature(line: str) -> bool:
    """A line that belongs to a signature block (ends an att-sats zone)."""
    text = squash(line)[:MAX_LINE]
    m = _NAME_PARTY.search(text)
    if m and looks_like_party(_party_text(m.group("party"))[0]):
        return True
    return bool(_group_line(text) or _NAME_WITH_PARTY_WORD.match(text))


@dataclass
class Signatures:
    people: list[Motionar] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    layout_guess: bool = False  # parties read from lines of their own
    notes: list[str] = field(default_factory=list)  # said to the officer, not problems


def _join_wrapped_lists(lines: list[str]) -> list[str]:
    """A list of "Name (P), Name (P), …" wrapped inside a name ("…, Crister" + "Persson (C),
    …") is one line again."""
    out: list[str] = []
    for raw in lines:
        prev = out[-1] if out else ""
        found = list(_NAME_PARTY.finditer(prev[:MAX_LINE])) if prev.strip() else []
        tail = prev[found[-1].end():] if found else ""
        if found and raw.strip() and tail.strip().startswith(",") and \
                not tail.strip().endswith(")") and len(prev) < MAX_LINE:
            out[-1] = prev.rstrip() + " " + raw.strip()
        else:
            out.append(raw)
    return out


def read_signatures(lines: list[str]) -> Signatures:
    """Names with parties in a block of lines (the lines after the yrkanden, or the header).
    Cells (3+ spaces apart: a table row or names side by side) are read one by one."""
    result = Signatures()
    people = result.people
    pending: list[Motionar] = []  # names still waiting for a party line
    block: list[Motionar] = []  # names since the last blank line
    unpartied: list[Motionar] = []  # bare names on the previous line: "(KD)" may follow
    forward_party = ""
    for raw in _join_wrapped_lists(lines[:MAX_SIGNATURE_LINES]):
        raw = _OTHERS.sub(" (", raw[:MAX_LINE])  # "Anna Berg m.fl. (S)": the first signer
        text = squash(raw)[:MAX_LINE]
        if not text:
            block = []
            continue
        row = [c for c in re.split(r"\s{3,}", raw.strip()[:MAX_LINE]) if c]
        if len(row) > 1 and len(row) == len(unpartied) and all(
                (m := _WRAPPED_PARTY.match(c)) and m.end() == len(c) for c in row):
            for person, cell in zip(unpartied, row, strict=True):  # "(S)      (V)" under names
                person.party, known = party_code(_WRAPPED_PARTY.match(cell).group(1))
                if not known:
                    result.problems.append(f"okänt parti ”{cell}” för {person.name}")
            pending = [p for p in pending if p not in unpartied]
            unpartied = []
            continue
        wrapped = _WRAPPED_PARTY.match(text)
        if wrapped and unpartied and len(text) == wrapped.end():
            person = unpartied.pop(0)  # "Karin Svensson Smith" / "(MP)"
            person.party, known = party_code(wrapped.group(1))
            if not known:
                result.problems.append(f"okänt parti ”{wrapped.group(1)}” för {person.name}")
            pending = [p for p in pending if p is not person]
            continue
        m = _group_line(text)
        local = _LOCAL_PARTY_LINE.match(text) if not m else None
        if local and (pending or block):
            code, known = party_code(local.group("party"))
            for p in pending or block:
                p.party = code
                if not known:
                    result.problems.append(f"okänt parti ”{code}” för {p.name}")
            pending, unpartied = [], []
            result.layout_guess = True
            continue
        if m and not line_dates(text):
            code = (party_code(m.group("party"))[0] if m.group("party")
                    else PARTY_ADJECTIVES[m.group("adj").lower()])
            if m.group("for") or not (pending or block):
                forward_party = code  # "För Centerpartiet i Lunds kommun" heads the names
                for p in pending:  # … or closes them: "Anna Berg / För Centerpartiet"
                    p.party = code
            else:  # "Per Persson" / "Liberalerna": the party under the names still without
                for p in pending or block:  # one (else under the names since the blank line)
                    p.party = code
            pending, unpartied = [], []
            result.layout_guess = True
            continue
        whole = _NAME_WITH_PARTY_WORD.match(text) if "(" not in text else None
        if whole and whole.group("name").split()[0].lower() not in NOT_NAME_START:
            # "Mattias Krantz   Sverigedemokraterna i Mark": one person, whatever the spacing
            people.append(Motionar(clean_name(whole.group("name")),
                                   party_code(whole.group("party"))[0]))
            forward_party, unpartied = "", []
            continue
        cells = [squash(c) for c in re.split(r"\s{3,}", raw.strip()) if c.strip()] or [text]
        cells = [_without_role(c) for c in cells]
        line_people: list[Motionar] = []
        bare: list[Motionar] = []
        for cell in cells:
            lone = _WRAPPED_PARTY.match(cell)
            if lone and len(cell) == lone.end() and bare and not bare[-1].party:
                # a table row "Anna Berg | (V)": the party in the next cell
                bare[-1].party, known = party_code(lone.group(1))
                bare.pop()
                continue
            found = False
            for m in _NAME_PARTY.finditer(cell[:MAX_LINE]):
                party, shared = _party_text(m.group("party"))
                if not looks_like_party(party):
                    continue
                code, known = party_code(party)
                name = clean_name(m.group("name"))
                if not known:
                    result.problems.append(f"okänt parti ”{party.strip()}” för {name}")
                for before in _names_before(cell[:m.start()]) if shared else []:
                    line_people.append(Motionar(before, code))  # "A och B (båda SD)"
                line_people.append(Motionar(name, code))
                found = True
            if found:
                continue
            m = _NAME_WITH_PARTY_WORD.match(cell[:MAX_LINE]) or _NAME_COMMA_CODE.match(cell)
            if m and m.group("name").split()[0].lower() not in NOT_NAME_START:
                line_people.append(Motionar(clean_name(m.group("name")),
                                            party_code(m.group("party"))[0]))
                continue
            parts = _name_pairs(cell)
            if parts:  # "Mikael Jern Birgitta Kahn": the gap between the names was lost
                result.problems.append(
                    f"”{cell}” lästes som {len(parts)} namn ({', '.join(parts)}) – en "
                    "gissning efter ordens antal, eftersom namnen står på samma rad utan parti; "
                    "kontrollera")
            elif _NAME_ONLY.match(cell):
                parts = [cell]
            else:
                parts = _NAME_LIST_SPLIT.split(cell)
            if len(parts) <= 6 and all(_bare_name(x) for x in parts):
                for x in parts:  # "Tuula Marjeta och Christina Pettersson"
                    bare.append(Motionar(x, ""))
                    line_people.append(bare[-1])
        if not line_people:
            unpartied = []
            continue
        if len(line_people) > len(bare):
            forward_party = ""  # a name with its own party ends a "För X" group
        people.extend(line_people)  # in the order written
        for person in bare:
            person.party = forward_party
            block.append(person)
            if not forward_party:
                pending.append(person)
        unpartied = [p for p in bare if not p.party]
    seen: set[str] = set()
    unique = []
    for p in people:
        if p.name.lower() not in seen:
            seen.add(p.name.lower())
            unique.append(p)
    result.people[:] = unique
    for p in unique:
        if not p.party:
            result.problems.append(f"parti saknas för {p.name}")
    return result
