"""The officer's own settings (name, default profile, autosave, LibreOffice), as JSON.

Stored in the config folder from ``paths.app_paths()``. A broken or foreign settings file must
never stop the program from starting: unknown keys are kept, bad values fall back to defaults.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .case import Handlaggare
from .errors import TillitError
from .safe_write import write_text_atomic

MAX_RECENT = 10
MIN_AUTOSAVE_SECONDS = 10
MAX_AUTOSAVE_SECONDS = 3600


class SettingsError(TillitError):
    """The settings file could not be written."""


@dataclass
class Settings:
    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    default_profile: str = "generic"
    autosave_seconds: int = 60
    soffice_path: str = ""
    recent_files: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def handlaggare(self) -> Handlaggare:
        return Handlaggare(name=self.name, title=self.title, email=self.email, phone=self.phone)

    def add_recent(self, path: Path | str) -> None:
        """Most recent first, no duplicates, at most MAX_RECENT."""
        text = str(Path(path).resolve())
        self.recent_files = [text, *[p for p in self.recent_files if p != text]][:MAX_RECENT]

    def existing_recent(self) -> list[Path]:
        return [Path(p) for p in self.recent_files if Path(p).is_file()]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}


def _clamp_interval(value: Any) -> int:
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        return Settings.autosave_seconds
    return max(MIN_AUTOSAVE_SECONDS, min(MAX_AUTOSAVE_SECONDS, seconds))


def settings_from_dict(data: Any) -> Settings:
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    known = {f.name for f in fields(Settings) if f.name != "extra"}
    kwargs: dict[str, Any] = {}
    for name in known:
        value = data.get(name, getattr(defaults, name))
        default = getattr(defaults, name)
        if name == "autosave_seconds":
            value = _clamp_interval(value)
        elif name == "recent_files":
            value = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        elif not isinstance(value, type(default)):
            value = default
        kwargs[name] = value
    return Settings(**kwargs, extra={k: v for k, v in data.items() if k not in known})


def load_settings(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (never an error)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return settings_from_dict(data)


def save_settings(settings: Settings, path: Path) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise SettingsError(f"Mappen för inställningar kunde inte skapas: {err}") from err
    text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(path, text, error_cls=SettingsError, keep_backup=False)
