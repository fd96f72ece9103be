"""Small WordprocessingML helpers python-docx has no API for."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_table_borders(tbl, value: str, size: int = 4, color: str = "808080") -> None:
    """All borders of a ``w:tbl`` at once: ``"single"`` for grids, ``"nil"`` for layout tables."""
    borders = OxmlElement("w:tblBorders")
    for edge in _EDGES:
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), value)
        if value != "nil":
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:color"), color)
        borders.append(el)
    tbl.tblPr.append(borders)
