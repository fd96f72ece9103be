"""Every CLI command over a corpus of broken inputs (issue 14, acceptance).

Cases, user profiles, templates, motions, lock files and output targets, each broken in the
ways real files break, go through every command that reads them. Each run must end with exit
code 1 or 2 and a Swedish ``Fel:`` line, never a traceback, with every input file unchanged
and nothing written. Broken settings and autosave drafts are not read by the CLI: with them
in the user folder, the commands still work and leave them as they are.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from docxtools import patched_template

from tillit_desk.cli import main as cli
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.profiles import BUILTIN_DIR

EXAMPLE_JSON = EXAMPLE_CASE.read_text(encoding="utf-8")
TEMPLATE = BUILTIN_DIR / "generic" / "tjansteskrivelse.docx"


def _case(**changes) -> str:
    data = json.loads(EXAMPLE_JSON)
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split("__")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[last] = value
    return json.dumps(data, ensure_ascii=False)


def _deep(n: int) -> str:
    return EXAMPLE_JSON.rstrip()[:-1] + ', "x": ' + "[" * n + "]" * n + "}"


CASES: dict[str, bytes | str | None] = {
    "trunkerad.tillit": EXAMPLE_JSON[:700],
    "tom.tillit": "",
    "bara-blanksteg.tillit": " \n\t ",
    "lista.tillit": "[1, 2, 3]",
    "fel-format.tillit": _case(format="tillit-desk/9"),
    "inget-format.tillit": json.dumps({"profile": "generic"}),
    "motionarer-tal.tillit": _case(motion__motionarer=5),
    "motionarer-null.tillit": _case(motion__motionarer=None),
    "yrkanden-bool.tillit": _case(motion__yrkanden=True),
    "sektion-lista.tillit": _case(sections=["a"]),
    "kommentar-start.tillit": _case(review={"comments": [{"id": "a", "start": "noll"}]}),
    "kommentar-forfattare.tillit": _case(review={"comments": [{"id": "a", "author": 7}]}),
    "ignorerad.tillit": _case(review={"ignored": [{"section": None}]}),
    "status.tillit": _case(review={"status": {"arendet": 5}}),
    "version.tillit": _case(review={"versions": [{"data": {"motion": {"yrkanden": [1]}}}]}),
    "handlaggare.tillit": _case(document__handlaggare="Anna"),
    "djup.tillit": _deep(100_000),
    "stort-tal.tillit": EXAMPLE_JSON.rstrip()[:-1] + ', "x": ' + "7" * 5000 + "}",
    "binar.tillit": b"\x89PNG\r\n\x1a\n\x00\xff\xfe",
    "utf16.tillit": EXAMPLE_JSON.encode("utf-16"),
    "nan.tillit": _case(document__date=float("nan")),
    "mapp.tillit": None,  # a folder with a case's name
}
BAD_PROFILES = {
    "titlar": 'signatory_titles = 5\n',
    "regler": 'disabled_rules = 3\n',
    "skickas": 'default_skickas_till = [1]\n',
    "dnr": 'diarienummer = "x"\n',
    "bas": 'based_on = ["generic"]\n',
    "bas-saknas": 'based_on = "finns-inte"\n',
    "djup": "x = " + "[" * 5000 + "]" * 5000 + "\n",
    "syntax": "name = [\n",
    "monster": "[diarienummer]\npattern = '(abc'\n",
}
_SECTIONS = '\n[[sections]]\nid = "sammanfattning"\nheading = "Sammanfattning"\n'


def _broken_tag(path: Path) -> None:
    patched_template(TEMPLATE, path, {"{{ document.title }}": "{{ document.title }"})


def _no_document_xml(path: Path) -> None:
    with zipfile.ZipFile(TEMPLATE) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))


TEMPLATES = {
    "trasig-tagg.docx": _broken_tag,
    "inte-zip.docx": lambda p: p.write_bytes(b"Detta ar ingen zip"),
    "tom.docx": lambda p: p.write_bytes(b""),
    "utan-dokument.docx": _no_document_xml,
    "mapp.docx": lambda p: p.mkdir(),
}
MOTIONS = {
    "tom.txt": lambda p: p.write_bytes(b""),
    "inte-pdf.pdf": lambda p: p.write_bytes(b"PK\x03\x04 en zip som kallar sig pdf"),
    "trasig.docx": lambda p: p.write_bytes(b"PK\x03\x04 trasig"),
    "binar.txt": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "mapp.pdf": lambda p: p.mkdir(),
}


def _make_corpus(root: Path) -> None:
    for name, content in CASES.items():
        path = root / "arenden" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, make in TEMPLATES.items():
        (root / "mallar").mkdir(exist_ok=True)
        make(root / "mallar" / name)
    for name, make in MOTIONS.items():
        (root / "motioner").mkdir(exist_ok=True)
        make(root / "motioner" / name)
    locked = root / "last" / "last.tillit"
    locked.parent.mkdir()
    locked.write_text(EXAMPLE_JSON, encoding="utf-8")
    (root / "last" / ".~lock.last.tillit#").write_bytes(b"\x00\xff inget JSON")


def _make_home(home: Path) -> None:
    profiles = home / "data" / "profiles"
    for pid, body in BAD_PROFILES.items():
        (profiles / pid).mkdir(parents=True)
        head = f'id = "{pid}"\nname = "Trasig {pid}"\n'
        (profiles / pid / "profile.toml").write_text(head + body + _SECTIONS, encoding="utf-8")
    # a readable profile whose Word template is broken
    (profiles / "trasig-mall").mkdir()
    (profiles / "trasig-mall" / "profile.toml").write_text(
        'id = "trasig-mall"\nname = "Trasig mall"\nbased_on = "generic"\n', encoding="utf-8")
    (profiles / "trasig-mall" / "tjansteskrivelse.docx").write_bytes(b"ingen zip")
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        '{"autosave_seconds": 1e999, "x": ' + "[" * 50_000 + "]" * 50_000 + "}",
        encoding="utf-8")
    drafts = home / "data" / "autosave"
    drafts.mkdir(parents=True)
    (drafts / "a.autosave").write_text("[" * 100_000, encoding="utf-8")
    (drafts / "b.autosave").write_text(json.dumps({
        "format": "tillit-desk-autosave/1", "source": 5, "pid": "x", "case": []}),
        encoding="utf-8")


def _digest(*folders: Path) -> dict[str, str]:
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            key = str(path)
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


@pytest.fixture
def world(tmp_path, tillit_home):
    corpus = tmp_path / "korpus"
    _make_corpus(corpus)
    _make_home(tillit_home)
    out = tmp_path / "ut"
    out.mkdir()
    return corpus, tillit_home, out


def _runs(corpus: Path, out: Path) -> list[list[str]]:
    example = str(EXAMPLE_CASE)
    runs: list[list[str]] = []
    for name in CASES:
        case = str(corpus / "arenden" / name)
        runs += [["export", case, "-o", str(out / "a.docx")],
                 ["export", case, "-o", str(out / "a.docx"), "--pdf"],
                 ["check", case], ["check", case, "--format", "json", "--no-spelling"],
                 ["export-review", case, "-o", str(out / "r.docx"), "--with-findings"]]
    runs.append(["export", str(corpus / "arenden" / "finns-inte.tillit"), "-o",
                 str(out / "a.docx")])
    for pid in [*BAD_PROFILES, "trasig-mall"]:
        runs += [["new", "--profile", pid, "-o", str(out / "n.tillit")],
                 ["export", example, "-o", str(out / "a.docx"), "--profile", pid],
                 ["check", example, "--profile", pid, "--no-spelling"],
                 ["export-review", example, "-o", str(out / "r.docx"), "--profile", pid],
                 ["build-template", "--profile", pid, "-o", str(out / "m.docx")],
                 ["import-motion", str(corpus / "motioner" / "tom.txt"), "--profile", pid,
                  "-o", str(out / "i.tillit")]]
    runs = [r for r in runs if not (r[0] in ("new", "build-template") and
                                    r[2] == "trasig-mall")]  # they do not read the template
    for name in TEMPLATES:
        template = str(corpus / "mallar" / name)
        runs += [["export", example, "-o", str(out / "a.docx"), "--template", template],
                 ["validate-template", template]]
    for name in MOTIONS:
        runs.append(["import-motion", str(corpus / "motioner" / name), "-o",
                     str(out / "i.tillit")])
    runs += [
        ["export", example, "-o", str(out / "saknas" / "a.docx")],
        ["export", example, "-o", str(out)],
        ["new", "-o", str(out / "saknas" / "n.tillit")],
        ["build-template", "--profile", "generic", "-o", str(out / "saknas" / "m.docx")],
        ["new", "--force", "-o", str(corpus / "last" / "last.tillit")],
        ["export"], ["check"], ["new"], ["profiles", "extra"], ["finns-inte"],
        ["export", example, "-o", str(out / "a.docx"), "--okand-flagga"],
        ["check", example, "--format", "xml"],
    ]
    return runs


def test_every_command_over_every_broken_input(world, capsys):
    corpus, home, out = world
    before = _digest(corpus, home / "data", home / "config")  # cache/ is ours to rebuild
    failures = []
    runs = _runs(corpus, out)
    assert len(runs) > 150
    for args in runs:
        try:
            code = cli(args)
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code
        text = capsys.readouterr()
        shown = text.out + text.err
        lines = shown.splitlines()  # validate-template reports on stdout
        ok = (code in (1, 2) and any(line.startswith("Fel:") for line in lines)
              and "Traceback" not in shown)
        if not ok:
            failures.append((args, code, shown[-600:]))
        leftovers = sorted(p.name for p in out.iterdir())
        if leftovers:
            failures.append((args, "wrote", leftovers))
            for p in out.iterdir():
                if p.is_file():
                    p.unlink()
    assert failures == [], "\n".join(map(str, failures[:20]))
    assert _digest(corpus, home / "data", home / "config") == before


def test_broken_settings_and_drafts_do_not_touch_the_cli(world, capsys):
    corpus, home, out = world
    before = _digest(home / "config", home / "data" / "autosave")
    assert cli(["export", str(EXAMPLE_CASE), "-o", str(out / "a.docx")]) == 0
    assert cli(["check", str(EXAMPLE_CASE), "--no-spelling"]) in (0, 1)
    assert cli(["profiles"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for pid in BAD_PROFILES:
        assert f"{pid}{'/'}profile.toml" in err.replace("\\", "/"), pid
    assert _digest(home / "config", home / "data" / "autosave") == before
