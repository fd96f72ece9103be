"""The status bar's one rule: what the user waits on is never replaced by background news.

Three kinds of message (``Interaction`` says which):

- *busy*: work the user started and waits for ("Skapar PDF: …", "Exporterar (2/5)"). It stays
  until its flow says it is *done*; a message of the user's own in between (Sparat i …) shows,
  and when that one expires the busy message comes back.
- *status*: the answer to something the user just did; shown at once.
- *note*: news from background work (the spell checker is ready, an autosave or a check
  failed). It never replaces a message on the bar; it waits until the bar is free, then the
  waiting notes show one after another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.waiting = ""  # the busy message, until its flow is done
        self.pending: list[tuple[str, int]] = []  # notes that found the bar taken, in order
        bar.messageChanged.connect(self._changed)

    def busy(self, text: str) -> None:
        self.waiting = text
        self.bar.showMessage(text, 0)

    def done(self, text: str, ms: int) -> None:
        self.waiting = ""
        self._show(text, ms)

    def status(self, text: str, ms: int) -> None:
        if ms == 0 and text:  # "until replaced": it holds the bar as a busy message does
            self.waiting = ""
        self._show(text, ms)

    def note(self, text: str, ms: int) -> None:
        if self.bar.currentMessage() or self.waiting:
            self.pending = [p for p in self.pending if p[0] != text][-4:] + [(text, ms)]
            return
        self.bar.showMessage(text, ms)

    def _show(self, text: str, ms: int) -> None:
        if text:
            self.bar.showMessage(text, ms)
        else:
            self.bar.clearMessage()

    def _changed(self, text: str) -> None:
        if not text:  # a message expired or was cleared: the bar is free
            QTimer.singleShot(0, self._free)

    def _free(self) -> None:
        if self.bar.currentMessage():
            return
        if self.waiting:
            self.bar.showMessage(self.waiting, 0)
        elif self.pending:
            text, ms = self.pending.pop(0)
            self.bar.showMessage(text, ms or 8000)  # one after another, each for a while
