"""Packaging pieces that need no bundle: licences, Om-dialog, manual, icons, desktop files,
the spec's data list, and the hidden ``--smoke-test`` run from the source tree."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest
from docxtools import headings

from tillit_desk import __version__, licences

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "tillit-desk.spec"
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
MANUAL = ROOT / "docs" / "anvandarhandbok.md"


# ---------------------------------------------------------------- licences


def _runtime_distributions() -> set[str]:
    """Every distribution the app installs (dependencies of tillit-desk, transitively, with
    environment markers evaluated, the docxtpl[subdoc] extra included)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    todo = [("tillit-desk", frozenset())]
    while todo:
        name, extras = todo.pop()
        for text in metadata.distribution(name).requires or []:
            req = Requirement(text)
            if req.marker is not None and not any(
                    req.marker.evaluate({"extra": e}) for e in (extras or {""})):
                continue
            dep = canonicalize_name(req.name)
            if dep not in seen:
                seen.add(dep)
                todo.append((dep, frozenset(req.extras)))
    return seen


def test_every_runtime_dependency_has_a_licence_entry():
    listed = {re.sub(r"[-_.]+", "-", c.distribution).lower()
              for c in licences.COMPONENTS if c.distribution}
    missing = _runtime_distributions() - listed - {"typing-extensions"}
    assert not missing, f"add to tillit_desk/licences.py: {sorted(missing)}"


@pytest.mark.parametrize(("name", "licence"), [
    ("Qt 6 / PySide6", "LGPL-3.0-only"), ("python-docx", "MIT"), ("docxtpl", "LGPL-2.1-only"),
    ("Jinja2", "BSD-3-Clause"), ("markdown-it-py", "MIT"), ("platformdirs", "MIT"),
    ("pypdfium2", "Apache-2.0 OR BSD-3-Clause"), ("lxml", "BSD-3-Clause"),
    ("spylls", "MPL-2.0"),
    ("Svensk ordlista", "LGPL-3.0-only"),
])
def test_licence_facts(name, licence):
    assert licences.component(name).licence == licence


def _imports(module: str) -> list[str]:
    """Modules of tillit_desk/ that import ``module`` (or a submodule of it)."""
    import ast

    found = []
    for py in (ROOT / "tillit_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == module or n.startswith(module + ".") for n in names):
                found.append(py.relative_to(ROOT).as_posix())
    return found


def test_pypdf_is_a_test_tool_only():
    """The motion import reads PDFs with pypdfium2; pypdf only reads and builds PDFs in the
    tests. So it is a dev extra, and the bundle neither carries nor credits it."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=\[ ;]", dep)[0].lower() for dep in project["dependencies"]]
    dev = [re.split(r"[<>=\[ ;]", dep)[0].lower()
           for dep in project["optional-dependencies"]["dev"]]
    assert "pypdf" not in names and "pypdfium2" in names
    assert "pypdf" in dev
    assert _imports("pypdf") == []
    assert _imports("pypdfium2")
    assert "pypdf" not in {c.distribution for c in licences.COMPONENTS}
    spec = SPEC.read_text(encoding="utf-8")
    bundled = re.search(r"for dist in \((.*?)\):", spec, re.DOTALL).group(1)
    assert '"pypdf"' not in bundled and '"pypdfium2"' in bundled


def test_dictionary_licence_matches_its_readme():
    readme = (ROOT / "resources" / "dictionaries" / "README.md").read_text(encoding="utf-8")
    assert "LGPL-3.0" in readme and "Göran Andersson" in readme
    assert (ROOT / "resources" / "dictionaries" / "LICENSE-LGPL-3.txt").is_file()
    assert "Göran Andersson" in licences.component("Svensk ordlista").name


def test_versions_come_from_the_installed_packages():
    assert licences.component("python-docx").version() == metadata.version("python-docx")
    assert licences.app_title() == f"Tillit Desk {__version__}"


# ---------------------------------------------------------------- icons


def _make_icons_module():
    import importlib.util

    path = ROOT / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_pngs_and_ico():
    for size in _make_icons_module().SIZES:
        data = (ICONS / f"tillit-desk-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = (ICONS / "tillit-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    ET.parse(ICONS / "tillit-desk.svg")  # well-formed


def test_window_and_about_dialog(qtbot):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from tillit_desk.gui.about import AboutDialog
    from tillit_desk.gui.app import _share_icon, create_window

    window = create_window([])
    qtbot.addWidget(window)
    app = QApplication.instance()
    app.setWindowIcon(QIcon())
    _share_icon(app, window)
    window.show()
    # the icon is set just after the first paint (start-up), on the window and the application
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())
    qtbot.waitUntil(lambda: not app.windowIcon().isNull())
    assert window.windowIcon().availableSizes()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus)[-1] == "Hjälp"
    texts = [a.text().replace("&", "") for a in menus["Hjälp"].actions() if a.text()]
    assert texts == ["Användarhandbok", "Om Tillit Desk"]

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert f"Tillit Desk {__version__}" in dialog.title.text()
    text = dialog.details.toPlainText()
    for needle in ("PySide6", "LGPL-3.0-only", "docxtpl", "LGPL-2.1-only", "python-docx",
                   "Jinja2", "BSD-3-Clause", "spylls", "MPL-2.0", "Göran Andersson",
                   metadata.version("python-docx")):
        assert needle in text, needle
    window.set_dirty(False)
    window.close()


def test_manual_dialog_shows_the_manual_with_its_images(qtbot):
    from tillit_desk.gui.about import ManualDialog

    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Första start" in text
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", MANUAL.read_text(encoding="utf-8"))
    assert images, "the manual has screenshots"
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    for rel in images:
        assert (MANUAL.parent / rel).is_file(), rel
        loaded = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(rel))
        image = loaded if isinstance(loaded, QImage) else QImage.fromData(loaded)
        assert not image.isNull(), rel


# ---------------------------------------------------------------- manual ↔ app


def test_every_menu_path_in_the_manual_exists(qtbot):
    """'Arkiv → Exportera DOCX…' in the manual must be a real menu item (text as in the app)."""
    from tillit_desk.gui.app import create_window

    window = create_window([])
    qtbot.addWidget(window)
    items: dict[str, set[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        items[top.text().replace("&", "")] = {  # submenus count as items too
            a.text().replace("&", "").rstrip("…").strip() for a in menu.actions() if a.text()}
    text = MANUAL.read_text(encoding="utf-8")
    paths = re.findall(r"\*\*(Arkiv|Redigera|Granskning|Visa|Hjälp) → ([^*]+?)\*\*", text)
    assert len(paths) >= 8
    for menu, item in paths:
        item = " ".join(item.split())  # the manual wraps long items over two lines
        assert item.rstrip("…").strip() in items[menu], f"{menu} → {item}"
    window.set_dirty(False)
    window.close()


# ---------------------------------------------------------------- desktop integration


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_desktop_into_a_temp_xdg_home(tmp_path):
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    program = tmp_path / "Tillit Desk" / "tillit-desk"
    result = subprocess.run(["sh", str(LINUX / "install-desktop.sh"), str(program)], env=env,
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    desktop = data / "applications" / "tillit-desk.desktop"
    entry = _desktop_entry(desktop)
    assert entry["Type"] == "Application" and entry["Name"] == "Tillit Desk"
    assert entry["MimeType"] == "application/x-tillit-desk;"
    assert entry["Exec"] == f'"{program}" %f' and entry["Icon"] == "tillit-desk"
    assert "tjänsteskrivelser" in entry["Comment"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        check = subprocess.run([validator, str(desktop)], capture_output=True, text=True,
                               check=False)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    mime = ET.parse(data / "mime" / "packages" / "tillit-desk.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == "application/x-tillit-desk"
    assert kind.find("m:glob", ns).get("pattern") == "*.tillit"
    hicolor = data / "icons" / "hicolor"
    for size in (16, 48, 256):
        assert (hicolor / f"{size}x{size}" / "apps" / "tillit-desk.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-tillit-desk:*.tillit" in globs

    result = subprocess.run(["sh", str(LINUX / "install-desktop.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0 and not desktop.exists()


# ---------------------------------------------------------------- spec and smoke test


def test_spec_bundles_every_data_folder_the_code_reads():
    """What the wheel carries (setup.py's DATA), the PyInstaller bundle must carry too, and no
    module may find data by walking up from ``__file__``: tillit_desk.resources is the one
    locator (the screenshot scripts, developer tools that write docs/ in the checkout, excepted)."""
    spec = SPEC.read_text(encoding="utf-8")
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    sources = re.findall(r'^    \("([^"]+)", "[^"]+"\),', setup, re.MULTILINE)
    assert {"templates", "resources", "docs/tillit-desk-1.schema.json"} <= set(sources)
    for source in sources:
        quoted = " / ".join(f'"{part}"' for part in source.split("/"))
        assert f"ROOT / {quoted}" in spec, source
    walkers = [py.relative_to(ROOT).as_posix() for py in (ROOT / "tillit_desk").rglob("*.py")
               if not py.name.endswith(("screenshot.py", "screenshots.py")) and re.search(
                   r"__file__\)?\.resolve\(\)\.(parents?\b)", py.read_text(encoding="utf-8"))]
    assert walkers == []


def test_smoke_test_from_source(tmp_path):
    """`main.py --smoke-test OUT.docx`: the window exports the example offscreen and exits 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TILLIT_DESK_HOME": str(tmp_path / "h")}
    out = tmp_path / "ut.docx"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test", str(out)],
                            env=env, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Röktestet lyckades" in result.stdout
    assert ("Sammanfattning" in [t for _l, t in headings(out.read_bytes())])


def test_smoke_test_fails_in_swedish(tmp_path):
    """An export that cannot be written: exit 1 and a Swedish message, never a hanging dialog."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TILLIT_DESK_HOME": str(tmp_path / "h")}
    target = tmp_path / "en-mapp.docx"
    target.mkdir()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke-test", str(target)],
                            env=env, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert "Röktestet misslyckades" in result.stderr and "är en mapp" in result.stderr
