"""Ärendeuppgifter: "Till" is the body the document is addressed to, printed over the title."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tillit_desk.fileformat import load_case

from .conftest import type_text


def answers_discard():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Discard


def test_addressee_is_typed_saved_previewed_and_undone(window, qtbot, tmp_path, answers):
    form = window.case_form
    assert form.addressee.text() == ""
    qtbot.keyClick(form, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Ti&ll
    assert form.addressee.hasFocus()
    type_text(form.addressee, "Socialnämnden")
    assert window.case.document.addressee == "Socialnämnden"
    window.refresh()
    preview = window.preview.toPlainText()
    assert preview.index("Socialnämnden") < preview.index(window.case.document.title[:20])
    path = tmp_path / "till.tillit"
    assert window._save_to(path)
    assert load_case(path).case.document.addressee == "Socialnämnden"
    window.undo()
    assert window.case.document.addressee == "" and form.addressee.text() == ""
    answers["exec"] = [answers_discard()]  # opening the saved file: Spara inte for the undo
    assert window.open_path(path)
    assert form.addressee.text() == "Socialnämnden"
