"""Tillit Desk. `python main.py` opens the window; `python main.py <command>` runs the CLI."""

from __future__ import annotations

import sys

from tillit_desk.launcher import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
