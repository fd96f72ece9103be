"""Where the bundled data is: one locator for templates, dictionaries, examples, icons and schema.

An installed wheel carries the data inside the package, in ``tillit_desk/_data/`` (pyproject.toml
maps the repository's ``templates/``, ``resources/`` and the schema in ``docs/`` there). A
checkout, an editable install and the PyInstaller bundle keep the repository layout beside the
package. Both are found from the package's own folder (``importlib.resources`` for a package that
is not a folder); nothing walks up from ``__file__``.
"""

from __future__ import annotations

import functools
from pathlib import Path

PACKAGE = "tillit_desk"
DATA = "_data"


@functools.cache
def _roots() -> tuple[Path, ...]:
    """Folders that may hold the data, the installed package's own first.

    A package on disk (wheel, checkout, bundle) is its ``__path__`` folder; only a package
    that is not a folder (a zip) needs ``importlib.resources``, whose import costs ~5 ms of
    the window's first paint."""
    import tillit_desk

    folder = Path(tillit_desk.__path__[0])
    if not folder.is_dir():
        from importlib import resources

        folder = Path(str(resources.files(PACKAGE)))
    return (folder / DATA, folder.parent)


def data_path(*parts: str) -> Path:
    """The bundled file or folder ``parts`` (e.g. ``"resources", "icons"``).

    Returns the first root where it exists; if none has it, the path in the last root, so
    that the caller's own "finns inte" message names a sensible place.
    """
    roots = _roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return roots[-1].joinpath(*parts)


def templates_dir() -> Path:
    """The built-in profiles (one folder each: profile.toml + tjansteskrivelse.docx)."""
    return data_path("templates")


def resources_dir(*parts: str) -> Path:
    """``resources/``: dictionaries, examples, icons, klarspråk word lists."""
    return data_path("resources", *parts)


def schema_file() -> Path:
    """The published JSON Schema of the .tillit format."""
    return data_path("docs", "tillit-desk-1.schema.json")
