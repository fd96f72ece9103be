"""Prompts, autosave and recovery, paste, phrases, navigation and accessibility."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tillit_desk.fileformat import load_case, save_case
from tillit_desk.gui.editor import RICH_PASTE_LIMIT
from tillit_desk.gui.mainwindow import widget_names_missing
from tillit_desk.paths import app_paths
from tillit_desk.profiles import Phrase
from tillit_desk.steps import STEP_CASE, STEP_MOTION, STEP_REVIEW

from .conftest import type_text

Btn = QMessageBox.StandardButton


def _edit_section(window, sid, text):
    window.go_to(sid)
    type_text(window.section_pages[sid].editor, text)
    window.flush_editors()


def test_opens_on_example_case(window):
    assert window.case.document.diarienummer == "KS 2022/0086"
    assert "lund-ks-2022-0086.tillit" in window.windowTitle()
    assert not window.isWindowModified()
    window.refresh()
    preview = window.preview.toPlainText()
    assert "Förslag till beslut" in preview and "Lunds kommun" in preview


def test_unsaved_changes_prompt(make_window, answers, tmp_path, monkeypatch):
    path = tmp_path / "a.tillit"
    save_case(make_window().case, path)
    window = make_window([str(path)])
    _edit_section(window, "bedomning", "Ny bedömning.")
    assert window.isWindowModified()

    answers["exec"] = [Btn.Cancel]
    assert not window.close()  # Avbryt keeps the window and the text
    assert window.isVisible()
    assert "Vill du spara ändringarna i a.tillit?" in answers["seen"][-1]

    answers["exec"] = [Btn.Save]
    assert window.close()
    assert load_case(path).case.sections["bedomning"] == "Ny bedömning."

    window = make_window([str(path)])
    _edit_section(window, "bedomning", " Mer.")
    answers["exec"] = [Btn.Discard]
    other = tmp_path / "b.tillit"
    save_case(window.case, other)
    assert window.open_path(other)  # opening another case asks too; Spara inte discards
    assert load_case(path).case.sections["bedomning"] == "Ny bedömning."
    assert len(answers["seen"]) == 3  # Avbryt, Spara, Spara inte: one prompt each


def test_autosave_crash_and_restore(make_window, answers, tmp_path):
    path = tmp_path / "mitt.tillit"
    save_case(make_window().case, path)
    before = path.read_bytes()
    window = make_window([str(path)])
    _edit_section(window, "bedomning", "Text som inte får försvinna.")
    assert window.autosave()
    drafts = list(app_paths().autosave_dir.glob("*.autosave"))
    assert drafts == [window.autosaver.path]
    assert path.read_bytes() == before  # never over the user's own file
    # the crash: the window is gone without closing (no prompt, no cleanup)
    window.autosave_timer.stop()
    window.hide()

    fresh = make_window()
    answers["question"] = [Btn.Yes, Btn.Yes]  # restore; and Spara writes to mitt.tillit
    assert fresh.offer_restore()
    assert "avslutades oväntat" in answers["seen"][-2]
    assert str(path) in answers["seen"][-1]  # the user confirms where Save will write
    assert fresh.case.sections["bedomning"] == "Text som inte får försvinna."
    assert fresh.path == path and fresh.isWindowModified()
    assert "återställt" in fresh.windowTitle()
    assert not drafts[0].exists()
    assert fresh.save()
    assert load_case(path).case.sections["bedomning"] == "Text som inte får försvinna."


def test_autosave_on_focus_loss_and_only_when_changed(window):
    assert not window.autosave()  # nothing changed
    _edit_section(window, "bedomning", "Ändrat.")
    window._app_state_changed(Qt.ApplicationState.ApplicationInactive)
    data = json.loads(window.autosaver.path.read_text())
    assert data["case"]["sections"]["bedomning"] == "Ändrat."
    assert not window.autosave()  # no change since the last draft
    window.set_dirty(False)
    window.close()
    assert not window.autosaver.path.exists()  # a clean close leaves no draft


def test_paste_of_5_mb_stays_plain_and_complete(window, qtbot):
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    line = "Förvaltningen bedömer att *detta* inte är formatering. "
    text = (line * 90 + "\n") * (5_000_000 // (len(line) * 90))
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml("<p><b>" + text.replace("\n", "</b></p><p><b>") + "</b></p>")
    assert len(mime.html()) > RICH_PASTE_LIMIT
    editor.insertFromMimeData(mime)
    assert editor.last_paste_was_plain
    window.refresh()  # preview and step states still work on the huge text
    assert "visar början" in window.preview.toPlainText()
    saved = window.case.sections["bedomning"]
    assert saved.count("Förvaltningen bedömer") == text.count("Förvaltningen bedömer")
    assert "\\*detta\\*" in saved  # typed asterisks stay text, not italics
    QApplication.processEvents()
    _edit_section(window, "sammanfattning", "Fortfarande skrivbar.")
    assert window.case.sections["sammanfattning"].startswith("Fortfarande skrivbar.")


def test_paste_from_word_keeps_only_the_subset(window):
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    mime = QMimeData()
    mime.setHtml(
        "<html><body><h1 style='color:red'>Bakgrund</h1>"
        "<p class=MsoNormal style='font-family:Garamond'><b>Fet</b> och <i>kursiv</i>"
        "<br>ny rad <a href='http://x'>länk</a><img src='x.png'></p>"
        "<p class=MsoListParagraph>·&nbsp;&nbsp;&nbsp;första</p>"
        "<p class=MsoListParagraph>·&nbsp;&nbsp;&nbsp;andra</p>"
        "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>"
        "</body></html>")
    editor.insertFromMimeData(mime)
    window.flush_editors()
    md = window.case.sections["bedomning"]
    assert md.startswith("### Bakgrund\n\n**Fet** och *kursiv*\nny rad länk")
    assert "- första\n- andra" in md
    assert "| a | b |\n|---|---|\n| 1 | 2 |" in md
    assert "http" not in md and "red" not in md and "Garamond" not in md


def test_broken_phrase_shows_error_not_crash(window, answers, qtbot):
    window.go_to("arendet")
    window.insert_phrase(Phrase("Trasig", "{{ finns_inte }}"))  # rendered in a thread
    qtbot.waitUntil(lambda: len(answers["warnings"]) == 1)
    assert "finns_inte" in answers["warnings"][-1]
    window.insert_phrase(Phrase("Trasig", "{{ x.__class__.__mro__ }}"))
    qtbot.waitUntil(lambda: len(answers["warnings"]) == 2)
    assert window.insert_phrase(Phrase("Hel", "Ärendet har beretts av {{ document.unit }}."))
    qtbot.waitUntil(lambda: "Ärendet har beretts av Kommunkontoret."
                    in window.state.section_text("arendet"))


def test_regenerating_decision_asks_before_overwriting(window, answers):
    window.go_to("forslag_till_beslut")
    page = window.section_pages["forslag_till_beslut"]
    original = window.case.sections["forslag_till_beslut"]
    answers["question"] = [Btn.No]
    page.builder.buttons["avsla"].click()
    page.builder.make.click()
    assert window.case.sections["forslag_till_beslut"] == original
    answers["question"] = [Btn.Yes]
    page.builder.make.click()
    assert window.case.sections["forslag_till_beslut"].startswith("att avslå motionen ”Tillit")
    page.builder.buttons["bifalla"].click()
    page.builder.make.click()  # our own generated text: replaced without asking
    assert len(answers["seen"]) == 2
    window.undo()  # and Ctrl+Z brings the previous text back (one step)
    window.flush_editors()
    assert window.case.sections["forslag_till_beslut"].startswith("att avslå")


def test_keyboard_navigation_and_accessible_names(window, qtbot):
    window.navigator.setFocus()
    ids = [s.id for s in window.navigator.steps]
    assert ids[0] == STEP_CASE and ids[1] == STEP_MOTION and ids[-1] == STEP_REVIEW
    for expected in ids[1:]:
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert window.navigator.current_id() == expected
        assert widget_names_missing(window) == [], expected
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_id() == ids[-2]


def test_profile_switch_keeps_text_and_list_undo(window):
    text = window.case.sections["arendet"]
    window.case_form.profile_requested.emit("generic")
    assert window.profile.id == "generic"
    assert window.case.sections["arendet"] == text
    assert window.case.sections["beredning"]  # not in generic: kept, printed last
    assert any("Beredning" in w for w in (window.refresh() or window.last_warnings))

    lists = window.case_form.lists["skickas_till"]
    n = len(window.case.skickas_till)
    lists.buttons["add"].click()
    lists.table.item(n, 0).setText("Tekniska nämnden")
    assert window.case.skickas_till[-1].name == "Tekniska nämnden"
    lists.table.setFocus()
    window.undo()
    assert window.case.skickas_till[-1].name == ""
    window.undo()
    assert len(window.case.skickas_till) == n
    window.redo()
    assert len(window.case.skickas_till) == n + 1


def test_pdf_without_libreoffice_says_so(window, answers):
    window.settings.soffice_path = "/finns/inte/soffice"
    assert not window.export_pdf()
    assert "LibreOffice hittades inte" in answers["warnings"][-1]
    assert "DOCX" in answers["warnings"][-1]


def test_drop_a_case_file_opens_it(window, qtbot, tmp_path):
    path = tmp_path / "släppt.tillit"
    case = window.case
    case.document.title = "Släppt ärende"
    save_case(case, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.path == path)
    assert "släppt.tillit" in window.windowTitle()


def test_recent_files_and_export_dialog(window, tmp_path, monkeypatch):
    path = tmp_path / "r.tillit"
    save_case(window.case, path)
    window.open_path(path)
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == ["r.tillit"]
    out = tmp_path / "utan-suffix"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    assert window.export_docx() == tmp_path / "utan-suffix.docx"


def test_editing_a_section_keeps_a_numbered_list_nested_in_bullets(make_window, tmp_path,
                                                                    qtbot):
    from PySide6.QtGui import QTextCursor

    from tillit_desk.example import load_example

    case = load_example()
    case.sections["bedomning"] = "- punkt\n  1. första\n  2. andra\n- sista"
    path = tmp_path / "lista.tillit"
    save_case(case, path)
    window = make_window([str(path)])
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, " nu")
    window.flush_editors()
    assert window.case.sections["bedomning"] == "- punkt\n  1. första\n  2. andra\n- sista nu"


def test_restored_draft_saves_only_where_the_user_confirmed(make_window, answers, tmp_path,
                                                            monkeypatch):
    """Issue 14.9: the draft's source is not trusted; without a yes, Save asks for a file."""
    path = tmp_path / "mitt.tillit"
    save_case(make_window().case, path)
    window = make_window([str(path)])
    _edit_section(window, "bedomning", "Utkast.")
    assert window.autosave()
    window.autosave_timer.stop()
    window.hide()
    before = path.read_bytes()

    fresh = make_window()
    answers["question"] = [Btn.Yes, Btn.No]  # restore, but not to that file
    assert fresh.offer_restore()
    assert fresh.path is None and fresh.isWindowModified()
    other = tmp_path / "ny.tillit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert fresh.save()
    assert path.read_bytes() == before
    assert load_case(other).case.sections["bedomning"] == "Utkast."


def test_hostile_settings_file_starts_with_defaults_and_a_note(make_window):
    app_paths().settings_file.parent.mkdir(parents=True, exist_ok=True)
    app_paths().settings_file.write_text('{"autosave_seconds": 1e999}', encoding="utf-8")
    window = make_window()
    assert window.autosave_timer.interval() == 60_000
    assert "autosave_seconds" in window.statusBar().currentMessage()


def test_date_field_follows_each_case_and_undo(make_window, tmp_path):
    """The date field shows the date of the case that is open: ISO dates in both forms that
    Python's ``date.fromisoformat`` reads; a half-typed date leaves the field alone and the text
    in the case. Undo of a date change puts the earlier date back in the field."""
    window = make_window()
    form = window.case_form
    assert form.date.date().toString("yyyy-MM-dd") == window.case.document.date
    for text, shown in (("2021-03-04", "2021-03-04"), ("20190807", "2019-08-07")):
        case = window.case
        case.document.date = text
        path = tmp_path / f"{text}.tillit"
        save_case(case, path)
        assert window.open_path(path)
        assert form.date.date().toString("yyyy-MM-dd") == shown
    before = form.date.date()
    window.case.document.date = "2019-0"  # half typed: kept as text, the field keeps its date
    form.set_case(window.case, window.profile)
    assert form.date.date() == before and window.case.document.date == "2019-0"
    window.case.document.date = "2019-08-07"
    form.date.setDate(before.addDays(3))
    assert window.case.document.date == "2019-08-10"
    window.undo()
    assert form.date.date() == before and window.case.document.date == "2019-08-07"
