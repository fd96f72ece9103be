"""Warnings the core gives are shown in the window, never dropped: what a load cleaned (a lone
surrogate) and the template fonts this machine lacks for a PDF (issue 12, issue 13)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtTest import QTest

from tillit_desk.case import Case
from tillit_desk.fileformat import save_case


def test_a_cleaned_load_is_said_in_the_status_bar(window, tmp_path):
    path = tmp_path / "surrogat.tillit"
    save_case(Case(profile="generic"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"] = {"arendet": "före X efter"}
    text = json.dumps(data).replace("X", "\\ud800")  # valid JSON, a lone surrogate
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    assert window.case.sections["arendet"] == "före \ufffd efter"
    message = window.statusBar().currentMessage()
    assert "ogiltiga tecken" in message
    window.set_dirty(True)
    assert window.save()  # and it saves


@pytest.mark.print
def test_a_missing_template_font_is_said_after_the_pdf(window, answers, soffice, tmp_path):
    from tillit_desk.export.fonts import installed_families

    installed = installed_families()
    if installed is None or "georgia" in installed:
        pytest.skip("Georgia is installed here (or fc-list is missing): nothing to warn about")
    window.settings.soffice_path = soffice
    assert window.new_case("region-skane", False)  # its template is set in Georgia
    out = tmp_path / "regionen.pdf"
    assert window.export_pdf(out)
    for _ in range(2400):
        QTest.qWait(50)
        if not window.pdf_jobs:
            break
    assert out.is_file()
    message = window.statusBar().currentMessage()
    assert str(out) in message and "Typsnittet Georgia" in message
    assert any("Typsnittet Georgia" in w for w in answers["warnings"])  # told in a box too
