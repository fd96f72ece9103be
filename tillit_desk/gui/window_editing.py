"""Word's editing habits over the whole window: Redigera, Sök och ersätt, zoom, one undo
history, phrases, the decision and the profile.

A part of ``MainWindow`` (gui/mainwindow.py), which inherits it; it reads the window's own
attributes and never imports the window module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from .. import profiles as P
from ..errors import TillitError
from ..section_layout import case_sections
from .window_files import _dialogs

if TYPE_CHECKING:
    from .editor import SectionPage

ZOOM_MIN, ZOOM_MAX = 50, 300  # per cent (a step of gui/menus.ZOOM_STEP)


class Editing:
    """Word's editing habits over the whole window."""

    def _edit_focused(self, name: str) -> None:
        """Klipp ut / Kopiera / Klistra in / Markera allt on the focused text field."""
        focus = QApplication.focusWidget()
        method = getattr(focus, name, None)
        if callable(method):
            method()

    def open_find(self, replace: bool = False):
        """Ctrl+F / Ctrl+H: Sök och ersätt across every text section."""
        if self.find_dialog is None:
            from .find_replace import FindReplaceDialog, Search

            # the case's sections in its print order, its own (Avsnitt → Lägg till) included
            search = Search(self.state, lambda: [s.id for s in case_sections(self.case,
                                                                              self.profile)
                                                 if s.holds_text])
            self.find_dialog = FindReplaceDialog(self, search, self._show_match,
                                                 self._find_position)
        page = self.current_section_page()
        selected = page.editor.textCursor().selectedText() if page is not None else ""
        self.find_dialog.open_for(replace, selected if "\u2029" not in selected else "")
        return self.find_dialog

    def _find_position(self):
        page = self.current_section_page()
        if page is None:
            return self.navigator.current_id(), 0, None
        cursor = page.editor.textCursor()
        return page.section_id, cursor.selectionEnd(), cursor

    def _show_match(self, section_id: str, cursor) -> None:
        self.go_to(section_id)
        page = self.section_pages.get(section_id)
        if page is not None:
            page.editor.setTextCursor(cursor)
            page.editor.ensureCursorVisible()

    def set_zoom(self, percent: int) -> None:
        """Ctrl+plus / Ctrl+minus / Ctrl+0: the size of the text in the section editors."""
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, percent))
        for page in self.section_pages.values():
            self._apply_zoom(page)
        if self.settings.zoom_percent != self.zoom:
            self.settings.zoom_percent = self.zoom
            self.save_settings()
        self.statusBar().showMessage(f"Zoom {self.zoom} %", 3000)

    def _zoom_steps(self, steps: int) -> None:
        """Ctrl + wheel in an editor: the menu's zoom steps."""
        from .menus import ZOOM_STEP

        self.set_zoom(self.zoom + steps * ZOOM_STEP)

    def _apply_zoom(self, page: SectionPage) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * self.zoom / 100)
        page.editor.setFont(font)

    def print_case(self) -> bool:
        """Skriv ut (Ctrl+P): ``export_flow.ExportFlow.print_case``."""
        return self.exports.print_case(self.display_name)

    def undo(self) -> None:
        """Ctrl+Z: the one history, whatever has focus."""
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def _commit_open_cells(self) -> None:
        """Text typed in a list's cell, not yet left: into the case (see CaseState.flush)."""
        editors = list((self.case_form._lists or {}).values())
        if self._motion_page is not None:
            editors += [self._motion_page.motionarer, self._motion_page.yrkanden]
        for editor in editors:
            editor.commit_open_cell()

    @property
    def phrases(self):
        """Standard phrases rendered in a worker thread (``phrase_flow``), made on first use."""
        if self._phrases is None:
            from .phrase_flow import PhraseFlow

            self._phrases = PhraseFlow(self.state, self.interaction)
        return self._phrases

    def insert_phrase(self, phrase: P.Phrase) -> bool:
        """Start filling in ``phrase``; it goes in where the cursor is now, when ready."""
        page = self.current_section_page()
        if page is None:
            return False
        self.phrases.insert(phrase, page.section_id, page.editor.textCursor())
        page.editor.setFocus()
        return True

    def _fill_phrases(self) -> None:
        self.phrase_menu.clear()
        spec = self.current_spec()
        if spec is None or not spec.phrases or self.current_section_page() is None:
            self.phrase_menu.addAction("(Inga fraser för det här steget)").setEnabled(False)
            return
        for phrase in spec.phrases:
            self._action(phrase.label, lambda p=phrase: self.insert_phrase(p), None,
                         self.phrase_menu)

    def build_decision(self, section_id: str, outcome: str, approved: list[bool]) -> bool:
        """Generate Förslag till beslut (``decision_flow``); asks before replacing own text."""
        if self.decisions.build(section_id, outcome, approved):
            self.refresh_timer.start()
            return True
        return False

    def change_profile(self, profile_id: str) -> None:
        if profile_id == self.profile.id:
            return
        try:
            new = self.registry.get(profile_id)
        except TillitError as err:
            _dialogs().show_error(self, str(err))
            return
        from ..newcase import switch_profile
        from .commands import change_case

        old = self.profile
        change_case(self.state, f"Byt profil till {new.name}",
                    lambda case: switch_profile(case, old, new))
        self.statusBar().showMessage(f"Profilen är nu {new.name}. All text finns kvar.", 8000)
