"""Build hook: the wheel carries the bundled data inside the package (tillit_desk/_data/).

The repository keeps ``templates/`` and ``resources/`` at the top (profiles are edited there and
the PyInstaller bundle copies them as they are); an installed package has no such folders, so
``build_py`` copies them, and the case format's JSON Schema, into ``tillit_desk/_data/``, where
``tillit_desk.resources`` finds them with importlib.resources. Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = [  # (source in the repository, destination under tillit_desk/_data/)
    ("templates", "templates"),
    ("resources", "resources"),
    ("docs/tillit-desk-1.schema.json", "docs/tillit-desk-1.schema.json"),
    ("docs/anvandarhandbok.md", "docs/anvandarhandbok.md"),  # Hjälp → Användarhandbok
    ("docs/manual", "docs/manual"),
]
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout itself
        target = Path(self.build_lib) / "tillit_desk" / "_data"
        for source, dest in DATA:
            src, out = HERE / source, target / dest
            out.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, out, ignore=SKIP, dirs_exist_ok=True)
            else:
                shutil.copy2(src, out)


setup(cmdclass={"build_py": BuildWithData})
