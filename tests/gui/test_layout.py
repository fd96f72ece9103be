"""The window at 1280×800 and 1024×700 (issue 12): the review pane sits in a tab beside the
preview and never squeezes the editor; no pane changes width between steps; the preview
follows the section being edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

USABLE_EDITOR = 440  # px: a line of about 60 characters
USABLE_NAVIGATOR = 170


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_panes_keep_their_widths_across_steps_and_the_review_pane(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    QApplication.processEvents()
    first = window.splitter.sizes()
    seen = {}
    for step in window.navigator.steps:
        window.go_to(step.id)
        QApplication.processEvents()
        seen[step.id] = window.splitter.sizes()
    assert all(s == first for s in seen.values()), seen
    nav, centre, side = first
    assert nav >= USABLE_NAVIGATOR and centre >= USABLE_EDITOR and side >= 280
    assert window.review.pane.isVisible()  # Granska och exportera opened it, as a tab
    window.show_preview(True)
    QApplication.processEvents()
    assert window.preview.isVisible()

    window.review.show_pane()
    QApplication.processEvents()
    assert window.review.pane.isVisible()
    assert window.splitter.sizes() == first  # beside the preview, in its place: no squeeze
    window.go_to("arendet")
    assert window.section_pages["arendet"].editor.width() >= USABLE_EDITOR - 20
    window.show_preview(True)
    QApplication.processEvents()
    assert window.preview.isVisible() and not window.review.pane.isVisible()
    assert window.splitter.sizes() == first


def _heading_visible(window, heading: str) -> bool:
    doc = window.preview.document()
    cursor = doc.find(heading)
    assert not cursor.isNull(), heading
    rect = window.preview.cursorRect(cursor)
    return 0 <= rect.top() < window.preview.viewport().height()


def test_preview_follows_the_section_being_edited(window, qtbot):
    window.resize(1280, 800)
    window.refresh()
    last = [s for s in window.profile.text_sections() if window.case.section(s.id).strip()][-1]
    window.go_to(last.id)
    qtbot.waitUntil(lambda: _heading_visible(window, last.heading), timeout=3000)
    first = [s for s in window.profile.text_sections() if window.case.section(s.id).strip()][0]
    window.go_to(first.id)
    qtbot.waitUntil(lambda: _heading_visible(window, first.heading), timeout=3000)


def test_help_text_takes_the_width_the_phrases_leave(window, qtbot):
    """A step without standard phrases gives its help text the whole help pane; a section
    with phrases shows them beside it."""
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    help_pane = window.help_pane
    QApplication.processEvents()
    assert not help_pane.phrases.isVisible()
    assert help_pane.text.width() >= help_pane.width() - 30
    with_phrases = next(s.id for s in window.profile.text_sections() if s.phrases)
    window.go_to(with_phrases)
    QApplication.processEvents()
    assert help_pane.phrases.isVisible() and help_pane.phrases.count() > 0
    assert help_pane.text.width() < help_pane.width() * 0.7


def test_diarienummer_check_takes_one_line_in_the_form(window, qtbot):
    """The ✓ under the diarienummer is one line of text, not a tall gap in the form."""
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    status = window.case_form.dnr_status
    qtbot.waitUntil(lambda: status.text().startswith("✓"))  # checked after the first paint
    qtbot.wait(200)  # the form lays its rows out again for the new text
    assert status.height() <= status.fontMetrics().lineSpacing() + 4


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_review_findings_show_their_whole_message(window, qtbot, size):
    """A finding's message wraps in the Granskning pane instead of ending in "…": it was one
    line in a 230 px column beside an empty Utdrag column ("Fel: Avsnittet …")."""
    window.resize(*size)
    window.review.show_pane()  # the example: "Underlag för beslutet (2)", bold, at 1024
    qtbot.waitUntil(lambda: len(window.review.pane.finding_items()) >= 4, timeout=10000)
    assert window.new_case("malmo-stad", motion=True)
    qtbot.waitUntil(lambda: len(window.review.pane.finding_items()) >= 4, timeout=10000)
    tree = window.review.pane.tree
    QApplication.processEvents()
    pane = window.review.pane
    headings = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    for item in pane.finding_items() + headings:  # the headings are bold
        metrics = QFontMetrics(item.font(0))
        rect = tree.visualItemRect(item)  # column 0: the message
        width = tree.columnWidth(0) - (rect.x() - tree.columnViewportPosition(0)) - 8
        needed = metrics.boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap,
                                      item.text(0)).height()
        assert rect.height() >= needed, (item.text(0), rect, tree.columnWidth(0))
    assert tree.columnViewportPosition(0) + tree.columnWidth(0) <= tree.viewport().width()


def test_a_long_excerpt_does_not_stretch_its_finding(window, qtbot):
    """The Utdrag column shows one line (the whole excerpt is in the tooltip): a 34-word
    sentence wrapped in the narrow column made one finding a screen tall."""
    window.review.show_pane()
    window.review.run_full_check()
    pane = window.review.pane
    qtbot.waitUntil(lambda: any(len(i.text(1)) > 150 for i in pane.finding_items()),
                    timeout=15000)
    QApplication.processEvents()
    tree = pane.tree
    metrics = tree.fontMetrics()
    for item in pane.finding_items():
        rect = tree.visualItemRect(item)
        width = tree.columnWidth(0) - (rect.x() - tree.columnViewportPosition(0)) - 8
        needed = metrics.boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap,
                                      item.text(0)).height()
        assert rect.height() <= needed + metrics.height(), (item.text(1)[:40], rect.height())
        assert item.toolTip(1) == item.text(1)
