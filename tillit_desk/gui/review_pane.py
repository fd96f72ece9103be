"""The Granskning pane: findings grouped by section, the section's status, and comments.

Display only: the review workflow (``review_workflow.py``) fills it and reacts to its signals,
so every change to the case goes through one place (and the undo stack).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..review.findings import FEL, TIPS, VARNING, Finding
from ..review.workflow import STATUS_LABELS, STATUSES, Comment

SEVERITY_LABELS = {FEL: "Fel", VARNING: "Varning", TIPS: "Tips"}
SEVERITY_COLOURS = {FEL: "#a32020", VARNING: "#9a5b00", TIPS: "#3d5f85"}
FINDING_ROLE = Qt.ItemDataRole.UserRole
COMMENT_ROLE = Qt.ItemDataRole.UserRole


def when(iso: str) -> str:
    """"2022-04-28T10:15:00+02:00" → "2022-04-28 10:15"."""
    return iso[:16].replace("T", " ")


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their message wrapped at the column's width (QTreeView asks the
    delegate for a size without the width, so word-wrapped items stayed one line and ended in
    "…"). Other columns (the excerpt) stay one line: the whole excerpt is in the tooltip."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt API
        super().initStyleOption(option, index)
        if index.column() != 0:
            option.features &= ~option.ViewItemFeature.WrapText
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.columnWidth(index.column()) - 8
        if index.column() == 0:
            width -= self.tree.indentation() * (depth + int(self.tree.rootIsDecorated()))
        text = index.data() or ""
        if width <= 0 or not text:
            return size
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)  # the item's own font: the headings are bold
        bounds = QFontMetrics(styled.font).boundingRect(QRect(0, 0, width, 100000),
                                                        Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 4))


class ReviewPane(QWidget):
    finding_chosen = Signal(object)  # Finding
    run_requested = Signal()
    status_chosen = Signal(str)  # status key, for the current section
    comment_added = Signal(str)  # text
    comment_toggled = Signal(str)  # comment id: resolve or reopen
    comment_chosen = Signal(object)  # Comment: show it in the text

    def __init__(self, author: str = "", signature: str = "") -> None:
        """``author``: the name typed last (Inställningar's); ``signature``: what comments are
        signed with when the field is empty (the login name)."""
        super().__init__()
        self.setAccessibleName("Granskning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Granskningens flikar")
        layout.addWidget(self.tabs)

        # --- findings
        page = QWidget()
        box = QVBoxLayout(page)
        top = QHBoxLayout()
        self.summary = QLabel("Granskningen har inte körts ännu.")
        self.summary.setAccessibleName("Sammanfattning av granskningen")
        self.summary.setWordWrap(True)
        self.run = QPushButton("Granska hela ärendet")
        self.run.setAccessibleName("Granska hela ärendet")
        self.run.setToolTip("Kör alla regler på hela ärendet (F7)")
        self.run.clicked.connect(self.run_requested)
        top.addWidget(self.summary, 1)
        top.addWidget(self.run)
        box.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Anmärkningar per avsnitt")
        self.tree.setAccessibleDescription(
            "Välj en anmärkning och tryck Retur för att visa texten i avsnittet.")
        self.tree.setHeaderLabels(["Anmärkning", "Utdrag"])
        header = self.tree.header()
        header.setAccessibleName("Kolumnrubriker för anmärkningarna")
        # The message takes the room (wrapped, never cut with "…"); the excerpt a third.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        header.sectionResized.connect(lambda *_a: self.tree.doItemsLayout())
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        box.addWidget(self.tree, 1)
        self.tabs.addTab(page, "Anmärkningar")

        # --- section status and comments
        page = QWidget()
        box = QVBoxLayout(page)
        form = QFormLayout()
        self.section_label = QLabel("–")
        self.section_label.setAccessibleName("Avsnitt som granskas")
        self.status = QComboBox()
        self.status.setAccessibleName("Granskningsstatus för avsnittet")
        for key in STATUSES:
            self.status.addItem(STATUS_LABELS[key], key)
        self.status.activated.connect(lambda i: self.status_chosen.emit(self.status.itemData(i)))
        self.author = QLineEdit(author)
        self.author.setAccessibleName("Granskarens namn")
        self.author.setPlaceholderText(f"Tomt: du signerar som {signature}" if signature
                                       else "Ditt namn (visas vid kommentarerna)")
        form.addRow("Avsnitt:", self.section_label)
        form.addRow("S&tatus:", self.status)
        form.addRow("Granskar&e:", self.author)
        box.addLayout(form)
        self.show_resolved = QCheckBox("Visa lösta kommentarer")
        self.show_resolved.setAccessibleName("Visa lösta kommentarer")
        self.show_resolved.setChecked(True)
        box.addWidget(self.show_resolved)
        self.comments = QListWidget()
        self.comments.setAccessibleName("Kommentarer")
        self.comments.setWordWrap(True)
        self.comments.itemActivated.connect(self._comment_activated)
        self.comments.currentItemChanged.connect(lambda *_a: self._update_toggle())
        box.addWidget(self.comments, 1)
        self.toggle = QPushButton("Markera som löst")
        self.toggle.setAccessibleName("Markera kommentaren som löst eller öppna den igen")
        self.toggle.clicked.connect(self._toggle)
        self.toggle.setEnabled(False)
        box.addWidget(self.toggle)
        self.new_comment = QPlainTextEdit()
        self.new_comment.setAccessibleName("Ny kommentar")
        self.new_comment.setPlaceholderText(
            "Skriv en kommentar. Markera text i avsnittet först för att kommentera just den.")
        self.new_comment.setTabChangesFocus(True)
        self.new_comment.setMaximumHeight(80)
        box.addWidget(self.new_comment)
        self.add = QPushButton("Lägg till kommentar")
        self.add.setAccessibleName("Lägg till kommentar")
        self.add.clicked.connect(self._add)
        box.addWidget(self.add)
        self.tabs.addTab(page, "Status och kommentarer")

    # ------------------------------------------------------------------ findings

    def set_findings(self, groups: list[tuple[str, list[Finding]]], summary: str) -> None:
        """``groups``: (section heading, findings) in the profile's order."""
        self.summary.setText(summary)
        open_before = {self.tree.topLevelItem(i).text(0).split(" (")[0]
                       for i in range(self.tree.topLevelItemCount())
                       if not self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        # Items hold an index into this list rather than the object: a plain int in item
        # data never depends on how the Qt binding wraps Python objects.
        self._findings: list[Finding] = []
        for heading, findings in groups:
            top = QTreeWidgetItem([f"{heading} ({len(findings)})", ""])
            top.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                        f"{heading}: {len(findings)} anmärkningar")
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for f in findings:
                label = SEVERITY_LABELS.get(f.severity, f.severity)
                item = QTreeWidgetItem([f"{label}: {f.message}", f.excerpt])
                item.setData(0, FINDING_ROLE, len(self._findings))
                self._findings.append(f)
                item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#000"))))
                tip = f.message + (f"\nFörslag: {f.suggestion}" if f.suggestion else "")
                item.setToolTip(0, tip)
                item.setToolTip(1, f.excerpt)
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                             f"{label}: {f.message} Utdrag: {f.excerpt}")
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(heading not in open_before)

    def finding_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [top.child(k) for k in range(top.childCount())]
        return out

    def finding_of(self, item: QTreeWidgetItem | None) -> Finding | None:
        index = item.data(0, FINDING_ROLE) if item is not None else None
        findings = getattr(self, "_findings", [])
        return findings[index] if isinstance(index, int) and index < len(findings) else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        finding = self.finding_of(item)
        if finding is not None:
            self.finding_chosen.emit(finding)

    # ------------------------------------------------------------------ status and comments

    def set_section(self, heading: str | None, status: str | None) -> None:
        self.section_label.setText(heading or "Välj ett avsnitt i stegen till vänster")
        self.status.setEnabled(status is not None)
        if status is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.add.setEnabled(heading is not None)

    def set_comments(self, comments: list[tuple[str, Comment]]) -> None:
        """``comments``: (section heading, comment)."""
        previous = self._selected_comment()
        keep = previous.id if previous is not None else None
        self.comments.clear()
        self._comments: list[Comment] = []
        for heading, c in comments:
            if c.resolved and not self.show_resolved.isChecked():
                continue
            state = f" – löst av {c.resolved_by or 'okänd'}" if c.resolved else ""
            quote = f"\n”{c.quote}”" if c.quote else ""
            item = QListWidgetItem(f"{c.author or 'Okänd'}, {when(c.created)} ({heading}){state}"
                                   f"{quote}\n{c.text}")
            item.setData(COMMENT_ROLE, len(self._comments))
            self._comments.append(c)
            if c.resolved:
                item.setForeground(QBrush(QColor("#777777")))
            self.comments.addItem(item)
            if c.id == keep:
                self.comments.setCurrentItem(item)
        self._update_toggle()

    def _comment_of(self, item: QListWidgetItem | None) -> Comment | None:
        index = item.data(COMMENT_ROLE) if item is not None else None
        comments = getattr(self, "_comments", [])
        return comments[index] if isinstance(index, int) and index < len(comments) else None

    def _selected_comment(self) -> Comment | None:
        return self._comment_of(self.comments.currentItem())

    def _update_toggle(self) -> None:
        c = self._selected_comment()
        self.toggle.setEnabled(c is not None)
        self.toggle.setText("Öppna igen" if c is not None and c.resolved else "Markera som löst")

    def _toggle(self) -> None:
        c = self._selected_comment()
        if c is not None:
            self.comment_toggled.emit(c.id)

    def _comment_activated(self, item: QListWidgetItem) -> None:
        comment = self._comment_of(item)
        if comment is not None:
            self.comment_chosen.emit(comment)

    def _add(self) -> None:
        text = self.new_comment.toPlainText().strip()
        if text:
            self.comment_added.emit(text)
