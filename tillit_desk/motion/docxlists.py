"""Bullets and numbers of Word lists, which python-docx's ``paragraph.text`` leaves out.

A list paragraph has ``w:numPr`` on itself or on its style (Word's "List Bullet"/"List Number"
styles); the numbering part says per level whether it is a bullet or a number. We give the
paragraph a plain-text marker ("• ", "3. ", "b) ") so the parser sees the list as a reader does.
"""

from __future__ import annotations

from docx.oxml.ns import qn

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class ListMarkers:
    def __init__(self, document) -> None:
        self._formats: dict[tuple[str, int], str] = {}
        self._counters: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering = None
        if numbering is None:
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            node = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            if node is None:
                continue
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                level = int(lvl.get(qn("w:ilvl"), "0") or 0)
                self._formats[(num.get(qn("w:numId")), level)] = (
                    fmt.get(qn("w:val")) if fmt is not None else "bullet")

    @staticmethod
    def _num_pr(paragraph):
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style = paragraph.style
        for _ in range(10):  # style chains are short; a cycle must not hang us
            if style is None:
                return None
            s_pr = style.element.pPr
            if s_pr is not None and s_pr.numPr is not None:
                return s_pr.numPr
            style = style.base_style
        return None

    def prefix(self, paragraph) -> str:
        try:
            num_pr = self._num_pr(paragraph)
        except (AttributeError, KeyError, ValueError):
            return ""
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if num_id == "0":
            return ""
        fmt = self._formats.get((num_id, level), "bullet")
        if fmt in ("bullet", "none"):
            return "• "
        key = (num_id, level)
        self._counters[key] = n = self._counters.get(key, 0) + 1
        if fmt in ("lowerLetter", "upperLetter"):
            letter = _LETTERS[(n - 1) % 26]
            return f"{letter.upper() if fmt == 'upperLetter' else letter}) "
        return f"{n}. "
