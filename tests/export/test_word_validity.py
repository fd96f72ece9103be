"""Word is the judge: every kind of export validates against the OOXML Transitional schema.

LibreOffice opens XML whose children are out of schema order; Word refuses or "repairs" it. The
schema files and the validator are test data (tests/ooxml-xsd, tests/ooxml_schema.py).
"""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from docxtools import patched_template
from ooxml_schema import schema_errors

from tillit_desk import section_layout as SL
from tillit_desk.case import Recipient, Signatory, UnderlagItem
from tillit_desk.export.docx import render_docx
from tillit_desk.export.review_docx import render_review_docx
from tillit_desk.export.template_builder import build_template
from tillit_desk.review import workflow as RW

PROFILES = ["generic", "lund-kommun", "malmo-stad", "region-skane"]


def _hostile(case):
    """Everything that has broken an export before, in one case."""
    case = copy.deepcopy(case)
    case.document.title = "<Titel> & ”citat” {{ inte en tagg }} \x0b ny rad \x00"
    case.document.diarienummer = "KS 2022/0086-<&>"
    case.sections["arendet"] = (
        "### Underrubrik med **fet** och *kursiv*\n\n"
        "| Kolumn A | Kolumn B |\n|---|---|\n| 1 | två & tre |\n| <x> | |\n\n"
        "| utan | rubrik |\n|---|---|\n\n"
        "1. ett\n   - punkt under\n     1. djupt\n2. två\n\n"
        "Text med\ttabb och\x0bradbrytning och \u202e RTL och 🙂.\n\n" + "ord " * 3000)
    case.sections["ekonomiska_konsekvenser"] = ""
    case.underlag = [UnderlagItem(f"Handling {i} <&>", f"2022-01-0{i % 9 + 1}")
                     for i in range(30)]
    case.skickas_till = [Recipient("Motionärerna", "kännedom"), Recipient("Ekonomi", "åtgärd")]
    case.signatories = [Signatory(f"Namn {i}", f"Titel {i}") for i in range(5)]
    own = SL.add_section(case, "Egen <rubrik> & ”mer”", after="arendet")
    case.sections[own.id] = "| a | b |\n|---|---|\n| 1 | 2 |"
    SL.rename_section(case, "signatures", "Ansvariga & <co>")
    SL.mark_not_relevant(case, "barnets_basta")
    return case


@pytest.mark.parametrize("profile_id", PROFILES)
def test_every_profile_export_is_schema_valid(example_case, registry, profile_id):
    data, _ = render_docx(example_case, registry.get(profile_id))
    assert schema_errors(data) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_hostile_case_export_is_schema_valid(example_case, registry, profile_id):
    data, _ = render_docx(_hostile(example_case), registry.get(profile_id))
    assert schema_errors(data) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_shipped_and_built_templates_are_schema_valid(registry, profile_id):
    profile = registry.get(profile_id)
    assert schema_errors(profile.template_path) == []
    assert schema_errors(build_template(profile)) == []


def test_review_export_with_comments_is_schema_valid(example_case, registry):
    case = copy.deepcopy(example_case)
    text = case.sections["arendet"]
    start = text.index("horisontell")
    RW.add_comment(case, "arendet", "Förklara begreppet.", "Granskare", start=start,
                   end=start + 20)
    RW.add_comment(case, "barnets_basta", "Räcker en mening här?", "Granskare")
    result = render_review_docx(case, registry.get("lund-kommun"))
    assert (result.placed, result.on_heading) == (1, 1)
    assert schema_errors(result.data) == []


def test_user_template_export_is_schema_valid(example_case, registry, tmp_path):
    """A template a user edited: extra paragraphs and a table of their own around the tags."""
    src = registry.get("malmo-stad").template_path
    user = patched_template(src, tmp_path / "egen.docx", {
        "{{p body }}": "{{p body }}</w:t></w:r></w:p><w:p><w:r><w:t>Egen slutrad",
    })
    data, _ = render_docx(example_case, registry.get("generic"), user)
    assert schema_errors(data) == []


def test_settings_and_app_properties_are_swedish_and_name_the_tool(example_case, registry):
    data, _ = render_docx(example_case, registry.get("generic"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        settings = zf.read("word/settings.xml").decode()
        app = zf.read("docProps/app.xml").decode()
        styles = zf.read("word/styles.xml").decode()
        effects = (zf.read("word/stylesWithEffects.xml").decode()
                   if "word/stylesWithEffects.xml" in zf.namelist() else "")
    assert "<Application>Tillit Desk</Application>" in app
    assert "Microsoft" not in app
    assert 'w:percent="100"' in settings
    assert 'w:themeFontLang w:val="sv-SE"' in settings
    assert "en-US" not in settings + styles + effects


def test_template_text_in_another_language_is_proofed_as_swedish(example_case, registry,
                                                                   tmp_path):
    src = registry.get("generic").template_path
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp_path / "en2.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/header"):
                data = data.replace(b"<w:rPr><w:b/>", b'<w:rPr><w:b/><w:lang w:val="en-US"/>')
            zout.writestr(item, data)
    data, _ = render_docx(example_case, registry.get("generic"), tmp_path / "en2.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        headers = "".join(zf.read(n).decode() for n in zf.namelist()
                          if n.startswith("word/header"))
    assert 'w:val="sv-SE"' in headers and "en-US" not in headers
    assert schema_errors(data) == []
