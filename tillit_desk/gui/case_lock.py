"""The lock file of the open case (issue 14, item 7): a colleague who opens the same case is told
who has it, on which computer and since when, and can open it read-only.

The core (``tillit_desk/filelock.py``) makes and reads ``.~lock.<name>#`` beside the case; this
module decides *when*, observing the case-state:

- before a case is opened (``claim``): take its lock; held by someone else → ask "Öppna
  skrivskyddat" / "Avbryt". Read-only takes no lock, Spara goes to Spara som, and the title
  says "(skrivskyddat)". A stale lock (its process gone from this computer) is taken over.
- when the case-state gets another case (``case_replaced``): the new case's lock replaces the
  old one, which is released (new case, another file, a restored draft — a draft with a source
  takes that file's lock, or is read-only when someone else has it).
- Spara som (``may_write`` before writing, ``saved`` after): the new file's lock is taken first,
  the old one released only once the save succeeded.
- the window closes (``release``).
A folder where no lock can be made (read-only share) does not stop the work: the case opens
without a lock, and the status bar says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..errors import TillitError

if TYPE_CHECKING:
    from ..filelock import CaseLock, CaseLockedError
    from .case_state import CaseState
    from .interaction import Interaction

READ_ONLY = " (skrivskyddat)"


class CaseLocks(QObject):
    def __init__(self, state: CaseState, interaction: Interaction,
                 user: Callable[[], str]) -> None:
        super().__init__(interaction)
        self.state, self.ask, self.user = state, interaction, user
        self.lock: CaseLock | None = None  # the lock of the case shown now
        self.read_only = False
        self._opening: tuple[Path, CaseLock | None, bool] | None = None  # claimed, not shown yet
        self._writing: CaseLock | None = None  # Spara som: the new file's lock, until saved
        state.case_replaced.connect(self._case_replaced)
        state.saved.connect(self._saved)

    @property
    def title_suffix(self) -> str:
        return READ_ONLY if self.read_only else ""

    # ------------------------------------------------------------------ open

    def claim(self, path: Path) -> bool:
        """Before ``path`` is shown: lock it, or ask to open it read-only. False: do not open."""
        from ..filelock import CaseLockedError, acquire

        try:
            lock = acquire(path, user=self.user() or None)
        except CaseLockedError as err:
            if not self.ask_read_only(err):
                return False
            self._opening = (path, None, True)
            return True
        except TillitError as err:
            self.ask.status(f"{err} Ärendet öppnas utan låsfil.", 10000)
            lock = None
        self._opening = (path, lock, False)
        return True

    def ask_read_only(self, err: CaseLockedError) -> bool:
        """"Öppna skrivskyddat" / "Avbryt" (Avbryt by default)."""
        from PySide6.QtWidgets import QMessageBox

        from .dialogs import ask_choice

        return ask_choice(self.ask.widget, "Ärendet är redan öppet", str(err),
                          "Skrivskyddat kan du läsa, exportera och spara en kopia med Spara "
                          "som…, men inte spara över filen.",
                          [(QMessageBox.StandardButton.Open, "Öppna skrivskyddat", "open")],
                          QMessageBox.Icon.Information, default_cancel=True) == "open"

    def _case_replaced(self) -> None:
        path = self.state.path
        opening, self._opening = self._opening, None
        if opening is not None and path is not None and _same_file(opening[0], path):
            _path, lock, read_only = opening
        else:
            if opening is not None and opening[1] is not None:  # claimed but not shown
                opening[1].release()
            lock, read_only = self._take_quietly(path)
        old, self.lock, self.read_only = self.lock, lock, read_only
        if old is not None and (lock is None or old.path != lock.path):
            old.release()  # (the same file reopened: its lock was taken over, not released)

    def _take_quietly(self, path: Path | None) -> tuple[CaseLock | None, bool]:
        """A case shown without ``claim`` (a restored draft with its source): take its lock;
        someone else has it → read-only, said in the status bar."""
        if path is None:
            return None, False
        from ..filelock import CaseLockedError, acquire

        try:
            return acquire(path, user=self.user() or None), False
        except CaseLockedError as err:
            self.ask.status(f"{err} Ärendet visas skrivskyddat: Spara frågar efter en ny fil.",
                            0)
            return None, True
        except TillitError as err:
            self.ask.status(f"{err} Ärendet öppnas utan låsfil.", 10000)
            return None, False

    # ------------------------------------------------------------------ save

    def may_write(self, path: Path) -> bool:
        """Before writing ``path``: it is ours, or its lock can be taken (Spara som)."""
        if self.lock is not None and _same_file(self.lock.case_path, path):
            return True
        from ..filelock import CaseLockedError, acquire

        try:
            self._writing = acquire(path, user=self.user() or None)
        except CaseLockedError as err:
            self.ask.error(f"{err} Välj ett annat filnamn.", "Filen är öppen hos någon annan")
            return False
        except TillitError as err:
            self.ask.status(f"{err} Ärendet sparas utan låsfil.", 10000)
        except OSError as err:  # the lock file's name or folder: the save itself will tell
            from .failure_text import cause

            self.ask.status(f"Låsfilen kunde inte skapas: {cause(err)}", 10000)
        return True

    def write_failed(self) -> None:
        if self._writing is not None:
            self._writing.release()
            self._writing = None

    def _saved(self, _path: Path) -> None:
        if self._writing is not None:
            old, self.lock, self._writing = self.lock, self._writing, None
            if old is not None:
                old.release()
        self.read_only = False  # the file written is this window's now

    # ------------------------------------------------------------------ close

    def release(self) -> None:
        """The window closes (or the program quits)."""
        for lock in (self.lock, self._writing):
            if lock is not None:
                lock.release()
        self.lock = self._writing = None


def _same_file(a: Path, b: Path) -> bool:
    from ..filelock import lock_path_for

    return lock_path_for(a) == lock_path_for(b)
