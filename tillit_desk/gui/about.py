"""Hjälp-menyns fönster: "Om Tillit Desk" (version, licenser) and the user manual.

Both read files that ship next to the package (docs/, resources/icons/), in a checkout and in
the PyInstaller bundle alike, so help works offline.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import licences
from .icon import ICON_DIR, ICON_SIZES, ROOT, app_icon  # noqa: F401 - re-exported

MANUAL = ROOT / "docs" / "anvandarhandbok.md"


def licence_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.version())}</td>"
        f"<td>{html.escape(c.licence)}</td><td>{html.escape(c.purpose)}</td></tr>"
        for c in licences.COMPONENTS)
    return (
        "<h3>Ingående komponenter</h3>"
        "<table cellspacing='0' cellpadding='3' border='1'>"
        "<tr><th>Komponent</th><th>Version</th><th>Licens</th><th>Används till</th></tr>"
        f"{rows}</table><p>{html.escape(licences.LICENCE_TEXT_NOTE)}</p>")


class AboutDialog(QDialog):
    """Om Tillit Desk: version, own licence, and the licences of every bundled component."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Om Tillit Desk")
        self.setAccessibleName("Om Tillit Desk")
        self.resize(780, 680)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName("Programikon")
        self.title = title = QLabel(
            f"<h2>{html.escape(licences.app_title())}</h2>"
            "<p>Skrivstöd för tjänsteskrivelser i svenska kommuner och regioner. "
            "Allt fungerar utan nätverk.</p>"
            f"<p>Licens: {licences.APP_LICENCE}. Qt {qVersion()}.</p>")
        title.setWordWrap(True)
        title.setAccessibleName("Programnamn och version")
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Licenser")
        self.details.setOpenExternalLinks(False)
        self.details.setHtml(licence_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        about_qt = buttons.addButton("Om Qt", QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.setAccessibleName("Om Qt")
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self, "Om Qt"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Stäng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class ManualDialog(QDialog):
    """The Swedish user manual (docs/anvandarhandbok.md) with its screenshots, read offline."""

    def __init__(self, parent: QWidget | None = None, path: Path = MANUAL) -> None:
        super().__init__(parent)
        self.setWindowTitle("Användarhandbok – Tillit Desk")
        self.resize(860, 700)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Användarhandbok")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"# Användarhandboken saknas\n\nFilen {path} kunde inte läsas."
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Stäng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
