"""The review workflow in the window: live checks, the Granskning pane, statuses, comments,
versions, the review DOCX and the personal-data guard before export.

Kept out of ``mainwindow.py`` on purpose: the window calls a handful of hooks (attach a section
page, a step was shown, the case was replaced, may we export?) and everything else lives here.
The case, its profile and file come from the case-state (``case_state.CaseState``); every change
to ``case.review`` is a command on its one undo stack, so it marks the case as edited, is saved
in the .tillit file and can be undone. Messages go through the interaction object; the window
is reached only through the narrow ``ReviewView`` below (its section pages, steps and docks).

When the checks run and how their findings merge is the base class's (``review_live``); this
module shows them and holds the rest. Nothing of this is on screen when the window opens, so the
pane and its dock, the checker threads and the rule engine are built or imported on first use
(``pane``, ``dock``, ``checks``): start-up pays only for the menu entries.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QUndoCommand

from ..case import PLACE_HEADINGS
from ..errors import TillitError
from ..section_layout import case_section
from ..steps import STEP_CASE, STEP_MOTION, STEP_REVIEW
from .actions import make_action
from .interaction import plural
from .review_live import LiveReview, ReviewView, summary_text

if TYPE_CHECKING:
    from types import ModuleType

    from PySide6.QtWidgets import QMenu, QMenuBar

    from ..review.findings import Finding
    from .case_state import CaseState
    from .editor import SectionPage
    from .interaction import Interaction
    from .panes import ReviewPage
    from .review_pane import ReviewPane


def _w() -> ModuleType:
    """``review.workflow`` (statuses, comments, versions), imported on first use: a case
    without review data opens without it (~2 ms of start-up with ``review.findings``)."""
    from ..review import workflow

    return workflow


# The step that shows a place that is not a text section (headings: case.PLACE_HEADINGS).
PLACE_STEPS = {"dokument": STEP_CASE, "motion": STEP_MOTION, "underlag": STEP_CASE,
               "beslutsplanering": STEP_CASE, "skickas_till": STEP_CASE,
               "signatures": STEP_CASE, "export": STEP_REVIEW}


class ReviewChange(QUndoCommand):
    """Undo step for one key of ``case.review`` (status, comments, ignored, versions)."""

    def __init__(self, flow: ReviewWorkflow, text: str, key: str, before: Any, after: Any
                 ) -> None:
        super().__init__(text)
        self.flow, self.key, self.before, self.after = flow, key, before, after

    def _put(self, value: Any) -> None:
        _w().review_data(self.flow.case)[self.key] = copy.deepcopy(value)
        self.flow.review_changed()

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


class ReviewWorkflow(LiveReview):
    def __init__(self, state: CaseState, interaction: Interaction, view: ReviewView) -> None:
        super().__init__(state, interaction, view)
        self._pane: ReviewPane | None = None
        self.summary = ""  # the last findings summary, for the review page when it is built
        self.compare_dialog = None

    @property
    def pane(self) -> ReviewPane:
        """The Granskning pane, built (inside its dock) the first time it is needed."""
        if self._pane is None:
            from .review_pane import ReviewPane

            pane = ReviewPane(self.w.settings.name, self.w.settings.signature())
            pane.finding_chosen.connect(self.show_finding)
            pane.run_requested.connect(self.run_full_check)
            pane.status_chosen.connect(lambda status: self.set_status(status))
            pane.comment_added.connect(lambda text: self.add_comment(text))
            pane.comment_toggled.connect(self.toggle_comment)
            pane.comment_chosen.connect(self.show_comment)
            pane.show_resolved.toggled.connect(lambda _on: self._fill_comments())
            self._pane = pane
            self.w.place_review_pane(pane)  # a tab beside the preview
            self._fill_section()
            if self.full_done or self.live:  # results that came before the pane did
                self._fill_findings()
        return self._pane

    @property
    def dock(self) -> ReviewPane:
        """The pane's place in the window (a tab beside the preview); built on first use."""
        return self.pane

    @property
    def _dock(self) -> ReviewPane | None:
        return self._pane

    def connect_page(self, page: ReviewPage) -> None:
        """Granska och exportera was built: its review buttons, and the last summary."""
        page.review_export.clicked.connect(lambda: self.export_review())
        page.save_version.clicked.connect(lambda: self.save_version())
        page.compare.clicked.connect(lambda: self.compare_versions())
        page.show_pane.clicked.connect(self.show_pane)
        page.warning_chosen.connect(self.show_warning)
        if self.summary:
            page.set_summary(self.summary)

    @property
    def dock_built(self) -> bool:
        return self._pane is not None

    # ================================================================== menus

    def file_actions(self, arkiv: QMenu) -> None:
        self.export_action = self._action("E&xportera granskningsversion…",
                                          lambda: self.export_review(), None, arkiv)

    def build_menu(self, bar: QMenuBar) -> None:
        menu = bar.addMenu("&Granskning")
        # Does what the dock's own toggle action does, without building the dock first.
        self.pane_action = self._action("Visa &granskningspanel", None, "Ctrl+Shift+G", menu)
        self.pane_action.setCheckable(True)
        self.pane_action.triggered.connect(self._toggle_pane)
        self._action("Granska &hela ärendet", self.run_full_check, "F7", menu)
        self._action("&Kommentera…", self.focus_comment, "Ctrl+Alt+M", menu)
        status = menu.addMenu("Avsnittets &status")
        status.aboutToShow.connect(lambda: self._fill_status_menu(status))
        menu.addSeparator()
        self._action("Spara &version…", lambda: self.save_version(), None, menu)
        self._action("&Jämför versioner…", lambda: self.compare_versions(), None, menu)
        menu.addAction(self.export_action)

    def _fill_status_menu(self, menu: QMenu) -> None:
        if menu.actions():
            return
        workflow = _w()
        for key in workflow.STATUSES:
            # Alt letter: the first (&Utkast, &Klar för granskning, &Granskad), as in Word
            self._action("&" + workflow.STATUS_LABELS[key], lambda k=key: self.set_status(k),
                         None, menu)

    def _action(self, text: str, slot, keys, menu: QMenu) -> QAction:
        return make_action(self.ask.widget, text, slot, keys or None, menu)

    def _toggle_pane(self, checked: bool) -> None:
        self.w.show_review_pane(checked)

    def show_pane(self) -> None:
        """Show the pane: the tab beside the preview (the editor keeps its width)."""
        self.w.show_review_pane(True)

    def pane_shown(self, shown: bool) -> None:
        """The window switched tabs: the menu's check mark follows."""
        self.pane_action.setChecked(shown)

    # ================================================================== hooks from the window

    def case_changed(self) -> None:
        """A new case, or a whole-case undo: forget old results, check again."""
        self.forget_results()
        self._fill_section()  # the window has just rebuilt the steps
        self.full_timer.start()

    def attach(self, page: SectionPage) -> None:
        """A section editor was created: underline its findings, check it as the user types."""
        from .review_marks import EditorMarks

        marks = EditorMarks(page.editor)
        marks.suggest = self._suggest
        marks.add_word = self.add_word
        marks.ignore = self.ignore_finding
        marks.comment = self.focus_comment
        page.editor.marks = marks
        self.check_as_typed(page)

    def step_shown(self, step_id: str | None) -> None:
        self._fill_section()
        self.check_if_waiting(step_id)
        if step_id == STEP_REVIEW:
            self.run_full_check()
            self.show_pane()

    def statuses(self) -> dict[str, str]:
        if not self.case.review:  # nothing set: every section is Utkast, which is not shown
            return {}
        return _w().statuses(self.case, [s.id for s in self._sections()])

    def heading(self, sid: str) -> str:
        spec = case_section(self.case, self.state.profile, sid)  # this case's heading
        if spec is not None:
            return spec.heading
        return PLACE_HEADINGS.get(sid, sid.replace("_", " ").capitalize())

    def _fill_findings(self) -> None:
        found = self.findings()
        groups: dict[str, list[Finding]] = {}
        for f in found:
            groups.setdefault(f.section, []).append(f)
        from ..review.findings import FEL, TIPS, VARNING

        counts = {s: sum(1 for f in found if f.severity == s) for s in (FEL, VARNING, TIPS)}
        summary = (summary_text(counts[FEL], counts[VARNING], counts[TIPS])
                   if found else "Inga anmärkningar.")
        if not self.full_done:
            summary += " (Hela ärendet granskas…)"
        if self.checks.speller is None:
            summary += " Stavningskontrollen laddas."
        self.summary = summary
        if self._pane is not None:
            self._pane.set_findings([(self.heading(s), fs) for s, fs in groups.items()],
                                    summary)
        page = self.w.built_review_page()
        if page is not None:
            page.set_summary(summary)

    # ================================================================== jumping to text

    def _select(self, sid: str, span_md: tuple[int, int] | None, markdown: str) -> bool:
        page = self.w.section_pages.get(sid)
        if page is None:
            return False
        editor = page.editor
        editor.setFocus()
        if span_md is None:
            return False
        from PySide6.QtGui import QTextCursor

        from ..review.spans import SpanMap
        from .review_marks import document_text

        at = SpanMap(markdown, document_text(editor.document())).to_plain(*span_md)
        if at is None:
            return False
        cursor = QTextCursor(editor.document())
        cursor.setPosition(at[0])
        cursor.setPosition(at[1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        return True

    def show_finding(self, f: Finding) -> bool:
        """Go to the finding's section and select its text. True when the text was selected."""
        if case_section(self.case, self.state.profile, f.section) is None:  # own ones too
            target = PLACE_STEPS.get(f.section, STEP_REVIEW)
            self.w.go_to(target)
            self.w.focus_place(f.section, f.rule)  # the cursor in the field it is about
            return False
        self.w.go_to(f.section)
        page = self.w.section_pages.get(f.section)
        if page is None:  # a list (Underskrifter, Beslutsunderlag …): the cursor in it
            self.w.focus_step()
            return False
        from ..review.spans import locate

        markdown = page.markdown()
        return self._select(f.section, locate(markdown, f.start, f.end, f.excerpt), markdown)

    def show_warning(self, text: str) -> bool:
        """A line of Att åtgärda: go to the section or field it names, as a finding does."""
        from ..review.findings import Finding
        from .warning_places import warning_place

        self.state.flush()
        place = warning_place(text, self.case, self.state.profile)
        if place is None:
            return False
        section, rule = place
        return self.show_finding(Finding(rule, "warning", section, text))

    def show_comment(self, c: _w().Comment) -> bool:
        self.w.go_to(c.section)
        self.state.flush()
        return self._select(c.section, _w().anchor(self.case, c), self.case.section(c.section))

    # ================================================================== context menu

    def ignore_finding(self, f: Finding) -> None:
        self._change("Inte ett problem", "ignored",
                     lambda: _w().ignore_finding(self.case, f, by=self.author()))
        for sid in list(self.w.section_pages):
            self.check_page(sid)
        self.full_timer.start()

    # ================================================================== statuses, comments

    def author(self) -> str:
        typed = self._pane.author.text().strip() if self._pane is not None else ""
        return typed or self.w.settings.signature()

    def current_section(self) -> str | None:
        sid = self.w.current_step()
        spec = case_section(self.case, self.state.profile, sid) if sid else None
        return sid if spec is not None else None

    def _change(self, text: str, key: str, mutate) -> None:
        before = copy.deepcopy(_w().review_data(self.case)[key])
        mutate()
        after = copy.deepcopy(_w().review_data(self.case)[key])
        self.state.undo_stack.push(ReviewChange(self, text, key, before, after))

    def set_status(self, status: str, sid: str | None = None) -> bool:
        sid = sid or self.current_section()
        if sid is None:
            self.ask.status("Välj ett avsnitt för att ange dess status.", 5000)
            return False
        label = _w().STATUS_LABELS[status]
        self._change(f"Status {label}", "status",
                     lambda: _w().set_status(self.case, sid, status, by=self.author()))
        return True

    def add_comment(self, text: str, sid: str | None = None) -> _w().Comment | None:
        """A comment on the current section; on the selected text when there is a selection."""
        sid = sid or self.current_section()
        if sid is None or not text.strip():
            return None
        self.state.flush()
        start = end = None
        page = self.w.section_pages.get(sid)
        if page is not None and page.editor.textCursor().hasSelection():
            from ..review.spans import SpanMap
            from .review_marks import document_text

            cursor = page.editor.textCursor()
            spans = SpanMap(self.case.section(sid), document_text(page.editor.document()))
            span = spans.to_markdown(cursor.selectionStart(), cursor.selectionEnd())
            if span is not None:
                start, end = span
        made: list[_w().Comment] = []
        self._change("Kommentar", "comments", lambda: made.append(_w().add_comment(
            self.case, sid, text.strip(), self.author(), start=start, end=end)))
        if self._pane is not None:
            self._pane.new_comment.clear()
        return made[0]

    def toggle_comment(self, comment_id: str) -> None:
        c = next((c for c in _w().comments(self.case) if c.id == comment_id), None)
        if c is None:
            return
        if c.resolved:
            self._change("Öppna kommentar", "comments",
                         lambda: _w().reopen_comment(self.case, comment_id))
        else:
            self._change("Lös kommentar", "comments",
                         lambda: _w().resolve_comment(self.case, comment_id, by=self.author()))

    def focus_comment(self) -> None:
        self.show_pane()
        self.pane.tabs.setCurrentIndex(1)
        self.pane.new_comment.setFocus()

    def review_changed(self) -> None:
        """case.review changed (or was undone): navigator, pane."""
        self.w.rebuild_steps()
        self._fill_section()

    def _fill_section(self) -> None:
        if self._pane is None:
            return  # filled when the pane is built
        sid = self.current_section()
        self.pane.set_section(self.heading(sid) if sid else None,
                              _w().section_status(self.case, sid) if sid else None)
        self._fill_comments()

    def _fill_comments(self) -> None:
        if self._pane is None:
            return
        sid = self.current_section()
        self.pane.set_comments([(self.heading(c.section), c)
                                for c in _w().comments(self.case, section=sid)])

    # ================================================================== versions, export

    def save_version(self, name: str | None = None) -> bool:
        if name is None:
            count = len(_w().review_data(self.case)["versions"]) + 1
            from PySide6.QtWidgets import QInputDialog

            name, ok = QInputDialog.getText(self.ask.widget, "Spara version", "Namn på versionen:",
                                            text=f"Version {count}")
            if not ok:
                return False
        from ..versions import save_version

        self.state.flush()
        self._change(f"Spara version {name}", "versions",
                     lambda: save_version(self.case, name, author=self.author()))
        self.ask.status(f"Versionen ”{name}” är sparad i ärendet.", 5000)
        return True

    def compare_versions(self):
        from ..versions import list_versions
        from .review_versions import CompareDialog

        if not list_versions(self.case):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.ask.widget, "Jämför versioner",
                                    "Det finns inga sparade versioner ännu. Spara en version "
                                    "först (Granskning → Spara version…).")
            return None
        self.state.flush()
        headings = {s.id: s.heading for s in self._sections()}
        self.compare_dialog = CompareDialog(self.ask.widget, self.case, headings)
        self.compare_dialog.show()
        return self.compare_dialog

    def export_review(self, out: Path | None = None) -> Path | None:
        """Arkiv → Exportera granskningsversion: the DOCX with comments in the margin."""
        if out is None:
            path = self.state.path
            default = (path.with_name(path.stem + "-granskning.docx")
                       if path else Path.home() / "granskningsversion.docx")
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(self.ask.widget,
                                                    "Exportera granskningsversion",
                                                    str(default), "Word-dokument (*.docx)")
            if not chosen:
                return None
            out = Path(chosen)
            if out.suffix.lower() != ".docx":
                out = out.with_name(out.name + ".docx")
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from ..export.review_docx import export_review_docx

        self.state.flush()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_review_docx(self.case, self.state.profile, out)
        except TillitError as err:
            QApplication.restoreOverrideCursor()
            self.ask.error(str(err), "Exporten misslyckades")
            return None
        QApplication.restoreOverrideCursor()
        note = (f" {plural(len(result.warnings), 'kommentar sitter', 'kommentarer sitter')}"
                " vid rubriken.") \
            if result.on_heading else ""
        self.ask.status(f"Granskningsversionen är sparad: {out}.{note}", 8000)
        return out

    def confirm_export(self) -> bool:
        """While a personal-data finding is open, export only after "Exportera ändå"."""
        self.state.flush()
        found = self.checks.personal_data(self.case, self.state.profile)
        if not found:
            return True
        from PySide6.QtWidgets import QMessageBox

        lines = [f"• {self.heading(f.section)}: {f.excerpt}" for f in found[:6]]
        if len(found) > 6:
            lines.append(f"• … och {len(found) - 6} till")
        from .dialogs import ask_choice

        return ask_choice(self.ask.widget, "Personuppgifter i texten",
                          "Texten innehåller uppgifter som ser ut som personuppgifter "
                          "(personnummer, telefonnummer eller e-post):\n\n" + "\n".join(lines)
                          + "\n\nVill du exportera ändå?",
                          "Ta bort uppgifterna, eller markera dem som ”Inte ett problem” i "
                          "granskningen om de ska stå kvar.",
                          [(QMessageBox.StandardButton.Yes, "Exportera ändå", "export")],
                          default_cancel=True) == "export"
