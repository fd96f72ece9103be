"""Installs anywhere (issue 14): a built wheel, installed in a clean venv outside the checkout,
carries its templates, dictionaries, example case, icons, klarspråk list and schema, and
works — CLI export of the example, the spell check, and the window offscreen.

The clean venv gets the dependencies from the test's own environment through a plain path
entry (so nothing is downloaded and the checkout's editable install is not seen); the
package itself comes only from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from docxtools import headings

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_DATA = [
    *[f"templates/{p}/{f}" for p in ("generic", "lund-kommun", "malmo-stad", "region-skane")
      for f in ("profile.toml", "tjansteskrivelse.docx")],
    "resources/dictionaries/sv_SE.aff", "resources/dictionaries/sv_SE.dic",
    "resources/dictionaries/doman.txt", "resources/dictionaries/LICENSE-LGPL-3.txt",
    "resources/examples/lund-ks-2022-0086.tillit",
    "resources/icons/tillit-desk-256.png", "resources/icons/tillit-desk.ico",
    "resources/klarsprak/stela_ord.toml",
    "docs/tillit-desk-1.schema.json", "docs/anvandarhandbok.md", "docs/manual/huvudfonster.png",
]


def _source_files() -> list[str]:
    """What a fresh clone has: tracked files plus new ones not ignored."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, check=True)
    return [p for p in out.stdout.decode("utf-8").split("\0") if p and (ROOT / p).is_file()]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    if shutil.which("git") is None:
        pytest.skip("git is needed to list the sources")
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    for rel in _source_files():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w",
                    str(dist), str(src)], check=True, timeout=600, cwd=tmp)
    wheel = next(dist.glob("tillit_desk-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site.stdout.strip(), "deps.pth").write_text("\n".join(sorted(deps)) + "\n",
                                                     encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    work = tmp / "arbete"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(TILLIT_DESK_HOME=str(tmp / "hem"), QT_QPA_PLATFORM="offscreen")
    exe = venv / ("Scripts/tillit-desk.exe" if os.name == "nt" else "bin/tillit-desk")
    return {"wheel": wheel, "venv": venv, "python": python, "exe": exe, "work": work,
            "env": env}


def _run(installed: dict, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed["exe"]), *args], cwd=installed["work"],
                          env=installed["env"], capture_output=True, text=True, timeout=timeout)


def _py(installed: dict, code: str) -> str:
    out = subprocess.run([str(installed["python"]), "-c", code], cwd=installed["work"],
                         env=installed["env"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_wheel_carries_every_bundled_file(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    missing = [p for p in EXPECTED_DATA if f"tillit_desk/_data/{p}" not in names]
    assert not missing, missing
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_installed_package_finds_its_data_inside_the_venv(installed):
    venv = str(installed["venv"].resolve())
    where = _py(installed, "import tillit_desk, tillit_desk.example as e, tillit_desk.profiles "
                "as p, tillit_desk.review.spelling as s, tillit_desk.review.klarsprak as k, "
                "tillit_desk.gui.icon as i, tillit_desk.gui.about as a; "
                "print(tillit_desk.__file__); print(e.EXAMPLE_CASE); print(p.BUILTIN_DIR); "
                "print(s.DICTIONARY_DIR); "
                "print(k.KLARSPRAK_DIR); print(i.ICON_DIR); print(a.MANUAL)").splitlines()
    assert len(where) == 7
    for line in where:
        assert str(Path(line).resolve()).startswith(venv), where
        assert Path(line).exists(), line


def test_cli_export_of_the_example_from_the_wheel(installed):
    example = _py(installed, "from tillit_desk.example import EXAMPLE_CASE; print(EXAMPLE_CASE)")
    out = installed["work"] / "svar.docx"
    result = _run(installed, "export", example, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Sammanfattning" in [t for _level, t in headings(out.read_bytes())]
    result = _run(installed, "profiles")
    assert result.returncode == 0 and "malmo-stad" in result.stdout, result.stderr


def test_spell_check_uses_the_bundled_dictionary(installed):
    import json

    example = _py(installed, "from tillit_desk.example import EXAMPLE_CASE; print(EXAMPLE_CASE)")
    data = json.loads(Path(example).read_text(encoding="utf-8"))
    data["sections"]["bedomning"] += "\n\nDetta är felstavat: kommunfulmäktige."
    case = installed["work"] / "stavning.tillit"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = _run(installed, "check", str(case))
    assert "Traceback" not in result.stderr
    assert "kommunfulmäktige” finns inte i ordlistan" in result.stdout, result.stdout[-2000:]


def test_the_window_offscreen_from_the_wheel(installed):
    out = installed["work"] / "fönster.docx"
    result = _run(installed, "--smoke-test", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Sammanfattning" in [t for _level, t in headings(out.read_bytes())]
