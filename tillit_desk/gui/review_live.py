"""When the review checks run: each section editor as the user types, the whole case after the
preview refreshed, the spelling dictionary after start-up; and the findings they give, merged.

The base of ``review_workflow.ReviewWorkflow``, which shows the findings (``_fill_findings``)
and owns everything else of the review (the pane, statuses, comments, versions, export). The
checker threads and the rule engine are built on the first check (``checks``), not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer

from .interaction import plural
from .timers import defer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..paths import AppPaths
    from ..review.findings import Finding
    from ..settings import Settings
    from .case_state import CaseState
    from .editor import SectionPage
    from .interaction import Interaction
    from .panes import ReviewPage
    from .review_checks import ReviewChecks

class ReviewView(Protocol):
    """What the review workflow needs of the window: views, never the case."""

    settings: Settings
    paths: AppPaths
    section_pages: dict[str, SectionPage]

    def go_to(self, step_id: str) -> None: ...
    def current_step(self) -> str | None: ...
    def rebuild_steps(self) -> None: ...
    def built_review_page(self) -> ReviewPage | None: ...
    def place_review_pane(self, pane: QWidget) -> None: ...
    def show_review_pane(self, visible: bool = True) -> None: ...
    def focus_step(self) -> None: ...
    def focus_place(self, place: str, rule: str) -> None: ...


SECTION_DELAY_MS = 300  # a section is checked this long after typing stops
SPELLER_DELAY_MS = 2000  # after start-up: the first paint and first keystrokes come first
FULL_DELAY_MS = 1500  # the whole case, after the preview has refreshed
LIVE_LIMIT = 200_000  # longer sections are not checked as you type (the full check still runs)


def summary_text(errors: int, warnings: int, tips: int) -> str:
    return f"{errors} fel, {plural(warnings, 'varning', 'varningar')}, {tips} tips."


class LiveReview(QObject):
    def __init__(self, state: CaseState, interaction: Interaction, view: ReviewView) -> None:
        super().__init__(state)
        self.state, self.ask, self.w = state, interaction, view
        self._checks: ReviewChecks | None = None
        self.full: list[Finding] = []
        self.full_done = False
        self.live: dict[str, list[Finding]] = {}
        self._full_no = 0
        self._timers: dict[str, Any] = {}
        self._check_when_shown: set[str] = set()  # hidden editors waiting for a live check
        self.full_timer = defer(FULL_DELAY_MS, self.run_full_check, self)

        # Reading the dictionary is a second of pure Python: in a thread it still competes for
        # the interpreter, so it starts after the window has been painted and is usable.
        self.speller_timer = QTimer(self)
        self.speller_timer.setSingleShot(True)
        self.speller_timer.timeout.connect(lambda: self.checks.load_speller())
        self.speller_timer.start(SPELLER_DELAY_MS)

    @property
    def checks(self) -> ReviewChecks:
        """The checker threads and the speller, made on the first check (the rule engine is
        imported then, not at start-up)."""
        if self._checks is None:
            from .review_checks import ReviewChecks

            checks = ReviewChecks(self.w.paths.dictionary_file, self)
            checks.section_checked.connect(self._section_done)
            checks.full_checked.connect(self._full_done)
            checks.speller_ready.connect(self._speller_ready)
            checks.suggestions_ready.connect(self._suggestions_ready)
            checks.failed.connect(lambda msg: self.ask.note(msg, 8000))  # background
            self._checks = checks
        return self._checks

    @property
    def case(self):
        return self.state.case

    def stop(self) -> None:
        """The window is closing: start nothing new (a late dictionary load would point the
        shared speller at this window's user dictionary)."""
        self.speller_timer.stop()
        self.full_timer.stop()

    def idle(self) -> bool:
        """Nothing waiting to be checked and no check running (the memory bench waits for
        this, so that it measures the window the way a user leaves it)."""
        timers = [self.full_timer, self.speller_timer, *self._timers.values()]
        return (not any(t.isActive() for t in timers)
                and (self._checks is None or not self._checks.busy()))

    def forget_results(self) -> None:
        """A new case, or a whole-case undo: the old results and waiting checks are void."""
        self.full, self.full_done, self.live = [], False, {}
        self._timers.clear()
        self._check_when_shown.clear()

    def check_as_typed(self, page: SectionPage) -> None:
        """Check the section editor now and again each time typing stops."""
        sid = page.section_id
        timer = defer(SECTION_DELAY_MS, lambda: self.check_page(sid), page)
        self._timers[sid] = timer
        page.changed.connect(lambda _sid: timer.start())
        self.check_page(sid)

    def check_if_waiting(self, step_id: str | None) -> None:
        """A step was shown: its editor, hidden when the speller arrived, is checked now."""
        if step_id in self._check_when_shown:
            self._check_when_shown.discard(step_id)
            self.check_page(step_id)

    def _sections(self) -> list:
        """The case's sections (its own ones and renamed headings too), in print order."""
        from ..section_layout import case_sections

        return case_sections(self.case, self.state.profile)

    def refreshed(self) -> None:
        """The window refreshed after an edit: the full check follows a little later."""
        self.full_timer.start()

    def check_page(self, sid: str) -> None:
        page = self.w.section_pages.get(sid)
        if page is None or page.editor.marks is None:
            return
        if page.editor.document().characterCount() > LIVE_LIMIT:
            page.editor.marks.apply("", [])  # mapping spans costs too much here: full check only
            self.live.pop(sid, None)
            return
        self.checks.check_section(self.case, self.state.profile, sid, page.markdown(),
                                  page.editor.marks.revision)

    def run_full_check(self) -> None:
        self.full_timer.stop()
        self.state.flush()
        self._full_no = self.checks.check_all(self.case, self.state.profile)

    def _section_done(self, sid: str, revision: int, text: str, findings: list) -> None:
        page = self.w.section_pages.get(sid)
        marks = page.editor.marks if page is not None else None
        if marks is None or marks.revision != revision:
            return  # the text changed since: a newer check is on its way
        marks.apply(text, findings)
        self.live[sid] = findings
        self._fill_findings()

    def _full_done(self, number: int, findings: list) -> None:
        if number != self._full_no:
            return
        self.full, self.full_done = findings, True
        self._fill_findings()

    def _speller_ready(self) -> None:
        self.ask.note("Stavningskontrollen är klar att använda.", 4000)
        # Spell-check the editor on screen now. Hidden ones are checked when shown: until then
        # the full check below (which spells every section) stands for them in the pane.
        for sid, page in list(self.w.section_pages.items()):
            if page.isVisible():
                self.check_page(sid)
            else:
                self.live.pop(sid, None)
                self._check_when_shown.add(sid)
        self.full_timer.start()

    def findings(self) -> list[Finding]:
        """The last full check, with the live results of the open editors in place."""
        from ..review.registry import SECTION, all_rules

        rules = all_rules()
        kept = [f for f in self.full
                if not (f.section in self.live and f.rule in rules
                        and rules[f.rule].scope == SECTION)]
        merged = kept + [f for found in self.live.values() for f in found]
        order = {s.id: i for i, s in enumerate(self._sections())}
        order.update({"dokument": -2, "motion": -1})
        return sorted(merged, key=lambda f: (order.get(f.section, 999), f.start, f.rule))

    def _fill_findings(self) -> None:
        """Show the findings (the pane, the review page): ``ReviewWorkflow``'s."""
        raise NotImplementedError

    # ================================================================== context menu (speller)

    def _suggest(self, word: str) -> list[str] | None:
        return self.checks.suggest(word)

    def _suggestions_ready(self, word: str, found: list) -> None:
        for page in self.w.section_pages.values():
            if page.editor.marks is not None:
                page.editor.marks.fill_pending(word, found)

    def add_word(self, word: str) -> None:
        self.checks.add_word(word)
        self.ask.status(f"”{word}” är tillagt i din ordlista.", 4000)
        for sid in list(self.w.section_pages):
            self.check_page(sid)
