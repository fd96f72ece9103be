"""The check and export-review commands, through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from tillit_desk.cli import main
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.fileformat import save_case
from tillit_desk.review import workflow as W

from .seed import seed_case

KEYS = ["rule", "severity", "section", "message", "excerpt", "start", "end", "suggestion"]


def test_check_example_exit_0(capsys):
    assert main(["check", str(EXAMPLE_CASE), "--no-spelling"]) == 0
    out = capsys.readouterr().out
    assert "Summa: 0 fel, 0 varningar" in out
    assert "Läsbarhet (LIX)" in out and "Hela dokumentet" in out


def test_check_seed_json_exit_1(example_case, tmp_path, capsys):
    path = tmp_path / "seed.tillit"
    save_case(seed_case(example_case), path)
    assert main(["check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data and all(list(item) == KEYS for item in data)
    by_rule = {(d["rule"], d["excerpt"]) for d in data}
    assert ("stavning.okant_ord", "genomstrar") in by_rule
    assert ("stavning.grannsprak", "anføres") in by_rule
    fel = [d for d in data if d["severity"] == "fel"]
    assert fel and fel[0]["rule"] == "metadata.underlag_datum"
    text = seed_case(example_case).sections["arendet"]
    hit = next(d for d in data if d["excerpt"] == "genomstrar")
    assert text[hit["start"]:hit["end"]] == "genomstrar"


def test_check_text_lists_findings_by_section(example_case, tmp_path, capsys):
    path = tmp_path / "seed.tillit"
    save_case(seed_case(example_case), path)
    assert main(["check", str(path), "--no-spelling"]) == 1
    out = capsys.readouterr().out
    assert "Ärendet\n" in out and "[stavning.grannsprak]" in out and "Förslag: anföres" in out


def test_check_with_accessibility(capsys):
    assert main(["check", str(EXAMPLE_CASE), "--no-spelling", "--accessibility",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not [d for d in data if d["rule"].startswith("tillganglighet.")
                and d["severity"] != "tips"]


def test_export_review(example_case, tmp_path, capsys):
    case = example_case
    text = case.sections["arendet"]
    start = text.index("trevande")
    W.add_comment(case, "arendet", "Ordval?", "Vesna Casitovski", start=start,
                  end=start + len("trevande"))
    path = tmp_path / "granska.tillit"
    save_case(case, path)
    out = tmp_path / "granskning.docx"
    assert main(["export-review", str(path), "-o", str(out)]) == 0
    assert "1 kommentar" in capsys.readouterr().out
    with zipfile.ZipFile(out) as z:
        assert "Ordval?" in z.read("word/comments.xml").decode("utf-8")


def test_cli_does_not_import_qt(tmp_path):
    code = ("import sys; from tillit_desk.cli import main; "
            f"rc = main(['check', {str(EXAMPLE_CASE)!r}, '--no-spelling', '--format', 'json']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"TILLIT_DESK_HOME": str(tmp_path), "PATH": ""})
    assert result.returncode == 0, result.stderr
