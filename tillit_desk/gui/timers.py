"""The debounce timer every part of the window uses (kept out of ``editor.py`` so that the
window can start without importing the editor and its text-format classes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

BURST_SECONDS = 5.0  # keystrokes or field edits further apart than this are separate undo steps


def defer(ms: int, fn: Callable[[], object], parent: QObject | None = None) -> QTimer:
    """A single-shot, restartable timer (debounce)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(fn)
    return timer
