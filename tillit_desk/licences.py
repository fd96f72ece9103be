"""Version and licences of everything the installed bundle carries, for the Om-dialog.

Kept free of Qt so that a plain test can check the facts, and static so that the bundle does not
depend on package metadata being present (versions are looked up when available).
"""

from __future__ import annotations

import platform
from dataclasses import dataclass

from . import __version__

APP_NAME = "Tillit Desk"
APP_LICENCE = "MIT"
COPYRIGHT = "© Tillit Desk-projektet"


@dataclass(frozen=True)
class Component:
    """One bundled component: display name, pip distribution (for the version), SPDX licence."""

    name: str
    distribution: str | None
    licence: str
    purpose: str
    url: str

    def version(self) -> str:
        if self.name == "Python":
            return platform.python_version()
        if self.distribution is None:
            return ""
        from importlib import metadata  # only when the About dialog asks: slow to import

        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return ""


COMPONENTS: tuple[Component, ...] = (
    Component("Qt 6 / PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0-only",
              "fönstret", "https://www.qt.io/qt-for-python"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", "kopplingen mellan Python och Qt",
              "https://www.qt.io/qt-for-python"),
    Component("python-docx", "python-docx", "MIT", "skriver Word-dokument",
              "https://github.com/python-openxml/python-docx"),
    Component("docxtpl", "docxtpl", "LGPL-2.1-only", "fyller i organisationens Word-mall",
              "https://github.com/elapouya/python-docx-template"),
    Component("docxcompose", "docxcompose", "MIT", "sammanfogar Word-delar (via docxtpl)",
              "https://github.com/4teamwork/docxcompose"),
    Component("Babel", "babel", "BSD-3-Clause", "datumformat (via docxcompose)",
              "https://babel.pocoo.org/"),
    Component("Jinja2", "jinja2", "BSD-3-Clause", "standardfraser och mallar (sandlåda)",
              "https://palletsprojects.com/p/jinja/"),
    Component("MarkupSafe", "markupsafe", "BSD-3-Clause", "säker text i mallar och förhandsvisning",
              "https://palletsprojects.com/p/markupsafe/"),
    Component("markdown-it-py", "markdown-it-py", "MIT", "läser avsnittens textformat",
              "https://github.com/executablebooks/markdown-it-py"),
    Component("mdurl", "mdurl", "MIT", "(via markdown-it-py)",
              "https://github.com/executablebooks/mdurl"),
    Component("platformdirs", "platformdirs", "MIT", "rätt mappar för inställningar och utkast",
              "https://github.com/tox-dev/platformdirs"),
    Component("pypdfium2 (med PDFium, BSD-3-Clause)", "pypdfium2", "Apache-2.0 OR BSD-3-Clause",
              "läser text ur motioner i PDF", "https://github.com/pypdfium2-team/pypdfium2"),
    Component("lxml (med libxml2 och libxslt, MIT)", "lxml", "BSD-3-Clause",
              "XML i Word-filer", "https://lxml.de/"),
    Component("spylls", "spylls", "MPL-2.0", "stavningskontroll (Hunspell i Python)",
              "https://github.com/spylls/spylls"),
    Component("regex", "regex", "Apache-2.0 AND CNRI-Python",
              "profilens diarienummermönster med tidsgräns",
              "https://github.com/mrabarnett/mrab-regex"),
    Component("fastjsonschema", "fastjsonschema", "BSD-3-Clause",
              "skrev koden som kontrollerar ärendefiler mot filformatets schema",
              "https://github.com/horejsek/python-fastjsonschema"),
    Component("Svensk ordlista sv_SE (Göran Andersson)", None, "LGPL-3.0-only",
              "ordlistan för stavningskontrollen",
              "https://github.com/LibreOffice/dictionaries/tree/master/sv_SE"),
    Component("Python", None, "PSF-2.0", "programspråket, medföljer paketet",
              "https://www.python.org/"),
)

# Where the licence texts travel with the program (relative to the installation folder).
LICENCE_TEXT_NOTE = (
    "Licenstexterna följer med programmet: LGPL-3.0 och GPL-3.0 i resources/dictionaries/, "
    "LGPL-2.1 och Pythons licens i licences/, de övriga i respektive pakets metadata (mappar "
    "som slutar på .dist-info). Qt och PySide6 är dynamiskt länkade bibliotek under LGPL-3.0 "
    "och kan bytas ut mot egna versioner. I Linux-paketet ingår även systembibliotek (bland "
    "annat GLib och fontconfig) under sina egna fria licenser."
)


def component(name_start: str) -> Component:
    """The component whose name starts with ``name_start`` (for tests and the dialog)."""
    for comp in COMPONENTS:
        if comp.name.lower().startswith(name_start.lower()):
            return comp
    raise KeyError(name_start)


def app_title() -> str:
    return f"{APP_NAME} {__version__}"
