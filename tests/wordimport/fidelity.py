"""What a reader sees in a tjänsteskrivelse, as a list of lines, to compare a document brought
in from Word and exported again with the original (tests/wordimport/test_fidelity.py).

Read straight from the WordprocessingML with lxml, not with the import's reader: each body
paragraph becomes one :class:`Line` with its kind — ``title``, ``heading`` (a heading style, an
outline level, or a short paragraph that is bold throughout, as templates without heading
styles write them), ``bullet`` / ``number`` (Word numbering, from the paragraph or its style,
decided by the level's ``numFmt``), ``att`` (an att-sats: "att" and a tab or space) or ``para``
— and its text with spaces and tabs made single spaces; a manual line break starts a new line of
the same kind. Tables give one ``row``
line per row. Text before the title (the first page's fields, an addressee) is kept apart in
:attr:`Reading.before_title`; headers and footers are the template's and are not read.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ATT = re.compile(r"^att[\t \u00a0]+", re.I)


@dataclass(frozen=True)
class Line:
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind:8} {self.text}"


@dataclass
class Reading:
    before_title: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # from the title on


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").split())


class _Styles:
    """Outline level, Title-ness and numbering of paragraph styles (following basedOn)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.styles: dict[str, etree._Element] = {}
        if "word/styles.xml" in zf.namelist():
            root = etree.fromstring(zf.read("word/styles.xml"))
            for st in root.iter(W + "style"):
                self.styles[st.get(W + "styleId")] = st
        self.formats: dict[tuple[str, int], str] = {}
        if "word/numbering.xml" in zf.namelist():
            root = etree.fromstring(zf.read("word/numbering.xml"))
            abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
            for num in root.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                a = abstract.get(ref.get(W + "val")) if ref is not None else None
                if a is None:
                    continue
                for lvl in a.iter(W + "lvl"):
                    fmt = lvl.find(W + "numFmt")
                    value = fmt.get(W + "val") if fmt is not None else "decimal"
                    self.formats[(num.get(W + "numId"), int(lvl.get(W + "ilvl")))] = value

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            st = self.styles[style_id]
            yield st
            based = st.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def is_heading(self, style_id: str | None) -> bool:
        for st in self.chain(style_id):
            if st.find(f"{W}pPr/{W}outlineLvl") is not None:
                return True
            name = st.find(W + "name")
            if name is not None and re.match(r"(heading|rubrik) \d", name.get(W + "val"), re.I):
                return True
        return False

    def is_title(self, style_id: str | None) -> bool:
        for st in self.chain(style_id):
            name = st.find(W + "name")
            if name is not None and name.get(W + "val").lower() in ("title", "rubrik"):
                return True
        return False

    def numpr(self, style_id: str | None):
        for st in self.chain(style_id):
            num = st.find(f"{W}pPr/{W}numPr")
            if num is not None:
                return num
        return None

    def list_kind(self, p: etree._Element, style_id: str | None) -> str | None:
        num = p.find(f"{W}pPr/{W}numPr")
        if num is None:
            num = self.numpr(style_id)
        if num is None:
            return None
        nid = num.find(W + "numId")
        ilvl = num.find(W + "ilvl")
        if nid is None or nid.get(W + "val") == "0":
            return None
        level = int(ilvl.get(W + "val")) if ilvl is not None else 0
        fmt = self.formats.get((nid.get(W + "val"), level), "decimal")
        return "bullet" if fmt in ("bullet", "none") else "number"


def _text(p: etree._Element) -> tuple[str, bool]:
    """The paragraph's text and whether every run with text is bold."""
    out: list[str] = []
    bold_all, any_text = True, False
    for r in p.iter(W + "r"):
        if any(a.tag == W + "del" for a in r.iterancestors()):
            continue
        piece = ""
        for el in r:
            if el.tag == W + "t":
                piece += el.text or ""
            elif el.tag == W + "tab":
                piece += "\t"
            elif el.tag in (W + "br", W + "cr"):
                piece += "\n"
            elif el.tag == W + "noBreakHyphen":
                piece += "-"
        if piece.strip():
            any_text = True
            b = r.find(f"{W}rPr/{W}b")
            if b is None or b.get(W + "val") in ("0", "false"):
                bold_all = False
        out.append(piece)
    return "".join(out), any_text and bold_all


def read(data: bytes) -> Reading:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = _Styles(zf)
        root = etree.fromstring(zf.read("word/document.xml"))
    body = root.find(W + "body")
    reading = Reading()
    target = reading.before_title
    for el in body:
        if el.tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                cells = [" ".join(_flat(_text(p)[0]) for p in tc.iter(W + "p"))
                         for tc in tr.iter(W + "tc")]
                line = " | ".join(c for c in cells)
                if _flat(line.replace("|", "")):
                    target.append(Line("row", line))
            continue
        if el.tag != W + "p":
            continue
        sid_el = el.find(f"{W}pPr/{W}pStyle")
        sid = sid_el.get(W + "val") if sid_el is not None else None
        raw, bold = _text(el)
        text = _flat(raw)
        if not text:
            continue
        if styles.is_title(sid):
            reading.lines.append(Line("title", text))
            target = reading.lines
            continue
        kind = styles.list_kind(el, sid)
        if kind is None:
            if styles.is_heading(sid) or (bold and "\n" not in raw.strip() and len(text) < 90):
                kind = "heading"
            elif _ATT.match(raw.lstrip()):
                kind, raw = "att", _ATT.sub("", raw.lstrip(), count=1)
            else:
                kind = "para"
        # a line break shows as a new line: "För kännedom:" over its names in one paragraph
        # reads like a label paragraph and a name paragraph
        target.extend(Line(kind, _flat(part)) for part in raw.split("\n") if _flat(part))
    return reading


def differences(original: list[Line], exported: list[Line]) -> list[str]:
    """The lines that differ, as a reader would list them: "- original" / "+ exported"."""
    out: list[str] = []
    a = [str(x) for x in original]
    b = [str(x) for x in exported]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out.extend(f"- {x}" for x in a[i1:i2])
        out.extend(f"+ {x}" for x in b[j1:j2])
    return out
