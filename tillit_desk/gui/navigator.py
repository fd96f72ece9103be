"""The step navigator: one row per step with its state and word count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..steps import DONE, EMPTY, STARTED, Step

SYMBOLS = {EMPTY: "○", STARTED: "◐", DONE: "●"}
UTKAST = "utkast"  # review.workflow.UTKAST, the status nobody has set (not shown)


def _label(status: str) -> str:
    """The review status's label; ``review.workflow`` loads only when a status is set."""
    from ..review.workflow import STATUS_LABELS

    return STATUS_LABELS.get(status, status)
# Qt.ItemDataRole.UserRole and .AccessibleTextRole as plain numbers (Qt's values, stable ABI):
# the first access to ``Qt`` makes PySide6 build all of its ~100 enums, ~20 ms of start-up.
STEP_ROLE = 256
ACCESSIBLE_TEXT_ROLE = 11
MISSING_ROLE = 257  # UserRole + 1: the row is shown as required and empty (red)


def step_text(step: Step, status: str | None = None) -> str:
    """Label, state and word count; the review status when the reviewer has set one."""
    if step.kind == "review":
        return step.label
    words = f", {step.words} ord" if step.words else ""
    review = f" · {_label(status)}" if status and status != UTKAST else ""
    return f"{SYMBOLS[step.state]}  {step.label}\n      {step.state}{words}{review}"


def _fill(item: QListWidgetItem, step: Step, status: str | None, font: QFont) -> None:
    """Text, id, accessible text, tooltip, weight and colour of a step's row, each set only
    when it differs from what the row shows."""
    missing = " Obligatoriskt och tomt." if step.missing else ""
    review = f" Status: {_label(status)}." if status else ""
    text = step_text(step, status)
    if item.text() != text:
        item.setText(text)
    if item.data(STEP_ROLE) != step.id:
        item.setData(STEP_ROLE, step.id)
    accessible = f"{step.label}: {step.state}, {step.words} ord.{missing}{review}"
    if item.data(ACCESSIBLE_TEXT_ROLE) != accessible:
        item.setData(ACCESSIBLE_TEXT_ROLE, accessible)
    tip = f"{step.label}: {step.state}{missing}{review}"
    if item.toolTip() != tip:
        item.setToolTip(tip)
    bold = step.kind == "review"
    if item.font().bold() != bold:
        bolded = QFont(font)
        bolded.setBold(bold)
        item.setFont(bolded)
    if bool(item.data(MISSING_ROLE)) != step.missing:
        item.setData(MISSING_ROLE, step.missing)
        item.setForeground(QBrush(QColor("#a32020")) if step.missing else QBrush())


class Navigator(QListWidget):
    """The steps. Tab or Enter goes into the chosen step (``enter_step``): the pages are
    built late and stood last in the window's Tab order, after the help pane."""

    enter_step = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Steg")
        self.setAccessibleDescription("Ärendets steg. Ctrl+PgDown och Ctrl+PgUp byter steg.")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.steps: list[Step] = []

    def set_steps(self, steps: list[Step], statuses: dict[str, str] | None = None) -> None:
        """Update in place when the ids are unchanged, so selection and focus stay put.

        ``statuses``: review status per section id (Utkast / Klar för granskning / Granskad).
        New rows are filled before they join the list, and a row is told only what changed:
        every change of a word-wrapped row makes the view measure its text again (the
        window rebuilds the steps after each pause in typing, and once before the first
        paint)."""
        statuses = statuses or {}
        same = [s.id for s in steps] == [s.id for s in self.steps]
        self.steps = steps
        if same:
            for row, step in enumerate(steps):
                _fill(self.item(row), step, statuses.get(step.id), self.font())
            return
        self.blockSignals(True)
        try:
            current = self.current_id()
            if self.count():
                self.clear()
            for step in steps:
                item = QListWidgetItem()
                _fill(item, step, statuses.get(step.id), self.font())
                self.addItem(item)
            ids = [s.id for s in steps]
            self.setCurrentRow(ids.index(current) if current in ids else 0)
        finally:
            self.blockSignals(False)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt  # here: the Qt namespace is ~13 ms of start-up

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.enter_step.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt API
        if forward:
            self.enter_step.emit()
            return True
        return super().focusNextPrevChild(forward)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(STEP_ROLE) if item is not None else None

    def select_id(self, step_id: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(STEP_ROLE) == step_id:
                self.setCurrentRow(row)
                return

    def move(self, delta: int) -> None:
        row = self.currentRow() + delta
        if 0 <= row < self.count():
            self.setCurrentRow(row)
