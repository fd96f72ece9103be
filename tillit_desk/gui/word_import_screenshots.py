"""Regenerate the Word import screenshots in docs/manual/ (word-mappning.png, word-andringar.png).

    Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 \\
        .venv/bin/python -m tillit_desk.gui.word_import_screenshots EDITED.docx

EDITED.docx: an export of the example case edited in Word (comments, tracked changes).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent.parent / "docs" / "manual"


def main(argv: list[str]) -> int:
    import os

    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("TILLIT_DESK_HOME", tempfile.mkdtemp(prefix="tillit-shot-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from . import word_import
    from .app import create_window

    source = Path(argv[0])
    app = QApplication(["Tillit Desk"])
    window = create_window([])
    window.resize(1280, 800)
    window.show()

    def review(dialog) -> int:
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(DOCS / "word-mappning.png"))
        dialog.accept()
        return dialog.result()

    word_import.WordImportDialog.exec = review  # type: ignore[method-assign]

    def shoot() -> None:
        window.import_word(source)
        window.go_to("ekonomiska_konsekvenser")
        window.refresh()
        app.processEvents()
        window.grab().save(str(DOCS / "word-andringar.png"))
        print(f"{DOCS / 'word-mappning.png'}, {DOCS / 'word-andringar.png'}")
        window.set_dirty(False)
        window.close()
        app.quit()

    QTimer.singleShot(800, shoot)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
