"""PDF through LibreOffice: missing binary, cancel and timeout, with a stand-in soffice."""

from __future__ import annotations

import threading
import time

import pytest

from tillit_desk.errors import PdfError
from tillit_desk.export.pdf import PdfJob, convert_to_pdf, find_soffice


def _fake_soffice(tmp_path, body: str):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_missing_libreoffice_gives_a_clear_message(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"x")
    with pytest.raises(PdfError, match="LibreOffice hittades inte") as info:
        convert_to_pdf(tmp_path / "a.docx", soffice=str(tmp_path / "saknas"))
    assert "DOCX-exporten fungerar ändå" in str(info.value)
    assert find_soffice(str(tmp_path / "saknas")) is None


def test_cancel_stops_a_running_conversion(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"x")
    job = PdfJob(tmp_path / "a.docx", soffice=_fake_soffice(tmp_path, "sleep 30"))
    errors: list[Exception] = []

    def work():
        try:
            job.run()
        except PdfError as err:
            errors.append(err)

    thread = threading.Thread(target=work)
    started = time.monotonic()
    thread.start()
    time.sleep(0.5)
    job.cancel()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert time.monotonic() - started < 10
    assert "avbröts" in str(errors[0])
    assert not (tmp_path / "a.pdf").exists()


def test_timeout(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"x")
    with pytest.raises(PdfError, match="svarade inte inom 1 sekunder"):
        convert_to_pdf(tmp_path / "a.docx", soffice=_fake_soffice(tmp_path, "sleep 30"),
                       timeout=1)


def test_failed_conversion_reports_libreoffice_output(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"x")
    with pytest.raises(PdfError, match="kunde inte göra en PDF.*trasigt"):
        convert_to_pdf(tmp_path / "a.docx",
                       soffice=_fake_soffice(tmp_path, "echo trasigt >&2; exit 1"))


def test_job_names_template_fonts_the_machine_lacks_before_converting(example_case, registry,
                                                                       tmp_path):
    from tillit_desk.export.docx import export_docx
    from tillit_desk.export.fonts import installed_families

    if installed_families() is None or "georgia" in installed_families():
        pytest.skip("needs fontconfig and a machine without Georgia")
    out = export_docx(example_case, registry.get("region-skane"), tmp_path / "a.docx").path
    job = PdfJob(out, soffice=_fake_soffice(tmp_path, "exit 1"))
    with pytest.raises(PdfError):
        job.run()
    assert any(w.startswith("Typsnittet Georgia i Word-mallen finns inte") for w in job.warnings)
