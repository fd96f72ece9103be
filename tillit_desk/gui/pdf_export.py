"""PDF export off the GUI thread: LibreOffice runs in a worker thread; its result comes back
through queued signals to a QObject that lives on the GUI thread.

A signal connected to a lambda (no context object) runs in the *emitting* thread: that is how
the window once froze (widgets touched from the worker, ``wait()`` on its own thread). Here
every result reaches a slot of ``PdfExport``, which belongs to the GUI thread."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot


class PdfWorker(QObject):
    """Runs a PdfJob in its own thread; ``cancel()`` (from any thread) stops LibreOffice."""

    finished = Signal(str)  # output path
    failed = Signal(str)  # Swedish message

    def __init__(self, job) -> None:
        super().__init__()
        self.job = job

    @Slot()
    def run(self) -> None:
        from .failure_text import cause

        try:
            out = self.job.run()
        except Exception as err:  # noqa: BLE001 - report in Swedish, never crash the window
            self.failed.emit(cause(err))
        else:
            self.finished.emit(str(out))

    def cancel(self) -> None:
        self.job.cancel()


class PdfExport(QObject):
    """One running export, owned by the window (GUI thread). Emits ``done(message, ok,
    cancelled)`` on the GUI thread once the worker thread has ended and the temp folder is gone."""

    done = Signal(str, bool, bool)

    def __init__(self, job, work_dir: Path, parent: QObject) -> None:
        super().__init__(parent)  # lives on the parent's (the GUI) thread
        self.work_dir = work_dir
        self.worker = PdfWorker(job)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Receivers are slots of this GUI-thread object: Qt queues the calls to this thread.
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    @property
    def cancelled(self) -> bool:
        return bool(self.worker.job.cancelled)

    def stop(self, wait_ms: int = 5000) -> None:
        """Cancel and wait for the thread (window closing)."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait(wait_ms)
        self._cleanup()

    @Slot(str)
    def _finished(self, path: str) -> None:
        self._end(path, True)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(message, False)

    def _end(self, message: str, ok: bool) -> None:
        self.thread.quit()
        self.thread.wait()  # the worker has returned from run(): this is at once
        self._cleanup()
        self.done.emit(message, ok, self.cancelled)

    def _cleanup(self) -> None:
        self.running = False
        shutil.rmtree(self.work_dir, ignore_errors=True)
