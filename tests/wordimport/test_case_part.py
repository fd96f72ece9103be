"""The exported DOCX carries its case: one custom XML part, no review data in it."""

from __future__ import annotations

import io
import json
import zipfile

import docx
from lxml import etree

from tillit_desk.export.case_part import NAMESPACE
from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.review.workflow import add_comment, set_status
from tillit_desk.versions import save_version
from tillit_desk.wordimport.embedded import read_case_part

REGISTRY = ProfileRegistry(user_dir=None)
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def test_the_export_embeds_the_case_without_review_data(example_case):
    add_comment(example_case, "arendet", "HEMLIG-KOMMENTAR", "Granskare Grön")
    set_status(example_case, "arendet", "granskad", by="Granskare Grön")
    save_version(example_case, "VERSIONSNAMN", author="Granskare Grön")
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        ours = [n for n in zf.namelist() if n.startswith("customXml/item")
                and "Props" not in n and NAMESPACE.encode() in zf.read(n)[:400]]
        assert len(ours) == 1
        root = etree.fromstring(zf.read(ours[0]))
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
        everything = b"".join(zf.read(n) for n in zf.namelist())
    payload = json.loads(root.text)
    assert "review" not in payload
    assert payload["sections"] == example_case.sections
    assert RT in rels and f"../{ours[0]}" in rels
    assert "customXmlProperties+xml" in types
    for secret in (b"HEMLIG-KOMMENTAR", b"Granskare Gr", b"VERSIONSNAMN"):
        assert secret not in everything
    # the case comes back whole, and survives python-docx opening and saving the file
    out = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(out)
    with zipfile.ZipFile(out) as zf:
        items = [zf.read(n) for n in zf.namelist() if n.startswith("customXml/item")]
    case = read_case_part(items)
    assert case is not None
    assert case.sections == example_case.sections
    assert case.motion == example_case.motion


def test_a_damaged_case_part_is_ignored_and_the_text_read(example_case):
    from tillit_desk.wordimport.importer import build_case
    from tillit_desk.wordimport.mapping import read_plan

    from .docxedit import rewrite

    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        name = next(n for n in zf.namelist() if n.startswith("customXml/item")
                    and "Props" not in n and NAMESPACE.encode() in zf.read(n)[:400])
    broken = rewrite(data, {name: lambda raw: raw.replace(b'"sections"', b'"sections":1,"x"',
                                                          1)})
    result = build_case(read_plan(broken, REGISTRY, name="x.docx"))
    assert not result.report.embedded
    assert result.case.sections["arendet"] == example_case.sections["arendet"]
