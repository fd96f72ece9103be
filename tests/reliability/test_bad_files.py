"""A corpus of broken inputs, made here, sent through the commands a user runs.

Each must end with exit code 1 and the documented Swedish message (docs/reliability.md), in
the same process (no crash, no traceback), with every input file unchanged and no output left.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from docxtools import patched_template
from pypdf import PdfWriter

from tillit_desk.cli import main as cli
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.profiles import BUILTIN_DIR

TEMPLATE = BUILTIN_DIR / "generic" / "tjansteskrivelse.docx"


def _text_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<a>" + b" " * (400 * 1024 * 1024) + b"</a>")


def _broken_tag_template(path: Path) -> None:
    patched_template(TEMPLATE, path, {"{{ document.title }}": "{{ document.title }"})


def _sparse(path: Path, mib: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(mib * 1024 * 1024)


def _case_json(**changes) -> str:
    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


CASES = {
    "trunkerad.tillit": ("text", EXAMPLE_CASE.read_text(encoding="utf-8")[:500],
                         "skadad eller inte en .tillit-fil"),
    "fel-typ.tillit": ("text", _case_json(sections=["inte", "ett", "objekt"]),
                       '"sections" ska vara objekt'),
    "ny-version.tillit": ("text", _case_json(format="tillit-desk/7"),
                          "formatversion 'tillit-desk/7'"),
    "bild.tillit": ("bytes", b"\x89PNG\r\n\x1a\n\x00\x00\xff", "inte UTF-8"),
    "jatte.tillit": ("sparse", 201, "större än gränsen 200 MB"),
}
TEMPLATES = {
    "trasig-tagg.docx": (_broken_tag_template, "har en tagg som inte stängs"),
    "inte-zip.docx": (lambda p: p.write_bytes(b"Detta ar ingen zip"), "inte ett Word-dokument"),
    "bomb.docx": (_bomb, "möjlig ”zip-bomb”"),
}
MOTIONS = {
    "trasig-xref.pdf": (lambda p: p.write_bytes(_text_pdf().replace(b"xref", b"xrex")[:-40]),
                        "PDF-filen är skadad"),
    "inte-pdf.pdf": (lambda p: p.write_bytes(b"PK\x03\x04 en zip som kallar sig pdf"),
                     "filen heter .pdf men är en zip-fil"),
    "bomb.docx": (_bomb, "möjlig ”zip-bomb”"),
    "jatte.pdf": (lambda p: _sparse(p, 201), "filen är för stor (201 MB; högst 25 MB)"),
    "tom.txt": (lambda p: p.write_bytes(b""), "tom"),
}


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.stat().st_size < 2**26
            else str(p.stat().st_size) for p in folder.iterdir()}


def _run(args: list[str], capsys) -> tuple[int, str]:
    code = cli(args)
    err = capsys.readouterr()
    return code, err.out + err.err


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "korpus"
    folder.mkdir()
    for name, (kind, content, _msg) in CASES.items():
        path = folder / name
        if kind == "text":
            path.write_text(content, encoding="utf-8")
        elif kind == "bytes":
            path.write_bytes(content)
        else:
            _sparse(path, content)
    for name, (make, _msg) in TEMPLATES.items():
        make(folder / f"mall-{name}")
    for name, (make, _msg) in MOTIONS.items():
        make(folder / f"motion-{name}")
    return folder


def test_every_bad_input_gets_its_message_and_nothing_changes(corpus, tmp_path, capsys):
    before = _digest(corpus)
    out = tmp_path / "ut"
    out.mkdir()
    for name, (_kind, _content, message) in CASES.items():
        code, text = _run(["export", str(corpus / name), "-o", str(out / "a.docx")], capsys)
        assert code == 1 and message in text and "Traceback" not in text, (name, text)
    for name, (_make, message) in TEMPLATES.items():
        template = corpus / f"mall-{name}"
        code, text = _run(["export", str(EXAMPLE_CASE), "-o", str(out / "b.docx"),
                           "--template", str(template)], capsys)
        assert code == 1 and message in text, (name, text)
        code, text = _run(["validate-template", str(template)], capsys)
        assert code == 1 and "Fel:" in text, (name, text)
    for name, (_make, message) in MOTIONS.items():
        code, text = _run(["import-motion", str(corpus / f"motion-{name}"), "-o",
                           str(out / "c.tillit")], capsys)
        assert code == 1 and text.startswith("Fel: ") and message in text, (name, text)
        assert "Traceback" not in text
    assert _digest(corpus) == before
    assert list(out.iterdir()) == []
