"""What a handläggare does: new case, fill in, write, format, add a phrase, decide, save,
reopen, export."""

from __future__ import annotations

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tillit_desk.fileformat import load_case
from tillit_desk.steps import DONE, STEP_CASE, STEP_MOTION

from .conftest import type_text

YES = QMessageBox.StandardButton.Yes


def _fill_list(editor, rows):
    for row in rows:
        editor.buttons["add"].click()
        r = editor.table.rowCount() - 1
        for c, value in enumerate(row):
            editor.table.item(r, c).setText(value)


def _select(editor, word):
    cursor = editor.document().find(word)
    assert not cursor.isNull(), word
    editor.setTextCursor(cursor)


def test_new_case_to_docx(window, qtbot, tmp_path, monkeypatch, answers):
    # Nytt från profil: the dialog is answered by choosing Lunds kommun and a motion answer
    from tillit_desk.gui import dialogs

    def accept(dlg):
        dlg.profile.setCurrentIndex(dlg.profile.findData("lund-kommun"))
        dlg.motion.setChecked(True)
        return dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NewCaseDialog, "exec", accept)
    window.settings.name = "Anna Andersson"
    assert window.new_case()
    assert window.profile.id == "lund-kommun"
    assert window.case_form.ref_name.text() == "Anna Andersson"  # prefilled from settings

    # Ärendeuppgifter
    form = window.case_form
    assert form.dnr.placeholderText() == "KS 2022/0086"
    type_text(form.title_edit, "Svar på motion om cykelvägar")
    type_text(form.dnr, "KS 22/86")
    assert "inte" in form.dnr_status.text()
    form.dnr.clear()
    type_text(form.dnr, "KS 2023/0101")
    assert form.dnr_status.text().startswith("✓")
    _fill_list(form.lists["signatures"], [])
    form.lists["signatures"].table.item(0, 0).setText("Karin Ek")
    _fill_list(form.lists["underlag"], [("Kommunkontorets tjänsteskrivelse", "2023-03-01")])
    assert window.case.document.title == "Svar på motion om cykelvägar"
    assert window.case.signatories[0].name == "Karin Ek"
    assert window.case.underlag[0].date == "2023-03-01"

    # Motion
    window.go_to(STEP_MOTION)
    page = window.motion_page
    type_text(page.title_edit, "Fler cykelvägar")
    type_text(page.submitted, "2023-01-20")
    _fill_list(page.motionarer, [("Bo Berg", "S"), ("Anna Al", "V")])
    _fill_list(page.yrkanden, [("att bygga cykelväg A",), ("att bygga cykelväg B",),
                               ("att bygga cykelväg C",)])
    assert window.case.motion.yrkanden[2] == "att bygga cykelväg C"

    # Every text section: type, and format
    for spec in window.profile.text_sections():
        if spec.kind == "decision":
            continue
        window.go_to(spec.id)
        sp = window.section_pages[spec.id]
        assert window.stack.currentWidget() is sp
        type_text(sp.editor, f"Text om {spec.heading.lower()} med viktigt ord.")
        _select(sp.editor, "viktigt")
        sp.actions_by_name["bold"].trigger()
    window.go_to("arendet")
    arendet = window.section_pages["arendet"]
    cursor = arendet.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    arendet.editor.setTextCursor(cursor)
    type_text(arendet.editor, "Bakgrund")
    qtbot.keyClick(arendet.editor, Qt.Key.Key_Return)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    arendet.editor.setTextCursor(cursor)
    arendet.actions_by_name["heading"].trigger()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    arendet.editor.setTextCursor(cursor)
    qtbot.keyClick(arendet.editor, Qt.Key.Key_Return)
    arendet.actions_by_name["bullets"].trigger()
    type_text(arendet.editor, "en punkt")
    _select(arendet.editor, "med")
    arendet.actions_by_name["italic"].trigger()

    # A standard phrase, rendered with the motion's data, inserted with one click
    cursor.movePosition(QTextCursor.MoveOperation.End)
    arendet.editor.setTextCursor(cursor)
    qtbot.keyClick(arendet.editor, Qt.Key.Key_Return)
    qtbot.keyClick(arendet.editor, Qt.Key.Key_Return)  # second Return leaves the list
    phrases = window.help_pane.phrases
    item = next(phrases.item(i) for i in range(phrases.count())
                if phrases.item(i).text() == "Motionen återges")
    phrases.itemClicked.emit(item)
    qtbot.waitUntil(lambda: not window.phrases.busy())  # rendered in a worker thread
    window.flush_editors()
    arendet_md = window.case.sections["arendet"]
    assert arendet_md.startswith("### Bakgrund\n\nText om ärendet *med* **viktigt** ord.")
    assert "- en punkt" in arendet_md
    assert "Bo Berg (S) och Anna Al (V) har 20 januari 2023 lämnat en motion" in arendet_md
    assert "- att bygga cykelväg B" in arendet_md

    # Förslag till beslut: bifalla att-sats 1 och 3, avslå i övrigt
    window.go_to("forslag_till_beslut")
    builder = window.section_pages["forslag_till_beslut"].builder
    builder.buttons["delvis"].click()
    builder.checks[0].setChecked(True)
    builder.checks[2].setChecked(True)
    builder.make.click()
    decision = window.case.sections["forslag_till_beslut"]
    assert "att bifalla motionen ”Fler cykelvägar” från Bo Berg (S) och Anna Al (V) vad " \
           "gäller att-satserna 1 och 3," in decision
    assert "att i övrigt avslå motionen." in decision

    window.refresh()
    steps = {s.id: s for s in window.navigator.steps}
    assert steps["sammanfattning"].state == DONE and steps["forslag_till_beslut"].state == DONE
    assert steps[STEP_CASE].state == DONE
    assert window.isWindowModified()

    # Spara, stäng, öppna igen: identical text
    target = tmp_path / "cykel.tillit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), FILTER)))
    assert window.save()
    assert not window.isWindowModified() and "cykel.tillit" in window.windowTitle()
    saved = window.case.to_dict()
    assert window.close()
    from tillit_desk.gui.app import create_window

    again = create_window([str(target)])
    try:
        assert again.case.to_dict() == saved
        assert load_case(target).case.sections == window.case.sections
        assert not again.isWindowModified()

        # Exportera DOCX and read it back
        out = tmp_path / "cykel.docx"
        assert again.export_docx(out) == out
    finally:
        again.close()
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    body = "\n".join(texts)
    assert "Bakgrund" in texts
    assert "en punkt" in texts
    assert "vad gäller att-satserna 1 och 3," in body
    assert any(r.bold and r.text == "viktigt" for p in document.paragraphs for r in p.runs)
    assert any(r.italic and r.text == "med" for p in document.paragraphs for r in p.runs)
    assert "Karin Ek" in body or any("Karin Ek" in c.text for t in document.tables
                                     for row in t.rows for c in row.cells)


FILTER = "Tillit-ärenden (*.tillit)"
