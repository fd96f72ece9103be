"""Importera från Word in the window: drop a DOCX, review the mapping, decide on suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from wordimport import chef as C
from wordimport import foreign as F

from tillit_desk.export.docx import render_docx
from tillit_desk.gui import word_import
from tillit_desk.wordimport import suggestions as S

from .conftest import drop_file

seen: dict = {}


def _review_mapping(monkeypatch, choose: dict[str, str] | None = None):
    """The user reads the mapping, optionally changes rows, and presses Importera."""
    def press_import(dialog):
        table = dialog.findChild(word_import.QTableWidget, "word_mapping")
        rows = {table.item(r, 0).text(): table.cellWidget(r, 1) for r in range(table.rowCount())}
        seen["rows"] = {h: combo.currentText() for h, combo in rows.items()}
        for heading, label in (choose or {}).items():
            combo = rows[heading]
            combo.setCurrentIndex(combo.findText(label))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(word_import.WordImportDialog, "exec", press_import)


def _click_on(qtbot, panel, suggestion_id: str, button) -> None:
    assert panel.select(suggestion_id)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_drop_review_accept_two_reject_one_and_undo(window, qtbot, monkeypatch, tmp_path):
    original = window.case.to_dict()
    data, _ = render_docx(window.case, window.profile)
    path = tmp_path / "chef.docx"
    path.write_bytes(C.chef_edits(data))
    _review_mapping(monkeypatch)
    drop_file(window, path)
    panel = None
    qtbot.waitUntil(lambda: window.findChild(word_import.SuggestionsPanel) is not None)
    panel = window.findChild(word_import.SuggestionsPanel)
    assert seen["rows"]["Underlag för beslutet"] == "Underlag för beslutet"
    assert seen["rows"]["Barnets bästa"] == "Barnets bästa"
    # four suggestions, each attributed, nothing applied yet
    labels = [panel.tree.topLevelItem(i).child(k).text(0)
              for i in range(panel.tree.topLevelItemCount())
              for k in range(panel.tree.topLevelItem(i).childCount())]
    assert len(labels) == 4
    assert any(C.CHEF in label and "Infoga" in label for label in labels)
    assert window.case.sections == original["sections"]
    by = {(s.section, s.change): s for s in S.suggestions(window.case)}
    insert = by[("ekonomiska_konsekvenser", "insert")]
    delete = by[("barnets_basta", "delete")]
    sentence = next(s for s in S.suggestions(window.case) if s.section == "sammanfattning"
                    and "utgångspunkt" in s.old)
    # a click on a suggestion shows its words in the editor
    assert panel.select(delete.id)
    panel.tree.itemClicked.emit(panel.tree.currentItem(), 0)
    editor = window.section_pages["barnets_basta"].editor
    assert window.navigator.current_id() == "barnets_basta"
    assert editor.textCursor().selectedText().strip() == C.CHILD_DELETED.strip()
    _click_on(qtbot, panel, insert.id, panel.accept_button)
    _click_on(qtbot, panel, delete.id, panel.accept_button)
    _click_on(qtbot, panel, sentence.id, panel.reject_button)
    assert window.case.sections["ekonomiska_konsekvenser"] == C.ECONOMY + C.INSERTED
    assert window.case.sections["barnets_basta"] == C.CHILD.replace(C.CHILD_DELETED, "")
    assert S.get(window.case, sentence.id).status == S.REJECTED
    assert "1 av 4 ändringar" in panel.summary.text()
    # undo the last decision: the rejected change is open again, the accepted stay
    window.navigator.setFocus()
    window.undo()
    assert S.get(window.case, sentence.id).status == S.OPEN
    assert "2 av 4 ändringar" in panel.summary.text()
    assert window.case.sections["ekonomiska_konsekvenser"] == C.ECONOMY + C.INSERTED
    window.refresh()
    preview = window.preview.toPlainText()
    assert "Arbetet ryms i befintlig budget." in preview
    assert "relevant i ärendet" not in preview
    assert C.OLD_SENTENCE in preview  # still as exported until decided
    # the comment is a review comment on its words
    from tillit_desk.review.workflow import anchor, comments

    (comment,) = comments(window.case)
    start, end = anchor(window.case, comment)
    assert window.case.sections["sammanfattning"][start:end] == C.COMMENTED


def test_menu_import_of_a_foreign_document_with_a_changed_mapping(window, qtbot, monkeypatch,
                                                                  tmp_path):
    path = tmp_path / "bankar.docx"
    path.write_bytes(F.foreign_docx())
    _review_mapping(monkeypatch, {"Uppföljning": "Bedömning"})
    monkeypatch.setattr(word_import.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.findChild(type(window.import_motion_action), "import_word").trigger()
    qtbot.waitUntil(lambda: window.case.document.diarienummer == F.DNR)
    assert seen["rows"]["Överväganden"] == "Bedömning"
    assert seen["rows"]["Uppföljning"] == word_import.CUSTOM_LABEL
    bedomning = window.case.sections["bedomning"]
    assert bedomning.startswith(F.SECTIONS[4][1][0])
    assert bedomning.endswith("### Uppföljning\n\n" + F.SECTIONS[7][1][0])
    # another document than the open case: a new, unsaved case, as Öppna (nothing to undo)
    assert window.state.path is None and window.isWindowModified()
    assert window.windowTitle().startswith("Namnlöst ärende (från bankar.docx)")
    assert not window.undo_stack.canUndo()


def test_changes_of_a_saved_case_are_shown_from_the_menu(window, qtbot, tmp_path):
    from tillit_desk.fileformat import save_case
    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.wordimport.importer import build_case
    from tillit_desk.wordimport.mapping import read_plan

    data, _ = render_docx(window.case, window.profile)
    result = build_case(read_plan(C.chef_edits(data), ProfileRegistry(user_dir=None)))
    path = tmp_path / "svar.tillit"
    save_case(result.case, path)
    assert window.open_path(path)
    window.findChild(type(window.import_motion_action), "word_changes").trigger()
    panel = window.findChild(word_import.SuggestionsPanel)
    assert panel.isVisible()
    assert "4 av 4 ändringar" in panel.summary.text()
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert window.case.sections["barnets_basta"] == C.CHILD.replace(C.CHILD_DELETED, "")
    assert "Inga" not in panel.summary.text() and "0 av 4" in panel.summary.text()


def test_switching_the_profile_in_the_dialog_maps_again(qtbot, tmp_path):
    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.wordimport.mapping import read_plan

    path = tmp_path / "bankar.docx"
    path.write_bytes(F.foreign_docx())
    registry = ProfileRegistry(user_dir=None)
    dialog = word_import.WordImportDialog(None, read_plan(path, registry,
                                                          profile_id="generic"),
                                          registry, path)
    qtbot.addWidget(dialog)
    table = dialog.table

    def label_for(heading: str) -> str:
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == heading)
        return table.cellWidget(row, 1).currentText()

    assert label_for("Överväganden") == "Bedömning"
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData("region-skane"))
    assert dialog.plan.profile.id == "region-skane"
    assert label_for("Överväganden") == "Överväganden"
    assert label_for("Förslag till beslut") == "Ordförandens förslag"
    combo = table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(word_import.SKIP))
    plan = dialog.apply_mapping()
    assert plan.sections[0].target == word_import.SKIP


def test_dialog_and_panel_widgets_have_accessible_names(window, qtbot, tmp_path):
    from tillit_desk.gui.mainwindow import widget_names_missing
    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.wordimport.mapping import read_plan

    path = tmp_path / "bankar.docx"
    path.write_bytes(F.foreign_docx())
    registry = ProfileRegistry(user_dir=None)
    dialog = word_import.WordImportDialog(window, read_plan(path, registry), registry, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert widget_names_missing(dialog) == []
    panel = word_import.suggestions_panel(window)
    panel.show()
    assert widget_names_missing(panel) == []


def test_a_suggestion_in_an_added_section_is_listed_under_its_heading(window, qtbot,
                                                                     monkeypatch, tmp_path):
    from wordimport.docxedit import W, rewrite, xml_edit

    from tillit_desk.section_layout import add_section

    added = add_section(window.case, "Uppföljning", after="bedomning")
    window.case.sections[added.id] = "Parkförvaltningen redovisar utfallet."
    data, _ = render_docx(window.case, window.profile)

    def edit(root) -> None:
        for t in root.iter(W + "t"):
            if t.text == "Parkförvaltningen redovisar utfallet.":
                t.text = "Parkförvaltningen redovisar utfallet i årsrapporten."
    path = tmp_path / "uppfoljning.docx"
    path.write_bytes(rewrite(data, {"word/document.xml": xml_edit(edit)}))
    _review_mapping(monkeypatch)
    drop_file(window, path)
    qtbot.waitUntil(lambda: window.findChild(word_import.SuggestionsPanel) is not None)
    panel = window.findChild(word_import.SuggestionsPanel)
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["Uppföljning"]
    assert [s.section for s in S.suggestions(window.case)] == [added.id]


def test_a_decision_without_a_heading_is_shown_as_such_in_the_dialog(qtbot):
    """A Stockholm utlåtande prints its decision before the first heading: the dialog names
    the row so the user can see where the decision went."""
    from wordimport import real_word as R

    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.wordimport.mapping import read_plan

    registry = ProfileRegistry(user_dir=None)
    name = "stockholm-utlatande-motion-2017-50.txt"
    dialog = word_import.WordImportDialog(None, read_plan(R.build(name), registry), registry,
                                          R.FOLDER / name)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.item(0, 0).text() == word_import.NO_HEADING
    combo = table.cellWidget(0, 1)
    assert combo.currentText() == "Förslag till beslut"
    assert combo.accessibleName() == f"Avsnitt för {word_import.NO_HEADING}"
