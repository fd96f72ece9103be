"""The lock file beside an open case (issue 14, item 7): who has it, stale takeover, races."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tillit_desk import filelock
from tillit_desk.case import Case
from tillit_desk.cli import main as cli
from tillit_desk.fileformat import save_case

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="pids and links as on POSIX")


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "fall.tillit"
    save_case(Case(profile="generic"), path)
    return path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _plant(case_file: Path, **fields) -> Path:
    info = {"user": "anna", "host": filelock.this_host(), "pid": os.getppid(),
            "since": "2026-11-29T09:14:00+01:00", "app": "Tillit Desk", **fields}
    lock = case_file.with_name(f".~lock.{case_file.name}#")
    lock.write_text(json.dumps(info), encoding="utf-8")
    return lock


def test_acquire_writes_who_where_since_and_release_removes_it(case_file):
    lock = filelock.acquire(case_file, user="Anders Eriksson")
    assert lock.path == case_file.with_name(".~lock.fall.tillit#")
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644  # others may read who has it
    info = filelock.inspect(case_file)
    assert info.user == "Anders Eriksson" and info.pid == os.getpid()
    assert info.host == filelock.this_host() and info.since[:4].isdigit()
    assert [p.name for p in case_file.parent.iterdir() if p.name.endswith(".tmp")] == []
    lock.release()
    assert filelock.inspect(case_file) is None
    assert sorted(p.name for p in case_file.parent.iterdir()) == ["fall.tillit"]


def test_a_live_holder_is_named_in_swedish(case_file):
    _plant(case_file)  # our parent process: alive, not us
    with pytest.raises(filelock.CaseLockedError) as info:
        filelock.acquire(case_file)
    message = str(info.value)
    assert "fall.tillit är redan öppnat av anna på datorn" in message
    assert "sedan 2026-11-29 09:14" in message and "skrivskyddat" in message
    assert info.value.info.user == "anna"


def test_a_stale_lock_on_this_computer_is_taken_over(case_file):
    _plant(case_file, pid=_dead_pid())
    lock = filelock.acquire(case_file, user="ny")
    assert filelock.inspect(case_file).user == "ny"
    lock.release()


def test_a_lock_from_another_computer_is_never_taken_over(case_file):
    _plant(case_file, host="KOMMUN-PC12", pid=_dead_pid())
    with pytest.raises(filelock.CaseLockedError, match="på datorn KOMMUN-PC12"):
        filelock.acquire(case_file)


def test_a_damaged_lock_counts_as_held_by_someone_unknown(case_file):
    case_file.with_name(".~lock.fall.tillit#").write_bytes(b"\xff\x00 skrap")
    with pytest.raises(filelock.CaseLockedError, match="okänd användare"):
        filelock.acquire(case_file)


def test_release_never_removes_a_lock_someone_else_took_over(case_file):
    lock = filelock.acquire(case_file)
    _plant(case_file, user="bertil")  # e.g. our lock was removed by hand and bertil opened it
    lock.release()
    assert filelock.inspect(case_file).user == "bertil"


def test_a_link_to_the_case_shares_its_lock(case_file, tmp_path):
    link = tmp_path / "genväg.tillit"
    link.symlink_to(case_file)
    with filelock.acquire(case_file), pytest.raises(filelock.CaseLockedError):
        _child_acquire(link)


_ACQUIRE = """
import sys, time
from tillit_desk import filelock
try:
    lock = filelock.acquire(sys.argv[1], user=sys.argv[2])
except filelock.CaseLockedError:
    print("upptaget", flush=True)
    raise SystemExit(0)
print("fick", flush=True)
time.sleep(float(sys.argv[3]))
lock.release()
"""


def _child_acquire(path: Path, user: str = "barn", hold: float = 0.0) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _ACQUIRE, str(path), user, str(hold)],
                         capture_output=True, text=True, env=env, timeout=60, check=True)
    if out.stdout.strip() == "upptaget":
        raise filelock.CaseLockedError(path, filelock.inspect(path))
    return out.stdout.strip()


def test_two_processes_racing_for_one_case_never_both_get_it(case_file):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(8):
        procs = [subprocess.Popen([sys.executable, "-c", _ACQUIRE, str(case_file), n, "0.5"],
                                  stdout=subprocess.PIPE, text=True, env=env)
                 for n in ("a", "b")]
        results = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
        assert results == ["fick", "upptaget"], results
        assert filelock.inspect(case_file) is None


def test_cli_lock_shows_the_holder_and_releases_on_request(case_file, capsys):
    assert cli(["lock", str(case_file)]) == 0
    assert "inte öppnat" in capsys.readouterr().out
    _plant(case_file, host="KOMMUN-PC12")
    assert cli(["lock", str(case_file)]) == 1
    out = capsys.readouterr()
    assert "öppnat av anna på datorn KOMMUN-PC12" in out.out
    assert cli(["lock", str(case_file), "--release"]) == 0
    assert filelock.inspect(case_file) is None


def test_cli_new_refuses_to_overwrite_a_case_someone_has_open(case_file, capsys):
    before = case_file.read_bytes()
    _plant(case_file)
    assert cli(["new", "-o", str(case_file), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: fall.tillit är redan öppnat av anna")
    assert case_file.read_bytes() == before


@pytest.mark.parametrize("command", ["import-motion", "import-docx"])
def test_imports_refuse_to_overwrite_a_case_someone_has_open(case_file, tmp_path, capsys,
                                                             command):
    from tillit_desk.example import load_example
    from tillit_desk.export.docx import render_docx
    from tillit_desk.profiles import ProfileRegistry

    if command == "import-motion":
        source = Path(__file__).resolve().parents[1] / "fixtures" / "lund-motion-tillit-2022.txt"
    else:
        case = load_example()
        source = tmp_path / "svar.docx"
        source.write_bytes(render_docx(case, ProfileRegistry(user_dir=None).get(case.profile))[0])
    before = case_file.read_bytes()
    _plant(case_file)
    assert cli([command, str(source), "-o", str(case_file), "--force"]) == 1
    err = capsys.readouterr().err
    assert "fall.tillit är redan öppnat av anna" in err
    assert case_file.read_bytes() == before
