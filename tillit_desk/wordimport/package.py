"""Open a DOCX as untrusted input: check the zip before unpacking, parse XML without DTDs.

A tjänsteskrivelse comes back by e-mail, so the file is treated like a motion or a template from
outside: sizes are read from the zip's central directory before anything is decompressed, every
XML part is parsed with entities and network access off and refused if it carries a DOCTYPE
(XXE, "billion laughs"), macro-enabled documents are refused, and every failure is a
WordImportError in Swedish. Parts are found through the package relationships, not by name, so
files saved by LibreOffice or renamed parts still open.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..ziplimits import ZipLimits, check_zip
from .errors import WordImportError

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART_BYTES = 30 * 1024 * 1024  # any one XML part
MAX_ENTRIES = 5000
MAX_ZIP_RATIO = 200

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = RT + "officeDocument"
RT_STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CT_MACRO = ("application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
PASTE_HINT = "Spara dokumentet på nytt i Word som ”Word-dokument (*.docx)” och försök igen."


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class Package:
    """The parts of one DOCX that the import reads (parsed), and what it noticed."""

    name: str
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    comments: etree._Element | None = None
    headers: dict[str, etree._Element] = field(default_factory=dict)  # by relationship id
    footers: dict[str, etree._Element] = field(default_factory=dict)
    core: etree._Element | None = None
    custom_xml: list[bytes] = field(default_factory=list)  # raw customXml items (case part)
    warnings: list[str] = field(default_factory=list)

    def core_value(self, local: str) -> str:
        if self.core is None:
            return ""
        for el in self.core.iter():
            if isinstance(el.tag, str) and etree.QName(el).localname == local:
                return (el.text or "").strip()
        return ""


class _Zip:
    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise WordImportError(f"{name}: DOCX-filen är skadad och går inte att öppna. "
                                  f"{PASTE_HINT}") from err
        self._check()
        self.names = {i.filename for i in self.zf.infolist()}

    def _check(self) -> None:
        limits = ZipLimits(MAX_ENTRIES, MAX_UNCOMPRESSED, MAX_PART_BYTES, MAX_ZIP_RATIO)
        check_zip(self.zf, self.name, limits, WordImportError,
                  lambda part: f"delen {part}" if part.endswith(".xml") else None)

    def raw(self, part: str) -> bytes | None:
        part = part.lstrip("/")
        if part not in self.names:
            return None
        info = self.zf.getinfo(part)
        if info.file_size > MAX_PART_BYTES:
            raise WordImportError(f"{self.name}: delen {part} är orimligt stor.")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
            raise WordImportError(f"{self.name}: DOCX-filen är skadad ({part} går inte att "
                                  f"packa upp). {PASTE_HINT}") from err
        if len(data) > MAX_PART_BYTES:  # the directory lied about the size
            raise WordImportError(f"{self.name}: delen {part} är orimligt stor (möjlig "
                                  f"”zip-bomb”).")
        return data

    def xml(self, part: str) -> etree._Element | None:
        data = self.raw(part)
        if data is None:
            return None
        return parse_xml(data, f"{self.name}: {part.lstrip('/')}")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse one XML part; a DOCTYPE is refused outright (Word never writes one)."""
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise WordImportError(
            f"{where}: delen innehåller en DTD med entiteter, som Word aldrig skriver (möjligt "
            f"angrepp, XXE). Filen öppnas inte.")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as err:
        if "depth" in (err.msg or "").lower():
            raise WordImportError(f"{where}: XML-innehållet är orimligt djupt nästlat och "
                                  "läses inte (skydd mot överbelastning).") from err
        raise WordImportError(f"{where}: XML-innehållet är trasigt ({err.msg}). "
                              f"{PASTE_HINT}") from err
    if root is None:
        raise WordImportError(f"{where}: delen är tom. {PASTE_HINT}")
    return root


def _rels(z: _Zip, source: str) -> dict[str, tuple[str, str, str]]:
    """Relationships of a part: id -> (type, target part name, target mode)."""
    folder, base = posixpath.split(source.lstrip("/"))
    root = z.xml(posixpath.join(folder, "_rels", base + ".rels"))
    out: dict[str, tuple[str, str, str]] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{NS['pr']}}}Relationship"):
        target = rel.get("Target") or ""
        mode = rel.get("TargetMode") or "Internal"
        if mode == "Internal":
            target = (target.lstrip("/") if target.startswith("/")
                      else posixpath.normpath(posixpath.join(folder, target)))
        out[rel.get("Id") or ""] = (rel.get("Type") or "", target, mode)
    return out


def _content_types(z: _Zip) -> tuple[dict[str, str], dict[str, str]]:
    root = z.xml("[Content_Types].xml")
    if root is None:
        raise WordImportError(f"{z.name}: filen är en zip-fil men inte ett Word-dokument "
                              f"([Content_Types].xml saknas). {PASTE_HINT}")
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
                 for o in root.iter(f"{{{NS['ct']}}}Override")}
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "")
                for d in root.iter(f"{{{NS['ct']}}}Default")}
    return overrides, defaults


def sniff(data: bytes, name: str) -> None:
    """The bytes decide what the file is, whatever it is called."""
    if not data:
        raise WordImportError(f"{name}: filen är tom.")
    if data[:4] == b"PK\x03\x04":
        return
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WordImportError(f"{name}: filen är ett gammalt Word-dokument (.doc) eller ett "
                              f"krypterat dokument. {PASTE_HINT}")
    if data[:5] == b"{\\rtf":
        raise WordImportError(f"{name}: filen är ett RTF-dokument, inte DOCX. {PASTE_HINT}")
    if b"%PDF-" in data[:1024]:
        raise WordImportError(f"{name}: filen är en PDF, inte ett Word-dokument. Importera "
                              f"den som motion, eller be om Word-filen.")
    raise WordImportError(f"{name}: filen är inte ett Word-dokument (.docx).")


def read_file(path: Path | str) -> bytes:
    path = Path(path)
    name = path.name
    try:
        if path.is_dir():
            raise WordImportError(f"{name} är en mapp, inte en fil.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WordImportError(
                f"{name}: filen är för stor ({size / 1024 / 1024:.0f} MB; högst "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB).")
        return path.read_bytes()
    except FileNotFoundError as err:
        raise WordImportError(f"{name}: filen finns inte.") from err
    except OSError as err:
        raise WordImportError(f"{name}: filen går inte att läsa ({err.strerror}).") from err


def open_package(data: bytes, name: str) -> Package:
    """Check and parse the parts the import needs."""
    if len(data) > MAX_FILE_BYTES:
        raise WordImportError(f"{name}: filen är för stor (högst "
                              f"{MAX_FILE_BYTES // 1024 // 1024} MB).")
    sniff(data, name)
    z = _Zip(data, name)
    with z.zf:
        if "content.xml" in z.names and "word/document.xml" not in z.names:
            raise WordImportError(f"{name}: filen är ett OpenDocument-dokument (.odt). Spara "
                                  f"det som DOCX i LibreOffice eller Word.")
        overrides, defaults = _content_types(z)
        main = ""
        for _rid, (rtype, target, _mode) in _rels(z, "").items():
            if rtype in (RT_OFFICE_DOCUMENT, RT_STRICT_DOCUMENT):
                main = target
        if not main or main not in z.names:
            raise WordImportError(f"{name}: huvuddokumentet saknas i filen; den är inte ett "
                                  f"Word-dokument. {PASTE_HINT}")
        ctype = overrides.get(main) or defaults.get(main.rsplit(".", 1)[-1].lower(), "")
        if ctype in CT_MACRO:
            raise WordImportError(
                f"{name}: dokumentet innehåller makron (.docm) och läses inte in. Spara det som "
                f"”Word-dokument (*.docx)” utan makron och försök igen.")
        if ctype not in (CT_MAIN, CT_TEMPLATE):
            raise WordImportError(
                f"{name}: huvuddelen har fel innehållstyp ({ctype or 'ingen'}); filen är inte ett "
                f"vanligt Word-dokument. {PASTE_HINT}")
        document = z.xml(main)
        assert document is not None
        if etree.QName(document).namespace != NS["w"]:
            raise WordImportError(f"{name}: dokumentet är sparat i formatet ”Strikt Open XML” "
                                  f"eller ett okänt format. {PASTE_HINT}")
        pkg = Package(name, document)
        if any(n.lower().endswith("vbaproject.bin") for n in z.names):
            pkg.warnings.append("Dokumentet innehöll makron (vbaProject.bin); de lästes inte.")
        for rid, (rtype, target, mode) in _rels(z, main).items():
            kind = rtype.rsplit("/", 1)[-1]
            if mode != "Internal":
                continue
            if kind == "styles":
                pkg.styles = z.xml(target)
            elif kind == "numbering":
                pkg.numbering = z.xml(target)
            elif kind == "comments":
                pkg.comments = z.xml(target)
            elif kind == "header":
                el = z.xml(target)
                if el is not None:
                    pkg.headers[rid] = el
            elif kind == "footer":
                el = z.xml(target)
                if el is not None:
                    pkg.footers[rid] = el
            elif kind == "customXml":
                raw = z.raw(target)
                if raw is not None:
                    pkg.custom_xml.append(raw)
        for _rid, (rtype, target, _mode) in _rels(z, "").items():
            if rtype.endswith("/core-properties"):
                try:
                    pkg.core = z.xml(target)
                except WordImportError:
                    pkg.core = None
    return pkg
