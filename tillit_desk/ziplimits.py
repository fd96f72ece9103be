"""Refuse a zip bomb before anything in a DOCX is decompressed.

The Word import and the motion import both open DOCX files a user hands them. The sizes come
from the zip's central directory, so an oversized or absurdly compressed file is refused before
it costs memory; each caller keeps its own limits and its own error type and wording.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass

_MB = 1024 * 1024


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
