from __future__ import annotations

import json
import stat

from tillit_desk.paths import app_paths
from tillit_desk.settings import (
    MAX_RECENT,
    MIN_AUTOSAVE_SECONDS,
    Settings,
    load_settings,
    save_settings,
)


def test_defaults_when_missing(tmp_path):
    s = load_settings(tmp_path / "nope.json")
    assert s == Settings()
    assert s.autosave_seconds == 60


def test_round_trip_keeps_unknown_keys(tmp_path):
    path = app_paths().settings_file
    s = Settings(name="Anna Andersson", title="Utredare", email="anna@example.se",
                 autosave_seconds=120, soffice_path="/opt/lo/soffice",
                 extra={"future_key": [1, 2]})
    save_settings(s, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_settings(path)
    assert again.name == "Anna Andersson"
    assert again.autosave_seconds == 120
    assert again.extra == {"future_key": [1, 2]}
    assert again.handlaggare().email == "anna@example.se"


def test_broken_values_fall_back(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": 5, "autosave_seconds": "x", "recent_files": "a"}))
    s = load_settings(path)
    assert s.name == "" and s.autosave_seconds == 60 and s.recent_files == []
    path.write_text(json.dumps({"autosave_seconds": 1}))
    assert load_settings(path).autosave_seconds == 10
    path.write_text("{not json")
    assert load_settings(path) == Settings()


def test_recent_files_order_and_limit(tmp_path):
    s = Settings()
    for i in range(MAX_RECENT + 3):
        s.add_recent(tmp_path / f"{i}.tillit")
    s.add_recent(tmp_path / "5.tillit")
    assert len(s.recent_files) == MAX_RECENT
    assert s.recent_files[0].endswith("5.tillit")
    assert sum(p.endswith("5.tillit") for p in s.recent_files) == 1
    (tmp_path / "5.tillit").write_text("x")
    assert [p.name for p in s.existing_recent()] == ["5.tillit"]


def test_hostile_settings_never_stop_the_program(tmp_path):
    """Issue 12/14: deep nesting and 1e999 stopped the window from starting."""
    path = tmp_path / "s.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    s = load_settings(path)
    assert s.autosave_seconds == 60 and s.notes  # defaults, and a note to show
    path.write_text('{"autosave_seconds": 1e999, "name": "Anna"}')
    s = load_settings(path)
    assert s.autosave_seconds == 60 and s.name == "Anna"
    assert any("autosave_seconds" in n for n in s.notes)
    for bad in ("NaN", "-1e999", "true", '"60"', "[60]"):
        path.write_text(f'{{"autosave_seconds": {bad}}}')
        assert MIN_AUTOSAVE_SECONDS <= load_settings(path).autosave_seconds <= 3600, bad
    deep = '{"future": ' + "[" * 5000 + "]" * 5000 + ', "name": "Bo"}'
    path.write_text(deep)
    s = load_settings(path)
    save_settings(s, tmp_path / "again.json")  # whatever was read can be written back
    assert load_settings(tmp_path / "again.json").name == s.name
    assert Settings().notes == [] and "notes" not in Settings().to_dict()
