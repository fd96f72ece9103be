"""Child process for the window kill test: the real main window (offscreen) types and saves, or
types and autosaves, in a loop until it is SIGKILLed.

Usage: window_crash_child.py save|autosave CASE.tillit   (TILLIT_DESK_HOME set by the parent)
Each round n types "Slut n." into Bedömning with real key events (after Select all), pastes a
large Ärendet ("Stycke n. " × 3000, so a write takes several syscalls) and then saves with
Arkiv → Spara's method (or writes the autosave draft). After a save or draft is complete it
prints "done n": the parent knows the newest text that must survive the kill.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPHS = 3000


def main() -> None:
    mode, case_path = sys.argv[1], Path(sys.argv[2])
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from tillit_desk.gui.app import create_window

    window = create_window([str(case_path)])
    window.show()
    window.autosave_timer.stop()  # the loop decides when drafts are written
    window.go_to("bedomning")
    editor = window.section_pages["bedomning"].editor
    editor.setFocus()
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        editor.selectAll()
        QTest.keyClicks(editor, f"Slut {n}.")
        window.state.set_section_text("arendet", f"Stycke {n}. " * PARAGRAPHS)
        app.processEvents()
        done = window.save() if mode == "save" else window.autosave()
        if not done:
            print(f"failed {n}", flush=True)
            sys.exit(3)
        print(f"done {n}", flush=True)


if __name__ == "__main__":
    main()
