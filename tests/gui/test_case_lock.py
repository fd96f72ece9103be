"""The lock file in the window (issue 14, item 7): a case someone else has open asks "Öppna
skrivskyddat" / "Avbryt"; read-only takes no lock, Spara goes to Spara som and the title says
so; a stale lock is taken over; Spara som takes the new lock before it lets go of the old; no
lock is left after closing, a new case or opening another."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tillit_desk.case import Case
from tillit_desk.fileformat import load_case, save_case
from tillit_desk.filelock import inspect, lock_path_for

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from tillit_desk.filelock import acquire
lock = acquire(sys.argv[1], user="anna")
print("ready", flush=True)
time.sleep(120)
"""


def _case_file(tmp_path: Path, name: str = "fall.tillit", title: str = "Låst ärende") -> Path:
    case = Case(profile="generic")
    case.document.title = title
    case.sections = {"bedomning": "Original."}
    path = tmp_path / name
    save_case(case, path)
    return path


@pytest.fixture
def holder(tmp_path):
    """Another process (another window) holding a case's lock; killed at the end."""
    procs = []

    def start(path: Path) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
        assert proc.stdout.readline().strip() == b"ready"
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()


def _answer_lock_prompt(qtbot, button_text: str, seen: list[str]) -> None:
    """Click a button of the prompt when it opens, as a user does."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), "no prompt"
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_open_takes_the_lock_and_close_releases_it(make_window, tmp_path):
    path = _case_file(tmp_path)
    window = make_window()
    assert window.open_path(path)
    info = inspect(path)
    assert info is not None and info.pid == os.getpid()
    assert not window.locks.read_only
    window.close()
    assert inspect(path) is None
    assert not lock_path_for(path).exists()


def test_a_case_open_elsewhere_asks_and_opens_read_only(make_window, holder, tmp_path, qtbot,
                                                         monkeypatch):
    path = _case_file(tmp_path)
    holder(path)
    window = make_window()
    seen: list[str] = []
    _answer_lock_prompt(qtbot, "Öppna skrivskyddat", seen)
    assert window.open_path(path)
    assert "anna" in seen[0] and "redan öppnat" in seen[0]
    assert window.case.document.title == "Låst ärende"
    assert window.locks.read_only and window.locks.lock is None
    assert "(skrivskyddat)" in window.windowTitle()
    assert inspect(path).user == "anna"  # the other window's lock is untouched

    # Spara goes to Spara som; a copy elsewhere takes its own lock and is no longer read-only
    asked = []
    copy = tmp_path / "kopia.tillit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (asked.append(a) or str(copy), "")))
    window.set_dirty(True)
    assert window.save()
    assert asked, "Spara did not ask for a new file"
    assert load_case(copy).case.document.title == "Låst ärende"
    assert load_case(path).case.sections == {"bedomning": "Original."}  # never written
    assert inspect(copy).pid == os.getpid()
    assert inspect(path).user == "anna"
    assert "(skrivskyddat)" not in window.windowTitle()
    window.close()
    assert inspect(copy) is None and inspect(path).user == "anna"


def test_cancel_leaves_the_current_case(make_window, holder, tmp_path, qtbot):
    path = _case_file(tmp_path)
    holder(path)
    window = make_window()
    before = window.case.document.title
    seen: list[str] = []
    _answer_lock_prompt(qtbot, "Avbryt", seen)
    assert not window.open_path(path)
    assert seen and window.case.document.title == before


def test_a_lock_from_another_computer_asks_too(make_window, tmp_path, qtbot):
    path = _case_file(tmp_path)
    lock_path_for(path).write_text(json.dumps(
        {"user": "bertil", "host": "KOMMUN-PC12", "pid": 4242,
         "since": "2026-11-29T09:14:00+01:00"}), encoding="utf-8")
    window = make_window()
    seen: list[str] = []
    _answer_lock_prompt(qtbot, "Öppna skrivskyddat", seen)
    assert window.open_path(path)
    assert "bertil på datorn KOMMUN-PC12 sedan 2026-11-29 09:14" in seen[0]
    assert window.locks.read_only


def test_a_stale_lock_of_a_dead_process_is_taken_over(make_window, holder, tmp_path):
    path = _case_file(tmp_path)
    proc = holder(path)
    proc.send_signal(signal.SIGKILL)  # the other window crashed: its lock stays behind
    proc.wait(timeout=10)
    assert inspect(path).user == "anna"
    window = make_window()
    assert window.open_path(path)  # no prompt (one would block this test)
    assert not window.locks.read_only
    assert inspect(path).pid == os.getpid()


def test_save_as_takes_the_new_lock_then_releases_the_old(make_window, tmp_path, monkeypatch):
    path = _case_file(tmp_path)
    window = make_window()
    assert window.open_path(path)
    new = tmp_path / "ny.tillit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(new), "")))
    assert window.save_as()
    assert inspect(new).pid == os.getpid()
    assert inspect(path) is None


def test_save_as_onto_a_case_open_elsewhere_is_refused(make_window, holder, tmp_path,
                                                       monkeypatch, answers):
    path = _case_file(tmp_path)
    other = _case_file(tmp_path, "annan.tillit", "Annans ärende")
    holder(other)
    window = make_window()
    assert window.open_path(path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(other), "")))
    assert not window.save_as()
    assert "anna" in answers["warnings"][-1] and "annat filnamn" in answers["warnings"][-1]
    assert load_case(other).case.document.title == "Annans ärende"
    assert inspect(path).pid == os.getpid()  # still ours


def test_new_case_and_opening_another_release_the_lock(make_window, tmp_path):
    first, second = _case_file(tmp_path), _case_file(tmp_path, "andra.tillit")
    window = make_window()
    assert window.open_path(first)
    assert window.open_path(second)
    assert inspect(first) is None and inspect(second).pid == os.getpid()
    assert window.open_path(second)  # the same file again keeps its lock
    assert inspect(second).pid == os.getpid()
    assert window.new_case("generic", False)
    assert inspect(second) is None


def _crashed_draft(window, path: Path) -> None:
    """A draft of ``path`` left by a window that crashed (autosaved, never closed)."""
    window.open_path(path)
    window.go_to("bedomning")
    window.state.set_section_text("bedomning", "Skrivet före kraschen.")
    assert window.autosave()
    window.autosave_timer.stop()
    window.locks.lock = None  # the crash: nothing released (the lock stays as a stale one)
    window.hide()


def test_a_restored_draft_takes_its_source_lock(make_window, tmp_path, answers):
    path = _case_file(tmp_path)
    _crashed_draft(make_window(), path)
    fresh = make_window()
    answers["question"] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    assert fresh.offer_restore()
    assert fresh.path == path and not fresh.locks.read_only
    assert fresh.locks.lock is not None and inspect(path).pid == os.getpid()
    fresh.set_dirty(False)
    fresh.close()
    assert inspect(path) is None


def test_a_restored_draft_whose_file_is_open_elsewhere_is_read_only(make_window, holder,
                                                                     tmp_path, answers):
    path = _case_file(tmp_path)
    _crashed_draft(make_window(), path)
    lock_path_for(path).unlink()
    holder(path)  # meanwhile a colleague opened the file
    fresh = make_window()
    answers["question"] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    assert fresh.offer_restore()
    assert fresh.locks.read_only and "(skrivskyddat)" in fresh.windowTitle()
    assert "anna" in fresh.statusBar().currentMessage()
    assert fresh.case.sections["bedomning"] == "Skrivet före kraschen."
    assert inspect(path).user == "anna"
