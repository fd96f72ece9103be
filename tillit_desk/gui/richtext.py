"""QTextDocument ⇄ the section Markdown subset, so that what the editor shows is what exports.

Markdown → document goes through the same block list as the preview (``export.html``), so the
editor, the preview and the DOCX agree. Document → Markdown walks the blocks and keeps only what
the subset can express: paragraphs, ### / #### subheadings, bullet and numbered lists (nested),
bold, italic, manual line breaks and simple tables. Everything else (colours, fonts, links,
images) is dropped, which is exactly what a paste from Word or a web page needs.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QTextBlock, QTextCursor, QTextDocument, QTextListFormat

LINE_SEPARATOR = "\u2028"  # Qt's manual line break (Shift+Enter, <br>)
_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
# Word pastes lists as paragraphs that start with a bullet glyph or a number and a tab/space
_WORD_BULLET = re.compile(r"^[·•o§▪\uf0b7\-–]\s+")
_WORD_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
_LINE_START = re.compile(r"^(\s*)(#|[-+*](?=\s)|\d+(?=[.)]))")


def markdown_to_html(markdown: str) -> str:
    """Section Markdown → the HTML fragment the editor loads (imports the parser lazily)."""
    from ..export.html import blocks_html
    from ..markup import parse_blocks

    return blocks_html(parse_blocks(markdown))


def load_markdown(doc: QTextDocument, markdown: str) -> None:
    doc.setHtml(markdown_to_html(markdown) if markdown.strip() else "")
    doc.clearUndoRedoStacks()  # loading is not an edit the user can undo
    doc.setModified(False)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def _escape_line_start(text: str) -> str:
    """Text that would start a heading or list if it began a line is escaped."""
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\", text, count=1) \
        if _LINE_START.match(text) and not text.lstrip()[:1].isdigit() \
        else _escape_number(text)


def _escape_number(text: str) -> str:
    m = re.match(r"^(\s*\d+)([.)])", text)
    return f"{m.group(1)}\\{m.group(2)}{text[m.end():]}" if m else text


def _wrap(text: str, bold: bool, italic: bool) -> str:
    """Emphasis markers must touch the text: move surrounding spaces outside them."""
    if not text.strip() or not (bold or italic):
        return text
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    marker = ("**" if bold else "") + ("*" if italic else "")
    return f"{lead}{marker}{core}{marker[::-1]}{trail}"


def _inline(block: QTextBlock, skip: int = 0, formatting: bool = True) -> str:
    """The block's text as inline Markdown; ``skip`` drops leading characters (Word bullets)."""
    runs: list[tuple[str, bool, bool]] = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if not frag.isValid():
            continue
        text = frag.text().replace("\ufffc", "")  # object replacement: images and the like
        if skip:
            cut = min(skip, len(text))
            text, skip = text[cut:], skip - cut
        if not text:
            continue
        fmt = frag.charFormat()
        bold = formatting and fmt.fontWeight() >= QFont.Weight.DemiBold.value
        italic = formatting and fmt.fontItalic()
        if runs and runs[-1][1:] == (bold, italic):
            runs[-1] = (runs[-1][0] + text, bold, italic)
        else:
            runs.append((text, bold, italic))
    out: list[str] = []
    at_line_start = True
    for text, bold, italic in runs:
        pieces = text.replace("\r", "").split(LINE_SEPARATOR)
        rendered: list[str] = []
        for i, piece in enumerate(pieces):
            escaped = _escape(piece)
            if at_line_start or i > 0:
                escaped = _escape_line_start(escaped)
            rendered.append(_wrap(escaped, bold, italic))
            at_line_start = False
        out.append("\n".join(rendered))
        if text.endswith(LINE_SEPARATOR):
            at_line_start = True
    joined = "".join(out)
    return "\n".join(line.strip() for line in joined.split("\n")).strip("\n")


def _table_markdown(table) -> str:
    rows = []
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            cur = cell.firstCursorPosition()
            texts = []
            block = cur.block()
            while block.isValid() and block.position() <= cell.lastPosition():
                inline = _inline(block, formatting=r > 0)  # the header row is bold anyway
                texts.append(inline.replace("\n", " ").replace("|", "\\|"))
                block = block.next()
            cells.append(" ".join(t for t in texts if t))
        rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    rows.insert(1, "|" + "---|" * table.columns())
    return "\n".join(rows)


def document_markdown(doc: QTextDocument, *, word_lists: bool = False) -> str:
    """Serialise the editor's document to the Markdown subset.

    ``word_lists`` turns paragraphs that start with a bullet glyph or "1." (how Word puts lists
    on the clipboard) into real list items; used for pastes only.
    """
    parts: list[tuple[str, str]] = []  # (kind, text): kinds "p", "li", "table"
    indent_of: dict[int, str] = {}  # list level -> indentation for its items
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            parts.append(("table", _table_markdown(table)))
            last = table.lastPosition()
            while block.isValid() and block.position() <= last:
                block = block.next()
            continue
        text_list = block.textList()
        heading = block.blockFormat().headingLevel()
        if text_list is not None:
            fmt = text_list.format()
            level = max(0, fmt.indent() - 1)
            ordered = fmt.style() in _ORDERED
            marker = f"{text_list.itemNumber(block) + 1}. " if ordered else "- "
            indent = indent_of.get(level, "") if level else ""
            for deeper in [k for k in indent_of if k > level]:
                del indent_of[deeper]
            indent_of[level + 1] = indent + " " * len(marker)
            body = _inline(block).replace("\n", "\n" + indent + " " * len(marker))
            if body:
                parts.append(("li", f"{indent}{marker}{body}"))
        elif heading:
            body = _inline(block, formatting=False).replace("\n", " ")
            if body:
                parts.append(("p", ("### " if heading <= 3 else "#### ") + body))
            indent_of.clear()
        else:
            indent_of.clear()
            plain = block.text()
            bullet = _WORD_BULLET.match(plain) if word_lists else None
            number = _WORD_NUMBER.match(plain) if word_lists and not bullet else None
            if bullet:
                parts.append(("li", "- " + _inline(block, skip=bullet.end())))
            elif number:
                n = re.match(r"\d+", plain).group(0)  # type: ignore[union-attr]
                parts.append(("li", f"{n}. " + _inline(block, skip=number.end())))
            else:
                body = _inline(block)
                if body:
                    parts.append(("p", body))
        block = block.next()
    out: list[str] = []
    prev = ""
    for kind, text in parts:
        if out:
            out.append("\n" if kind == "li" and prev == "li" else "\n\n")
        out.append(text)
        prev = kind
    return "".join(out)


def html_to_markdown(html: str) -> str:
    """Clean an HTML clipboard (Word, a web page) down to the subset."""
    doc = QTextDocument()
    doc.setHtml(html)
    return document_markdown(doc, word_lists=True)
