"""Avsnitt (issue 13): a case adds its own section, renames a heading, splits a section, puts a
heading over the signatures and marks a section "inte relevant" — each through the menu and
its dialog with real keys, each one undo step; the steps, the editor, the preview and an
exported DOCX show the result."""

from __future__ import annotations

import docx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from .conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _in_dialog(qtbot, *texts: str, place: str | None = None) -> None:
    """When the modal dialog opens: type each text into its fields (in order), choose the
    place, press Enter — as a user does."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        for edit, text in zip(dialog.findChildren(QLineEdit), texts, strict=False):
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            type_text(edit, text)
        if place is not None:
            combo = dialog.findChild(QComboBox)
            combo.setCurrentIndex(combo.findText(place))
        qtbot.keyClick(dialog.findChildren(QLineEdit)[0], Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def _labels(window) -> list[str]:
    return [s.label for s in window.navigator.steps]


def _preview(window) -> str:
    window.refresh()
    return window.preview.toPlainText()


def _docx_text(window, tmp_path, name: str) -> list[str]:
    out = window.export_docx(tmp_path / name)
    assert out is not None
    return [p.text for p in docx.Document(str(out)).paragraphs]


def _undo(window, qtbot) -> None:
    window.activateWindow()  # the dialog that just closed had it
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, CTRL)


def _new_malmo(window):
    assert window.new_case("malmo-stad", False)
    return window


def test_add_a_section_type_in_it_and_undo(window, qtbot, tmp_path):
    _new_malmo(window)
    window.go_to("bedomning")
    type_text(window.section_pages["bedomning"].editor, "Bedömt.")
    _in_dialog(qtbot, "Stadskontorets förslag")
    window.section_shapes.actions["add"].trigger()
    labels = _labels(window)
    heading_index = next(i for i, lab in enumerate(labels) if lab == "Stadskontorets förslag")
    assert labels[heading_index - 1].startswith(window.profile.section("bedomning").heading)
    sid = window.navigator.current_id()
    assert sid.startswith("egen_")
    page = window.section_pages[sid]
    assert page.isVisible() and window.focusWidget() is page.editor  # ready to type
    type_text(page.editor, "Vi föreslår en egen väg.")
    assert "Stadskontorets förslag\nVi föreslår en egen väg." in _preview(window)
    text = _docx_text(window, tmp_path, "egen.docx")
    i = text.index("Stadskontorets förslag")
    assert text[i + 1] == "Vi föreslår en egen väg."
    assert text.index(window.profile.section("bedomning").heading) < i

    for _ in range(20):  # the typing, a word at a time as in Word
        if not window.state.section_text(sid):
            break
        _undo(window, qtbot)
    assert window.state.section_text(sid) == ""
    assert "Stadskontorets förslag" in _labels(window)
    _undo(window, qtbot)  # then the new section, in one step
    assert "Stadskontorets förslag" not in _labels(window)
    assert "Stadskontorets förslag" not in _preview(window)
    assert window.case.layout.added == []


def test_rename_a_heading_and_undo(window, qtbot, tmp_path):
    _new_malmo(window)
    window.go_to("bedomning")
    page = window.section_pages["bedomning"]
    page.editor.setFocus()
    type_text(page.editor, "Bedömt.")
    original = window.profile.section("bedomning").heading
    _in_dialog(qtbot, "Stadskontorets bedömning")
    window.section_shapes.actions["rename"].trigger()
    assert "Stadskontorets bedömning" in _labels(window)
    assert original not in _labels(window)
    assert window.section_pages["bedomning"].editor.toPlainText() == "Bedömt."
    assert "Stadskontorets bedömning\nBedömt." in _preview(window)
    assert "Stadskontorets bedömning" in _docx_text(window, tmp_path, "r.docx")
    _undo(window, qtbot)
    assert original in _labels(window)
    assert "Stadskontorets bedömning\nBedömt." not in _preview(window)
    assert f"{original}\nBedömt." in _preview(window)


def test_split_and_a_heading_over_the_signatures(window, qtbot, tmp_path):
    _new_malmo(window)
    window.go_to("bedomning")
    _in_dialog(qtbot, "Stadskontorets bedömning", "Stadskontorets förslag")
    window.section_shapes.actions["split"].trigger()
    labels = _labels(window)
    i = labels.index("Stadskontorets bedömning")
    assert labels[i + 1] == "Stadskontorets förslag"
    type_text(window.section_pages[window.navigator.current_id()].editor, "Förslaget.")
    window.go_to("signatures")
    _in_dialog(qtbot, "Ansvariga")
    window.section_shapes.actions["rename"].trigger()
    text = _docx_text(window, tmp_path, "s.docx")
    assert text.index("Stadskontorets förslag") + 1 == text.index("Förslaget.")
    assert "Ansvariga" in text
    _undo(window, qtbot)  # the signatures heading
    assert "Ansvariga" not in _docx_text(window, tmp_path, "s2.docx")


def test_mark_not_relevant_prints_the_sentence_or_leaves_out_and_undo(window, qtbot,
                                                                         tmp_path):
    _new_malmo(window)
    heading = window.profile.section("ekonomiska_konsekvenser").heading
    window.go_to("ekonomiska_konsekvenser")
    before = next(s for s in window.navigator.steps if s.id == "ekonomiska_konsekvenser")
    assert before.missing  # required and empty: red in the step list
    window.section_shapes.update_actions()
    assert window.section_shapes.actions["not_relevant"].text() == "Markera som &inte relevant"
    window.section_shapes.actions["not_relevant"].trigger()
    step = next(s for s in window.navigator.steps if s.id == "ekonomiska_konsekvenser")
    assert step.label == f"{heading} (inte relevant)" and not step.missing
    assert "Förslaget medför inga ekonomiska konsekvenser." in window.statusBar().currentMessage()
    assert f"{heading}\nFörslaget medför inga ekonomiska konsekvenser." in _preview(window)
    text = _docx_text(window, tmp_path, "n.docx")
    assert text[text.index(heading) + 1] == "Förslaget medför inga ekonomiska konsekvenser."

    window.go_to("barnets_basta")  # Malmö leaves this one out when it is not relevant
    barn = window.profile.section("barnets_basta").heading
    window.section_shapes.actions["not_relevant"].trigger()
    assert "skrivs inte ut" in window.statusBar().currentMessage()
    window.section_shapes.update_actions()
    assert window.section_shapes.actions["not_relevant"].text() == "Markera som &relevant igen"
    assert barn not in _preview(window)

    _undo(window, qtbot)
    _undo(window, qtbot)
    assert window.case.layout.not_relevant == []
    assert "Förslaget medför inga ekonomiska" not in _preview(window)


def test_remove_an_own_section_asks_and_undo_brings_its_text_back(window, qtbot, answers):
    from PySide6.QtWidgets import QMessageBox

    _new_malmo(window)
    window.go_to("arendet")
    _in_dialog(qtbot, "Bakgrund")
    window.section_shapes.actions["add"].trigger()
    sid = window.navigator.current_id()
    editor = window.section_pages[sid].editor
    type_text(editor, "Historik.")
    window.section_shapes.update_actions()
    assert window.section_shapes.actions["remove"].isEnabled()
    answers["question"].append(QMessageBox.StandardButton.Yes)
    window.section_shapes.actions["remove"].trigger()
    assert "Bakgrund" in answers["seen"][-1]
    assert "Bakgrund" not in _labels(window)
    assert "Historik." not in _preview(window)
    _undo(window, qtbot)
    assert "Bakgrund" in _labels(window)
    window.go_to(sid)
    editor = window.section_pages[sid].editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert editor.toPlainText() == "Historik."
    assert "Bakgrund\nHistorik." in _preview(window)


def test_profile_sections_cannot_be_removed_and_the_context_menu_offers_the_actions(window):
    _new_malmo(window)
    window.go_to("bedomning")
    window.section_shapes.update_actions()
    assert not window.section_shapes.actions["remove"].isEnabled()
    assert window.section_shapes.actions["split"].isEnabled()
    window.go_to("signatures")
    window.section_shapes.update_actions()
    assert window.section_shapes.actions["rename"].isEnabled()
    assert not window.section_shapes.actions["split"].isEnabled()
    assert window.navigator.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_an_own_section_takes_a_review_status_and_a_comment(window, qtbot):
    from tillit_desk.review.workflow import GRANSKAD

    _new_malmo(window)
    window.go_to("bedomning")
    _in_dialog(qtbot, "Stadskontorets förslag")
    window.section_shapes.actions["add"].trigger()
    sid = window.navigator.current_id()
    type_text(window.section_pages[sid].editor, "Förslaget.")
    assert window.review.current_section() == sid
    assert window.review.set_status(GRANSKAD)
    step_row = [s.id for s in window.navigator.steps].index(sid)
    assert "Granskad" in window.navigator.item(step_row).text()
    assert window.review.add_comment("Bra.") is not None
    assert window.review.heading(sid) == "Stadskontorets förslag"
