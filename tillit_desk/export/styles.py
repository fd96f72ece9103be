"""Find a Word template's styles by what they are, not by what they are called on screen.

Swedish Word stores "Rubrik 2" with the id ``Rubrik2`` and usually the built-in name
``heading 2``; LibreOffice may write the localised name; English Word writes ``Heading2``. We match
on built-in name, style id, localised names and finally the outline level, so both work.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from docx.oxml.ns import qn

# role -> names (lower case, spaces removed) that identify it by built-in or localised name/id
_ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "normal": ("normal", "standard"),
    "title": ("title", "rubrik", "titel"),
    "heading1": ("heading1", "rubrik1", "überschrift1", "overskrift1"),
    "heading2": ("heading2", "rubrik2", "überschrift2", "overskrift2"),
    "heading3": ("heading3", "rubrik3", "überschrift3", "overskrift3"),
    "list_bullet": ("listbullet", "punktlista", "listepunkt"),
    "list_number": ("listnumber", "numreradlista", "listenummer"),
    "att_sats": ("att-sats", "attsats"),
    "table_grid": ("tablegrid", "tabellrutnät", "tabellrutnat"),
}


@dataclass(frozen=True)
class StyleMap:
    """Style ids to use in the exported document; None where the template has no such style."""

    normal: str | None
    title: str | None
    heading: tuple[str | None, str | None, str | None]
    list_bullet: str | None
    list_number: str | None
    att_sats: str | None
    table_grid: str | None

    def missing(self) -> list[str]:
        out = []
        for level, sid in enumerate(self.heading, 1):
            if sid is None:
                out.append(f"Rubrik {level} (Heading {level})")
        if self.list_bullet is None:
            out.append("Punktlista (List Bullet)")
        if self.list_number is None:
            out.append("Numrerad lista (List Number)")
        return out


def _norm(value: str | None) -> str:
    return (value or "").lower().replace(" ", "")


def resolve_styles(styles_element) -> StyleMap:
    """``styles_element`` is the template's ``w:styles`` element (document.styles.element)."""
    by_role: dict[str, str] = {}
    outline: dict[int, str] = {}
    for style in styles_element.iterchildren(qn("w:style")):
        stype = style.get(qn("w:type"))
        sid = style.get(qn("w:styleId"))
        name_el = style.find(qn("w:name"))
        name = _norm(name_el.get(qn("w:val")) if name_el is not None else "")
        keys = {name, _norm(sid)}
        for role, names in _ROLE_NAMES.items():
            wants_table = role == "table_grid"
            if (stype == "table") != wants_table:
                continue
            if role not in by_role and keys & set(names):
                by_role[role] = sid
        ppr = style.find(qn("w:pPr"))
        if stype == "paragraph" and ppr is not None:
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None:
                with contextlib.suppress(TypeError, ValueError):
                    outline.setdefault(int(lvl.get(qn("w:val"))), sid)
    headings = tuple(by_role.get(f"heading{n}") or outline.get(n - 1) for n in (1, 2, 3))
    return StyleMap(
        normal=by_role.get("normal"),
        title=by_role.get("title"),
        heading=headings,  # type: ignore[arg-type]
        list_bullet=by_role.get("list_bullet"),
        list_number=by_role.get("list_number"),
        att_sats=by_role.get("att_sats"),
        table_grid=by_role.get("table_grid"),
    )
