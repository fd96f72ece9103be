"""Render resources/icons/tillit-desk.svg to PNGs (16–256 px) and a Windows .ico.

The PNGs and the .ico are committed, so the app and the bundle never need an SVG renderer at
run time; run this again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICON_DIR / "tillit-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICON_DIR / f"tillit-desk-{size}.png"


def render_pngs(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Qt's SVG renderer (QtSvg is part of PySide6-Essentials), antialiased, transparent."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} kunde inte läsas som SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = png_path(size)
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"{out} kunde inte skrivas")
        written.append(out)
    return written


def write_ico(pngs: list[Path], out: Path) -> Path:
    """A .ico with PNG-compressed images (Windows Vista and later read these at every size)."""
    images = [(p, p.read_bytes()) for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for path, data in images:
        size = int(path.stem.rsplit("-", 1)[1])
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    out.write_bytes(header + entries + blobs)
    return out


def main() -> int:
    pngs = render_pngs()
    ico = write_ico([p for p in pngs if int(p.stem.rsplit("-", 1)[1]) in (16, 24, 32, 48, 256)],
                    ICON_DIR / "tillit-desk.ico")
    for path in [*pngs, ico]:
        print(path.relative_to(ICON_DIR.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
