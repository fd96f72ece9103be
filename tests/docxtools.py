"""Read an exported DOCX back the way a reviewer would: styles, headings, header XML."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn


@dataclass
class Para:
    text: str
    style_id: str
    style_name: str
    outline: int | None  # 0-based outline level from the paragraph's style, None for body text
    numbered: bool  # has numPr: a real Word list item


def _outline(style) -> int | None:
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None:
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None:
                return int(lvl.get(qn("w:val")))
        style = style.base_style
    return None


def paragraphs(data: bytes) -> list[Para]:
    document = docx.Document(io.BytesIO(data))
    out = []
    for p in document.paragraphs:
        style = p.style
        ppr = p._p.pPr
        numbered = ppr is not None and ppr.numPr is not None
        out.append(Para(p.text, style.style_id, style.name, _outline(style), numbered))
    return out


def headings(data: bytes) -> list[tuple[int, str]]:
    """(outline level 1-based, text) for every paragraph whose style is a heading style."""
    return [(p.outline + 1, p.text) for p in paragraphs(data) if p.outline is not None]


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def header_xml(data: bytes) -> str:
    return " ".join(part(data, n) for n in part_names(data) if n.startswith("word/header"))


def all_text(data: bytes) -> str:
    """Every w:t in body, tables, headers and footers."""
    import re

    xml = part(data, "word/document.xml") + header_xml(data)
    xml += " ".join(part(data, n) for n in part_names(data) if n.startswith("word/footer"))
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    import html

    return "".join(html.unescape(t) for t in texts)


def patched_template(src, out, replacements: dict[str, str] | None = None,
                     header_replacements: dict[bytes, bytes] | None = None):
    """Copy a Word template, replacing text in word/document.xml (each must be present) and
    bytes in the headers: how the tests make broken, hostile or outdated templates."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/header"):
                for old, new in (header_replacements or {}).items():
                    data = data.replace(old, new)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for old, new in (replacements or {}).items():
                    assert old in text, old
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return out
