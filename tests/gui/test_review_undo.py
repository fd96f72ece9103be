"""Review data and the one history: whole-case steps (profile switch, Word import, Godta) and
review steps (comment, status) undo and redo each other exactly, whatever their order.

Decision: review changes ARE steps in the history, as in Word (Infoga kommentar, Godta ändring
are undone with Ctrl+Z). So a whole-case step's snapshots must own their review data: a snapshot
that shared a list or dict with the live case was changed by later comments and statuses, and an
undo then brought back a comment that had already been undone, or lost a status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from wordimport import chef as C

from tillit_desk.export.docx import render_docx
from tillit_desk.gui import word_import
from tillit_desk.review import workflow as W
from tillit_desk.wordimport import suggestions as S

from .conftest import type_text


def _comment(window, qtbot, text: str) -> None:
    """Write a comment in the Granskning pane and press Lägg till."""
    window.review.show_pane()
    pane = window.review.pane
    pane.tabs.setCurrentIndex(1)
    type_text(pane.new_comment, text)
    qtbot.mouseClick(pane.add, Qt.MouseButton.LeftButton)


def _status(window, status: str) -> None:
    """Choose a status for the current section in the pane's Status box."""
    window.review.show_pane()
    pane = window.review.pane
    index = pane.status.findData(status)
    pane.status.setCurrentIndex(index)
    pane.status.activated.emit(index)


def _texts(window) -> list[str]:
    return [c.text for c in W.comments(window.case)]


def _other_profile(window) -> str:
    return next(p.id for p in window.registry.all()
                if p.id != window.profile.id and p.section("arendet"))


def test_comments_around_a_profile_switch_undo_and_redo_in_order(window, qtbot):
    window.go_to("arendet")
    first = window.profile.id
    _comment(window, qtbot, "Före bytet.")
    window.change_profile(_other_profile(window))
    second = window.profile.id
    window.go_to("arendet")
    _comment(window, qtbot, "Efter bytet.")
    assert _texts(window) == ["Före bytet.", "Efter bytet."]

    window.undo()  # the last comment
    assert _texts(window) == ["Före bytet."]
    window.undo()  # the profile switch: the comment undone above stays undone
    assert window.profile.id == first
    assert _texts(window) == ["Före bytet."]
    window.redo()
    assert window.profile.id == second
    assert _texts(window) == ["Före bytet."]
    window.redo()
    assert _texts(window) == ["Före bytet.", "Efter bytet."]
    # and again: every step keeps its own state, however often it is walked
    window.undo()
    window.undo()
    window.undo()
    assert _texts(window) == []
    for _ in range(3):
        window.redo()
    assert _texts(window) == ["Före bytet.", "Efter bytet."]


def test_a_status_set_after_a_whole_case_step_is_undone_on_its_own(window, qtbot):
    window.go_to("arendet")
    _status(window, W.GRANSKAD)
    window.change_profile(_other_profile(window))
    window.go_to("arendet")
    _status(window, W.KLAR)
    assert W.section_status(window.case, "arendet") == W.KLAR
    window.undo()
    assert W.section_status(window.case, "arendet") == W.GRANSKAD
    window.undo()  # the profile switch
    assert W.section_status(window.case, "arendet") == W.GRANSKAD
    window.redo()
    assert W.section_status(window.case, "arendet") == W.GRANSKAD
    window.redo()
    assert W.section_status(window.case, "arendet") == W.KLAR


def test_a_comment_after_godta_survives_undo_and_redo_of_later_steps(window, qtbot, monkeypatch,
                                                                     tmp_path):
    data, _ = render_docx(window.case, window.profile)
    path = tmp_path / "chef.docx"
    path.write_bytes(C.chef_edits(data))
    monkeypatch.setattr(word_import.WordImportDialog, "exec",
                        lambda dialog: (dialog.accept(), dialog.result())[1])
    assert window.import_word(path)
    panel = window.findChild(word_import.SuggestionsPanel)
    insert = next(s for s in S.suggestions(window.case)
                  if (s.section, s.change) == ("ekonomiska_konsekvenser", "insert"))
    word_comments = _texts(window)  # the comment written in Word
    assert panel.select(insert.id)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)  # Godta: a whole-case step
    window.go_to("arendet")
    _comment(window, qtbot, "Efter godta.")
    _status(window, W.KLAR)
    window.undo()  # status
    window.undo()  # comment
    assert _texts(window) == word_comments
    assert W.section_status(window.case, "arendet") == W.UTKAST
    window.undo()  # Godta
    assert S.get(window.case, insert.id).status == S.OPEN
    assert _texts(window) == word_comments
    assert W.section_status(window.case, "arendet") == W.UTKAST
    window.redo()
    assert S.get(window.case, insert.id).status == S.ACCEPTED
    assert _texts(window) == word_comments
    window.redo()
    window.redo()
    assert _texts(window) == [*word_comments, "Efter godta."]
    assert W.section_status(window.case, "arendet") == W.KLAR
