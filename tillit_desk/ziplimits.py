"""Refuse a zip bomb before anything in a DOCX is decompressed.

The Word import, the motion import and the Word template all open DOCX files a user hands
them. The sizes come from the zip's central directory, so an oversized or absurdly compressed
file is refused before it costs memory; each caller keeps its own limits and its own error type,
the messages are this module's. A part name that climbs out of the package ("../x", "/etc/x",
"C:\\x") is refused too: Word never writes one, and nothing may ever unpack it to disk.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

_MB = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_name(name: str) -> bool:
    """A part name that is absolute, climbs with "..", uses backslashes, a drive or a control
    character (OPC part names are relative, forward-slashed and plain)."""
    return (name.startswith("/") or "\\" in name or ".." in name.split("/")
            or re.match(r"^[A-Za-z]:", name) is not None or _CONTROL.search(name) is not None)


def _shown(name: str) -> str:
    name = _CONTROL.sub("?", name)
    return name if len(name) <= 80 else name[:77] + "…"


@dataclass(frozen=True)
class ZipLimits:
    entries: int  # parts in the zip
    uncompressed: int  # bytes, all parts together
    part_bytes: int  # bytes, one part that ``part_label`` names
    ratio: int  # uncompressed/compressed beyond this on a part over 1 MB = bomb


def check_zip(zf: zipfile.ZipFile, name: str, limits: ZipLimits,
              error: Callable[[str], Exception], part_label: Callable[[str], str | None],
              bomb_hint: str = "") -> None:
    """Raise ``error`` (a Swedish message) when the zip is over a limit.

    ``part_label`` names a part whose own size is bounded ("delen word/styles.xml"), or gives
    None for a part that is not; ``bomb_hint`` follows the zip-bomb message."""
    infos = zf.infolist()
    if len(infos) > limits.entries:
        raise error(f"{name}: DOCX-filen innehåller orimligt många delar "
                    f"({len(infos)}) och öppnas inte.")
    total = 0
    for info in infos:
        if unsafe_name(info.filename):
            raise error(f"{name}: DOCX-filen innehåller en del med ogiltigt namn "
                        f"(”{_shown(info.filename)}”) och öppnas inte.")
        total += info.file_size
        if info.file_size > _MB and info.compress_size and \
                info.file_size / info.compress_size > limits.ratio:
            raise error(f"{name}: DOCX-filen packas upp till orimligt mycket data och öppnas "
                        f"inte (möjlig ”zip-bomb”).{bomb_hint}")
        label = part_label(info.filename)
        if label is not None and info.file_size > limits.part_bytes:
            raise error(f"{name}: {label} är orimligt stor ({info.file_size // _MB} MB) och "
                        f"öppnas inte.")
    if total > limits.uncompressed:
        raise error(f"{name}: DOCX-filen packas upp till {total // _MB} MB (högst "
                    f"{limits.uncompressed // _MB} MB) och öppnas inte (möjlig ”zip-bomb”).")
