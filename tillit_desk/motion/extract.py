"""Text out of a motion file: PDF (pypdfium2), DOCX (python-docx), plain text, or pasted text.

Motions arrive by e-mail from councillors, so the file is untrusted: we look at its first bytes
rather than trust the name, cap the size, check a DOCX's uncompressed sizes before python-docx
unpacks it (zip bombs), and turn every failure into a MotionImportError in Swedish.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..sanitize import normalise_newlines
from ..ziplimits import ZipLimits, check_zip
from .errors import PASTE_HINT, MotionImportError
from .pdftext import MAX_PDF_PAGES, Progress

__all__ = ["MAX_PDF_PAGES", "PASTE_HINT", "ExtractedText", "extract_bytes", "extract_file",
           "extract_pasted"]

MAX_FILE_BYTES = 25 * 1024 * 1024  # a long motion with pictures is a few MB
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_DOCX_XML = 30 * 1024 * 1024  # word/document.xml alone
MAX_DOCX_ENTRIES = 5000
MAX_ZIP_RATIO = 200  # compressed/uncompressed beyond this on a large entry = bomb
MAX_TEXT_CHARS = 2_000_000

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt")  # what the file dialog and drag-and-drop accept
FILE_FILTER = "Motioner (*.pdf *.docx *.txt);;Alla filer (*)"


KIND_PDF = "pdf"
KIND_DOCX = "docx"
KIND_TEXT = "text"
KIND_PASTE = "paste"


@dataclass
class ExtractedText:
    """The motion's text and where it came from; warnings are shown, never swallowed."""

    text: str
    kind: str
    source: str = ""
    warnings: list[str] = field(default_factory=list)


def is_motion_file(path: Path | str) -> bool:
    """For drag-and-drop: does the name look like a motion we can read?"""
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def _sniff(head: bytes) -> str:
    """The real type by content: names lie (a .pdf that is a Word file, a renamed .doc)."""
    if head.lstrip(b"\x00\t\r\n \xef\xbb\xbf")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return KIND_PDF
    if head[:4] == b"PK\x03\x04":
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"  # Word 97-2003 .doc (or another old Office file)
    if head[:5] == b"{\\rtf":
        return "rtf"
    return KIND_TEXT


_TYPE_NAMES = {KIND_PDF: "en PDF", "zip": "en zip-fil (t.ex. DOCX eller ODT)",
               "ole": "ett gammalt Word-dokument (.doc)", "rtf": "ett RTF-dokument",
               KIND_TEXT: "en textfil"}


def extract_file(path: Path | str, progress: Progress | None = None) -> ExtractedText:
    """Read a motion file; the suffix says what the user thinks it is, the bytes decide."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as err:
        raise MotionImportError(f"{name}: filen finns inte.") from err
    except OSError as err:
        raise MotionImportError(f"{name}: filen går inte att läsa ({err.strerror}).") from err
    if path.is_dir():
        raise MotionImportError(f"{name} är en mapp, inte en fil.")
    if size == 0:
        raise MotionImportError(f"{name}: filen är tom.")
    if size > MAX_FILE_BYTES:
        raise MotionImportError(
            f"{name}: filen är för stor ({size / 1024 / 1024:.0f} MB; högst "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB). En motion är sällan större än några MB – "
            f"kontrollera att det är rätt fil, eller klistra in texten. {PASTE_HINT}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise MotionImportError(f"{name}: filen går inte att läsa ({err.strerror}).") from err
    return extract_bytes(data, name, progress)


def extract_bytes(data: bytes, name: str, progress: Progress | None = None) -> ExtractedText:
    """Extract from bytes; ``name`` gives the suffix and is used in messages."""
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise MotionImportError(f"{name}: filen är tom.")
    if len(data) > MAX_FILE_BYTES:
        raise MotionImportError(f"{name}: filen är för stor (högst "
                                f"{MAX_FILE_BYTES // 1024 // 1024} MB).")
    kind = _sniff(data[:2048])
    expected = {".pdf": KIND_PDF, ".docx": "zip", ".txt": KIND_TEXT, ".text": KIND_TEXT,
                ".md": KIND_TEXT, "": None}
    if suffix in (".doc", ".odt", ".rtf", ".pages"):
        raise MotionImportError(
            f"{name}: filtypen {suffix} kan inte läsas. Spara motionen som PDF eller DOCX "
            f"(Arkiv → Spara som i Word eller LibreOffice), eller klistra in texten.")
    if suffix not in expected:
        raise MotionImportError(
            f"{name}: filtypen {suffix or '(ingen)'} kan inte läsas. Välj en PDF-, DOCX- eller "
            f"textfil, eller klistra in texten.")
    want = expected[suffix]
    if want is not None and kind != want:
        raise MotionImportError(
            f"{name}: filen heter {suffix} men är {_TYPE_NAMES.get(kind, 'något annat')}. "
            f"Kontrollera att det är rätt fil, eller spara om den i rätt format.")
    if kind == KIND_PDF:
        result = _pdf_text(data, name, progress)
    elif kind == "zip":
        result = _docx_text(data, name)
    elif kind == KIND_TEXT:
        result = ExtractedText(_decode_text(data, name), KIND_TEXT, name)
    else:
        raise MotionImportError(
            f"{name}: filen är {_TYPE_NAMES[kind]} och kan inte läsas. Spara den som PDF eller "
            f"DOCX, eller klistra in texten.")
    result.text = _finish(result.text, name)
    return result


def extract_pasted(text: str) -> ExtractedText:
    """Text pasted into the import dialog: same clean-up as a file."""
    return ExtractedText(_finish(text, "Den inklistrade texten"), KIND_PASTE, "inklistrad text")


def _finish(text: str, name: str) -> str:
    text = normalise_newlines(text).replace("\u00ad", "")  # soft hyphens are never printed
    text = text.replace("\x00", "")
    if len(text) > MAX_TEXT_CHARS:
        raise MotionImportError(f"{name}: texten är orimligt lång ({len(text)} tecken) för en "
                                f"motion.")
    if not any(ch.isalpha() for ch in text):
        raise MotionImportError(f"{name}: filen innehåller ingen text.")
    return text


def _decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old Notepad files)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise MotionImportError(f"{name}: texten går inte att avkoda.") from err
    if b"\x00" in data[:4096]:
        raise MotionImportError(f"{name}: filen är inte en textfil (den innehåller binära data). "
                                f"Kontrollera att det är rätt fil.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise MotionImportError(
            f"{name}: texten är varken UTF-8 eller Windows-1252 och går inte att läsa. Spara "
            f"den som UTF-8 eller klistra in den.") from err


def _pdf_text(data: bytes, name: str, progress: Progress | None = None) -> ExtractedText:
    from .pdftext import pdf_lines

    return ExtractedText(pdf_lines(data, name, progress), KIND_PDF, name)


def _check_zip(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse zip bombs before anything is decompressed: sizes come from the central directory."""
    limits = ZipLimits(MAX_DOCX_ENTRIES, MAX_DOCX_UNCOMPRESSED, MAX_DOCX_XML, MAX_ZIP_RATIO)
    check_zip(zf, name, limits, MotionImportError,
              lambda part: "dokumenttexten i DOCX-filen" if part == "word/document.xml" else None,
              bomb_hint=" Be om en ny fil eller klistra in texten.")
    names = {i.filename for i in zf.infolist()}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        kind = ("ett OpenDocument-dokument (.odt)" if "content.xml" in names
                else "en zip-fil men inte ett Word-dokument")
        raise MotionImportError(f"{name}: filen är {kind}. Spara motionen som DOCX eller PDF, "
                                f"eller klistra in texten.")


def _docx_text(data: bytes, name: str) -> ExtractedText:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise MotionImportError(f"{name}: DOCX-filen är skadad och går inte att öppna.") from err
    with zf:
        _check_zip(zf, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        text = _docx_body_text(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            AttributeError, TypeError) as err:
        raise MotionImportError(f"{name}: DOCX-filen är skadad och går inte att läsa "
                                f"({err}).") from err
    except Exception as err:  # lxml's XMLSyntaxError and friends: still a broken file
        if type(err).__module__.startswith(("lxml", "docx")):
            raise MotionImportError(f"{name}: DOCX-filen är skadad och går inte att läsa.") \
                from err
        raise
    return ExtractedText(text, KIND_DOCX, name)


def _docx_header_lines(document) -> list[str]:
    """The first page's header: motions written on letter paper put "Motion till
    kommunfullmäktige", the party or the date there."""
    try:
        section = document.sections[0]
        header = (section.first_page_header if section.different_first_page_header_footer
                  else section.header)
        texts = [p.text for p in header.paragraphs if p.text.strip()]
        for table in header.tables:
            for row in table.rows:
                texts.append("     ".join(c.text.strip() for c in row.cells if c.text.strip()))
    except (IndexError, AttributeError, KeyError, ValueError):
        return []
    return [*texts[:10], ""] if texts else []


def _docx_body_text(document) -> str:
    """Paragraphs and tables in reading order; a table row's cells on one line, spaced apart,
    because motions often put the signatures side by side in a table. A paragraph in a Word
    list gets its bullet or number back ("• ", "2. "): python-docx's text leaves it out, and
    "1. att …" or a bulleted proposal is how the parser tells an item from body text."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .docxlists import ListMarkers

    lines: list[str] = []
    markers = ListMarkers(document)
    lines.extend(_docx_header_lines(document))

    def walk(container) -> None:
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                lines.append(markers.prefix(item) + item.text)
            elif isinstance(item, Table):
                for row in item.rows:
                    cells: list[str] = []
                    seen: set[int] = set()
                    for cell in row.cells:  # merged cells repeat: print each once
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        cells.append(cell.text.strip())
                    if any("\n" in c for c in cells):
                        # cells with several lines (name over party): keep them as a block
                        for c in cells:
                            lines.extend(c.split("\n"))
                            lines.append("")
                    else:
                        lines.append("     ".join(c for c in cells if c))
                lines.append("")

    walk(document)
    return "\n".join(lines)
