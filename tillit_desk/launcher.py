"""Decides between window and command line without importing Qt for CLI use."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

GUI_FLAGS = {"--gui"}
SMOKE_FLAG = "--smoke-test"  # hidden: checks a built bundle (see tests/packaging)


def _wants_cli(argv: Sequence[str]) -> bool:
    if not argv:
        return False
    first = argv[0]
    if first in ("-h", "--help", "--version"):
        return True
    return not (first.endswith(".tillit") or first in GUI_FLAGS)


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    if argv and argv[0] == SMOKE_FLAG:
        return _smoke_test(argv[1:])
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


def run() -> int:
    """The installed ``tillit-desk`` command: the window without arguments, as its help says."""
    return main(sys.argv[1:])


def _smoke_test(args: list[str]) -> int:
    """``--smoke-test OUT.docx [CASE.tillit]``: the window exports a case offscreen and quits."""
    if not args or len(args) > 2:
        print("Användning: tillit-desk --smoke-test UT.docx [ÄRENDE.tillit]", file=sys.stderr)
        return 2
    try:
        from .gui.app import run_smoke_test
    except ImportError as err:
        print(f"Röktestet misslyckades: fönstret kan inte startas ({err}).", file=sys.stderr)
        return 1
    return run_smoke_test(Path(args[0]), Path(args[1]) if len(args) > 1 else None)
