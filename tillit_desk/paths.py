"""Every user folder in one place (platformdirs), resolved when asked, never at import time.

Tests and portable installs set ``TILLIT_DESK_HOME`` to keep everything under one folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "TillitDesk"


@dataclass(frozen=True)
class AppPaths:
    """The user's folders for settings, data (profiles, autosaves) and caches."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path  # rebuildable data only (the compact spelling dictionary)

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def profiles_dir(self) -> Path:
        return self.data_dir / "profiles"

    @property
    def autosave_dir(self) -> Path:
        return self.data_dir / "autosave"

    @property
    def dictionary_file(self) -> Path:
        return self.data_dir / "ordlista.txt"

    def ensure(self) -> AppPaths:
        """Create the folders owner-only (drafts and autosaves can hold personal data).

        Called once at start-up, it also removes the temps of autosaves a killed window left.
        """
        from .safe_write import private_dir, remove_stale_temps

        for folder in (self.config_dir, self.data_dir, self.profiles_dir, self.autosave_dir):
            private_dir(folder)
        remove_stale_temps(self.autosave_dir)
        return self


def app_paths() -> AppPaths:
    home = os.environ.get("TILLIT_DESK_HOME")
    if home:
        base = Path(home)
        return AppPaths(config_dir=base / "config", data_dir=base / "data",
                        cache_dir=base / "cache")
    import platformdirs

    return AppPaths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )
