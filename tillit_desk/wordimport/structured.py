"""Sections the case keeps as data, read back from their printed form.

Förslag till beslut → the decision chain and the points (att-satser or numbered sentences, from
Word numbering or typed); Beslutsunderlag → rows with their dates; Beslutet skickas till → names
under their labels; Beslutsplanering → body and date; the signature block (a table or
tab-separated lines) → name and title.

The fixed wording the export adds — the chain ending, the recipient labels, the row format —
is the profile's (``[export]``, print_options.py), so it is read with the profile's values,
empty ones included; the generic wording (print_options.DEFAULTS) is still recognised in a
document typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..case import PURPOSE_ATGARD, PURPOSE_KANNEDOM, Meeting, Recipient, Signatory, UnderlagItem
from ..decision import STYLE_BULLETS
from ..errors import ProfileError
from ..print_options import PrintOptions, holds_date, print_options
from ..profiles import STYLE_ATT, STYLE_NUMBERED, Profile
from .items import Item, Para, Piece, Table
from .mdwriter import inline, render

_ATT = re.compile(r"^\s*att\b[ \t\u00a0]*", re.I)
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,2})[.)][ \t]+")
_TRAILING_DATE = re.compile(r"^(.*?)[\s,]*(\d{4}-\d{2}-\d{2})$")
# "… besluta", "… beslutar:", "… följande" / "… beslutar följande." (Stockholm, Region Skåne)
_CHAIN_END = re.compile(r"(besluta|beslutar|följande)\s*[.:]?\s*$|:\s*$", re.I)
_PROPOSES = re.compile(r"\bföreslå[rs]\b", re.I)


def _cut(pieces: list[Piece], n: int) -> list[Piece]:
    """The pieces without their first ``n`` characters (an "att" or a typed number)."""
    out: list[Piece] = []
    for p in pieces:
        if n and not p.marker:
            take = min(n, len(p.text))
            n -= take
            rest = p.text[take:]
            if rest:
                out.append(Piece(rest, p.bold, p.italic, p.view, p.change, p.marker))
            continue
        out.append(p)
    return out


def _tabs_to_spaces(pieces: list[Piece]) -> list[Piece]:
    return [Piece(p.text.replace("\t", " "), p.bold, p.italic, p.view, p.change, p.marker)
            for p in pieces]


@dataclass
class Decision:
    markdown: str = ""
    chain: str = ""  # "" also when the printed chain is the profile's own
    printed_chain: bool = False  # the document prints a chain before its points
    style: str = ""
    points: int = 0
    comments: dict[str, list[int | None]] = field(default_factory=dict)


def read_decision(items: list[Item], profile: Profile,
                  options: PrintOptions | None = None) -> Decision:
    """The chain (when it is the first paragraph before the points) and the section text."""
    result = Decision()
    chunks: list[tuple[str, str]] = []  # (kind, markdown): "att", "num", "other"
    seen_point = False
    chain_item: Item | None = None
    numbered = 0
    comment_parts: list[dict] = []
    for item in items:
        if isinstance(item, Para) and item.text().strip():
            text = item.text()
            att = _ATT.match(text)
            typed = _TYPED_NUMBER.match(text) if not att else None
            local: dict = {}
            if att and item.list_level is None:
                body = inline(_tabs_to_spaces(_cut(item.pieces, att.end())), True, local)
                chunks.append(("att", "att " + body))
                comment_parts.append({"shift": 4, "marks": local})
                result.style = result.style or STYLE_ATT
                seen_point = True
                result.points += 1
                continue
            if item.list_level is not None or typed:
                pieces = _cut(item.pieces, typed.end()) if typed else item.pieces
                att_in_list = _ATT.match("".join(p.text for p in pieces))
                numbered += 1
                if not item.ordered and not typed and not (att_in_list and result.style
                                                           == STYLE_ATT):
                    # a bulleted point (an att-sats too: the bullet is what the reader sees)
                    body = inline(_tabs_to_spaces(pieces), True, local)
                    chunks.append(("bullet", "- " + body))
                    comment_parts.append({"shift": 2, "marks": local})
                    result.style = result.style or STYLE_BULLETS
                elif att_in_list and not item.ordered and not typed:
                    body = inline(_tabs_to_spaces(_cut(pieces, att_in_list.end())), True, local)
                    chunks.append(("att", "att " + body))
                    comment_parts.append({"shift": 4, "marks": local})
                    result.style = result.style or STYLE_ATT
                else:
                    prefix = f"{numbered}. "
                    body = inline(_tabs_to_spaces(pieces), True, local)
                    chunks.append(("num", prefix + body))
                    comment_parts.append({"shift": len(prefix), "marks": local})
                    result.style = result.style or STYLE_NUMBERED
                seen_point = True
                result.points += 1
                continue
            if not seen_point and not chunks and not result.chain and is_chain(text, profile):
                result.chain = " ".join(text.split())
                chain_item = item
                continue
        rendered = render([item])
        if rendered.text:
            chunks.append(("other", rendered.text))
            comment_parts.append({"shift": 0, "marks": rendered.comments})
    if result.chain and not result.points:
        # the export prints a chain only before decision points: with none (a Stockholm
        # utlåtande's "Motionen besvaras …") the chain stays the section's first paragraph
        rendered = render([chain_item])
        chunks.insert(0, ("other", rendered.text))
        comment_parts.insert(0, {"shift": 0, "marks": rendered.comments})
        result.chain = ""
    out = ""
    for n, ((kind, text), part) in enumerate(zip(chunks, comment_parts, strict=True)):
        if n:
            out += "\n" if kind in ("num", "bullet") and chunks[n - 1][0] == kind else "\n\n"
        for cid, (a, b) in part["marks"].items():
            entry = result.comments.setdefault(cid, [None, None])
            if a is not None:
                entry[0] = len(out) + part["shift"] + a
            if b is not None:
                entry[1] = len(out) + part["shift"] + b
        out += text
    result.markdown = out
    result.printed_chain = bool(result.chain)
    if result.chain:
        result.chain = read_chain(result.chain, profile,
                                  options if options is not None else options_for(profile))
    return result


def read_chain(printed: str, profile: Profile, options: PrintOptions) -> str:
    """The case's decision chain from the printed one: without the profile's ending
    (``chain_ending``, which the export adds to a chain not ending in ":"), and "" when it is
    the profile's own chain (the case then follows the profile)."""
    flat = " ".join(printed.split())
    ending = " ".join(options.chain_ending.split())
    if ending and flat.endswith(ending) and flat != ending:
        flat = flat[: -len(ending)].rstrip()
    return "" if flat == " ".join(profile.decision_chain.split()) else flat


def print_chain(chain: str, profile: Profile, options: PrintOptions) -> str:
    """The chain as the export prints it (compose: the case's, else the profile's, with the
    profile's ending unless it already ends in ":")."""
    flat = " ".join(chain.split()) or " ".join(profile.decision_chain.split())
    if flat and options.chain_ending and not flat.endswith(":"):
        flat = " ".join((flat + options.chain_ending).split())
    return flat


def is_chain(text: str, profile: Profile) -> bool:
    """A decision chain: the profile's own, or "X föreslår/föreslås … besluta(r)/följande"."""
    flat = " ".join(text.split())
    chain = " ".join(profile.decision_chain.split()).rstrip(":")
    if chain and flat.rstrip(":").startswith(chain):
        return True
    return _PROPOSES.search(flat) is not None and _CHAIN_END.search(flat) is not None


def _lines(items: list[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, Para):
            out.extend(ln.strip() for ln in item.text().split("\n") if ln.strip())
        else:
            for row in item.rows:
                cells = [" ".join(_lines(cell)) for cell in row]
                line = " ".join(c for c in cells if c)
                if line:
                    out.append(line)
    return out


def split_date(text: str) -> tuple[str, str]:
    m = _TRAILING_DATE.match(text.strip())
    if m:
        return m.group(1).strip(), m.group(2)
    return text.strip(), ""


def options_for(profile: Profile) -> PrintOptions:
    """The profile's fixed wording (``[export]``); a user profile's typo reads with the
    defaults, as the export prints it then."""
    try:
        return print_options(profile)
    except ProfileError:
        return PrintOptions()


def _row_regex(row_format: str) -> re.Pattern[str]:
    """A pattern for one printed row: ``{text}`` and ``{date}`` as groups, the literal words
    between them as printed (any run of spaces counts as one)."""
    out = ""
    for part in re.split(r"(\{text\}|\{date\})", row_format):
        if part == "{text}":
            out += r"(?P<text>.*?)"
        elif part == "{date}":
            out += r"(?P<date>\d{4}-\d{2}-\d{2})"
        else:
            out += r"\s*".join(re.escape(w) for w in part.split()) if part.strip() else ""
            out += r"\s*" if part and part[-1].isspace() else ""
    return re.compile(r"^\s*" + out + r"\s*$", re.S)


def split_row(options: PrintOptions, line: str) -> tuple[str, str]:
    """(text, date) of a Beslutsunderlag row as the profile prints it (``underlag_row``): with
    the date where the format puts it, or without it (a row that has no date); a line of
    another form is all text. A format without ``{date}`` prints no dates, so none is split."""
    line = " ".join(line.split())
    if "{text}" not in options.underlag_row:
        return split_date(line)  # the profile prints no text (odd): read the generic form
    forms = [options.underlag_row] if "{date}" in options.underlag_row else []
    forms.append(re.sub(r"\{date\}", "", options.underlag_row))
    for form in forms:
        m = _row_regex(form).match(line)
        if m and m.group("text").strip():
            date = m.groupdict().get("date") or ""
            text = m.group("text").strip()
            return (text.rstrip(" ,") if date else text), date or _date_in_words(text)
    return line.strip(), _date_in_words(line)


def _date_in_words(text: str) -> str:
    """The one date a row's text writes in words ("protokoll den 24 mars 2010, § 24"), as
    ISO; the text keeps it (the export then adds no date: print_options.holds_date)."""
    from ..motion.dates import dates_in

    found = set(dates_in(text)) if len(text) <= 300 else set()
    if len(found) != 1:
        return ""
    date = found.pop()
    # an ISO date inside the text stays text (Lund prints none: issue 13), words do not
    return date if date not in text and holds_date(text, date) else ""


def read_underlag(items: list[Item], options: PrintOptions | None = None
                  ) -> tuple[list[UnderlagItem], list[str]]:
    """Rows (list items or lines); a lead-in line ending in ":" is not a row."""
    options = options or PrintOptions()
    rows: list[UnderlagItem] = []
    skipped: list[str] = []
    for line in _lines(items):
        line = _TYPED_NUMBER.sub("", line)
        if line.endswith(":") and not rows:
            skipped.append(line)
            continue
        text, date = split_row(options, line.lstrip("•-–· \t"))
        rows.append(UnderlagItem(text, date))
    return rows, skipped


def attached_underlag(items: list[Item], options: PrintOptions) -> tuple[list[Item], list[Item]]:
    """(the section's own items, the Beslutsunderlag list) for the section a profile prints
    Beslutsunderlag in (``underlag_in``): its intro sentence and the numbered list that ends
    the section. Without an intro sentence the list cannot be told from the section's own
    text, and stays text."""
    from .headings import normalise

    intro = normalise(options.underlag_intro)
    if not options.underlag_in or not intro:
        return items, []
    for k in range(len(items) - 1, -1, -1):
        item = items[k]
        if not (isinstance(item, Para) and item.list_level is None
                and normalise(item.text()) == intro):
            continue
        rest = items[k + 1:]
        if any(isinstance(i, Para) and i.list_level is not None for i in rest) and all(
                isinstance(i, Para) and (i.list_level is not None or not i.text().strip())
                for i in rest):
            return items[:k], rest
        break
    return items, []


def _label_patterns(options: PrintOptions) -> list[tuple[re.Pattern[str], str]]:
    """The profile's labels, then the generic ones (DEFAULTS) for documents typed by hand; a
    label matches with or without its colon, and names may follow it on the same line."""
    from ..print_options import DEFAULTS

    out: list[tuple[re.Pattern[str], str]] = []
    for source in (options, DEFAULTS):
        for label, purpose in ((source.label_atgard, PURPOSE_ATGARD),
                               (source.label_kannedom, PURPOSE_KANNEDOM)):
            words = label.strip().rstrip(":").split()
            if words:
                body = r"\s+".join(re.escape(w) for w in words)
                out.append((re.compile(rf"^{body}\s*(?::\s*(.*)|$)", re.I), purpose))
    return out


def list_form(items: list[Item], skip=None) -> str:
    """How a list section prints its entries: "bullets", "numbered" (Word numbering) or
    "plain" (paragraphs of their own); "" when mixed or empty. ``skip(text)`` leaves out
    lines that are no entries (a label)."""
    paras = [i for i in items if isinstance(i, Para) and i.text().strip()
             and not (skip and skip(i.text().strip().split("\n")[0]))]
    if not paras or any(isinstance(i, Table) for i in items):
        return ""
    if all(p.list_level is None for p in paras):
        return "plain"
    if all(p.list_level is not None for p in paras):
        kinds = {bool(p.ordered) for p in paras}
        return "" if len(kinds) > 1 else ("numbered" if kinds == {True} else "bullets")
    return ""


def has_label(items: list[Item], options: PrintOptions) -> bool:
    """Does a recipients section print a label ("För kännedom:", the profile's or generic)?"""
    patterns = _label_patterns(options)
    return any(pattern.match(line) for line in _lines(items) for pattern, _p in patterns)


def is_label(line: str, options: PrintOptions) -> bool:
    return any(pattern.match(line) for pattern, _p in _label_patterns(options))


def unlabelled_purpose(options: PrintOptions) -> str:
    """The purpose of names printed without a label: the export prints the åtgärd group first,
    so with a label only for kännedom the names before it are for åtgärd."""
    if not options.label_atgard.strip() and options.label_kannedom.strip():
        return PURPOSE_ATGARD
    return PURPOSE_KANNEDOM


def read_recipients(items: list[Item], options: PrintOptions | None = None
                    ) -> list[Recipient]:
    options = options or PrintOptions()
    patterns = _label_patterns(options)
    out: list[Recipient] = []
    purpose = unlabelled_purpose(options)
    for line in _lines(items):
        for pattern, value in patterns:
            m = pattern.match(line)
            if m:
                purpose = value
                line = (m.group(1) or "").strip()
                break
        for name in (n.strip() for n in line.split("\t")):
            if name:
                out.append(Recipient(name.lstrip("•-–· "), purpose))
    return out


def read_meetings(items: list[Item]) -> list[Meeting]:
    out = []
    for line in _lines(items):
        body, date = split_date(line)
        out.append(Meeting(body, date))
    return out


# ---------------------------------------------------------------- signatures

_TITLE_WORDS = ("chef", "direktör", "ordförande", "sekreterare", "handläggare", "strateg",
                "utredare", "controller", "samordnare", "ansvarig", "kommunalråd", "jurist",
                "regionråd", "ekonom", "planerare", "ledare", "vice", "biträdande", "tf")
_NAME = re.compile(r"^[A-ZÅÄÖÉ][\w'.-]*( [A-ZÅÄÖÉ][\w'.-]*){1,3}$")  # initials count as names


def looks_like_name(text: str) -> bool:
    return _NAME.match(text.strip()) is not None


def looks_like_title(text: str, extra: tuple[str, ...] = ()) -> bool:
    """A job title ("Kommundirektör", "Handläggare", "Tf. avdelningschef")."""
    low = text.lower().strip()
    if not low or len(low.split()) > 5 or low.endswith((".", ":", ";")):
        return False
    return any(w in low for w in _TITLE_WORDS) or any(t.lower() == low for t in extra)


def _looks_title(text: str, profile: Profile) -> bool:
    return looks_like_title(text, profile.signatory_titles)


def signature_table(table: Table, profile: Profile) -> list[Signatory] | None:
    """Name over title in each cell: the signature block (ours says so in its description)."""
    people: list[Signatory] = []
    ours = "underskrift" in table.description.lower()
    if not ours and len(table.rows) > 3:
        return None
    for row in table.rows:
        for cell in row:
            lines = _lines(cell)
            if not lines:
                continue
            if ours:
                people.append(Signatory(lines[0], " ".join(lines[1:])))
                continue
            if len(lines) != 2 or not _NAME.match(lines[0]) or not _looks_title(lines[1],
                                                                                 profile):
                return None
            people.append(Signatory(lines[0], lines[1]))
    return people if people else None


def signature_paragraphs(a: Para, b: Para | None, profile: Profile) -> list[Signatory] | None:
    """"Anna Andersson<TAB>Bo Berg" over "Kommundirektör<TAB>Kanslichef", or "Name\\nTitle"."""
    if any(p.heading or p.title or p.list_level is not None for p in (a, b) if p is not None):
        return None
    lines = [ln.strip() for ln in a.text().split("\n") if ln.strip()]
    if len(lines) == 2 and b is None:
        names = [n.strip() for n in lines[0].split("\t") if n.strip()]
        titles = [t.strip() for t in lines[1].split("\t") if t.strip()]
    elif len(lines) == 1 and b is not None:
        names = [n.strip() for n in lines[0].split("\t") if n.strip()]
        titles = [t.strip() for t in b.text().split("\t") if t.strip()]
    else:
        return None
    if not names or len(names) != len(titles) or len(names) > 4:
        return None
    if not all(_NAME.match(n) for n in names) or not all(_looks_title(t, profile)
                                                          for t in titles):
        return None
    return [Signatory(n, t) for n, t in zip(names, titles, strict=True)]
