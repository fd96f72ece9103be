"""A lock file beside an open case, so that a colleague is told who has it open.

Two people opening the same case on a municipal file share is normal, and without a lock the
last one to save wins silently. As Word (``~$name``) and LibreOffice (``.~lock.name#``) do,
the window creates ``.~lock.<name>#`` beside the case while it is open; file-sync clients
(OneDrive, Nextcloud) skip that pattern. It holds JSON: who (user), on which computer (host),
which process (pid) and since when. A second window reads it and offers to open the case
read-only. A lock left by a crash is stale when its process is gone from this same computer;
it is then taken over. A lock from another computer is never taken over automatically (we
cannot see its processes): ``tillit-desk lock CASE --release`` removes it.

The lock file is created atomically and complete (written to a temp file, then hard-linked to
its name, which fails if the name exists). It is 0644, the one file we write that others may
read: it holds only user name, computer, process id and time (no case content), and a
colleague on a shared folder must be able to read it to be told who has the case. The case and
its autosaves stay 0600. A lock that cannot be read anyway (an older 0600 lock, a stricter
share) is described by what the file itself shows: its owner and since when.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import json
import os
import socket
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import TillitError
from .safe_write import pid_alive, real_target

APP = "Tillit Desk"
MAX_LOCK_BYTES = 64 * 1024
LOCK_MODE = 0o644  # readable by colleagues, writable only by its owner (see above)


class CaseLockedError(TillitError):
    """The case is open in another window (here or on another computer)."""

    def __init__(self, case_path: Path, info: LockInfo) -> None:
        self.case_path = case_path
        self.info = info
        super().__init__(f"{case_path.name} är redan öppnat av {info.describe()}. "
                         "Du kan öppna det skrivskyddat, eller vänta tills det stängs.")


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock. Unknown fields (a damaged lock file) are empty strings and pid 0."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601 with time zone
    app: str = APP
    readable: bool = True  # False: user and since come from the lock file's owner and time

    def describe(self) -> str:
        """Swedish: "anna på datorn KOMMUN-PC12 sedan 2026-11-29 09:14"."""
        who = self.user or "okänd användare"
        where = f" på datorn {self.host}" if self.host else ""
        since = f" sedan {self.since[:16].replace('T', ' ')}" if self.since else ""
        unread = " (låsfilen går inte att läsa; namnet är filens ägare)" if self.user else \
            " (låsfilen går inte att läsa)"
        return f"{who}{where}{since}{'' if self.readable else unread}"

    @property
    def on_this_computer(self) -> bool:
        return bool(self.host) and self.host == this_host()

    @property
    def ours(self) -> bool:
        """Held by this very process (the same window, or another window of this program)."""
        return self.on_this_computer and self.pid == os.getpid()

    @property
    def stale(self) -> bool:
        """Left by a process that no longer runs on this computer."""
        return self.on_this_computer and not pid_alive(self.pid)


def this_host() -> str:
    return socket.gethostname() or "okänd dator"


def lock_path_for(case_path: Path | str) -> Path:
    """``.~lock.<name>#`` beside the real file (links resolved: one lock per file)."""
    real = real_target(Path(case_path))
    return real.with_name(f".~lock.{real.name}#")


def inspect(case_path: Path | str) -> LockInfo | None:
    """Who holds the case's lock, or None if nobody does."""
    path = lock_path_for(case_path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except OSError:  # exists but unreadable (an older 0600 lock of another user on a share)
        return _unreadable(path)
    return _parse(raw)


def _unreadable(path: Path) -> LockInfo:
    """What the file system tells about a lock we may not read: its owner and its time."""
    try:
        st = path.stat()
    except OSError:
        return LockInfo("", "", 0, "", readable=False)
    owner = ""
    if os.name == "posix":
        import pwd

        with contextlib.suppress(KeyError, OverflowError):
            owner = pwd.getpwuid(st.st_uid).pw_name
    since = _dt.datetime.fromtimestamp(st.st_mtime).astimezone().isoformat(timespec="seconds")
    return LockInfo(owner, "", 0, since, readable=False)


def refuse_if_open(case_path: Path | str) -> None:
    """A command never overwrites a case that a window (here or elsewhere) has open: raise
    CaseLockedError unless its lock is absent or stale."""
    info = inspect(case_path)
    if info is not None and not info.stale:
        raise CaseLockedError(Path(case_path), info)


def _parse(raw: bytes) -> LockInfo:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return LockInfo("", "", 0, "")
    if not isinstance(data, dict):
        return LockInfo("", "", 0, "")

    def text(key: str) -> str:
        value = data.get(key)
        return value[:200] if isinstance(value, str) else ""

    pid = data.get("pid")
    return LockInfo(text("user"), text("host"),
                    pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
                    text("since"), text("app") or APP)


@dataclass
class CaseLock:
    """A held lock; ``release()`` when the case is closed (also as a context manager)."""

    case_path: Path
    path: Path
    info: LockInfo
    released: bool = False

    def release(self) -> None:
        """Remove the lock file if it is still ours (never a lock someone took over)."""
        if self.released:
            return
        self.released = True
        current = inspect(self.case_path)
        if current is not None and current.host == self.info.host and \
                current.pid == self.info.pid and current.since == self.info.since:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> CaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(case_path: Path | str, *, user: str | None = None) -> CaseLock:
    """Lock the case for this process; raise CaseLockedError if another one has it.

    A stale lock (its process is gone from this computer) is taken over; so is a lock this
    process already holds (the same file opened again).
    """
    case_path = Path(case_path)
    path = lock_path_for(case_path)
    info = LockInfo(user if user is not None else _user_name(), this_host(), os.getpid(),
                    _dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    fields = {k: v for k, v in asdict(info).items() if k != "readable"}
    payload = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    for _attempt in range(3):
        if _create(path, payload):
            return CaseLock(case_path, path, info)
        current = inspect(case_path)
        if current is None:
            continue  # released between our attempt and the look: try again
        if not (current.stale or current.ours):
            raise CaseLockedError(case_path, current)
        _take_away(path, current)
    current = inspect(case_path) or LockInfo("", "", 0, "")
    raise CaseLockedError(case_path, current)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _create(path: Path, payload: bytes) -> bool:
    """Put a complete lock file at ``path``; False if one is already there."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~lock.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise TillitError(f"Kunde inte skapa låsfilen {path}: {err.strerror}.") from err
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            _share(fh.fileno())
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # atomic: fails if the name exists, never shows half a lock
            return True
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            return _create_exclusive(path, payload)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _create_exclusive(path: Path, payload: bytes) -> bool:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | \
        getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, LOCK_MODE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as fh:
        _share(fh.fileno())
        fh.write(payload)
    return True


def _share(fd: int) -> None:
    """Give the lock its mode whatever the umask (mkstemp makes 0600; no-op where files have
    no POSIX modes: there the folder's permissions decide)."""
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):  # a share that keeps its own modes
            os.fchmod(fd, LOCK_MODE)


def _take_away(path: Path, seen: LockInfo) -> None:
    """Remove a stale lock, unless it changed since we read it (someone else took it)."""
    aside = path.with_name(f"{path.name}.{os.getpid()}.stale")
    try:
        os.replace(path, aside)
    except OSError:
        return
    try:
        with open(aside, "rb") as fh:
            moved = _parse(fh.read(MAX_LOCK_BYTES))
        if moved != seen and not os.path.exists(path):
            os.replace(aside, path)  # not the lock we judged: put it back
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()


def release_any(case_path: Path | str) -> LockInfo | None:
    """Remove the case's lock whoever holds it (the user decided); returns who held it."""
    info = inspect(case_path)
    if info is not None:
        with contextlib.suppress(FileNotFoundError):
            lock_path_for(case_path).unlink()
    return info
