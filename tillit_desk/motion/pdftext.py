"""Text lines out of a motion PDF with PDFium (pypdfium2), bounded before and while reading.

Why PDFium and not pypdf: on a 20-page motion it is several times faster (bench/
motion_import.py prints both), and it gives each text line's box, so the vertical gap between
lines tells where a paragraph ends — pypdf drops blank lines, and the parser reads paragraphs.

Bounds, all checked before the expensive step they guard: the page count before any page is
loaded, each page's character count before its text is read, the running total as pages are
read, and a time budget between pages. Every PDFium error becomes a Swedish message.
"""

from __future__ import annotations

import re
import threading
import time
import zlib
from collections.abc import Callable
from statistics import median

from .errors import PASTE_HINT, ImportCancelled, MotionImportError

MAX_PDF_PAGES = 60  # a motion is 1–10 pages; 60 allows attachments, not a book
MAX_PAGE_CHARS = 30_000  # a dense A4 page holds ~5 000
MAX_TOTAL_CHARS = 400_000
MAX_SECONDS = 3.0
PARAGRAPH_GAP = 0.7  # a gap above a line of this many line heights starts a new paragraph
COLUMN_GAP = 2.5  # a horizontal gap of this many line heights separates cells (signatures)
SHORT_LINE = 90  # a line this long or shorter may be names side by side
SPACES_GAP = 2.7  # … and so do three spaces or more ("Inger Nilsson   Mikael Nilsson")

MAX_STREAM_OUT = 16 * 1024 * 1024  # a stream that unpacks past this …
MAX_STREAM_RATIO = 200  # … at a ratio like this is a decompression bomb (images stay < ~20)
MAX_PROBE_TOTAL = 96 * 1024 * 1024  # bytes unpacked in all while probing, at most

# PDFium is not thread-safe: one document at a time, whichever thread reads it
_PDFIUM = threading.Lock()

# progress(done, total) -> False to cancel; called between pages
Progress = Callable[[int, int], bool]


def _fail(name: str, text: str) -> MotionImportError:
    return MotionImportError(f"{name}: {text}")


_STREAM = re.compile(rb"stream\r?\n")
_ZLIB_HEADS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")


def _unpacks_too_far(chunk: bytes, budget: list[int], depth: int = 0) -> bool:
    """Unpack a Flate stream a piece at a time; True when it grows past MAX_STREAM_OUT at a bomb's
    ratio. A stream that unpacks to another Flate stream is probed in turn (stacked filters)."""
    inflater = zlib.decompressobj()
    out_len, head = 0, b""
    try:
        piece = inflater.decompress(chunk, 1 << 20)
        while piece:
            if not head:
                head = piece[:2]
            out_len += len(piece)
            budget[0] -= len(piece)
            used = len(chunk) - len(inflater.unconsumed_tail)
            if out_len > MAX_STREAM_OUT and out_len > MAX_STREAM_RATIO * max(used, 1):
                return True
            if budget[0] <= 0:
                return False
            piece = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    except zlib.error:
        return False
    if depth < 3 and head in _ZLIB_HEADS and out_len:
        inner = zlib.decompressobj().decompress(chunk, MAX_STREAM_OUT)
        return _unpacks_too_far(inner, budget, depth + 1)
    return False


def _check_streams(data: bytes, name: str) -> None:
    """Refuse a decompression bomb before PDFium unpacks it (PDFium inflates a whole content
    stream into memory: a 1 MB file with a 1 GB stream took 5 s and 2 GB)."""
    budget = [MAX_PROBE_TOTAL]
    for m in _STREAM.finditer(data):
        start = m.end()
        if data[start:start + 2] not in _ZLIB_HEADS:
            continue
        end = data.find(b"endstream", start)
        if _unpacks_too_far(data[start:end if end > 0 else len(data)], budget):
            raise _fail(name, "PDF-filen packas upp till orimligt mycket data och öppnas inte "
                              f"(möjlig ”zip-bomb”). {PASTE_HINT}")
        if budget[0] <= 0:
            return


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        msg = str(err).lower()
        if "password" in msg or "security" in msg:
            raise _fail(name, "PDF-filen är lösenordsskyddad (krypterad) och kan inte läsas. Be "
                              "om en oskyddad version, eller öppna den med lösenordet och "
                              f"klistra in texten. {PASTE_HINT}") from err
        raise _fail(name, f"PDF-filen är skadad och går inte att läsa. {PASTE_HINT}") from err
    except (ValueError, TypeError, OSError, MemoryError) as err:
        raise _fail(name, f"PDF-filen är skadad och går inte att läsa. {PASTE_HINT}") from err


def _page_lines(textpage) -> list[str]:
    """The page's text lines top to bottom, with "" where a paragraph gap is."""
    boxes = []
    for k in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(k)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ")
        text = text.replace("\n", " ").replace("\x02", "-")  # PDFium's mark for a line-end hyphen
        if text.strip():
            boxes.append((top, bottom, left, right, text))
    if not boxes:
        return []
    heights = [t - b for t, b, *_ in boxes if t > b]
    height = median(heights) if heights else 12.0
    boxes, cells = _split_at_gaps(textpage, boxes, height)
    boxes.sort(key=lambda b: (-round(b[0] / (height * 0.5)), b[2]))
    lines: list[list] = []  # [top, bottom, [(left, right, text)]]
    for top, bottom, left, right, text in boxes:
        if lines and abs(lines[-1][0] - top) < height * 0.5:
            lines[-1][2].append((left, right, text))
            lines[-1][1] = min(lines[-1][1], bottom)
        else:
            lines.append([top, bottom, [(left, right, text)]])
    out: list[str] = []
    prev_bottom = None
    for top, bottom, parts in lines:
        if prev_bottom is not None and prev_bottom - top > PARAGRAPH_GAP * height:
            out.append("")
        parts.sort()
        text, last_right = "", None
        for left, right, part in parts:
            if last_right is not None:
                cell = left - last_right > COLUMN_GAP * height or left in cells
                text += "     " if cell else " "
            text += part.strip() if last_right is not None else part.rstrip()
            last_right = right
        out.append(text)
        prev_bottom = bottom
    return out


def _split_at_gaps(textpage, boxes: list[tuple], height: float) -> tuple[list[tuple], set]:
    """PDFium gives "Mikael Jern          Birgitta Kahn" (a PDF LibreOffice made from a TXT,
    the names spaced apart) as one box whose text has one space: two names would become one.
    A box much wider than its text needs is read character by character, and split where the
    gap between two characters is a column gap (three spaces or more). Only short lines with a
    space, wider than their characters need, are read that way: reading characters costs.
    Returns the boxes and the left edges of those that start a new cell."""
    widths = [(r - lft) / len(x) for _, _, lft, r, x in boxes if len(x) >= 20]
    per_char = median(widths) if widths else 0.0
    out: list[tuple] = []
    cells: set[float] = set()
    for box in boxes:
        text = box[4].strip()
        if " " not in text or len(text) > SHORT_LINE \
                or box[3] - box[2] < per_char * (len(box[4]) + 1.5):
            out.append(box)  # no room in the box for a gap wider than a space or two
            continue
        pieces = _cut_box(textpage, box, height)
        cells.update(piece[2] for piece in pieces[1:])
        out.extend(pieces)
    return out, cells


def _cut_box(textpage, box: tuple, height: float) -> list[tuple]:
    top, bottom, left, right, text = box
    mid = (top + bottom) / 2
    start = None
    for step in range(8):  # a leading space has no height: look a little further right
        start = textpage.get_index(left + 0.5 + step * height / 2, mid, height / 2, height / 2)
        if start is not None and start >= 0:
            break
    if start is None or start < 0:
        return [box]
    total = textpage.count_chars()
    chars = textpage.get_text_range(start, min(total - start, len(text) + 8))
    end = min((k for k in (chars.find("\r"), chars.find("\n")) if k >= 0), default=len(chars))
    cuts: list[tuple[float, float]] = []
    for run in re.finditer(r"\s+", chars[:end]):  # only the characters around each space
        if run.start() == 0:
            continue
        if run.end() >= end:
            break
        prev_right = textpage.get_charbox(start + run.start() - 1)[2]
        s_left, _, s_right, _ = textpage.get_charbox(start + run.start())
        n_left, n_bottom, _, n_top = textpage.get_charbox(start + run.end())
        if n_left > right + 1 or n_top < bottom - height / 2 or n_bottom > top + height / 2:
            break  # the next character is on another line
        space = s_right - s_left
        wide = min(COLUMN_GAP * height, SPACES_GAP * space) if space > 0 else COLUMN_GAP * height
        if n_left - prev_right > wide:
            cuts.append((prev_right, n_left))
    if not cuts:
        return [box]
    pieces, x0 = [], left
    for gap_left, gap_right in cuts + [(right, right)]:
        piece = textpage.get_text_bounded(x0, bottom, gap_left + 0.1, top).replace("\r", " ")
        piece = piece.replace("\n", " ").replace("\x02", "-")
        if piece.strip():
            pieces.append((top, bottom, x0, gap_left, piece.strip()))
        x0 = gap_right - 0.1
    return pieces or [box]


_PAGE_NUMBER = re.compile(r"^(?:sida\s|sidan\s|page\s)?\d{1,3}(?:\s?\(\d{1,3}\)|\s?(?:/|av|of)\s?"
                          r"\d{1,3})?$|^[-–]\s?\d{1,3}\s?[-–]$", re.IGNORECASE)


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Page numbers ("Sida 2 (3)", "2/3", "- 2 -") and lines repeated at the top or bottom of
    several pages (letterhead, "Dnr KS 2022/0086") are print furniture: kept out of the text, so
    an att-sats that runs over a page break does not swallow them."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).lower())

    edges: dict[str, int] = {}
    for page in pages:
        body = [x for x in page if x.strip()]
        for line in set(body[:2] + body[-2:]):
            edges[key(line)] = edges.get(key(line), 0) + 1
    repeated = {k for k, n in edges.items() if n >= 2} if len(pages) >= 2 else set()
    out = []
    for page in pages:
        body_idx = [i for i, x in enumerate(page) if x.strip()]
        edge = set(body_idx[:2] + body_idx[-2:])
        out.append([x for i, x in enumerate(page)
                    if not (i in edge and (key(x) in repeated
                                           or _PAGE_NUMBER.match(" ".join(x.split()))))])
    return out


def pdf_lines(data: bytes, name: str, progress: Progress | None = None) -> str:
    """The PDF's text as lines (blank line between paragraphs), or a MotionImportError."""
    _check_streams(data, name)
    with _PDFIUM:
        return _read(data, name, progress)


def _read(data: bytes, name: str, progress: Progress | None) -> str:
    import pypdfium2 as pdfium

    started = time.monotonic()
    pdf = _open(data, name)
    try:
        count = len(pdf)
        if count > MAX_PDF_PAGES:
            raise _fail(name, f"PDF-filen har {count} sidor (högst {MAX_PDF_PAGES}). En motion "
                              f"är sällan längre än några sidor – är det rätt fil?")
        if count == 0:
            raise _fail(name, "PDF-filen har inga sidor.")
        pages: list[list[str]] = []
        total = 0
        for index in range(count):
            if progress is not None and progress(index, count) is False:
                raise ImportCancelled(f"{name}: inläsningen avbröts.")
            if time.monotonic() - started > MAX_SECONDS:
                raise _fail(name, f"PDF-filen tar orimligt lång tid att läsa (mer än "
                                  f"{MAX_SECONDS:.0f} s efter {index} av {count} sidor) och "
                                  f"vägras. {PASTE_HINT}")
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    chars = textpage.count_chars()
                    if chars > MAX_PAGE_CHARS:
                        raise _fail(name, f"sidan {index + 1} i PDF-filen har orimligt mycket "
                                          f"text ({chars} tecken) och filen vägras.")
                    total += chars
                    if total > MAX_TOTAL_CHARS:
                        raise _fail(name, f"PDF-filen har orimligt mycket text (mer än "
                                          f"{MAX_TOTAL_CHARS} tecken) för en motion.")
                    pages.append(_page_lines(textpage))
                finally:
                    textpage.close()
            finally:
                page.close()
        if progress is not None:
            progress(count, count)
    except pdfium.PdfiumError as err:
        raise _fail(name, f"PDF-filen är skadad och går inte att läsa. {PASTE_HINT}") from err
    except MemoryError as err:
        raise _fail(name, "PDF-filen kräver för mycket minne och vägras.") from err
    finally:
        pdf.close()
    text = "\n".join(line for page in _drop_running_heads(pages) for line in page + [""])
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < 10 * max(1, min(count, 3)):
        raise _fail(name, "PDF-filen har inget textlager – den är troligen inskannad som bild. "
                          f"Tillit Desk kan inte läsa text i bilder. {PASTE_HINT} (Texten kan "
                          "behöva tolkas med OCR först, t.ex. i Adobe Acrobat eller Word.)")
    return text
