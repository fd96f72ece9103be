"""``import-motion``: the CLI face of the motion import (no Qt)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import MotionImportError


def register(subparsers) -> None:
    """Called by tillit_desk.cli to add the subcommand."""
    p = subparsers.add_parser(
        "import-motion",
        help="läs in motionen som besvaras (PDF, DOCX eller text) och skapa ett ifyllt ärende",
        description="Läser motionens rubrik, datum, motionärer och att-satser och skapar ett "
                    "ärende med motionen, utkast till Sammanfattning och Ärendet, förslag till "
                    "beslut (anse besvarad), beslutsunderlag och mottagare. Osäkra uppgifter "
                    "listas så att du kan kontrollera dem.",
    )
    p.add_argument("motion", help="motionen: .pdf, .docx eller .txt")
    p.add_argument("--profile", help="profil-id (se 'profiles'); utan: profilen för "
                                     "organisationen motionen är ställd till, annars generic")
    p.add_argument("-o", "--output", help="ny .tillit-fil")
    p.add_argument("--json", action="store_true",
                   help="skriv den tolkade motionen som JSON på standard ut")
    p.add_argument("--force", action="store_true", help="skriv över en befintlig fil")
    p.set_defaults(func=cmd_import_motion, _import_parser=p)


def cmd_import_motion(args: argparse.Namespace) -> int:
    from ..paths import app_paths
    from ..profiles import DEFAULT_PROFILE, ProfileRegistry
    from .extract import extract_file
    from .parser import FIELD_LABELS, parse_motion

    if not args.output and not args.json:
        args._import_parser.error("ange -o ÄRENDE.tillit eller --json")
    out = Path(args.output) if args.output else None
    if out is not None:
        if out.suffix.lower() != ".tillit":
            raise MotionImportError(f"{out}: filnamnet ska sluta på .tillit.")
        if out.exists() and not args.force:
            raise MotionImportError(f"{out} finns redan. Använd --force för att skriva över.")
        from ..filelock import refuse_if_open

        refuse_if_open(out)  # a window has it open: never written over
    extracted = extract_file(args.motion)
    parsed = parse_motion(extracted.text, Path(args.motion).name)
    # with --json, stdout is only JSON; everything for the reader goes to stderr
    info = sys.stderr if args.json else sys.stdout
    for warning in extracted.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    for fld in parsed.unsure():
        note = parsed.notes.get(fld, "")
        print(f"Kontrollera: {FIELD_LABELS[fld]}" + (f" – {note}" if note else ""),
              file=sys.stderr)
    if args.json:
        json.dump(parsed.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if out is None:
        return 0

    from ..fileformat import save_case
    from .prefill import guess_profile_id, prefill_case

    registry = ProfileRegistry(user_dir=app_paths().profiles_dir)
    profile_id = args.profile
    if not profile_id:
        profile_id = guess_profile_id(parsed.motion.addressed_to, registry.all()) \
            or DEFAULT_PROFILE
        print(f"Profil: {profile_id} (ange --profile för en annan)", file=info)
    profile = registry.get(profile_id)
    result = prefill_case(parsed.motion, profile)
    for warning in result.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    save_case(result.case, out)
    print(f"Skapade {out} från {Path(args.motion).name} med profilen {profile.name}: "
          f"{len(parsed.motion.motionarer)} motionärer, {len(parsed.motion.yrkanden)} "
          f"att-satser.", file=info)
    return 0
