"""Start-up builds only what the first painted window shows; the rest is built on first use and
must then work exactly as before: real keystrokes, clicks and widget state."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from tillit_desk.gui.review_marks import document_text
from tillit_desk.steps import STEP_MOTION, STEP_REVIEW

from .conftest import type_text


def _click_step(window, qtbot, step_id: str) -> None:
    """Click the step's row in the navigator, as a user would."""
    nav = window.navigator
    row = next(r for r in range(nav.count()) if nav.item(r).data(256) == step_id)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 20, rect.center().y()))
    assert window.navigator.current_id() == step_id


def test_start_builds_only_what_is_on_screen(window):
    assert window._motion_page is None
    assert window.review._pane is None and window.review._dock is None
    assert window.section_pages == {}
    assert window.stack.count() == 1  # Ärendeuppgifter (pages no longer set the width)
    assert window._review_page is None
    assert window.centre.orientation() == Qt.Orientation.Vertical
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    # every window action keeps the window-wide shortcut context
    actions = [a for a in window.findChildren(QAction) if a.parent() is window]
    assert actions and all(a.shortcutContext() == Qt.ShortcutContext.WindowShortcut
                           for a in actions)


def test_work_deferred_until_the_first_paint_runs(make_window, qtbot):
    window = make_window()
    ran: list[bool] = []
    window.when_painted(lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])
    assert window._painted
    assert window._after_paint == []


def test_review_pane_shortcut_builds_and_toggles_it(window, qtbot):
    assert window.review._dock is None
    qtbot.keyClick(window, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dock = window.review.dock
    qtbot.waitUntil(dock.isVisible)
    assert window.review.pane_action.isChecked()
    assert window.review.pane.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not window.review.pane_action.isChecked()
    window.side.setCurrentWidget(dock)  # its tab clicked: the menu follows
    qtbot.waitUntil(window.review.pane_action.isChecked)


def test_menu_bar_context_menu_offers_the_pane_before_and_after_it_is_built(window, qtbot):
    def texts():
        menu = window.createPopupMenu()
        found = [a.text() for a in menu.actions() if not a.isSeparator()]
        menu.deleteLater()
        return found

    assert texts() == ["Visa &granskningspanel"]
    next(a for a in window.createPopupMenu().actions()).trigger()
    qtbot.waitUntil(lambda: window.review._dock is not None and window.review.dock.isVisible())
    assert texts() == ["Visa &granskningspanel"]


def test_review_pane_built_late_shows_the_earlier_results(window, qtbot):
    window.go_to("arendet")
    window.review.run_full_check()
    qtbot.waitUntil(lambda: window.review.full_done, timeout=20000)
    assert window.review._pane is None
    window.review.pane_action.trigger()
    pane = window.review.pane
    assert pane.finding_items(), "findings from before the pane existed"
    assert "Hela ärendet granskas" not in pane.summary.text()
    assert "Ärendet" in pane.section_label.text()
    pane.tabs.setCurrentIndex(1)
    type_text(pane.new_comment, "Kolla siffrorna.")
    qtbot.mouseClick(pane.add, Qt.MouseButton.LeftButton)
    assert pane.comments.count() == 1
    assert [c["text"] for c in window.case.review["comments"]] == ["Kolla siffrorna."]


def test_motion_page_built_on_first_use_then_edits_the_case(window, qtbot):
    assert window._motion_page is None
    _click_step(window, qtbot, STEP_MOTION)
    page = window.motion_page
    assert window.stack.currentWidget() is page
    assert page.title_edit.text() == window.case.motion.title  # filled from the case
    page.title_edit.setFocus()
    page.title_edit.selectAll()
    type_text(page.title_edit, "Ny rubrik")
    assert window.case.motion.title == "Ny rubrik"
    assert window.isWindowModified()
    # a whole-case change after it exists still refreshes it (undo of a profile switch)
    window.undo_stack.clear()
    window.change_profile(next(p.id for p in window.registry.all()
                               if p.id != window.profile.id))
    window.undo_stack.undo()  # (Ctrl+Z in the focused title field would undo the typing)
    assert window._motion_page is page
    assert page.title_edit.text() == "Ny rubrik"


def test_review_page_shows_warnings_summary_and_opens_the_pane(window, qtbot):
    window.refresh()
    for _ in range(window.navigator.count()):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current_id() == STEP_REVIEW
    page = window.review_page
    assert window.stack.currentWidget() is page
    shown = [page.warnings.item(i).text() for i in range(page.warnings.count())]
    assert shown == (window.last_warnings
                     or ["Inga varningar: dokumentet är klart att exportera."])
    qtbot.waitUntil(lambda: window.review.full_done, timeout=20000)
    assert page.review_summary.text().startswith("Granskning: ")
    window.review.dock.hide()
    qtbot.mouseClick(page.show_pane, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.review.dock.isVisible)


def test_underlines_of_a_hidden_editor_are_placed_when_it_is_shown(window, qtbot):
    window.go_to("bedomning")
    page = window.section_pages["bedomning"]
    editor = page.editor
    type_text(editor, "Här står TODO kvar.")
    marks = editor.marks
    qtbot.waitUntil(lambda: any(t == "TODO" for t, _f in marks.underlined()), timeout=10000)
    findings, markdown = list(marks.findings), page.markdown()
    window.go_to("arendet")
    assert not editor.isVisible()
    marks.apply(markdown, findings)  # a check result arriving while the editor is hidden
    assert marks.underlined() == []
    window.go_to("bedomning")
    assert any(t == "TODO" for t, _f in marks.underlined())
    position = document_text(editor.document()).index("TODO") + 1
    assert "TODO" in marks.tooltip(position) or marks.at(position)


def test_app_state_follows_after_the_first_paint(make_window, qtbot, monkeypatch):
    window = make_window()
    qtbot.waitUntil(lambda: window._painted and not window._after_paint)
    saved: list[bool] = []
    monkeypatch.setattr(window, "autosave", lambda: saved.append(True) or True)
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert saved == [True]


def test_hidden_editors_are_spell_checked_when_shown(window, qtbot):
    window.go_to("arendet")
    window.go_to("bedomning")
    review = window.review
    qtbot.waitUntil(lambda: {"arendet", "bedomning"} <= set(review.live), timeout=10000)
    review._speller_ready()  # what the dictionary arriving does
    assert "arendet" not in review.live  # the full check stands for the hidden editor
    assert "arendet" in review._check_when_shown
    qtbot.waitUntil(review.idle, timeout=20000)
    window.go_to("arendet")
    assert "arendet" not in review._check_when_shown
    qtbot.waitUntil(lambda: "arendet" in review.live, timeout=10000)
