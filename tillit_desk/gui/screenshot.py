"""Regenerate docs/screenshot.png: the real window at 1280×800 with the example case and preview.

    Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 .venv/bin/python -m tillit_desk.gui.screenshot
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshot.png"


def main(argv: list[str]) -> int:
    import os

    os.environ.setdefault("TILLIT_DESK_HOME", tempfile.mkdtemp(prefix="tillit-shot-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .app import create_window

    out = Path(argv[0]) if argv else DEFAULT_OUT
    app = QApplication(["Tillit Desk"])
    window = create_window([])
    window.resize(1280, 800)
    window.showMaximized() if app.platformName() == "xcb" else window.show()
    window.go_to("arendet")

    def shoot() -> None:
        window.refresh()
        app.processEvents()
        window.grab().save(str(out))
        print(f"{out} ({window.width()}×{window.height()}, plattform {app.platformName()})")
        window.set_dirty(False)
        window.close()
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
