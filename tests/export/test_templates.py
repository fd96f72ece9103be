"""The shipped Word templates: reproducible from the builder, and validate-template's findings."""

from __future__ import annotations

import io
import zipfile

import pytest
from docxtools import patched_template

from tillit_desk.example import sample_context
from tillit_desk.export.styles import resolve_styles
from tillit_desk.export.template_builder import build_template
from tillit_desk.export.templating import validate_template


@pytest.mark.parametrize("profile_id", ["generic", "lund-kommun", "malmo-stad", "region-skane"])
def test_committed_template_equals_builder_output(registry, profile_id):
    profile = registry.get(profile_id)
    built = zipfile.ZipFile(io.BytesIO(build_template(profile)))
    shipped = zipfile.ZipFile(profile.template_path)
    assert sorted(built.namelist()) == sorted(shipped.namelist())
    for name in built.namelist():
        assert _canonical(name, built.read(name)) == _canonical(name, shipped.read(name)), (
            f"{name} differs: run `python main.py build-template` and commit")


def _canonical(name: str, data: bytes) -> bytes:
    """C14N for XML parts: <a/> and <a></a> are the same document."""
    if not name.endswith((".xml", ".rels")):
        return data
    from lxml import etree

    return etree.tostring(etree.fromstring(data), method="c14n")


@pytest.mark.parametrize("profile_id", ["generic", "lund-kommun", "malmo-stad", "region-skane"])
def test_shipped_templates_validate_clean(registry, profile_id):
    report = validate_template(registry.get(profile_id).template_path, sample_context())
    assert report.errors == []
    assert report.warnings == []


def test_styles_are_found_in_english_swedish_and_libreoffice_templates(registry):
    def styles_of(pid):
        with zipfile.ZipFile(registry.get(pid).template_path) as zf:
            from lxml import etree

            return resolve_styles(etree.fromstring(zf.read("word/styles.xml")))

    english, swedish, localised = (styles_of(p) for p in ("generic", "lund-kommun",
                                                           "region-skane"))
    assert english.heading == ("Heading1", "Heading2", "Heading3")
    assert swedish.heading == ("Rubrik1", "Rubrik2", "Rubrik3")
    assert localised.heading == ("Rubrik1", "Rubrik2", "Rubrik3")
    assert (swedish.list_bullet, swedish.list_number) == ("Punktlista", "Numreradlista")
    assert localised.att_sats == "Att-sats"
    assert english.missing() == []


def _edit(src, out, replacements: dict[str, str], drop_headers: bool = False):
    headers = {b"PAGE": b"DATE", b"NUMDATES": b"DATE"} if drop_headers else None
    return patched_template(src, out, replacements, headers)


def test_validate_reports_unknown_tag_and_missing_body(registry, tmp_path):
    bad = _edit(registry.get("generic").template_path, tmp_path / "a.docx",
                {"{{ document.title }}": "{{ arende.rubrik }}", "{{p body }}": "Brödtext"})
    report = validate_template(bad, sample_context())
    assert any('Okänd tagg: "arende"' in e for e in report.errors)
    assert any("{{p body }} saknas" in e for e in report.errors)


def test_validate_reports_tag_broken_by_word(registry, tmp_path):
    bad = _edit(registry.get("generic").template_path, tmp_path / "b.docx",
                {"{{ document.title }}": "{{ document.title }"})
    report = validate_template(bad, sample_context())
    assert any("stängs" in e or "tolka" in e for e in report.errors), report.errors


def test_validate_warns_about_smart_quotes(registry, tmp_path):
    bad = _edit(registry.get("generic").template_path, tmp_path / "c.docx",
                {"{{ document.title }}": "{{ document.title or „Utan titel” }}"})
    report = validate_template(bad, sample_context())
    assert any("typografiska citattecken" in w for w in report.warnings)


def test_validate_reports_missing_page_fields(registry, tmp_path):
    bad = _edit(registry.get("generic").template_path, tmp_path / "d.docx", {},
                drop_headers=True)
    report = validate_template(bad, sample_context())
    assert any("PAGE saknas" in e for e in report.errors)
    assert any("NUMPAGES" in w for w in report.warnings)


def test_validate_reports_undefined_attribute_in_trial_render(registry, tmp_path):
    bad = _edit(registry.get("generic").template_path, tmp_path / "e.docx",
                {"{{ document.title }}": "{{ document.rubrik }}"})
    report = validate_template(bad, sample_context())
    assert any("rubrik" in e for e in report.errors), report.errors


def test_validate_non_docx(tmp_path):
    fake = tmp_path / "mall.docx"
    fake.write_text("hej", encoding="utf-8")
    report = validate_template(fake)
    assert not report.ok and "inte ett Word-dokument" in report.errors[0]


def test_validate_refuses_zip_bomb(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a/>")
        zf.writestr("word/big.bin", b"\0" * (400 * 1024 * 1024))
    report = validate_template(bomb)
    assert "möjlig ”zip-bomb”" in report.errors[0]
