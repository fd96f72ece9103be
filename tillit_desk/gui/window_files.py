"""Arkiv: new, open, save, autosave, export and import, and files dropped on the window, as
thin calls into the flows that do the work (file_flow, export_flow, word_import, the motion
import).

A part of ``MainWindow`` (gui/mainwindow.py), which inherits it; it reads the window's own
attributes and never imports the window module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from .. import profiles as P
from ..errors import TillitError
from ..fileformat import SUFFIX
from ..steps import STEP_CASE, STEP_MOTION

if TYPE_CHECKING:
    from ..autosave import Autosaver


def _dialogs():
    """``dialogs`` on first use (a prompt or an error is never part of start-up)."""
    from . import dialogs

    return dialogs


class FileCommands:
    """Arkiv and dropped files: the menu's commands, delegated to the file and export flows."""

    def confirm_discard(self) -> bool:
        return self.files.confirm_discard()

    def new_case(self, profile_id: str | None = None, motion: bool | None = None) -> bool:
        if not self.files.new_case(profile_id, motion):
            return False
        # the cursor in the title, ready to type (it stayed in the step list)
        self.go_to(STEP_CASE)
        self.case_form.title_edit.setFocus()
        return True

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def save_settings(self) -> None:
        self.files.save_settings()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.existing_recent()
        if not recent:
            self.recent_menu.addAction("(Inga senaste ärenden)").setEnabled(False)
        for path in recent:
            self._action(path.name, lambda p=path: self.open_path(p), None,
                         self.recent_menu).setToolTip(str(path))

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def _save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    @property
    def autosaver(self) -> Autosaver:
        return self.files.autosaver

    def autosave(self) -> bool:
        return self.files.autosave()

    def offer_restore(self) -> bool:
        return self.files.offer_restore()

    def _file_stem(self) -> str:
        from .export_flow import file_stem

        return file_stem(self.state)

    @property
    def exports(self):
        """DOCX and PDF export (``export_flow.ExportFlow``), made on first use."""
        if self._exports is None:
            from .export_flow import ExportFlow

            self._exports = ExportFlow(self.state, self.interaction, self.settings,
                                       self.review.confirm_export)
        return self._exports

    @property
    def pdf_jobs(self) -> list:
        return self._exports.pdf_jobs if self._exports is not None else []

    def export_docx(self, out: Path | None = None) -> Path | None:
        return self.exports.export_docx(out)

    def export_pdf(self, out: Path | None = None) -> bool:
        return self.exports.export_pdf(out)

    def import_motion(self, path: Path | None = None) -> bool:
        """Arkiv → Importera motion… (or a dropped PDF/DOCX/TXT): review, then prefill.

        The whole import is one step on the undo stack: Ctrl+Z brings the case back."""
        from .commands import change_case
        from .motion_dialog import import_motion_into_case

        try:
            result = change_case(
                self.state, "Importera motion",
                lambda case: import_motion_into_case(self, case, self.profile, path))
        except TillitError as err:
            _dialogs().show_error(self, str(err), "Motionen kunde inte läsas in")
            return False
        if result is None:
            return False
        self.decisions.note_import([s.id for s in self.profile.sections if s.kind == P.DECISION])
        self.go_to(STEP_MOTION)
        self.statusBar().showMessage("Motionen är inläst. Granska texterna i varje avsnitt.",
                                     8000)
        return True

    def import_word(self, path: Path | None = None) -> bool:
        """Arkiv → Importera från Word… or a dropped tjänsteskrivelse (gui/word_import.py)."""
        from .word_import import import_word

        return import_word(self, path)

    def show_word_changes(self) -> bool:
        from .word_import import show_changes

        return show_changes(self)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        dropped = self._dropped_file(event.mimeData())
        if dropped is None:
            return
        kind, path = dropped
        event.acceptProposedAction()
        from .word_import import is_word_case

        if kind == "case":
            QTimer.singleShot(0, lambda: self.open_path(path))
        elif path.suffix.lower() == ".docx" and is_word_case(path, self.registry):
            QTimer.singleShot(0, lambda: self.import_word(path))
        else:
            QTimer.singleShot(0, lambda: self.import_motion(path))

    @staticmethod
    def _dropped_file(mime) -> tuple[str, Path] | None:
        """A dropped .tillit opens as a case; a PDF/DOCX/TXT is imported as the motion."""
        from ..motion.extract import is_motion_file

        if not mime.hasUrls():
            return None
        for url in mime.urls():
            local = url.toLocalFile()
            if local.endswith(SUFFIX):
                return "case", Path(local)
            if local and is_motion_file(Path(local)):
                return "motion", Path(local)
        return None
