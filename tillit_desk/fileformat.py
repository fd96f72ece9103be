"""The .tillit file: versioned UTF-8 JSON, saved atomically, recovered after a crash.

The key names are a public contract (docs/file-format.md). Loading never writes, and a file that
cannot be read is never overwritten by us: the caller gets a CaseFileError in Swedish.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .case import Case
from .errors import CaseFileError
from .safe_write import (
    backup_path_for,
    remove_stale_temps,
    temp_candidates,
    write_text_atomic,
)

FORMAT_ID = "tillit-desk/1"
SUFFIX = ".tillit"
MAX_FILE_BYTES = 200 * 1024 * 1024

# key path -> expected JSON type(s); these must be present in every valid file
_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "format": str,
    "profile": str,
    "document": dict,
    "sections": dict,
}
_TYPED: dict[str, type | tuple[type, ...]] = {
    "document.title": str,
    "document.diarienummer": str,
    "document.date": str,
    "document.organisation": str,
    "document.unit": str,
    "document.handlaggare": dict,
    "document.decision_chain": str,
    "motion": (dict, type(None)),
    "underlag": list,
    "beslutsplanering": list,
    "skickas_till": list,
    "signatories": list,
    "review": dict,
}
_TYPE_NAMES = {str: "text", dict: "objekt", list: "lista", type(None): "null"}


@dataclass
class LoadResult:
    case: Case
    recovered_from: Path | None = None  # set when the main file was broken or missing


def case_to_json(case: Case) -> str:
    data = {"format": FORMAT_ID}
    data.update(case.to_dict())
    data["format"] = FORMAT_ID
    if case.motion is None:
        data["motion"] = None
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _type_label(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " eller ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)


def _lookup(data: dict[str, Any], dotted: str) -> tuple[bool, Any]:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _validate(data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise CaseFileError(f"{where}: filen innehåller inte ett ärende (JSON-objekt saknas).")
    fmt = data.get("format")
    if fmt != FORMAT_ID:
        if isinstance(fmt, str) and fmt.startswith("tillit-desk/"):
            raise CaseFileError(
                f"{where}: filen har formatversion {fmt!r}, som den här versionen av Tillit Desk "
                f"inte kan läsa (den läser {FORMAT_ID!r}). Uppdatera programmet."
            )
        raise CaseFileError(
            f"{where}: filen är inte ett Tillit Desk-ärende (nyckeln \"format\" ska vara "
            f"{FORMAT_ID!r}, hittade {fmt!r})."
        )
    for key, expected in _REQUIRED.items():
        if key not in data:
            raise CaseFileError(f"{where}: nyckeln \"{key}\" saknas.")
        if not isinstance(data[key], expected):
            raise CaseFileError(
                f"{where}: \"{key}\" ska vara {_type_label(expected)}."
            )
    for key, expected in _TYPED.items():
        present, value = _lookup(data, key)
        if present and not isinstance(value, expected):
            raise CaseFileError(f"{where}: \"{key}\" ska vara {_type_label(expected)}.")
    for sid, text in data["sections"].items():
        if not isinstance(text, str):
            raise CaseFileError(f"{where}: avsnittet \"sections.{sid}\" ska vara text.")
    for key in ("underlag", "beslutsplanering", "skickas_till", "signatories"):
        for i, item in enumerate(data.get(key) or []):
            if not isinstance(item, dict):
                raise CaseFileError(f"{where}: \"{key}[{i}]\" ska vara ett objekt.")
    motion = data.get("motion")
    if isinstance(motion, dict):
        for i, item in enumerate(motion.get("motionarer") or []):
            if not isinstance(item, dict):
                raise CaseFileError(f"{where}: \"motion.motionarer[{i}]\" ska vara ett objekt.")
        for i, item in enumerate(motion.get("yrkanden") or []):
            if not isinstance(item, str):
                raise CaseFileError(f"{where}: \"motion.yrkanden[{i}]\" ska vara text.")


def case_from_json(text: str, where: str = "Filen") -> Case:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise CaseFileError(
            f"{where}: filen är inte giltig JSON (rad {err.lineno}, kolumn {err.colno}: "
            f"{err.msg}). Den kan vara skadad eller inte en .tillit-fil."
        ) from err
    _validate(data, where)
    data = dict(data)
    data.pop("format", None)
    try:
        return Case.from_dict(data)
    except (TypeError, AttributeError) as err:  # a wrong shape somewhere deeper
        raise CaseFileError(f"{where}: en post har fel form ({err}).") from err


def _read_text(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise CaseFileError(
            f"{path}: filen är {size // (1024 * 1024)} MB, större än gränsen "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB för ett ärende."
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise CaseFileError(f"{path}: filen är tom.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CaseFileError(
            f"{path}: filen är inte UTF-8-text (byte {err.start}). Den är inte en .tillit-fil."
        ) from err


def _load_one(path: Path) -> Case:
    try:
        text = _read_text(path)
    except FileNotFoundError as err:
        raise CaseFileError(f"Filen {path} finns inte.") from err
    except IsADirectoryError as err:
        raise CaseFileError(f"{path} är en mapp, inte en ärendefil.") from err
    except PermissionError as err:
        raise CaseFileError(f"Du saknar läsrättighet till {path}.") from err
    return case_from_json(text, str(path))


def load_case(path: Path | str) -> LoadResult:
    """Load a case; if the file is missing or broken, fall back to what a crashed save left.

    Recovery order: the file itself, then ``<name>.bak`` (the previous version kept during a
    save), then the newest complete temp file. The broken original is left as it is. After a
    good load, temps that killed saves left beside the file are removed (they are not needed
    while the file itself reads).
    """
    path = Path(path)
    try:
        result = LoadResult(_load_one(path))
    except CaseFileError as first_error:
        for candidate in [backup_path_for(path), *temp_candidates(path)]:
            if not candidate.exists():
                continue
            try:
                return LoadResult(_load_one(candidate), recovered_from=candidate)
            except CaseFileError:
                continue
        raise first_error from None
    remove_stale_temps(path.parent, path)
    return result


def save_case(case: Case, path: Path | str) -> None:
    """Atomic, owner-only save (temp file, fsync, .bak during the swap, os.replace)."""
    write_text_atomic(Path(path), case_to_json(case), error_cls=CaseFileError)
