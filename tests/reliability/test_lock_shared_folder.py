"""A lock on a shared (POSIX) folder, read by another user: the lock holds only who / which
computer / which process / since when, so it is readable by others (0644, whatever the umask)
and the colleague is told who has the case; the case file and its autosave stay owner-only.
When a lock cannot be read at all, the message still names what can be known (the file's
owner, since when) and says the lock could not be read.

Reading "as another user" runs a child process as ``nobody``; that needs root and is skipped
otherwise (the mode tests still run)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tillit_desk import filelock
from tillit_desk.case import Case
from tillit_desk.fileformat import save_case

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and users as on POSIX")

_READ = """
import sys
from tillit_desk import filelock
info = filelock.inspect(sys.argv[1])
try:
    filelock.acquire(sys.argv[1], user="bertil")
except filelock.CaseLockedError as err:
    print(err)
else:
    print("fick låset")
"""


@pytest.fixture
def shared(monkeypatch):
    """A folder both users may write in, as a shared folder is (pytest's tmp is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="tillit-delad-"))
    folder.chmod(0o777)
    old = os.umask(0o077)  # the strictest usual umask: the lock's mode must not depend on it
    yield folder
    os.umask(old)
    shutil.rmtree(folder)


def _open_to_others(path: Path) -> bool:
    return all(os.stat(p).st_mode & stat.S_IXOTH for p in [path, *path.parents])


def _python_for_others() -> str:
    """An interpreter another user may run (a venv under a private home is not one); the child
    needs only the standard library."""
    for candidate in (os.path.realpath(sys.executable), shutil.which("python3") or "",
                      "/usr/bin/python3"):
        if candidate and _open_to_others(Path(os.path.realpath(candidate))):
            return candidate
    pytest.skip("no Python interpreter that another user may run")
    raise AssertionError  # unreachable


def _as_nobody(case_file: Path) -> str:
    if os.geteuid() != 0:
        pytest.skip("reading as another user needs root (a child process as nobody)")
    python = _python_for_others()
    import pwd

    nobody = pwd.getpwnam("nobody")

    def drop() -> None:
        os.setgid(nobody.pw_gid)
        os.setgroups([])
        os.setuid(nobody.pw_uid)

    root_copy = Path(tempfile.mkdtemp(prefix="tillit-kod-"))  # our checkout may be 0700 too
    root_copy.chmod(0o755)
    try:
        shutil.copytree(ROOT / "tillit_desk", root_copy / "tillit_desk",
                        ignore=shutil.ignore_patterns("__pycache__"))
        for p in [root_copy, *root_copy.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        env = {"PYTHONPATH": str(root_copy), "HOME": "/nonexistent", "PATH": "/usr/bin:/bin",
               "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run([python, "-c", _READ, str(case_file)], env=env, cwd=root_copy,
                             capture_output=True, text=True, timeout=60, preexec_fn=drop)
    finally:
        shutil.rmtree(root_copy)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_lock_is_readable_by_others_and_the_case_is_not(shared):
    case_file = shared / "fall.tillit"
    save_case(Case(profile="generic"), case_file)
    with filelock.acquire(case_file, user="anna") as lock:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644
        assert set(json.loads(lock.path.read_text(encoding="utf-8"))) == {
            "user", "host", "pid", "since", "app"}  # nothing of the case
        assert stat.S_IMODE(case_file.stat().st_mode) == 0o600


def test_the_exclusive_fallback_writes_the_same_mode(shared, monkeypatch):
    """A file system without hard links gets the lock through O_EXCL: same mode."""
    def no_links(*_args):
        raise OSError("no hard links here")

    monkeypatch.setattr(filelock.os, "link", no_links)
    case_file = shared / "fall.tillit"
    save_case(Case(profile="generic"), case_file)
    with filelock.acquire(case_file, user="anna") as lock:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644


def test_another_user_is_told_who_has_the_case(shared):
    case_file = shared / "fall.tillit"
    save_case(Case(profile="generic"), case_file)
    with filelock.acquire(case_file, user="anna"):
        said = _as_nobody(case_file)
    assert said.startswith(f"fall.tillit är redan öppnat av anna på datorn "
                           f"{filelock.this_host()} sedan "), said
    assert "okänd användare" not in said


def test_an_unreadable_lock_still_says_whose_file_it_is(shared):
    """A lock from an older version (0600) or a stricter share: the owner and the time come
    from the file itself, and the message says the lock could not be read."""
    case_file = shared / "fall.tillit"
    save_case(Case(profile="generic"), case_file)
    with filelock.acquire(case_file, user="anna") as lock:
        lock.path.chmod(0o600)
        said = _as_nobody(case_file)
    import pwd

    owner = pwd.getpwuid(os.geteuid()).pw_name
    assert said.startswith(f"fall.tillit är redan öppnat av {owner} sedan "), said
    assert "låsfilen går inte att läsa" in said and "skrivskyddat" in said
