"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 returned None from every void method without taking a reference; on Python
3.11 the app crashed ("deallocating None") after a few thousand calls, e.g. when the review
pane listed the findings of a long case. pyproject.toml keeps such a release out.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTreeWidgetItem


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    item = QTreeWidgetItem(["a"])
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        item.setText(0, "y")
        item.setToolTip(0, "z")
    assert sys.getrefcount(None) >= before - 50
