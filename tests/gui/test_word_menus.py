"""Redigera (Klipp ut, Kopiera, Klistra in, Markera allt), zoom and Skriv ut (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from .conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _menu_texts(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_edit_menu_cut_copy_paste_select_all(window, qtbot):
    texts = _menu_texts(window, "&Redigera")
    for wanted in ("Klipp &ut", "&Kopiera", "Klistra &in", "&Markera allt", "&Sök…",
                   "&Ersätt…"):
        assert wanted in texts
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    editor.setFocus()
    type_text(editor, "Ett två")
    window.edit_actions["selectAll"].trigger()
    assert editor.textCursor().selectedText() == "Ett två"
    window.edit_actions["cut"].trigger()
    assert QApplication.clipboard().text() == "Ett två"
    window.flush_editors()
    assert window.case.sections["bedomning"] == ""
    window.edit_actions["paste"].trigger()
    window.edit_actions["paste"].trigger()
    window.flush_editors()
    assert window.case.sections["bedomning"] == "Ett tvåEtt två"
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.edit_actions["copy"].trigger()
    assert QApplication.clipboard().text() == "Ett "
    window.undo()  # the pastes are steps on the one history too
    window.flush_editors()
    assert window.case.sections["bedomning"] == "Ett två"


def test_zoom_in_out_and_back(window, qtbot):
    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    editor.setFocus()
    base = editor.font().pointSizeF()
    qtbot.keyClick(editor, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Plus, CTRL)
    assert editor.font().pointSizeF() > base * 1.15
    assert "Zoom 120 %" in window.statusBar().currentMessage()
    window.go_to("bedomning")  # other sections follow, also those opened later
    assert window.section_pages["bedomning"].editor.font().pointSizeF() > base * 1.15
    qtbot.keyClick(window.section_pages["bedomning"].editor, Qt.Key.Key_Minus, CTRL)
    assert window.zoom == 110
    qtbot.keyClick(window.section_pages["bedomning"].editor, Qt.Key.Key_0, CTRL)
    assert window.zoom == 100 and editor.font().pointSizeF() == base
    assert window.settings.zoom_percent == 100


def test_print_goes_through_the_print_dialog(window, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "utskrift.pdf"

    def choose_pdf(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf)
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert out.is_file()
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Förslag till beslut" in text
    assert " ".join(window.case.document.title.split()[:3]) in text
