"""Atomic, owner-only file writes shared by case saving, autosave and export.

Drafts can hold personal data, so every file we create is 0600 and every folder 0700, whatever
the umask. A write goes to a temp file in the same folder, is fsynced and then moved over the
target with ``os.replace``: the target is at every moment either the complete old file or the
complete new one.

Temp files are made by ``tempfile.mkstemp`` (``O_CREAT|O_EXCL|O_NOFOLLOW``, random name), so a
link planted in the folder is never followed and two writers never share a temp. Their names
still carry the writer's pid and computer (``.<name>.<pid>-<host>.<random>.tmp``) so that the
leftovers of a killed process can be recognised and removed later.

A target that is a symbolic link is written through to the file it points at (the link stays).
A target with several hard links is rewritten in place, after the new text is complete in a
temp file and the old one is copied to ``<name>.bak``: ``os.replace`` would give this name a
new file and leave the other names with the old text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import TillitError

OWNER_ONLY = 0o600
PRIVATE_DIR = 0o700
# A temp of another computer (or of the old naming without one) this old is ours to remove.
STALE_AFTER_SECONDS = 24 * 3600
_TEMP_RE = re.compile(
    r"^\.(?P<name>.+)\.(?P<pid>\d+)(?:-(?P<host>[A-Za-z0-9-]*))?(?:\.[^.]+)?\.tmp$")


def _host() -> str:
    try:
        name = os.uname().nodename  # the host name, without importing socket at start-up
    except AttributeError:  # Windows has no uname
        import socket

        name = socket.gethostname()
    return re.sub(r"[^A-Za-z0-9-]", "-", name)[:24] or "dator"


def temp_prefix(target: Path, pid: int | None = None) -> str:
    """The name start of this process's temp files for ``target`` (mkstemp adds a random part)."""
    return f".{Path(target).name}.{os.getpid() if pid is None else pid}-{_host()}."


def temp_candidates(target: Path) -> list[Path]:
    """Temp files an interrupted write may have left, newest first."""
    found = []
    for path in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):  # another writer may remove it while we look
            found.append((path.stat().st_mtime, path))
    found.sort(key=lambda item: item[0], reverse=True)
    return [path for _mtime, path in found]


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def backup_path_for(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def pid_alive(pid: int) -> bool:
    """True if a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if os.name != "posix":  # pragma: no cover - Windows: only our own pid is known alive
        return pid == os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale_temp(path: Path, now: float | None = None) -> bool:
    """A temp of our naming whose writer is gone: a dead pid on this computer, or a day old."""
    match = _TEMP_RE.match(path.name)
    if match is None:
        return False
    try:
        age = (time.time() if now is None else now) - path.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_SECONDS:
        return True
    host = match.group("host")
    return host == _host() and not pid_alive(int(match.group("pid")))


def remove_stale_temps(folder: Path, target: Path | None = None) -> list[Path]:
    """Remove temps left by killed writers in ``folder`` (only for ``target`` if given)."""
    prefix = f".{target.name}." if target is not None else "."
    removed: list[Path] = []
    try:  # a plain listing: Path.glob compiles a pattern on every call (start-up runs this twice)
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.startswith(prefix)
                           and e.name.endswith(".tmp") and len(e.name) >= len(prefix) + 4)
    except OSError:
        return removed
    for path in (Path(folder) / name for name in names):
        match = _TEMP_RE.match(path.name)
        if target is not None and match and match.group("name") not in (
                target.name, backup_path_for(target).name):
            continue
        if is_stale_temp(path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents as 0700, whatever the umask."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            level.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
        with contextlib.suppress(OSError):
            os.chmod(level, PRIVATE_DIR)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)  # raises the real error
    return folder


def real_target(target: Path) -> Path:
    """The file a save must change: symbolic links (of the file or its folders) resolved."""
    return Path(os.path.realpath(target))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# What the system means, in words an official follows (never the system's own English).
OS_CAUSES = {
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.ENAMETOOLONG: "filens namn eller sökväg är för lång; välj ett kortare namn",
    errno.EIO: "disken eller nätverksenheten svarar inte (kopplades den bort?)",
    errno.EEXIST: "det finns redan en fil med det namnet där en mapp behövs",
    errno.EXDEV: "filen kunde inte flyttas på plats mellan två diskar",
    errno.EDQUOT: "ditt lagringsutrymme är fullt",
    errno.ETXTBSY: "filen används av ett annat program",
    errno.EINVAL: "namnet innehåller tecken som platsen inte tillåter",
}


def os_cause(err: OSError) -> str:
    """Why the system refused, in Swedish; an unknown cause by its error number."""
    why = OS_CAUSES.get(err.errno or 0, "")
    if why:
        return why
    return f"systemet tillät det inte (felkod {err.errno})" if err.errno else \
        "systemet tillät det inte"


def describe_os_error(err: OSError, path: Path, error_cls: type[TillitError]) -> TillitError:
    """Turn an OSError into a Swedish message that names the file and the cause."""
    if err.errno in (errno.EACCES, errno.EPERM):
        why = "du saknar skrivrättighet, eller filen är låst (öppen i ett annat program?)"
    elif err.errno == errno.ENOSPC:
        why = "disken är full"
    elif err.errno == errno.ENOENT:
        why = "mappen finns inte" if not path.parent.is_dir() else \
            "filen togs bort eller flyttades medan den sparades; försök igen"
    elif err.errno == errno.EROFS:
        why = "platsen är skrivskyddad"
    elif err.errno == errno.EISDIR:
        why = "det finns en mapp med det namnet"
    elif err.errno == errno.ELOOP:
        why = "sökvägen är en länk som pekar på sig själv"
    else:
        why = os_cause(err)
    return error_cls(f"Kunde inte skriva filen {path}: {why}.")


def atomic_write(
    target: Path,
    write: Callable[[BinaryIO], None],
    *,
    keep_backup: bool = True,
    error_cls: type[TillitError] = TillitError,
) -> None:
    """Write ``target`` through ``write(fileobj)``; on any failure the old file is untouched.

    With ``keep_backup`` the previous version is kept as ``<name>.bak`` during the swap and
    removed afterwards, so a crash between the steps leaves something to recover. A refused
    or failed write leaves neither temp nor backup behind.
    """
    shown = Path(target)
    target = real_target(shown)
    _check_replaceable(target, error_cls)
    remove_stale_temps(target.parent, target)
    try:
        import tempfile

        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp",
                                        dir=target.parent)
    except OSError as err:
        raise describe_os_error(err, shown, error_cls) from err
    tmp = Path(tmp_name)
    bak: Path | None = None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, OWNER_ONLY)
        links = _link_count(target)
        if keep_backup and links:
            bak = _make_backup(target, copy=links > 1)
        if links > 1:
            _rewrite_in_place(tmp, target)
            tmp.unlink()
        else:
            os.replace(tmp, target)
        _fsync_dir(target.parent)
        if bak is not None:
            with contextlib.suppress(OSError):
                bak.unlink()
    except OSError as err:
        _discard(tmp, bak)
        raise describe_os_error(err, shown, error_cls) from err
    except BaseException:
        _discard(tmp, bak)
        raise


def _discard(tmp: Path, bak: Path | None) -> None:
    """After a failed write the target is intact: its temp and backup are not needed."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    if bak is not None:
        with contextlib.suppress(OSError):
            bak.unlink()


def _link_count(target: Path) -> int:
    """0 if there is no regular file yet, else its number of hard links."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return 0
    return st.st_nlink if stat.S_ISREG(st.st_mode) else 1


def _make_backup(target: Path, *, copy: bool) -> Path:
    """``<name>.bak``, put in place atomically so concurrent savers never see half of one."""
    bak = backup_path_for(target)
    import tempfile

    fd, name = tempfile.mkstemp(prefix=temp_prefix(bak), suffix=".tmp", dir=target.parent)
    staging = Path(name)
    try:
        linked = False
        if not copy:
            # link() fails with ENOENT when another saver replaces the target at that moment
            # (the inode it found has no name left); a copy of the current file then serves.
            os.close(fd)
            staging.unlink()
            try:
                os.link(target, staging)
                linked = True
            except OSError:
                fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0),
                             OWNER_ONLY)
        if not linked:
            with os.fdopen(fd, "wb") as out, open(target, "rb") as src:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        os.replace(staging, bak)
        # rename() between two names of one inode does nothing (another saver linked the same
        # version a moment ago): our staging name must still go.
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    except OSError:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise
    return bak


def _rewrite_in_place(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target``'s own inode, so that every hard link sees the new text."""
    flags = os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _check_replaceable(target: Path, error_cls: type[TillitError]) -> None:
    """Refuse to replace a read-only target: os.replace on POSIX would silently succeed.

    The file's own write bits count too, so a file marked read-only is refused even for an
    administrator (as Word does).
    """
    try:
        st = os.stat(target)
    except OSError:
        return
    if not stat.S_ISREG(st.st_mode):
        return
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:
        raise error_cls(
            f"Kunde inte skriva filen {target}: filen är skrivskyddad eller låst. "
            "Välj ett annat filnamn eller stäng programmet som har filen öppen."
        )


def write_text_atomic(target: Path, text: str, *, error_cls: type[TillitError] = TillitError,
                      keep_backup: bool = True) -> None:
    data = text.encode("utf-8")
    atomic_write(target, lambda fh: fh.write(data), error_cls=error_cls, keep_backup=keep_backup)
