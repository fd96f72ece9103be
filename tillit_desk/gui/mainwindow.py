"""The main window: its layout, menus and wiring. Its jobs are parts it inherits, one module each:
``window_steps`` (steps and pages), ``window_preview`` (preview and review tab),
``window_editing`` (Word's editing habits) and ``window_files`` (Arkiv).

A thin layer over the core: the case is a ``case.Case``; saving, composing, exporting, phrases
and the decision text all come from core modules, imported when first needed so that the first
window appears quickly.

Start-up: only what the first painted window shows is built before it is shown (navigator,
Ärendeuppgifter, help, an empty preview, the menus, and Granska och exportera, whose width the
layout depends on). The Motion page, the section editors, the review pane and every dialog are
built on first use, and modules are imported where they are needed. Nothing here touches
``Qt`` (the namespace) before the first paint: PySide6 creates Python enums for all ~100 of
its enums on first access (~20 ms).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from .. import profiles as P
from ..case import Case
from ..errors import TillitError
from ..paths import AppPaths
from ..profiles import Profile, ProfileRegistry
from ..settings import Settings
from ..steps import STEP_CASE
from .actions import make_action
from .case_state import CaseState
from .caseform import CaseForm
from .decision_flow import DecisionFlow
from .file_flow import FileFlow
from .interaction import Interaction
from .navigator import Navigator
from .panes import HelpPane
from .review_workflow import ReviewWorkflow
from .timers import defer
from .window_editing import ZOOM_MAX, ZOOM_MIN, Editing
from .window_files import FileCommands, _dialogs
from .window_preview import PreviewSide
from .window_steps import StepPages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from .caseform import MotionPage
    from .editor import SectionPage
    from .panes import ReviewPage

APP_TITLE = "Tillit Desk"
PREVIEW_DELAY_MS = 250  # preview and step states update this long after typing stops
NAVIGATOR_MIN = 170  # px: step names stay readable
EDITOR_MIN = 440  # px: about 60 characters a line; nothing squeezes the editor below this
SIDE_MIN = 280  # px: preview / review pane
VERTICAL = 2  # Qt.Orientation.Vertical, set as a property: see the module docstring


class MainWindow(StepPages, PreviewSide, Editing, FileCommands, QMainWindow):
    """The window: its layout, menus and wiring; its jobs are the parts it inherits."""

    def __init__(self, settings: Settings, registry: ProfileRegistry, paths: AppPaths) -> None:
        super().__init__()
        self.settings, self.registry, self.paths = settings, registry, paths
        # The open case, its file and the one undo history: every pane goes through it.
        self.state = CaseState(registry, Case(), registry.get(P.DEFAULT_PROFILE), self)
        self.state.open_edits.append(self._commit_open_cells)
        self.display_name = "Namnlöst ärende"
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.state.case_changed.connect(self._case_changed)
        self.state.section_changed.connect(self._section_restored)
        self._motion_page: MotionPage | None = None
        self._review_page: ReviewPage | None = None
        self._exports = None  # export_flow.ExportFlow, made on first use
        self._phrases = None  # phrase_flow.PhraseFlow, made on first use
        self.last_warnings: list[str] = []
        self.preview_renders = 0  # how many times the preview was rebuilt (bench, tests)
        self._follow_pending = False  # scroll the preview to the current section when rendered
        self.find_dialog = None  # find_replace.FindReplaceDialog, made on first use
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, settings.zoom_percent))

        self.setAccessibleName("Tillit Desk")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._build_ui()
        self.interaction = Interaction(self)  # how workflows ask and report
        from .case_lock import CaseLocks  # the open case's lock file (issue 14)

        self.locks = CaseLocks(self.state, self.interaction, lambda: self.settings.name)
        self.decisions = DecisionFlow(self.state, self.interaction)
        self.files = FileFlow(self.state, self.interaction, settings, registry, paths, self,
                              self.locks)
        from .status_line import StatusLine

        self.status_line = StatusLine(self.statusBar())  # busy / status / note: one rule
        self.interaction.status_message.connect(self.status_line.status)
        self.interaction.note_message.connect(self.status_line.note)
        self.interaction.busy_message.connect(self.status_line.busy)
        self.interaction.done_message.connect(self.status_line.done)
        # Granskning: live checks, pane, comments, versions; reads the case from the state
        self.review = ReviewWorkflow(self.state, self.interaction, self)
        self._build_menus()
        self.refresh_timer = defer(PREVIEW_DELAY_MS, self.refresh, self)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.apply_settings()
        self._painted = False
        # after the first paint: the case form's four list editors, the diarienummer check,
        # the window icon and the app-state signal
        self._after_paint: list = [lambda: self.case_form.lists, self.case_form.check_dnr,
                                   self.rebuild_steps, self._set_icon, self._connect_app_state]

    # ================================================================== the case-state

    @property
    def case(self) -> Case:
        return self.state.case

    @property
    def profile(self) -> Profile:
        return self.state.profile

    @property
    def path(self) -> Path | None:
        return self.state.path

    @property
    def dirty(self) -> bool:
        return self.state.dirty

    @property
    def undo_stack(self) -> QUndoStack:
        return self.state.undo_stack

    # ---------------------------------------------------------------- the review workflow's view

    def current_step(self) -> str | None:
        return self.navigator.current_id()

    def built_review_page(self) -> ReviewPage | None:
        return self._review_page

    # ================================================================== after the first paint

    def when_painted(self, fn) -> None:
        """Run ``fn`` from the event loop once the window has been painted for the first time
        (at once, through the event loop, if it already has): work nobody sees at start-up."""
        if self._painted:
            QTimer.singleShot(0, fn)
        else:
            self._after_paint.append(fn)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, []
        for fn in waiting:
            fn()

    def createPopupMenu(self):  # noqa: N802 - Qt API
        """The menu-bar context menu offers the review pane (a tab, so Qt's own menu of docks
        would be empty)."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction(self.review.pane_action)
        return menu

    def _set_icon(self) -> None:
        """The window icon, set a moment after the first paint: QIcon's class and the seven
        PNGs cost ~2 ms of start-up, and until then the desktop shows the icon it knows from
        the bundle's .exe or the .desktop file (the same picture)."""
        from .icon import app_icon

        self.setWindowIcon(app_icon())

    def _connect_app_state(self) -> None:
        # Importing Qt builds its enums (~20 ms), which this signal's argument needs: PySide6
        # cannot convert a Qt.ApplicationState before that, so the slot is connected here.
        from PySide6.QtCore import Qt  # noqa: F401

        QApplication.instance().applicationStateChanged.connect(self._app_state_changed)

    # ================================================================== layout

    def _build_ui(self) -> None:
        self.navigator = Navigator()
        self.navigator.currentRowChanged.connect(lambda _r: self.show_step())
        self.navigator.enter_step.connect(self.focus_step)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Aktuellt steg")
        self.case_form = CaseForm(self.registry, self.undo_stack)
        self.case_form.dnr_check_deferred = True  # until painted: see _after_paint
        self.case_form.changed.connect(self.mark_changed)
        self.case_form.profile_requested.connect(self.change_profile)
        self.case_form.motion_toggled.connect(lambda _on: self.rebuild_steps())
        self.case_form.reveal.connect(lambda field: self._reveal_field(STEP_CASE, field))
        self._add_page(self.case_form)
        self.section_pages: dict[str, SectionPage] = {}
        self.help_pane = HelpPane()
        self.help_pane.phrase_chosen.connect(self.insert_phrase)
        self.centre = QSplitter()
        self.centre.setProperty("orientation", VERTICAL)
        self.centre.setAccessibleName("Arbetsyta")
        self.centre.addWidget(self.stack)
        self.centre.addWidget(self.help_pane)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 1)
        self.centre.setSizes([560, 190])
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Förhandsvisning")
        self.preview.setAccessibleDescription("Hela dokumentet som det skrivs ut.")
        self.preview.setOpenLinks(False)  # its document margin is set on the first render
        # The preview and (once built) the review pane share one place beside the editor, as
        # tabs: the review pane never takes width from the editor or the step list.
        self.side = QTabWidget()
        self.side.setAccessibleName("Förhandsvisning och granskning")
        self.side.setDocumentMode(True)
        self.side.addTab(self.preview, "Förhandsvisning")
        self.side.currentChanged.connect(self._side_tab_changed)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setAccessibleName("Fönstrets delar")
        for w, minimum in ((self.navigator, NAVIGATOR_MIN), (self.centre, EDITOR_MIN),
                           (self.side, SIDE_MIN)):
            w.setMinimumWidth(minimum)
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 570, 480])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.statusBar().setAccessibleName("Statusrad")

    def _action(self, text: str, slot, keys=None, menu=None) -> QAction:
        return make_action(self, text, slot, keys, menu)

    def _build_menus(self) -> None:
        from .menus import build_menus  # the menu bar's layout: gui/menus.py

        build_menus(self)

    # ================================================================== case state

    def set_case(self, case: Case, path: Path | None, display_name: str | None = None,
                 dirty: bool = False) -> None:
        """Show a case. Unknown profile ids fall back to the default profile, with a note."""
        try:
            profile = self.registry.get(case.profile)
        except TillitError as err:
            profile = self.registry.get(P.DEFAULT_PROFILE)
            self.statusBar().showMessage(f"{err} Visar med {profile.name}.", 10000)
        self._drop_section_pages()
        self.state.replace(case, profile, path, dirty)
        self.display_name = display_name or (path.name if path else "Namnlöst ärende")
        self.case_form.set_case(case, profile)
        if self._motion_page is not None:
            self._motion_page.set_case(case)
        self.rebuild_steps()
        self.navigator.setCurrentRow(0)
        self.show_step()
        self.set_dirty(dirty)
        self.refresh_timer.start()
        self.review.case_changed()

    def set_dirty(self, dirty: bool) -> None:
        self.state.set_dirty(dirty)
        self.files.autosave_pending = dirty
        self.setWindowTitle(f"{self.display_name}{self.locks.title_suffix}[*] – {APP_TITLE}")
        self.setWindowModified(dirty)

    def _undo_index_changed(self, _index: int) -> None:
        self.mark_changed()

    def mark_changed(self) -> None:
        if not self.dirty:
            self.set_dirty(True)
        self.files.autosave_pending = True
        self.refresh_timer.start()

    def flush_editors(self) -> None:
        """Write every edited section back into the case (before save, export, preview)."""
        self.state.flush()

    # ================================================================== export

    def _case_changed(self) -> None:
        """A whole-case command was done or undone (profile, motion import): rebuild the views
        from the case-state. The section documents stay; their pages are rebuilt."""
        current = self.navigator.current_id() or STEP_CASE
        self._drop_section_pages()
        self.case_form.set_case(self.case, self.profile)
        if self._motion_page is not None:
            self._motion_page.set_case(self.case)
        self.rebuild_steps()
        self.go_to(current)
        self.show_step()  # its page was rebuilt even when the step stays the same
        self.mark_changed()
        self.review.case_changed()

    # ================================================================== settings, autosave

    def apply_settings(self) -> None:
        self.autosave_timer.start(self.settings.autosave_seconds * 1000)
        if self.settings.notes:  # what a broken settings file fell back on
            self.statusBar().showMessage(" ".join(self.settings.notes), 15000)
            self.settings.notes = []  # said once

    def edit_settings(self) -> None:
        dlg = _dialogs().SettingsDialog(self, self.settings, self.registry)
        if dlg.exec() == _dialogs().QDialog.DialogCode.Accepted:
            dlg.apply()
            self.save_settings()
            self.apply_settings()

    def _app_state_changed(self, state) -> None:
        from PySide6.QtCore import Qt

        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosave()
        super().changeEvent(event)

    # ================================================================== help

    def show_manual(self) -> None:
        from .about import ManualDialog

        self.manual_dialog = ManualDialog(self)
        self.manual_dialog.show()

    def show_about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self).exec()

    # ================================================================== window events

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.confirm_discard():
            event.ignore()
            return
        if self._exports is not None:
            self._exports.stop()
        if self._phrases is not None:
            self._phrases.wait()
        self.autosave_timer.stop()
        self.refresh_timer.stop()
        self.review.stop()
        self.locks.release()
        self.files.closing()
        event.accept()





def widget_names_missing(root: QWidget) -> list[str]:
    """Interactive widgets without an accessible name (used by the accessibility test)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTextEdit,
    )

    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QTextEdit)
    missing = []
    for w in root.findChildren(QWidget):
        if isinstance(w, kinds) and not w.accessibleName() and w.isVisibleTo(root):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox):
                continue
            missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing
