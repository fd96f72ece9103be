"""Start the window: ``run_gui(argv)`` opens a .tillit file, or the built-in example case."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..paths import app_paths
from ..profiles import ProfileRegistry, TomlCache
from ..settings import load_settings
from .mainwindow import MainWindow


def _install_translator(app: QApplication) -> None:
    """Qt's own texts (context menus, file dialogs) in Swedish."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Swedish), "qtbase", "_", folder):
        app.installTranslator(translator)


def create_window(argv: Sequence[str] = ()) -> MainWindow:
    """Build the main window with the case from argv (or the example); no event loop."""
    paths = app_paths().ensure()
    settings = load_settings(paths.settings_file)
    registry = ProfileRegistry(user_dir=paths.profiles_dir, toml_cache=TomlCache(
        paths.cache_dir / "profiles.json"))
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


def _application(argv: Sequence[str]) -> QApplication:
    """The application; its icon is the main window's, set after the first paint
    (``MainWindow._set_icon``, ``_share_icon``)."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Tillit Desk")
    app.setOrganizationName("TillitDesk")
    app.setDesktopFileName("tillit-desk")  # matches packaging/linux/tillit-desk.desktop
    _install_translator(app)
    return app


def _share_icon(app: QApplication, window: MainWindow) -> None:
    """Once the window has its icon, every other top-level window gets it too."""
    window.when_painted(lambda: app.setWindowIcon(window.windowIcon()))


def run_gui(argv: Sequence[str]) -> int:
    app = _application(argv)
    window = create_window(argv)
    _share_icon(app, window)
    window.show()
    window.when_painted(window.offer_restore)  # scanning for drafts is not part of start-up
    return app.exec()


SMOKE_FLAG = "--smoke-test"


def run_smoke_test(out: Path, case: Path | None = None) -> int:
    """Check an installed bundle end to end: build the real window on the example case (or
    ``case``), let the event loop render the preview, export DOCX through the window's own
    export function, and quit: 0 when the file was written, 1 with a Swedish message otherwise.

    Runs offscreen unless QT_QPA_PLATFORM says otherwise, in a throwaway settings folder, and
    prints error dialogs and questions instead of waiting for someone to click them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TILLIT_DESK_HOME", tempfile.mkdtemp(prefix="tillit-smoke-"))
    from . import dialogs
    from .about import MANUAL, app_icon

    errors: list[str] = []

    def record_error(_parent, message: str, title: str = "Fel", *_a, **_k) -> None:
        errors.append(f"{title}: {message}")

    dialogs.show_error = record_error
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **_k) -> QMessageBox.StandardButton:
        texts = [a for a in args if isinstance(a, str)] or [args[0].text()]
        errors.append(f"Oväntad fråga: {texts[-1]}")
        return QMessageBox.StandardButton.Cancel

    for name in ("question", "warning", "information", "critical", "exec"):
        setattr(QMessageBox, name, unexpected)
    app = _application([])
    if app_icon().isNull():
        errors.append("Programikonen saknas (resources/icons).")
    if not MANUAL.exists():
        errors.append(f"Användarhandboken saknas ({MANUAL}).")
    window = create_window([str(case)] if case else [])
    _share_icon(app, window)
    window.show()
    result: list[Path | None] = [None]

    def export() -> None:
        result[0] = window.export_docx(out)
        window.set_dirty(False)
        window.close()
        app.quit()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(400, export)  # after the debounced preview has rendered once
    app.exec()
    written = result[0]
    if written is None or not Path(written).is_file():
        errors.append(f"Exporten till {out} skapade ingen fil.")
    if errors:
        for line in errors:
            print(f"Röktestet misslyckades: {line}", file=sys.stderr)
        return 1
    print(f"Röktestet lyckades: {written}")
    return 0
