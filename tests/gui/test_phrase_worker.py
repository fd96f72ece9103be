"""Standard phrases render off the GUI thread (issue 12: long work never on the GUI thread):
a phrase from a profile that takes its time leaves the window responsive, and the text goes
where the cursor was when the phrase was chosen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from tillit_desk.profiles import Phrase

from .conftest import type_text

SLOW = ("{% for i in range(60000) %}{% for j in range(100) %}x{% endfor %}{% endfor %}")


def test_slow_phrase_keeps_the_window_alive(window, qtbot, answers):
    window.go_to("arendet")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.insert_phrase(Phrase("Långsam", SLOW))
    started = len(ticks)
    qtbot.waitUntil(lambda: bool(answers["warnings"]), timeout=30000)
    timer.stop()
    assert "orimligt långt" in answers["warnings"][-1]
    assert len(ticks) > started + 3, "händelseslingan stod still medan frasen fylldes i"


def test_phrase_goes_where_the_cursor_was(window, qtbot, answers):
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "Först. ")
    assert window.insert_phrase(Phrase("Hel", "Beredd av {{ document.unit }}."))
    type_text(editor, "Sist.")  # typed before the phrase is back from its thread
    qtbot.waitUntil(lambda: "Beredd av" in window.state.section_text("bedomning"),
                    timeout=10000)
    assert window.state.section_text("bedomning") == "Först. Beredd av Kommunkontoret.Sist."
    assert answers["warnings"] == []
