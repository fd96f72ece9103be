"""What the window says when saving, autosaving or exporting fails: plain Swedish.

The user is told what happened, what to do, and that the text is safe; never a Python
exception's name or an operating system's English ("Not a directory", "File name too long").
The core's messages are Swedish already (``TillitError``); this adds the advice of the place
it happened, and words for the causes the core passes through as the system gave them.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..errors import TillitError

# Causes the core leaves in the system's words (safe_write.describe_os_error names the common
# ones: rights, a full disk, a missing folder, a read-only place)
_OS_CAUSES = {
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.ENAMETOOLONG: "filens namn eller sökväg är för lång; välj ett kortare namn",
    errno.EIO: "disken eller nätverksenheten svarar inte (kopplades den bort?)",
    errno.EEXIST: "det finns redan en fil med det namnet där en mapp behövs",
    errno.EXDEV: "filen kunde inte flyttas på plats mellan två diskar",
    errno.EDQUOT: "ditt lagringsutrymme är fullt",
    errno.ETXTBSY: "filen används av ett annat program",
    errno.EINVAL: "namnet innehåller tecken som platsen inte tillåter",
}

SAVE_ADVICE = ("Det du har skrivit finns kvar i fönstret. Välj Arkiv → Spara som… (F12) och "
               "spara på en annan plats, till exempel i mappen Dokument.")
EXPORT_ADVICE = ("Ärendet är oförändrat. Rätta det som står ovan eller välj en annan plats "
                 "eller ett annat namn, och exportera igen (är filen öppen i Word: stäng den "
                 "först).")
AUTOSAVE_ADVICE = "Det du skrivit finns kvar i fönstret; spara med Ctrl+S."


def _os_cause(err: OSError) -> str:
    why = _OS_CAUSES.get(err.errno or 0, "")
    if not why:
        why = f"systemet tillät det inte (felkod {err.errno})" if err.errno else \
            "systemet tillät det inte"
    where = f"Filen {Path(err.filename)} kunde inte skrivas: " if err.filename else \
        "Filen kunde inte skrivas: "
    return where + why + "."


def cause(err: BaseException) -> str:
    """What happened, in Swedish."""
    os_err = err if isinstance(err, OSError) else err.__cause__
    if isinstance(err, TillitError):
        text = str(err)
        if isinstance(os_err, OSError) and os_err.strerror and os_err.strerror in text:
            return text.replace(os_err.strerror, _OS_CAUSES.get(
                os_err.errno or 0, f"systemet tillät det inte (felkod {os_err.errno})"))
        return text
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
