"""Decides between window and command line without importing Qt for CLI use."""

from __future__ import annotations

from collections.abc import Sequence

GUI_FLAGS = {"--gui"}


def _wants_cli(argv: Sequence[str]) -> bool:
    if not argv:
        return False
    first = argv[0]
    if first in ("-h", "--help", "--version"):
        return True
    return not (first.endswith(".tillit") or first in GUI_FLAGS)


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    if _wants_cli(argv):
        from .cli import main as cli_main

        return cli_main(argv)
    try:
        from .gui.app import run_gui
    except ImportError as err:  # GUI not available: show what the CLI can do instead
        from .cli import build_parser

        print(f"Fönstret kan inte öppnas ({err}). Kommandoraden fungerar:\n")
        build_parser().print_help()
        return 1
    return run_gui([a for a in argv if a not in GUI_FLAGS])
