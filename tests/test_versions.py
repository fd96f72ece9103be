"""Named versions inside the case and their per-section diff."""

from __future__ import annotations

import copy

import pytest

from tillit_desk.fileformat import case_from_json, case_to_json
from tillit_desk.versions import (
    CURRENT,
    delete_version,
    diff_rows,
    diff_versions,
    get_version,
    list_versions,
    save_version,
    word_changes,
)


@pytest.fixture
def case(example_case):
    return copy.deepcopy(example_case)


def test_save_and_list_versions_round_trip(case):
    v1 = save_version(case, "Till granskning", author="Anders Eriksson",
                      at="2022-04-20T10:00:00+02:00")
    case.sections["barnets_basta"] = "Barn berörs inte av förslaget."
    v2 = save_version(case, "Efter granskning")
    loaded = case_from_json(case_to_json(case))
    names = [v.name for v in list_versions(loaded)]
    assert names == ["Till granskning", "Efter granskning"]
    first = get_version(loaded, v1.id)
    assert first.author == "Anders Eriksson" and first.created.startswith("2022-04-20")
    assert "review" not in first.data  # snapshots never nest
    assert first.data["sections"]["barnets_basta"].startswith("En barnkonsekvensanalys")
    assert get_version(loaded, v2.id).data["sections"]["barnets_basta"].startswith("Barn berörs")


def test_snapshot_is_a_copy(case):
    v = save_version(case, "A")
    case.sections["arendet"] = "Helt ny text."
    assert get_version(case, v.id).data["sections"]["arendet"] != "Helt ny text."


def test_diff_two_versions_per_section(case):
    v1 = save_version(case, "A")
    case.sections["ekonomiska_konsekvenser"] = ("Förslaget kostar 200 000 kronor.\n\n"
                                                "Kostnaden ryms i budgeten.")
    case.document.date = "2022-05-09"
    v2 = save_version(case, "B")
    diffs = {d.section: d for d in diff_versions(case, v1.id, v2.id)}
    assert not diffs["arendet"].changed
    eko = diffs["ekonomiska_konsekvenser"]
    assert eko.changed and eko.heading == "Ekonomiska konsekvenser"
    assert [r.tag for r in eko.rows] == ["replace", "insert", "insert"]
    assert eko.rows[0].old == "Förslaget medför inga ekonomiska konsekvenser."
    assert eko.rows[0].new == "Förslaget kostar 200 000 kronor."
    assert eko.rows[2].old is None and eko.rows[2].new == "Kostnaden ryms i budgeten."
    assert "+Kostnaden ryms i budgeten." in eko.unified()
    assert diffs["dokument"].changed and "Datum: 2022-05-09" in diffs["dokument"].new


def test_diff_version_against_current(case):
    v1 = save_version(case, "A")
    case.sections["arendet"] = case.sections["arendet"].replace("trevande", "försiktigt")
    changed = [d.section for d in diff_versions(case, v1.id, CURRENT) if d.changed]
    assert changed == ["arendet"]


def test_diff_rows_and_word_changes():
    rows = diff_rows("a\nb\nc", "a\nB\nc\nd")
    assert [(r.tag, r.old, r.new) for r in rows] == [
        ("equal", "a", "a"), ("replace", "b", "B"), ("equal", "c", "c"), ("insert", None, "d")]
    assert ("replace", "lämnat", "") not in word_changes("har lämnat", "har lämnat")
    assert word_changes("har lämnat den 21 januari lämnat", "har den 21 januari lämnat")[1] == (
        "delete", "lämnat", "")


def test_delete_version(case):
    v = save_version(case, "A")
    delete_version(case, v.id)
    assert list_versions(case) == []
    with pytest.raises(KeyError):
        get_version(case, v.id)
