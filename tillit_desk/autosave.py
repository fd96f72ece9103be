"""Autosave drafts and crash recovery, kept apart from the user's own files.

Each running window has a session; its draft lives in ``app_paths().autosave_dir`` as
``<session>.autosave`` (JSON with the case and where it came from). A clean close deletes the
draft, so a draft found at start-up whose process is gone means the program crashed: the window
offers to restore it. We never write to the user's own ``.tillit`` file here.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from .case import Case
from .errors import CaseFileError
from .fileformat import case_from_json, case_to_json
from .safe_write import pid_alive, write_text_atomic

DRAFT_FORMAT = "tillit-desk-autosave/1"
SUFFIX = ".autosave"


@dataclass
class Draft:
    path: Path
    source: Path | None  # the user's file the draft belongs to, None for an unsaved case
    saved_at: str
    pid: int
    title: str

    def load(self) -> Case:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return case_from_json(json.dumps(data["case"]), str(self.path))
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as err:
            raise CaseFileError(f"Utkastet {self.path.name} kunde inte läsas ({err}).") from err

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def describe(self) -> str:
        name = self.source.name if self.source else "ett osparat ärende"
        when = self.saved_at.replace("T", " ")[:16]
        title = f" ”{self.title}”" if self.title else ""
        return f"{name}{title}, autosparat {when}"


class Autosaver:
    """Writes this session's draft; ``discard()`` on a clean close or after a real save."""

    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = Path(folder)
        self.session = session or uuid.uuid4().hex
        self.path = self.folder / f"{self.session}{SUFFIX}"

    def save(self, case: Case, source: Path | None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = {
            "format": DRAFT_FORMAT,
            "source": str(source) if source else None,
            "pid": os.getpid(),
            "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
            "case": json.loads(case_to_json(case)),
        }
        text = json.dumps(payload, ensure_ascii=False) + "\n"
        write_text_atomic(self.path, text, error_cls=CaseFileError, keep_backup=False)
        return self.path

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def draft_source(value: object) -> Path | None:
    """Where the draft's case came from, if it is an absolute path to a ``.tillit`` file:
    the window saves there after a restore (once the user confirms), so nothing else counts."""
    if not isinstance(value, str) or "\0" in value:
        return None
    path = Path(value)
    return path if path.is_absolute() and path.suffix == ".tillit" else None


def find_drafts(folder: Path, exclude: Autosaver | None = None) -> list[Draft]:
    """Drafts left by windows that are no longer running, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    drafts: list[Draft] = []
    for path in folder.glob(f"*{SUFFIX}"):
        if exclude is not None and path == exclude.path:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue
        if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
            continue
        pid = data.get("pid") if isinstance(data.get("pid"), int) else 0
        if pid != os.getpid() and pid_alive(pid):
            continue
        case = data.get("case") if isinstance(data.get("case"), dict) else {}
        doc = case.get("document") if isinstance(case.get("document"), dict) else {}
        drafts.append(Draft(path, draft_source(data.get("source")),
                            str(data.get("saved_at", "")), pid, str(doc.get("title", ""))))
    drafts.sort(key=lambda d: d.saved_at, reverse=True)
    return drafts
