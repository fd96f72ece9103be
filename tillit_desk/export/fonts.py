"""Which of a document's fonts this machine lacks, so a PDF never changes typeface silently.

LibreOffice replaces a missing font with another one; the PDF then breaks lines and pages
differently from Word. Fonts with a metric-compatible stand-in that is installed (Liberation for
Times New Roman/Arial/Courier New, Carlito for Calibri, Caladea for Cambria) print with the same
line breaks and are not reported. Font lists come from fontconfig (``fc-list``), which is what
LibreOffice uses on Linux; where it is missing nothing can be said and nothing is reported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .ooxml import SAFE_PARSER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
METRIC_COMPATIBLE = {
    "times new roman": "liberation serif", "arial": "liberation sans",
    "courier new": "liberation mono", "calibri": "carlito", "cambria": "caladea",
    "helvetica": "liberation sans", "times": "liberation serif",
}
_PARTS = re.compile(r"word/(document|styles|header\d*|footer\d*|numbering)\.xml$")


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """Lower-case family names fontconfig knows; None when fontconfig is not there."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True,
                             timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip().lower() for line in out.splitlines()
                     for name in line.split(",") if name.strip())


@lru_cache(maxsize=64)
def substitute(family: str) -> str:
    """The family fontconfig picks instead (empty if it cannot say)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return ""
    try:
        out = subprocess.run([fc_match, "-f", "%{family[0]}", family], capture_output=True,
                             text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.strip()


def _rfonts(el) -> tuple[list[str], set[str]]:
    """Explicit Latin fonts of the w:rFonts under ``el``, and the theme fonts it points at
    ("majorFont"/"minorFont")."""
    found: list[str] = []
    theme: set[str] = set()
    for rf in el.iter(f"{_W}rFonts"):
        found += [v for v in (rf.get(f"{_W}ascii"), rf.get(f"{_W}hAnsi")) if v]
        for attr in ("asciiTheme", "hAnsiTheme"):
            value = rf.get(f"{_W}{attr}") or ""
            if value.startswith(("major", "minor")):
                theme.add("majorFont" if value.startswith("major") else "minorFont")
    return found, theme


def _font_of(el) -> str | None:
    """The Latin font an element's own rPr sets: a name, "theme:majorFont"/"theme:minorFont",
    or None when it sets none."""
    rpr = el.find(f"{_W}rPr") if el.tag != f"{_W}docDefaults" else el.find(
        f"{_W}rPrDefault/{_W}rPr")
    rf = rpr.find(f"{_W}rFonts") if rpr is not None else None
    if rf is None:
        return None
    if rf.get(f"{_W}ascii"):
        return rf.get(f"{_W}ascii")
    theme = rf.get(f"{_W}asciiTheme") or ""
    if theme.startswith(("major", "minor")):
        return "theme:" + ("majorFont" if theme.startswith("major") else "minorFont")
    return None


def _resolved(style_id: str, by_id: dict) -> str | None:
    """The font a style prints in: its own, else its base style's (a chain of basedOn)."""
    seen: set[str] = set()
    while style_id and style_id in by_id and style_id not in seen:
        seen.add(style_id)
        font = _font_of(by_id[style_id])
        if font is not None:
            return font
        based = by_id[style_id].find(f"{_W}basedOn")
        style_id = based.get(f"{_W}val") if based is not None else ""
    return None


def document_fonts(docx: Path) -> list[str]:
    """Font families the printed text uses: the defaults, the styles the document uses (with
    the styles they are based on), direct formatting in text, headers and footers, and the
    theme's Latin fonts when one of those points at the theme. Styles nobody uses and bullet
    fonts are not counted: they never reach the page as text."""
    fonts: dict[str, None] = {}
    uses_theme: set[str] = set()
    with zipfile.ZipFile(docx) as zf:
        names = zf.namelist()
        used: set[str] = set()
        for name in names:
            if not _PARTS.search(name) or name.endswith(("styles.xml", "numbering.xml")):
                continue
            root = etree.fromstring(zf.read(name), SAFE_PARSER)
            for tag in ("pStyle", "rStyle", "tblStyle"):
                used |= {el.get(f"{_W}val") for el in root.iter(f"{_W}{tag}")}
            found, theme = _rfonts(root)
            fonts.update(dict.fromkeys(found))
            uses_theme |= theme
        if "word/styles.xml" in names:
            styles = etree.fromstring(zf.read("word/styles.xml"), SAFE_PARSER)
            by_id = {st.get(f"{_W}styleId"): st for st in styles.iter(f"{_W}style")}
            used |= {sid for sid, st in by_id.items() if st.get(f"{_W}default") in ("1", "true")
                     and st.get(f"{_W}type") == "paragraph"}
            defaults = styles.find(f"{_W}docDefaults")
            default_font = _font_of(defaults) if defaults is not None else None
            for sid in used:
                font = _resolved(sid, by_id) or default_font
                if font is None:
                    continue
                if font.startswith("theme:"):
                    uses_theme.add(font[6:])
                else:
                    fonts[font] = None
        theme_part = next((n for n in names if re.fullmatch(r"word/theme/theme\d*\.xml", n)),
                          None)
        if uses_theme and theme_part:
            root = etree.fromstring(zf.read(theme_part), SAFE_PARSER)
            for kind in sorted(uses_theme):
                latin = root.find(f".//{_A}{kind}/{_A}latin")
                if latin is not None and latin.get("typeface"):
                    fonts[latin.get("typeface")] = None
    return list(fonts)


def missing_fonts(docx: Path) -> list[str]:
    """The document's fonts that will print in another typeface on this machine."""
    installed = installed_families()
    if installed is None:
        return []
    missing = []
    for family in document_fonts(docx):
        key = family.lower()
        if key in installed or key.startswith("+"):  # "+mn-lt": a theme reference
            continue
        stand_in = METRIC_COMPATIBLE.get(key)
        if stand_in and stand_in in installed:
            continue
        missing.append(family)
    return missing


def font_warnings(docx: Path) -> list[str]:
    out = []
    for family in missing_fonts(docx):
        instead = substitute(family)
        out.append(f"Typsnittet {family} i Word-mallen finns inte på den här datorn; PDF:en "
                   f"skrivs med {instead or 'ett annat typsnitt'} i stället, så rader och sidor "
                   "kan brytas annorlunda än i Word. Installera typsnittet för en exakt PDF.")
    return out
