"""The step list: what each row says, shows and tells a screen reader, through real typing."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tillit_desk.gui.navigator import ACCESSIBLE_TEXT_ROLE, STEP_ROLE, Navigator
from tillit_desk.steps import DONE, EMPTY, STEP_REVIEW, Step

from .conftest import type_text


def _row(nav: Navigator, step_id: str):
    return next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(STEP_ROLE) == step_id)


def test_rows_follow_the_text_as_it_is_written(window, qtbot):
    """An emptied required section turns red and says so; writing in it again restores it."""
    window.go_to("arendet")
    editor = window.section_pages["arendet"].editor
    editor.selectAll()
    editor.textCursor().removeSelectedText()
    window.refresh()
    row = _row(window.navigator, "arendet")
    assert row.text().startswith("○  Ärendet\n      tom")
    assert row.foreground().color() == QColor("#a32020")
    assert "Obligatoriskt och tomt." in row.data(ACCESSIBLE_TEXT_ROLE)
    assert "Obligatoriskt och tomt." in row.toolTip()
    type_text(editor, "Motionen inkom till kommunfullmäktige i maj.")
    window.refresh()
    # the text kept the bold of what was removed, as in Word: a bold sentence is finished too
    assert window.case.sections["arendet"] == "**Motionen inkom till kommunfullmäktige i maj.**"
    row = _row(window.navigator, "arendet")
    assert row.text() == "●  Ärendet\n      klar, 6 ord"
    assert row.foreground().color() != QColor("#a32020")
    assert row.data(ACCESSIBLE_TEXT_ROLE) == "Ärendet: klar, 6 ord."
    assert row.toolTip() == "Ärendet: klar"
    assert _row(window.navigator, STEP_REVIEW).font().bold()
    assert not row.font().bold()


def test_unchanged_steps_leave_the_rows_alone(qtbot):
    """Rebuilding the same steps (after every pause in typing) changes no row, so the view
    has nothing to measure again; a changed step changes only its own row."""
    nav = Navigator()
    qtbot.addWidget(nav)
    steps = [Step("a", "Avsnitt A", "text", EMPTY, 0, True),
             Step("b", "Avsnitt B", "text", DONE, 12),
             Step(STEP_REVIEW, "Granska och exportera", "review")]
    nav.set_steps(steps)
    nav.setCurrentRow(1)
    changed: list[str] = []
    nav.itemChanged.connect(lambda item: changed.append(item.data(STEP_ROLE)))
    nav.set_steps(list(steps))
    assert changed == []
    nav.set_steps([steps[0], Step("b", "Avsnitt B", "text", DONE, 13), steps[2]])
    assert set(changed) == {"b"}
    assert nav.current_id() == "b"
    assert nav.item(1).text() == "●  Avsnitt B\n      klar, 13 ord"
