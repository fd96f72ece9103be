"""Files from the window: new, open, save (asking before it writes over someone else's
changes), save as, the autosave draft and the offer to restore it after a crash.

Reads and writes the case through the case-state, asks and reports through the interaction
object, and reaches the window only through the narrow ``FileView`` below."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from ..errors import TillitError
from ..fileformat import SUFFIX

if TYPE_CHECKING:
    from ..autosave import Autosaver
    from ..case import Case
    from ..paths import AppPaths
    from ..profiles import ProfileRegistry
    from ..settings import Settings
    from .case_lock import CaseLocks
    from .case_state import CaseState
    from .interaction import Interaction

FILE_FILTER = "Tillit-ärenden (*.tillit)"


def _dialogs():
    from . import dialogs

    return dialogs


class FileView(Protocol):
    """What file handling needs of the window: show a case, its name and dirty state."""

    display_name: str

    def set_case(self, case: Case, path: Path | None, display_name: str | None = None,
                 dirty: bool = False) -> None: ...
    def set_dirty(self, dirty: bool) -> None: ...


class FileFlow(QObject):
    def __init__(self, state: CaseState, interaction: Interaction, settings: Settings,
                 registry: ProfileRegistry, paths: AppPaths, view: FileView,
                 locks: CaseLocks) -> None:
        super().__init__(interaction.widget)
        self.state, self.ask, self.view = state, interaction, view
        self.locks = locks  # the open case's lock file (case_lock.py)
        self.settings, self.registry, self.paths = settings, registry, paths
        self.autosave_pending = False  # changed since the last draft
        self._autosaver: Autosaver | None = None

    @property
    def autosaver(self) -> Autosaver:
        if self._autosaver is None:
            from ..autosave import Autosaver

            self._autosaver = Autosaver(self.paths.autosave_dir)
        return self._autosaver

    # ------------------------------------------------------------------ settings, recent

    def save_settings(self) -> None:
        from ..settings import save_settings

        try:
            save_settings(self.settings, self.paths.settings_file)
        except TillitError as err:
            self.ask.status(str(err), 10000)

    def remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.save_settings()

    # ------------------------------------------------------------------ new, open

    def confirm_discard(self) -> bool:
        """True when it is fine to replace or close the current case."""
        self.state.flush()  # a list cell still being typed in is a change too
        if not self.state.dirty:
            return True
        answer = _dialogs().ask_save_changes(self.ask.widget, self.view.display_name)
        if answer == _dialogs().SAVE:
            return self.save()
        return answer == _dialogs().DISCARD

    def new_case(self, profile_id: str | None = None, motion: bool | None = None) -> bool:
        if not self.confirm_discard():
            return False
        if profile_id is None:
            dlg = _dialogs().NewCaseDialog(self.ask.widget, self.registry,
                                           self.settings.default_profile)
            if dlg.exec() != _dialogs().QDialog.DialogCode.Accepted:
                return False
            profile_id, motion = dlg.choice()
        from ..case import Motion
        from ..newcase import new_case

        case = new_case(self.registry.get(profile_id), self.settings.handlaggare(),
                        motion=bool(motion))
        if motion:
            case.motion = Motion()
        self.autosaver.discard()
        self.view.set_case(case, None)
        return True

    def open_dialog(self) -> None:
        path = self.state.path
        start = str(path.parent) if path else str(Path.home())
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self.ask.widget, "Öppna ärende", start,
                                                FILE_FILTER)
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        if not self.confirm_discard():
            return False
        from ..fileformat import load_case

        try:
            result = load_case(path)
        except TillitError as err:
            self.ask.error(str(err), "Ärendet kunde inte öppnas")
            return False
        if not self.locks.claim(Path(path)):  # someone else has it open: read-only or not
            return False
        self.autosaver.discard()
        self.view.set_case(result.case, Path(path))
        notes = [str(n) for n in getattr(result, "warnings", None) or []]
        if notes:  # the file was read with changes (cleaned text, dropped values)
            self.view.set_dirty(True)
            self.ask.status(" ".join(notes), 15000)
        if result.recovered_from is not None:
            self.view.set_dirty(True)
            self.ask.information(
                "Ärendet återställdes",
                f"Filen {Path(path).name} var skadad. Tillit Desk öppnade den senaste hela "
                f"versionen ({result.recovered_from.name}). Spara för att reparera filen.")
        self.remember(path)
        return True

    # ------------------------------------------------------------------ save

    def save(self) -> bool:
        path = self.state.path
        if path is None or self.locks.read_only:
            return self.save_as()
        if self.state.changed_on_disk():  # someone else saved it since we read or wrote it
            answer = _dialogs().ask_overwrite_changed(self.ask.widget, path.name)
            if answer == _dialogs().SAVE_AS:
                return self.save_as()
            if answer != _dialogs().OVERWRITE:
                return False
        return self.save_to(path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from .export_flow import file_stem

        suggestion = self.state.path or Path.home() / (file_stem(self.state) + SUFFIX)
        chosen, _ = QFileDialog.getSaveFileName(self.ask.widget, "Spara ärende som",
                                                str(suggestion), FILE_FILTER)
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from ..fileformat import save_case

        self.state.flush()
        if not self.locks.may_write(path):  # Spara som: the new file's lock first
            return False
        try:
            save_case(self.state.case, path)
        except Exception as err:  # noqa: BLE001 - told in Swedish, the text stays in the window
            from .failure_text import SAVE_ADVICE, message

            self.locks.write_failed()
            self.ask.error(message(err, SAVE_ADVICE), "Ärendet kunde inte sparas")
            return False
        self.state.mark_saved(path)
        self.view.display_name = path.name
        self.discard_draft()
        self.view.set_dirty(False)
        self.remember(path)
        self.ask.status(f"Sparat i {path}", 5000)
        return True

    # ------------------------------------------------------------------ autosave, restore

    def autosave(self) -> bool:
        """Write a draft to the autosave folder when something changed since the last one."""
        if not self.autosave_pending or not self.state.dirty:
            return False
        self.state.flush()
        try:
            self.autosaver.save(self.state.case, self.state.path)
        except Exception as err:  # noqa: BLE001 - a timer's slot: told, never raised
            from .failure_text import AUTOSAVE_ADVICE, cause

            # background work (a timer, the window losing focus): a note, never over what
            # the user waits for
            self.ask.note(f"Autosparningen misslyckades: {cause(err)} {AUTOSAVE_ADVICE}",
                          10000)
            return False
        self.autosave_pending = False
        return True

    def offer_restore(self) -> bool:
        """After a crash: offer the newest draft left by a window that is gone."""
        from ..autosave import find_drafts

        drafts = find_drafts(self.paths.autosave_dir, exclude=self.autosaver)
        if not drafts:
            return False
        draft = drafts[0]
        if not _dialogs().ask_restore(self.ask.widget, draft.describe()):
            draft.discard()
            return False
        try:
            case = draft.load()
        except TillitError as err:
            self.ask.error(str(err), "Utkastet kunde inte återställas")
            return False
        source = draft.source  # only ever an absolute .tillit path (autosave.draft_source)
        if source is not None and not self.ask.confirm(
                "Var ska ärendet sparas?",
                f"Utkastet hör till filen\n{source}\n\nSka Spara skriva till den filen? "
                "Svarar du nej frågar Tillit Desk var ärendet ska sparas."):
            source = None
        name = (source.name if source else "Namnlöst ärende") + " (återställt)"
        self.view.set_case(case, source, name, dirty=True)
        draft.discard()
        self.autosave()
        return True

    def closing(self) -> None:
        """A clean close leaves no draft behind."""
        if self._autosaver is not None:
            self.discard_draft()

    def discard_draft(self) -> None:
        """Remove this session's draft; a folder that is gone or unusable is no error (there
        is no draft to remove)."""
        with contextlib.suppress(OSError):
            self.autosaver.discard()
