"""Editable lists (underlag, meetings, recipients, signatories, motionärer, yrkanden).

Every change — typing in a cell, add, remove, move — is one command on the window's undo stack,
stored as before/after snapshots of the list, so Ångra/Gör om work for structural edits too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Rows = list[dict[str, str]]
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole; why a number: see navigator.py


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for a drop-down cell
    stretch: bool = True


class _Snapshot(QUndoCommand):
    def __init__(self, editor: ListEditor, before: Rows, after: Rows, text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self._pushed = True

    def redo(self) -> None:
        self.editor.apply(self.after)
        if self._pushed:  # the user's own edit, where they are: nothing to show
            self._pushed = False
        else:
            self.editor.restored.emit(self.editor.table)

    def undo(self) -> None:
        self.editor.apply(self.before)
        self.editor.restored.emit(self.editor.table)


class ListEditor(QGroupBox):
    """A titled table with Lägg till / Ta bort / Flytta upp / Flytta ned."""

    changed = Signal()
    restored = Signal(QWidget)  # an undo or redo changed the rows: the table, to be shown

    def __init__(self, title: str, columns: list[Column], read: Callable[[], Rows],
                 write: Callable[[Rows], None], undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self.columns = columns
        self.read, self.write, self.undo_stack = read, write, undo_stack
        self.table = QTableWidget(0, len(columns), self)
        self.table.setAccessibleName(f"{title}: tabell")
        self.table.setHorizontalHeaderLabels([c.label for c in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setAccessibleName(f"{title}: radnummer")
        self.table.horizontalHeader().setAccessibleName(f"{title}: kolumnrubriker")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for i, col in enumerate(columns):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if col.stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._cell_edited)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (("add", "Lägg till", self._add_and_edit),
                                 ("remove", "Ta bort", self.remove_row),
                                 ("up", "Flytta upp", lambda: self.move_row(-1)),
                                 ("down", "Flytta ned", lambda: self.move_row(1))):
            button = QPushButton(label, self)
            button.setAccessibleName(f"{label} ({title})")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._filling = False
        self._shown: Rows = []
        self.refresh()

    def commit_open_cell(self) -> None:
        """A cell being typed in: its text into the case now (Ctrl+S, export), the cell
        stays open for more typing."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.table.viewport().isAncestorOf(editor):
            self.table.commitData(editor)

    def focus_chain(self) -> list[QWidget]:
        """What Tab visits, in the order it stands: the table, then its buttons."""
        return [self.table, *self.buttons.values()]

    # ------------------------------------------------------------------ model

    def rows(self) -> Rows:
        return [dict(r) for r in self.read()]

    def apply(self, rows: Rows) -> None:
        """Write rows to the case and show them (called by undo commands)."""
        self.write([dict(r) for r in rows])
        if rows != self._shown:  # a cell edit already shows its value: don't rebuild under it
            self.refresh()
        self.changed.emit()

    def _push(self, after: Rows, text: str, select: int | None = None) -> None:
        before = self.rows()
        if after == before:
            return
        self.undo_stack.push(_Snapshot(self, before, after, text))
        if select is not None and 0 <= select < self.table.rowCount():
            self.table.selectRow(select)

    def refresh(self) -> None:
        self._filling = True
        try:
            rows = self.rows()
            self._shown = [dict(r) for r in rows]
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, col in enumerate(self.columns):
                    value = row.get(col.key, "")
                    if col.choices:
                        combo = QComboBox(self.table)
                        combo.setAccessibleName(f"{col.label}, rad {r + 1}")
                        for val, label in col.choices:
                            combo.addItem(label, val)
                        combo.setCurrentIndex(max(0, combo.findData(value)))
                        combo.currentIndexChanged.connect(
                            lambda _i, r=r, c=c, combo=combo: self._set_cell(
                                r, self.columns[c].key, combo.currentData()))
                        self.table.setCellWidget(r, c, combo)
                    else:
                        item = QTableWidgetItem(value)
                        item.setData(ACCESSIBLE_TEXT_ROLE,
                                     f"{col.label}, rad {r + 1}: {value}")
                        self.table.setItem(r, c, item)
            self.table.resizeRowsToContents()
            height = self.table.horizontalHeader().height() + 6 + sum(
                self.table.rowHeight(r) for r in range(len(rows)))
            self.table.setMinimumHeight(min(max(height, 60), 260))
        finally:
            self._filling = False

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._set_cell(item.row(), self.columns[item.column()].key, item.text())

    def _set_cell(self, row: int, key: str, value: str) -> None:
        if self._filling:
            return
        rows = self.rows()
        if not 0 <= row < len(rows) or rows[row].get(key, "") == value:
            return
        rows[row][key] = value
        if 0 <= row < len(self._shown):
            self._shown[row][key] = value
        self._push(rows, f"Ändra {self.title().lower()}")

    # ------------------------------------------------------------------ actions

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        rows = self.rows()
        new = {c.key: (c.choices[0][0] if c.choices else "") for c in self.columns}
        new.update(values or {})
        rows.append(new)
        self._push(rows, f"Lägg till i {self.title().lower()}", len(rows) - 1)
        self.table.setCurrentCell(len(rows) - 1, 0)

    def _add_and_edit(self) -> None:
        """Lägg till: a new row with the cursor in its first cell, ready to type (as in a
        Word table); the focus stayed on the button and typing went nowhere."""
        self.add_row()
        row = self.table.rowCount() - 1
        item = self.table.item(row, 0)
        self.table.setFocus()
        if item is not None:
            self.table.editItem(item)

    def selected_row(self) -> int:
        return self.table.currentRow()

    def remove_row(self) -> None:
        row = self.selected_row()
        rows = self.rows()
        if not 0 <= row < len(rows):
            return
        del rows[row]
        self._push(rows, f"Ta bort ur {self.title().lower()}", min(row, len(rows) - 1))

    def move_row(self, delta: int) -> None:
        row = self.selected_row()
        rows = self.rows()
        target = row + delta
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return
        rows[row], rows[target] = rows[target], rows[row]
        self._push(rows, f"Flytta i {self.title().lower()}", target)
        self.table.setCurrentCell(target, 0)
