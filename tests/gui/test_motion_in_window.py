"""Importing a motion from the main window: menu and drag-and-drop, one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tillit_desk.gui import motion_dialog
from tillit_desk.steps import STEP_MOTION

LUND = Path(__file__).resolve().parents[1] / "fixtures" / "lund-motion-tillit-2022.txt"


def _accept_dialogs(monkeypatch):
    """The officer looks at the review dialog and presses OK."""
    def press_ok(dialog):
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(motion_dialog.MotionImportDialog, "exec", press_ok)


def test_dropped_motion_prefills_an_empty_case_and_undo_restores_it(window, qtbot, monkeypatch,
                                                                   answers):
    _accept_dialogs(monkeypatch)
    assert window.new_case("lund-kommun", motion=True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(LUND))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    assert event.isAccepted()
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(window.case.motion and window.case.motion.motionarer))
    case = window.case
    assert [m.name for m in case.motion.motionarer][:2] == ["Helena Falk", "Fanny Johansson"]
    assert len(case.motion.yrkanden) == 3
    assert case.motion.yrkanden[1] in case.sections["sammanfattning"]
    assert window.navigator.current_id() == STEP_MOTION
    assert window.dirty
    window.refresh()
    assert "Tillit är vägen fram" in window.preview.toPlainText()

    window.navigator.setFocus()
    window.undo()
    assert not (window.case.motion and window.case.motion.motionarer)
    assert window.case.sections["sammanfattning"] == ""
    window.redo()
    assert len(window.case.motion.motionarer) == 6


def test_import_into_a_case_with_a_motion_asks_first(window, monkeypatch, answers):
    _accept_dialogs(monkeypatch)
    before = window.case.to_dict()
    answers["question"].append(motion_dialog.QMessageBox.StandardButton.No)
    assert not window.import_motion(LUND)
    assert answers["warnings"] == []
    assert "redan en motion" in answers["seen"][-1]
    assert window.case.to_dict() == before


def test_profile_switch_is_one_undo_step(window):
    text = window.case.sections["arendet"]
    window.case_form.profile_requested.emit("malmo-stad")
    assert window.profile.id == "malmo-stad"
    window.navigator.setFocus()
    window.undo()
    assert window.profile.id == "lund-kommun"
    assert window.case.profile == "lund-kommun"
    assert window.case.sections["arendet"] == text
