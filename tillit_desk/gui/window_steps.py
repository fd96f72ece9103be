"""The steps and their pages: which page shows, each built on first use, and where the
cursor goes.

A part of ``MainWindow`` (gui/mainwindow.py), which inherits it; it reads the window's own
attributes and never imports the window module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from .. import profiles as P
from ..profiles import SectionSpec
from ..section_layout import case_section
from ..steps import STEP_CASE, STEP_MOTION, STEP_REVIEW, build_steps

if TYPE_CHECKING:
    from .caseform import MotionPage
    from .editor import SectionPage
    from .panes import ReviewPage


class StepPages:
    """The steps and their pages."""

    def _add_page(self, page: QWidget) -> None:
        """A step page whose own minimum width is ignored: the step area keeps its width
        whichever step is shown (pages built late made the panes jump)."""
        policy = page.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        page.setSizePolicy(policy)
        self.stack.addWidget(page)

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

    def _drop_section_pages(self) -> None:
        for page in self.section_pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.section_pages.clear()

    def rebuild_steps(self) -> None:
        # before the first paint without the diarienummer pattern (built again after it)
        self.navigator.set_steps(build_steps(self.case, self.profile,
                                             check_patterns=getattr(self, "_painted", True)),
                                 self.review.statuses())

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
