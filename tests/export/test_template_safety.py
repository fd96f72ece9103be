"""Templates are user files: refused when unusable, cleaned of active content, and bounded.

Every failure is a Swedish TemplateError/ExportError (the CLI prints it with exit 1), never a
traceback or a hang; bombs are refused before anything parses them.
"""

from __future__ import annotations

import copy
import io
import re
import time
import zipfile

import pytest
from docxtools import all_text, part, part_names, patched_template
from ooxml_schema import schema_errors

from tillit_desk.cli import main
from tillit_desk.errors import ExportError, TemplateError
from tillit_desk.example import sample_context
from tillit_desk.export import template_sandbox
from tillit_desk.export.docx import export_docx, render_docx
from tillit_desk.export.templating import validate_template
from tillit_desk.fileformat import save_case

TITLE_TAG = "{{ document.title }}"


def _template_with(registry, tmp_path, snippet: str, name: str = "mall.docx"):
    xml_snippet = snippet.replace("'", "&apos;").replace('"', "&quot;")
    return patched_template(registry.get("generic").template_path, tmp_path / name,
                            {TITLE_TAG: xml_snippet})


def test_template_without_body_tag_is_refused(example_case, registry, tmp_path, capsys):
    bad = patched_template(registry.get("generic").template_path, tmp_path / "utan.docx",
                           {"{{p body }}": "Här skulle texten stå"})
    with pytest.raises(TemplateError, match=r"\{\{p body \}\} saknas"):
        render_docx(example_case, registry.get("generic"), bad)
    case_file = tmp_path / "a.tillit"
    save_case(example_case, case_file)
    assert main(["export", str(case_file), "-o", str(tmp_path / "ut.docx"), "--template",
                 str(bad)]) == 1
    err = capsys.readouterr().err
    assert "saknas" in err and "Traceback" not in err
    assert not (tmp_path / "ut.docx").exists()


def test_output_may_not_be_the_template_or_the_case(example_case, registry, tmp_path, capsys):
    tpl = tmp_path / "T.docx"
    tpl.write_bytes(registry.get("generic").template_path.read_bytes())
    before = tpl.read_bytes()
    with pytest.raises(ExportError, match="Word-mallen"):
        export_docx(example_case, registry.get("generic"), tpl, template=tpl)
    assert tpl.read_bytes() == before
    case_file = tmp_path / "x.docx"  # a case saved under a .docx name
    save_case(example_case, case_file)
    case_bytes = case_file.read_bytes()
    assert main(["export", str(case_file), "-o", str(case_file)]) == 1
    assert "ärendefilen" in capsys.readouterr().err
    assert case_file.read_bytes() == case_bytes


def _hostile_package(src, out):
    """A template carrying an external image, an attached template on a server, a VBA project
    and remote field codes (complex INCLUDEPICTURE, simple INCLUDETEXT)."""
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
             ' INCLUDEPICTURE "http://example.invalid/spy.png" \\d </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>BILD</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
             '<w:fldSimple w:instr=" INCLUDETEXT &quot;file:///etc/passwd&quot; ">'
             '<w:r><w:t>TEXT</w:t></w:r></w:fldSimple>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                text = text.replace("<w:t>{{ document.title }}</w:t></w:r>",
                                    "<w:t>{{ document.title }}</w:t></w:r>" + field, 1)
                assert field in text
                data = text.encode()
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/image" Target="http://example.invalid/'
                    b'logo.png" TargetMode="External"/>'
                    b'<Relationship Id="rIdX2" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/>'
                    b'<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/hyperlink" Target="https://www.lund.se/"'
                    b' TargetMode="External"/></Relationships>'))
            elif item.filename == "word/settings.xml":
                data = re.sub(rb"(<w:zoom[^>]*/>)", rb'\1<w:attachedTemplate r:id="rIdT1"/>',
                              data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                    b'"application/vnd.ms-office.vbaProject"/></Types>')
            zout.writestr(item, data)
        zout.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really ole")
        zout.writestr("word/_rels/settings.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/attachedTemplate" Target="http://example.invalid/Normal.dotm" '
            'TargetMode="External"/></Relationships>'))
    return out


def test_active_content_is_stripped_with_a_warning(example_case, registry, tmp_path):
    hostile = _hostile_package(registry.get("generic").template_path, tmp_path / "aktiv.docx")
    data, warnings = render_docx(example_case, registry.get("generic"), hostile)
    warning = next(w for w in warnings if "togs bort" in w)
    for expected in ("extern bild (http://example.invalid/logo.png)",
                     "bifogad mall (http://example.invalid/Normal.dotm)",
                     "makron (word/vbaProject.bin)", "fältet INCLUDEPICTURE",
                     "fältet INCLUDETEXT"):
        assert expected in warning
    names = part_names(data)
    assert "word/vbaProject.bin" not in names
    rels = " ".join(part(data, n) for n in names if n.endswith(".rels"))
    assert "example.invalid" not in rels and "https://www.lund.se/" in rels  # links stay
    xml = part(data, "word/document.xml") + part(data, "word/settings.xml")
    assert "INCLUDEPICTURE" not in xml and "INCLUDETEXT" not in xml
    assert "attachedTemplate" not in xml
    assert "BILD" in all_text(data) and "TEXT" in all_text(data)  # last shown result kept
    assert schema_errors(data) == []
    report = validate_template(hostile, sample_context())
    assert any("makron" in w for w in report.warnings)


RUNAWAY = [
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
     "sekunder"),
    ("{{ 9**(9**9) }}", "för stort"),
    ("{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}", "otillåten"),
    ("{% for i in range(99999) %}{{ 'x' * 999999 }}{% endfor %}", "orimligt mycket text"),
    ("{{ 'a' * 100000000 }}", "upprepar"),
    ("{{ 'a'.ljust(999999999) }}", "orimligt stort"),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "sig självt"),
    ("{% include 'x.xml' %}", "{% include %}"),
    ("{% import 'x.xml' as y %}", "{% import %}"),
    ("{% extends 'x.xml' %}", "{% extends %}"),
    ("{{ 1/0 }}", "noll"),
]


@pytest.mark.parametrize(("snippet", "message"), RUNAWAY)
def test_runaway_or_forbidden_template_stops_with_a_swedish_message(
        example_case, registry, tmp_path, snippet, message, monkeypatch):
    monkeypatch.setattr(template_sandbox, "TIME_BUDGET", 1.0)  # the CLI test uses the real one
    tpl = _template_with(registry, tmp_path, snippet)
    start = time.monotonic()
    with pytest.raises(TemplateError) as info:
        render_docx(example_case, registry.get("generic"), tpl)
    assert time.monotonic() - start < 10
    assert message in str(info.value)
    assert str(info.value).startswith("Word-mallen")
    start = time.monotonic()
    report = validate_template(tpl, sample_context())
    assert time.monotonic() - start < 10
    assert report.errors and message in " ".join(report.errors)


class _WorkClock:
    """A clock that advances with each reading: the sandbox reads it every few hundred template
    lines, so "time" is proportional to the work done and the test does not depend on load."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 0.001
        return self.now


def test_one_budget_for_body_headers_and_footers(example_case, registry, tmp_path,
                                                 monkeypatch):
    """Loops that each stay well under the budget but together exceed it are stopped: the
    budget is for the whole template, not per part (else five parts could take five)."""
    clock = _WorkClock()
    monkeypatch.setattr(template_sandbox, "time", clock)
    loop = "{% for i in range(100) %}{% for j in range(1000) %}{% endfor %}{% endfor %}"
    single = _template_with(registry, tmp_path, loop + TITLE_TAG, "en.docx")
    monkeypatch.setattr(template_sandbox, "TIME_BUDGET", 1e9)
    start = clock.now
    render_docx(example_case, registry.get("generic"), single)
    one_part = clock.now - start
    monkeypatch.setattr(template_sandbox, "TIME_BUDGET", 1.6 * one_part)
    render_docx(example_case, registry.get("generic"), single)  # one part: within the budget
    tpl = tmp_path / "alla.docx"  # the loop in the body, both headers and both footers
    with zipfile.ZipFile(single) as zin, zipfile.ZipFile(tpl, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if re.match(r"word/(header|footer)\d+\.xml", item.filename):
                data = data.replace(b"{{ document.organisation }}",
                                    loop.encode() + b"{{ document.organisation }}", 1)
                assert loop.encode() in data, item.filename
            zout.writestr(item, data)
    with pytest.raises(TemplateError, match="sekunder"):
        render_docx(example_case, registry.get("generic"), tpl)


def test_cli_validate_template_runaway_has_no_traceback(registry, tmp_path, capsys):
    tpl = _template_with(registry, tmp_path, RUNAWAY[0][0])
    start = time.monotonic()
    assert main(["validate-template", str(tpl)]) == 1
    assert time.monotonic() - start < 10
    out = capsys.readouterr()
    assert "Fel:" in out.out and "Traceback" not in out.out + out.err


def test_paragraph_bomb_is_refused_quickly(example_case, registry, tmp_path):
    """400 KB on disk, 40 million empty paragraphs unpacked."""
    src = registry.get("generic").template_path
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))
                continue
            head, tail = zin.read(item.filename).split(b"<w:body>")
            with zout.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head + b"<w:body>")
                chunk = b"<w:p/>" * 1_000_000
                for _ in range(40):
                    fh.write(chunk)
                fh.write(tail)
    assert bomb.stat().st_size < 1_000_000
    start = time.monotonic()
    with pytest.raises(TemplateError, match="möjlig ”zip-bomb”"):
        render_docx(example_case, registry.get("generic"), bomb)
    report = validate_template(bomb, sample_context())
    assert time.monotonic() - start < 2
    assert "möjlig ”zip-bomb”" in report.errors[0]


def test_doctype_is_refused_by_validate_template(registry, tmp_path, capsys):
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT", encoding="utf-8")
    doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    evil = patched_template(registry.get("generic").template_path, tmp_path / "xxe.docx", {
        "standalone='yes'?>": "standalone='yes'?>" + doctype,
        TITLE_TAG: "&xxe;" + TITLE_TAG})
    start = time.monotonic()
    assert main(["validate-template", str(evil)]) == 1
    assert time.monotonic() - start < 2
    out = capsys.readouterr()
    assert "DOCTYPE" in out.out and "HEMLIGT" not in out.out
    assert "Traceback" not in out.out + out.err


def test_long_title_exports_whole_with_a_warning(example_case, registry):
    case = copy.deepcopy(example_case)
    case.document.title = "Motion om " + "mycket långa rubriker " * 20 + "SLUT"
    data, warnings = render_docx(case, registry.get("lund-kommun"))
    assert "SLUT" in all_text(data)
    core = part(data, "docProps/core.xml")
    title = re.search(r"<dc:title>([^<]*)</dc:title>", core).group(1)
    assert len(title) == 255 and title.endswith("…")
    assert any("255 tecken" in w for w in warnings)


def test_twelve_million_character_paragraph_is_kept_whole(example_case, registry):
    case = copy.deepcopy(example_case)
    words = ("ordet" + str(i % 10) for i in range(2_000_000))
    text = " ".join(words)  # ~12 million characters in one paragraph
    assert len(text) > 12_000_000
    case.sections["arendet"] = text
    data, _ = render_docx(case, registry.get("generic"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode()
    joined = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert text in joined
