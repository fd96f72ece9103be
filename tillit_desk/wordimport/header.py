"""Header fields (organisation, unit, datum, diarienummer, Vår referens, title) from the page
header and the first page, whatever the template's layout.

Templates put a label beside its value ("Datum: 2022-05-02"), over it (label and value on two
lines, or in two cells of a table) or leave the label out; we read labels in all three forms
and fall back on what values look like (an ISO date, an e-mail address).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import normalise
from .items import Item, Para, Table

_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"^(datum|beslutsdatum)(?=[\s:\t]|$)", re.I)),
    ("diarienummer", re.compile(
        r"^(diarienummer|diarienr\.?|dnr\.?|vårt dnr\.?|vår beteckning|ärendenummer|"
        r"ärendenr\.?|beteckning)(?=[\s:\t]|$)", re.I)),
    ("ref", re.compile(r"^(vår referens|handläggare|kontaktperson)(?=[\s:\t]|$)", re.I)),
)
ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
# KS 2022/0086, STK-2020-1262, KFKS 2013/191-040, SN 18/0098, Dnr 2012.0930.005
_DNR = re.compile(r"^(dnr\.?\s*)?[A-ZÅÄÖ][\wÅÄÖåäö]{0,7}[ -]?\d{2,4}\s?[/.-]\s?\d{1,6}"
                  r"([-./]\w+)?$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"^(tel(efon)?\.?:?\s*)?\+?[\d][\d \-()]{5,}$", re.I)
_PAGE = re.compile(r"^(sida|sidan)?\s*\d+\s*(\(\s*\d+\s*\)|av\s+\d+|/\s*\d+)?$", re.I)
DOCUMENT_TYPES = {"tjänsteskrivelse", "tjänsteutlåtande", "beslutsunderlag",
                  "tjänsteskrivelse/beslutsunderlag", "promemoria", "pm", "utredning",
                  "utlåtande"}
# labels of fields the case does not hold (the addressee's references, Upplands-Bro)
_OTHER_LABELS = {"er beteckning", "er referens", "ert datum", "ert dnr", "er ref", "sida"}
# "Utlåtande 2018:17 RIV (Dnr 123-1432/2017)": a labelled diarienummer inside a line
_DNR_IN_LINE = re.compile(r"\b(?:dnr|diarienummer|diarienr)\.?:?\s+([^\s(),;][^(),;]*?)\s*"
                          r"(?:[),;]|$)", re.I)
# an organisation's own name ("Lunds kommun", "Malmö stad", "Region Skåne")
_ORGANISATION = re.compile(r"(\bkommun|\bstad|\blandsting|\bregion)$|^region\s", re.I)
# a unit, not a person's title ("Socialkontoret", "Kommunledningsförvaltningen")
_UNIT = re.compile(r"(kontoret|förvaltningen|förvaltning|avdelningen|enheten|kansliet|"
                   r"sekretariatet|staben|nämnden)$", re.I)


@dataclass
class HeaderFields:
    organisation: str = ""
    unit: str = ""
    date: str = ""
    diarienummer: str = ""
    title: str = ""
    ref_name: str = ""
    ref_title: str = ""
    ref_email: str = ""
    ref_phone: str = ""
    used: set[int] = field(default_factory=set)  # positions of front items read as fields

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if k != "used"}


def _blocks(items: list[Item], tag: int | None = None, cells: dict | None = None
            ) -> list[tuple[int | None, list[str]]]:
    """Cells and paragraphs as blocks of lines, with the id of the front item they came from.

    ``cells`` receives block index -> (table id, row, column) for blocks that are table cells.
    """
    out: list[tuple[int | None, list[str]]] = []
    for index, item in enumerate(items):
        owner = index if tag is None else tag
        if isinstance(item, Para):
            lines = [ln.strip() for ln in item.text().replace("\t", "\n").split("\n")]
            out.append((owner, [ln for ln in lines if ln]))
        else:
            for r, row in enumerate(item.rows):
                for c, cell in enumerate(row):
                    lines: list[str] = []
                    for sub in _blocks(cell, owner):
                        lines.extend(sub[1])
                    if cells is not None and lines:
                        cells[len([b for b in out if b[1]])] = (id(item), r, c)
                    out.append((owner, lines))
    return [b for b in out if b[1]]


def _label(line: str) -> tuple[str, str] | None:
    """("date"|"diarienummer"|"ref", value) for a label line; the value may be empty.

    A label stands alone, or is followed by a colon or a tab; a bare space counts only before
    a value with a digit ("Datum 2022-05-02", "Dnr KS 2018/124"), so that a name such as
    "Handläggare Eva Ek" or a sentence that starts with "Datum" is not taken for one."""
    for name, pattern in _LABELS:
        m = pattern.match(line)
        if not m:
            continue
        rest = line[m.end():]
        value = rest.lstrip(" \t:.").strip()
        if not rest.strip() or rest.lstrip(" ").startswith((":", "\t")) or \
                (name != "ref" and any(ch.isdigit() for ch in value)):
            return name, value
    return None


def _is_label_line(line: str) -> bool:
    return _label(line) is not None


def _read_ref(lines: list[str], fields: HeaderFields) -> None:
    others: list[str] = []
    for line in lines:
        for part in (p.strip() for p in re.split(r"\s*·\s*|\s+\|\s+", line)):
            if not part:
                continue
            if _EMAIL.fullmatch(part):
                fields.ref_email = fields.ref_email or part
            elif _PHONE.match(part):
                fields.ref_phone = fields.ref_phone or re.sub(r"^tel(efon)?\.?:?\s*", "", part,
                                                              flags=re.I)
            else:
                others.append(part)
    if others:
        first = others[0]
        if ", " in first:
            fields.ref_name, fields.ref_title = (s.strip() for s in first.split(", ", 1))
        else:
            fields.ref_name = first
            if len(others) > 1:
                fields.ref_title = others[1]


def read_fields(header_parts: list[list[Item]], front: list[Item]) -> HeaderFields:
    """Fields from the page headers (the first page's first) and the body before the first
    section heading."""
    fields = HeaderFields()
    header_cells: dict = {}
    front_cells: dict = {}
    head: list[tuple[int | None, list[str]]] = []
    for k, part in enumerate(header_parts):
        part_cells: dict = {}
        blocks_k = _blocks(part, -(k + 1), part_cells)
        header_cells.update({n + len(head): v for n, v in part_cells.items()})
        head += blocks_k
    blocks = head + _blocks(front, None, front_cells)
    cells = {**header_cells, **{k + len(head): v for k, v in front_cells.items()}}
    where = {v: k for k, v in cells.items()}
    consumed: set[tuple[int, int]] = set()
    flat = [(b, i, line) for b, (_owner, lines) in enumerate(blocks)
            for i, line in enumerate(lines)]

    def following(b: int, i: int) -> list[tuple[int, int, str]]:
        return [(bb, ii, ln) for bb, ii, ln in flat if (bb, ii) > (b, i)]

    for b, i, line in flat:
        found = _label(line)
        if not found:
            continue
        name, value = found
        consumed.add((b, i))
        if name == "ref" and not value and line.strip().lower() == "handläggare":
            from .structured import looks_like_name

            before = [(bb, ii, ln) for bb, ii, ln in flat if (bb, ii) < (b, i)
                      and (bb, ii) not in consumed and blocks[bb][0] == blocks[b][0]]
            if before and looks_like_name(before[-1][2]):
                # "Anders Eriksson" over "Handläggare": a title, not a label
                fields.ref_name, fields.ref_title = before[-1][2], line.strip()
                consumed.add(before[-1][:2])
                continue
        if name == "ref":
            lines = [value] if value else []
            owner = blocks[b][0]
            for bb, ii, ln in following(b, i):
                if _is_label_line(ln) or len(lines) >= 4 or ISO_DATE.fullmatch(ln) or \
                        normalise(ln) in DOCUMENT_TYPES or _DNR.match(ln) or (
                        blocks[bb][0] != owner and (owner < 0 or blocks[bb][0] < 0)):
                    break
                lines.append(ln)
                consumed.add((bb, ii))
            _read_ref(lines, fields)
            continue
        if not value and i == len(blocks[b][1]) - 1 and b in cells:
            table, row, col = cells[b]
            for other in (where.get((table, row + 1, col)), where.get((table, row, col + 1))):
                if other is not None and (other, 0) not in consumed and \
                        not _is_label_line(blocks[other][1][0]):
                    value = blocks[other][1][0]
                    consumed.add((other, 0))
                    break
        if not value:
            nxt = following(b, i)
            if nxt and not _is_label_line(nxt[0][2]) and (nxt[0][0] == b or b not in cells):
                value = nxt[0][2]
                consumed.add(nxt[0][:2])
        if name == "date" and not fields.date:
            m = ISO_DATE.search(value)
            fields.date = m.group(1) if m else value
        elif name == "diarienummer" and not fields.diarienummer:
            fields.diarienummer = value
    if not fields.date:
        for b, i, line in flat:
            m = ISO_DATE.fullmatch(line.strip())
            if m:
                fields.date = m.group(1)
                consumed.add((b, i))
                break
    if not fields.diarienummer:  # a diarienummer on its own line (Malmö: under the title)
        body_first = sorted(flat, key=lambda f: blocks[f[0]][0] is not None
                            and blocks[f[0]][0] < 0)  # the body's lines, then the header's
        for b, i, line in body_first:
            if (b, i) in consumed or ISO_DATE.search(line):
                continue
            if _DNR.match(line.strip()):
                fields.diarienummer = line.strip()
                consumed.add((b, i))
                break
    if not fields.diarienummer:  # "… (Dnr 123-1432/2017)" inside a line
        for b, i, line in flat:
            m = _DNR_IN_LINE.search(line)
            if (b, i) not in consumed and m and any(ch.isdigit() for ch in m.group(1)):
                fields.diarienummer = m.group(1).strip()
                consumed.add((b, i))
                break
    _email_reference(flat, blocks, consumed, fields)
    # organisation and unit: the first lines that are no label, page number or document type
    names: list[str] = []
    in_header = any(owner < 0 for owner, _lines in blocks)
    tables = {n for n, t in enumerate(front) if isinstance(t, Table)}
    for b, i, line in flat:
        owner = blocks[b][0]
        if (b, i) in consumed or (owner >= 0 if in_header else owner not in tables):
            continue
        key = normalise(line)
        if key in DOCUMENT_TYPES or key in _OTHER_LABELS or _PAGE.match(line) or \
                _EMAIL.search(line):
            consumed.add((b, i))
            continue
        if ISO_DATE.search(line) or _not_a_name(line):
            continue
        if any(normalise(n) == key for n in names):
            consumed.add((b, i))  # the same name again (the following pages' header)
            continue
        names.append(line)
        consumed.add((b, i))
        if len(names) == 2:
            break
    if names and not _ORGANISATION.search(normalise(names[0])) and _UNIT.search(names[0]):
        fields.unit = fields.unit or names[0]  # a unit without its organisation
    elif names:
        fields.organisation = names[0]
        fields.unit = fields.unit or (names[1] if len(names) > 1 else "")
    if not fields.ref_name:  # a name over a title in the header, without a label (Lund)
        from .structured import looks_like_name, looks_like_title

        free = [(b, i, line) for b, i, line in flat
                if (b, i) not in consumed and blocks[b][0] is not None and blocks[b][0] < 0]
        for (b, i, line), (b2, i2, nxt) in zip(free, free[1:], strict=False):
            if looks_like_name(line) and looks_like_title(nxt) and b2 - b <= 1:
                fields.ref_name, fields.ref_title = line, nxt
                consumed.update({(b, i), (b2, i2)})
                break
    for b, (owner, lines) in enumerate(blocks):
        if owner is None or owner < 0:
            continue
        if all((b, i) in consumed for i in range(len(lines))):
            fields.used.add(owner)
        else:
            for i, line in enumerate(lines):
                if (b, i) not in consumed and normalise(line) in DOCUMENT_TYPES:
                    consumed.add((b, i))
            if all((b, i) in consumed for i in range(len(lines))):
                fields.used.add(owner)
    return fields


def _not_a_name(line: str) -> bool:
    """No organisation or unit: a line with a number ("Utlåtande 2018:17 RIV") or a stamp in
    capitals ("SIGNERAD")."""
    text = line.strip()
    return any(ch.isdigit() for ch in text) or (text.isupper() and len(text.split()) == 1)


def _email_reference(flat: list, blocks: list, consumed: set, fields: HeaderFields) -> None:
    """Vår referens without its label: an e-mail address on the first page belongs to the
    handläggare (Malmö prints it apart from the name). When no name was read, the lines just
    over the address are the name and a title or unit (Upplands-Bro: "Lena Bergström",
    "Socialkontoret", "lena.bergstrom@upplands-bro.se")."""
    from .structured import looks_like_name

    if fields.ref_email:
        return
    for n, (b, i, line) in enumerate(flat):
        if (b, i) in consumed or not _EMAIL.fullmatch(line.strip()):
            continue
        fields.ref_email = line.strip()
        consumed.add((b, i))
        if fields.ref_name:
            return
        owner = blocks[b][0]
        above = [f for f in flat[max(0, n - 2):n]
                 if f[:2] not in consumed and blocks[f[0]][0] == owner
                 or (owner is not None and owner < 0 and blocks[f[0]][0] is not None
                     and blocks[f[0]][0] < 0 and f[:2] not in consumed)]
        while above and not looks_like_name(above[0][2]):
            above.pop(0)
        if above:
            fields.ref_name = above[0][2].strip()
            consumed.add(above[0][:2])
            for b2, i2, other in above[1:]:
                if _UNIT.search(other.strip()):
                    fields.unit = fields.unit or other.strip()
                else:
                    fields.ref_title = other.strip()
                consumed.add((b2, i2))
        return


def first_page_header(document, headers: dict) -> list:
    """The header part the first page shows (``first`` when the section asks for it)."""
    from .styles import W

    sect = None
    body = document.find(f"{W}body")
    if body is not None:
        sect = next(body.iter(f"{W}sectPr"), None)
    if sect is None:
        return list(headers.values())[:1]
    refs = {ref.get(f"{W}type") or "default":
            ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for ref in sect.iterchildren(f"{W}headerReference")}
    title_pg = sect.find(f"{W}titlePg") is not None
    chosen = refs.get("first") if title_pg else None
    chosen = chosen or refs.get("default")
    out = [headers[chosen]] if chosen in headers else []
    out += [h for rid, h in headers.items() if rid != chosen]
    return out
