"""The one zip check both DOCX readers use: each limit refuses with the caller's error and words."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from tillit_desk.ziplimits import ZipLimits, check_zip

LIMITS = ZipLimits(entries=3, uncompressed=3 * 1024 * 1024, part_bytes=1024, ratio=200)


class Refused(Exception):
    pass


def _zip(parts: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _label(part: str) -> str | None:
    return f"delen {part}" if part.endswith(".xml") else None


def _refusal(parts: dict[str, bytes], hint: str = "") -> str:
    with pytest.raises(Refused) as info:
        check_zip(_zip(parts), "x.docx", LIMITS, Refused, _label, bomb_hint=hint)
    return str(info.value)


def test_a_small_docx_passes():
    check_zip(_zip({"word/document.xml": b"<w/>", "a.png": b"1" * 2048}), "x.docx", LIMITS,
              Refused, _label)


def test_each_limit_refuses_with_the_callers_words():
    assert "orimligt många delar (4)" in _refusal({f"{n}.txt": b"" for n in range(4)})
    bomb = _refusal({"a.bin": b"\0" * (2 * 1024 * 1024)}, hint=" Be om en ny fil.")
    assert bomb.endswith("(möjlig ”zip-bomb”). Be om en ny fil.")
    assert "x.docx: delen word/styles.xml är orimligt stor" in _refusal(
        {"word/styles.xml": b"<a/>" * 400})
    total = _refusal({f"{n}.bin": os.urandom(1_300_000) for n in range(3)})
    assert "packas upp till 3 MB (högst 3 MB)" in total


@pytest.mark.parametrize("name", ["../../evil.xml", "word/../../evil.xml", "/etc/evil.xml",
                                  "..\\evil.xml", "C:/evil.xml", "word/a\x01.xml"])
def test_a_part_name_that_leaves_the_package_is_refused(name):
    message = _refusal({"word/document.xml": b"<w/>", name: b"<a/>"})
    assert message.startswith("x.docx: DOCX-filen innehåller en del med ogiltigt namn (”")
    assert "\x01" not in message


def test_ordinary_part_names_pass():
    check_zip(_zip({"[Content_Types].xml": b"<T/>", "_rels/.rels": b"<R/>",
                    "word/media/image1..png": b"1"}), "x.docx", LIMITS, Refused, _label)
