"""Hostile Word templates, through the entry points a user hits: ``export --template``, a user
profile whose own template is hostile, and ``validate-template``. The zip is checked by the
same rule as the other DOCX readers (tillit_desk/ziplimits.py): each one ends with exit 1, a
Swedish message naming the problem, no traceback, no output file, within two seconds."""

from __future__ import annotations

import base64
import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from tillit_desk.cli import main
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.profiles import BUILTIN_DIR

TEMPLATE = BUILTIN_DIR / "generic" / "tjansteskrivelse.docx"


def _copy_with(path: Path, extra: dict[str, bytes], *, stored: bool = False) -> None:
    """The generic template with ``extra`` parts added (or replacing a part of that name)."""
    mode = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(TEMPLATE) as zin, zipfile.ZipFile(path, "w", mode) as zout:
        for item in zin.infolist():
            if item.filename not in extra:
                zout.writestr(item.filename, zin.read(item.filename))
        for name, data in extra.items():
            zout.writestr(name, data)


def _huge_member(path: Path) -> None:
    # 17 MB of styles that do not compress well: over the part limit, under the bomb ratio
    noise = base64.b64encode(os.urandom(13 * 1024 * 1024))
    _copy_with(path, {"word/styles.xml": b"<w:styles>" + noise + b"</w:styles>"})


def _bomb(path: Path) -> None:
    _copy_with(path, {"word/media/image9.png": b"\0" * (120 * 1024 * 1024)})


def _many_members(path: Path) -> None:
    _copy_with(path, {f"customXml/item{n}.xml": b"<a/>" for n in range(6000)}, stored=True)


def _zipped_template(path: Path) -> None:
    """The template sent as a zip file (a .docx inside a zip): no Word document at the top."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(TEMPLATE, "mall/tjansteskrivelse.docx")


def _traversal(name: str):
    return lambda path: _copy_with(path, {name: b"<a/>"})


def _truncated(path: Path) -> None:
    path.write_bytes(TEMPLATE.read_bytes()[:3000])


HOSTILE = {
    "stor-del": (_huge_member, "delen word/styles.xml är orimligt stor (17 MB)"),
    "zip-bomb": (_bomb, "möjlig ”zip-bomb”"),
    "manga-delar": (_many_members, "orimligt många delar (6"),
    "zip-i-zip": (_zipped_template, "saknar huvuddokumentet"),
    "uppat": (_traversal("../../../tmp/evil.xml"), "ogiltigt namn (”../../../tmp/evil.xml”)"),
    "absolut": (_traversal("/etc/evil.xml"), "ogiltigt namn (”/etc/evil.xml”)"),
    "windows": (_traversal("..\\..\\evil.xml"), "ogiltigt namn"),
    "inte-zip": (lambda p: p.write_bytes(b"Detta ar ingen zip-fil"), "inte ett Word-dokument"),
    "tom": (lambda p: p.write_bytes(b""), "inte ett Word-dokument"),
    "avhuggen": (_truncated, "inte ett Word-dokument"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("fientliga")
    made = {}
    for name, (make, _) in HOSTILE.items():
        made[name] = folder / f"{name}.docx"
        make(made[name])
    return made


def _run(argv: list[str], capsys) -> tuple[int, str, float]:
    start = time.monotonic()
    rc = main(argv)
    elapsed = time.monotonic() - start
    out = capsys.readouterr()
    return rc, out.out + out.err, elapsed


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_export_with_a_hostile_template(hostile, name, tmp_path, capsys):
    out = tmp_path / "ut.docx"
    rc, text, elapsed = _run(["export", str(EXAMPLE_CASE), "-o", str(out), "--template",
                              str(hostile[name])], capsys)
    assert rc == 1, text
    assert HOSTILE[name][1] in text, text
    assert "Traceback" not in text and "Error" not in text
    assert not out.exists()
    assert elapsed < 2, elapsed


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_user_profile_with_a_hostile_template(hostile, name, tillit_home, tmp_path, capsys):
    folder = tillit_home / "data" / "profiles" / "fientlig"
    folder.mkdir(parents=True)
    toml = (BUILTIN_DIR / "generic" / "profile.toml").read_text(encoding="utf-8")
    toml = toml.replace('id = "generic"', 'id = "fientlig"', 1)
    (folder / "profile.toml").write_text(toml, encoding="utf-8")
    (folder / "tjansteskrivelse.docx").write_bytes(hostile[name].read_bytes())
    out = tmp_path / "ut.docx"
    rc, text, elapsed = _run(["export", str(EXAMPLE_CASE), "-o", str(out), "--profile",
                              "fientlig"], capsys)
    assert rc == 1, text
    assert HOSTILE[name][1] in text and "Traceback" not in text
    assert not out.exists()
    assert elapsed < 2, elapsed


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_validate_template_says_the_same(hostile, name, capsys):
    rc, text, elapsed = _run(["validate-template", str(hostile[name])], capsys)
    assert rc == 1 and HOSTILE[name][1] in text and "Traceback" not in text, text
    assert elapsed < 2, elapsed


def test_a_nested_zip_inside_a_template_is_not_unpacked(tmp_path, capsys):
    """An embedded zip bomb is only bytes to us: the export neither unpacks nor copies it."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.bin", b"\0" * (50 * 1024 * 1024))
    tpl = tmp_path / "inbaddad.docx"
    _copy_with(tpl, {"word/embeddings/bomb.zip": inner.getvalue()})
    out = tmp_path / "ut.docx"
    rc, text, elapsed = _run(["export", str(EXAMPLE_CASE), "-o", str(out), "--template",
                              str(tpl)], capsys)
    assert rc == 0, text
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if n.endswith(".zip")]
    assert elapsed < 5, elapsed
