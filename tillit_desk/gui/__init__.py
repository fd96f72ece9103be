"""The window. Importing this package makes PySide6's import hook cheaper (see below)."""

from __future__ import annotations

import sys


def _fast_pyside_check() -> None:
    """PySide6 (6.4+) asks, for every module imported after it, whether the module's source
    mentions "PySide6" (for its ``__feature__`` switch). It reads the source with
    ``inspect.getsource``, which parses it into ``linecache`` and keeps it there: at start-up
    that is a few milliseconds per dozen modules, and by the time the window, the exporters and
    the dictionary are loaded ~8 MB of cached source lines nobody reads. Same question, same
    answer, by reading the file's bytes once. Falls back to PySide's own check for modules
    without a plain ``.py`` file, and does nothing if a PySide version lacks the hook.

    Kept for a measured reason (issue 12, 2026-11-29, ``bench/startup.py``): peak memory with
    the 100-page case and the dictionary is 145 MB with it and 157 MB without it (target
    ≤ 150 MB: the source lines of every module imported after PySide6 stay in ``linecache``).
    Its effect on the first paint is within the noise (CPU 176 vs 177 ms), so it stays only
    for memory; remove it when PySide stops keeping module sources."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_tillit", False):
        return

    stdlib = sys.stdlib_module_names

    def mod_uses_pyside(module) -> bool:
        if getattr(module, "__name__", "").partition(".")[0] in stdlib:
            return False  # the standard library never uses PySide6: no file to read
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return original(module)
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mod_uses_pyside._tillit = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


import PySide6.QtCore  # noqa: E402,F401 - loads shibokensupport, whose hook is patched next

_fast_pyside_check()
