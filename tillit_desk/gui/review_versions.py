"""Jämför versioner: two version pickers and the per-section side-by-side diff.

The diff itself is ``versions.diff_versions``; this dialog only lays its rows out as an HTML
table (old left, new right), with the changed words of a replaced line in bold.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..case import Case
from ..versions import CURRENT, diff_versions, list_versions, word_changes

CURRENT_LABEL = "Nuvarande text"
_BG = {"delete": "#fbe3e3", "insert": "#e3f4e3", "replace": "#fff4d6"}


def _words_html(old: str, new: str) -> tuple[str, str]:
    left, right = [], []
    for tag, a, b in word_changes(old, new):
        if tag == "equal":
            left.append(escape(a))
            right.append(escape(b))
            continue
        if a:
            left.append(f"<b><s>{escape(a)}</s></b>")
        if b:
            right.append(f"<b><u>{escape(b)}</u></b>")
    return " ".join(left), " ".join(right)


def diff_html(case: Case, old_id: str, new_id: str, headings: dict[str, str],
              changed_only: bool = True) -> str:
    """The comparison as HTML: one table per section, rows coloured by change."""
    parts: list[str] = []
    for d in diff_versions(case, old_id, new_id, headings=headings):
        if changed_only and not d.changed:
            continue
        state = "ändrat" if d.changed else "oförändrat"
        parts.append(f"<h3>{escape(d.heading)} <small>({state})</small></h3>")
        parts.append('<table width="100%" cellspacing="0" cellpadding="3" border="0">')
        for row in d.rows:
            old = escape(row.old or "")
            new = escape(row.new or "")
            if row.tag == "replace" and row.old is not None and row.new is not None:
                old, new = _words_html(row.old, row.new)
            bg = _BG.get(row.tag, "")
            style = f' bgcolor="{bg}"' if bg else ""
            parts.append(f'<tr><td width="50%" valign="top"{style if row.old is not None else ""}>'
                         f"{old}</td><td width=\"50%\" valign=\"top\""
                         f"{style if row.new is not None else ''}>{new}</td></tr>")
        parts.append("</table>")
    if not parts:
        return "<p>Inga skillnader mellan versionerna.</p>"
    return "".join(parts)


class CompareDialog(QDialog):
    """Pick two versions (or a version and the current text) and see what changed."""

    def __init__(self, parent: QWidget | None, case: Case, headings: dict[str, str]) -> None:
        super().__init__(parent)
        self.case, self.headings = case, headings
        self.setWindowTitle("Jämför versioner")
        self.setAccessibleName("Jämför versioner")
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = QComboBox()
        self.old.setAccessibleName("Äldre version")
        self.new = QComboBox()
        self.new.setAccessibleName("Nyare version")
        versions = list_versions(case)
        for combo in (self.old, self.new):
            for v in versions:
                author = f", {v.author}" if v.author else ""
                combo.addItem(f"{v.name} ({v.created[:16].replace('T', ' ')}{author})", v.id)
            combo.addItem(CURRENT_LABEL, CURRENT)
        self.old.setCurrentIndex(max(0, len(versions) - 1))
        self.new.setCurrentIndex(self.new.count() - 1)
        form.addRow("&Från:", self.old)
        form.addRow("&Till:", self.new)
        layout.addLayout(form)
        self.changed_only = QCheckBox("Visa bara ändrade avsnitt")
        self.changed_only.setAccessibleName("Visa bara ändrade avsnitt")
        self.changed_only.setChecked(True)
        layout.addWidget(self.changed_only)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Skillnader mellan versionerna")
        self.view.setAccessibleDescription(
            "Varje avsnitt med den äldre texten till vänster och den nyare till höger.")
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for combo in (self.old, self.new):
            combo.currentIndexChanged.connect(lambda _i: self.update_view())
        self.changed_only.toggled.connect(lambda _on: self.update_view())
        self.update_view()

    def select(self, old_id: str, new_id: str = CURRENT) -> None:
        self.old.setCurrentIndex(self.old.findData(old_id))
        self.new.setCurrentIndex(self.new.findData(new_id))
        self.update_view()

    def update_view(self) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            return
        self.view.setHtml(diff_html(self.case, old, new, self.headings,
                                    self.changed_only.isChecked()))
