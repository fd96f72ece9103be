"""Bad and hostile DOCX files: a Swedish message, quickly, and nothing read from outside."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.errors import WordImportError
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from .docxedit import rewrite

REGISTRY = ProfileRegistry(user_dir=None)


@pytest.fixture
def export(example_case) -> bytes:
    return render_docx(example_case, REGISTRY.get(example_case.profile))[0]


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b" " * (20 * 1024 * 1024) + b"/>")
    return out.getvalue()


def _xxe(export: bytes, secret) -> bytes:
    def evil(raw: bytes) -> bytes:
        head, rest = raw.split(b"?>", 1)
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()
        return head + b"?>" + doctype + rest.replace(b"Sammanfattning", b"&xxe;", 1)
    return rewrite(export, {"word/document.xml": evil})


def _laughs(export: bytes) -> bytes:
    def evil(raw: bytes) -> bytes:
        head, rest = raw.split(b"?>", 1)
        ents = '<!ENTITY a "ha">' + "".join(
            f'<!ENTITY {chr(98 + i)} "&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};">'
            for i in range(9))
        return head + b"?><!DOCTYPE w:document [" + ents.encode() + b"]>" + \
            rest.replace(b"Sammanfattning", b"&j;", 1)
    return rewrite(export, {"word/document.xml": evil})


def _content_type(export: bytes, new: bytes) -> bytes:
    return rewrite(export, {"[Content_Types].xml": lambda raw: raw.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        new)})


CASES = {
    "tom": (lambda e, s: b"", "filen är tom"),
    "inte-zip": (lambda e, s: b"Detta ar ingen zip" * 10, "inte ett Word-dokument"),
    "doc": (lambda e, s: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "gammalt Word-dokument"),
    "pdf": (lambda e, s: b"%PDF-1.7\n" + b"x" * 100, "är en PDF"),
    "trasig-zip": (lambda e, s: e[:2000], "skadad"),
    "bomb": (lambda e, s: _bomb(), "zip-bomb"),
    "xxe": (_xxe, "XXE"),
    "laughs": (lambda e, s: _laughs(e), "DTD"),
    "makron": (lambda e, s: _content_type(
        e, b"application/vnd.ms-word.document.macroEnabled.main+xml"), "makron"),
    "fel-typ": (lambda e, s: _content_type(e, b"application/octet-stream"), "innehållstyp"),
    "odt": (lambda e, s: _odt(), "OpenDocument"),
    "trasig-xml": (lambda e, s: rewrite(e, {"word/document.xml": lambda raw: raw[:-40]}),
                   "trasigt"),
    "djup": (lambda e, s: rewrite(e, {"word/document.xml": lambda raw: raw.replace(
        b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 300, 1)}), "djupt nästlat"),
}


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<x/>")
    return out.getvalue()


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_files_get_a_swedish_message_quickly(kind, export, tmp_path):
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT-INNEHÅLL", encoding="utf-8")
    make, message = CASES[kind]
    data = make(export, secret)
    start = time.monotonic()
    with pytest.raises(WordImportError) as err:
        build_case(read_plan(data, REGISTRY, name=f"{kind}.docx"))
    assert time.monotonic() - start < 5
    assert message in str(err.value)
    assert "HEMLIGT" not in str(err.value)
    assert str(err.value).startswith(f"{kind}.docx")


def test_a_macro_part_in_a_docx_is_ignored_and_reported(export):
    data = rewrite(export, {}, add={"word/vbaProject.bin": b"\0" * 100})
    result = build_case(read_plan(data, REGISTRY, name="m.docx"))
    assert any("makron" in w for w in result.report.warnings)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(WordImportError, match="finns inte"):
        read_plan(tmp_path / "saknas.docx", REGISTRY)
    with pytest.raises(WordImportError, match="mapp"):
        read_plan(tmp_path, REGISTRY)
