"""The import-motion subcommand, run through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tillit_desk.cli import main
from tillit_desk.fileformat import load_case
from tillit_desk.motion.prefill import guess_profile_id

from .test_lund import LUND, LUND_YRKANDEN


def test_json_output(capsys) -> None:
    assert main(["import-motion", str(LUND), "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["yrkanden"] == LUND_YRKANDEN
    assert data["submitted"] == "2022-01-27"
    assert data["title"] == "Tillit är vägen fram för en modern organisation!"
    assert data["motionarer"][4] == {"name": "Karin Svensson Smith", "party": "MP"}
    assert set(data["confidence"]) == {"title", "addressed_to", "submitted", "motionarer",
                                       "yrkanden"}
    assert data["unsure"] == []


def test_writes_a_prefilled_case_with_the_guessed_profile(tmp_path, capsys) -> None:
    out = tmp_path / "svar.tillit"
    assert main(["import-motion", str(LUND), "-o", str(out)]) == 0
    case = load_case(out).case
    assert case.profile == "lund-kommun"  # "Lunds kommunfullmäktige"
    assert case.motion.yrkanden == LUND_YRKANDEN
    assert "Skapade" in capsys.readouterr().out
    # a second run refuses to overwrite without --force
    assert main(["import-motion", str(LUND), "-o", str(out)]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert main(["import-motion", str(LUND), "-o", str(out), "--force",
                 "--profile", "malmo-stad"]) == 0
    assert load_case(out).case.profile == "malmo-stad"


def test_bad_file_gives_swedish_error_and_exit_1(tmp_path, capsys) -> None:
    bad = tmp_path / "motion.pdf"
    bad.write_text("inte en pdf", encoding="utf-8")
    assert main(["import-motion", str(bad), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: motion.pdf: filen heter .pdf men är en textfil")


def test_unsure_fields_are_listed_on_stderr(tmp_path, capsys) -> None:
    path = tmp_path / "m.txt"
    path.write_text("Motion till kommunfullmäktige\n\nBänkar i parken\n\nVi yrkar på fler "
                    "bänkar.\n\nBo Berg (S)\n", encoding="utf-8")
    assert main(["import-motion", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "Kontrollera: Datum – motionen har inget datum" in captured.err
    assert "Kontrollera: Yrkanden" in captured.err
    assert json.loads(captured.out)["unsure"] == ["addressed_to", "submitted", "yrkanden"]


def test_needs_output_or_json(capsys) -> None:
    try:
        main(["import-motion", str(LUND)])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("expected a usage error")
    assert "ange -o" in capsys.readouterr().err


def test_guess_profile(registry) -> None:
    profiles = registry.all()
    assert guess_profile_id("Lunds kommunfullmäktige", profiles) == "lund-kommun"
    assert guess_profile_id("kommunfullmäktige i Malmö", profiles) == "malmo-stad"
    assert guess_profile_id("regionfullmäktige i Region Skåne", profiles) == "region-skane"
    assert guess_profile_id("kommunfullmäktige", profiles) is None
    assert guess_profile_id("Ystads kommunfullmäktige", profiles) is None


def test_cli_does_not_import_pyside6() -> None:
    code = ("import sys; from tillit_desk.cli import main; "
            "main(['import-motion', sys.argv[1], '--json']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'PySide6 loaded'")
    done = subprocess.run([sys.executable, "-c", code, str(LUND)], capture_output=True,
                          text=True, cwd=Path(__file__).parents[2], timeout=60)
    assert done.returncode == 0, done.stderr
