"""Batch export: many cases in one process, one LibreOffice run for all PDFs; font warnings."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from docxtools import paragraphs
from pypdf import PdfReader

from tillit_desk.cli import main
from tillit_desk.export import pdf as pdf_module
from tillit_desk.export.batch import export_batch
from tillit_desk.export.fonts import document_fonts, missing_fonts
from tillit_desk.fileformat import save_case

ROOT = Path(__file__).resolve().parents[2]


def _cases(example_case, folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        case = copy.deepcopy(example_case)
        case.document.title = f"Ärende nummer {i}"
        sub = folder / f"mapp{i % 2}"
        sub.mkdir(exist_ok=True)
        path = sub / f"arende{i // 2}.tillit"  # two folders, names repeat
        save_case(case, path)
        paths.append(path)
    return paths


def test_batch_exports_every_case_and_reports_a_broken_one(example_case, registry, tmp_path):
    sources = _cases(example_case, tmp_path, 4)
    broken = tmp_path / "trasig.tillit"
    broken.write_text("{inte json", encoding="utf-8")
    out = tmp_path / "ut"
    out.mkdir()
    items = export_batch([*sources, broken], out, registry)
    assert [i.error == "" for i in items] == [True] * 4 + [False]
    assert "skadad eller inte en .tillit-fil" in items[-1].error
    names = sorted(p.name for p in out.iterdir())
    assert names == ["arende0-2.docx", "arende0.docx", "arende1-2.docx", "arende1.docx"]
    titles = {paragraphs(i.docx.read_bytes())[0].text for i in items[:4]}
    assert titles == {f"Ärende nummer {n}" for n in range(4)}


def test_cli_batch_usage_and_exit_codes(example_case, tmp_path, capsys):
    sources = _cases(example_case, tmp_path, 2)
    assert main(["export", *map(str, sources), "-o", str(tmp_path / "x.docx")]) == 2
    assert main(["export", *map(str, sources), "--outdir", str(tmp_path / "ut")]) == 0
    out = capsys.readouterr().out
    assert out.count("Exporterade") == 2
    missing = tmp_path / "finns-inte.tillit"
    assert main(["export", str(sources[0]), str(missing), "--outdir", str(tmp_path / "ut")]) == 1
    err = capsys.readouterr().err
    assert "1 av 2 ärenden" in err and "Traceback" not in err


@pytest.mark.print
def test_batch_pdfs_come_from_one_libreoffice_run(example_case, registry, tmp_path,
                                                  monkeypatch):
    from conftest import require_tool

    require_tool("soffice")
    runs = []
    real_popen = pdf_module.subprocess.Popen

    def counting_popen(cmd, *args, **kwargs):
        if "--convert-to" in cmd:
            runs.append(cmd)
        return real_popen(cmd, *args, **kwargs)

    monkeypatch.setattr(pdf_module.subprocess, "Popen", counting_popen)
    sources = _cases(example_case, tmp_path, 3)
    out = tmp_path / "ut"
    out.mkdir()
    items = export_batch(sources, out, registry, pdf=True)
    assert len(runs) == 1
    assert all(i.pdf is not None and i.pdf.is_file() for i in items)
    for i in items:
        first = PdfReader(str(i.pdf)).pages[0].extract_text()
        assert i.docx.stem in {f"arende{n}" for n in range(2)} | {"arende0-2"}
        assert "Ärende nummer" in first
        assert "/StructTreeRoot" in PdfReader(str(i.pdf)).trailer["/Root"]  # tagged


def test_fonts_the_machine_lacks_are_named(registry, tmp_path):
    region = registry.get("region-skane").template_path
    assert "Georgia" in document_fonts(region)
    # a font no machine has, in a style the text uses
    import zipfile

    odd = tmp_path / "odd.docx"
    with zipfile.ZipFile(region) as zin, zipfile.ZipFile(odd, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b"Georgia", b"Inget Sadant Typsnitt")
            zout.writestr(item, data)
    from tillit_desk.export.fonts import installed_families

    if installed_families() is None:
        pytest.skip("fontconfig missing: fonts cannot be checked")
    assert "Inget Sadant Typsnitt" in missing_fonts(odd)
    assert "Arial" not in missing_fonts(odd) or "liberation sans" not in installed_families()


def test_cli_pdf_warns_about_a_missing_template_font(example_case, tmp_path):
    """The warning is printed before LibreOffice runs (the PDF itself is tested elsewhere)."""
    from tillit_desk.export.fonts import installed_families

    if installed_families() is None or "georgia" in installed_families():
        pytest.skip("needs fontconfig and a machine without Georgia")
    case = copy.deepcopy(example_case)
    src = tmp_path / "a.tillit"
    save_case(case, src)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", str(src), "-o", str(tmp_path / "a.docx"),
         "--profile", "region-skane", "--pdf"],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin",
                                                          "HOME": str(tmp_path),
                                                          "TILLIT_DESK_HOME": str(tmp_path)})
    assert "Typsnittet Georgia i Word-mallen finns inte" in result.stderr
