"""Small WordprocessingML helpers python-docx has no API for.

Every element is placed where the schema wants it (Word rejects or "repairs" a document whose
children are out of order, while LibreOffice accepts it): the sequences below are the ECMA-376
Transitional ones.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

LANGUAGE = "sv-SE"
APPLICATION = "Tillit Desk"
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
               "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
               "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
              "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc",
              "w:hidden", "w:ins", "w:del", "w:trPrChange")
# Children of w:settings that come after w:zoom / before w:themeFontLang etc.
_SETTINGS_AFTER_LANG = ("w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                        "w:readModeInkLockDown", "w:smartTagType", "w:schemaLibrary",
                        "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                        "w:listSeparator")
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def insert_ordered(parent, child, order: tuple[str, ...]):
    """Put ``child`` into ``parent`` at its schema position (replacing one of the same tag)."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    local = [qn(t) for t in order]
    later = local[local.index(tag) + 1:] if tag in local else []
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


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
    insert_ordered(tbl.tblPr, borders, TBLPR_ORDER)


def set_table_description(tbl, text: str) -> None:
    """The table's alternative text (screen readers; Word's Table Properties → Alt Text)."""
    desc = OxmlElement("w:tblDescription")
    desc.set(qn("w:val"), text)
    insert_ordered(tbl.tblPr, desc, TBLPR_ORDER)


def set_row_flags(tr, *, cant_split: bool = False, header: bool = False) -> None:
    """Row properties: never break this row across pages; repeat it as a header row."""
    tr_pr = tr.get_or_add_trPr()
    for flag, tag in ((cant_split, "w:cantSplit"), (header, "w:tblHeader")):
        if flag:
            insert_ordered(tr_pr, OxmlElement(tag), TRPR_ORDER)


def swedish_settings(settings_el) -> None:
    """settings.xml as Swedish Word writes it: zoom with its required percent, Swedish theme
    font language, decimal comma and semicolon list separator (python-docx ships US ones)."""
    zoom = settings_el.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")
    theme = settings_el.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        later = [qn(t) for t in _SETTINGS_AFTER_LANG]
        for existing in settings_el:
            if existing.tag in later:
                existing.addprevious(theme)
                break
        else:
            settings_el.append(theme)
    theme.set(qn("w:val"), LANGUAGE)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        el = settings_el.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), value)


def swedish_styles(styles_el) -> None:
    """Swedish as the proofing language of the defaults and of every style that names one."""
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        insert_ordered(rpr, OxmlElement("w:lang"),
                       ("w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"))
    for lang in styles_el.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        if lang.get(qn("w:eastAsia")) is not None:
            lang.set(qn("w:eastAsia"), LANGUAGE)


def drop_legacy_parts(document) -> None:
    """stylesWithEffects.xml is Word 2010's second copy of the styles (US language, ~0.4 MB);
    later Word neither writes nor needs it."""
    rels = document.part.rels
    for rid, rel in list(rels.items()):
        if not rel.is_external and rel.reltype.endswith("/stylesWithEffects"):
            del rels[rid]


_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CT_EXTENDED = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def name_application(package) -> None:
    """docProps/app.xml says which program wrote the file: Tillit Desk, not the Word that made
    the template (python-docx's default says "Microsoft Macintosh Word")."""
    old = None
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            old = rel.target_part
            del package.rels[rid]
    root = None
    if old is not None:
        try:
            root = etree.fromstring(old.blob, SAFE_PARSER)
        except etree.XMLSyntaxError:
            root = None
    if root is None or root.tag != f"{{{_EP}}}Properties":
        root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP})
    for local in ("AppVersion",):
        for el in root.findall(f"{{{_EP}}}{local}"):
            root.remove(el)
    app = root.find(f"{{{_EP}}}Application")
    if app is None:
        app = etree.SubElement(root, f"{{{_EP}}}Application")
    app.text = APPLICATION
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    partname = old.partname if old is not None else PackURI("/docProps/app.xml")
    package.relate_to(Part(partname, _CT_EXTENDED, blob, package), RT.EXTENDED_PROPERTIES)


def swedish_text_language(root) -> None:
    """Text a template marks as another language (a header written in English Word) is
    proofed as Swedish too."""
    for lang in root.iter(qn("w:lang")):
        if lang.get(qn("w:val")) is not None:
            lang.set(qn("w:val"), LANGUAGE)


def normalise_package(document) -> None:
    """What every document we write gets: Swedish settings, styles and text language, no
    legacy style copy, and app.xml naming Tillit Desk."""
    swedish_settings(document.settings.element)
    swedish_styles(document.styles.element)
    swedish_text_language(document.element)
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                swedish_text_language(element)
    drop_legacy_parts(document)
    name_application(document.part.package)
