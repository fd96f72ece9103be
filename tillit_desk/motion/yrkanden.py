"""The yrkande zone: found by its lead-in grammar, then read item by item by how items start.

A lead-in is a trigger verb (yrkar, föreslår, hemställer, föreslås …) followed only by words a
lead-in is made of (vi, därför, på, att, kommunfullmäktige, besluta, följande, a place …) up to
the end of the sentence, a ":" or a ";" — checked on the joined text, so a lead-in wrapped over
two lines or at the end of a long sentence is found. A lead-in is never itself a yrkande. When
no att-sats is found the most likely proposal paragraph is offered as a suggestion, unsure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import line_dates
from .header import split_labels
from .signatures import has_signature, is_name_row
from .text import Vocabulary, ends_sentence, join_lines, squash
from .yrkande_rating import ENDS_CLAUSE, MAX_YRKANDE_CHARS, Zone, rate, stops_mid_sentence

MAX_LEADIN_WORDS = 16
MAX_ITEMS = 40  # a motion with more att-satser than this is not a motion (or not read right)
MAX_LEADINS = 200  # lead-in candidates looked at in one text (the last ones: yrkanden end a motion)
_TRIGGER = re.compile(r"(?<!\w)(?:yrkar|yrkas|yrka|yrkande[n]?|föreslår|föreslås|föreslå|"
                      r"förslag|hemställer|hemställs|hemställa|hemställan|uppmanar|vill|begär)"
                      r"(?!\w)", re.IGNORECASE)
# verbs that open a lead-in ("Vi vill därför att kommunfullmäktige beslutar:", "Förslag till
# beslut:") but are too common in body text to make a running-text proposal on their own
_LEADIN_ONLY = {"vill", "begär", "förslag", "yrkande", "yrkanden"}
# … and they open one only with a decision word or a colon: "Jag vill" + "att …" is body text
_DECISION = re.compile(r"(?<!\w)(?:beslut\w*|fullmäktig\w*|kommunfullmäktig\w*|"
                       r"regionfullmäktig\w*)(?!\w)", re.IGNORECASE)
_LEADIN_WORDS = {
    "vi", "jag", "undertecknad", "undertecknade", "motionären", "motionärerna", "därför",
    "härmed", "således", "alltså", "följande", "nu", "på", "om", "att", "kommunfullmäktige",
    "regionfullmäktige", "landstingsfullmäktige", "stadsfullmäktige", "fullmäktige",
    "besluta", "beslutar", "beslut", "måtte", "ska", "skall", "kan", "i", "för", "och",
    "kommunstyrelsen", "styrelsen", "med", "anledning", "av", "detta", "ovanstående",
    "ovanstaende", "hänvisning", "till", "det", "anförda", "sammanfattningsvis", "därmed",
    "nedanstående", "punkter", "bifall", "motionen", "enligt", "tar", "fatta", "beslutet",
    "yrkar", "föreslår", "hemställer", "vänsterpartiet", "socialdemokraterna", "moderaterna",
    "centerpartiet", "liberalerna", "kristdemokraterna", "sverigedemokraterna", "miljöpartiet",
    "kommun", "stad", "region", "län", "de", "gröna", "motion", "inkommen", "inlämnad",
    "daterad", "också", "även", "dessutom", "slutligen",
}
_DATE_TOKEN = re.compile(r"\d{1,4}(?:[-./]\d{1,2}){1,2}")


def _leadin_word(core: str) -> bool:
    """A word a lead-in may hold: its vocabulary, a name (capitalised: a party, a place), a
    one-letter word ("Sans o Balans"), or any spelling of "…fullmäktige" ("kommunfullmäktiga")."""
    low = core.lower()
    return (low in _LEADIN_WORDS or core[:1].isupper() or len(core) == 1
            or low.startswith(("kommunfullm", "regionfullm", "landstingsfullm", "fullmäkt"))
            or bool(_DATE_TOKEN.fullmatch(core)))
_BULLET = "-–—•·*▪◦‣►■□➢✓o"
_ITEM = re.compile(
    rf"^(?P<mark>[{_BULLET}]\s?|\(?\d{{1,2}}\s?[.):]\s?|[a-h][.)]\s|(?:I|II|III|IV|V|VI|VII|"
    rf"VIII|IX|X)[.)]\s)?\s?(?P<att>att|Att|ATT)"
    r"(?P<num>\d{1,2}[.):]?|\s\d{1,2}[.):])?(?P<colon>\s?:)?(?=\s|$)\s?(?P<rest>.*)$")
_MARKED = re.compile(rf"^(?:[{_BULLET}]\s|\(?\d{{1,2}}\s?[.)]\s)(?P<rest>\S.*)$")
_CHAIN = re.compile(r"^att\s(?:\w+\s){0,2}(?:kommun|region|landstings)?fullmäktige"
                    r"(?:\s(?:i|för)\s\S+){0,1}(?:\s\S+)?\s(?:måtte\s|ska\s)?beslut\w*"
                    r"(?:\sföljande)?\s?:?$", re.IGNORECASE)
_ABBREV_END = re.compile(r"\b(?:bl\.a|t\.ex|m\.m|m\.fl|s\.k|o\.s\.v|d\.v\.s|ca|jfr|resp)\.$",
                         re.IGNORECASE)
_CLOSING = re.compile(r"^(?:med vänliga? hälsning(?:ar)?|hälsningar|underskrift(?:er)?|"
                      r"motionärer(?:na)?|motionär|bakgrund|motivering|bilag[ao]r?)\b",
                      re.IGNORECASE)
_HEADING = re.compile(r"^[A-ZÅÄÖ ]{4,40}:?$")  # "BAKGRUND", "FÖRSLAG"


def _tail_is_leadin(tail: str) -> bool:
    """The words after a trigger make a lead-in: only lead-in words, ending the sentence."""
    words = tail.split()
    if len(words) > MAX_LEADIN_WORDS:
        return False
    for k, word in enumerate(words):
        core = word.strip(",").rstrip(":;.")
        if word.rstrip(",") != word.rstrip(",:;.") and k != len(words) - 1:
            return False  # a sentence end inside: more text follows the lead-in
        if not core:
            continue
        if not _leadin_word(core):
            return False
    return True


def _inline_att(tail: str) -> str | None:
    """ "… föreslår vi att kommunen inför X." → "att kommunen inför X."; "… föreslår vi att
    kommunfullmäktige beslutar att nämnden får i uppdrag …" → "att nämnden får i uppdrag …" (the
    last "att" of the lead-in words starts the proposal)."""
    words = tail.split()
    last_att = -1
    for k, word in enumerate(words[:2 * MAX_LEADIN_WORDS]):
        core = word.strip(",")
        if core.lower() == "att":
            last_att = k
            continue
        if not _leadin_word(core):
            break
    else:
        return None  # only lead-in words: a lead-in, not a proposal
    if last_att < 0 or last_att + 1 >= len(words):
        return None
    return " ".join(words[last_att:])


# "att X samt att Y", "att X, och att Y", "att X, att Y", "att X; att Y": where a running
# sentence starts its next proposal. A bare "och att" is not one ("möjligheten att X och att
# det görs före …").
_TRAILING_JOIN = re.compile(r"(?:\s?[,;](?:\s(?:och|samt))?|\ssamt)$")
_NEXT_PROPOSAL = re.compile(r"(?:\s?[,;]\s(?:och\s|samt\s)?|\ssamt\s)(?=att\s)")


def split_running(text: str) -> list[str]:
    """A proposal written as running text, split where it starts another "att …"."""
    pieces, start = [], 0
    for m in _NEXT_PROPOSAL.finditer(text[:2 * MAX_YRKANDE_CHARS]):
        piece = text[start:m.start()].rstrip(" ,;")
        if len(piece) > 8:
            pieces.append(piece)
            start = m.end()
    pieces.append(text[start:])
    return [x for x in pieces if x]


_SENTENCE_END = re.compile(r"[.!?] (?=[A-ZÅÄÖ])")


def _sentences(window: str) -> list[str]:
    """The sentences of a joined paragraph ("Jag yrkar att X. Jag yrkar också att Y.")."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(window):
        if not _ABBREV_END.search(window[max(0, m.start() - 6):m.start() + 1]):
            out.append(window[start:m.end()].strip())
            start = m.end()
    out.append(window[start:].strip())
    return [x for x in out if x]


def _inline_proposals(window: str) -> list[str]:
    """The proposals in running text that close a paragraph: the last sentence that makes
    one and the sentences right before it that make one too ("Jag yrkar att X. Jag yrkar
    också att Y."). A proposal further back, with other sentences between, is the argument
    ("Socialdemokraterna föreslår att … Vi anser … Jag yrkar därför att …")."""
    found: list[str | None] = []
    for sentence in _sentences(window):
        # the first trigger that opens a proposal: "Jag yrkar på att … och föreslå förändringar"
        proposals = (_inline_att(sentence[t.end():]) for t in _TRIGGER.finditer(sentence)
                     if t.group(0).lower() not in _LEADIN_ONLY)
        found.append(next((x for x in proposals if x is not None), None))
    while found and found[-1] is None:
        found.pop()
    run: list[str] = []
    for proposal in reversed(found):
        if proposal is None:
            break
        run.append(proposal)
    return run[::-1]


def is_item_start(line: str) -> bool:
    return bool(_ITEM.match(line))


def is_leadin_text(text: str) -> bool:
    """A whole text that is only a lead-in ("Vi yrkar därför att kommunfullmäktige beslutar:")."""
    if len(text) >= 400 or text[:4].lower() == "att ":
        return False  # an att-sats may end in "… som föreslås."; a lead-in is not an att-sats
    matches = list(_TRIGGER.finditer(text))
    return bool(matches and _tail_is_leadin(text[matches[-1].end():]))


def _opens_zone(line: str) -> bool:
    """A line that is a whole new lead-in ("Vi yrkar därför:"), not the wrapped end of an
    att-sats ("… enligt ovanstående" + "förslag.")."""
    if not line[:1].isupper() or not _TRIGGER.search(line) or not is_leadin_text(line):
        return False
    trigger = list(_TRIGGER.finditer(line))[-1]
    tail = line[trigger.end():]
    return trigger.group(0).lower() not in _LEADIN_ONLY or bool(
        _DECISION.search(tail)) or tail.rstrip().endswith(":")


def _end_marker(text: str) -> bool:
    if has_signature(text) or _CLOSING.match(text) or _HEADING.match(text):
        return True
    if len(text) < 60 and line_dates(text):
        return True
    return any(label in ("date", "dnr", "from", "subject") for label, _ in split_labels(text))


def _clean_item(text: str) -> str:
    """"1. att  Kommunen …" → "att Kommunen …"; "• Kommunen …" → "Kommunen …"."""
    m = _ITEM.match(text)
    if m:
        return f"{m.group('att')} {m.group('rest').strip()}".strip()
    m = _MARKED.match(text)
    return m.group("rest").strip() if m else text


@dataclass
class _Lines:
    raw: list[str]
    width: int  # usual width of a wrapped line (0: not a wrapped text)


def _collect(lines: _Lines, start: int, colon: bool, vocab: Vocabulary,
             first: list[str] | None = None) -> tuple[list[str], int, list[str]]:
    """Items from ``start``. ``colon``: the lead-in ended with ":" (a proposal that does not
    begin with "att" is then accepted as one item). ``first``: proposals already read from
    the lead-in's own paragraph."""
    groups: list[list[str]] = [[x] for x in first or []]
    from_leadin = len(groups)  # proposals read out of the lead-in's running sentence
    marks: list[bool] = [False for _ in groups]  # the item began with a bullet or number
    problems: list[str] = []
    i, blanks, end = start, 0, len(lines.raw)
    marked_list = False
    while i < len(lines.raw):
        line = squash(lines.raw[i])
        if not line:
            blanks += 1
            i += 1
            continue
        if groups and is_name_row(lines.raw[i]):
            end = i  # "Jennie Forsblom     Lili André": the signatures, side by side
            break
        item = _ITEM.match(line)
        marked = _MARKED.match(line) if not item else None
        current = join_lines(groups[-1], vocab) if groups else ""
        if item and marks and marks[-1] and not (item.group("mark") or item.group("num")) \
                and blanks == 0 and not ends_sentence(current) \
                and not current.endswith((";", ":")):
            item = None  # "– att X och" + "att Y": the next item would carry a mark too
        if item and groups and not (item.group("mark") or item.group("num")) \
                and item.group("att") == "att" and not ENDS_CLAUSE.search(current) \
                and lines.width and len(squash(lines.raw[i - 1])) >= 0.8 * lines.width \
                and blanks == 0:
            item = None  # "…det är nödvändigt\natt det tillämpas": a wrapped sentence
        if groups and not item and _opens_zone(line):
            end = i  # another lead-in starts another zone
            break
        opens = bool(groups) and current.endswith(":")  # "… i uppdrag att:" + a list
        if item or (marked and (marked_list or not groups or opens)):
            if groups and _end_marker(line) and not item:
                end = i
                break
            if len(groups) >= MAX_ITEMS:
                problems.append(f"fler än {MAX_ITEMS} att-satser – kontrollera var de slutar")
                end = i
                break
            if groups and len(groups) == from_leadin and len(groups[-1]) == 1:
                # "… i Floda samt" + "att en ny lekplats …": the running sentence was wrapped
                # before its second "att"; cut as _NEXT_PROPOSAL cuts it on one line
                groups[-1][0] = _TRAILING_JOIN.sub("", groups[-1][0])
            groups.append([line])
            marks.append(bool(marked) or bool(item and (item.group("mark") or item.group("num"))))
            marked_list = marked_list or bool(marked) or bool(item and item.group("mark"))
            blanks = 0
            i += 1
            continue
        if not groups:
            if colon and not _end_marker(line) and not _TRIGGER.search(line):
                groups.append([line])  # "yrkar:" + "bifall till motionen …"
                marks.append(False)
                i += 1
                blanks = 0
                continue
            end = i
            break
        if _end_marker(line) or blanks >= 1 and (ends_sentence(current) or line[:1].isupper()):
            end = i
            break
        if marks and marks[-1] and blanks == 0 and line[:1].isupper() \
                and not current.endswith(("-", ",")) and _new_paragraph(lines, i, current):
            # a paragraph after a bulleted item (a Word list has one paragraph per item); in a
            # hard-wrapped text that is a guess from the line widths, so it is said
            if lines.width:
                problems.append("den sista att-satsen slutar där ett nytt stycke tycks börja "
                                "– kontrollera slutet")
            end = i
            break
        if ends_sentence(current) and not _ABBREV_END.search(current) and \
                (line[:1].isupper() or line[:1].isdigit()):
            end = i
            break
        if len(current) + len(line) > MAX_YRKANDE_CHARS:
            problems.append("en att-sats blev ovanligt lång – kontrollera var den slutar")
            end = i
            break
        groups[-1].append(line)
        blanks = 0
        i += 1
    items = [_clean_item(join_lines(g, vocab)) for g in groups]
    return items, end, problems


# a heading naming the proposals, alone on its line: "YRKANDEN", "Yrkande", "Förslag"
_HEADING_WORD = re.compile(r"^(?:yrkande[n]?|förslag(?:\still\sbeslut)?|förslag\still\s"
                           r"kommunfullmäktige|att-satser(?:na)?|beslutsförslag|"
                           r"(?:kommun|region|landstings)?fullmäktige\sbeslutar(?:\satt)?)"
                           r"\s?[.:]?$", re.IGNORECASE)


def _item_follows(lines: _Lines, k: int) -> bool:
    """The next non-blank line after ``k`` starts an att-sats or a bulleted item."""
    for raw in lines.raw[k + 1:k + 4]:
        line = squash(raw)
        if line:
            return bool(is_item_start(line) or _MARKED.match(line))
    return False


def _new_paragraph(lines: _Lines, i: int, current: str) -> bool:
    """Line ``i`` starts a new paragraph rather than continuing the item ``current``. In a
    hard-wrapped text: when the line before is short and the first word of this one would have
    fitted on it. In a text of paragraphs (or one too short to measure): unless the line is a
    wrapped tail ("Bjursås och Falun," after "… en cykelbana mellan"), shorter than the line
    before and closing the clause the item left open."""
    prev = squash(lines.raw[i - 1]) if i else ""
    line = squash(lines.raw[i])
    if stops_mid_sentence(current):
        return False  # "… enligt" + "Moderaternas förslag": the clause is not finished
    if lines.width:
        first = line[:MAX_LEADIN_WORDS * 8].split(" ", 1)[0]
        return len(prev) < 0.8 * lines.width and len(prev) + 1 + len(first) <= lines.width
    tail = line.endswith((",", ";", ".")) and not ENDS_CLAUSE.search(current) \
        and len(line) < len(prev)
    return not tail


def _trigger_lines(lines: _Lines, stop: int) -> list[tuple[int, int, str, bool, list[str]]]:
    """(trigger line, last lead-in line, kind, ends with colon, inline att-texts)."""
    out = []
    for i in range(min(stop, len(lines.raw))):
        line = squash(lines.raw[i])
        if not line or len(line) > 2000:
            continue
        if _HEADING_WORD.match(line):
            # "YRKANDEN", "Att-satser:", "Kommunfullmäktige beslutar att" over the items; a
            # heading over more lead-in ("Beslutsförslag" / "Kommunfullmäktige beslutar att")
            # gives way to the line under it
            nxt = next((k for k in range(i + 1, min(i + 4, len(lines.raw)))
                        if lines.raw[k].strip()), None)
            if _item_follows(lines, i):
                out.append((i, i, "leadin", True, []))
                continue
            if nxt is not None and _HEADING_WORD.match(squash(lines.raw[nxt])) \
                    and _item_follows(lines, nxt):
                out.append((i, nxt, "leadin", True, []))
                continue
        if not _TRIGGER.search(line):
            continue
        window = line
        found: tuple[int, int, str, bool, list[str]] | None = None
        dangling = False
        for k in range(i, min(i + 3, len(lines.raw))):
            if k > i:
                nxt = squash(lines.raw[k])
                if not nxt or is_item_start(nxt) or _MARKED.match(nxt) or \
                        ends_sentence(window) or window.endswith((":", ";")) or len(nxt) > 200:
                    break  # a bullet or a new att-sats never continues the lead-in
                window = f"{window} {nxt}"
            trigger = list(_TRIGGER.finditer(window))[-1]
            tail = window[trigger.end():]
            weak = trigger.group(0).lower() in _LEADIN_ONLY
            if _tail_is_leadin(tail) and (not weak or _DECISION.search(tail)
                                          or tail.rstrip().endswith(":")):
                # the longest lead-in wins: "… yrkar vi att kommunfullmäktige" + "beslutar:"
                found = (i, k, "leadin", tail.rstrip().endswith((":", ";")), [])
                dangling = tail.rstrip().lower().endswith("att")
                continue
            if found is None or dangling:
                # "… yrkar Sverigedemokraterna att" + "kommunfullmäktige ger …": the line
                # ended on the proposal's own "att", the proposal runs on
                inline = _inline_proposals(window)
                if inline:
                    found = (i, k, "inline", False, inline)
            break
        if found is not None:
            out.append(found)
    return out


def find_yrkanden(raw: list[str], vocab: Vocabulary, width: int) -> Zone:
    lines = _Lines(raw, width)
    best: Zone | None = None
    best_strength = -1
    zone_end = -1
    for line_no, last, kind, colon, inline in _trigger_lines(lines, len(raw))[-MAX_LEADINS:]:
        remarks: list[str] = []
        if line_no < zone_end:
            continue  # inside the items of the zone before: read once, not again
        if kind == "leadin":
            items, end, problems = _collect(lines, last + 1, colon, vocab)
            strength = 2
        else:
            items, end, problems = _collect(lines, last + 1, False, vocab, first=inline)
            opens_list = items[:len(inline)] and items[len(inline) - 1].rstrip().endswith(":")
            if len(items) > 1 and not opens_list and \
                    not all(i.lower().startswith("att") for i in items):
                items = items[:len(inline)]
            split = [piece for item in items[:len(inline)] for piece in split_running(item)]
            if len(split) > len(inline):
                remarks = ["en mening med flera förslag delades i flera att-satser"]
            items = split + items[len(inline):]
            strength = 1
        zone_end = max(zone_end, end)
        items = [t for t in items if t and not is_leadin_text(t)]
        if items and _CHAIN.match(items[0]):
            items = items[1:]  # "att kommunfullmäktige beslutar:" introduces the list
        # "att kommunfullmäktige ger nämnden i uppdrag att:" introduces the items after it
        items = [t for k, t in enumerate(items)
                 if not (t.rstrip().endswith(":") and k + 1 < len(items))]
        if not items:
            continue
        if strength >= best_strength:
            best_strength = strength
            best = rate(items, line_no, end, strength, problems, remarks)
    if best is not None:
        return best
    return _suggest(lines, vocab)


_PROPOSAL_WORDS = re.compile(r"(?<!\w)(?:bör|ska|skall|vill|föreslår|yrkar|hemställer|"
                             r"uppdrag|utreda|inför[a]?|stoppa)(?!\w)", re.IGNORECASE)


def _suggest(lines: _Lines, vocab: Vocabulary) -> Zone:
    """No att-satser: the paragraph most likely to be the proposal, offered as a suggestion."""
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for i, raw in enumerate(lines.raw):
        if raw.strip():
            if not current:
                start = i
            current.append(raw)
        elif current:
            paragraphs.append((start, current))
            current = []
    if current:
        paragraphs.append((start, current))
    best, best_score = "", 0.0
    total = max(1, len(paragraphs))
    for n, (_, para) in enumerate(paragraphs):
        text = join_lines(para[:40], vocab)
        if len(text) < 25 or has_signature(text) or len(text) > 4 * MAX_YRKANDE_CHARS:
            continue
        score = len(_PROPOSAL_WORDS.findall(text[:2000])) + 2.0 * bool(_TRIGGER.search(text))
        score += 1.5 * text.startswith(("Att ", "att ")) + n / total
        if score > best_score:
            best, best_score = text, score
    note = "motionen har inga att-satser"
    if best and best_score >= 1.5:
        if len(best) > MAX_YRKANDE_CHARS:
            cut = best[:MAX_YRKANDE_CHARS]
            best = cut[:cut.rfind(" ")] + " …"
        note += "; stycket som troligen är förslaget föreslås – skriv om det till att-satser"
        return Zone([], -1, -1, 0.0, note, best)
    return Zone([], -1, -1, 0.0, note + " och inget stycke som ser ut som ett förslag")
