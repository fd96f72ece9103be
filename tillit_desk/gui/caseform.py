"""Ärendeuppgifter and Motion pages: the case's data, written to the case as the user types."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..case import (
    PURPOSE_ATGARD,
    PURPOSE_KANNEDOM,
    Case,
    Meeting,
    Motion,
    Motionar,
    Recipient,
    Signatory,
    UnderlagItem,
)
from ..profiles import Profile, ProfileRegistry
from .commands import FieldEdit, OneHistory

if TYPE_CHECKING:
    from .listedit import Column, ListEditor


def _iso_date(text: str) -> QDate | None:
    """A case date (ÅÅÅÅ-MM-DD) for the date field; None for a half-typed or other text. Read
    by Qt: the ``datetime`` module would be one more import before the first paint."""
    for form in ("yyyy-MM-dd", "yyyyMMdd"):  # as date.fromisoformat reads them
        parsed = QDate.fromString(text.strip(), form)
        if parsed.isValid():
            return parsed
    return None


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class _Page(QScrollArea):
    """A scrollable form page; ``changed`` tells the window to mark the case modified,
    ``reveal`` that an undo or redo changed this field (the window shows it, as Word does)."""

    changed = Signal()
    reveal = Signal(QWidget)

    def __init__(self, name: str, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.undo_stack = undo_stack
        self._history = OneHistory(self)
        self.setWidgetResizable(True)
        self.setAccessibleName(name)
        self.body = QWidget()
        self.body.setAccessibleName(f"{name}: formulär")
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(12, 8, 12, 12)
        heading = QLabel(f"<h2>{name}</h2>")
        heading.setAccessibleName(f"Rubrik: {name}")
        self.layout_.addWidget(heading)
        self.setWidget(self.body)
        self._filling = False

    def _bind(self, edit: QLineEdit, owner: Callable[[], object], attr: str,
              after: Callable[[], None] | None = None) -> None:
        """Typing in ``edit`` sets ``owner().attr``, as one undo step per burst."""
        edit.installEventFilter(self._history)  # Ctrl+Z: the window's one history

        def apply(value: str) -> None:
            setattr(owner(), attr, value)
            self._filling = True
            try:
                edit.setText(value)
            finally:
                self._filling = False
            if after is not None:
                after()
            self.changed.emit()
            self.reveal.emit(edit)

        def on_edit(text: str) -> None:
            if self._filling:
                return
            before = getattr(owner(), attr)
            setattr(owner(), attr, text)
            if after is not None:
                after()
            self.undo_stack.push(FieldEdit(edit, f"Ändra {edit.accessibleName()}", apply,
                                           before, text))
            self.changed.emit()
        edit.textEdited.connect(on_edit)


def show_start(edit: QLineEdit, text: str) -> None:
    """Set a field's text and show its first words (setText leaves the cursor at the end,
    so a long title showed only its tail)."""
    edit.setText(text)
    edit.setCursorPosition(0)


class CaseForm(_Page):
    """Profile, organisation, title, diarienummer, date, handläggare, chain and the lists."""

    profile_requested = Signal(str)  # the user picked another profile
    motion_toggled = Signal(bool)

    def __init__(self, registry: ProfileRegistry, undo_stack: QUndoStack) -> None:
        super().__init__("Ärendeuppgifter", undo_stack)
        self.case: Case | None = None
        self.profile: Profile | None = None
        self._motion_stash: Motion | None = None
        form = QFormLayout()
        self.layout_.addLayout(form)
        self.profile_box = QComboBox()
        self.profile_box.setAccessibleName("Profil")
        for p in registry.all():
            self.profile_box.addItem(p.name, p.id)
        self.profile_box.activated.connect(
            lambda _i: self.profile_requested.emit(self.profile_box.currentData()))
        form.addRow("&Profil", self.profile_box)
        self.organisation = _line("Organisation")
        self.unit = _line("Förvaltning eller enhet")
        self.addressee = _line("Mottagare över titeln", "T.ex. Socialnämnden (skrivs över titeln)")
        self.title_edit = _line("Ärendets titel", "Vad ärendet gäller")
        self.dnr = _line("Diarienummer")
        self.dnr_status = QLabel()
        self.dnr_status.setAccessibleName("Kontroll av diarienummer")
        self.dnr_status.setWordWrap(True)
        # A wrapping label asks its form row for the height of a ~90 px wide layout (three
        # lines for one line of text): with a real width the row fits what it shows.
        self.dnr_status.setMinimumWidth(250)
        self.date = QDateEdit()
        self.date.setAccessibleName("Datum")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.ref_name = _line("Handläggarens namn")
        self.ref_title = _line("Handläggarens titel")
        self.ref_email = _line("Handläggarens e-post")
        self.ref_phone = _line("Handläggarens telefon")
        self.chain = _line("Beslutskedja", "Kommunstyrelsen föreslår kommunfullmäktige besluta")
        self.is_motion = QCheckBox("Ärendet är ett svar på en motion")
        self.is_motion.setAccessibleName("Ärendet är ett svar på en motion")
        for label, widget in (("&Organisation", self.organisation), ("&Förvaltning", self.unit),
                              ("Ti&ll", self.addressee), ("&Titel", self.title_edit),
                              ("&Diarienummer", self.dnr),
                              ("", self.dnr_status), ("Dat&um", self.date),
                              ("Hand&läggare", self.ref_name), ("Titel", self.ref_title),
                              ("&E-post", self.ref_email), ("Telefon", self.ref_phone),
                              ("&Beslutskedja", self.chain), ("", self.is_motion)):
            form.addRow(label, widget)
        doc = lambda: self.case.document  # noqa: E731 - short accessor for the bindings
        ref = lambda: self.case.document.handlaggare  # noqa: E731
        self._bind(self.organisation, doc, "organisation")
        self._bind(self.unit, doc, "unit")
        self._bind(self.addressee, doc, "addressee")
        self._bind(self.title_edit, doc, "title")
        self._bind(self.dnr, doc, "diarienummer", self._check_dnr)
        self._bind(self.ref_name, ref, "name")
        self._bind(self.ref_title, ref, "title")
        self._bind(self.ref_email, ref, "email")
        self._bind(self.ref_phone, ref, "phone")
        self._bind(self.chain, doc, "decision_chain")
        self.date.dateChanged.connect(self._set_date)
        self.is_motion.toggled.connect(self._toggle_motion)

        self._lists: dict[str, ListEditor] | None = None  # built on first use: see ``lists``
        self.layout_.addStretch(1)
        # Before the window's first paint the diarienummer is checked later (check_dnr): the
        # profile's pattern runs in the ``regex`` package, whose import costs ~7 ms.
        self.dnr_check_deferred = False

    @property
    def lists(self) -> dict[str, ListEditor]:
        """The four list editors (Underskrifter, Beslutsunderlag, Beslutsplanering, Beslutet
        skickas till), below the fields. Built on first use, which the window asks for right
        after its first paint: four tables and their classes cost ~10 ms of start-up."""
        if self._lists is None:
            from .listedit import Column

            self._lists = {}
            undo_stack = self.undo_stack
            self._add_list("signatures", "Underskrifter",
                           [Column("name", "Namn"), Column("title", "Titel")], "signatories",
                           Signatory, undo_stack)
            self._add_list("underlag", "Beslutsunderlag",
                           [Column("text", "Handling"), Column("date", "Datum", stretch=False)],
                           "underlag", UnderlagItem, undo_stack)
            self._add_list("beslutsplanering", "Beslutsplanering",
                           [Column("body", "Organ"), Column("date", "Datum", stretch=False)],
                           "beslutsplanering", Meeting, undo_stack)
            self._add_list("skickas_till", "Beslutet skickas till",
                           [Column("name", "Mottagare"),
                            Column("purpose", "Syfte", ((PURPOSE_KANNEDOM, "För kännedom"),
                                                        (PURPOSE_ATGARD, "För åtgärd")),
                                   False)],
                           "skickas_till", Recipient, undo_stack)
            # Tab order as they stand, right after the motion box (built after the first
            # paint, they were put last in the window's order, after the preview)
            previous: QWidget = self.is_motion
            for editor in self._lists.values():
                for widget in editor.focus_chain():
                    QWidget.setTabOrder(previous, widget)
                    previous = widget
            if self.case is not None:
                self._filling = True
                try:
                    for editor in self._lists.values():
                        editor.refresh()
                finally:
                    self._filling = False
        return self._lists

    def _add_list(self, key: str, title: str, columns: list[Column], attr: str, cls,
                  undo_stack: QUndoStack) -> None:
        from .listedit import ListEditor

        editor = ListEditor(
            title, columns,
            read=lambda: [r.to_dict() for r in getattr(self.case, attr)] if self.case else [],
            write=lambda rows: setattr(self.case, attr, [cls.from_dict(r) for r in rows]),
            undo_stack=undo_stack)
        editor.changed.connect(self.changed)
        editor.restored.connect(self.reveal)
        self.layout_.insertWidget(self.layout_.count() - 1, editor)  # above the stretch
        self._lists[key] = editor

    # ------------------------------------------------------------------ data

    def set_case(self, case: Case, profile: Profile) -> None:
        self.case, self.profile = case, profile
        self._filling = True
        try:
            d = case.document
            self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(profile.id)))
            for edit, value in ((self.organisation, d.organisation), (self.unit, d.unit),
                                (self.addressee, d.addressee), (self.title_edit, d.title),
                                (self.dnr, d.diarienummer),
                                (self.ref_name, d.handlaggare.name),
                                (self.ref_title, d.handlaggare.title),
                                (self.ref_email, d.handlaggare.email),
                                (self.ref_phone, d.handlaggare.phone),
                                (self.chain, d.decision_chain)):
                show_start(edit, value)
            self.dnr.setPlaceholderText(profile.diarienummer_example or "Diarienummer")
            self.chain.setPlaceholderText(profile.decision_chain)
            parsed = _iso_date(d.date)
            if parsed is not None:
                self.date.setDate(parsed)
            self.is_motion.setChecked(case.motion is not None)
            for editor in (self._lists or {}).values():
                editor.refresh()
        finally:
            self._filling = False
        if not self.dnr_check_deferred:
            self._check_dnr()

    def check_dnr(self) -> None:
        """Check the diarienummer now, and from now on at every change."""
        self.dnr_check_deferred = False
        self._check_dnr()

    def _check_dnr(self) -> None:
        if self.case is None or self.profile is None:
            return
        text = self.case.document.diarienummer
        if not text.strip():
            self.dnr_status.setText("")
        elif self.profile.diarienummer_ok(text):
            self.dnr_status.setText("✓ Diarienumret följer profilens mönster.")
            self.dnr_status.setStyleSheet("color: #1d6b2f;")
        else:
            example = self.profile.diarienummer_example
            self.dnr_status.setText("Diarienumret följer inte profilens mönster"
                                    + (f" (exempel: {example})." if example else "."))
            self.dnr_status.setStyleSheet("color: #a32020;")

    def _set_date(self, date: QDate) -> None:
        if self._filling or self.case is None:
            return
        before, after = self.case.document.date, date.toString("yyyy-MM-dd")
        self.case.document.date = after
        self.undo_stack.push(FieldEdit(self.date, "Ändra datum", self._apply_date, before, after))
        self.changed.emit()

    def _apply_date(self, value: str) -> None:
        self.case.document.date = value
        self._filling = True
        try:
            parsed = _iso_date(value)
            if parsed is not None:
                self.date.setDate(parsed)
        finally:
            self._filling = False
        self.changed.emit()
        self.reveal.emit(self.date)

    def _toggle_motion(self, on: bool) -> None:
        if self._filling or self.case is None:
            return
        before = self.case.motion
        if on and self.case.motion is None:
            after = self._motion_stash or Motion()
        elif not on and self.case.motion is not None:
            self._motion_stash, after = self.case.motion, None
        else:
            return
        self._set_motion(after)
        self.undo_stack.push(FieldEdit(self.is_motion, "Svar på en motion", self._apply_motion,
                                       before, after))

    def _apply_motion(self, motion: Motion | None) -> None:
        """Undo or redo of the motion box: set it and show it."""
        self._set_motion(motion)
        self.reveal.emit(self.is_motion)

    def _set_motion(self, motion: Motion | None) -> None:
        self.case.motion = motion
        self._filling = True
        try:
            self.is_motion.setChecked(motion is not None)
        finally:
            self._filling = False
        self.changed.emit()
        self.motion_toggled.emit(motion is not None)


class MotionPage(_Page):
    """The motion being answered: title, date, motionärer and yrkanden."""

    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__("Motion", undo_stack)
        from .listedit import Column, ListEditor

        self.case: Case | None = None
        form = QFormLayout()
        self.layout_.addLayout(form)
        self.title_edit = _line("Motionens titel")
        self.submitted = _line("Motionen inlämnad", "ÅÅÅÅ-MM-DD")
        self.addressed = _line("Motionen ställd till", "Kommunfullmäktige")
        form.addRow("&Titel", self.title_edit)
        form.addRow("&Inlämnad", self.submitted)
        form.addRow("Ställ&d till", self.addressed)
        motion = lambda: self.case.motion  # noqa: E731
        self._bind(self.title_edit, motion, "title")
        self._bind(self.submitted, motion, "submitted")
        self._bind(self.addressed, motion, "addressed_to")
        note = QLabel("Motionen kan också läsas in från en fil: Arkiv → Importera motion…")
        note.setAccessibleName("Tips om import av motion")
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.motionarer = ListEditor(
            "Motionärer", [Column("name", "Namn"), Column("party", "Parti", stretch=False)],
            read=lambda: ([m.to_dict() for m in self.case.motion.motionarer]
                          if self.case and self.case.motion else []),
            write=lambda rows: setattr(self.case.motion, "motionarer",
                                       [Motionar.from_dict(r) for r in rows]),
            undo_stack=undo_stack)
        self.yrkanden = ListEditor(
            "Yrkanden (att-satser)", [Column("text", "Att-sats")],
            read=lambda: ([{"text": y} for y in self.case.motion.yrkanden]
                          if self.case and self.case.motion else []),
            write=lambda rows: setattr(self.case.motion, "yrkanden",
                                       [r.get("text", "") for r in rows]),
            undo_stack=undo_stack)
        for editor in (self.motionarer, self.yrkanden):
            editor.changed.connect(self.changed)
            editor.restored.connect(self.reveal)
            self.layout_.addWidget(editor)
        self.layout_.addStretch(1)

    def set_case(self, case: Case) -> None:
        self.case = case
        if case.motion is None:
            return
        self._filling = True
        try:
            show_start(self.title_edit, case.motion.title)
            show_start(self.submitted, case.motion.submitted)
            show_start(self.addressed, case.motion.addressed_to)
            self.motionarer.refresh()
            self.yrkanden.refresh()
        finally:
            self._filling = False
