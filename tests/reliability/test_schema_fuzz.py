"""Every key path of a rich case, replaced by values of every JSON type (issue 14, item 5).

For each mutation the load either refuses the file with the Swedish message that names the
path, or accepts it; an accepted case must then go through everything a user can do with it —
export, the full check, the review export, versions, comments, save and load again — without
any error other than a Swedish TillitError. ``make test`` loads every path with each type
(126 paths × 11 values) and sends the type-changing survivors and every 10th other one through
the pipeline; the ``slow`` marker sends every survivor and random combinations of several
mutations (TILLIT_FUZZ_COMBINATIONS, default 300).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tillit_desk.errors import CaseFileError, TillitError
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.fileformat import case_from_json, case_to_json, load_case, save_case
from tillit_desk.profiles import ProfileRegistry

WRONG = [5, -1, 1.5, None, True, "x", [], {}, [1], {"a": 1}, "9" * 20]


def rich_case() -> dict:
    """The example plus one of everything the review data can hold."""
    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    content = copy.deepcopy({k: v for k, v in data.items() if k not in ("format", "review")})
    data["beslutsplanering"] = [{"body": "Kommunstyrelsen", "date": "2022-06-01"}]
    data["review"] = {
        "format": 1,
        "status": {"arendet": {"status": "granskad", "by": "V C", "at": "2022-04-28T10:12"}},
        "comments": [{"id": "c1", "section": "arendet", "text": "Förklara.", "author": "V C",
                      "created": "2022-04-28T10:15", "start": 3, "end": 9, "quote": "abc",
                      "resolved": False, "resolved_by": "", "resolved_at": ""}],
        "ignored": [{"rule": "klarsprak.stela_ord", "section": "arendet", "excerpt": "Avseende",
                     "by": "A E", "at": "2022-04-28T11:00"}],
        "versions": [{"id": "v1", "name": "Till granskning", "created": "2022-04-27T16:00",
                      "author": "A E", "data": content}],
    }
    return data


def key_paths(node, prefix=()) -> Iterator[tuple]:
    """Every path to a value, through the first element of each list."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from key_paths(value, (*prefix, key))
    elif isinstance(node, list) and node:
        yield (*prefix, 0)
        yield from key_paths(node[0], (*prefix, 0))


def shown(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def mutated(data: dict, path: tuple, value) -> dict:
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def _same_kind(a, b) -> bool:
    return type(a) is type(b) or (isinstance(a, int | float) and isinstance(b, int | float)
                                  and not isinstance(a, bool) and not isinstance(b, bool))


def _use(case_text: str, tmp_path: Path, registry: ProfileRegistry) -> None:
    """Everything a user does with an opened case; only Swedish TillitErrors may come out."""
    from tillit_desk.export.docx import export_docx
    from tillit_desk.export.review_docx import export_review_docx
    from tillit_desk.review import workflow
    from tillit_desk.review.engine import check_case
    from tillit_desk.versions import CURRENT, diff_versions, list_versions

    path = tmp_path / "f.tillit"
    path.write_text(case_text, encoding="utf-8")
    case = load_case(path).case
    try:
        profile = registry.get(case.profile)
    except TillitError:
        profile = registry.get("generic")
    for step in (
        lambda: export_docx(case, profile, tmp_path / "a.docx"),
        lambda: check_case(case, profile, spelling=False),
        lambda: export_review_docx(case, profile, tmp_path / "r.docx",
                                   findings=check_case(case, profile, spelling=False)),
        lambda: [diff_versions(case, v.id, CURRENT) for v in list_versions(case)],
        lambda: [workflow.anchor(case, c) for c in workflow.comments(case)],
        lambda: workflow.statuses(case, list(case.sections)),
        lambda: save_case(case, path),
        lambda: load_case(path),
    ):
        with contextlib.suppress(TillitError):
            step()


def mutations() -> Iterator[tuple[tuple, object]]:
    data = rich_case()
    for path in key_paths(data):
        for value in WRONG:
            yield path, value


def _check_one(data: dict, path: tuple, value) -> bool:
    """Load the mutated case: refused with its path, or accepted (returns True)."""
    text = json.dumps(mutated(data, path, value), ensure_ascii=False)
    try:
        case_from_json(text, "f.tillit")
    except CaseFileError as err:
        message = str(err)
        assert message.startswith("f.tillit: "), message
        assert "Traceback" not in message
        if path != ("format",):
            # the message names the bad value's path (or, for a deleted requirement, its parent)
            assert f'"{shown(path)}' in message or f'"{shown(path[:-1])}' in message, (
                path, value, message)
        return False
    return True


def test_every_key_path_with_every_type(tmp_path):
    data = rich_case()
    registry = ProfileRegistry()
    accepted = []
    count = survivors = 0
    for path, value in mutations():
        count += 1
        changed = mutated(data, path, value)
        if _check_one(data, path, value):
            survivors += 1
            node = data
            for part in path:
                node = node[part]
            # every survivor that changed the value's type, and every 10th of the others
            if not _same_kind(node, value) or survivors % 10 == 0:
                accepted.append(case_to_json(case_from_json(json.dumps(changed), "f")))
    assert count > 1000  # every path of the rich case, each with every wrong type
    assert len(accepted) >= 25
    for text in accepted:
        _use(text, tmp_path, registry)


@pytest.mark.slow
def test_every_survivor_and_random_combinations_through_the_pipeline(tmp_path):
    data = rich_case()
    registry = ProfileRegistry()
    all_mutations = list(mutations())
    for path, value in all_mutations:
        if _check_one(data, path, value):
            _use(json.dumps(mutated(data, path, value)), tmp_path, registry)
    rng = random.Random(14)
    for _ in range(int(os.environ.get("TILLIT_FUZZ_COMBINATIONS", 300))):
        current = data
        for path, value in rng.sample(all_mutations, rng.randint(2, 6)):
            try:
                current = mutated(current, path, value)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation removed this path
        text = json.dumps(current)
        try:
            case_from_json(text, "f")
        except CaseFileError:
            continue
        _use(text, tmp_path, registry)
