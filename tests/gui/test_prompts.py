"""The two three-way questions, answered by clicking their real Swedish buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tillit_desk.gui import dialogs


def _click_later(label: str, seen: list) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        seen.append((box.windowTitle(), sorted(b.text() for b in box.buttons()),
                     box.defaultButton().text(), box.text()))
        next(b for b in box.buttons() if b.text() == label).click()
    QTimer.singleShot(50, click)


@pytest.mark.parametrize(("label", "answer"), [("Spara", dialogs.SAVE),
                                               ("Spara inte", dialogs.DISCARD),
                                               ("Avbryt", dialogs.CANCEL)])
def test_unsaved_changes_question(qtbot, label, answer):
    seen: list = []
    _click_later(label, seen)
    assert dialogs.ask_save_changes(None, "a.tillit") == answer
    assert seen == [("Osparade ändringar", ["Avbryt", "Spara", "Spara inte"], "Spara",
                     "Vill du spara ändringarna i a.tillit?")]


@pytest.mark.parametrize(("label", "answer"), [("Skriv över", dialogs.OVERWRITE),
                                               ("Spara som…", dialogs.SAVE_AS),
                                               ("Avbryt", dialogs.CANCEL)])
def test_file_changed_on_disk_question(qtbot, label, answer):
    seen: list = []
    _click_later(label, seen)
    assert dialogs.ask_overwrite_changed(None, "a.tillit") == answer
    title, buttons, default, text = seen[0]
    assert (title, buttons, default) == ("Filen har ändrats",
                                        ["Avbryt", "Skriv över", "Spara som…"], "Spara som…")
    assert text.startswith("a.tillit har ändrats av någon annan")
