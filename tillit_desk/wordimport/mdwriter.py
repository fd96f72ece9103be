"""Paragraphs and tables read from Word → the section Markdown subset, as the editor writes it.

The output follows the window's own serialiser (``gui/richtext.document_markdown``): ``- `` and
``1. `` list items nested by the width of their parent's marker, ``###``/``####`` sub-headings,
``**bold**``/``*italic*`` with the spaces outside the markers, ``\\``, ``*`` and ``_`` escaped,
pipe tables with the header row unformatted. Text typed in the window and the same text read
back from an export are then the same string, which is what the three-way diff compares.
Comment ranges are carried through as offsets in the Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .items import Item, Para, Piece, Table

_LINE_START = re.compile(r"(#|[-+](?=\s)|\d+[.)])")
_SPECIAL = re.compile(r"[\\*_]")


@dataclass
class Rendered:
    text: str = ""
    # comment id -> [start, end] offsets in text (either may be None when the range is open)
    comments: dict[str, list[int | None]] = field(default_factory=dict)


def _escape_line(text: str, at_line_start: bool) -> tuple[str, list[int]]:
    """Escape one line (no newlines) and map each input offset to its output offset."""
    start_escape: int | None = None
    if at_line_start:
        m = _LINE_START.match(text)
        if m:
            start_escape = m.end() - 1 if m.group(1)[0].isdigit() else 0
    if start_escape is None and not _SPECIAL.search(text):
        return text, list(range(len(text) + 1))  # the common case: nothing to escape
    out: list[str] = []
    offsets: list[int] = []
    length = 0
    for i, ch in enumerate(text):
        offsets.append(length)
        piece = ch
        if ch in "\\*_" or i == start_escape:
            piece = "\\" + ch
        out.append(piece)
        length += len(piece)
    offsets.append(length)
    return "".join(out), offsets


def _wrap(text: str, bold: bool, italic: bool, at_line_start: bool) -> tuple[str, list[int]]:
    """One line of one formatting: escaped, with emphasis markers touching the text."""
    if not text.strip() or not (bold or italic):
        return _escape_line(text, at_line_start)
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    marker = ("**" if bold else "") + ("*" if italic else "")
    body, body_map = _escape_line(core, at_line_start and not lead)
    out = f"{lead}{marker}{body}{marker[::-1]}{trail}"
    offsets = list(range(len(lead)))
    offsets += [len(lead) + len(marker) + o for o in body_map[:-1]]
    end = len(lead) + len(marker) + len(body) + len(marker)
    offsets += [end + i for i in range(len(trail))]
    offsets.append(len(out))
    if not lead:
        offsets[0] = 0  # a comment on the first character covers the opening marker too
    return out, offsets


def _strip_lines(pieces: list[Piece]) -> list[Piece]:
    """Drop whitespace at the start and end of every line (Markdown would not keep it)."""
    text = "".join(p.text for p in pieces)
    keep = [True] * len(text)
    for m in re.finditer(r"[^\n]*", text):
        line = m.group(0)
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        for k in range(m.start(), m.start() + lead):
            keep[k] = False
        for k in range(m.end() - trail, m.end()):
            keep[k] = False
    # and empty lines at the very start and end
    stripped = text.strip("\n ")
    first = len(text) - len(text.lstrip("\n \t"))
    last = first + len(stripped.rstrip())
    for k in range(len(text)):
        if k < first or k >= last:
            keep[k] = False
    out: list[Piece] = []
    pos = 0
    for p in pieces:
        n = len(p.text)
        kept = "".join(ch for k, ch in enumerate(p.text) if keep[pos + k])
        pos += n
        if kept or p.marker:
            out.append(Piece(kept, p.bold, p.italic, p.view, p.change, p.marker))
    return out


def inline(pieces: list[Piece], formatting: bool = True, comments: dict | None = None,
           offset: int = 0) -> str:
    """Formatted pieces → inline Markdown; comment markers land in ``comments``."""
    pieces = _strip_lines(pieces)
    runs: list[tuple[str, bool, bool, list[tuple[int, tuple[str, str]]]]] = []
    for p in pieces:
        bold, italic = (p.bold, p.italic) if formatting else (False, False)
        if p.marker:
            if not runs:
                runs.append(("", bold, italic, []))
            text, b, i, marks = runs[-1]
            marks.append((len(text), p.marker))
            continue
        if runs and runs[-1][1:3] == (bold, italic):
            text, b, i, marks = runs[-1]
            runs[-1] = (text + p.text, b, i, marks)
        elif runs and not runs[-1][0]:
            runs[-1] = (p.text, bold, italic, runs[-1][3])
        else:
            runs.append((p.text, bold, italic, []))
    out: list[str] = []
    length = 0
    at_line_start = True
    for text, bold, italic, marks in runs:
        lines = text.split("\n")
        line_offsets: list[int] = []  # input offset -> output offset for the whole run
        for n, line in enumerate(lines):
            if n:
                out.append("\n")
                length += 1
                at_line_start = True
            rendered, offsets = _wrap(line, bold, italic, at_line_start)
            line_offsets.extend(length + o for o in offsets[:-1])
            if n < len(lines) - 1:
                line_offsets.append(length + len(rendered))  # the newline itself
            out.append(rendered)
            length += len(rendered)
            if line:
                at_line_start = False
        line_offsets.append(length)
        if comments is not None:
            for at, (kind, cid) in marks:
                pos = line_offsets[min(at, len(line_offsets) - 1)]
                if kind == "end" and at == len(text):
                    pos = length
                entry = comments.setdefault(cid, [None, None])
                entry[0 if kind == "start" else 1] = offset + pos
    return "".join(out)


def _table(table: Table) -> str:
    """A pipe table; comments inside it fall back to the section (see importer)."""
    rows = [r for r in table.rows if r]
    if not rows:
        return ""
    ncols = max(len(r) for r in rows)
    lines: list[str] = []
    for r_index, row in enumerate(rows):
        cells: list[str] = []
        for col in range(ncols):
            items = row[col] if col < len(row) else []
            texts = [inline(_flatten(items), formatting=r_index > 0).replace("\n", " ")
                     .replace("|", "\\|")]
            cells.append(" ".join(t for t in texts if t))
        lines.append("| " + " | ".join(cells) + " |")
        if r_index == 0:
            lines.append("|" + "---|" * ncols)
    return "\n".join(lines)


def _flatten(items: list[Item]) -> list[Piece]:
    pieces: list[Piece] = []
    for item in items:
        if pieces:
            pieces.append(Piece(" "))
        if isinstance(item, Para):
            pieces.extend(p for p in item.pieces if not p.marker)
        else:
            for row in item.rows:
                for cell in row:
                    pieces.extend(_flatten(cell))
                    pieces.append(Piece(" "))
    return pieces


def render(items: list[Item], section_level: int = 1) -> Rendered:
    """A section's body (its heading excluded) as Markdown."""
    result = Rendered()
    parts: list[tuple[str, str]] = []  # (kind, text) with kinds "p", "li", "table"
    indent_of: dict[int, str] = {}
    counters: dict[int, int] = {}
    prev_level = -1
    length = 0

    def add(kind: str, prefix: str, body_pieces: list[Piece] | None, text: str = "",
            formatting: bool = True, cont: str = "") -> None:
        nonlocal length
        sep = "" if not parts else ("\n" if kind == "li" and parts[-1][0] == "li" else "\n\n")
        start = length + len(sep) + len(prefix)
        local: dict[str, list[int | None]] = {}
        if body_pieces is not None:
            text = inline(body_pieces, formatting, local, 0)
            if not text.strip() and not local:
                return
            if cont:
                # continuation lines of a list item are indented under its text
                shifted = text.replace("\n", "\n" + cont)
                for cid, (a, b) in local.items():
                    local[cid] = [_shift(text, a, len(cont)), _shift(text, b, len(cont))]
                text = shifted
        elif not text:
            return
        for cid, (a, b) in local.items():
            entry = result.comments.setdefault(cid, [None, None])
            if a is not None:
                entry[0] = start + a
            if b is not None:
                entry[1] = start + b
        parts.append((kind, prefix + text))
        length += len(sep) + len(prefix) + len(text)

    for item in items:
        if isinstance(item, Table):
            indent_of.clear()
            counters.clear()
            prev_level = -1
            add("table", "", None, _table(item))
            continue
        if item.list_level is not None:
            level = max(0, min(item.list_level, prev_level + 1, 2))
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
            counters[level] = counters.get(level, 0) + 1
            marker = f"{counters[level]}. " if item.ordered else "- "
            indent = indent_of.get(level, "") if level else ""
            for deeper in [k for k in indent_of if k > level]:
                del indent_of[deeper]
            indent_of[level + 1] = indent + " " * len(marker)
            prev_level = level
            add("li", indent + marker, item.pieces, cont=indent + " " * len(marker))
            continue
        indent_of.clear()
        counters.clear()
        prev_level = -1
        if item.heading or item.title:
            deeper = item.heading - section_level if item.heading else 1
            prefix = "### " if deeper <= 1 else "#### "
            pieces = [Piece(p.text.replace("\n", " "), marker=p.marker) for p in item.pieces]
            add("p", prefix, pieces, formatting=False)
        else:
            add("p", "", item.pieces)
    result.text = "".join(("" if i == 0 else ("\n" if kind == "li" and parts[i - 1][0] == "li"
                                               else "\n\n")) + text
                          for i, (kind, text) in enumerate(parts))
    for cid, (a, b) in list(result.comments.items()):
        if a is not None and b is not None and b < a:
            result.comments[cid] = [b, a]
    return result


def _shift(text: str, pos: int | None, width: int) -> int | None:
    if pos is None:
        return None
    return pos + width * text.count("\n", 0, pos)
