"""Edit a DOCX the way Word does, with lxml on its parts (for the import tests)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
CASE_NS = b"urn:tillit-desk:case"


def rewrite(data: bytes, edits: dict[str, Callable[[bytes], bytes]],
            drop: Callable[[str, bytes], bool] | None = None,
            add: dict[str, bytes] | None = None) -> bytes:
    """A new DOCX: ``edits`` change parts by name, ``drop`` leaves parts out, ``add`` adds."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info.filename)
            if drop and drop(info.filename, raw):
                continue
            if info.filename in edits:
                raw = edits[info.filename](raw)
            dst.writestr(info.filename, raw)
        for name, raw in (add or {}).items():
            dst.writestr(name, raw)
    return out.getvalue()


def without_case_part(data: bytes) -> bytes:
    """The export with its embedded case removed: the import must read the text alone."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        ours = {n for n in zf.namelist() if n.startswith("customXml/item")
                and CASE_NS in zf.read(n)[:400]}
    return rewrite(data, {}, drop=lambda name, _raw: name in ours)


def xml_edit(fn: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    def run(raw: bytes) -> bytes:
        root = etree.fromstring(raw)
        fn(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return run


def w(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(W + tag)
    for key, value in attrs.items():
        el.set(W + key, value)
    return el


def run(text: str, deleted: bool = False) -> etree._Element:
    r = w("r")
    t = etree.SubElement(r, W + ("delText" if deleted else "t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def paragraphs(root) -> list[etree._Element]:
    return list(root.iter(W + "p"))


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def find_paragraph(root, contains: str) -> etree._Element:
    for p in paragraphs(root):
        if contains in text_of(p):
            return p
    raise AssertionError(f"no paragraph contains {contains!r}")
