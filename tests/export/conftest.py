"""Every DOCX an export test makes is validated against the OOXML schema (Word is the judge).

The check sits on docxtpl's save, which every export goes through, so no test can forget it;
an export with a schema error fails the test that made it, naming the part and the error.
"""

from __future__ import annotations

import io

import pytest
from docxtpl import DocxTemplate
from ooxml_schema import schema_errors


@pytest.fixture(autouse=True)
def every_export_is_schema_valid(monkeypatch):
    real_save = DocxTemplate.save
    bad: list[str] = []

    def checked_save(self, filename, *args, **kwargs):
        real_save(self, filename, *args, **kwargs)
        if isinstance(filename, io.BytesIO):
            bad.extend(schema_errors(filename.getvalue()))

    monkeypatch.setattr(DocxTemplate, "save", checked_save)
    yield
    assert bad == [], bad[:5]
