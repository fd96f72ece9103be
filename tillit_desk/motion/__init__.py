"""Import the motion being answered: file or pasted text → parsed motion → prefilled case.

No Qt here; the review dialog lives in ``tillit_desk.gui.motion_dialog``.
"""

from __future__ import annotations

from .errors import MotionImportError
from .extract import ExtractedText, extract_bytes, extract_file, extract_pasted
from .parser import ParsedMotion, parse_motion

__all__ = [
    "ExtractedText", "MotionImportError", "ParsedMotion", "extract_bytes", "extract_file",
    "extract_pasted", "parse_motion",
]
