"""The main window: step navigator, current step, help, live preview, menus and file handling.

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
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from .. import profiles as P
from ..case import Case
from ..errors import TillitError
from ..fileformat import SUFFIX
from ..paths import AppPaths
from ..profiles import Profile, ProfileRegistry, SectionSpec
from ..section_layout import case_section, case_sections
from ..settings import Settings
from ..steps import STEP_CASE, STEP_MOTION, STEP_REVIEW, build_steps
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

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ..autosave import Autosaver
    from .caseform import MotionPage
    from .editor import SectionPage
    from .panes import ReviewPage

APP_TITLE = "Tillit Desk"
PREVIEW_DELAY_MS = 250  # preview and step states update this long after typing stops
# Beyond this (about 45 pages) the preview shows the beginning only: Qt keeps the layout of every
# previewed paragraph, and 400 000 cost a 100-page case ~10 MB more for pages nobody reads
# on screen (the export always has the whole text).
PREVIEW_CHAR_LIMIT = 250_000
NAVIGATOR_MIN = 170  # px: step names stay readable
EDITOR_MIN = 440  # px: about 60 characters a line; nothing squeezes the editor below this
SIDE_MIN = 280  # px: preview / review pane
ZOOM_MIN, ZOOM_MAX = 50, 300  # per cent (a step of gui/menus.ZOOM_STEP)
VERTICAL = 2  # Qt.Orientation.Vertical, set as a property: see the module docstring


def _dialogs():
    """``dialogs`` on first use (a prompt or an error is never part of start-up)."""
    from . import dialogs

    return dialogs


class MainWindow(QMainWindow):
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

    def place_review_pane(self, pane: QWidget) -> None:
        """The review pane goes in a tab beside the preview."""
        self.side.addTab(pane, "Granskning")

    def show_review_pane(self, visible: bool = True) -> None:
        pane = self.review.dock
        if visible:
            self.preview_action.setChecked(True)
            self.side.setCurrentWidget(pane)
            pane.show()
        elif self.side.currentWidget() is pane:
            self.side.setCurrentWidget(self.preview)

    def show_preview(self, visible: bool) -> bool:
        """Show the preview tab (or hide the side panel); returns whether it was visible."""
        was = self.preview.isVisible()
        if visible:
            self.side.setCurrentWidget(self.preview)
        self.preview_action.setChecked(visible)
        return was

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

    def _add_page(self, page: QWidget) -> None:
        """A step page whose own minimum width is ignored: the step area keeps its width
        whichever step is shown (pages built late made the panes jump)."""
        policy = page.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        page.setSizePolicy(policy)
        self.stack.addWidget(page)

    def _side_tab_changed(self, _index: int) -> None:
        on_review = self.review.dock_built and self.side.currentWidget() is self.review.dock
        self.review.pane_shown(on_review)
        if not on_review:
            self.refresh_timer.start()  # the preview was not rendered while hidden

    @property
    def motion_page(self) -> MotionPage:
        """The Motion step, built the first time it is needed."""
        if self._motion_page is None:
            from .caseform import MotionPage

            self._motion_page = MotionPage(self.undo_stack)
            self._motion_page.changed.connect(self.mark_changed)
            self._motion_page.reveal.connect(
                lambda field: self._reveal_field(STEP_MOTION, field))
            self._motion_page.set_case(self.case)
            self._add_page(self._motion_page)
        return self._motion_page

    @property
    def review_page(self) -> ReviewPage:
        """Granska och exportera, built the first time it is needed."""
        if self._review_page is None:
            from .panes import ReviewPage

            page = ReviewPage()
            page.docx.clicked.connect(lambda: self.export_docx())
            page.pdf.clicked.connect(lambda: self.export_pdf())
            page.set_warnings(self.last_warnings)
            self.review.connect_page(page)
            self._review_page = page
            self._add_page(page)
        return self._review_page

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

    def _drop_section_pages(self) -> None:
        for page in self.section_pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.section_pages.clear()

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

    def rebuild_steps(self) -> None:
        # before the first paint without the diarienummer pattern (built again after it)
        self.navigator.set_steps(build_steps(self.case, self.profile,
                                             check_patterns=getattr(self, "_painted", True)),
                                 self.review.statuses())

    def refresh(self) -> None:
        """Debounced: step states, review warnings and the preview."""
        self.flush_editors()
        self.rebuild_steps()
        from ..compose import compose

        composed = compose(self.case, self.profile)
        self.last_warnings = list(composed.warnings)
        if self._review_page is not None:
            self._review_page.set_warnings(self.last_warnings)
        self.review.refreshed()
        if self.preview.isVisible() or not self.isVisible():
            self.render_preview(composed)

    def render_preview(self, composed) -> None:
        from ..export.html import render_html

        total = 0
        for i, (_sid, block) in enumerate(composed.blocks):
            total += len(repr(block))
            if total > PREVIEW_CHAR_LIMIT:
                from ..compose import LabelLine

                composed.blocks = [*composed.blocks[:i], ("", LabelLine(
                    "Förhandsvisningen visar början av dokumentet; hela texten exporteras."))]
                break
        bar = self.preview.verticalScrollBar()
        pos = bar.value()
        self.preview.document().setDocumentMargin(18)  # a no-op after the first render
        self.preview.setHtml(render_html(composed))
        self.preview_renders += 1
        if not self._follow_pending or not self.follow_preview():
            bar.setValue(pos)

    def follow_preview(self) -> bool:
        """Scroll the preview to the heading of the section being edited (True when found).
        A step change asks for it; re-renders while typing keep the reader's place."""
        spec = self.current_spec()
        if spec is None or not spec.heading or self.preview.document().isEmpty():
            return False
        self._follow_pending = False
        block = self.preview.document().begin()
        while block.isValid():
            if block.text().strip() == spec.heading:
                layout = self.preview.document().documentLayout()
                top = layout.blockBoundingRect(block).top()
                self.preview.verticalScrollBar().setValue(max(0, int(top) - 12))
                return True
            block = block.next()
        return False

    def set_preview_visible(self, visible: bool) -> None:
        """F9: the side panel (preview, and the review pane when built) on or off."""
        self.side.setVisible(visible)
        if visible:
            self.refresh_timer.start()

    # ================================================================== steps

    def current_spec(self) -> SectionSpec | None:
        sid = self.navigator.current_id()
        return case_section(self.case, self.profile, sid) if sid else None

    def show_step(self) -> None:
        sid = self.navigator.current_id()
        if sid is None:
            return
        # Typing in a step and changing step (Ctrl+PgDown): the cursor goes into the step
        # shown. Left to Qt it went to the next field in the Tab order, maybe one out of view.
        focus = QApplication.focusWidget()
        typing = focus is not None and self.stack.isAncestorOf(focus)
        spec = case_section(self.case, self.profile, sid)  # the case's own sections too
        if sid == STEP_CASE:
            self.stack.setCurrentWidget(self.case_form)
            self.case_form.verticalScrollBar().setValue(0)
            self.help_pane.show_step("case", None)
        elif sid == STEP_MOTION:
            self.stack.setCurrentWidget(self.motion_page)
            self.help_pane.show_step("motion", None)
        elif sid == STEP_REVIEW:
            self.stack.setCurrentWidget(self.review_page)
            self.help_pane.show_step("review", None)
        elif spec is not None and spec.holds_text:
            page = self.section_page(spec)
            self.stack.setCurrentWidget(page)
            self.help_pane.show_step(spec.kind, spec)
        elif spec is not None:  # a list section: the list lives on the case form
            self.stack.setCurrentWidget(self.case_form)
            editor = self.case_form.lists.get(spec.kind)
            if editor is not None:
                QTimer.singleShot(0, lambda: self.case_form.ensureWidgetVisible(editor, 0, 0))
            self.help_pane.show_step(spec.kind, spec)
        self.review.step_shown(sid)
        self._follow_pending = True  # the preview shows this section's place
        self.follow_preview()
        if typing:
            self.focus_step()

    def section_page(self, spec: SectionSpec) -> SectionPage:
        """Created when first shown: the Markdown parser loads only when a section is opened."""
        page = self.section_pages.get(spec.id)
        if page is None:
            from .editor import SectionPage

            page = SectionPage(spec.id, spec.heading, spec.required,
                               self.state.document(spec.id))
            page.changed.connect(lambda _sid: self.mark_changed())
            page.editor.zoom_requested.connect(self._zoom_steps)
            if spec.kind == P.DECISION and self.case.motion is not None:
                from .panes import DecisionBuilder

                builder = DecisionBuilder()
                builder.set_motion(self.case)
                builder.set_choice(self.decisions.outcome, self.decisions.approved)
                builder.choice_changed.connect(self.decisions.remember)
                builder.generate.connect(
                    lambda outcome, approved, sid=spec.id: self.build_decision(sid, outcome,
                                                                               approved))
                page.top.addWidget(builder)
                page.builder = builder
            self.section_pages[spec.id] = page
            if self.zoom != 100:
                self._apply_zoom(page)
            self._add_page(page)
            self.review.attach(page)
        elif getattr(page, "builder", None) is not None:
            page.builder.set_motion(self.case)
            page.builder.set_choice(self.decisions.outcome, self.decisions.approved)
        return page

    def focus_step(self) -> None:
        """Tab or Enter in the step list: the cursor into the step shown, its text or its
        first field."""
        from PySide6.QtCore import Qt  # not at the top: the Qt namespace is ~13 ms of start-up

        page = self.stack.currentWidget()
        if page in self.section_pages.values():
            page.editor.setFocus(Qt.FocusReason.TabFocusReason)
            return
        sid = self.navigator.current_id()
        spec = case_section(self.case, self.profile, sid) if sid else None
        if page is self.case_form and spec is not None:  # a list step: its list
            editor = self.case_form.lists.get(spec.kind)
            if editor is not None:
                editor.table.setFocus(Qt.FocusReason.TabFocusReason)
                return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def focus_place(self, place: str, rule: str) -> None:
        """A finding about something outside the texts (Granskning): the cursor in its field
        ("dokument": diarienummer, datum, otherwise the title; a list: the list; "motion":
        its date or title), else in the step shown."""
        field: QWidget | None = None
        form = self.case_form
        if place == "dokument":
            field = (form.dnr if "diarienummer" in rule else
                     form.date if rule.startswith("metadata.datum") else form.title_edit)
        elif place in ("underlag", "beslutsplanering", "skickas_till", "signatures"):
            editor = form.lists.get(place)
            field = editor.table if editor is not None else None
        elif place == "motion" and self._motion_page is not None:
            page = self._motion_page
            field = page.submitted if "datum" in rule else page.title_edit
        page = self.stack.currentWidget()
        if field is None or not page.isAncestorOf(field):
            self.focus_step()
            return
        page.ensureWidgetVisible(field)
        field.setFocus()

    def go_to(self, step_id: str) -> None:
        self.navigator.select_id(step_id)

    # ================================================================== editing

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

    def _reveal_field(self, step_id: str, field: QWidget) -> None:
        """An undo or redo changed a field of Ärendeuppgifter or Motion: show it there with
        the cursor in it, as Word shows what it undid."""
        if step_id not in {s.id for s in self.navigator.steps}:
            return  # e.g. the Motion step of a case that is no longer a motion answer
        if self.navigator.current_id() != step_id:
            self.go_to(step_id)
        page = self.stack.currentWidget()
        if hasattr(page, "ensureWidgetVisible"):
            page.ensureWidgetVisible(field)
        field.setFocus()

    def _section_restored(self, section_id: str) -> None:
        """An undo or redo changed a section's text: show it there, as Word does."""
        if section_id in {s.id for s in self.navigator.steps}:
            if self.navigator.current_id() != section_id:
                self.go_to(section_id)
            page = self.section_pages.get(section_id)
            if page is not None and self.state.restored_at >= 0:
                cursor = page.editor.textCursor()
                cursor.setPosition(min(self.state.restored_at,
                                       page.editor.document().characterCount() - 1))
                page.editor.setTextCursor(cursor)
        self.mark_changed()

    def current_section_page(self) -> SectionPage | None:
        page = self.stack.currentWidget()
        return next((p for p in self.section_pages.values() if p is page), None)

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

    # ================================================================== files (file_flow.py)

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

    # ================================================================== export

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
