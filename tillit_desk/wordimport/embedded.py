"""Read the case a Tillit Desk export embedded in itself (export/case_part.py writes it)."""

from __future__ import annotations

from ..case import Case
from ..errors import TillitError
from ..export.case_part import NAMESPACE
from .package import parse_xml


def read_case_part(items: list[bytes]) -> Case | None:
    """The embedded case among a DOCX's custom XML items, or None.

    A part that is ours but cannot be read counts as absent: the import then reads the
    document's text like any other DOCX (and says so).
    """
    from ..fileformat import case_from_json

    for raw in items:
        if NAMESPACE.encode() not in raw[:400]:
            continue
        try:
            root = parse_xml(raw, "Det inbäddade ärendet")
            if root.tag != f"{{{NAMESPACE}}}case":
                continue
            return case_from_json(root.text or "", "Det inbäddade ärendet")
        except TillitError:
            return None
    return None
