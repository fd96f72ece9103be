"""Importera från Word: the mapping review dialog and the Ändringar från Word panel.

A thin layer over ``tillit_desk.wordimport``: the dialog shows which Word heading goes to which
section (and lets the user change it before anything is written); the import is then one
whole-case step on the window's undo stack, like the motion import. The panel lists the open
suggestions per section with their author; Godta, Avvisa and Godta alla are undo steps too.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import profiles as P
from ..case import PLACE_HEADINGS, Case
from ..errors import TillitError
from ..section_layout import section_plan
from ..wordimport import suggestions as S
from ..wordimport.importer import build_case, ours_for
from ..wordimport.items import BASE, view_items
from ..wordimport.mapping import kind_for, read_plan
from ..wordimport.plan import CUSTOM, SKIP, ImportPlan
from .commands import change_case

FILE_FILTER = "Word-dokument (*.docx);;Alla filer (*)"
CUSTOM_LABEL = "Eget avsnitt (rubriken behålls)"
SKIP_LABEL = "Läs inte in"
UNTITLED = "Namnlöst ärende"
NO_HEADING = "(utan rubrik)"  # text the document printed before its first heading


def _preview(sp) -> str:
    from ..wordimport.plan import item_plain

    text = " ".join(" ".join(item_plain(i).split()) for i in view_items(sp.items, BASE))
    return text[:80] + ("…" if len(text) > 80 else "")


class WordImportDialog(QDialog):
    """Shows the proposed mapping; nothing is written until Importera is pressed."""

    def __init__(self, parent: QWidget | None, plan: ImportPlan, registry: P.ProfileRegistry,
                 source: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importera från Word")
        self.setObjectName("word_import_dialog")
        self.registry, self.source, self.plan = registry, source, plan
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        row.addWidget(QLabel("Profil:"))
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("word_profile")
        self.profile_box.setAccessibleName("Profil för importen")
        for profile in registry.all():
            self.profile_box.addItem(profile.name, profile.id)
        row.addWidget(self.profile_box, 1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("word_mapping")
        self.table.setAccessibleName("Rubriker och avsnitt")
        self.table.setHorizontalHeaderLabels(["Rubrik i Word", "Avsnitt i ärendet",
                                              "Början av texten"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setAccessibleName("Kolumnrubriker")
        self.table.verticalHeader().setAccessibleName("Radnummer")
        self.table.setCornerButtonEnabled(False)
        corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:
            corner.setAccessibleName("Markera alla")
        layout.addWidget(self.table, 1)
        self.fields = QLabel()
        self.fields.setWordWrap(True)
        layout.addWidget(self.fields)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        for which, text in ((QDialogButtonBox.StandardButton.Ok, "Importera"),
                            (QDialogButtonBox.StandardButton.Cancel, "Avbryt")):
            buttons.button(which).setText(text)
            buttons.button(which).setAccessibleName(text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.show_plan(plan)
        self.profile_box.currentIndexChanged.connect(self._profile_changed)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.profile_box.blockSignals(True)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(plan.profile.id)))
        self.profile_box.blockSignals(False)
        how = ("Dokumentet är exporterat från Tillit Desk: ändringar som gjorts i Word visas som "
               "förslag att godta eller avvisa." if plan.embedded is not None else
               "Spårade ändringar i dokumentet visas som förslag att godta eller avvisa.")
        self.intro.setText(f"<b>{self.source.name}</b><br>Kontrollera vilket avsnitt varje "
                           f"rubrik hamnar i. {how}")
        self.table.setRowCount(len(plan.sections))
        self.combos: list[QComboBox] = []
        for row, sp in enumerate(plan.sections):
            self.table.setItem(row, 0, QTableWidgetItem(sp.heading or NO_HEADING))
            combo = QComboBox()
            combo.setAccessibleName(f"Avsnitt för rubriken {sp.heading}" if sp.heading
                                    else f"Avsnitt för {NO_HEADING}")
            for spec in plan.profile.sections:
                combo.addItem(spec.heading, spec.id)
            if sp.custom or plan.profile.section(sp.target) is None:
                combo.addItem(CUSTOM_LABEL if sp.custom else f"{sp.heading} (utanför profilen)",
                              sp.suggested or sp.target)
            combo.addItem(SKIP_LABEL, SKIP)
            combo.setCurrentIndex(max(0, combo.findData(sp.target)))
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
            self.table.setItem(row, 2, QTableWidgetItem(_preview(sp)))
        self.table.resizeColumnsToContents()
        doc = []
        from ..wordimport.header import read_fields

        fields = read_fields([view_items(p, BASE) for p in plan.header_parts],
                             view_items(plan.front, BASE))
        for label, value in (("Datum", fields.date), ("Diarienummer", fields.diarienummer),
                             ("Handläggare", fields.ref_name)):
            if value:
                doc.append(f"{label}: {value}")
        self.fields.setText("Uppgifter i sidhuvudet: " + ("; ".join(doc) or "inga hittades") +
                            f". Kommentarer i dokumentet: {len(plan.comments)}.")

    def _profile_changed(self) -> None:
        try:
            plan = read_plan(self.source, self.registry,
                             profile_id=self.profile_box.currentData())
        except TillitError as err:
            from .dialogs import show_error

            show_error(self, str(err), "Dokumentet kunde inte läsas")
            return
        self.show_plan(plan)

    def apply_mapping(self) -> ImportPlan:
        """The plan with the user's choices in it."""
        for sp, combo in zip(self.plan.sections, self.combos, strict=True):
            target = combo.currentData()
            sp.target = target
            sp.custom = target == sp.suggested and sp.kind == CUSTOM
            if target != SKIP:
                sp.kind = CUSTOM if sp.custom else kind_for(self.plan.profile, target)
        return self.plan


def import_word(window, path: Path | None = None) -> bool:
    """Arkiv → Importera från Word… (or a dropped DOCX): review the mapping, then import as
    one undo step and show the suggestions."""
    from .dialogs import show_error

    if path is None:
        name, _ = QFileDialog.getOpenFileName(window, "Importera från Word", "", FILE_FILTER)
        if not name:
            return False
        path = Path(name)
    window.flush_editors()
    try:
        plan = read_plan(path, window.registry)
    except TillitError as err:
        show_error(window, str(err), "Dokumentet kunde inte läsas in")
        return False
    dialog = WordImportDialog(window, plan, window.registry, Path(path))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    plan = dialog.apply_mapping()
    ours = ours_for(plan, window.case)
    try:
        result = build_case(plan, ours=ours)
    except TillitError as err:
        show_error(window, str(err), "Dokumentet kunde inte läsas in")
        return False
    if ours is not None:  # Ändringar från Word to the open case: a step in its history
        change_case(window.state, "Importera från Word",
                    lambda case: _replace_case(case, result.case))
        undo = " Ångra med Ctrl+Z."
    elif not open_as_new_case(window, result.case, Path(path)):
        return False
    else:
        undo = ""
    report = result.report
    window.statusBar().showMessage(
        f"Läste in {Path(path).name}: {len(report.mapping)} avsnitt, {report.comments} "
        f"kommentarer, {report.tracked + report.edited} ändringar att granska.{undo}", 10000)
    panel = suggestions_panel(window)
    panel.set_unplaced(report.warnings + report.unplaced)
    panel.refresh()
    panel.show()
    panel.raise_()
    return True


def open_as_new_case(window, case: Case, source: Path) -> bool:
    """Another document than the open case: like Öppna in Word, it never writes over the open
    case's file. Spara / Spara inte / Avbryt for the open case's changes, then the import is a
    new, unsaved case (Spara asks for a file name). False: the user chose Avbryt."""
    if not window.confirm_discard():
        return False
    window.autosaver.discard()  # the open case's draft: saved or discarded just now
    window.set_case(case, None, f"{UNTITLED} (från {source.name})", dirty=True)
    return True


def is_word_case(path: Path, registry) -> bool:
    """Drag-and-drop: is the dropped DOCX a tjänsteskrivelse rather than a motion?"""
    from ..wordimport.importer import looks_like_case_document

    return looks_like_case_document(path, registry)


# ---------------------------------------------------------------- suggestions panel


class SuggestionsPanel(QDockWidget):
    """Ändringar från Word: each open suggestion under its section, with its author."""

    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, window) -> None:
        super().__init__("Ändringar från Word", window)
        self.setObjectName("word_suggestions_panel")
        self.window_ = window
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("word_suggestions")
        self.tree.setAccessibleName("Ändringar från Word")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.accept_button = QPushButton("&Godta")
        self.accept_button.setObjectName("suggestion_accept")
        self.reject_button = QPushButton("A&vvisa")
        self.reject_button.setObjectName("suggestion_reject")
        self.accept_all_button = QPushButton("Godta &alla")
        self.accept_all_button.setObjectName("suggestion_accept_all")
        for button, name in ((self.accept_button, "Godta ändringen"),
                             (self.reject_button, "Avvisa ändringen"),
                             (self.accept_all_button, "Godta alla ändringar")):
            button.setAccessibleName(name)
            row.addWidget(button)
        layout.addLayout(row)
        self.unplaced = QLabel()
        self.unplaced.setWordWrap(True)
        self.unplaced.setObjectName("word_unplaced")
        layout.addWidget(self.unplaced)
        self.setWidget(body)
        self.accept_button.clicked.connect(lambda: self._decide(S.accept, "Godta ändring"))
        self.reject_button.clicked.connect(lambda: self._decide(S.reject, "Avvisa ändring"))
        self.accept_all_button.clicked.connect(self._accept_all)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemClicked.connect(self._show_section)
        window.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)

    def _show_section(self, item: QTreeWidgetItem) -> None:
        """A click on a suggestion shows its section in the editor and the preview."""
        sid = item.data(0, self.ID_ROLE)
        if sid is None:
            return
        try:
            suggestion = S.get(self.window_.case, sid)
        except KeyError:
            return
        window = self.window_
        if window.profile.section(suggestion.section) is None:
            return
        window.go_to(suggestion.section)
        if suggestion.target == S.SECTION:
            self._select_span(suggestion)

    def _select_span(self, suggestion: S.Suggestion) -> None:
        """Select the text the suggestion would change (or put the cursor where it inserts)."""
        from PySide6.QtGui import QTextCursor

        from ..review.spans import SpanMap
        from .review_marks import document_text

        page = getattr(self.window_, "section_pages", {}).get(suggestion.section)
        editor = getattr(page, "editor", None)
        if editor is None:
            return
        markdown = self.window_.case.sections.get(suggestion.section, "")
        span = S.locate(markdown, suggestion)
        if span is None:
            return
        plain = document_text(editor.document())
        if span[0] == span[1]:  # an insertion: the character before it, then collapse
            at = SpanMap(markdown, plain).to_plain(max(0, span[0] - 1), span[0]) if span[0] \
                else (0, 0)
            if at is None:
                return
            at = (at[1], at[1])
        else:
            at = SpanMap(markdown, plain).to_plain(*span)
            if at is None:
                return
        cursor = QTextCursor(editor.document())
        cursor.setPosition(at[0])
        cursor.setPosition(at[1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def set_unplaced(self, lines: list[str]) -> None:
        self.unplaced.setText("<b>Inte inläst:</b><br>" + "<br>".join(lines) if lines else "")

    def refresh(self) -> None:
        case = self.window_.case
        current = self.tree.currentItem()
        keep = current.data(0, self.ID_ROLE) if current is not None else None
        self.tree.clear()
        open_items = S.suggestions(case, open_only=True)
        # the case's own headings: renamed and added sections too (case.layout)
        plan, _warnings = section_plan(case, self.window_.profile)
        headings = dict(PLACE_HEADINGS)
        headings.update({item.spec.id: item.heading for item in plan})
        groups: dict[str, QTreeWidgetItem] = {}
        select = None
        for s in open_items:
            group = groups.get(s.section)
            if group is None:
                group = QTreeWidgetItem([headings.get(s.section, s.section)])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                groups[s.section] = group
            label = s.describe() + ("  [krockar med din ändring]" if s.conflict else "")
            item = QTreeWidgetItem([label])
            item.setData(0, self.ID_ROLE, s.id)
            item.setToolTip(0, f"{'Spårad ändring' if s.kind == S.TRACKED else 'Ändrat i Word'}"
                               f" av {s.author or 'okänd'}" + (f", {s.date[:10]}"
                                                               if s.date else ""))
            group.addChild(item)
            if s.id == keep:
                select = item
        self.tree.expandAll()
        if select is None and open_items:
            first = self.tree.topLevelItem(0)
            select = first.child(0) if first is not None else None
        if select is not None:
            self.tree.setCurrentItem(select)
        total = len(S.suggestions(case))
        self.summary.setText(f"{len(open_items)} av {total} ändringar återstår att granska."
                             if total else "Inga ändringar från Word.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        chosen = item is not None and item.data(0, self.ID_ROLE) is not None
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        self.accept_all_button.setEnabled(bool(S.suggestions(self.window_.case,
                                                             open_only=True)))

    def select(self, suggestion_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for k in range(group.childCount()):
                if group.child(k).data(0, self.ID_ROLE) == suggestion_id:
                    self.tree.setCurrentItem(group.child(k))
                    return True
        return False

    def _step(self, label: str, change) -> None:
        from .dialogs import show_error

        window = self.window_
        # the change runs on a copy first: a refused change leaves the case untouched
        trial = window.case.copy()
        try:
            change(trial)
        except TillitError as err:
            show_error(window, str(err), "Ändringen kunde inte göras")
            return
        change_case(window.state, label, lambda case: _replace_case(case, trial))

    def _decide(self, fn, label: str) -> None:
        item = self.tree.currentItem()
        sid = item.data(0, self.ID_ROLE) if item is not None else None
        if sid is None:
            return
        by = getattr(self.window_.settings, "name", "")
        self._step(label, lambda case: fn(case, sid, by=by))

    def _accept_all(self) -> None:
        by = getattr(self.window_.settings, "name", "")
        self._step("Godta alla ändringar", lambda case: S.accept_all(case, by=by))


def _replace_case(case: Case, new: Case) -> None:
    """Give ``case`` every field of ``new`` (the views keep the same Case object)."""
    for f in fields(Case):
        setattr(case, f.name, copy.deepcopy(getattr(new, f.name)))


def show_changes(window) -> bool:
    """Arkiv → Ändringar från Word: the panel, for a case saved with open suggestions. With
    none, a note on how to get them (an empty panel only squeezed the text)."""
    if not S.suggestions(window.case, open_only=True) \
            and window.findChild(SuggestionsPanel) is None:
        window.statusBar().showMessage(
            "Inga ändringar från Word i ärendet. Läs in en rättad DOCX med Arkiv → "
            "Importera från Word… så visas ändringarna här.", 10000)
        return False
    panel = suggestions_panel(window)
    panel.refresh()
    panel.show()
    panel.raise_()
    return True


def suggestions_panel(window) -> SuggestionsPanel:
    panel = window.findChild(SuggestionsPanel)
    return panel if panel is not None else SuggestionsPanel(window)
