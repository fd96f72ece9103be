"""safe_write against a hostile or unusual folder: planted links, linked cases, refused saves,
leftover temps, concurrent writers and a permissive umask (issue 14, items 1, 4, 7, 8, 10)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tillit_desk import safe_write
from tillit_desk.case import Case
from tillit_desk.cli import main as cli
from tillit_desk.errors import CaseFileError
from tillit_desk.fileformat import load_case, save_case

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links and modes are POSIX here")


def _case(title: str) -> Case:
    case = Case(profile="generic")
    case.document.title = title
    return case


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_symlink_planted_at_the_old_temp_name_is_not_followed(tmp_path):
    victim = tmp_path / "offer.txt"
    victim.write_text("orört", encoding="utf-8")
    victim.chmod(0o644)
    target = tmp_path / "fall.tillit"
    (tmp_path / f".fall.tillit.{os.getpid()}.tmp").symlink_to(victim)
    save_case(_case("Ny"), target)
    assert victim.read_text(encoding="utf-8") == "orört"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert load_case(target).case.document.title == "Ny"


def test_temp_names_are_unpredictable_and_created_exclusively(tmp_path, monkeypatch):
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst):
        if Path(dst).name == "fall.tillit":
            seen.append(os.fspath(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    target = tmp_path / "fall.tillit"
    for n in range(3):
        save_case(_case(f"V{n}"), target)
    names = [Path(s).name for s in seen]
    assert len(set(names)) == 3, names
    assert all(n != f".fall.tillit.{os.getpid()}.tmp" for n in names)
    assert all(n.startswith(".fall.tillit.") and n.endswith(".tmp") for n in names)


def test_save_through_a_symlink_writes_the_real_file(tmp_path):
    real_dir = tmp_path / "delad"
    real_dir.mkdir()
    real = real_dir / "fall.tillit"
    save_case(_case("Gammal"), real)
    link = tmp_path / "genväg.tillit"
    link.symlink_to(real)
    save_case(_case("Ny"), link)
    assert link.is_symlink()
    assert load_case(real).case.document.title == "Ny"
    assert not list(tmp_path.glob(".*tmp")) and not list(real_dir.glob(".*tmp"))


def test_save_through_a_hard_link_keeps_both_names_on_the_same_file(tmp_path):
    first = tmp_path / "a.tillit"
    save_case(_case("Gammal"), first)
    second = tmp_path / "b.tillit"
    os.link(first, second)
    save_case(_case("Ny"), second)
    assert first.stat().st_ino == second.stat().st_ino
    assert first.stat().st_nlink == 2
    assert load_case(first).case.document.title == "Ny"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tillit", "b.tillit"]


def test_a_refused_save_leaves_no_backup_and_no_temp(tmp_path):
    target = tmp_path / "fall.tillit"
    save_case(_case("Gammal"), target)
    target.chmod(0o444)
    before = target.read_bytes()
    with pytest.raises(CaseFileError, match="skrivskyddad"):
        save_case(_case("Ny"), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.tillit"]


def test_a_failed_replace_removes_the_backup_it_made(tmp_path, monkeypatch):
    target = tmp_path / "fall.tillit"
    save_case(_case("Gammal"), target)

    def locked(src, dst):  # Windows while Word holds the file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(CaseFileError):
        save_case(_case("Ny"), target)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.tillit"]


def test_stale_temps_of_dead_processes_are_removed_on_load_and_write(tmp_path):
    target = tmp_path / "fall.tillit"
    save_case(_case("Gammal"), target)
    dead = safe_write.temp_prefix(target, pid=_dead_pid())
    stale = [tmp_path / f"{dead}abc123.tmp", tmp_path / f"{dead}def456.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    live = tmp_path / f"{safe_write.temp_prefix(target)}zzz.tmp"  # our own, still running
    live.write_bytes(b"y")
    foreign = tmp_path / ".fall.tillit.77-annandator.q1w2e3r4.tmp"  # another computer's, fresh
    foreign.write_bytes(b"z")
    old_foreign = tmp_path / ".annan.tillit.99.tmp"  # an old temp of another file, a day old
    old_foreign.write_bytes(b"w")
    day_ago = time.time() - 2 * 86400
    os.utime(old_foreign, (day_ago, day_ago))
    unrelated = tmp_path / "anteckning.tmp"
    unrelated.write_bytes(b"u")

    assert load_case(target).case.document.title == "Gammal"
    assert not any(p.exists() for p in stale)
    assert live.exists() and foreign.exists() and unrelated.exists()
    assert safe_write.remove_stale_temps(tmp_path) == [old_foreign]
    assert unrelated.exists()


def test_a_broken_case_still_recovers_from_a_temp_before_any_cleanup(tmp_path):
    target = tmp_path / "fall.tillit"
    save_case(_case("Komplett"), target)
    leftover = tmp_path / f"{safe_write.temp_prefix(target, pid=_dead_pid())}abc.tmp"
    leftover.write_bytes(target.read_bytes())
    target.write_text("{trasig", encoding="utf-8")
    result = load_case(target)
    assert result.recovered_from == leftover
    assert leftover.exists()  # kept: it is the only good copy


def test_concurrent_saves_of_one_file_never_fail(tmp_path):
    target = tmp_path / "fall.tillit"
    save_case(_case("Start"), target)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        for i in range(40):
            try:
                save_case(_case(f"T{n}-{i}"), target)
            except BaseException as err:  # noqa: BLE001 - collected for the assertion
                errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert load_case(target).case.document.title.startswith("T")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.tillit"]


@pytest.fixture
def open_umask():
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_everything_is_owner_only_under_umask_000(tmp_path, monkeypatch, open_umask):
    home = tmp_path / "ny-hemmapp"
    monkeypatch.setenv("TILLIT_DESK_HOME", str(home))
    out = tmp_path / "mall.docx"
    assert cli(["build-template", "--profile", "generic", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert cli(["new", "-o", str(tmp_path / "n.tillit")]) == 0
    assert stat.S_IMODE((tmp_path / "n.tillit").stat().st_mode) == 0o600
    from tillit_desk.paths import app_paths

    app_paths().ensure()
    created = [home, *[p for p in home.rglob("*") if p.is_dir()]]
    assert len(created) >= 4
    for folder in created:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in home.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_private_dir_is_0700_even_under_a_strict_umask(tmp_path):
    old = os.umask(0o277)
    try:
        folder = safe_write.private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    safe_write.atomic_write(folder / "x", lambda fh: fh.write(b"ok"))
    assert (folder / "x").read_bytes() == b"ok"


_SAVER = """
import sys
from tillit_desk.case import Case
from tillit_desk.fileformat import save_case
failures = 0
for i in range(int(sys.argv[2])):
    case = Case(profile="generic")
    case.document.title = f"{sys.argv[3]}-{i}"
    try:
        save_case(case, sys.argv[1])
    except Exception as err:
        failures += 1
        print(err)
print("failures", failures)
"""


def test_concurrent_saves_from_two_processes_never_fail(tmp_path):
    target = tmp_path / "fall.tillit"
    save_case(_case("Start"), target)
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    procs = [subprocess.Popen([sys.executable, "-c", _SAVER, str(target), "300", name],
                              stdout=subprocess.PIPE, text=True, env=env)
             for name in ("A", "B")]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(out.strip().endswith("failures 0") for out in outputs), outputs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.tillit"]
