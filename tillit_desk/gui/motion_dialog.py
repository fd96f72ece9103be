"""Review an imported motion before it touches the case.

The parser is good but not infallible, and a wrong name or att-sats in a signed document is
exactly the mistake the officer wants to avoid. So the dialog shows the fields next to the
motion's own text, marks the ones the parser is unsure of, lets the officer fix them (or paste
the text when the file cannot be read), and only then hands the motion back.

The file is read and parsed off the GUI thread (``motion_runner``): the dialog shows a
progress bar and an Avbryt button meanwhile, and the window behind it keeps painting. A field the
parser is unsure of gets its reason written under it, not only in a tooltip.

Entry points for the main window:
- ``import_motion_into_case(parent, case, profile, path)`` — the whole flow (Arkiv → Importera
  motion… with ``path=None``, drag-and-drop with the dropped file);
- ``ask_import_motion(parent, path)`` — only the review, returns a ParsedMotion or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..case import Case, Motion, Motionar
from ..motion.extract import FILE_FILTER
from ..motion.parser import FIELD_LABELS, FIELDS, ParsedMotion, parse_date_text
from ..motion.parser import party_code as _party_code
from ..motion.prefill import PrefillResult, has_motion_data, prefill_case
from ..profiles import Profile
from .motion_runner import MotionImportRunner

UNSURE_STYLE = "background-color: #fff3bf; border: 2px solid #e8a600;"
ERROR_STYLE = "background-color: #ffe3e3; border: 2px solid #c92a2a;"
REASON_STYLE = "color: #8a5300;"
DEFAULT_REASON = "Osäker uppgift – kontrollera mot motionens text."
SUGGESTION_REASON = ("Motionen har inga att-satser. Här står stycket som troligen är förslaget – "
                     "skriv om det till att-satser eller töm fältet.")
_PERSON = re.compile(r"^(?P<name>.*?)\s*\((?P<party>[^()]*)\)\s*$")


def motionarer_to_text(people: list[Motionar]) -> str:
    return "\n".join(p.label() for p in people)


def text_to_motionarer(text: str) -> list[Motionar]:
    """One person a line, "Namn (Parti)"; the party is normalised like the parser does."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        m = _PERSON.match(line)
        if m and m.group("name"):
            out.append(Motionar(m.group("name"), _party_code(m.group("party"))[0]))
        else:
            out.append(Motionar(line, ""))
    return out


class MotionImportDialog(QDialog):
    """Fields on the left, the motion's text on the right; unsure fields are highlighted."""

    def __init__(self, parent: QWidget | None = None, parsed: ParsedMotion | None = None,
                 *, paste_mode: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importera motion")
        self.setModal(True)
        self.resize(1100, 700)
        self._parsed: ParsedMotion | None = parsed
        self._result: ParsedMotion | None = None
        self._filling = False
        self._edited: set[str] = set()
        self._runner: MotionImportRunner | None = None
        self._loading_name = ""
        self._loading_pasted = False

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status för importen")

        # left: the extracted fields
        left = QWidget()
        form = QFormLayout(left)
        self.title_edit = QLineEdit()
        self.addressed_edit = QLineEdit()
        self.submitted_edit = QLineEdit()
        self.submitted_edit.setPlaceholderText("ÅÅÅÅ-MM-DD eller 21 januari 2022")
        self.motionarer_edit = QPlainTextEdit()
        self.motionarer_edit.setPlaceholderText("En per rad: Anna Andersson (V)")
        self.yrkanden_edit = QPlainTextEdit()
        self.yrkanden_edit.setPlaceholderText("En att-sats per rad, som i motionen")
        self.editors: dict[str, QWidget] = {
            "title": self.title_edit, "addressed_to": self.addressed_edit,
            "submitted": self.submitted_edit, "motionarer": self.motionarer_edit,
            "yrkanden": self.yrkanden_edit,
        }
        self.labels: dict[str, QLabel] = {}
        self.reasons: dict[str, QLabel] = {}  # why a field is unsure, shown under the field
        for fld in FIELDS:
            label = QLabel(FIELD_LABELS[fld])
            label.setBuddy(self.editors[fld])
            self.labels[fld] = label
            self.editors[fld].setAccessibleName(FIELD_LABELS[fld])
            reason = QLabel()
            reason.setWordWrap(True)
            reason.setStyleSheet(REASON_STYLE)
            reason.setObjectName(f"reason_{fld}")
            reason.setVisible(False)
            self.reasons[fld] = reason
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.editors[fld])
            column.addWidget(reason)
            form.addRow(label, box)
        for fld in ("title", "addressed_to", "submitted"):
            self.editors[fld].textEdited.connect(lambda _t, f=fld: self._mark_edited(f))
        for fld in ("motionarer", "yrkanden"):
            self.editors[fld].textChanged.connect(lambda f=fld: self._mark_edited(f))

        # right: the source text, or the paste area
        right = QWidget()
        rlayout = QVBoxLayout(right)
        self.source_label = QLabel("Motionens text")
        self.source = QPlainTextEdit()
        self.source.setAccessibleName("Motionens text")
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source_label.setBuddy(self.source)
        buttons_row = QHBoxLayout()
        self.open_button = QPushButton("Öppna &fil…")
        self.open_button.clicked.connect(self._choose_file)
        self.paste_button = QPushButton("&Klistra in text")
        self.paste_button.clicked.connect(self.enter_paste_mode)
        self.parse_button = QPushButton("&Tolka texten")
        self.parse_button.clicked.connect(self.parse_source)
        for b in (self.open_button, self.paste_button, self.parse_button):
            buttons_row.addWidget(b)
        buttons_row.addStretch(1)
        rlayout.addWidget(self.source_label)
        rlayout.addWidget(self.source, 1)
        rlayout.addLayout(buttons_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([550, 550])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Importera")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # reading a file: progress and Avbryt (the work runs on another thread)
        self.progress_row = QWidget()
        prow = QHBoxLayout(self.progress_row)
        prow.setContentsMargins(0, 0, 0, 0)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Inläsning av motionen")
        self.progress_bar.setRange(0, 0)
        self.cancel_load_button = QPushButton("Avbryt inläsningen")
        self.cancel_load_button.setAccessibleName("Avbryt inläsningen")
        self.cancel_load_button.clicked.connect(self.cancel_loading)
        prow.addWidget(self.progress_bar, 1)
        prow.addWidget(self.cancel_load_button)
        self.progress_row.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        if parsed is not None and not paste_mode:
            self.show_parsed(parsed)
        else:
            self.enter_paste_mode()

    # -- filling ---------------------------------------------------------------------------
    def show_parsed(self, parsed: ParsedMotion) -> None:
        """Fill the fields and the source view from a parse result."""
        self._parsed = parsed
        m = parsed.motion
        self._filling = True
        try:
            self.title_edit.setText(m.title)
            self.addressed_edit.setText(m.addressed_to)
            self.submitted_edit.setText(m.submitted)
            self.motionarer_edit.setPlainText(motionarer_to_text(m.motionarer))
            # no att-satser: the likely proposal paragraph is offered, marked unsure
            self.yrkanden_edit.setPlainText("\n".join(m.yrkanden) or parsed.suggestion)
            self.source.setPlainText(parsed.source_text)
        finally:
            self._filling = False
        self._edited.clear()
        self.source.setReadOnly(True)
        self.parse_button.setVisible(False)
        name = parsed.source_name or "inklistrad text"
        self.source_label.setText(f"Motionens text ({name})")
        self._show_confidence()

    def reason_text(self, fld: str) -> str:
        """Why ``fld`` is unsure, in Swedish, as shown under the field."""
        if self._parsed is None:
            return ""
        if fld == "yrkanden" and self._parsed.suggestion and not self._parsed.motion.yrkanden:
            return SUGGESTION_REASON
        note = self._parsed.notes.get(fld, "")
        return (note[:1].upper() + note[1:] + ".") if note else DEFAULT_REASON

    def _show_confidence(self) -> None:
        unsure = self.unsure_fields()
        for fld in FIELDS:
            editor, label, reason = self.editors[fld], self.labels[fld], self.reasons[fld]
            if fld in unsure:
                why = self.reason_text(fld)
                editor.setStyleSheet(UNSURE_STYLE)
                label.setText(f"⚠ {FIELD_LABELS[fld]}")
                editor.setToolTip(why)
                editor.setAccessibleDescription(f"Osäker: {why}")
                reason.setText(f"⚠ {why}")
                reason.setVisible(True)
            else:
                editor.setStyleSheet("")
                label.setText(FIELD_LABELS[fld])
                editor.setToolTip("")
                editor.setAccessibleDescription("")
                reason.clear()
                reason.setVisible(False)
        if not unsure:
            self.status.setText("Kontrollera uppgifterna mot motionens text och välj Importera.")
        else:
            names = ", ".join(FIELD_LABELS[f].lower() for f in unsure)
            self.status.setText(f"⚠ Kontrollera de gulmarkerade fälten ({names}). Rätta dem "
                                f"här; motionens text står till höger.")

    def unsure_fields(self) -> list[str]:
        """Unsure fields the user has not touched yet."""
        if self._parsed is None:
            return []
        return [f for f in self._parsed.unsure() if f not in self._edited]

    def _mark_edited(self, fld: str) -> None:
        if self._filling:
            return
        self._edited.add(fld)
        self._show_confidence()

    # -- paste mode and files --------------------------------------------------------------
    def enter_paste_mode(self) -> None:
        self.source.setReadOnly(False)
        self.source.clear()
        self.source.setPlaceholderText("Klistra in motionens text här och välj Tolka texten.")
        self.source_label.setText("Motionens text (klistra in)")
        self.parse_button.setVisible(True)
        self.status.setText("Klistra in motionens text till höger (eller välj Öppna fil…) och "
                            "välj Tolka texten.")
        self.source.setFocus()

    def parse_source(self) -> None:
        """Parse what is in the source box (paste mode), on the worker thread like a file."""
        text = self.source.toPlainText()
        self._start(None, text, "den inklistrade texten")

    @property
    def loading(self) -> bool:
        return self._runner is not None and self._runner.running

    def load_file(self, path: Path | str) -> None:
        """Read and parse a file on a worker thread; the fields fill in when it is done. On
        failure the dialog says why and offers pasting instead."""
        path = Path(path)
        self._start(path, "", path.name)

    def _start(self, path: Path | None, text: str, name: str) -> None:
        if self.loading:
            self.cancel_loading()
        self._loading_name = name
        self._loading_pasted = path is None
        self._runner = runner = MotionImportRunner()
        runner.progress.connect(self._on_load_progress)
        runner.finished.connect(self._on_loaded)
        runner.failed.connect(self._on_load_failed)
        runner.cancelled.connect(self._on_load_cancelled)
        self.progress_bar.setRange(0, 0)
        self.progress_row.setVisible(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.open_button.setEnabled(False)
        self.parse_button.setEnabled(False)
        self.status.setText(f"Läser in {name} …")
        runner.start(path, text)

    def cancel_loading(self) -> None:
        """Avbryt while a file is read: stop waiting for it (the worker stops between pages)."""
        if self._runner is not None and self._runner.running:
            self._runner.cancel()

    def _loading_over(self) -> None:
        self.progress_row.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.open_button.setEnabled(True)
        self.parse_button.setEnabled(True)

    @Slot(int, int)
    def _on_load_progress(self, done: int, total: int) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.status.setText(f"Läser in {self._loading_name} … sida {min(done + 1, total)} "
                                f"av {total}")

    @Slot(object)
    def _on_loaded(self, parsed: ParsedMotion) -> None:
        self._loading_over()
        self.show_parsed(parsed)

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self._loading_over()
        if not self._loading_pasted:
            self.enter_paste_mode()
            self.status.setText(f"⚠ {message}\n\nDu kan klistra in motionens text till höger "
                                f"i stället.")
        else:  # the pasted text itself could not be used: keep it for the officer to fix
            self.status.setText(f"⚠ {message}")

    @Slot()
    def _on_load_cancelled(self) -> None:
        self._loading_over()
        self.enter_paste_mode()
        self.status.setText(f"Inläsningen av {self._loading_name} avbröts. Öppna en fil eller "
                            f"klistra in motionens text.")

    def reject(self) -> None:
        self.cancel_loading()  # Avbryt while reading stops the reading too
        super().reject()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Välj motionen", "", FILE_FILTER)
        if path:
            self.load_file(path)

    # -- result ----------------------------------------------------------------------------
    def edited_motion(self) -> tuple[Motion | None, str]:
        """The motion as the user left it, or None and a Swedish reason."""
        date_text = self.submitted_edit.text().strip()
        submitted = ""
        if date_text:
            parsed = parse_date_text(date_text)
            if parsed is None:
                return None, f"Datumet ”{date_text}” går inte att läsa. Skriv det som " \
                             f"2022-01-27 eller 27 januari 2022."
            submitted = parsed
        yrkanden = [" ".join(y.split()) for y in self.yrkanden_edit.toPlainText().splitlines()]
        motion = Motion(
            title=" ".join(self.title_edit.text().split()),
            submitted=submitted,
            addressed_to=" ".join(self.addressed_edit.text().split()),
            motionarer=text_to_motionarer(self.motionarer_edit.toPlainText()),
            yrkanden=[y for y in yrkanden if y],
        )
        if not (motion.title or motion.yrkanden or motion.motionarer):
            return None, "Det finns inget att importera. Öppna en fil eller klistra in texten."
        return motion, ""

    def accept(self) -> None:
        if self.loading:
            return  # the fields are not there yet
        if self._parsed is None:
            # pasted but not yet parsed: parse and show the fields first, never import unseen
            if self.source.toPlainText().strip():
                self.parse_source()
            else:
                self.status.setText("⚠ Det finns inget att importera. Öppna en fil eller "
                                    "klistra in texten.")
            return
        motion, problem = self.edited_motion()
        if motion is None:
            self.status.setText(f"⚠ {problem}")
            if "Datumet" in problem:
                self.submitted_edit.setStyleSheet(ERROR_STYLE)
                self.submitted_edit.setFocus()
            return
        base = self._parsed
        confidence = dict(base.confidence) if base else {}
        for fld in self._edited:
            confidence[fld] = 1.0  # the officer has checked it
        self._result = ParsedMotion(motion, confidence,
                                    {k: v for k, v in (base.notes if base else {}).items()
                                     if k not in self._edited},
                                    base.source_text if base else "",
                                    base.source_name if base else "")
        super().accept()

    def result_motion(self) -> ParsedMotion | None:
        return self._result


def ask_import_motion(parent: QWidget | None, path: Path | str | None) -> ParsedMotion | None:
    """Open the review dialog for a file (or for pasting when ``path`` is None).

    Returns the motion as the officer accepted it, or None when cancelled.
    """
    dialog = MotionImportDialog(parent, paste_mode=path is None)
    if path is not None:
        dialog.load_file(path)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_motion()


def confirm_replace(parent: QWidget | None, case: Case) -> bool:
    """Ask before the imported motion replaces the one already in the case."""
    title = case.motion.title if case.motion else ""
    answer = QMessageBox.question(
        parent, "Ersätta motionen?",
        f"Ärendet har redan en motion{f' (”{title}”)' if title else ''}.\n\nVill du ersätta "
        "den med den importerade motionen? Motionens uppgifter, beslutsunderlaget och de "
        "utkast som kom från den förra importen byts ut. Text som du själv har skrivit i "
        "avsnitten ändras inte.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, "Motionen är importerad", message)


def import_motion_into_case(
    parent: QWidget | None, case: Case, profile: Profile, path: Path | str | None = None, *,
    confirm: Callable[[QWidget | None, Case], bool] = confirm_replace,
    review: Callable[[QWidget | None, Path | str | None], ParsedMotion | None] = ask_import_motion,
    notify: Callable[[QWidget | None, str], None] = inform,
) -> PrefillResult | None:
    """The whole import for the main window: review, ask before replacing, then prefill.

    Returns what changed (the caller marks the case modified and refreshes its views), or None
    when the officer cancelled. Nothing in ``case`` changes before the officer has said yes.
    """
    parsed = review(parent, path)
    if parsed is None:
        return None
    if has_motion_data(case) and not confirm(parent, case):
        return None
    result = prefill_case(parsed.motion, profile, case)
    if result.kept or result.warnings:
        notify(parent, "\n\n".join(result.kept + result.warnings))
    return result
