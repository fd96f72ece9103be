"""The error a motion import raises; its text is shown to the officer as it stands."""

from __future__ import annotations

from ..errors import TillitError


class MotionImportError(TillitError):
    """The motion file could not be read (wrong type, encrypted, scanned, too large, empty...)."""
