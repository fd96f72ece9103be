"""What the window loads and builds before its first paint (issue 12: first paint ≤ 1.3 × a
bare PySide6 window, measured by bench/startup.py). Timing belongs to the bench; this guards
the cause: a module the first frame does not need, imported before it, costs every start."""

from __future__ import annotations

from fresh_process import run_python

# Each of these was once loaded before the first paint, or could easily be again: the
# exporters and template engine, the Markdown parser, the ``regex`` engine (diarienummer
# patterns), TOML (profiles come from their JSON cache), and the stdlib modules start-up
# avoids (datetime for the date field, decimal for the validator, the utf-8-sig codec).
NOT_BEFORE_FIRST_PAINT = ("docx", "docxtpl", "lxml", "jinja2", "markdown_it", "regex", "tomllib",
                          "datetime", "decimal", "encodings.utf_8_sig", "tillit_desk.review.engine",
                          "tillit_desk.compose", "tillit_desk.gui.editor")

SNIPPET = """
import enum, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
made = []  # the Python enums PySide6 builds, by name
create = enum.EnumType._create_
def record(cls, name, *args, **kwargs):
    made.append(name)
    return create(cls, name, *args, **kwargs)
enum.EnumType._create_ = record
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tillit_desk.gui.app import create_window
window = create_window([])
from PySide6.QtCore import QEvent, QObject
WATCH = {watch!r}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("LOADED", ",".join(m for m in WATCH if m in sys.modules), flush=True)
            print("QT-NAMESPACE", "GlobalColor" in made, flush=True)
            os._exit(0)
        return False

paint = FirstPaint()
app.installEventFilter(paint)
window.show()
app.exec()
"""


def test_first_paint_loads_only_what_the_first_frame_shows(tmp_path):
    # the profiles' JSON cache is written by a first start; the second is the usual one
    for _ in range(2):
        result = run_python(SNIPPET.format(watch=NOT_BEFORE_FIRST_PAINT), tmp_path)
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))
    assert line == "LOADED ", (line, result.stderr[-2000:])
    # ``from PySide6.QtCore import Qt`` at the top of a window module builds all ~100 enums of
    # the Qt namespace (~13 ms; a bare window never does): import it where it is used
    assert "QT-NAMESPACE False" in result.stdout
