"""Sök och ersätt across every section (Ctrl+F / Ctrl+H), as in Word: match case, whole
words, and Ersätt alla as ONE undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def _case(window):
    assert window.new_case("lund-kommun", motion=False)
    window.state.set_section_text("arendet", "Kommunen har ett ansvar. Hela kommunen deltar.")
    window.state.set_section_text("bedomning", "Kommunens budget räcker, menar kommunen.")
    window.undo_stack.clear()
    window.flush_editors()


def _texts(window):
    window.flush_editors()
    return window.case.sections["arendet"], window.case.sections["bedomning"]


def test_replace_all_across_sections_is_one_undo_step(window, qtbot):
    _case(window)
    before = _texts(window)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    dialog = window.find_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.replace_edit.isVisible()
    dialog.find_edit.setText("kommunen")
    dialog.replace_edit.setText("regionen")
    dialog.whole_words.setChecked(True)
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert _texts(window) == ("regionen har ett ansvar. Hela regionen deltar.",
                              "Kommunens budget räcker, menar regionen.")
    assert "3 ersättningar" in dialog.status.text()
    assert window.undo_stack.count() == 1  # one step in the history
    window.undo()
    assert _texts(window) == before
    window.redo()
    assert _texts(window)[1] == "Kommunens budget räcker, menar regionen."


def test_match_case_and_find_next_walks_the_sections(window, qtbot):
    _case(window)
    window.go_to("arendet")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    dialog = window.find_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.replace_edit.isVisible()  # Ctrl+F: find only
    dialog.find_edit.setText("kommunen")
    dialog.match_case.setChecked(True)
    hits = []
    for _ in range(3):
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        sid = window.navigator.current_id()
        hits.append((sid, window.section_pages[sid].editor.textCursor().selectedText()))
    assert hits == [("arendet", "kommunen"), ("bedomning", "kommunen"),
                    ("arendet", "kommunen")]  # and round again
    dialog.find_edit.setText("finns inte")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert "hittades inte" in dialog.status.text()


def test_replace_one_then_the_next(window, qtbot):
    _case(window)
    window.go_to("arendet")
    dialog = window.open_find(replace=True)
    dialog.find_edit.setText("kommunen")
    dialog.replace_edit.setText("staden")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert _texts(window)[0] == "staden har ett ansvar. Hela kommunen deltar."
    window.undo()
    assert _texts(window)[0].startswith("Kommunen har")


def test_find_and_replace_reach_the_cases_own_sections(window, qtbot, monkeypatch):
    """A section added under Avsnitt → Lägg till avsnitt… is searched like the profile's, in
    its place in the case's order (it was skipped: the search walked the profile's list)."""
    _case(window)
    from PySide6.QtWidgets import QLineEdit

    from tillit_desk.gui.section_shape_dialogs import AddSectionDialog

    def fill(dialog):
        dialog.findChild(QLineEdit).setText("Miljökonsekvenser")
        return True

    monkeypatch.setattr(AddSectionDialog, "exec", fill)
    window.go_to("arendet")
    assert window.section_shapes.add()
    own = window.navigator.current_id()
    assert own not in {s.id for s in window.profile.sections}
    window.current_section_page().editor.setPlainText("Kommunen påverkar inte miljön.")
    window.go_to("__case__")
    dialog = window.open_find(replace=True)
    dialog.find_edit.setText("miljön")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert "hittades inte" not in dialog.status.text()
    assert window.navigator.current_id() == own
    assert window.section_pages[own].editor.textCursor().selectedText() == "miljön"
    # the editor that shows the match is where the window's focus returns when the dialog
    # closes (as in Word: Esc, then type over the found word)
    assert window.focusWidget() is window.section_pages[own].editor
    dialog.find_edit.setText("kommunen")
    dialog.replace_edit.setText("regionen")
    dialog.whole_words.setChecked(True)
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert "4 ersättningar" in dialog.status.text()
    window.flush_editors()
    assert window.case.sections[own] == "regionen påverkar inte miljön."
