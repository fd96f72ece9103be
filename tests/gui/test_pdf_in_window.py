"""PDF export from the window: the real worker thread and the real LibreOffice (print marker).

Regression (issue 12): the worker's result handlers ran in the worker thread, touched widgets
there and waited on their own thread; the event loop stopped and the progress dialog stayed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton

pytestmark = pytest.mark.print


def test_pdf_export_keeps_the_window_alive(window, answers, soffice, tmp_path):
    window.settings.soffice_path = soffice
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    out = tmp_path / "beslut.pdf"

    assert window.export_pdf(out) is True
    started = len(ticks)
    progress = window.findChildren(QProgressDialog)
    assert progress and progress[0].isVisible()  # the user sees that something is happening
    # The event loop runs while LibreOffice works: the timer ticks, the window repaints.
    for _ in range(2400):  # 120 s at most
        QTest.qWait(50)
        if not window.pdf_jobs:
            break
    assert not window.pdf_jobs, "PDF-exporten blev aldrig klar"
    assert len(ticks) > started + 5, "händelseslingan stod still under exporten"
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert not any(p.isVisible() for p in window.findChildren(QProgressDialog))
    message = window.statusBar().currentMessage()
    assert str(out) in message
    assert "tillit-pdf-" not in message  # never the temporary DOCX
    assert answers["warnings"] == []

    # ... and after: still ticking, and the window still answers (a save works).
    after = len(ticks)
    QTest.qWait(300)
    assert len(ticks) >= after + 3
    timer.stop()


def test_pdf_export_can_be_cancelled(window, answers, soffice, tmp_path):
    window.settings.soffice_path = soffice
    out = tmp_path / "avbruten.pdf"
    assert window.export_pdf(out) is True
    [progress] = window.findChildren(QProgressDialog)
    QTest.qWait(300)  # LibreOffice has started
    [avbryt] = [b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt"]
    QTest.mouseClick(avbryt, Qt.MouseButton.LeftButton)
    for _ in range(600):
        QTest.qWait(50)
        if not window.pdf_jobs:
            break
    assert not window.pdf_jobs
    assert window.statusBar().currentMessage() == "PDF-exporten avbröts."
    assert answers["warnings"] == []  # a cancel is not an error
    assert not out.exists()
