"""``import-docx`` through the real CLI entry point."""

from __future__ import annotations

import stat

from tillit_desk.cli import main
from tillit_desk.export.docx import render_docx
from tillit_desk.fileformat import load_case
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport import suggestions as S

from . import chef as C
from . import foreign as F

REGISTRY = ProfileRegistry(user_dir=None)


def _edited(example_case, tmp_path):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    path = tmp_path / "chef.docx"
    path.write_bytes(C.chef_edits(data))
    return path


def test_import_reports_counts_and_keeps_suggestions_open(example_case, tmp_path, capsys):
    src = _edited(example_case, tmp_path)
    out = tmp_path / "svar.tillit"
    assert main(["import-docx", str(src), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Profil: lund-kommun (från det inbäddade ärendet)" in text
    assert "Sammanfattning → Sammanfattning" in text
    assert "1 kommentarer, 4 ändringar (2 spårade, 2 gjorda utan spårning)" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    case = load_case(out).case
    assert len(S.suggestions(case, open_only=True)) == 4
    assert case.sections == example_case.sections
    # again: the file exists
    assert main(["import-docx", str(src), "-o", str(out)]) == 1
    assert "finns redan" in capsys.readouterr().err


def test_accept_all_and_reject_all(example_case, tmp_path, capsys):
    src = _edited(example_case, tmp_path)
    accepted, rejected = tmp_path / "a.tillit", tmp_path / "r.tillit"
    assert main(["import-docx", str(src), "-o", str(accepted), "--accept-all"]) == 0
    assert "Godtog 4 ändringar." in capsys.readouterr().out
    assert main(["import-docx", str(src), "-o", str(rejected), "--reject-all"]) == 0
    assert "Avvisade 4 ändringar." in capsys.readouterr().out
    expected = C.expected_sections(example_case.sections)
    assert load_case(accepted).case.sections == expected
    assert load_case(rejected).case.sections == example_case.sections


def test_foreign_document_with_profile(tmp_path, capsys):
    src = tmp_path / "bankar.docx"
    src.write_bytes(F.foreign_docx())
    out = tmp_path / "bankar.tillit"
    assert main(["import-docx", str(src), "-o", str(out), "--profile", "generic"]) == 0
    text = capsys.readouterr().out
    assert "Uppföljning → eget avsnitt ”Uppföljning”" in text
    assert "Överväganden → Bedömning" in text
    assert load_case(out).case.document.diarienummer == F.DNR


def test_bad_file_exit_1_in_swedish(tmp_path, capsys):
    bad = tmp_path / "trasig.docx"
    bad.write_bytes(b"inte en zip" * 20)
    assert main(["import-docx", str(bad), "-o", str(tmp_path / "x.tillit")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: trasig.docx: filen är inte ett Word-dokument")
    assert "Traceback" not in err
    assert not (tmp_path / "x.tillit").exists()


def test_base_case_keeps_review_statuses(example_case, tmp_path, capsys):
    from tillit_desk.fileformat import save_case
    from tillit_desk.review.workflow import section_status, set_status

    src = _edited(example_case, tmp_path)
    set_status(example_case, "arendet", "granskad", by="Vesna")
    base = tmp_path / "bas.tillit"
    save_case(example_case, base)
    out = tmp_path / "ny.tillit"
    assert main(["import-docx", str(src), "-o", str(out), "--base", str(base),
                 "--accept-all"]) == 0
    case = load_case(out).case
    assert section_status(case, "arendet") == "granskad"
    assert case.sections == C.expected_sections(example_case.sections)
