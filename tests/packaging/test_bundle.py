"""Smoke test of the built one-folder bundle (``make bundle`` → dist/tillit-desk/).

Marker ``bundle``: not part of ``make test``. Runs with ``pytest -m bundle`` when the bundle
exists; with TILLIT_BUNDLE_TEST=1 (CI) a missing bundle is a failure, not a skip. Every run uses
a clean environment (no PYTHONHOME/PYTHONPATH/virtualenv, PATH without the project's .venv, a
temp working folder), so the bundle has to bring its own Python and data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docxtools import headings

from tillit_desk import __version__
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.export.docx import export_docx
from tillit_desk.fileformat import load_case
from tillit_desk.profiles import ProfileRegistry

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "tillit-desk"
EXE = BUNDLE / ("tillit-desk.exe" if sys.platform.startswith("win") else "tillit-desk")
TIMEOUT = 120


@pytest.fixture(scope="module")
def exe() -> Path:
    if EXE.exists():
        return EXE
    if os.environ.get("TILLIT_BUNDLE_TEST") == "1":
        pytest.fail(f"TILLIT_BUNDLE_TEST=1 but the bundle is missing: {EXE} (run make bundle)")
    pytest.skip(f"bundle not built ({EXE} missing): run `make bundle` first")
    raise AssertionError  # unreachable


@pytest.fixture
def clean_env(tmp_path) -> dict[str, str]:
    """No Python of ours in reach: bogus PYTHONHOME/PYTHONPATH (a bundle must ignore them),
    no virtualenv, PATH with only the system folders, user folders in a temp dir."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["PATH"] = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
    env["PYTHONHOME"] = str(tmp_path / "no-python-here")
    env["PYTHONPATH"] = str(tmp_path / "no-python-here")
    env["TILLIT_DESK_HOME"] = str(tmp_path / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)


@pytest.fixture(scope="module")
def expected_headings(tmp_path_factory) -> list[tuple[int, str]]:
    """The example exported from the source tree: the bundle must produce the same headings."""
    out = tmp_path_factory.mktemp("source") / "source.docx"
    case = load_case(EXAMPLE_CASE).case
    registry = ProfileRegistry(user_dir=tmp_path_factory.mktemp("profiles"))
    export_docx(case, registry.get(case.profile), out)
    found = headings(out.read_bytes())
    assert (1, "Sammanfattning") in found or any(t == "Sammanfattning" for _l, t in found)
    return found


def test_version(exe, clean_env, tmp_path):
    result = run(exe, ["--version"], clean_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Tillit Desk {__version__}"


def test_cli_export(exe, clean_env, tmp_path, expected_headings):
    case = tmp_path / "ärende.tillit"
    shutil.copy(EXAMPLE_CASE, case)
    result = run(exe, ["export", case.name, "-o", "ut.docx"], clean_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert headings((tmp_path / "ut.docx").read_bytes()) == expected_headings


def test_cli_check_uses_bundled_dictionary(exe, clean_env, tmp_path):
    """The review rules read resources/klarsprak and resources/dictionaries inside the bundle."""
    result = run(exe, ["check", str(EXAMPLE_CASE)], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fel" in result.stdout


def test_gui_smoke_exports_example(exe, clean_env, tmp_path, expected_headings):
    """The real window, offscreen: opens the built-in example, exports DOCX, exits 0."""
    result = run(exe, ["--smoke-test", "fönster.docx"], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Röktestet lyckades" in result.stdout
    assert headings((tmp_path / "fönster.docx").read_bytes()) == expected_headings


def test_gui_smoke_opens_a_case_file(exe, clean_env, tmp_path, expected_headings):
    case = tmp_path / "kopia.tillit"
    shutil.copy(EXAMPLE_CASE, case)
    result = run(exe, ["--smoke-test", "ut.docx", str(case)], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert headings((tmp_path / "ut.docx").read_bytes()) == expected_headings


def test_bundle_is_relocatable(exe, clean_env, tmp_path, expected_headings):
    """Copied elsewhere (an unzipped folder on another PC), it still finds all its data."""
    copy = tmp_path / "annan plats" / "tillit-desk"
    shutil.copytree(exe.parent, copy, symlinks=True)
    result = run(copy / exe.name, ["--smoke-test", "ut.docx"], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert headings((tmp_path / "ut.docx").read_bytes()) == expected_headings


def test_bundle_carries_data_and_no_dev_tools(exe):
    internal = exe.parent / "_internal"
    for rel in ("templates/generic/profile.toml", "templates/lund-kommun/tjansteskrivelse.docx",
                "resources/examples/lund-ks-2022-0086.tillit",
                "resources/dictionaries/sv_SE.dic", "resources/dictionaries/LICENSE-LGPL-3.txt",
                "resources/klarsprak/stela_ord.toml", "resources/icons/tillit-desk-256.png",
                "docs/anvandarhandbok.md"):
        assert (internal / rel).is_file(), rel
    names = {p.name for p in internal.iterdir()}
    assert not names & {"pytest", "_pytest", "hypothesis", "PyInstaller", "tkinter", "pypdf"}
    assert not [n for n in names if n.startswith("pypdf-")]  # a test tool: no metadata either
