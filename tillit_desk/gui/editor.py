"""The section editor: rich text on screen, the Markdown subset underneath.

Formatting is limited to what the subset can store (Rubrik, Fet, Kursiv, Punktlista, Numrerad
lista), and every paste is cleaned to that subset. A very large paste goes in as plain text so
the window stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import QLabel, QMenu, QTextEdit, QToolBar, QToolTip, QVBoxLayout, QWidget

from .commands import is_history_key
from .richtext import document_markdown, html_to_markdown, markdown_to_html
from .section_documents import Keystroke, tidy_spacing

# Above this many characters a paste is inserted as plain text: cleaning formatting of a
# multi-megabyte HTML clipboard would freeze the window for seconds.
RICH_PASTE_LIMIT = 300_000
HEADING_LEVEL = 3
SPACING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
HEADING_SIZE = 13.0
# List levels Tab goes down to: the DOCX writes three (export/docx_body.py, level_kinds in
# markup.py); deeper items would print at the third level, not where the editor showed them.
MAX_LIST_LEVELS = 3


class SectionEditor(QTextEdit):
    """A QTextEdit that knows the subset; ``markdown()`` is what gets saved."""

    zoom_requested = Signal(int)  # Ctrl + wheel: steps in or (negative) out

    def __init__(self, section_id: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setAcceptRichText(True)
        self.setAccessibleName(f"Text för {heading}")
        self.setAccessibleDescription("Skriv avsnittets text. Formatera med verktygsraden.")
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(10)
        self.last_paste_was_plain = False
        self.marks = None  # review_marks.EditorMarks, set by the review workflow

    # ------------------------------------------------------------------ review marks

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's menu plus the review entries (suggestions, Lägg till i ordlista) at ``pos``.
        Qt's own Ångra/Gör om are left out: they would bypass the window's one history."""
        menu = self.createStandardContextMenu(pos)
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        if self.marks is not None:
            self.marks.extend_menu(menu, self.position_at(pos))
        return menu

    def position_at(self, pos: QPoint) -> int:
        """The character under ``pos`` (viewport coordinates). ``cursorForPosition`` gives the
        nearest gap between characters: on the right half of a word's last letter that is
        after the word, and its underline's menu and tooltip were missed."""
        cursor = self.cursorForPosition(pos)
        at = cursor.position()
        if at > cursor.block().position() and pos.x() < self.cursorRect(cursor).left():
            return at - 1  # the gap is right of the mouse: the character before it
        return at

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Ctrl + wheel zooms, as in Word (QTextEdit does it only when read-only)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() // 120
            if notches:
                self.zoom_requested.emit(notches)
            event.accept()
            return
        super().wheelEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.marks is not None:
            self.marks.shown()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._list_tab(event):
            return True
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            event.ignore()  # Ctrl+Z is the window's (one history), not the document's
            return True
        if event.type() == QEvent.Type.ToolTip and self.marks is not None:
            pos = self.viewport().mapFromGlobal(event.globalPos())
            text = self.marks.tooltip(self.position_at(pos))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ typing

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Each key is its own document edit, told to the case-state as a keystroke; the
        undo stack merges them per word (see ``commands.TextEdit``)."""
        if is_history_key(event):
            event.ignore()
            return
        doc = self.document()
        cursor = self.textCursor()
        stroke = self._keystroke(event, cursor)
        if hasattr(doc, "keystroke"):
            doc.keystroke = stroke
        cursor.beginEditBlock()
        try:
            super().keyPressEvent(event)
            if event.key() in SPACING_KEYS:  # a new, ended or joined list item or paragraph
                tidy_spacing(self.textCursor().block())
        finally:
            cursor.endEditBlock()
            if stroke is not None:
                stroke.end = self.textCursor().position()
            if hasattr(doc, "keystroke"):
                doc.keystroke = None

    def _list_tab(self, event) -> bool:
        """Tab / Shift+Tab in a list item nests it one level deeper / takes it one level up,
        as in Word (True when the key was used so). Elsewhere Tab still moves on."""
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if self.textCursor().currentList() is None or self.isReadOnly():
            return False
        out = key == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        cursor = self.textCursor()
        cursor.beginEditBlock()  # one undo step per Tab
        try:
            for block in selected_list_blocks(cursor):
                change_list_level(block, -1 if out else 1)
        finally:
            cursor.endEditBlock()
        return True

    def _keystroke(self, event, cursor: QTextCursor) -> Keystroke | None:
        key, text = event.key(), event.text()
        pos = cursor.position()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and \
                not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return Keystroke("erase", cursor.hasSelection(), pos)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return Keystroke("type", True, pos)
        if not text or not text.isprintable():
            return None
        before = self.document().characterAt(pos - 1) if pos > 0 else " "
        after_word = not (before.isspace() or before in "\u2028\u2029")
        return Keystroke("type", cursor.hasSelection() or (text.isspace() and after_word), pos)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt API
        cursor = self.textCursor()
        cursor.beginEditBlock()
        try:
            super().inputMethodEvent(event)
        finally:
            cursor.endEditBlock()

    # ------------------------------------------------------------------ content

    def markdown(self) -> str:
        return document_markdown(self.document())

    def insert_markdown(self, markdown: str) -> None:
        """Insert formatted subset text at the cursor as one undo step."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertHtml(markdown_to_html(markdown))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # ------------------------------------------------------------------ paste

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        if source.hasUrls() and any(u.toLocalFile().endswith(".tillit") for u in source.urls()):
            return False  # let the window open dropped case files
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        self.last_paste_was_plain = False
        try:
            if source.hasHtml() and len(source.html()) <= RICH_PASTE_LIMIT:
                cleaned = html_to_markdown(source.html())
                if cleaned:
                    self.insert_markdown(cleaned)
                return
            text = source.text() if source.hasText() else ""
            if not text and source.hasHtml():
                text = source.html()
            self.last_paste_was_plain = len(text) > RICH_PASTE_LIMIT
            self.textCursor().insertText(text.replace("\r\n", "\n").replace("\r", "\n"))
        except Exception:  # noqa: BLE001 - a paste must never take the window down
            self.textCursor().insertText(source.text() if source.hasText() else "")

    # ------------------------------------------------------------------ formatting

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.DemiBold.value
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        """As in Word: a selection is formatted; with none, the word the cursor is inside of;
        at the edge of a word (just typed, or before one) only what is typed next."""
        cursor = self.textCursor()
        if not cursor.hasSelection() and self._inside_word(cursor):
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if cursor.hasSelection():
            cursor.beginEditBlock()  # one undo step
            cursor.mergeCharFormat(fmt)
            cursor.endEditBlock()
        self.mergeCurrentCharFormat(fmt)

    def _inside_word(self, cursor: QTextCursor) -> bool:
        pos, doc = cursor.position(), self.document()
        if pos == cursor.block().position() or cursor.atBlockEnd():
            return False
        return doc.characterAt(pos - 1).isalnum() and doc.characterAt(pos).isalnum()

    def toggle_heading(self) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        on = cursor.blockFormat().headingLevel() == 0
        if cursor.currentList() is not None:
            cursor.currentList().remove(cursor.block())
        block_fmt = QTextBlockFormat()
        block_fmt.setHeadingLevel(HEADING_LEVEL if on else 0)
        block_fmt.setIndent(0)
        cursor.mergeBlockFormat(block_fmt)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        char.setFontPointSize(HEADING_SIZE if on else self.document().defaultFont().pointSizeF())
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()
        self.mergeCurrentCharFormat(char)

    def toggle_list(self, ordered: bool) -> None:
        style = (QTextListFormat.Style.ListDecimal if ordered
                 else QTextListFormat.Style.ListDisc)
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            for block in [cursor.block()]:
                current.remove(block)
                fmt = block.blockFormat()
                fmt.setIndent(0)
                QTextCursor(block).setBlockFormat(fmt)
        else:
            if cursor.blockFormat().headingLevel():
                plain = QTextBlockFormat()
                plain.setHeadingLevel(0)
                cursor.mergeBlockFormat(plain)
            fmt = QTextListFormat()
            fmt.setStyle(style)
            fmt.setIndent(1)
            if current is not None:
                current.setFormat(fmt)
            else:
                cursor.createList(fmt)
        tidy_spacing(cursor.block())
        cursor.endEditBlock()


def selected_list_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The list items the cursor or its selection touches, first to last."""
    doc = cursor.document()
    block = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = []
    while block.isValid():
        if block.textList() is not None:
            blocks.append(block)
        if block == last:
            break
        block = block.next()
    return blocks


def _nearest_list_before(block: QTextBlock, indent: int):
    """The list at ``indent`` that ``block`` would continue: walking back over deeper items,
    the first item at that level (None when a shallower item or a non-item comes first)."""
    prev = block.previous()
    while prev.isValid() and prev.textList() is not None:
        level = prev.textList().format().indent()
        if level == indent:
            return prev.textList()
        if level < indent:
            return None
        prev = prev.previous()
    return None


def change_list_level(block: QTextBlock, step: int) -> None:
    """Move one list item a level down (+1) or up (-1), keeping the numbering right: the
    item joins the list of its level just above it if there is one, and items that were
    below it at the old level follow it, as Word's levels do. The caller holds the edit
    block. The first item of a list has nothing to nest under and stays where it is."""
    current = block.textList()
    indent = current.format().indent()
    target = indent + step
    if target < 1 or target > MAX_LIST_LEVELS or (
            step > 0 and block.previous().textList() is None):
        return  # top or deepest level already, or the first item: nothing to nest under
    later = [current.item(i) for i in range(current.count())
             if current.item(i).position() > block.position()]
    join = _nearest_list_before(block, target)
    if join is not None:
        join.add(block)
    else:
        fmt = QTextListFormat(current.format())
        fmt.setIndent(target)
        QTextCursor(block).createList(fmt)
    nxt = block.next()
    if step > 0 and nxt.isValid() and nxt.textList() is not None \
            and nxt.textList() is not block.textList() \
            and nxt.textList().format().indent() == target:
        own = block.textList()  # its old children at the new level: one list with it
        for child in [nxt.textList().item(i) for i in range(nxt.textList().count())]:
            own.add(child)
    if step < 0 and later:  # the items after it at the old level now hang under it
        siblings = [b for b in later if b.textList() is current]
        if siblings:
            fresh = QTextCursor(siblings[0]).createList(QTextListFormat(current.format()))
            for sibling in siblings[1:]:
                fresh.add(sibling)
    tidy_spacing(block)


class SectionPage(QWidget):
    """Heading, formatting toolbar and editor for one text section."""

    changed = Signal(str)  # section id

    def __init__(self, section_id: str, heading: str, required: bool,
                 document: QTextDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setAccessibleName(f"Avsnittet {heading}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        title = QLabel(f"<h2>{heading}</h2>" + (" <small>(obligatoriskt)</small>"
                                                if required else ""))
        title.setAccessibleName(f"Rubrik: {heading}")
        layout.addWidget(title)
        self.top = QVBoxLayout()  # the decision builder goes here for Förslag till beslut
        layout.addLayout(self.top)
        self.editor = SectionEditor(section_id, heading, self)
        self.editor.setDocument(document)  # owned by the case-state, outlives this page
        self.toolbar = QToolBar("Formatering", self)
        self.toolbar.setAccessibleName(f"Formatering för {heading}")
        self.actions_by_name: dict[str, QAction] = {}
        for name, label, keys, slot in (
            ("heading", "Rubrik", "Ctrl+Alt+1", self.editor.toggle_heading),
            ("bold", "Fet", QKeySequence.StandardKey.Bold, self.editor.toggle_bold),
            ("italic", "Kursiv", QKeySequence.StandardKey.Italic, self.editor.toggle_italic),
            ("bullets", "Punktlista", "Ctrl+Shift+8", lambda: self.editor.toggle_list(False)),
            ("numbers", "Numrerad lista", "Ctrl+Shift+7", lambda: self.editor.toggle_list(True)),
        ):
            action = QAction(label, self)
            action.setCheckable(True)  # pressed where the text has the format, as in Word
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label} ({QKeySequence(keys).toString()})")
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text())
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)
        document.contentsChanged.connect(self._on_change)
        self.editor.cursorPositionChanged.connect(self.show_format)
        self.editor.currentCharFormatChanged.connect(lambda _fmt: self.show_format())
        for action in self.actions_by_name.values():
            action.triggered.connect(self.show_format)  # after the toggle, the real state
        self.show_format()

    def show_format(self) -> None:
        """Press the buttons whose format the text at the cursor has (B and I in Word)."""
        editor = self.editor
        cursor = editor.textCursor()
        current = cursor.currentList()
        style = current.format().style() if current is not None else None
        for name, on in (("bold", editor.fontWeight() >= QFont.Weight.DemiBold.value),
                         ("italic", editor.fontItalic()),
                         ("heading", cursor.blockFormat().headingLevel() > 0),
                         ("bullets", style == QTextListFormat.Style.ListDisc),
                         ("numbers", style == QTextListFormat.Style.ListDecimal)):
            self.actions_by_name[name].setChecked(on)

    def _on_change(self) -> None:
        self.changed.emit(self.section_id)

    def markdown(self) -> str:
        return self.editor.markdown()

