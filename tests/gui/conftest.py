"""GUI fixtures: a real main window (offscreen), user folders in a temp dir (root conftest)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tillit_desk.gui.app import create_window


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(argv=()):
        window = create_window(list(argv))
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.set_dirty(False)  # never leave a modal prompt open at teardown
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def answers(monkeypatch):
    """Script the message boxes: push the button each prompt should get; records the texts."""
    state = {"exec": [], "question": [], "seen": [], "warnings": []}

    def fake_exec(box):
        state["seen"].append(box.text())
        return state["exec"].pop(0)

    def fake_question(parent, title, text, *args, **kwargs):
        state["seen"].append(text)
        return state["question"].pop(0)

    def fake_warning(parent, title, text, *args, **kwargs):
        state["warnings"].append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(fake_warning))
    return state


def type_text(widget, text: str) -> None:
    """Type like a user, including å, ä, ö (QTest.keyClicks only handles ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def drop_file(window, path) -> None:
    """Drag a file over the window (it must accept it) and drop it, like a user."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    assert event.isAccepted()
    window.dropEvent(event)
