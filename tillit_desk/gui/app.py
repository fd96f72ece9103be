"""Start the window: ``run_gui(argv)`` opens a .tillit file, or the built-in example case."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..paths import app_paths
from ..profiles import ProfileRegistry
from ..settings import load_settings
from .mainwindow import MainWindow


def _install_translator(app: QApplication) -> None:
    """Qt's own texts (context menus, file dialogs) in Swedish."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Swedish), "qtbase", "_", folder):
        app.installTranslator(translator)


def create_window(argv: Sequence[str] = ()) -> MainWindow:
    """Build the main window with the case from argv (or the example); no event loop."""
    paths = app_paths().ensure()
    settings = load_settings(paths.settings_file)
    registry = ProfileRegistry(user_dir=paths.profiles_dir)
    window = MainWindow(settings, registry, paths)
    opened = False
    for arg in argv:
        if arg.endswith(".tillit"):
            opened = window.open_path(Path(arg))
            break
    if not opened:
        from ..example import EXAMPLE_CASE
        from ..fileformat import load_case

        case = load_case(EXAMPLE_CASE).case
        window.set_case(case, None, f"Exempel – {EXAMPLE_CASE.name}")
    return window


def run_gui(argv: Sequence[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Tillit Desk")
    app.setOrganizationName("TillitDesk")
    _install_translator(app)
    window = create_window(argv)
    window.show()
    window.offer_restore()
    return app.exec()
