"""The small dialogs of the Avsnitt menu (``section_shapes.py``): a heading and a place for a
new section, and one or two headings (Byt rubrik…, Dela avsnittet…). Enter accepts, Esc
cancels, as in Word's own small dialogs; OK stays disabled while a required heading is empty."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from .dialogs import ok_cancel


class AddSectionDialog(QDialog):
    """Lägg till avsnitt: its heading, and after which section it goes."""

    def __init__(self, parent: QWidget, sections: list[tuple[str, str]], after: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Lägg till avsnitt")
        self.setAccessibleName("Lägg till avsnitt")
        form = QFormLayout(self)
        self.heading = QLineEdit()
        self.heading.setAccessibleName("Rubrik för det nya avsnittet")
        self.heading.setPlaceholderText("t.ex. Stadskontorets förslag")
        form.addRow("&Rubrik:", self.heading)
        self.place = QComboBox()
        self.place.setAccessibleName("Var avsnittet ska stå")
        self.place.addItem("Först i dokumentet", "")  # after nothing
        for sid, heading in sections:
            self.place.addItem(f"Efter {heading}", sid)
        index = self.place.findData(after)
        self.place.setCurrentIndex(index if index >= 0 else self.place.count() - 1)
        form.addRow("&Placering:", self.place)
        self.buttons = ok_cancel(self, "Lägg till")
        form.addRow(self.buttons)
        self.heading.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.heading.text().strip()))

    def accept(self) -> None:
        if self.heading.text().strip():
            super().accept()

    def values(self) -> tuple[str, str]:
        return self.heading.text().strip(), self.place.currentData()


class HeadingsDialog(QDialog):
    """One or more headings. The first may be empty (back to the profile's heading); the
    others are required (a split needs its second heading)."""

    def __init__(self, parent: QWidget, title: str, fields: list[tuple[str, str]],
                 hint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        form = QFormLayout(self)
        self.edits: list[QLineEdit] = []
        for label, value in fields:
            edit = QLineEdit(value)
            edit.setAccessibleName(label.rstrip(":"))
            edit.selectAll()
            form.addRow(label, edit)
            edit.textChanged.connect(self._update)
            self.edits.append(edit)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            form.addRow(note)
        self.buttons = ok_cancel(self, "OK")
        form.addRow(self.buttons)
        self.edits[-1 if len(self.edits) > 1 else 0].setFocus()
        self._update()

    def _ok(self) -> bool:
        return all(e.text().strip() for e in self.edits[1:])

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ok())

    def accept(self) -> None:
        if self._ok():
            super().accept()

    def values(self) -> tuple[str, ...]:
        return tuple(e.text().strip() for e in self.edits)
