from __future__ import annotations

import json
import stat
from pathlib import Path

from tillit_desk import autosave
from tillit_desk.autosave import Autosaver, find_drafts
from tillit_desk.errors import CaseFileError
from tillit_desk.paths import app_paths


def test_draft_round_trip_and_never_touches_source(tmp_path, example_case):
    source = tmp_path / "mitt.tillit"
    source.write_text("original")
    saver = Autosaver(app_paths().autosave_dir)
    example_case.sections["bedomning"] = "Ny bedömning."
    path = saver.save(example_case, source)
    assert path.parent == app_paths().autosave_dir
    assert source.read_text() == "original"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    drafts = find_drafts(app_paths().autosave_dir)
    assert len(drafts) == 1
    assert drafts[0].source == source
    assert drafts[0].load().sections["bedomning"] == "Ny bedömning."
    assert "mitt.tillit" in drafts[0].describe()
    assert find_drafts(app_paths().autosave_dir, exclude=saver) == []
    saver.discard()
    assert find_drafts(app_paths().autosave_dir) == []


def test_drafts_of_running_processes_are_skipped(monkeypatch, example_case):
    folder = app_paths().autosave_dir
    saver = Autosaver(folder)
    saver.save(example_case, None)
    data = json.loads(saver.path.read_text())
    data["pid"] = 424242
    saver.path.write_text(json.dumps(data))
    monkeypatch.setattr(autosave, "pid_alive", lambda pid: True)
    assert find_drafts(folder) == []
    monkeypatch.setattr(autosave, "pid_alive", lambda pid: False)
    assert [d.source for d in find_drafts(folder)] == [None]


def test_garbage_files_are_ignored(example_case):
    folder = app_paths().autosave_dir
    folder.mkdir(parents=True)
    (folder / "x.autosave").write_text("{broken")
    (folder / "y.autosave").write_text(json.dumps({"format": "other"}))
    assert find_drafts(folder) == []


def test_hostile_drafts_are_skipped_not_fatal(example_case):
    """A draft with deep nesting crashed the restore offer (issue 12)."""
    folder = app_paths().autosave_dir
    folder.mkdir(parents=True)
    (folder / "deep.autosave").write_text("[" * 100_000 + "]" * 100_000)
    inner = ('{"format": "tillit-desk-autosave/1", "pid": 0, "saved_at": "x", "case": '
             '{"sections": ' + "[" * 50_000 + "]" * 50_000 + "}}")
    (folder / "deep-case.autosave").write_text(inner)
    for draft in find_drafts(folder):  # never raises; a listed draft loads or says why
        try:
            draft.load()
        except CaseFileError as err:
            assert "kunde inte läsas" in str(err)


def test_draft_source_is_only_a_tillit_file(example_case):
    """Issue 14.9: a draft's source decides where Save writes; only a .tillit path counts."""
    folder = app_paths().autosave_dir
    saver = Autosaver(folder)
    saver.save(example_case, None)
    data = json.loads(saver.path.read_text())
    for source, expected in (("/etc/passwd", None), ("relativ.tillit", None), (5, None),
                             ("/home/x/arende.tillit", Path("/home/x/arende.tillit"))):
        data["source"], data["pid"] = source, 0
        saver.path.write_text(json.dumps(data))
        assert [d.source for d in find_drafts(folder)] == [expected], source
