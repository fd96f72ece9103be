"""Errors that reach a user. Each carries a Swedish message that says what is wrong and where."""

from __future__ import annotations


class TillitError(Exception):
    """Base class: ``str(err)`` is the Swedish message shown to the user."""


class CaseFileError(TillitError):
    """A .tillit file could not be read or written."""


class ProfileError(TillitError):
    """An organisation profile is missing or malformed."""


class TemplateError(TillitError):
    """A Word template or a Jinja snippet is broken."""


class ExportError(TillitError):
    """An export could not be written."""


class PdfError(ExportError):
    """LibreOffice is missing or the PDF conversion failed."""
