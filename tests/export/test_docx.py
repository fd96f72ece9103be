"""DOCX export through the profile's Word template: structure, styles, header, safety."""

from __future__ import annotations

import copy
import io
import re

import docx
import pytest
from docxtools import all_text, header_xml, headings, paragraphs, part, patched_template

from tillit_desk.errors import ExportError, TemplateError
from tillit_desk.export.docx import export_docx, render_docx
from tillit_desk.profiles import SIGNATURES


@pytest.fixture
def lund_docx(example_case, registry) -> bytes:
    data, _warnings = render_docx(example_case, registry.get("lund-kommun"))
    return data


def test_lund_headings_in_profile_order_as_real_heading_styles(lund_docx, registry):
    top = [text for level, text in headings(lund_docx) if level == 1]
    expected = [s.heading for s in registry.get("lund-kommun").sections
                if s.kind != SIGNATURES and s.id != "bedomning"]
    assert top == expected
    subs = [(level, text) for level, text in headings(lund_docx) if level > 1]
    assert subs[:3] == [(2, "Bakgrund"), (2, "Föredragning"),
                        (3, "Om tillitsbaserad styrning i Lunds kommun")]
    # the Lund template is made like Swedish Word: style ids are localised
    styles = {p.style_id for p in paragraphs(lund_docx) if p.outline is not None}
    assert styles == {"Rubrik1", "Rubrik2", "Rubrik3"}


def test_header_has_date_diarienummer_reference_and_page_fields(lund_docx):
    header = header_xml(lund_docx)
    assert "KS 2022/0086" in header
    assert "2022-05-02" in header
    assert "Anders Eriksson, Handläggare" in header
    assert "Lunds kommun" in header and "Kommunkontoret" in header
    instr = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", header)
    assert [i.strip() for i in instr].count("PAGE") == 2  # first page and following pages
    assert [i.strip() for i in instr].count("NUMPAGES") == 2
    settings = part(lund_docx, "word/document.xml")
    assert "<w:titlePg/>" in settings  # first page has its own header


def test_language_and_core_properties(lund_docx):
    styles = part(lund_docx, "word/styles.xml")
    assert re.search(r'<w:rPrDefault>.*<w:lang [^>]*w:val="sv-SE"', styles, re.S)
    props = docx.Document(io.BytesIO(lund_docx)).core_properties
    assert props.title.startswith("Motion från Fanny Johansson")
    assert props.author == "Anders Eriksson"
    assert props.language == "sv-SE"
    core = part(lund_docx, "docProps/core.xml")
    assert "custom-properties" not in core  # docxcompose's rebinding of cp: did not leak in
    assert "<cp:lastModifiedBy>Anders Eriksson</cp:lastModifiedBy>" in core
    assert "python-docx" not in core


def test_decision_chain_and_att_sats_with_hanging_indent(lund_docx):
    paras = paragraphs(lund_docx)
    i = next(n for n, p in enumerate(paras) if p.text == "Förslag till beslut")
    assert paras[i + 1].text.startswith("Kommunstyrelsens arbetsutskott föreslår")
    assert paras[i + 2].text == ("att\tanse motionen vara besvarad med hänvisning till vad som "
                                 "anförts i ärendet.")
    assert paras[i + 2].style_name == "Att-sats"
    doc = docx.Document(io.BytesIO(lund_docx))
    att = doc.styles["Att-sats"].paragraph_format
    assert att.first_line_indent < 0 < att.left_indent


def test_lists_are_real_word_lists_and_each_numbered_list_restarts(example_case, registry):
    case = copy.deepcopy(example_case)
    case.sections["bedomning"] = "1. ett\n2. två\n\nMellan.\n\n1. tre\n"
    data, _ = render_docx(case, registry.get("generic"))
    items = [p for p in paragraphs(data) if p.numbered]
    assert {"att Lunds kommun påbörjar en övergång till tillitsbaserad styrning som genomsyrar "
            "hela kommunens organisation,"} <= {p.text for p in items}
    xml = part(data, "word/document.xml")
    num_ids = re.findall(r'<w:t>(ett|två|tre)</w:t>', xml)
    assert num_ids == ["ett", "två", "tre"]
    ids = []
    for word in ("ett", "två", "tre"):
        para = re.search(rf'<w:p>(?:(?!<w:p>).)*?<w:t>{word}</w:t>', xml, re.S).group(0)
        ids.append(re.search(r'<w:numId w:val="(\d+)"/>', para).group(1))
    assert ids[0] == ids[1] != ids[2]  # a new list after the paragraph starts again at 1
    numbering = part(data, "word/numbering.xml")
    assert f'<w:num w:numId="{ids[2]}">' in numbering
    assert '<w:startOverride w:val="1"/>' in numbering


def test_each_profile_gives_its_own_order_and_decision_style(example_case, registry):
    for profile in registry.all():
        data, _ = render_docx(example_case, profile)
        top = [text for level, text in headings(data) if level == 1]
        order = [s.heading for s in profile.sections if s.kind != SIGNATURES]
        positions = [order.index(h) for h in top if h in order]
        assert positions == sorted(positions), profile.id
        assert top[0] == order[0], profile.id
        text = "\n".join(p.text for p in paragraphs(data))
        if profile.decision_style == "numbered":
            body = profile.final_body
            assert f"{body} anser motionen vara besvarad med hänvisning" in text, profile.id
            assert "att\tanse" not in text
            decision = [p for p in paragraphs(data) if p.text.startswith(body + " anser")]
            assert decision and decision[0].numbered
        else:
            assert "att\tanse motionen vara besvarad" in text


def test_malmo_prints_skickas_till_early_and_skane_leaves_out_empty_required_motivering(
        example_case, registry):
    malmo = [t for lvl, t in headings(render_docx(example_case, registry.get("malmo-stad"))[0])
             if lvl == 1]
    assert malmo.index("Beslutet skickas till") < malmo.index("Ärendet")
    data, warnings = render_docx(example_case, registry.get("region-skane"))
    assert "Motivering till beslut" not in [t for lvl, t in headings(data)]  # no empty heading
    assert any("Motivering till beslut" in w and "tomt" in w for w in warnings)  # but told


def test_empty_optional_section_is_left_out(example_case, registry):
    data, _ = render_docx(example_case, registry.get("lund-kommun"))
    assert "Bedömning" not in [t for _, t in headings(data)]


def test_text_from_another_profile_is_printed_last_with_a_warning(example_case, registry):
    data, warnings = render_docx(example_case, registry.get("generic"))
    assert [t for _, t in headings(data)][-1] == "Beredning"
    assert any("Beredning" in w and "sist" in w for w in warnings)


def test_control_characters_and_markup_characters(example_case, registry):
    case = copy.deepcopy(example_case)
    case.sections["beredning"] = "Rad ett\x0bRad två & <tagg> \"citat\" 'enkel'\x01\x07 slut"
    case.document.title = "Titel\x00 med & och <"
    data, warnings = render_docx(case, registry.get("lund-kommun"))
    xml = part(data, "word/document.xml")
    assert re.search(r"<w:t>Rad ett</w:t></w:r><w:r><w:br/></w:r><w:r><w:t[^>]*>Rad två &amp; "
                     r"&lt;tagg&gt; \"citat\" 'enkel' slut</w:t>", xml)
    assert "Titel med &amp; och &lt;" in xml
    assert any("Beredning: 2 osynliga styrtecken" in w for w in warnings)
    assert any("Titel: 1 osynliga styrtecken" in w for w in warnings)


def test_table_in_section(example_case, registry):
    case = copy.deepcopy(example_case)
    case.sections["ekonomiska_konsekvenser"] = "| År | Kostnad |\n|---|---|\n| 2023 | 5 mnkr |"
    data, _ = render_docx(case, registry.get("lund-kommun"))
    doc = docx.Document(io.BytesIO(data))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "År")
    assert [[c.text for c in r.cells] for r in table.rows] == [["År", "Kostnad"],
                                                                ["2023", "5 mnkr"]]
    assert table.style.name in ("Table Grid", "Tabellrutnät")
    assert "<w:tblHeader/>" in table._tbl.xml


def test_signatures_and_recipients(lund_docx):
    text = all_text(lund_docx)
    for expected in ("Christoffer Nilsson", "Kommundirektör", "Vesna Casitovski", "Kanslichef",
                     "För kännedom:", "Motionärerna"):
        assert expected in text


def _template_with(tmp_path, registry, replace: str, by: str):
    return patched_template(registry.get("generic").template_path, tmp_path / "mall.docx",
                            {replace: by})


def test_undefined_template_variable_is_an_error_that_names_it(example_case, registry,
                                                                tmp_path):
    template = _template_with(tmp_path, registry, "{{ document.title }}",
                              "{{ document.titel }}")
    with pytest.raises(TemplateError, match="titel"):
        render_docx(example_case, registry.get("generic"), template)


def test_template_cannot_reach_python_internals(example_case, registry, tmp_path):
    template = _template_with(tmp_path, registry, "{{ document.title }}",
                              "{{ document.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        render_docx(example_case, registry.get("generic"), template)


def test_failed_export_keeps_the_earlier_export(example_case, registry, tmp_path):
    out = tmp_path / "svar.docx"
    export_docx(example_case, registry.get("lund-kommun"), out)
    before = out.read_bytes()
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"inte en zip")
    with pytest.raises(TemplateError, match="inte ett Word-dokument"):
        export_docx(example_case, registry.get("lund-kommun"), out, template=broken)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svar.docx", "trasig.docx"]
    assert not list(tmp_path.glob(".svar.docx.*"))


@pytest.mark.parametrize("name, fragment", [
    ("mapp.docx", "är en mapp"),
    ("saknas/svar.docx", "finns inte"),
    ("svar.pdf", "sluta på .docx"),
])
def test_bad_targets_give_clear_errors(example_case, registry, tmp_path, name, fragment):
    (tmp_path / "mapp.docx").mkdir()
    with pytest.raises(ExportError, match=fragment):
        export_docx(example_case, registry.get("lund-kommun"), tmp_path / name)


def test_export_file_is_owner_only(example_case, registry, tmp_path):
    out = tmp_path / "svar.docx"
    result = export_docx(example_case, registry.get("lund-kommun"), out)
    assert result.path == out
    assert (out.stat().st_mode & 0o777) == 0o600
    docx.Document(str(out))  # opens


def test_progress_is_reported(example_case, registry, tmp_path):
    steps = []
    export_docx(example_case, registry.get("generic"), tmp_path / "a.docx",
                progress=lambda i, n, msg: steps.append((i, n, msg)))
    assert steps[0][0] == 0 and steps[-1] == (4, 4, "Klart")


def test_locked_or_read_only_target_gives_a_clear_error(example_case, registry, tmp_path,
                                                         monkeypatch):
    import os

    out = tmp_path / "svar.docx"
    export_docx(example_case, registry.get("generic"), out)
    before = out.read_bytes()

    def locked(src, dst):  # what Windows does while Word has the file open
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="filen är låst"):
        export_docx(example_case, registry.get("lund-kommun"), out)
    monkeypatch.undo()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(ExportError, match="skrivskyddad"):
        export_docx(example_case, registry.get("lund-kommun"), out)
    assert out.read_bytes() == before
    assert not list(tmp_path.glob(".svar.docx.*"))


@pytest.mark.parametrize("text", ["vanlig text", " inledande", "avslutande ", "att\tsats",
                                  "rad\nbrytning", "a\r\nb", "\t", "  ", "x\t\ty", "å & <ä>"])
@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (True, True)])
def test_runs_are_built_exactly_as_python_docx_builds_them(text, bold, italic):
    """The exporter builds runs itself for speed; python-docx's add_run is the reference."""
    from lxml import etree

    from tillit_desk.export.docx_body import _add_run

    reference = docx.Document().add_paragraph()
    run = reference.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    ours = docx.Document().add_paragraph()._p
    _add_run(ours, text, bold, italic)

    def runs(p) -> list[bytes]:
        return [etree.tostring(r, method="c14n", exclusive=True) for r in p.findall(run._r.tag)]

    assert runs(ours) == runs(reference._p)


def test_numbered_items_nested_in_a_bullet_list_are_numbered_in_word(example_case, registry):
    example_case.sections["bedomning"] = "- punkt\n  1. första\n  2. andra\n- sista"
    data, _ = render_docx(example_case, registry.get("generic"))
    from lxml import etree

    document = etree.fromstring(part(data, "word/document.xml").encode("utf-8"))
    numbering = etree.fromstring(part(data, "word/numbering.xml").encode("utf-8"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    paragraph = document.xpath("//w:p[w:r/w:t='första']", namespaces=ns)[0]
    num_id = paragraph.xpath("string(.//w:numId/@w:val)", namespaces=ns)
    assert paragraph.xpath("string(.//w:ilvl/@w:val)", namespaces=ns) == "1"
    abstract = numbering.xpath(f"string(//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val)",
                               namespaces=ns)
    formats = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:numFmt"
                              "/@w:val", namespaces=ns)
    assert formats == ["bullet", "decimal", "bullet"]
