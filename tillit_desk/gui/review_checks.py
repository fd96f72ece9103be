"""Review checks off the GUI thread: section checks while typing, the full check, spelling.

Why threads: the rules are fast, but a section's first spell check looks up every new word in
spylls (pure Python), loading the dictionary takes about two seconds and a suggestion list can
take several. All of that runs in thread pools; results come back as queued signals, so typing
never waits. Checks go through one worker thread, which keeps the ``Checker`` cache
single-threaded. Until the speller has loaded, the checker runs without spelling rules.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..case import Case
from ..profiles import Profile
from ..review.engine import Checker
from ..review.findings import Finding

SUGGESTION_LIMIT = 5  # suggestions shown in the context menu


_shared_speller: Any = None
_speller_lock = threading.Lock()


def shared_speller(user_file: Path | None) -> Any:
    """One speller per process, pointed at this window's user dictionary. Sharing keeps its
    per-word cache: a new speller would look every word of the case up again (seconds)."""
    global _shared_speller
    from ..review.spelling import Speller

    with _speller_lock:
        if _shared_speller is None:
            _shared_speller = Speller(user_file=user_file)
        elif _shared_speller.user_file != user_file:
            _shared_speller.user_file = user_file
            _shared_speller.reload_user()
        return _shared_speller


class _Relay(QObject):
    """Carries a job's result back to the GUI thread (a queued connection)."""

    done = Signal(object, object)  # tag, result (or the exception)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], tag: Any, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.tag, self.relay = fn, tag, relay  # the job keeps the relay alive

    def run(self) -> None:
        try:
            result: Any = self.fn()
        except Exception as err:  # noqa: BLE001 - reported to the GUI, never lost in a thread
            result = err
        with contextlib.suppress(RuntimeError):  # the window is gone
            self.relay.done.emit(self.tag, result)


class ReviewChecks(QObject):
    """Owns the checkers, the speller and the worker pools of one window."""

    section_checked = Signal(str, int, str, list)  # section id, revision, text, findings
    full_checked = Signal(int, list)  # request number, findings
    speller_ready = Signal()
    suggestions_ready = Signal(str, list)  # word, suggestions
    failed = Signal(str)

    def __init__(self, dictionary_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dictionary_file = dictionary_file
        self.checker = Checker(spelling=False)  # replaced by a spelling checker once loaded
        self.guard = Checker(spelling=False)  # GUI thread only: the export guard
        self.speller: Any = None
        self.suggestions: dict[str, list[str]] = {}
        self._asked: set[str] = set()
        self._full_no = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.side_pool = QThreadPool(self)  # speller loading and suggestions
        self.side_pool.setMaxThreadCount(1)
        self.relay = _Relay()
        self.relay.done.connect(self._done)
        self.pending = 0  # jobs submitted whose result has not come back yet

    def busy(self) -> bool:
        """True while a check, the dictionary load or a suggestion is still running."""
        return self.pending > 0

    # ------------------------------------------------------------------ jobs

    def _submit(self, pool: QThreadPool, fn: Callable[[], Any], tag: Any) -> None:
        self.pending += 1
        pool.start(_Job(fn, tag, self.relay))

    def load_speller(self) -> None:
        """Start reading the dictionary in the background (about two seconds)."""
        file = self.dictionary_file
        self._submit(self.side_pool, lambda: shared_speller(file), ("speller",))

    def check_section(self, case: Case, profile: Profile, section_id: str, text: str,
                      revision: int) -> None:
        checker = self.checker
        snapshot = case.copy()  # the worker reads the motion and the ignored findings too
        self._submit(self.pool, lambda: checker.check_section(snapshot, profile, section_id, text),
                     ("section", section_id, revision, text))

    def check_all(self, case: Case, profile: Profile) -> int:
        """Full check of a snapshot of the case (the GUI may edit the live one meanwhile)."""
        snapshot = case.copy()
        self._full_no += 1
        checker = self.checker
        self._submit(self.pool, lambda: checker.check(snapshot, profile), ("full", self._full_no))
        return self._full_no

    def suggest(self, word: str) -> list[str] | None:
        """Cached suggestions, or None while they are being computed (then suggestions_ready)."""
        if word in self.suggestions:
            return self.suggestions[word]
        if self.speller is not None and word not in self._asked:
            self._asked.add(word)
            speller = self.speller
            self._submit(self.side_pool, lambda: speller.suggest(word, SUGGESTION_LIMIT),
                         ("suggest", word))
        return None

    def add_word(self, word: str) -> None:
        """"Lägg till i ordlista": the speller's version changes, so cached checks are redone."""
        if self.speller is not None:
            self.speller.add_word(word)

    def personal_data(self, case: Case, profile: Profile) -> list[Finding]:
        """Open personal-data findings in the case's text (fast regex rules, GUI thread)."""
        from ..review.context import Context
        from ..review.personal_data import PERSONAL_DATA_RULES

        found: list[Finding] = []
        for sid in Context(case, profile).text_section_ids:
            if case.section(sid).strip():
                found += [f for f in self.guard.check_section(case, profile, sid)
                          if f.rule in PERSONAL_DATA_RULES]
        return found

    def wait(self, ms: int = 3000) -> None:
        self.pool.waitForDone(ms)

    # ------------------------------------------------------------------ results

    def _done(self, tag: tuple, result: Any) -> None:
        self.pending -= 1
        kind = tag[0]
        if isinstance(result, Exception):
            if kind == "suggest":
                self.suggestions[tag[1]] = []
                self.suggestions_ready.emit(tag[1], [])
            else:
                self.failed.emit(f"Granskningen kunde inte köras: {result}")
            return
        if kind == "speller":
            self.speller = result
            self.checker = Checker(speller=result)
            self.speller_ready.emit()
        elif kind == "section":
            self.section_checked.emit(tag[1], tag[2], tag[3], list(result))
        elif kind == "full":
            self.full_checked.emit(tag[1], list(result))
        elif kind == "suggest":
            self.suggestions[tag[1]] = list(result)
            self.suggestions_ready.emit(tag[1], list(result))
