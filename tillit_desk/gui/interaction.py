"""One object through which workflows ask the user and report (git-cola's ``interaction.py``).

Workflows (review, export, motion import) say *what* to tell or ask; this decides *how*: a
status-bar note, an error box, a question. Tests and the smoke test can replace it whole."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


def plural(n: int, one: str, many: str) -> str:
    """"1 varning", "2 varningar"."""
    return f"{n} {one if n == 1 else many}"


class Interaction(QObject):
    """The status-bar kinds (busy, status, note) are explained in ``status_line``."""

    status_message = Signal(str, int)  # text, milliseconds (0: until replaced)
    note_message = Signal(str, int)  # the same, shown only while nothing else is
    busy_message = Signal(str)  # work the user waits for: stays until done()
    done_message = Signal(str, int)  # that work ended: its result (or "" to clear)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent

    def status(self, text: str, ms: int = 5000) -> None:
        self.status_message.emit(text, ms)

    def note(self, text: str, ms: int = 4000) -> None:
        """News from background work ("Stavningskontrollen är klar …", an autosave that
        failed): never hides what the user is being told (a running PDF export, a saved
        file); it waits for a free status bar."""
        self.note_message.emit(text, ms)

    def busy(self, text: str) -> None:
        """Work the user started and waits for ("Skapar PDF: …"): kept until ``done``."""
        self.busy_message.emit(text)

    def done(self, text: str = "", ms: int = 8000) -> None:
        """The awaited work ended: show its result (nothing: clear the busy message)."""
        self.done_message.emit(text, ms)

    def error(self, message: str, title: str = "Något gick fel") -> None:
        from . import dialogs

        dialogs.show_error(self.widget, message, title)

    def information(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.widget, title, text)

    def confirm(self, title: str, text: str) -> bool:
        """Ja / Nej, Nej by default."""
        from PySide6.QtWidgets import QMessageBox

        btn = QMessageBox.StandardButton
        return QMessageBox.question(self.widget, title, text, btn.Yes | btn.No,
                                    btn.No) == btn.Yes
