"""A handläggare's day, on the real window with real keys and clicks (issue 12): a new Malmö
case, a motion imported, every section written with phrases and formatting, a partial
decision, review statuses and a comment, save, the program killed and the draft recovered,
then DOCX and PDF (real LibreOffice in the real worker thread). Asserts what the user sees."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from docxtools import all_text, part
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tillit_desk.fileformat import load_case
from tillit_desk.gui import dialogs, motion_dialog

from .conftest import type_text

pytestmark = pytest.mark.print

Btn = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier
MOTION = Path(__file__).resolve().parents[1] / "fixtures" / "lund-motion-tillit-2022.txt"


def _click_step(window, qtbot, step_id):
    nav = window.navigator
    row = [s.id for s in nav.steps].index(step_id)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 20, rect.center().y()))
    assert nav.current_id() == step_id


def _save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _kill_after_typing(case_path: Path, text: str) -> None:
    """Another process opens the case, types, autosaves and is killed (SIGKILL)."""
    child = textwrap.dedent(f"""
        import os, signal
        from PySide6.QtWidgets import QApplication
        from PySide6.QtGui import QTextCursor
        from PySide6.QtTest import QTest
        app = QApplication([])
        from tillit_desk.gui.app import create_window
        w = create_window([{str(case_path)!r}])
        w.show()
        w.go_to("bedomning")
        ed = w.section_pages["bedomning"].editor
        ed.setFocus()
        ed.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(ed, {text!r})
        assert w.autosave()
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", child], env=env, timeout=120,
                            capture_output=True)
    assert result.returncode == -9, result.stderr.decode()[-2000:]


def test_a_day_in_the_life(make_window, qtbot, monkeypatch, answers, soffice, tmp_path):
    window = make_window()
    window.settings.soffice_path = soffice

    # --- a new Malmö case, answering a motion
    def choose_malmo(dialog):
        dialog.profile.setCurrentIndex(dialog.profile.findData("malmo-stad"))
        dialog.motion.setChecked(True)
        return dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NewCaseDialog, "exec", choose_malmo)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.profile.id == "malmo-stad"
    assert window.windowTitle().startswith("Namnlöst ärende")
    form = window.case_form
    form.title_edit.setFocus()
    type_text(form.title_edit, "Svar på motion om tillitsbaserad styrning")
    form.dnr.setFocus()
    type_text(form.dnr, "STK-2022-123")
    assert form.dnr_status.text().startswith("✓")

    # --- import the motion (the officer checks the dialog and presses Importera)
    def press_ok(dialog):
        qtbot.waitUntil(lambda: not dialog.loading)  # the file is read on a worker thread
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(motion_dialog.MotionImportDialog, "exec", press_ok)
    assert window.import_motion(MOTION)
    assert window.navigator.current_id() == "__motion__" or window.stack.currentWidget() \
        is window.motion_page
    assert window.motion_page.motionarer.table.rowCount() == 6
    assert window.motion_page.yrkanden.table.rowCount() == 3

    # --- every text section: a phrase from the help pane, then typing with formatting
    for spec in window.profile.text_sections():
        _click_step(window, qtbot, spec.id)
        page = window.section_pages[spec.id]
        editor = page.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        if spec.kind != "decision" and window.help_pane.phrases.count():
            item = window.help_pane.phrases.item(0)
            rect = window.help_pane.phrases.visualItemRect(item)
            qtbot.mouseClick(window.help_pane.phrases.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            editor.setFocus()
            editor.moveCursor(QTextCursor.MoveOperation.End)
        if spec.kind == "decision":
            continue
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, f"I {spec.heading.lower()} är det ")
        qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
        type_text(editor, "viktigt")
        qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
        type_text(editor, " att vara ")
        qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
        type_text(editor, "tydlig")
        qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
        type_text(editor, ".")
        window.flush_editors()
        assert window.case.sections[spec.id].endswith(
            f"I {spec.heading.lower()} är det **viktigt** att vara *tydlig*."), spec.id
    assert window.isWindowModified()

    # --- a partial decision: bifalla att-sats 2, avslå resten
    _click_step(window, qtbot, "forslag_till_beslut")
    builder = window.section_pages["forslag_till_beslut"].builder
    qtbot.mouseClick(builder.buttons["delvis"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(builder.checks[1], Qt.MouseButton.LeftButton,
                     pos=QPoint(8, builder.checks[1].height() // 2))
    answers["question"] = [Btn.Yes]  # replace the imported draft
    qtbot.mouseClick(builder.make, Qt.MouseButton.LeftButton)
    assert "motionen" in answers["seen"][-1].lower()
    decision = window.case.sections["forslag_till_beslut"]
    assert "bifaller motionen" in decision and "vad gäller att-sats 2" in decision
    assert "avslår motionen i övrigt" in decision  # Malmö's style: numbered decisions
    _click_step(window, qtbot, "arendet")
    _click_step(window, qtbot, "forslag_till_beslut")
    assert window.section_pages["forslag_till_beslut"].builder.outcome() == "delvis"

    # --- review: a status and a comment on the selected text
    window.review.show_pane()
    pane = window.review.pane
    pane.status.setCurrentIndex(pane.status.findData("klar_for_granskning"))
    pane.status.activated.emit(pane.status.currentIndex())
    row = [s.id for s in window.navigator.steps].index("forslag_till_beslut")
    assert "Klar för granskning" in window.navigator.item(row).text()
    editor = window.section_pages["forslag_till_beslut"].editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    pane.tabs.setCurrentIndex(1)
    type_text(pane.new_comment, "Stämmer att-sats 2 med budgeten?")
    qtbot.mouseClick(pane.add, Qt.MouseButton.LeftButton)
    assert pane.comments.count() == 1

    # --- save (Spara asks where: a new case)
    case_path = tmp_path / "malmo-tillit.tillit"
    _save_as(monkeypatch, case_path)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert case_path.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("malmo-tillit.tillit")
    saved = load_case(case_path).case
    assert saved.review["comments"][0]["text"] == "Stämmer att-sats 2 med budgeten?"
    assert saved.review["status"]["forslag_till_beslut"]["status"] == "klar_for_granskning"

    # --- the program is killed after more typing; the next start offers the draft
    window.set_dirty(False)
    window.close()
    _kill_after_typing(case_path, " Skrivet innan kraschen.")
    assert load_case(case_path).case.sections["bedomning"] == saved.sections["bedomning"]
    window = make_window()
    window.settings.soffice_path = soffice
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    answers["question"] = [Btn.Yes, Btn.Yes]  # restore it; Spara may write to the file
    assert window.offer_restore()
    assert "återställt" in window.windowTitle() and window.isWindowModified()
    assert window.case.sections["bedomning"].endswith("Skrivet innan kraschen.")
    window.navigator.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert load_case(case_path).case.sections["bedomning"].endswith("Skrivet innan kraschen.")

    # --- export DOCX (Ctrl+E) and PDF (Ctrl+Shift+E)
    docx_path = tmp_path / "malmo-tillit.docx"
    _save_as(monkeypatch, docx_path)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    data = docx_path.read_bytes()
    text = all_text(data)
    assert "Svar på motion om tillitsbaserad styrning" in text
    assert "Skrivet innan kraschen." in text
    body = part(data, "word/document.xml")
    assert "<w:b/>" in body or "<w:b " in body  # the bold words are bold in Word
    assert "<w:i/>" in body or "<w:i " in body
    assert f"Exporterat till {docx_path}" in window.statusBar().currentMessage()

    pdf_path = tmp_path / "malmo-tillit.pdf"
    _save_as(monkeypatch, pdf_path)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    for _ in range(2400):
        QTest.qWait(50)
        if not window.pdf_jobs:
            break
    assert f"PDF sparad: {pdf_path}" in messages
    assert not any("tillit-pdf-" in m for m in messages)  # never the temporary DOCX
    from pypdf import PdfReader

    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf_path).pages)
    assert "Svar på motion om tillitsbaserad styrning" in pdf_text
    assert "Skrivet innan kraschen." in pdf_text
    assert answers["warnings"] == []
