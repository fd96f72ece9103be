"""``import-docx``: the CLI face of the Word import (no Qt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import WordImportError


def register(subparsers) -> None:
    """Called by tillit_desk.cli to add the subcommand."""
    p = subparsers.add_parser(
        "import-docx",
        help="läs in en tjänsteskrivelse från Word (DOCX) som ett ärende",
        description="Läser rubriker, avsnitt, förslag till beslut, beslutsunderlag, mottagare, "
                    "underskrifter och Word-kommentarer. Spårade ändringar (och ändringar i en "
                    "DOCX som Tillit Desk exporterat) blir förslag som granskas i fönstret, "
                    "eller godtas/avvisas alla med en flagga.",
    )
    p.add_argument("docx", help="Word-dokumentet (.docx)")
    p.add_argument("-o", "--output", required=True, help="ny .tillit-fil")
    p.add_argument("--profile", help="profil-id (se 'profiles'); utan: gissas från dokumentet")
    p.add_argument("--base", help="ett befintligt ärende att jämföra med (trevägsjämförelse "
                                  "för en DOCX som exporterats från det ärendet)")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--accept-all", action="store_true",
                        help="godta alla ändringar från Word")
    choice.add_argument("--reject-all", action="store_true",
                        help="avvisa alla ändringar från Word")
    p.add_argument("--force", action="store_true", help="skriv över en befintlig fil")
    p.set_defaults(func=cmd_import_docx)


def cmd_import_docx(args: argparse.Namespace) -> int:
    from ..fileformat import load_case, save_case
    from ..paths import app_paths
    from ..profiles import ProfileRegistry, TomlCache
    from .importer import import_docx

    out = Path(args.output)
    if out.suffix.lower() != ".tillit":
        raise WordImportError(f"{out}: filnamnet ska sluta på .tillit.")
    if out.exists() and not args.force:
        raise WordImportError(f"{out} finns redan. Använd --force för att skriva över.")
    from ..filelock import refuse_if_open

    refuse_if_open(out)  # a window has it open: never written over
    if out.resolve() == Path(args.docx).resolve():
        raise WordImportError(f"{out} är samma fil som dokumentet som läses in.")
    registry = ProfileRegistry(user_dir=app_paths().profiles_dir,
                               toml_cache=TomlCache.default())
    ours = load_case(args.base).case if args.base else None
    accept = True if args.accept_all else (False if args.reject_all else None)
    result = import_docx(args.docx, registry, profile_id=args.profile, ours=ours, accept=accept)
    report = result.report
    for warning in report.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    for line in report.unplaced:
        print(f"Inte placerat: {line}", file=sys.stderr)
    if args.base and not report.embedded:
        print("Obs: dokumentet bär inget inbäddat ärende; --base användes inte (ärendet "
              "byggs från dokumentets text).", file=sys.stderr)
    save_case(result.case, out)
    print(f"Profil: {report.profile}" + (" (från det inbäddade ärendet)" if report.embedded
                                         else ""))
    for line in report.lines():
        print(f"  {line}")
    suggested = report.tracked + report.edited
    print(f"Skapade {out} från {Path(args.docx).name}: {len(report.mapping)} avsnitt, "
          f"{report.comments} kommentarer, {suggested} ändringar "
          f"({report.tracked} spårade, {report.edited} gjorda utan spårning).")
    if args.accept_all:
        print(f"Godtog {report.accepted} ändringar.")
    elif args.reject_all:
        print(f"Avvisade {report.rejected} ändringar.")
    elif suggested:
        print("Ändringarna ligger som förslag i ärendet: öppna det och välj Arkiv → Ändringar "
              "från Word för att godta eller avvisa dem.")
    return 0
