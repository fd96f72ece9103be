"""Importera från Word and the open case's file: another document never writes over it.

Word's habit: opening another document never writes over the one that is open. A DOCX that is
not an export of the open case becomes a new, unsaved case (Spara asks for a file name), after
the usual Spara / Spara inte / Avbryt for the open case's changes. The DOCX exported from the
open case ("Ändringar från Word") stays a step in that case, saved to its own file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from wordimport import chef as C
from wordimport import foreign as F

from tillit_desk.export.docx import render_docx
from tillit_desk.fileformat import load_case, save_case
from tillit_desk.filelock import lock_path_for
from tillit_desk.gui import word_import
from tillit_desk.wordimport import suggestions as S

from .conftest import type_text

Btn = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _press_importera(monkeypatch) -> None:
    """The user reads the mapping and presses Importera."""
    def press_import(dialog):
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(word_import.WordImportDialog, "exec", press_import)


def _menu_import(window, monkeypatch, path) -> None:
    """Arkiv → Importera från Word…, choosing ``path`` in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.findChild(type(window.import_motion_action), "import_word").trigger()


def _save_as_records(monkeypatch, target) -> list:
    asked: list = []

    def save_name(*args, **kwargs):
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return asked


def _open_saved(window, tmp_path, name="eget.tillit"):
    case = window.case
    case.document.diarienummer = "KS 2026/0001"
    case.document.title = "Svar på motion om cykelbanor"
    case.sections["bedomning"] = "Min egen bedömning."
    path = tmp_path / name
    save_case(case, path)
    assert window.open_path(path)
    return path


def _editor(window, sid):
    window.go_to(sid)
    editor = window.section_pages[sid].editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return editor


def test_importing_another_document_then_ctrl_s_asks_for_a_new_file(window, qtbot, monkeypatch,
                                                                    tmp_path, answers):
    own = _open_saved(window, tmp_path)
    assert lock_path_for(own).exists()  # the open case's lock file (a colleague is told)
    before = own.read_bytes()
    docx = tmp_path / "bankar.docx"
    docx.write_bytes(F.foreign_docx())
    _press_importera(monkeypatch)
    _menu_import(window, monkeypatch, docx)
    qtbot.waitUntil(lambda: window.case.document.diarienummer == F.DNR)
    assert answers["seen"] == []  # nothing unsaved in the open case: no question
    # a new, unsaved case named after the document; the case that was open is let go
    assert window.state.path is None
    assert not lock_path_for(own).exists()
    assert "bankar" in window.windowTitle() and "eget.tillit" not in window.windowTitle()
    assert window.isWindowModified()
    # Ctrl+S asks for a name; the case that was open keeps every byte
    new_file = tmp_path / "bankar-svar.tillit"
    asked = _save_as_records(monkeypatch, new_file)
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert len(asked) == 1
    assert own.read_bytes() == before
    assert load_case(new_file).case.document.diarienummer == F.DNR
    assert window.state.path == new_file
    assert not window.isWindowModified()


def test_unsaved_changes_in_the_open_case_are_asked_about_first(window, qtbot, monkeypatch,
                                                                tmp_path, answers):
    own = _open_saved(window, tmp_path)
    type_text(_editor(window, "bedomning"), " Och mer.")
    assert window.isWindowModified()
    docx = tmp_path / "bankar.docx"
    docx.write_bytes(F.foreign_docx())
    _press_importera(monkeypatch)

    answers["exec"] = [Btn.Cancel]  # Avbryt: nothing happens, the text stays
    _menu_import(window, monkeypatch, docx)
    assert any("eget.tillit" in text for text in answers["seen"])
    assert window.state.path == own
    assert window.case.sections["bedomning"] == "Min egen bedömning. Och mer."
    assert load_case(own).case.sections["bedomning"] == "Min egen bedömning."

    answers["exec"] = [Btn.Save]  # Spara: the open case is saved to its own file first
    _menu_import(window, monkeypatch, docx)
    qtbot.waitUntil(lambda: window.case.document.diarienummer == F.DNR)
    assert load_case(own).case.sections["bedomning"] == "Min egen bedömning. Och mer."
    assert load_case(own).case.document.diarienummer == "KS 2026/0001"
    assert window.state.path is None


def test_an_export_of_another_tillit_case_is_a_new_case_too(window, qtbot, monkeypatch,
                                                            tmp_path, answers):
    other = load_case(_open_saved(window, tmp_path, "annat.tillit")).case
    other.document.diarienummer, other.document.title = "KS 2026/0999", "Ett annat ärende"
    data, _ = render_docx(other, window.profile)
    own = _open_saved(window, tmp_path)
    before = own.read_bytes()
    docx = tmp_path / "annat.docx"
    docx.write_bytes(C.chef_edits(data))
    _press_importera(monkeypatch)
    _menu_import(window, monkeypatch, docx)
    qtbot.waitUntil(lambda: window.case.document.diarienummer == "KS 2026/0999")
    assert window.state.path is None
    _save_as_records(monkeypatch, tmp_path / "annat-svar.tillit")
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert own.read_bytes() == before


def test_changes_from_word_to_the_open_case_stay_in_its_file(window, qtbot, monkeypatch,
                                                             tmp_path, answers):
    own = _open_saved(window, tmp_path)
    data, _ = render_docx(window.case, window.profile)
    docx = tmp_path / "chef.docx"
    docx.write_bytes(C.chef_edits(data))
    _press_importera(monkeypatch)
    asked = _save_as_records(monkeypatch, tmp_path / "fel.tillit")
    _menu_import(window, monkeypatch, docx)
    qtbot.waitUntil(lambda: len(S.suggestions(window.case)) == 4)
    assert answers["seen"] == []
    assert window.state.path == own
    assert window.windowTitle().startswith("eget.tillit")
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert asked == []  # saved to its own file, as every change to the open case
    assert len(S.suggestions(load_case(own).case)) == 4
    window.undo()  # the import is one step in the case's history
    assert S.suggestions(window.case) == []
    assert window.state.path == own
