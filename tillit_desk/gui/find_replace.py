"""Sök och ersätt (Ctrl+F / Ctrl+H) across every text section, as in Word.

The search walks the section documents of the case-state in the case's print order (its own
sections included), starting at the cursor and going round once. Ersätt alla is one macro on
the one undo stack, so a single Ctrl+Z takes back every replacement in every section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .interaction import plural

if TYPE_CHECKING:
    from .case_state import CaseState


class Search:
    """The search itself, without widgets: what to look for, and where it is."""

    def __init__(self, state: CaseState, sections: Callable[[], list[str]]) -> None:
        self.state, self.sections = state, sections

    @staticmethod
    def flags(match_case: bool, whole_words: bool) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if match_case:
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if whole_words:
            flags |= QTextDocument.FindFlag.FindWholeWords
        return flags

    def find_next(self, text: str, flags, sid: str | None, pos: int
                  ) -> tuple[str, QTextCursor] | None:
        """The next match after ``pos`` in section ``sid``, then in the sections after it,
        then from the first section round to where it started."""
        order = self.sections()
        if not text or not order:
            return None
        start = order.index(sid) if sid in order else 0
        for i in range(len(order) + 1):
            current = order[(start + i) % len(order)]
            at = pos if i == 0 else 0
            if i == len(order):  # back in the first section: only what lies before ``pos``
                found = self.state.document(current).find(text, 0, flags)
                if not found.isNull() and found.selectionStart() < pos:
                    return current, found
                return None
            found = self.state.document(current).find(text, at, flags)
            if not found.isNull():
                return current, found
        return None

    def replace_all(self, text: str, replacement: str, flags) -> int:
        """Replace every match in every section: one undo step. Returns how many."""
        if not text:
            return 0
        stack = self.state.undo_stack
        count = 0
        stack.beginMacro(f"Ersätt alla ”{text}”")
        try:
            for sid in self.sections():
                doc = self.state.document(sid)
                cursor = doc.find(text, 0, flags)
                if cursor.isNull():
                    continue
                edit = QTextCursor(doc)
                edit.beginEditBlock()
                while not cursor.isNull():
                    edit.setPosition(cursor.selectionStart())
                    edit.setPosition(cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
                    edit.insertText(replacement)
                    count += 1
                    cursor = doc.find(text, edit.position(), flags)
                edit.endEditBlock()
        finally:
            stack.endMacro()
        self.state.flush()
        return count


class FindReplaceDialog(QDialog):
    """Non-modal: Sök nästa, Ersätt, Ersätt alla, with match case and whole words."""

    def __init__(self, parent: QWidget, search: Search,
                 show_match: Callable[[str, QTextCursor], None],
                 current: Callable[[], tuple[str | None, int, QTextCursor | None]]) -> None:
        super().__init__(parent)
        self.search, self.show_match, self.current = search, show_match, current
        self.setWindowTitle("Sök och ersätt")
        self.setAccessibleName("Sök och ersätt")
        self.setModal(False)
        form = QFormLayout(self)
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName("Sök efter")
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName("Ersätt med")
        self.replace_label = QLabel("&Ersätt med")
        self.replace_label.setBuddy(self.replace_edit)
        find_label = QLabel("&Sök efter")
        find_label.setBuddy(self.find_edit)
        form.addRow(find_label, self.find_edit)
        form.addRow(self.replace_label, self.replace_edit)
        self.match_case = QCheckBox("Matcha &versaler/gemener")
        self.match_case.setAccessibleName("Matcha versaler och gemener")
        self.whole_words = QCheckBox("Endast &hela ord")
        self.whole_words.setAccessibleName("Endast hela ord")
        form.addRow("", self.match_case)
        form.addRow("", self.whole_words)
        buttons = QHBoxLayout()
        self.find_button = QPushButton("Sök &nästa")
        self.replace_button = QPushButton("E&rsätt")
        self.replace_all_button = QPushButton("Ersätt &alla")
        close = QPushButton("Stäng")
        for button in (self.find_button, self.replace_button, self.replace_all_button, close):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.find_button.setDefault(True)
        form.addRow(buttons)
        self.status = QLabel()
        self.status.setAccessibleName("Sökresultat")
        form.addRow(self.status)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)

    def open_for(self, replace: bool, text: str = "") -> None:
        for w in (self.replace_edit, self.replace_label, self.replace_button,
                  self.replace_all_button):
            w.setVisible(replace)
        if text:
            self.find_edit.setText(text)
        self.status.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _flags(self):
        return Search.flags(self.match_case.isChecked(), self.whole_words.isChecked())

    def find_next(self) -> bool:
        text = self.find_edit.text()
        sid, pos, _selection = self.current()
        found = self.search.find_next(text, self._flags(), sid, pos)
        if found is None:
            self.status.setText(f"”{text}” hittades inte." if text else "")
            return False
        self.status.clear()
        self.show_match(*found)
        return True

    def replace_one(self) -> None:
        """Replace the match that is selected (one undo step), then find the next."""
        text = self.find_edit.text()
        sid, _pos, selection = self.current()
        if selection is not None and selection.hasSelection() and sid is not None:
            doc = self.search.state.document(sid)
            again = doc.find(text, selection.selectionStart(), self._flags())
            if not again.isNull() and again.selectionStart() == selection.selectionStart() \
                    and again.selectionEnd() == selection.selectionEnd():
                selection.beginEditBlock()  # one undo step
                selection.insertText(self.replace_edit.text())
                selection.endEditBlock()
                self.search.state.flush()
        self.find_next()

    def replace_all(self) -> int:
        count = self.search.replace_all(self.find_edit.text(), self.replace_edit.text(),
                                        self._flags())
        self.status.setText(f"{plural(count, 'ersättning', 'ersättningar')} gjordes."
                            + (" Ångra med Ctrl+Z." if count else ""))
        return count
