"""The error a Word import raises; its text is shown to the user as it stands."""

from __future__ import annotations

from ..errors import TillitError


class WordImportError(TillitError):
    """The DOCX could not be read: wrong type, damaged, hostile (bomb, DTD), too large."""
