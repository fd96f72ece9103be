"""What a Word user expects on the first day (issue 12): bold toggling, saving over a file
another program changed, shortcuts from inside the editor, the decision builder's memory,
paragraph spacing while typing, and messages that read right."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tillit_desk.fileformat import load_case, save_case
from tillit_desk.gui import motion_dialog
from tillit_desk.gui.export_flow import ExportFlow, plural

from .conftest import type_text

Btn = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier
LUND = Path(__file__).resolve().parents[1] / "fixtures" / "lund-motion-tillit-2022.txt"


def _editor(window, sid):
    window.go_to(sid)
    editor = window.section_pages[sid].editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def test_bold_on_type_bold_off_keeps_the_word_bold(window, qtbot):
    editor = _editor(window, "bedomning")
    type_text(editor, "Jag skrev ")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    type_text(editor, "själv")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)  # off again: for what comes next only
    type_text(editor, " sen")
    window.flush_editors()
    assert window.case.sections["bedomning"].endswith("Jag skrev **själv** sen")


def test_bold_inside_a_word_formats_the_word(window, qtbot):
    editor = _editor(window, "bedomning")
    type_text(editor, "ett ord här")
    cursor = editor.textCursor()
    cursor.setPosition(cursor.position() - len("rd här"))  # between o and r
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    window.flush_editors()
    assert window.case.sections["bedomning"].endswith("ett *ord* här")


def test_saving_over_a_file_changed_on_disk_asks(make_window, answers, tmp_path, monkeypatch):
    path = tmp_path / "delad.tillit"
    save_case(make_window().case, path)
    window = make_window([str(path)])
    type_text(_editor(window, "bedomning"), "Min text.")

    theirs = load_case(path).case
    theirs.sections["bedomning"] = "Kollegans text."
    save_case(theirs, path)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000_000))

    answers["exec"] = [Btn.Cancel]  # Avbryt: nothing written
    assert window.save() is False
    assert "ändrats av någon annan" in answers["seen"][-1]
    assert load_case(path).case.sections["bedomning"] == "Kollegans text."

    other = tmp_path / "min-kopia.tillit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    answers["exec"] = [Btn.Save]  # Spara som…
    assert window.save() is True
    assert load_case(other).case.sections["bedomning"] == "Min text."
    assert load_case(path).case.sections["bedomning"] == "Kollegans text."

    window2 = make_window([str(path)])
    type_text(_editor(window2, "bedomning"), " Och min.")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000_000))
    answers["exec"] = [Btn.Yes]  # Skriv över
    assert window2.save() is True
    assert load_case(path).case.sections["bedomning"] == "Kollegans text. Och min."
    type_text(_editor(window2, "bedomning"), " Igen.")
    assert window2.save() is True  # our own last save: no question
    assert len(answers["seen"]) == 3


def test_export_pdf_shortcut_works_from_the_editor(window, qtbot, monkeypatch):
    called = []
    monkeypatch.setattr(ExportFlow, "export_pdf", lambda self, out=None: called.append(1))
    monkeypatch.setattr(ExportFlow, "export_docx",
                        lambda self, out=None, **k: called.append(2))
    editor = _editor(window, "bedomning")
    qtbot.keyClick(editor, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_E, CTRL)
    assert called == [1, 2]


def test_decision_builder_keeps_the_chosen_outcome(window, qtbot):
    window.go_to("forslag_till_beslut")
    builder = window.section_pages["forslag_till_beslut"].builder
    builder.buttons["delvis"].click()
    builder.checks[1].setChecked(True)
    window.go_to("arendet")
    window.refresh()
    window.go_to("forslag_till_beslut")
    builder = window.section_pages["forslag_till_beslut"].builder
    assert builder.outcome() == "delvis"
    assert [c.isChecked() for c in builder.checks][:2] == [False, True]
    # a whole-case change rebuilds the page: the choice stays
    window.change_profile(next(p.id for p in window.registry.all()
                               if p.id != window.profile.id and p.section("forslag_till_beslut")))
    window.go_to("forslag_till_beslut")
    builder = window.section_pages["forslag_till_beslut"].builder
    assert builder.outcome() == "delvis"
    assert [c.isChecked() for c in builder.checks][:2] == [False, True]


def test_new_paragraphs_show_spacing_at_once(window, qtbot):
    window.new_case("lund-kommun", motion=False)
    editor = _editor(window, "bedomning")
    type_text(editor, "Första stycket.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "Andra stycket.")
    doc = editor.document()
    typed = [doc.findBlockByNumber(i).blockFormat().bottomMargin() for i in range(2)]
    window.flush_editors()
    markdown = window.case.sections["bedomning"]
    window.state.set_section_text("bedomning", markdown)  # what a reload shows
    loaded = doc.findBlockByNumber(0).blockFormat().bottomMargin()
    assert loaded > 0
    assert typed == [loaded, loaded]


def test_counts_read_right():
    assert plural(1, "varning", "varningar") == "1 varning"
    assert plural(2, "varning", "varningar") == "2 varningar"


def test_review_summary_says_one_warning(window):
    from tillit_desk.gui.review_live import summary_text

    assert summary_text(0, 1, 0) == "0 fel, 1 varning, 0 tips."
    assert summary_text(1, 3, 2) == "1 fel, 3 varningar, 2 tips."


def test_replacing_imported_decision_text_does_not_call_it_yours(window, monkeypatch, answers,
                                                                 qtbot):
    def press_ok(dialog):
        qtbot.waitUntil(lambda: not dialog.loading)  # the file is read on a worker thread
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(motion_dialog.MotionImportDialog, "exec", press_ok)
    assert window.new_case("lund-kommun", motion=True)
    assert window.import_motion(LUND)
    window.go_to("forslag_till_beslut")
    assert window.case.sections["forslag_till_beslut"].strip()
    builder = window.section_pages["forslag_till_beslut"].builder
    builder.buttons["avsla"].click()
    answers["question"] = [Btn.Yes]
    builder.make.click()
    asked = answers["seen"][-1]
    assert "du har skrivit" not in asked
    assert "motionen" in asked.lower()
    assert window.case.sections["forslag_till_beslut"].startswith("att avslå")


def test_text_that_cannot_be_written_never_takes_the_window_down(window, answers, tmp_path,
                                                                  monkeypatch):
    """A lone surrogate (valid JSON, not writable UTF-8) in a section nobody opened: Save and
    autosave answer in Swedish instead of raising (issue 12; cleaning it on load is
    fileformat's job)."""
    window.case.sections["bedomning"] = "Trasigt \ud800 tecken."
    window.set_dirty(True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "trasig.tillit"), ""))
    saved = window.save()  # must not raise
    if not saved:
        assert answers["warnings"] and "kunde inte sparas" in answers["warnings"][-1]
        assert window.isWindowModified()
    window.autosave()  # must not raise either
