"""The command line as a user runs it: real processes, exit codes, Swedish messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from fresh_process import run_python

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "lund-ks-2022-0086.tillit"


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, TILLIT_DESK_HOME=str(home))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def test_export_example(tmp_path, tillit_home):
    out = tmp_path / "out.docx"
    result = run("export", str(EXAMPLE), "-o", str(out), home=tillit_home)
    assert result.returncode == 0, result.stderr
    assert f"Exporterade {out}" in result.stdout
    document = docx.Document(str(out))
    assert document.paragraphs[0].text.startswith("Motion från")


def test_new_then_export_with_another_profile(tmp_path, tillit_home):
    case = tmp_path / "nytt.tillit"
    result = run("new", "--profile", "malmo-stad", "-o", str(case), home=tillit_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(case.read_text(encoding="utf-8"))
    assert data["profile"] == "malmo-stad"
    assert data["document"]["organisation"] == "Malmö stad"
    assert "remissinstanser" in data["sections"]
    again = run("new", "--profile", "generic", "-o", str(case), home=tillit_home)
    assert again.returncode == 1 and "finns redan" in again.stderr
    out = tmp_path / "nytt.docx"
    result = run("export", str(case), "-o", str(out), "--profile", "generic", home=tillit_home)
    assert result.returncode == 0
    assert "Varning: Det obligatoriska avsnittet ”Sammanfattning” är tomt." in result.stderr


def test_profiles_lists_builtins(tillit_home):
    result = run("profiles", home=tillit_home)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "generic", "lund-kommun", "malmo-stad", "region-skane"]


def test_errors_exit_1_in_swedish(tmp_path, tillit_home):
    bad = tmp_path / "trasig.tillit"
    bad.write_text("{", encoding="utf-8")
    result = run("export", str(bad), "-o", str(tmp_path / "x.docx"), home=tillit_home)
    assert result.returncode == 1
    assert result.stderr.startswith("Fel: ") and "skadad eller inte en .tillit-fil" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("export", str(EXAMPLE), "-o", str(tmp_path / "x.docx"), "--profile", "nej",
                 home=tillit_home)
    assert result.returncode == 1 and "Profilen 'nej' finns inte" in result.stderr


def test_usage_errors_exit_2(tillit_home):
    result = run("export", home=tillit_home)
    assert result.returncode == 2
    assert "fel i kommandot" in result.stderr
    assert run("finnsinte", home=tillit_home).returncode == 2


def test_validate_template(tmp_path, tillit_home):
    good = ROOT / "templates" / "lund-kommun" / "tjansteskrivelse.docx"
    result = run("validate-template", str(good), home=tillit_home)
    assert result.returncode == 0 and "Mallen går att använda." in result.stdout
    bad = tmp_path / "mall.docx"
    bad.write_bytes(b"PK\x03\x04 trasig")
    result = run("validate-template", str(bad), home=tillit_home)
    assert result.returncode == 1 and "Fel:" in result.stdout


def test_cli_never_imports_qt(tmp_path):
    code = (
        "import sys\n"
        "from tillit_desk.cli import main\n"
        f"assert main(['export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'a.docx')!r}]) == 0\n"
        "assert main(['profiles']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_version(tillit_home):
    result = run("--version", home=tillit_home)
    assert result.returncode == 0 and result.stdout.startswith("Tillit Desk ")


def test_export_output_round_trips_through_python_docx(tmp_path, tillit_home):
    out = tmp_path / "o.docx"
    assert run("export", str(EXAMPLE), "-o", str(out), home=tillit_home).returncode == 0
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert any(p.text == "Barnets bästa" for p in document.paragraphs)


def test_export_leaves_feature_packages_unloaded_but_help_lists_them(tmp_path, tillit_home):
    code = (
        "import sys\n"
        "from tillit_desk.cli import main\n"
        f"assert main(['export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'a.docx')!r}]) == 0\n"
        "loaded = [m for m in sys.modules if m.startswith(('tillit_desk.review',"
        " 'tillit_desk.motion'))]\n"
        "assert not loaded, loaded\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    helptext = run("--help", home=tillit_home).stdout
    for command in ("export", "check", "export-review", "import-motion"):
        assert command in helptext


def test_installed_command_is_the_launcher(monkeypatch):
    """`tillit-desk` with no arguments opens the window (its help says so); with a command it
    is the CLI."""
    from importlib.metadata import entry_points

    from tillit_desk import launcher

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "tillit-desk"]
    assert script.load() is launcher.run
    seen: list[list[str]] = []
    monkeypatch.setattr("tillit_desk.gui.app.run_gui", lambda argv: seen.append(argv) or 0)
    monkeypatch.setattr("sys.argv", ["tillit-desk"])
    assert launcher.run() == 0 and seen == [[]]


def test_an_unexpected_error_is_a_swedish_message_not_a_traceback(monkeypatch, capsys):
    """Issue 14: no traceback, ever — even from a bug (TILLIT_DEBUG=1 shows it)."""
    from tillit_desk import cli

    def bug(args):
        raise RuntimeError("oj")

    monkeypatch.setattr(cli, "cmd_profiles", bug)
    assert cli.main(["profiles"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: ett oväntat fel i Tillit Desk (RuntimeError: oj)")
    monkeypatch.setenv("TILLIT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["profiles"])


def test_usage_errors_are_swedish_fel_lines(capsys):
    from tillit_desk.cli import main as cli_main

    with pytest.raises(SystemExit) as exit_:
        cli_main(["export"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Fel: fel i kommandot: det här saknas: case." in err
