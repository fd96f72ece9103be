"""Review workflow in the window: findings → text, statuses, comments, review DOCX, versions,
spelling underlines and the personal-data guard before export."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tillit_desk.fileformat import load_case, save_case
from tillit_desk.gui.review_marks import document_text
from tillit_desk.review import workflow as W
from tillit_desk.versions import CURRENT, list_versions

from .conftest import type_text

Btn = QMessageBox.StandardButton


def _full_check(window, qtbot):
    window.review.run_full_check()
    qtbot.waitUntil(lambda: window.review.full_done, timeout=20000)


def _item(window, excerpt, section="arendet"):
    items = [i for i in window.review.pane.finding_items() if i.text(1) == excerpt
             and window.review.pane.finding_of(i).section == section]
    assert items, [i.text(1) for i in window.review.pane.finding_items()]
    return items[0]


def _select_text(editor, text):
    """Select ``text`` in the editor as a user would (by document position)."""
    plain = document_text(editor.document())
    start = plain.index(text)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_clicking_a_finding_selects_its_text(window, qtbot):
    _full_check(window, qtbot)
    window.review.show_pane()
    pane = window.review.pane
    qtbot.waitExposed(pane.tree)
    # "Avseende" and "färdigställas" sit after headings, list items and italics in Ärendet,
    # so the Markdown offsets differ from the editor's: the mapping must still be exact.
    for excerpt in ("Avseende", "färdigställas", "i syfte att"):
        item = _item(window, excerpt)
        pane.tree.scrollToItem(item)
        rect = pane.tree.visualItemRect(item)
        point = QPoint(rect.left() + 12, rect.center().y())
        assert pane.tree.viewport().rect().contains(point), rect
        qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
        page = window.section_pages["arendet"]
        assert window.stack.currentWidget() is page
        assert page.editor.textCursor().selectedText() == excerpt
    # keyboard: Enter on a finding does the same
    window.go_to("sammanfattning")
    item = _item(window, "i syfte att")
    pane.tree.setCurrentItem(item)
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.section_pages["arendet"]


def test_live_check_finds_what_the_user_types(window, qtbot):
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    type_text(editor, "Här står TODO kvar.")
    marks = editor.marks
    qtbot.waitUntil(lambda: any(text == "TODO" for text, _f in marks.underlined()),
                    timeout=10000)
    finding = next(f for text, f in marks.underlined() if text == "TODO")
    assert finding.severity == "fel"
    position = document_text(editor.document()).index("TODO") + 1
    assert finding.message in marks.tooltip(position)
    assert finding in window.review.findings()  # the pane lists it without a full check


def test_statuses_show_in_navigator_are_saved_and_undoable(window, qtbot, tmp_path):
    window.go_to("arendet")
    pane = window.review.pane
    index = pane.status.findData(W.GRANSKAD)
    pane.status.setCurrentIndex(index)
    pane.status.activated.emit(index)
    window.go_to("beredning")
    window.review.set_status(W.KLAR)
    texts = {window.navigator.item(r).data(Qt.ItemDataRole.UserRole):
             window.navigator.item(r).text() for r in range(window.navigator.count())}
    assert "Granskad" in texts["arendet"]
    assert "Klar för granskning" in texts["beredning"]
    assert "Granskad" not in texts["sammanfattning"]
    assert window.isWindowModified()
    path = tmp_path / "status.tillit"
    assert window._save_to(path)
    saved = load_case(path).case
    assert W.section_status(saved, "arendet") == W.GRANSKAD
    assert W.section_status(saved, "beredning") == W.KLAR
    window.undo_stack.undo()
    assert W.section_status(window.case, "beredning") == W.UTKAST
    row = next(r for r in range(window.navigator.count())
               if window.navigator.item(r).data(Qt.ItemDataRole.UserRole) == "beredning")
    assert "Klar för granskning" not in window.navigator.item(row).text()


def test_comments_add_resolve_and_export_as_word_comments(window, qtbot, tmp_path):
    window.settings.name = "Vesna Casitovski"
    window.review.pane.author.setText("Vesna Casitovski")
    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    _select_text(editor, "horisontell målstyrning")
    pane = window.review.pane
    pane.new_comment.setPlainText("Förklara begreppet.")
    qtbot.mouseClick(pane.add, Qt.MouseButton.LeftButton)
    _select_text(editor, "planeringsdirektivet")
    window.review.add_comment("Den här är redan åtgärdad.")
    found = W.comments(window.case, section="arendet")
    assert [c.quote for c in found] == ["horisontell målstyrning", "planeringsdirektivet"]
    assert found[0].author == "Vesna Casitovski" and found[0].created
    assert pane.comments.count() == 2
    assert "Förklara begreppet." in pane.comments.item(0).text()

    pane.comments.setCurrentRow(1)
    qtbot.mouseClick(pane.toggle, Qt.MouseButton.LeftButton)  # resolve
    assert W.comments(window.case, open_only=True)[0].text == "Förklara begreppet."
    assert "löst av Vesna Casitovski" in pane.comments.item(1).text()
    assert pane.toggle.text() == "Öppna igen"
    qtbot.mouseClick(pane.toggle, Qt.MouseButton.LeftButton)  # reopen
    assert len(W.comments(window.case, open_only=True)) == 2
    qtbot.mouseClick(pane.toggle, Qt.MouseButton.LeftButton)  # resolve again

    out = window.review.export_review(tmp_path / "granskning.docx")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    assert "Förklara begreppet." in xml and 'w:author="Vesna Casitovski"' in xml
    assert "redan åtgärdad" not in xml  # resolved comments stay out of the Word file
    assert "commentRangeStart" in body

    # the comment is stored in the case file, and a click on it selects its text
    path = tmp_path / "kommentar.tillit"
    assert window._save_to(path)
    assert W.comments(load_case(path).case)[0].text == "Förklara begreppet."
    window.go_to("beredning")
    assert window.review.show_comment(found[0])
    assert editor.textCursor().selectedText() == "horisontell målstyrning"


def test_save_and_compare_versions(window, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Till granskning", True)))
    assert window.review.save_version()
    window.go_to("beredning")
    editor = window.section_pages["beredning"].editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " Kompletterat efter granskningen.")
    dialog = window.review.compare_versions()
    labels = [dialog.old.itemText(i) for i in range(dialog.old.count())]
    assert labels[0].startswith("Till granskning") and labels[-1] == "Nuvarande text"
    assert dialog.old.currentText().startswith("Till granskning")
    assert dialog.new.currentData() == CURRENT
    shown = dialog.view.toPlainText()
    assert "Beredning" in shown and "Kompletterat efter granskningen." in shown
    assert "Ärendet har beretts av kommunkontoret." in shown  # the old line, left side
    assert "Sammanfattning" not in shown  # unchanged sections are hidden
    dialog.changed_only.setChecked(False)
    assert "Sammanfattning" in dialog.view.toPlainText()
    dialog.changed_only.setChecked(True)
    version = list_versions(window.case)[0]
    dialog.select(version.id, version.id)
    assert "Inga skillnader" in dialog.view.toPlainText()
    dialog.close()


def test_spelling_underline_suggestions_and_add_to_dictionary(window, qtbot):
    qtbot.waitUntil(lambda: window.review.checks.speller is not None, timeout=60000)
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    type_text(editor, "Kommunen har ett stavningsfell i texten.")
    marks = editor.marks
    qtbot.waitUntil(lambda: any(t == "stavningsfell" for t, _f in marks.underlined()),
                    timeout=20000)
    wavy = [s for s in editor.extraSelections() if s.cursor.selectedText() == "stavningsfell"]
    assert wavy[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert all(t != "Kommunen" for t, _f in marks.underlined())  # correct words stay clean

    position = document_text(editor.document()).index("stavningsfell") + 2
    rect = editor.cursorRect(_cursor_at(editor, position))
    menu = editor.context_menu(rect.center())
    names = [a.objectName() for a in menu.actions()]
    assert "add_word" in names
    assert "pending_suggestions" in names or "suggestion" in names
    qtbot.waitUntil(lambda: window.review.checks.suggestions.get("stavningsfell") is not None,
                    timeout=60000)
    add = next(a for a in menu.actions() if a.objectName() == "add_word")
    assert add.text() == "Lägg till i ordlista"
    add.trigger()
    qtbot.waitUntil(lambda: all(t != "stavningsfell" for t, _f in marks.underlined()),
                    timeout=20000)
    assert "stavningsfell" in window.paths.dictionary_file.read_text(encoding="utf-8")
    menu.deleteLater()


def _cursor_at(editor, position):
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return cursor


def test_personal_data_asks_before_export(window, answers, tmp_path):
    window.go_to("bedomning")
    type_text(window.section_pages["bedomning"].editor, "Den enskilde har nummer 811218-9876.")
    out = tmp_path / "ut.docx"
    answers["exec"] = [Btn.Cancel, Btn.Cancel]
    assert window.export_docx(out) is None
    assert not out.exists()
    assert "811218-9876" in answers["seen"][-1] and "Vill du exportera ändå?" in answers["seen"][-1]
    assert window.export_pdf(tmp_path / "ut.pdf") is False  # PDF asks too
    answers["exec"] = [Btn.Yes]
    assert window.export_docx(out) == out and out.exists()


def test_ignored_personal_data_no_longer_blocks(window, answers, tmp_path):
    path = tmp_path / "pnr.tillit"
    window.case.sections["bedomning"] = "Nummer 811218-9876 ska stå kvar."
    save_case(window.case, path)
    assert window.open_path(path)
    finding = window.review.checks.personal_data(window.case, window.profile)[0]
    window.review.ignore_finding(finding)
    assert window.review.confirm_export()  # no prompt: the finding is marked as not a problem
    assert answers["seen"] == []
    window.undo_stack.undo()
    assert window.review.checks.personal_data(window.case, window.profile)


def test_review_controls_have_accessible_names(window, qtbot, monkeypatch):
    from tillit_desk.gui.mainwindow import widget_names_missing

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("V1", True)))
    window.go_to("arendet")
    window.review.show_pane()
    for tab in range(window.review.pane.tabs.count()):
        window.review.pane.tabs.setCurrentIndex(tab)
        assert widget_names_missing(window) == []
    window.review.save_version()
    dialog = window.review.compare_versions()
    assert widget_names_missing(dialog) == []
    dialog.close()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Granskning" in menus


def test_review_pane_is_a_tab_beside_the_preview(window, qtbot):
    window.resize(1280, 800)
    assert window.preview.isVisible()
    sizes = window.splitter.sizes()
    window.review.show_pane()
    assert window.review.dock.isVisible()
    assert not window.preview.isVisible()  # the other tab
    assert window.splitter.sizes() == sizes  # nothing squeezed
    window.review.pane_action.trigger()  # Ctrl+Shift+G again: back to the preview
    qtbot.waitUntil(lambda: window.preview.isVisible())
