"""Help pane (guidance and standard phrases), the decision builder and the review page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..case import Case
from ..profiles import Phrase, SectionSpec


def escape(text: str) -> str:
    """``html.escape`` without importing ``html`` (and its 2 000 entities) at start-up."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


_STEP_HELP = {
    "case": "Fyll i ärendets uppgifter. Diarienumret kontrolleras mot profilens mönster. "
            "Listorna (underskrifter, beslutsunderlag, beslutsplanering, mottagare) redigeras "
            "direkt i tabellerna.",
    "motion": "Motionens titel, motionärerna med parti och yrkandena (att-satserna) ordagrant. "
              "De används i standardfraserna och i förslaget till beslut.",
    "review": "Läs igenom förhandsvisningen. Listan Att åtgärda ovan visar vad som saknas "
              "innan ärendet exporteras. Granskningens anmärkningar, avsnittens status och "
              "kommentarerna finns i panelen Granskning (Ctrl+Shift+G).",
}


class HelpPane(QWidget):
    """Guidance for the current step, and its phrases: click one to insert it."""

    phrase_chosen = Signal(object)  # Phrase

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Hjälp")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Hjälptext för avsnittet")
        self.text.setOpenLinks(False)
        self.phrase_label = QLabel("Standardfraser – klicka för att infoga:")
        self.phrase_label.setAccessibleName("Standardfraser")
        self.phrases = QListWidget()
        self.phrases.setAccessibleName("Standardfraser för avsnittet")
        self.phrases.itemActivated.connect(self._activated)
        self.phrases.itemClicked.connect(self._activated)
        row = QHBoxLayout()
        row.addWidget(self.text, 3)
        # the phrases in a box of their own: hidden, it leaves its width to the help text
        self.phrase_box = QWidget()
        side = QVBoxLayout(self.phrase_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.phrase_label)
        side.addWidget(self.phrases)
        row.addWidget(self.phrase_box, 2)
        layout.addLayout(row)

    def show_step(self, kind: str, spec: SectionSpec | None) -> None:
        if self.phrases.count():
            self.phrases.clear()
        self._phrases: list[Phrase] = []
        if spec is None or not spec.holds_text:
            body = _STEP_HELP.get(kind, "")
            if spec is not None:
                body = spec.help or _STEP_HELP["case"]
            self.text.setHtml(f"<p>{escape(body)}</p>")
        else:
            html = f"<p><b>{escape(spec.heading)}</b></p><p>{escape(spec.help)}</p>"
            if spec.example:
                from .richtext import markdown_to_html

                html += f"<p><b>Exempel</b></p><div>{markdown_to_html(spec.example)}</div>"
            self.text.setHtml(html)
            for phrase in spec.phrases:
                item = QListWidgetItem(phrase.label)
                item.setToolTip(phrase.text)
                item.setData(256, len(self._phrases))  # an index, as in review_pane
                self._phrases.append(phrase)
                self.phrases.addItem(item)
        self.phrase_box.setVisible(self.phrases.count() > 0)

    def _activated(self, item: QListWidgetItem) -> None:
        index = item.data(256)
        phrases = getattr(self, "_phrases", [])
        if isinstance(index, int) and index < len(phrases):
            self.phrase_chosen.emit(phrases[index])


class ElidedCheckBox(QCheckBox):
    """A check box whose long text ends in "…" at the width it gets (the whole text is its
    tooltip): it never pushes its group wider than the window. A long att-sats ran past the
    builder's edge at 1024 px and was cut mid-word."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.full_text = text
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.setToolTip(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt  # here: the Qt namespace is ~13 ms of start-up
        from PySide6.QtWidgets import QStyle  # its enums too (~3 ms): the builder comes later

        super().resizeEvent(event)
        style = self.style()
        room = (self.width() - style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                - style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing) - 6)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                              max(room, 20))
        if shown != self.text():
            self.setText(shown)


class DecisionBuilder(QGroupBox):
    """Choose the outcome for a motion; the window generates the text in the profile's style."""

    generate = Signal(str, list)  # outcome, approved att-satser
    choice_changed = Signal(str, list)  # the same, whenever the officer changes them

    def __init__(self) -> None:
        super().__init__("Bygg förslag till beslut")
        self.setAccessibleName("Bygg förslag till beslut")
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        row = QGridLayout()  # two by two: the four choices fit a 1024 px wide window
        from ..decision import OUTCOME_PARTIAL, OUTCOMES  # the core's words, not a copy

        for i, (key, label) in enumerate(OUTCOMES.items()):
            button = QRadioButton(label)
            button.setAccessibleName(label)
            self.group.addButton(button)
            self.buttons[key] = button
            if key == OUTCOME_PARTIAL:  # the long one gets a row of its own
                row.addWidget(button, 2, 0, 1, 2)
            else:
                row.addWidget(button, i // 2, i % 2)
        row.setColumnStretch(2, 1)
        self.buttons["besvarad"].setChecked(True)
        layout.addLayout(row)
        self.att_box = QWidget()
        self.att_box.setAccessibleName("Att-satser att bifalla")
        self.att_layout = QVBoxLayout(self.att_box)
        self.att_layout.setContentsMargins(16, 0, 0, 0)
        layout.addWidget(self.att_box)
        self.checks: list[QCheckBox] = []
        self.make = QPushButton("Skapa förslag till beslut")
        self.make.setAccessibleName("Skapa förslag till beslut")
        self.make.clicked.connect(self._emit)
        layout.addWidget(self.make)
        self.buttons[OUTCOME_PARTIAL].toggled.connect(self.att_box.setVisible)
        self.att_box.setVisible(False)
        self.group.buttonToggled.connect(lambda _b, on: on and self._choice())
        self._setting = False

    def set_motion(self, case: Case) -> None:
        for check in self.checks:
            check.deleteLater()
        self.checks = []
        yrkanden = case.motion.yrkanden if case.motion else []
        for i, text in enumerate(yrkanden, 1):
            check = ElidedCheckBox(f"Bifalla att-sats {i}: {text}")
            check.setAccessibleName(f"Bifalla att-sats {i}")
            check.setAccessibleDescription(text)
            check.toggled.connect(lambda _on: self._choice())
            self.att_layout.addWidget(check)
            self.checks.append(check)
        from ..decision import OUTCOME_PARTIAL

        self.buttons[OUTCOME_PARTIAL].setEnabled(bool(yrkanden))

    def set_choice(self, outcome: str, approved: list[bool]) -> None:
        """Show a remembered choice (the page may have been rebuilt since it was made)."""
        self._setting = True
        try:
            button = self.buttons.get(outcome)
            if button is not None and button.isEnabled():
                button.setChecked(True)
            for check, on in zip(self.checks, approved, strict=False):
                check.setChecked(on)
        finally:
            self._setting = False

    def _choice(self) -> None:
        if not self._setting:
            self.choice_changed.emit(self.outcome(), [c.isChecked() for c in self.checks])

    def outcome(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def _emit(self) -> None:
        self.generate.emit(self.outcome(), [c.isChecked() for c in self.checks])


class ReviewPage(QWidget):
    """Granska och exportera: what is missing, and the export buttons."""

    warning_chosen = Signal(str)  # a line of Att åtgärda was double-clicked or entered

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Granska och exportera")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        title = QLabel("<h2>Granska och exportera</h2>")
        title.setAccessibleName("Rubrik: Granska och exportera")
        layout.addWidget(title)
        self.review_summary = QLabel("")
        self.review_summary.setAccessibleName("Granskningens resultat")
        self.review_summary.setWordWrap(True)
        layout.addWidget(self.review_summary)
        review_row = QGridLayout()  # two by two: fits the editor's narrowest width
        self.show_pane = QPushButton("Visa granskningen")
        self.review_export = QPushButton("Exportera granskningsversion…")
        self.save_version = QPushButton("Spara version…")
        self.compare = QPushButton("Jämför versioner…")
        for i, button in enumerate((self.show_pane, self.review_export, self.save_version,
                                    self.compare)):
            button.setAccessibleName(button.text().rstrip("…"))
            review_row.addWidget(button, i // 2, i % 2)
        review_row.setColumnStretch(2, 1)
        layout.addLayout(review_row)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Varningar inför export")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleDescription(
            "Dubbelklicka eller tryck Retur på en rad för att gå dit den gäller.")
        self.warnings.itemActivated.connect(
            lambda item: self.warning_chosen.emit(item.text()))
        layout.addWidget(QLabel("Att åtgärda:"))
        layout.addWidget(self.warnings, 1)
        row = QHBoxLayout()
        self.docx = QPushButton("Exportera DOCX…")
        self.docx.setAccessibleName("Exportera DOCX")
        self.pdf = QPushButton("Exportera PDF…")
        self.pdf.setAccessibleName("Exportera PDF")
        row.addWidget(self.docx)
        row.addWidget(self.pdf)
        row.addStretch(1)
        layout.addLayout(row)

    def set_summary(self, text: str) -> None:
        self.review_summary.setText(f"Granskning: {text}")

    def set_warnings(self, warnings: list[str]) -> None:
        self.warnings.clear()
        for text in warnings or ["Inga varningar: dokumentet är klart att exportera."]:
            self.warnings.addItem(text)
