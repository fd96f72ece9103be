"""What the walker reads a document into: paragraphs and tables of formatted pieces.

Tracked changes are kept, not applied: each piece says in which view it exists (BASE = every
change rejected, FINAL = every change accepted) and which change made it. ``view_items`` gives
the document as it reads in one view.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

BASE = "base"
FINAL = "final"


@dataclass(frozen=True)
class Change:
    """One tracked change as Word recorded it."""

    id: str
    kind: str  # "ins", "del" or "format"
    author: str
    date: str


@dataclass
class Piece:
    text: str
    bold: bool = False
    italic: bool = False
    view: str | None = None  # None: in both views; BASE or FINAL: only there
    change: Change | None = None
    marker: tuple[str, str] | None = None  # ("start"|"end", comment id): zero-length


@dataclass
class Para:
    pieces: list[Piece] = field(default_factory=list)
    style: str = ""
    heading: int = 0  # outline level 1..9, 0 for body text
    title: bool = False
    list_level: int | None = None  # Word numbering level, None when not a list item
    ordered: bool = False
    num_id: str = ""
    mark_view: str | None = None  # the paragraph mark exists only in this view (tracked)
    mark_change: Change | None = None
    notes: list[str] = field(default_factory=list)
    # tracked paragraph formatting: (style, heading, title, list_level, ordered, num_id) before
    old_props: tuple | None = None
    props_change: Change | None = None

    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def changes(self) -> list[Change]:
        out = [p.change for p in self.pieces if p.change is not None]
        out += [c for c in (self.mark_change, self.props_change) if c is not None]
        return out


@dataclass
class Table:
    rows: list[list[list[Para | Table]]] = field(default_factory=list)
    description: str = ""
    header_row: bool = False

    def cell_texts(self) -> list[list[str]]:
        return [["\n".join(item_text(i) for i in cell) for cell in row] for row in self.rows]


Item = Para | Table


def item_text(item: Item) -> str:
    if isinstance(item, Para):
        return item.text()
    return "\n".join(" ".join(row) for row in item.cell_texts())


# ---------------------------------------------------------------- views


def view_items(items: list[Item], view: str) -> list[Item]:
    """The document as it reads with every change rejected (BASE) or accepted (FINAL)."""
    _normalise_marks(items)
    out: list[Item] = []
    carry: list[Piece] = []
    for item in items:
        if isinstance(item, Table):
            if carry:
                out.append(Para(carry))
                carry = []
            rows = [[view_items(cell, view) for cell in row] for row in item.rows]
            out.append(Table(rows, item.description, item.header_row))
            continue
        pieces = [Piece(p.text, p.bold, p.italic, None, None, p.marker)
                  for p in item.pieces if p.view in (None, view)]
        if item.mark_view is not None and item.mark_view != view:
            carry.extend(pieces)  # the paragraph mark is not there: joins the next paragraph
            continue
        props = (item.style, item.heading, item.title, item.list_level, item.ordered,
                 item.num_id)
        if view == BASE and item.old_props is not None:
            props = item.old_props
        para = Para(carry + pieces, *props, None, None, list(item.notes))
        carry = []
        out.append(para)
    if carry:
        out.append(Para(carry))
    return out


def _text_only_in(para: Para, view: str) -> bool:
    texts = [p for p in para.pieces if p.text.strip()]
    return bool(texts) and all(p.view == view for p in texts)


def _normalise_marks(items: list[Item]) -> None:
    """Word records "new paragraph after P" on P's mark; move it to the new paragraph so that
    rejecting it leaves P with its own style (and the same for a deleted paragraph)."""
    for a, b in itertools.pairwise(items):
        if isinstance(a, Para) and isinstance(b, Para) and a.mark_view and b.mark_view is None \
                and _text_only_in(b, a.mark_view) and not _text_only_in(a, a.mark_view):
            b.mark_view, b.mark_change = a.mark_view, a.mark_change
            a.mark_view, a.mark_change = None, None


def pieces_of(items: list[Item]) -> list[Piece]:
    out: list[Piece] = []
    for item in items:
        if isinstance(item, Para):
            out.extend(item.pieces)
        else:
            for row in item.rows:
                for cell in row:
                    out.extend(pieces_of(cell))
    return out
