"""Regenerate the screenshots in docs/: the real window with the example case.

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 .venv/bin/python -m tillit_desk.gui.screenshot [OUT] [1280x800] [step] [granskning]

Defaults: docs/screenshot.png, 1280×800, the step Ärendet, the preview tab. ``granskning`` shows
the review pane's tab instead of the preview.
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
    width, height = (int(v) for v in (argv[1] if len(argv) > 1 else "1280x800").split("x"))
    step = argv[2] if len(argv) > 2 else "arendet"
    review = len(argv) > 3 and argv[3] == "granskning"
    app = QApplication(["Tillit Desk"])
    QApplication.setStyle("Fusion")  # the same look as the manual's screenshots
    window = create_window([])
    window.resize(width, height)
    window.show()
    window.go_to(step)

    def shoot() -> None:
        window.refresh()
        if review:
            window.review.show_pane()
        app.processEvents()
        window.grab().save(str(out))
        print(f"{out} ({window.width()}×{window.height()}, plattform {app.platformName()})")
        window.set_dirty(False)
        window.close()
        app.quit()

    QTimer.singleShot(5000 if review else 800, shoot)  # review: let the full check finish
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
