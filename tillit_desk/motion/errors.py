"""The error a motion import raises; its text is shown to the officer as it stands."""

from __future__ import annotations

from ..errors import TillitError


class MotionImportError(TillitError):
    """The motion file could not be read (wrong type, encrypted, scanned, too large, empty...)."""


PASTE_HINT = ("Öppna motionen i ett annat program, markera och kopiera texten och välj "
              "”Klistra in text” i importfönstret.")


class ImportCancelled(MotionImportError):
    """The officer pressed Avbryt while the file was being read."""
