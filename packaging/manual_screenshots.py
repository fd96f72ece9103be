"""Screenshots for the user manual (docs/manual/*.png), taken from the real window.

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 .venv/bin/python packaging/manual_screenshots.py [OUT_DIR]

Uses the example case and a throwaway settings folder; run it again after changing the window
so the manual stays current. Take them from a clean checkout (e.g. `git worktree add`) so that
work in progress does not end up in the manual.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("TILLIT_DESK_HOME", tempfile.mkdtemp(prefix="tillit-manual-"))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import tillit_desk
    from tillit_desk.gui import dialogs
    from tillit_desk.gui.about import AboutDialog
    from tillit_desk.gui.app import _application, create_window
    from tillit_desk.gui.motion_dialog import MotionImportDialog
    from tillit_desk.steps import STEP_REVIEW

    root = Path(tillit_desk.__file__).resolve().parent.parent
    out = Path(argv[0]) if argv else root / "docs" / "manual"
    out.mkdir(parents=True, exist_ok=True)
    motion = root / "tests" / "fixtures" / "lund-motion-tillit-2022.txt"

    app = _application([])
    QApplication.setStyle("Fusion")  # the same look on every machine that makes screenshots

    def settle(ms: int = 600) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(widget: QWidget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path))
        print(f"{path} ({widget.width()}×{widget.height()}, {app.platformName()})")

    window = create_window([])
    window.resize(1280, 800)
    window.show()
    window.go_to("arendet")
    window.refresh()
    shoot(window, "huvudfonster.png")

    window.go_to("forslag_till_beslut")
    shoot(window, "forslag-till-beslut.png")

    window.go_to(STEP_REVIEW)  # opens the Granskning tab beside the preview
    window.refresh()
    settle(4000)  # the spelling dictionary loads in the background
    shoot(window, "granska-och-exportera.png")
    window.show_preview(True)

    new = dialogs.NewCaseDialog(window, window.registry, window.settings.default_profile)
    new.resize(360, new.sizeHint().height())
    new.show()
    shoot(new, "nytt-arende.png")
    new.close()

    importer = MotionImportDialog(window)
    importer.load_file(motion)
    importer.show()
    shoot(importer, "importera-motion.png")
    importer.close()

    settings = dialogs.SettingsDialog(window, window.settings, window.registry)
    settings.resize(520, settings.sizeHint().height())
    settings.show()
    shoot(settings, "installningar.png")
    settings.close()

    about = AboutDialog(window)
    about.show()
    shoot(about, "om-tillit-desk.png")
    about.close()

    window.set_dirty(False)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
