"""One undo history for the whole window (issue 12): typing, a profile switch, list edits and
form fields are all steps on one stack, so Ctrl+Z walks the same history whatever has focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from .conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _other_profile(window) -> str:
    return next(p.id for p in window.registry.all() if p.id != window.profile.id)


def _type_at_end(window, qtbot, sid: str, text: str):
    window.go_to(sid)
    editor = window.section_pages[sid].editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, text)
    return editor


def _section(window, sid: str) -> str:
    window.flush_editors()
    return window.case.sections[sid]


def test_undo_after_profile_switch_keeps_typed_text(window, qtbot):
    original_profile = window.profile.id
    original = _section(window, "bedomning")
    other = _other_profile(window)
    window.case_form.profile_requested.emit(other)
    assert window.profile.id == other
    _type_at_end(window, qtbot, "bedomning", " NYTEXT")
    assert _section(window, "bedomning").endswith("NYTEXT")

    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)  # the typing goes first
    assert _section(window, "bedomning") == original
    assert window.profile.id == other
    qtbot.keyClick(window.navigator, Qt.Key.Key_Y, CTRL)  # and comes back
    assert _section(window, "bedomning") == (original + " NYTEXT").strip()
    assert window.profile.id == other

    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)  # then the profile switch
    assert window.profile.id == original_profile
    assert _section(window, "bedomning") == original
    qtbot.keyClick(window.navigator, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Y, CTRL)
    assert window.profile.id == other
    assert _section(window, "bedomning") == (original + " NYTEXT").strip()  # never lost


def test_ctrl_z_in_the_editor_walks_the_same_history(window, qtbot):
    original = _section(window, "bedomning")
    other = _other_profile(window)
    window.case_form.profile_requested.emit(other)
    editor = _type_at_end(window, qtbot, "bedomning", " ett två tre")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # one word at a time, as in Word
    assert _section(window, "bedomning") == (original + " ett två").strip()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert _section(window, "bedomning") == original
    assert window.profile.id == other
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # focus in the editor: still the profile
    assert window.profile.id != other


def test_form_field_typing_is_on_the_same_stack(window, qtbot):
    title = window.case.document.title
    window.go_to("arendet")
    _type_at_end(window, qtbot, "arendet", " Slut")
    window.go_to(window.navigator.steps[0].id)
    field = window.case_form.title_edit
    field.setFocus()
    field.end(False)
    type_text(field, " X")
    assert window.case.document.title == title + " X"
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)
    assert window.case.document.title == title
    assert field.text() == title
    assert _section(window, "arendet").endswith(" Slut")  # next on the stack, not yet undone
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)
    assert not _section(window, "arendet").endswith(" Slut")
