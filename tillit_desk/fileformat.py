"""The .tillit file: versioned UTF-8 JSON, saved atomically, recovered after a crash.

The key names are a public contract (docs/file-format.md). Loading never writes, and a file that
cannot be read is never overwritten by us: the caller gets a CaseFileError in Swedish.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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

# A lone surrogate is valid JSON ("\ud800") but no valid UTF-8: such a file opened and could
# never be saved. Escaped ones are found in the raw text before the (rare) walk over the data.
_ESCAPED_SURROGATE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


@dataclass
class LoadResult:
    """A loaded case, with where it was recovered from and what the user should be told."""

    case: Case
    recovered_from: Path | None = None  # set when the main file was broken or missing
    warnings: list[str] = field(default_factory=list)  # Swedish, for the status bar or stderr


def case_to_json(case: Case) -> str:
    data = {"format": FORMAT_ID}
    data.update(case.to_dict())
    data["format"] = FORMAT_ID
    if case.motion is None:
        data["motion"] = None
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # a lone surrogate (pasted, or from a file older than the cleaning on load) cannot be UTF-8
    return _SURROGATE_RE.sub(REPLACEMENT, text) if _SURROGATE_RE.search(text) else text


# What json.loads says about a broken file, in the words of the Swedish message.
_JSON_REASONS = {
    "Expecting value": "ett värde saknas",
    "Expecting property name enclosed in double quotes": "ett namn inom citattecken väntades",
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Unterminated string starting at": "en text tar aldrig slut",
    "Extra data": "det står mer efter ärendets slut",
    "Invalid control character at": "ett otillåtet styrtecken",
    "Invalid \\escape": "en ogiltig \\-sekvens",
    "Invalid \\uXXXX escape": "en ogiltig \\u-sekvens",
}
_KINDS = {list: "en lista", str: "text", int: "ett tal", float: "ett tal",
          bool: "ett sanningsvärde", type(None): "ingenting (null)"}


def _not_json(err: json.JSONDecodeError, where: str) -> CaseFileError:
    """A broken file in words a Word user follows: where the reading stops, and why."""
    reason = _JSON_REASONS.get(err.msg)
    why = f": {reason}" if reason else ""
    return CaseFileError(
        f"{where}: filen är skadad eller inte en .tillit-fil (den går inte att läsa från rad "
        f"{err.lineno}, tecken {err.colno}{why})."
    )


def _check_format(data: Any, where: str) -> None:
    if not isinstance(data, dict):
        kind = _KINDS.get(type(data), "något annat")
        raise CaseFileError(f"{where}: filen innehåller inte ett ärende utan {kind}.")
    fmt = data.get("format")
    if fmt != FORMAT_ID:
        if isinstance(fmt, str) and fmt.startswith("tillit-desk/"):
            raise CaseFileError(
                f"{where}: filen har formatversion {fmt!r}, som den här versionen av Tillit Desk "
                f"inte kan läsa (den läser {FORMAT_ID!r}). Uppdatera programmet."
            )
        found = (f"formatet är ”{fmt}”" if isinstance(fmt, str) and len(fmt) <= 40
                 else "formatuppgiften saknas" if fmt is None else "formatuppgiften är fel")
        raise CaseFileError(
            f"{where}: filen är inte ett Tillit Desk-ärende ({found}; ett ärende har "
            f"”{FORMAT_ID}”)."
        )


def _clean_surrogates(data: Any) -> int:
    """Replace lone surrogates in every string and key (in place); returns how many strings.

    Iterative: the data can be nested as deep as the JSON parser allowed.
    """
    cleaned = 0
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(value, str) and _SURROGATE_RE.search(value):
                    value = _SURROGATE_RE.sub(REPLACEMENT, value)
                    cleaned += 1
                if _SURROGATE_RE.search(key):
                    del node[key]
                    key = _SURROGATE_RE.sub(REPLACEMENT, key)
                    cleaned += 1
                node[key] = value
                if isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str) and _SURROGATE_RE.search(value):
                    node[i] = _SURROGATE_RE.sub(REPLACEMENT, value)
                    cleaned += 1
                elif isinstance(value, dict | list):
                    stack.append(value)
    return cleaned


def _normalise(data: dict[str, Any]) -> None:
    """JSON has no integer type of its own: a comment span written as 12.0 becomes 12."""
    review = data.get("review")
    for comment in review.get("comments", []) if isinstance(review, dict) else []:
        for key in ("start", "end"):
            if isinstance(comment.get(key), float):
                comment[key] = int(comment[key])


def case_from_json(text: str, where: str = "Filen", warnings: list[str] | None = None) -> Case:
    """Parse and validate a case; cleaning notes (in Swedish) go to ``warnings`` if given."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _not_json(err, where) from err
    except RecursionError:
        raise CaseFileError(
            f"{where}: filen är för djupt nästlad (listor eller objekt i hundratals nivåer) "
            "och kan inte vara ett ärende."
        ) from None
    except ValueError as err:  # Python refuses to read integers of more than 4 300 digits
        raise CaseFileError(
            f"{where}: filen innehåller ett tal med för många siffror och kan inte vara ett "
            "ärende."
        ) from err
    _check_format(data, where)
    if _ESCAPED_SURROGATE_RE.search(text):
        cleaned = _clean_surrogates(data)
        if cleaned and warnings is not None:
            warnings.append(
                f"{where}: {cleaned} textfält innehöll ogiltiga tecken (ensamma surrogattecken); "
                "de har ersatts med \ufffd. Spara för att rätta filen.")
    from .caseschema import validate

    validate(data, where)
    _normalise(data)
    data = dict(data)
    data.pop("format", None)
    try:
        return Case.from_dict(data)
    except (TypeError, AttributeError, ValueError) as err:  # a shape the schema let through
        raise CaseFileError(f"{where}: en post har fel form ({err}).") from err


_BOM = b"\xef\xbb\xbf"


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
    # A BOM (as Notepad writes) is dropped by hand: the "utf-8-sig" codec is a module of its
    # own, imported on first use (~0.3 ms of the window's first paint) for the same result.
    bom = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        raise CaseFileError(
            f"{path}: filen är inte UTF-8-text (byte {err.start + bom}). Den är inte en "
            ".tillit-fil."
        ) from err


def _load_one(path: Path, warnings: list[str] | None = None) -> Case:
    try:
        text = _read_text(path)
    except FileNotFoundError as err:
        raise CaseFileError(f"Filen {path} finns inte.") from err
    except IsADirectoryError as err:
        raise CaseFileError(f"{path} är en mapp, inte en ärendefil.") from err
    except PermissionError as err:
        raise CaseFileError(f"Du saknar läsrättighet till {path}.") from err
    return case_from_json(text, str(path), warnings)


def load_case(path: Path | str) -> LoadResult:
    """Load a case; if the file is missing or broken, fall back to what a crashed save left.

    Recovery order: the file itself, then ``<name>.bak`` (the previous version kept during a
    save), then the newest complete temp file. The broken original is left as it is. After a
    good load, temps that killed saves left beside the file are removed (they are not needed
    while the file itself reads).
    """
    path = Path(path)
    warnings: list[str] = []
    try:
        result = LoadResult(_load_one(path, warnings), warnings=warnings)
    except CaseFileError as first_error:
        for candidate in [backup_path_for(path), *temp_candidates(path)]:
            if not candidate.exists():
                continue
            warnings = []
            try:
                return LoadResult(_load_one(candidate, warnings), recovered_from=candidate,
                                  warnings=warnings)
            except CaseFileError:
                continue
        raise first_error from None
    remove_stale_temps(path.parent, path)
    return result


def save_case(case: Case, path: Path | str) -> None:
    """Atomic, owner-only save (temp file, fsync, .bak during the swap, os.replace)."""
    write_text_atomic(Path(path), case_to_json(case), error_cls=CaseFileError)
