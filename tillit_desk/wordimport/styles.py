"""What the import needs from styles.xml and numbering.xml: outline levels, title styles, bold
and italic, and whether a numbered paragraph is a numbered list, bullets or no list at all.
"""

from __future__ import annotations

from .package import NS

W = f"{{{NS['w']}}}"


def toggle_on(el) -> bool:
    """A toggle property (w:b, w:i): present and not switched off."""
    if el is None:
        return False
    return (el.get(f"{W}val") or "true").lower() not in ("0", "false", "off", "none")


def _norm(text: str | None) -> str:
    return (text or "").lower().replace(" ", "")


_HEADING_PREFIXES = ("heading", "rubrik", "överskrift", "overskrift", "berschrift")
_TITLE_NAMES = ("title", "rubrik", "titel", "dokumentrubrik")


class Styles:
    """What the import needs from styles.xml: outline levels, numbering, bold and italic."""

    def __init__(self, root) -> None:
        self.styles: dict[str, dict] = {}
        if root is None:
            return
        for st in root.iterchildren(f"{W}style"):
            sid = st.get(f"{W}styleId") or ""
            name_el = st.find(f"{W}name")
            based = st.find(f"{W}basedOn")
            ppr = st.find(f"{W}pPr")
            rpr = st.find(f"{W}rPr")
            info: dict = {"name": _norm(name_el.get(f"{W}val") if name_el is not None else ""),
                          "based": based.get(f"{W}val") if based is not None else None,
                          "type": st.get(f"{W}type") or ""}
            if ppr is not None:
                lvl = ppr.find(f"{W}outlineLvl")
                if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
                    info["outline"] = int(lvl.get(f"{W}val"))
                num = ppr.find(f"{W}numPr")
                if num is not None:
                    info["num"] = num_pr(num)
            if rpr is not None:
                if rpr.find(f"{W}b") is not None:
                    info["bold"] = toggle_on(rpr.find(f"{W}b"))
                if rpr.find(f"{W}i") is not None:
                    info["italic"] = toggle_on(rpr.find(f"{W}i"))
            self.styles[sid] = info

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield sid, self.styles[sid]
            sid = self.styles[sid]["based"]

    def lookup(self, sid: str | None, key: str):
        for _sid, info in self._chain(sid):
            if key in info:
                return info[key]
        return None

    def heading_level(self, sid: str | None) -> int:
        for own, info in self._chain(sid):
            for key in (info["name"], _norm(own)):
                for prefix in _HEADING_PREFIXES:
                    rest = key[len(prefix):] if key.startswith(prefix) else ""
                    if rest.isdigit() and 1 <= int(rest) <= 9:
                        return int(rest)
            if "outline" in info and info["outline"] < 9:
                return info["outline"] + 1
        return 0

    def is_title(self, sid: str | None) -> bool:
        if not sid:
            return False
        info = self.styles.get(sid, {})
        return info.get("name") in _TITLE_NAMES or _norm(sid) in _TITLE_NAMES


def num_pr(num) -> tuple[str | None, int | None]:
    nid = num.find(f"{W}numId")
    ilvl = num.find(f"{W}ilvl")
    level = ilvl.get(f"{W}val") if ilvl is not None else None
    return (nid.get(f"{W}val") if nid is not None else None,
            int(level) if level and level.isdigit() else None)


class Numbering:
    """numId + level → numbered, bullet, or no list at all (numFmt "none", numId 0)."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, str]] = {}
        self.nums: dict[str, tuple[str, dict[int, str]]] = {}
        if root is None:
            return
        for ab in root.iterchildren(f"{W}abstractNum"):
            self.abstract[ab.get(f"{W}abstractNumId") or ""] = _levels(ab)
        for num in root.iterchildren(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            overrides: dict[int, str] = {}
            for ov in num.iterchildren(f"{W}lvlOverride"):
                overrides.update(_levels(ov))
            self.nums[num.get(f"{W}numId") or ""] = (
                ref.get(f"{W}val") if ref is not None else "", overrides)

    def kind(self, num_id: str | None, level: int) -> bool | None:
        """True numbered, False bullets, None: not a list."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        fmt = overrides.get(level) or self.abstract.get(abstract_id, {}).get(level)
        if fmt is None:
            fmt = self.abstract.get(abstract_id, {}).get(0, "bullet")
        if fmt == "none":
            return None
        return fmt != "bullet"


def _levels(el) -> dict[int, str]:
    out = {}
    for lvl in el.iterchildren(f"{W}lvl"):
        fmt = lvl.find(f"{W}numFmt")
        idx = lvl.get(f"{W}ilvl") or "0"
        if idx.isdigit():
            out[int(idx)] = fmt.get(f"{W}val") if fmt is not None else "decimal"
    return out
