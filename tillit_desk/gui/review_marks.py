"""Findings drawn in the section editor: underlines, tooltips and the context-menu entries.

Underlines are extra selections, not a QSyntaxHighlighter: they never touch the document, so
they cannot mark the case as edited or enter the undo history, and their cursors follow the
text while the user types until the next check replaces them.

Findings for an editor that is not on screen are placed when it is shown: placing a cursor
makes Qt lay out and shape its paragraph and keep the glyphs, which for the ~400 findings of
each hidden 15-page section cost ~2 MB apiece and nobody saw.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QTextEdit

from ..review.findings import FEL, VARNING, Finding
from ..review.spans import SpanMap

SPELLING_RULE = "stavning.okant_ord"
SPELLING_COLOUR = QColor("#d00000")
SUBTLE_COLOURS = {FEL: QColor("#b02020"), VARNING: QColor("#c77800")}
TIPS_COLOUR = QColor("#5b7fa6")


def document_text(doc: QTextDocument) -> str:
    """The document's text indexed by cursor position (block breaks and table cells included),
    which is what ``SpanMap`` needs; ``toPlainText`` drops the positions tables take up."""
    chars = [" "] * max(0, doc.characterCount())
    block = doc.begin()
    while block.isValid():
        pos = block.position()
        text = block.text()
        chars[pos:pos + len(text)] = text
        if pos + len(text) < len(chars):
            chars[pos + len(text)] = "\u2029"
        block = block.next()
    return "".join(chars)


class EditorMarks(QObject):
    """The findings of one section editor, mapped to editor positions."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.revision = 0  # bumped on every edit; results for an older revision are dropped
        self.findings: list[Finding] = []
        self.placed: list[tuple[QTextCursor, Finding]] = []
        # set by the review workflow: context-menu callbacks
        self.suggest: Callable[[str], list[str] | None] | None = None
        self.add_word: Callable[[str], None] | None = None
        self.ignore: Callable[[Finding], None] | None = None
        self.comment: Callable[[], None] | None = None
        self.pending: tuple | None = None  # (menu, placeholder, word, cursor) awaiting suggestions
        self._deferred: tuple[str, list[Finding], int] | None = None  # placed when shown
        editor.document().contentsChanged.connect(self._edited)

    def _edited(self) -> None:
        self.revision += 1

    # ------------------------------------------------------------------ findings

    def spans(self, markdown: str) -> SpanMap:
        return SpanMap(markdown, document_text(self.editor.document()))

    def apply(self, markdown: str, findings: list[Finding]) -> None:
        """Underline ``findings`` (spans in ``markdown``, the editor's current text); in an
        editor that is not visible, when it is shown (see the module docstring)."""
        self.findings = findings
        self.placed = []
        if not self.editor.isVisible() and findings:
            self._deferred = (markdown, findings, self.revision)
            self.editor.setExtraSelections([])
            return
        self._deferred = None
        selections = []
        spans = self.spans(markdown) if any(f.has_span for f in findings) else None
        doc = self.editor.document()
        for f in findings:
            if spans is None or not f.has_span:
                continue
            at = spans.to_plain(f.start, f.end)
            if at is None:
                continue
            cursor = QTextCursor(doc)
            cursor.setPosition(at[0])
            cursor.setPosition(at[1], QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = underline_format(f)
            selections.append(sel)
            self.placed.append((cursor, f))
        self.editor.setExtraSelections(selections)

    def shown(self) -> None:
        """The editor became visible: place the findings it got while hidden, unless the text
        has changed since (then a new check is on its way)."""
        if self._deferred is None:
            return
        markdown, findings, revision = self._deferred
        self._deferred = None
        if revision == self.revision:
            self.apply(markdown, findings)

    def at(self, position: int) -> list[Finding]:
        """Findings whose underline covers ``position`` (spelling first)."""
        hits = [f for c, f in self.placed if c.selectionStart() <= position < c.selectionEnd()]
        return sorted(hits, key=lambda f: f.rule != SPELLING_RULE)

    def cursor_for(self, finding: Finding) -> QTextCursor | None:
        for cursor, f in self.placed:
            if f == finding:
                return QTextCursor(cursor)
        return None

    def underlined(self) -> list[tuple[str, Finding]]:
        """(underlined text, finding) pairs: what the tests and screen readers can inspect."""
        return [(c.selectedText(), f) for c, f in self.placed]

    def tooltip(self, position: int) -> str:
        return "\n".join(f.message for f in self.at(position))

    # ------------------------------------------------------------------ context menu

    def extend_menu(self, menu: QMenu, position: int) -> None:
        """Suggestions, "Lägg till i ordlista" and "Inte ett problem" above Qt's own entries."""
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []

        def add(text: str, slot: Callable[[], None] | None, enabled: bool = True) -> QAction:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            if slot is not None:
                action.triggered.connect(lambda _c=False: slot())
            menu.insertAction(first, action)
            added.append(action)
            return action

        for f in self.at(position):
            cursor = self.cursor_for(f)
            if cursor is None:
                continue
            word = cursor.selectedText()
            if f.rule == SPELLING_RULE:
                found = self.suggest(word) if self.suggest else []
                if found is None:
                    waiting = add("Söker förslag…", None, False)
                    waiting.setObjectName("pending_suggestions")
                    self.pending = (menu, waiting, word, cursor)
                elif not found:
                    add("(Inga förslag)", None, False)
                for s in found or []:
                    add(s, lambda s=s, c=cursor: self.replace(c, s)).setObjectName("suggestion")
                if self.add_word is not None:
                    add("Lägg till i ordlista", lambda w=word: self.add_word(w)).setObjectName(
                        "add_word")
            elif f.suggestion and f.suggestion.split(",")[0].strip():
                best = f.suggestion.split(",")[0].strip()
                add(f"Ersätt med ”{best}”", lambda b=best, c=cursor: self.replace(c, b))
            if self.ignore is not None:
                add(f"Inte ett problem: {short(f.message)}",
                    lambda f=f: self.ignore(f)).setObjectName("ignore")
        if self.comment is not None:
            add("Kommentera…", self.comment).setObjectName("comment")
        if added:
            menu.insertSeparator(first)

    def fill_pending(self, word: str, found: list[str]) -> None:
        """Suggestions arrived while the context menu was open: put them in place."""
        if self.pending is None or self.pending[2] != word:
            return
        menu, waiting, _word, cursor = self.pending
        self.pending = None
        try:
            for s in found:
                action = QAction(s, menu)
                action.setObjectName("suggestion")
                action.triggered.connect(lambda _c=False, s=s: self.replace(cursor, s))
                menu.insertAction(waiting, action)
            if found:
                menu.removeAction(waiting)
            else:
                waiting.setText("(Inga förslag)")
        except RuntimeError:  # the menu has closed and is gone
            pass

    def replace(self, cursor: QTextCursor, text: str) -> None:
        """Put a suggestion in place of the underlined text (one undo step)."""
        edit = QTextCursor(cursor)
        edit.beginEditBlock()
        edit.insertText(text)
        edit.endEditBlock()


def underline_format(f: Finding) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if f.rule.startswith("stavning."):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fmt.setUnderlineColor(SPELLING_COLOUR)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(SUBTLE_COLOURS.get(f.severity, TIPS_COLOUR))
    fmt.setToolTip(f.message)
    return fmt


def short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
