"""Menu actions made one way for the whole window: text, Word's shortcut, slot, menu.

``QAction(text, parent)`` makes PySide6 resolve the constructor's overloads, one of which takes
a QIcon: that builds QIcon's class and its enums (~1 ms of the first paint, ThemeIcon alone
0.8 ms), though no action here has an icon. ``QAction(parent)`` and ``setText`` do not.
Shortcuts go in with ``setShortcuts([...])``: resolving ``setShortcut``'s overloads makes
PySide6 build the whole ``Qt`` namespace (~20 ms).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

Keys = str | QKeySequence.StandardKey | list[str] | None


def make_action(parent: QObject, text: str, slot: Callable[[], object] | None = None,
                keys: Keys = None, menu: QMenu | None = None, *, checkable: bool = False,
                checked: bool = False) -> QAction:
    """An action owned by ``parent``, added to ``menu`` when given; ``slot`` runs on a click
    or the shortcut (checkable actions connect their ``toggled`` themselves)."""
    action = QAction(parent)
    action.setText(text)
    if checkable:
        action.setCheckable(True)
        action.setChecked(checked)
    if keys is not None:
        action.setShortcuts([QKeySequence(k) for k in (keys if isinstance(keys, list)
                                                        else [keys])])
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    if menu is not None:
        menu.addAction(action)
    return action
