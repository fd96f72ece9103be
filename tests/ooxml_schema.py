"""Validate the WordprocessingML parts of a DOCX against the ECMA-376 Transitional schemas.

Adapted from the team's `shared/tools/ooxml_validate.py` (same checks, as a test helper): Word
refuses or "repairs" a document whose XML breaks the schema (an element out of order inside
``w:tblPr`` is enough) while LibreOffice and python-docx accept it, so every export in the test
suite goes through :func:`schema_errors`. Markup-compatibility extensions (``mc:Ignorable``
namespaces such as w14/w15) are dropped first, as Word itself ignores them.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

XSD = Path(__file__).resolve().parent / "ooxml-xsd"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PARTS = re.compile(r"word/(document|styles|numbering|settings|header\d*|footer\d*|comments"
                   r"|footnotes|endnotes|fontTable)\.xml$")


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    # wml.xsd and shared-math.xsd import the xml: namespace from the small local _xml.xsd.
    return etree.XMLSchema(etree.parse(str(XSD / "wml.xsd")))


def _strip_ignorable(root: etree._Element) -> None:
    ign = set()
    for el in root.iter():
        value = el.get(f"{{{MC}}}Ignorable")
        if value:
            ign |= {el.nsmap.get(p) for p in value.split()}
            del el.attrib[f"{{{MC}}}Ignorable"]
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag.startswith(f"{{{MC}}}AlternateContent"):
            fallback = el.find(f"{{{MC}}}Fallback")
            parent = el.getparent()
            if fallback is not None:
                for child in list(fallback):
                    parent.insert(parent.index(el), child)
            parent.remove(el)
            continue
        if etree.QName(el).namespace in ign and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for attr in list(el.attrib):
            if attr.startswith("{") and attr[1:].split("}")[0] in ign:
                del el.attrib[attr]


def schema_errors(docx: bytes | str | Path) -> list[str]:
    """One line per schema error ("part:line: message"); empty for a valid document."""
    source = io.BytesIO(docx) if isinstance(docx, bytes) else docx
    sch = schema()
    errors = []
    with zipfile.ZipFile(source) as zf:
        for name in zf.namelist():
            if not PARTS.search(name):
                continue
            root = etree.fromstring(zf.read(name))
            if etree.QName(root).namespace != W:
                continue
            _strip_ignorable(root)
            if not sch.validate(root):
                errors.extend(f"{name}:{e.line}: {e.message}" for e in sch.error_log)
    return errors
