"""Section text (a small Markdown subset) to a neutral block list.

Every consumer — the DOCX writer, the HTML preview, the review rules — reads these blocks, so the
subset is defined in one place. Supported: paragraphs, ``###`` subheadings (``####`` one level
deeper), ``-`` bullet and ``1.`` numbered lists (nested by indentation), ``**bold**``,
``*italic*`` and simple pipe tables. Everything else Markdown knows (HTML, links, code, entities)
is switched off so that whatever the officer types comes out as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .textcache import text_cache


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; ``\\n`` inside ``text`` is a manual line break."""

    text: str
    bold: bool = False
    italic: bool = False


Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = section heading (set by the composer), 2 and 3 from ### and ####
    spans: Spans


@dataclass(frozen=True)
class Paragraph:
    spans: Spans


@dataclass(frozen=True)
class ListItem:
    spans: Spans
    level: int = 0
    # A nested list of the other kind (numbered items under a bullet, or the reverse); None:
    # the same kind as the list the item is in.
    ordered: bool | None = None


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1

    def item_ordered(self, item: ListItem) -> bool:
        return self.ordered if item.ordered is None else item.ordered

    def level_kinds(self, levels: int = 3) -> tuple[bool, ...]:
        """Numbered or not, per nesting level (deeper items count as the deepest level)."""
        kinds = [self.ordered] * levels
        seen: set[int] = set()
        for item in self.items:
            level = min(item.level, levels - 1)
            if item.ordered is not None and level not in seen:
                kinds[level] = item.ordered
            seen.add(level)
        return tuple(kinds)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Spans, ...], ...]
    header: bool = True
    # Relative column widths from the delimiter row's dashes (``|----|--|`` = 2:1); () = equal.
    widths: tuple[float, ...] = ()


Block = Heading | Paragraph | ListBlock | Table


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.disable(
        [
            "code",
            "fence",
            "html_block",
            "html_inline",
            "lheading",
            "hr",
            "reference",
            "blockquote",
            "link",
            "image",
            "autolink",
            "entity",
            "backticks",
        ]
    )
    return md


def plain_text(spans: Spans) -> str:
    return "".join(s.text for s in spans)


def _inline_spans(token: Token) -> Spans:
    bold = italic = 0
    out: list[Span] = []

    def add(text: str) -> None:
        if not text:
            return
        b, i = bold > 0, italic > 0
        if out and out[-1].bold == b and out[-1].italic == i:
            out[-1] = Span(out[-1].text + text, b, i)
        else:
            out.append(Span(text, b, i))

    for child in token.children or []:
        kind = child.type
        if kind == "text":
            add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            add("\n")
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        else:  # anything else the parser still produces: keep its literal text
            add(child.content or child.markup)
    return tuple(out)


def _delimiter_widths(text: str, line_map: list[int] | None) -> tuple[float, ...]:
    """Dash counts of the delimiter row (the table's second line), when they differ."""
    if not line_map:
        return ()
    lines = text.split("\n", line_map[0] + 2)
    if len(lines) <= line_map[0] + 1:
        return ()
    row = lines[line_map[0] + 1].strip().strip("|")
    counts = tuple(float(len(cell.strip())) for cell in row.split("|"))
    if not counts or min(counts) <= 0 or len(set(counts)) == 1:
        return ()
    return counts


@text_cache(max_chars=2_000_000)
def parse_blocks(text: str) -> tuple[Block, ...]:
    """Parse one section's text. Cached: the preview and the checks ask for the same text often."""
    tokens = _parser().parse(text or "")
    blocks: list[Block] = []
    list_stack: list[dict] = []  # open lists: {"ordered", "start", "items"}
    table_rows: list[list[Spans]] | None = None
    has_header = False
    widths: tuple[float, ...] = ()
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(tok.attrGet("start") or 1) if ordered else 1
            list_stack.append({"ordered": ordered, "start": start, "items": []})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            done = list_stack.pop()
            if not list_stack:  # nested items were already added to the outermost list
                blocks.append(ListBlock(done["ordered"], tuple(done["items"]), done["start"]))
        elif kind == "inline":
            prev = tokens[i - 1].type if i else ""
            spans = _inline_spans(tok)
            if table_rows is not None:
                table_rows[-1].append(spans)
            elif list_stack:
                target = list_stack[0]["items"]
                level = len(list_stack) - 1
                if prev == "paragraph_open" and i >= 2 and tokens[i - 2].type == "paragraph_close":
                    # a second paragraph inside the same item: join it with a line break
                    last = target[-1]
                    target[-1] = ListItem((*last.spans, Span("\n"), *spans), last.level,
                                          last.ordered)
                else:
                    nested = list_stack[-1]["ordered"]
                    own = None if nested == list_stack[0]["ordered"] else nested
                    target.append(ListItem(spans, level, own))
            elif prev == "heading_open":
                level = 3 if tokens[i - 1].tag in ("h4", "h5", "h6") else 2
                blocks.append(Heading(level, spans))
            else:
                blocks.append(Paragraph(spans))
        elif kind == "table_open":
            table_rows = []
            has_header = False
            widths = _delimiter_widths(text, tok.map)
        elif kind == "thead_open":
            has_header = True
        elif kind == "tr_open" and table_rows is not None:
            table_rows.append([])
        elif kind == "table_close" and table_rows is not None:
            if has_header and table_rows and not any(plain_text(c).strip()
                                                     for c in table_rows[0]):
                table_rows, has_header = table_rows[1:], False  # an empty header row: none
            if table_rows:
                blocks.append(Table(tuple(tuple(r) for r in table_rows), has_header, widths))
            table_rows = None
    return tuple(blocks)


def block_text(block: Block) -> str:
    """Plain text of a block, lines joined by newlines (for word counts and checks)."""
    if isinstance(block, Heading | Paragraph):
        return plain_text(block.spans)
    if isinstance(block, ListBlock):
        return "\n".join(plain_text(item.spans) for item in block.items)
    return "\n".join(" | ".join(plain_text(cell) for cell in row) for row in block.rows)


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))
