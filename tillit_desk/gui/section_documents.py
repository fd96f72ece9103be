"""Section texts as documents, and the undo step that one edit of them is.

A ``SectionDocument`` holds one section's text while the case is open (owned by the case-state,
shown by an editor). Every edit of it becomes a ``TextEdit`` on the one undo stack: the document
keeps the text and its own undo levels; the command says when to use them, so they follow the
one history in order. Typing is one ``TextEdit`` per keystroke, merged per word the way Word
groups typing (``id()``/``mergeWith``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QUndoCommand

from .timers import BURST_SECONDS

TYPING_ID = 1201


_PARAGRAPH: list[QTextBlockFormat] = []


def paragraph_format() -> QTextBlockFormat:
    """The block format of a loaded paragraph (margins from the preview's style sheet)."""
    if not _PARAGRAPH:
        from .richtext import load_markdown

        probe = QTextDocument()
        load_markdown(probe, "x")
        _PARAGRAPH.append(probe.begin().blockFormat())
    return QTextBlockFormat(_PARAGRAPH[0])


_LIST: list[tuple[float, float]] = []


def list_item_margins(first: bool, last: bool) -> tuple[float, float]:
    """(top, bottom) of a loaded list item: space before the list and after it, none
    between its items."""
    if not _LIST:
        from .richtext import load_markdown

        probe = QTextDocument()
        load_markdown(probe, "- a\n- b\n- c")
        top = probe.begin().blockFormat().topMargin()
        bottom = probe.lastBlock().blockFormat().bottomMargin()
        between = probe.begin().next().blockFormat().topMargin()
        _LIST.extend([(top, bottom), (between, between)])
    (top, bottom), (between, _) = _LIST
    return (top if first else between, bottom if last else between)


def tidy_spacing(block) -> None:
    """Give the blocks around ``block`` the spacing loaded text has: a list's items tight with
    space around the list, a plain paragraph a paragraph's space. Typing copies the format of
    the block Enter was pressed in, so typed lists looked different until the case was opened
    again. Part of the caller's edit block (one undo step)."""
    plain = paragraph_format()
    near = [b for b in (block.previous(), block, block.next()) if b.isValid()]
    lists = {b.textList() for b in near if b.textList() is not None}
    changes: list[tuple[object, float, float]] = []
    for text_list in lists:
        count = text_list.count()
        for i in range(count):
            changes.append((text_list.item(i), *list_item_margins(i == 0, i == count - 1)))
    for b in near:
        if b.textList() is None and b.blockFormat().headingLevel() == 0:
            changes.append((b, plain.topMargin(), plain.bottomMargin()))
    for b, top, bottom in changes:
        current = b.blockFormat()
        if (current.topMargin(), current.bottomMargin()) != (top, bottom):
            fmt = QTextBlockFormat()
            fmt.setTopMargin(top)
            fmt.setBottomMargin(bottom)
            QTextCursor(b).mergeBlockFormat(fmt)


@dataclass
class Keystroke:
    """What the editor is typing while Qt edits the document (read by the command it makes)."""

    kind: str  # "type" or "erase"
    starts_word: bool  # whitespace after a word: a new undo step begins, as in Word
    start: int  # cursor position before the key
    end: int = -1  # cursor position after it (set by the editor when the key is done)


class SectionDocument(QTextDocument):
    """One section's text. ``keystroke`` is set by the editor around a key press."""

    def __init__(self, section_id: str, markdown: str, parent: QObject) -> None:
        super().__init__(parent)
        from .richtext import load_markdown

        self.section_id = section_id
        self.keystroke: Keystroke | None = None
        self.setDocumentMargin(10)
        load_markdown(self, markdown)
        if self.isEmpty():
            self._plain_paragraph()
        self.stale = False  # edited since its text was last written into the case

    def markdown(self) -> str:
        from .richtext import document_markdown

        return document_markdown(self)

    def replace_markdown(self, markdown: str) -> None:
        """Replace the whole text as one edit (one undo step)."""
        from .richtext import markdown_to_html

        cursor = QTextCursor(self)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        if markdown.strip():
            cursor.insertHtml(markdown_to_html(markdown))
        else:
            cursor.setBlockFormat(paragraph_format())
        cursor.endEditBlock()

    def _plain_paragraph(self) -> None:
        """An empty section starts as a paragraph with the spacing loaded text has, so new
        paragraphs show it while typing (Enter copies the paragraph's format)."""
        QTextCursor(self).setBlockFormat(paragraph_format())
        self.clearUndoRedoStacks()
        self.setModified(False)



class TextEdit(QUndoCommand):
    """One edit of a section document (a keystroke, a paste, a formatting change, a
    replacement). The document keeps the text and its own undo levels; this command says when
    to use them, so the document's levels follow the one history in order."""

    def __init__(self, doc: SectionDocument, restored: Callable[[str, int], None]) -> None:
        stroke = doc.keystroke
        super().__init__("Skriva" if stroke is not None else "Ändra text")
        self.doc, self.stroke, self.restored = doc, stroke, restored
        self.count = 1  # document undo levels this step covers
        self.time = time.monotonic()
        self._pushed = True  # the edit is already made when the command is pushed

    def id(self) -> int:
        return TYPING_ID if self.stroke is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, TextEdit) or other.doc is not self.doc:
            return False
        mine, theirs = self.stroke, other.stroke
        if (mine is None or theirs is None or mine.kind != theirs.kind or theirs.starts_word
                or mine.end != theirs.start or other.time - self.time > BURST_SECONDS):
            return False
        self.count += other.count
        self.stroke, self.time = theirs, other.time
        return True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        cursor = QTextCursor(self.doc)
        for _ in range(self.count):
            self.doc.redo(cursor)
        self.restored(self.doc.section_id, cursor.position())

    def undo(self) -> None:
        cursor = QTextCursor(self.doc)
        for _ in range(self.count):
            self.doc.undo(cursor)
        self.restored(self.doc.section_id, cursor.position())
