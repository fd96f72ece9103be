"""Standard phrases rendered off the GUI thread.

A phrase comes from a profile a user may have edited or downloaded; the sandbox bounds what it
may do, but a heavy one still takes its time (~0.5 s for a loop that writes a million
characters). So it renders in Qt's thread pool from a copy of the case, and the text comes back
through a queued signal to this GUI-thread object, which inserts it where the cursor was when
the phrase was chosen (one undo step) or shows the Swedish error."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

    from ..case import Case
    from ..profiles import Phrase
    from .case_state import CaseState
    from .interaction import Interaction


class _Results(QObject):
    """Lives on the GUI thread; the worker only emits its signals (queued to the receiver)."""

    rendered = Signal(int, str)
    failed = Signal(int, str)


class _Render(QRunnable):
    def __init__(self, token: int, snippet: str, case: Case, what: str,
                 results: _Results) -> None:
        super().__init__()
        self.token, self.snippet, self.case, self.what = token, snippet, case, what
        self.results = results

    def run(self) -> None:
        # The phrase module (and Jinja with it, ~0.1-0.3 s on first use) is imported here,
        # on the worker, never on the GUI thread.
        from ..errors import TillitError
        from ..motion.prefill import phrase_context
        from ..phrases import render_snippet

        try:
            text = render_snippet(self.snippet, phrase_context(self.case), self.what)
        except TillitError as err:
            self.results.failed.emit(self.token, str(err))
        except Exception as err:  # noqa: BLE001 - a phrase never takes the window down
            self.results.failed.emit(self.token, f"{self.what} kunde inte fyllas i ({err}).")
        else:
            self.results.rendered.emit(self.token, text)


class PhraseFlow(QObject):
    inserted = Signal(str)  # section id

    def __init__(self, state: CaseState, interaction: Interaction) -> None:
        super().__init__(interaction.widget)
        self.state, self.ask = state, interaction
        self.results = _Results(self)
        self.results.rendered.connect(self._rendered)
        self.results.failed.connect(self._failed)
        self.pending: dict[int, tuple[str, QTextCursor]] = {}
        self._tokens = itertools.count(1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # in the order chosen

    def insert(self, phrase: Phrase, section_id: str, cursor: QTextCursor) -> int:
        """Start rendering ``phrase``; it goes in at ``cursor`` (kept there while the user
        types on). Returns a token for the request."""
        self.state.flush()
        snapshot = self.state.case.copy()  # the worker never sees the live case
        if cursor.hasSelection():  # the phrase takes the selection's place, as in Word
            cursor.removeSelectedText()
        cursor.setKeepPositionOnInsert(True)
        token = next(self._tokens)
        self.pending[token] = (section_id, cursor)
        self.pool.start(_Render(token, phrase.text, snapshot,
                                f"Standardfrasen ”{phrase.label}”", self.results))
        return token

    def busy(self) -> bool:
        return bool(self.pending)

    def wait(self, ms: int = 5000) -> None:
        """The window is closing: let a running phrase finish (it cannot be stopped)."""
        self.pool.waitForDone(ms)

    @Slot(int, str)
    def _rendered(self, token: int, text: str) -> None:
        entry = self.pending.pop(token, None)
        if entry is None:
            return
        section_id, cursor = entry
        if cursor.document() is not self.state.documents.get(section_id):
            return  # another case was opened meanwhile
        from .richtext import markdown_to_html

        cursor.setKeepPositionOnInsert(False)
        cursor.clearSelection()  # Qt moves the anchor past text typed meanwhile: not ours
        cursor.beginEditBlock()  # one undo step
        cursor.insertHtml(markdown_to_html(text))
        cursor.endEditBlock()
        self.inserted.emit(section_id)

    @Slot(int, str)
    def _failed(self, token: int, message: str) -> None:
        if self.pending.pop(token, None) is not None:
            self.ask.error(message, "Standardfrasen kunde inte infogas")
