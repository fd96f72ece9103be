"""What the window says when saving, autosaving or exporting fails: plain Swedish.

The user is told what happened, what to do, and that the text is safe; never a Python
exception's name or an operating system's English ("Not a directory", "File name too long").
The core's messages are Swedish already (``TillitError``, with ``safe_write.os_cause`` for the
system's causes); this adds the advice of the place it happened.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import TillitError
from ..safe_write import os_cause

SAVE_ADVICE = ("Det du har skrivit finns kvar i fönstret. Välj Arkiv → Spara som… (F12) och "
               "spara på en annan plats, till exempel i mappen Dokument.")
EXPORT_ADVICE = ("Ärendet är oförändrat. Rätta det som står ovan eller välj en annan plats "
                 "eller ett annat namn, och exportera igen (är filen öppen i Word: stäng den "
                 "först).")
AUTOSAVE_ADVICE = "Det du skrivit finns kvar i fönstret; spara med Ctrl+S."


def _os_cause(err: OSError) -> str:
    where = f"Filen {Path(err.filename)} kunde inte skrivas: " if err.filename else \
        "Filen kunde inte skrivas: "
    return where + os_cause(err) + "."


def cause(err: BaseException) -> str:
    """What happened, in Swedish."""
    os_err = err if isinstance(err, OSError) else err.__cause__
    if isinstance(err, TillitError):
        return str(err)  # the core words the system's causes itself (safe_write.os_cause)
    if isinstance(os_err, OSError):
        return _os_cause(os_err)
    if isinstance(err, UnicodeError):
        return ("Texten innehåller ett tecken som inte kan sparas (ofta ett trasigt tecken från "
                "en inklistring). Ta bort eller skriv om det.")
    if isinstance(err, MemoryError):
        return "Datorn har inte tillräckligt med minne just nu."
    return "Ett oväntat fel inträffade i programmet."


def message(err: BaseException, advice: str) -> str:
    """A dialog's text: the cause, a blank line, then what to do."""
    return f"{cause(err)}\n\n{advice}"
