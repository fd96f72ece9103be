"""The officer's own settings (name, default profile, autosave, LibreOffice), as JSON.

Stored in the config folder from ``paths.app_paths()``. A broken or foreign settings file must
never stop the program from starting: unknown keys are kept, bad values fall back to defaults,
and each fallback leaves a Swedish note (``Settings.notes``) that the window shows.
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


def login_name() -> str:
    """The operating system user's login name ("" when it cannot be found out)."""
    import getpass  # only when a review signs something

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class SettingsError(TillitError):
    """The settings file could not be written."""


@dataclass
class Settings:
    """The user's own settings (settings.json): who they are and how the window behaves."""

    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    default_profile: str = "generic"
    autosave_seconds: int = 60
    soffice_path: str = ""
    recent_files: list[str] = field(default_factory=list)
    zoom_percent: int = 100  # the section editors' text size (Visa → Zooma)
    extra: dict[str, Any] = field(default_factory=dict, repr=False)
    notes: list[str] = field(default_factory=list, repr=False, compare=False)  # not saved

    def signature(self) -> str:
        """The name review comments, statuses and versions are signed with: the name given
        here, else the login name, as Word signs with the Office user name."""
        return self.name or login_name()

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
        data.pop("notes")
        return {**extra, **data}


def _clamp_interval(value: Any) -> int | None:
    """Seconds within the allowed range; None for what is not a number (1e999, NaN, text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = int(value)
    except (OverflowError, ValueError):  # inf, nan
        return None
    return max(MIN_AUTOSAVE_SECONDS, min(MAX_AUTOSAVE_SECONDS, seconds))


def _writable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (RecursionError, ValueError, TypeError):
        return False
    return True


def settings_from_dict(data: Any) -> Settings:
    if not isinstance(data, dict):
        return Settings(notes=["Inställningsfilen har fel form; standardinställningarna används."])
    defaults = Settings()
    known = {f.name for f in fields(Settings) if f.name not in ("extra", "notes")}
    kwargs: dict[str, Any] = {}
    notes: list[str] = []
    for name in known:
        default = getattr(defaults, name)
        if name not in data:
            kwargs[name] = default
            continue
        value = data[name]
        if name == "autosave_seconds":
            value = _clamp_interval(value)
        elif name == "zoom_percent":
            value = value if isinstance(value, int) and not isinstance(value, bool) \
                and 50 <= value <= 300 else None
        elif name == "recent_files":
            value = [v for v in value if isinstance(v, str)] if isinstance(value, list) else None
        elif not isinstance(value, type(default)):
            value = None
        if value is None:
            notes.append(f"Inställningen ”{name}” hade ett ogiltigt värde; standardvärdet "
                         "används.")
            value = default
        kwargs[name] = value
    extra = {k: v for k, v in data.items() if k not in known and _writable(v)}
    if len(extra) + len(known & data.keys()) < len(data):
        notes.append("Okända inställningar som inte gick att läsa togs bort.")
    return Settings(**kwargs, extra=extra, notes=notes)


def load_settings(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (never an error)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as err:
        return Settings(notes=[f"Inställningarna kunde inte läsas ({err}); "
                               "standardinställningarna används."])
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return Settings(notes=["Inställningsfilen är skadad; standardinställningarna används."])
    return settings_from_dict(data)


def save_settings(settings: Settings, path: Path) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise SettingsError(f"Mappen för inställningar kunde inte skapas: {err}") from err
    text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(path, text, error_cls=SettingsError, keep_backup=False)
