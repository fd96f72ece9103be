"""The review pane follows the case's own sections: a finding in a section the case added
opens that section's page and selects the text, like a finding in a profile section."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tillit_desk.fileformat import save_case
from tillit_desk.section_layout import add_section


def test_clicking_a_finding_in_an_own_section_selects_its_text(example_case, make_window,
                                                                 qtbot, tmp_path):
    own = add_section(example_case, "Samråd med föreningar", after="arendet")
    example_case.sections[own.id] = "Föreningarna har hörts om XX frågor."
    path = tmp_path / "egen.tillit"
    save_case(example_case, path)
    window = make_window([str(path)])
    window.review.run_full_check()
    qtbot.waitUntil(lambda: window.review.full_done, timeout=20000)
    window.review.show_pane()
    pane = window.review.pane
    qtbot.waitExposed(pane.tree)
    items = [i for i in pane.finding_items() if i.text(1) == "XX"
             and pane.finding_of(i).section == own.id]
    assert items, [i.text(1) for i in pane.finding_items()]
    pane.tree.scrollToItem(items[0])
    rect = pane.tree.visualItemRect(items[0])
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 12, rect.center().y()))
    page = window.section_pages.get(own.id)  # pages are built when first shown
    assert page is not None and window.stack.currentWidget() is page, window.navigator.current_id()
    assert page.editor.textCursor().selectedText() == "XX"
