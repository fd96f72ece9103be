"""What Word and LibreOffice do to a document does not change what the import reads."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from .docxedit import W, find_paragraph, rewrite, run, w, without_case_part, xml_edit

REGISTRY = ProfileRegistry(user_dir=None)
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _import_text(data: bytes):
    return build_case(read_plan(without_case_part(data), REGISTRY, name="t.docx"))


def _split_runs(root) -> None:
    """Runs split every few characters, with proofing marks and bookmarks between them."""
    for r in list(root.iter(W + "r")):
        children = [c for c in r if c.tag != W + "rPr"]
        if len(children) != 1 or children[0].tag != W + "t" or len(children[0].text or "") < 2:
            continue
        text = children[0].text
        rpr = r.find(W + "rPr")
        parent = r.getparent()
        index = parent.index(r)
        parent.remove(r)
        for n, start in enumerate(range(0, len(text), 3)):
            piece = run(text[start:start + 3])
            if rpr is not None:
                piece.insert(0, etree.fromstring(etree.tostring(rpr)))
            parent.insert(index, piece)
            index += 1
            if n % 2:
                parent.insert(index, w("proofErr", type="spellStart"))
                parent.insert(index + 1, w("bookmarkStart", id=str(900 + n), name=f"b{n}"))
                parent.insert(index + 2, w("bookmarkEnd", id=str(900 + n)))
                index += 3


def _wrappers(root) -> None:
    # a content control around a whole paragraph (block level)
    p = find_paragraph(root, "Motionärerna anger också")
    sdt = w("sdt")
    sdt.append(w("sdtPr"))
    content = etree.SubElement(sdt, W + "sdtContent")
    p.addprevious(sdt)
    content.append(p)
    # a hyperlink and a field around text
    p = find_paragraph(root, "Med anledning av detta")
    runs = p.findall(W + "r")
    link = etree.SubElement(p, W + "hyperlink")
    link.set(f"{{{R_NS}}}id", "rId999")
    runs[0].addprevious(link)
    link.append(runs[0])
    begin, sep, end = w("fldChar", fldCharType="begin"), w("fldChar", fldCharType="separate"), \
        w("fldChar", fldCharType="end")
    instr = w("instrText")
    instr.text = " MERGEFIELD Motionärer "
    for el in (begin, instr, sep):
        r = w("r")
        r.append(el)
        link.addprevious(r)
    r = w("r")
    r.append(end)
    p.append(r)
    # a text box (mc:AlternateContent) and a picture inside paragraphs; a section break
    p = find_paragraph(root, "Stommen i Lunds styrmodell")
    r = w("r")
    ac = etree.SubElement(r, f"{{{MC}}}AlternateContent")
    choice = etree.SubElement(ac, f"{{{MC}}}Choice", Requires="wps")
    drawing = etree.SubElement(choice, W + "drawing")
    box = etree.SubElement(drawing, W + "txbxContent")
    box.append(w("p"))
    box[0].append(run("RUTANS TEXT"))
    fallback = etree.SubElement(ac, f"{{{MC}}}Fallback")
    pict = etree.SubElement(fallback, W + "pict")
    box = etree.SubElement(pict, W + "txbxContent")
    box.append(w("p"))
    box[0].append(run("RUTANS TEXT"))
    p.append(r)
    r = w("r")
    r.append(w("drawing"))
    find_paragraph(root, "Det innebär att nämnderna").append(r)
    ppr = find_paragraph(root, "Lunds kommun använder sig idag").find(W + "pPr")
    ppr.append(w("sectPr"))


def test_split_runs_wrappers_fields_and_boxes_read_the_same(example_case):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    plain = _import_text(data)
    edited = rewrite(data, {"word/document.xml": xml_edit(lambda root: (_split_runs(root),
                                                                         _wrappers(root)))})
    result = _import_text(edited)
    assert result.case.sections == plain.case.sections
    assert result.case.document == plain.case.document
    assert result.case.signatories == plain.case.signatories
    assert "RUTANS TEXT" not in str(result.case.sections)
    notes = " ".join(result.report.unplaced)
    assert "Textruta: RUTANS TEXT" in notes and "en bild lästes inte in" in notes


def test_smart_quotes_numbers_and_colons_in_headings_still_match(example_case):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))

    def decorate(root) -> None:
        for p in root.iter(W + "p"):
            ts = list(p.iter(W + "t"))
            if ts and ts[0].text == "Ärendet":
                ts[0].text = "3. ÄRENDET:"
            if ts and ts[0].text == "Barnets bästa":
                ts[0].text = "Barnets\u00a0bästa"
    result = _import_text(rewrite(data, {"word/document.xml": xml_edit(decorate)}))
    assert result.case.sections["arendet"] == _import_text(data).case.sections["arendet"]
    # found under its decorated heading: it holds the profile's "inte relevant" sentence
    assert "barnets_basta" in result.case.layout.not_relevant
    assert result.case.layout.headings == {}  # the same names: no heading renamed


@pytest.mark.print
def test_a_file_saved_by_libreoffice_reads_the_same(example_case, soffice, tmp_path):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    src = tmp_path / "in" / "export.docx"
    src.parent.mkdir()
    src.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "docx", "--outdir", str(out), str(src)], check=True,
                   capture_output=True, timeout=180)
    saved = (out / "export.docx").read_bytes()
    shutil.rmtree(tmp_path / "lo", ignore_errors=True)
    plain = _import_text(data)
    again = _import_text(saved)
    assert again.case.sections == plain.case.sections
    assert again.case.document == plain.case.document
    assert again.case.underlag == plain.case.underlag
    assert again.case.skickas_till == plain.case.skickas_till
    assert again.case.signatories == plain.case.signatories
    # and LibreOffice kept the embedded case
    embedded = build_case(read_plan(saved, REGISTRY, name="t.docx"))
    assert embedded.report.embedded


def test_an_unclosed_field_code_hides_nothing_after_its_paragraph(example_case):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))

    def broken_field(root) -> None:
        p = find_paragraph(root, "Motionärerna anger också")
        begin = w("r")
        begin.append(w("fldChar", fldCharType="begin"))
        instr = w("r")
        instr.append(w("instrText"))
        instr[0].text = " HYPERLINK \"x\" "
        p.append(begin)
        p.append(instr)  # and no separate, no end

    result = _import_text(rewrite(data, {"word/document.xml": xml_edit(broken_field)}))
    assert result.case.sections == _import_text(data).case.sections
