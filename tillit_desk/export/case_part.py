"""The case an export was made from, embedded in the DOCX as a custom XML part.

When the DOCX comes back from Word, the import compares what Word holds with what we wrote
(a three-way diff per section) instead of guessing. The part carries the case's content as JSON
— header fields, sections, lists, the motion — and never the review data (comments, statuses,
versions, reviewers' names), so the file holds nothing a reader of the document cannot already
see or that the motion (a public document) does not say. Word keeps custom XML parts through an
edit and a save; so does LibreOffice.
"""

from __future__ import annotations

import json
import uuid

NAMESPACE = "urn:tillit-desk:case"
PART_VERSION = "1"
CT_ITEM = "application/xml"
CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def case_payload(case) -> str:
    """The case as the part stores it: .tillit JSON without the review data, ASCII only (so
    control characters a case may hold cannot break the XML)."""
    from ..fileformat import FORMAT_ID

    data = {"format": FORMAT_ID, **case.to_dict()}
    data.pop("review", None)
    if case.motion is None:
        data["motion"] = None
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"))


def embed_case(document, case) -> None:
    """Add the case part to a python-docx Document (called by the DOCX export)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in taken or f"/customXml/itemProps{n}.xml" in taken:
        n += 1
    root = etree.Element(f"{{{NAMESPACE}}}case", nsmap={"tillit": NAMESPACE})
    root.set("version", PART_VERSION)
    root.text = case_payload(case)
    item = Part(PackURI(f"/customXml/item{n}.xml"), CT_ITEM,
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
                package)
    props = etree.Element(f"{{{_DS}}}datastoreItem", nsmap={"ds": _DS})
    props.set(f"{{{_DS}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    refs = etree.SubElement(props, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef").set(f"{{{_DS}}}uri", NAMESPACE)
    props_part = Part(PackURI(f"/customXml/itemProps{n}.xml"), CT_PROPS,
                      etree.tostring(props, xml_declaration=True, encoding="UTF-8",
                                     standalone=True), package)
    item.relate_to(props_part, RT_PROPS)
    document.part.relate_to(item, RT_CUSTOM_XML)
