"""Import the motion being answered: file or pasted text → parsed motion → prefilled case.

No Qt here; the review dialog lives in ``tillit_desk.gui.motion_dialog``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import MotionImportError

# Loaded on first use: the CLI registers the import-motion command on every start, and the
# parser's regexes and pypdf would otherwise cost every command (export, check) ~100 ms.
_LAZY = {
    "ExtractedText": ".extract", "extract_bytes": ".extract", "extract_file": ".extract",
    "extract_pasted": ".extract", "ParsedMotion": ".parser", "parse_motion": ".parser",
}

__all__ = [
    "ExtractedText", "MotionImportError", "ParsedMotion", "extract_bytes", "extract_file",
    "extract_pasted", "parse_motion",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
