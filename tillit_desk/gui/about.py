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
        self._images: dict[str, tuple[int, int]] = {}  # name → natural size
        self.fit_images()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Stäng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self) -> None:
        """Screenshots no wider than the text (the 1280 px window pictures made the manual
        scroll sideways); smaller ones keep their size."""
        from PySide6.QtGui import QImageReader, QTextCursor, QTextImageFormat

        doc = self.browser.document()
        room = self.browser.viewport().width() - 2 * int(doc.documentMargin()) - 8
        if room <= 50:
            return
        found: list[tuple[int, int, QTextImageFormat]] = []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().isImageFormat():
                    found.append((fragment.position(), fragment.length(),
                                  QTextImageFormat(fragment.charFormat())))
                it += 1
            block = block.next()
        for position, length, image in found:  # changed after the walk, not during it
            name = image.name()
            if name not in self._images:
                size = QImageReader(doc.baseUrl().resolved(QUrl(name)).toLocalFile()).size()
                self._images[name] = (size.width(), size.height())
            width, height = self._images[name]
            shown = min(width, room)
            if width > 0 and height > 0 and abs(image.width() - shown) > 0.5:
                image.setWidth(shown)
                image.setHeight(height * shown / width)
                cursor = QTextCursor(doc)
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
