"""The window icon, apart from ``about.py`` so that start-up does not import the About dialog."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..resources import resources_dir

ICON_DIR = resources_dir("icons")
ROOT = resources_dir().parent  # holds resources/ and docs/ (the manual that about.py reads)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The window icon from the committed PNGs (no SVG plugin needed at run time)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = ICON_DIR / f"tillit-desk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon
