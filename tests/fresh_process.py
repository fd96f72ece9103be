"""Run a snippet in a fresh Python: what a module imports can only be seen in a new process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``python -c code`` from the project root with its own ``TILLIT_DESK_HOME``."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, TILLIT_DESK_HOME=str(home)))
