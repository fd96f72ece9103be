"""Read and parse a motion file off the GUI thread, with progress and Avbryt.

A PDF of many pages or a large text takes from tens of milliseconds to a few seconds; the
window must keep painting and answering meanwhile. The work runs in a ``QThread`` in a worker
``QObject``; its results travel by queued signals to ``MotionImportRunner``, which lives on the
GUI thread, and only that object's signals reach widgets. No lambda is connected across the
threads (a plain callable would run in the worker thread).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ..motion.errors import ImportCancelled, MotionImportError
from ..motion.extract import extract_file, extract_pasted
from ..motion.parser import ParsedMotion, parse_motion

log = logging.getLogger(__name__)

PASTED = "inklistrad text"
UNEXPECTED = ("{name}: filen kunde inte läsas på grund av ett oväntat fel. Klistra in "
              "motionens text i stället.")


class _Worker(QObject):
    """Runs in the worker thread: extract, parse, report. Touches no widget."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: Path | None, cancel: threading.Event, text: str = "") -> None:
        super().__init__()
        self._path = path
        self._text = text
        self._cancel = cancel

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        finally:
            # end this thread's event loop from inside: the GUI thread may be busy (or waiting)
            QThread.currentThread().quit()

    def _run(self) -> None:
        name = self._path.name if self._path is not None else PASTED
        try:
            extracted = (extract_file(self._path, progress=self._report)
                         if self._path is not None else extract_pasted(self._text))
            if self._cancel.is_set():
                raise ImportCancelled(f"{name}: inläsningen avbröts.")
            parsed = parse_motion(extracted.text, name)
        except ImportCancelled:
            self.cancelled.emit()
        except MotionImportError as err:
            self.failed.emit(str(err))
        except Exception:  # noqa: BLE001 - a bug must not leave the dialog waiting forever
            log.exception("motion import failed")
            self.failed.emit(UNEXPECTED.format(name=name))
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.done.emit(parsed)


# Runners whose thread is still running after their owner went away (Avbryt, a closed dialog):
# kept alive here until the thread has finished, so no QThread is destroyed while it runs.
_RUNNING: set[MotionImportRunner] = set()


class MotionImportRunner(QObject):
    """One import on a worker thread. Lives on the GUI thread; its signals are safe for widgets.

    ``progress(done, total)`` — pages read of total (0, 0 while the size is unknown);
    ``finished(ParsedMotion)``, ``failed(str)`` (a Swedish message) or ``cancelled()`` — one of
    them, exactly once, unless ``cancel()`` was called first (then only ``cancelled()``).
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._over = False
        self._ended = False  # the worker thread has finished

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._over

    def start(self, path: Path | str | None, text: str = "") -> None:
        """Read and parse the file at ``path``, or (``path`` None) the pasted ``text``."""
        if self._thread is not None:
            raise RuntimeError("a runner imports one file")
        self._thread = QThread()
        self._thread.setObjectName("motion-import")
        self._worker = _Worker(Path(path) if path is not None else None, self._cancel, text)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # worker → runner: queued, because the runner lives on the GUI thread
        self._worker.progress.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._thread.finished.connect(self._on_thread_finished)
        app = QCoreApplication.instance()
        if app is not None:  # quitting with a file half read: stop and wait, never abort
            app.aboutToQuit.connect(self._on_quit)
        _RUNNING.add(self)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the worker to stop (between pages); ``cancelled`` is emitted at once."""
        if self._over:
            return
        self._cancel.set()
        self._over = True
        self.cancelled.emit()

    def wait(self, msecs: int = 5000) -> bool:
        """For tests and shutdown: block until the worker thread has ended."""
        return self._thread is None or self._ended or self._thread.wait(msecs)

    def _finish(self) -> bool:
        """True the first time: the outcome is reported once."""
        if self._over:
            return False
        self._over = True
        return True

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._over:
            self.progress.emit(done, total)

    @Slot(object)
    def _on_done(self, parsed: ParsedMotion) -> None:
        if self._finish():
            self.finished.emit(parsed)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._finish():
            self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._finish():
            self.cancelled.emit()

    @Slot()
    def _on_quit(self) -> None:
        self.cancel()
        self.wait(5000)

    @Slot()
    def _on_thread_finished(self) -> None:
        self._ended = True
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self._on_quit)
        self._worker.deleteLater()
        self._thread.deleteLater()
        _RUNNING.discard(self)
