"""Small dialogs: unsaved changes, errors, new case, settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..profiles import ProfileRegistry
from ..settings import MAX_AUTOSAVE_SECONDS, MIN_AUTOSAVE_SECONDS, Settings, login_name

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
OVERWRITE, SAVE_AS = "overwrite", "save_as"


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK/Avbryt buttons in Swedish, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_choice(parent: QWidget, title: str, text: str, info: str,
               choices: list[tuple[QMessageBox.StandardButton, str, str]],
               icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
               default_cancel: bool = False) -> str:
    """A question with Swedish buttons and Avbryt: the first choice is the default unless
    ``default_cancel``; returns the chosen button's answer (CANCEL for Avbryt or Esc)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(info)
    cancel = QMessageBox.StandardButton.Cancel
    buttons = cancel
    for button, _label, _answer in choices:
        buttons |= button
    box.setStandardButtons(buttons)
    for button, label, _answer in choices:
        box.button(button).setText(label)
    box.button(cancel).setText("Avbryt")
    box.setDefaultButton(cancel if default_cancel else choices[0][0])
    answer = box.exec()
    return next((result for button, _label, result in choices if answer == button), CANCEL)


def ask_save_changes(parent: QWidget, name: str) -> str:
    """Spara / Spara inte / Avbryt. Returns SAVE, DISCARD or CANCEL."""
    Btn = QMessageBox.StandardButton
    return ask_choice(parent, "Osparade ändringar", f"Vill du spara ändringarna i {name}?",
                           "Om du inte sparar försvinner ändringarna.",
                           [(Btn.Save, "Spara", SAVE), (Btn.Discard, "Spara inte", DISCARD)])


def ask_overwrite_changed(parent: QWidget, name: str) -> str:
    """The file changed on disk since it was opened: Skriv över / Spara som… / Avbryt."""
    Btn = QMessageBox.StandardButton
    return ask_choice(
        parent, "Filen har ändrats",
        f"{name} har ändrats av någon annan (eller ett annat program) sedan du öppnade den.",
        "Skriv över tar bort de ändringarna. Spara som… sparar din version i en ny fil och "
        "lämnar den andra orörd.",
        [(Btn.Save, "Spara som…", SAVE_AS), (Btn.Yes, "Skriv över", OVERWRITE)])


def show_error(parent: QWidget | None, message: str, title: str = "Något gick fel") -> None:
    QMessageBox.warning(parent, title, message)


def ask_restore(parent: QWidget, description: str) -> bool:
    answer = QMessageBox.question(
        parent, "Återställ utkast",
        "Tillit Desk avslutades oväntat förra gången. Det finns ett autosparat utkast:\n\n"
        f"{description}\n\nVill du återställa det?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


class NewCaseDialog(QDialog):
    """Nytt ärende: choose the profile, and whether it answers a motion."""

    def __init__(self, parent: QWidget, registry: ProfileRegistry, default_profile: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nytt ärende")
        self.setAccessibleName("Nytt ärende")
        form = QFormLayout(self)
        self.profile = QComboBox()
        self.profile.setAccessibleName("Profil för det nya ärendet")
        for p in registry.all():
            self.profile.addItem(p.name, p.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(default_profile)))
        self.motion = QCheckBox("Svar på en motion")
        self.motion.setAccessibleName("Svar på en motion")
        self.motion.setChecked(True)
        form.addRow("&Profil", self.profile)
        form.addRow("", self.motion)
        form.addRow(ok_cancel(self, "Skapa"))

    def choice(self) -> tuple[str, bool]:
        return self.profile.currentData(), self.motion.isChecked()


class SettingsDialog(QDialog):
    """Inställningar: the officer's details, default profile, autosave and LibreOffice."""

    def __init__(self, parent: QWidget, settings: Settings, registry: ProfileRegistry) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inställningar")
        self.setAccessibleName("Inställningar")
        self.settings = settings
        form = QFormLayout(self)
        self.name = QLineEdit(settings.name)
        self.title_ = QLineEdit(settings.title)
        self.email = QLineEdit(settings.email)
        self.phone = QLineEdit(settings.phone)
        self.profile = QComboBox()
        for p in registry.all():
            self.profile.addItem(p.name, p.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.default_profile)))
        self.interval = QSpinBox()
        self.interval.setRange(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)
        self.interval.setSuffix(" s")
        self.interval.setValue(settings.autosave_seconds)
        self.soffice = QLineEdit(settings.soffice_path)
        self.soffice.setPlaceholderText("Hittas automatiskt om fältet är tomt")
        browse = QPushButton("Bläddra…")
        browse.setAccessibleName("Bläddra efter LibreOffice")
        browse.clicked.connect(self._browse)
        lo_row = QHBoxLayout()
        lo_row.addWidget(self.soffice, 1)
        lo_row.addWidget(browse)
        for label, widget, name in (("&Namn", self.name, "Ditt namn"),
                                    ("&Titel", self.title_, "Din titel"),
                                    ("&E-post", self.email, "Din e-post"),
                                    ("Tele&fon", self.phone, "Ditt telefonnummer"),
                                    ("Standard&profil", self.profile, "Standardprofil"),
                                    ("&Autospara var", self.interval, "Autospara intervall"),
                                    ("&LibreOffice", self.soffice, "Sökväg till LibreOffice")):
            widget.setAccessibleName(name)
            text = QLabel(label)
            text.setBuddy(widget)  # Alt+letter moves there; a row with a layout has no buddy
            form.addRow(text, lo_row if widget is self.soffice else widget)
        login = login_name()
        self.name_note = QLabel(
            "Namnet står som Vår referens i nya ärenden och vid dina kommentarer, statusar och "
            "versioner i granskningen (även i Word-filens kommentarer). Tomt namn: ditt "
            f"inloggningsnamn{f' ({login})' if login else ''} används, som i Word.")
        self.name_note.setWordWrap(True)
        self.name.setAccessibleDescription(self.name_note.text())
        self.name.setPlaceholderText(login)
        form.insertRow(1, "", self.name_note)
        form.addRow(ok_cancel(self, "Spara"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Välj LibreOffice (soffice)")
        if path:
            self.soffice.setText(path)

    def apply(self) -> Settings:
        s = self.settings
        s.name, s.title = self.name.text().strip(), self.title_.text().strip()
        s.email, s.phone = self.email.text().strip(), self.phone.text().strip()
        s.default_profile = self.profile.currentData()
        s.autosave_seconds = self.interval.value()
        s.soffice_path = self.soffice.text().strip()
        return s
