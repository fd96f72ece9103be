"""Composed document → HTML for the on-screen preview (and for loading the section editors).

Another writer of the same block list the DOCX writer reads, so the preview shows what will be
exported. Every text the officer typed goes through ``markupsafe.escape``: it is text, never
markup. The page is plain string formatting rather than a Jinja template, so the window does
not load Jinja (~9 MB) just to show the preview. The HTML is kept to what Qt's rich-text engine
understands (tables instead of CSS layout).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from ..compose import AttSats, ComposedDocument, DocBlock, LabelLine, Signatures
from ..markup import Heading, ListBlock, Paragraph, Span, Table

_STYLE = """
body { font-family: '%s'; font-size: 11pt; color: #1a1a1a; }
p.title { font-size: 14pt; font-weight: bold; margin-top: 14px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; }
h3 { font-size: 11.5pt; margin-top: 12px; margin-bottom: 2px; }
h4 { font-size: 11pt; font-style: italic; margin-top: 10px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 8px; }
td.att { padding-right: 12px; }
td.cell { padding: 3px; }
.head { color: #444444; font-size: 9.5pt; }
.warn { color: #8a4b00; }
"""


def spans_html(spans: Iterable[Span]) -> Markup:
    out: list[str] = []
    for span in spans:
        text = str(escape(span.text)).replace("\n", "<br>")
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return Markup("".join(out))


def _list_html(block: ListBlock) -> str:
    """Nested lists from item levels; Qt needs the nesting to indent. A nested list keeps its
    own kind (numbered items under a bullet), so an edit in the window does not change it."""
    outer = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    out = [f"<{outer}{start}>"]
    open_tags = [outer]
    for item in block.items:
        while len(open_tags) - 1 < item.level:
            tag = "ol" if block.item_ordered(item) else "ul"
            out.append(f"<{tag}>")
            open_tags.append(tag)
        while len(open_tags) - 1 > item.level:
            out.append(f"</{open_tags.pop()}>")
        out.append(f"<li>{spans_html(item.spans)}</li>")
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def block_html(block: DocBlock) -> str:
    if isinstance(block, Heading):
        tag = {1: "h2", 2: "h3"}.get(block.level, "h4")
        return f"<{tag}>{spans_html(block.spans)}</{tag}>"
    if isinstance(block, Paragraph):
        return f"<p>{spans_html(block.spans)}</p>"
    if isinstance(block, ListBlock):
        return _list_html(block)
    if isinstance(block, Table):
        rows = []
        for r, row in enumerate(block.rows):
            tag = "th" if block.header and r == 0 else "td"
            cells = "".join(f'<{tag} class="cell">{spans_html(c)}</{tag}>' for c in row)
            rows.append(f"<tr>{cells}</tr>")
        return ('<table border="1" cellspacing="0" cellpadding="3">' + "".join(rows)
                + "</table>")
    if isinstance(block, AttSats):
        return ('<table cellspacing="0" cellpadding="0"><tr><td class="att" valign="top">att'
                f'</td><td>{spans_html(block.spans)}</td></tr></table>')
    if isinstance(block, LabelLine):
        return f"<p><b>{escape(block.text)}</b></p>"
    if isinstance(block, Signatures) and block.stacked:
        return "".join(f'<p><br>{escape(name)}<br><span class="head">{escape(title)}</span></p>'
                       for name, title in block.people)
    if isinstance(block, Signatures):
        cells = "".join(
            f'<td width="50%" valign="top"><br><br>{escape(name)}<br>'
            f'<span class="head">{escape(title)}</span></td>'
            for name, title in block.people)
        return f'<table width="100%" cellspacing="0" cellpadding="4"><tr>{cells}</tr></table>'
    raise TypeError(f"okänt block: {block!r}")


def blocks_html(blocks: Iterable[DocBlock]) -> str:
    return "\n".join(block_html(b) for b in blocks)


def render_html(composed: ComposedDocument, font: str = "Times New Roman") -> str:
    """The whole document as one HTML page: header block, title, sections, signatures."""
    h = composed.header
    ref = ", ".join(x for x in (h.ref_name, h.ref_title, h.ref_email, h.ref_phone) if x)
    right = [f"<b>{escape(h.document_type)}</b><br>"]
    if h.date:
        right.append(f"Datum {escape(h.date)}")
    if h.diarienummer:
        right.append(f"<br>Diarienummer {escape(h.diarienummer)}")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="sv"><head><meta charset="utf-8"><title>'
        f"{escape(h.title or h.document_type)}</title>",
        f"<style>{_STYLE % escape(font)}</style></head><body>",
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td class="head" valign="top"><b>{escape(h.organisation)}</b><br>{escape(h.unit)}</td>',
        f'<td class="head" valign="top" align="right">{"".join(right)}</td>',
        "</tr></table>",
        f'<p class="head">Vår referens<br>{escape(ref)}</p>' if ref else "",
        f'<p>{escape(h.addressee)}</p>' if h.addressee else "",
        f'<p class="title">{escape(h.title or "(Titel saknas)")}</p>',
        blocks_html(b for _sid, b in composed.blocks),
        "</body></html>",
    ])
