"""Standard phrases render off the GUI thread (issue 12: long work never on the GUI thread):
a phrase from a profile that takes its time leaves the window responsive, and the text goes
where the cursor was when the phrase was chosen."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from tillit_desk.profiles import Phrase

from .conftest import type_text

SLOW = ("{% for i in range(60000) %}{% for j in range(100) %}x{% endfor %}{% endfor %}")


def test_slow_phrase_keeps_the_window_alive(window, qtbot, answers):
    window.go_to("arendet")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    start = time.monotonic()
    window.insert_phrase(Phrase("Långsam", SLOW))
    qtbot.waitUntil(lambda: bool(answers["warnings"]), timeout=30000)
    end = time.monotonic()
    timer.stop()
    assert "orimligt långt" in answers["warnings"][-1]
    # Had the phrase been filled in on the GUI thread, the timer would have stood still for
    # the whole render: one gap as long as the wait. A busy machine may slow the ticks, but
    # they keep coming (a count would depend on the machine's load; the longest gap does not).
    during = [t for t in ticks if start <= t <= end]
    gaps = [b - a for a, b in zip([start, *during], [*during, end], strict=True)]
    assert len(during) >= 2 and max(gaps) < 0.6 * (end - start), \
        f"händelseslingan stod still medan frasen fylldes i: {len(during)} slag på " \
        f"{end - start:.2f} s, uppehåll {[round(g, 2) for g in gaps]}"


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
