"""Atomic, owner-only file writes shared by case saving, autosave and export.

Drafts can hold personal data, so every file we create is 0600. A write goes to a temp file in the
same folder, is fsynced and then moved over the target with ``os.replace``: the target is at every
moment either the complete old file or the complete new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import TillitError

OWNER_ONLY = 0o600


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def temp_candidates(target: Path) -> list[Path]:
    """Temp files an interrupted write may have left, newest first."""
    found = list(target.parent.glob(f".{target.name}.*.tmp"))
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return found


def backup_path_for(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def describe_os_error(err: OSError, path: Path, error_cls: type[TillitError]) -> TillitError:
    """Turn an OSError into a Swedish message that names the file and the cause."""
    if err.errno in (errno.EACCES, errno.EPERM):
        why = "du saknar skrivrättighet, eller filen är låst (öppen i ett annat program?)"
    elif err.errno == errno.ENOSPC:
        why = "disken är full"
    elif err.errno == errno.ENOENT:
        why = "mappen finns inte"
    elif err.errno == errno.EROFS:
        why = "platsen är skrivskyddad"
    elif err.errno == errno.EISDIR:
        why = "det finns en mapp med det namnet"
    else:
        why = err.strerror or str(err)
    return error_cls(f"Kunde inte skriva filen {path}: {why}.")


def atomic_write(
    target: Path,
    write: Callable[[BinaryIO], None],
    *,
    keep_backup: bool = True,
    error_cls: type[TillitError] = TillitError,
) -> None:
    """Write ``target`` through ``write(fileobj)``; on any failure the old file is untouched.

    With ``keep_backup`` the previous version is hard-linked (or copied) to ``<name>.bak`` before
    the swap and removed afterwards, so a crash between the steps leaves something to recover.
    """
    target = Path(target)
    tmp = temp_path_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     OWNER_ONLY)
    except OSError as err:
        raise describe_os_error(err, target, error_cls) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, OWNER_ONLY)
        bak = backup_path_for(target)
        made_backup = False
        if keep_backup and target.exists():
            with contextlib.suppress(FileNotFoundError):
                bak.unlink()
            try:
                os.link(target, bak)
            except OSError:
                bak.write_bytes(target.read_bytes())
                os.chmod(bak, OWNER_ONLY)
            made_backup = True
        _check_replaceable(target, error_cls)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        if made_backup:
            with contextlib.suppress(OSError):
                bak.unlink()
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise describe_os_error(err, target, error_cls) from err
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _check_replaceable(target: Path, error_cls: type[TillitError]) -> None:
    """Refuse to replace a read-only target: os.replace on POSIX would silently succeed."""
    if target.exists() and not os.access(target, os.W_OK):
        raise error_cls(
            f"Kunde inte skriva filen {target}: filen är skrivskyddad eller låst. "
            "Välj ett annat filnamn eller stäng programmet som har filen öppen."
        )


def write_text_atomic(target: Path, text: str, *, error_cls: type[TillitError] = TillitError,
                      keep_backup: bool = True) -> None:
    data = text.encode("utf-8")
    atomic_write(target, lambda fh: fh.write(data), error_cls=error_cls, keep_backup=keep_backup)
