"""Golden files: the main XML parts of the example export, compared line by line.

A deliberate change to the output is accepted by running the tests once with
TILLIT_UPDATE_GOLDEN=1 and reviewing the diff of tests/export/golden/ in git.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tillit_desk.export.docx import render_docx

GOLDEN = Path(__file__).parent / "golden"
PARTS = ["word/document.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml",
         "word/numbering.xml"]
VOLATILE = re.compile(r'w:rsid\w*="[^"]*"')


def _pretty(xml: bytes) -> str:
    text = etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")
    return VOLATILE.sub("", text)


@pytest.mark.parametrize("part_name", PARTS)
def test_example_export_matches_golden(example_case, registry, part_name):
    data, _ = render_docx(example_case, registry.get("lund-kommun"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        actual = _pretty(zf.read(part_name))
    golden = GOLDEN / (part_name.replace("/", "__") + ".txt")
    if os.environ.get("TILLIT_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
        if os.environ.get("TILLIT_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden.name} was missing and has been written; rerun")
    expected = golden.read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines()
