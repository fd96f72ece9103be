"""Command line: the same core functions the window uses. Never imports PySide6.

Exit codes: 0 success, 1 failure (message on stderr in Swedish), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import TillitError

# argparse's own messages are English; the common ones, in Swedish
_USAGE_MESSAGES = (
    ("the following arguments are required: ", "det här saknas: "),
    ("unrecognized arguments: ", "okända argument: "),
    ("invalid choice: ", "ogiltigt val: "),
    ("(choose from ", "(välj bland "),
    ("expected one argument", "ett värde saknas"),
    ("argument ", "argumentet "),
)


class _SwedishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default is English
        for english, swedish in _USAGE_MESSAGES:
            message = message.replace(english, swedish)
        self.print_usage(sys.stderr)
        print(f"Fel: fel i kommandot: {message}. Se 'tillit-desk {self.prog.split()[-1]} -h'."
              if " " in self.prog else f"Fel: fel i kommandot: {message}. Se 'tillit-desk -h'.",
              file=sys.stderr)
        raise SystemExit(2)


def _registry():
    from .paths import app_paths
    from .profiles import ProfileRegistry, TomlCache

    return ProfileRegistry(user_dir=app_paths().profiles_dir, toml_cache=TomlCache.default())


def cmd_new(args: argparse.Namespace) -> int:
    from .fileformat import save_case
    from .newcase import new_case

    out = Path(args.output)
    if out.exists() and not args.force:
        print(f"{out} finns redan. Använd --force för att skriva över.", file=sys.stderr)
        return 1
    from .filelock import refuse_if_open

    refuse_if_open(out)
    profile = _registry().get(args.profile)
    save_case(new_case(profile), out)
    print(f"Skapade {out} med profilen {profile.name}.")
    return 0


def load_case_reporting(path: str | Path):
    """``load_case`` for a command: recovery and cleaning notes go to stderr in Swedish."""
    from .fileformat import load_case

    loaded = load_case(path)
    if loaded.recovered_from:
        print(f"Obs: {path} var skadad; läste den senast sparade versionen "
              f"{loaded.recovered_from}.", file=sys.stderr)
    for warning in loaded.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    return loaded.case


def cmd_lock(args: argparse.Namespace) -> int:
    """Who has a case open (its lock file); ``--release`` removes a lock left behind."""
    from .filelock import inspect, lock_path_for, release_any

    case_path = Path(args.case)
    info = inspect(case_path)
    if info is None:
        print(f"{case_path.name} är inte öppnat i något fönster.")
        return 0
    state = " (lämnat av ett program som inte längre körs)" if info.stale else ""
    if args.release:
        release_any(case_path)
        print(f"Tog bort låset på {case_path.name}, som hölls av {info.describe()}{state}.")
        return 0
    print(f"{case_path.name} är öppnat av {info.describe()}{state}.\n"
          f"Låsfil: {lock_path_for(case_path)}. Har fönstret stängts utan att låset togs bort "
          "tar 'tillit-desk lock ÄRENDE --release' bort det.")
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    if args.outdir:
        return _export_batch(args)
    if len(args.case) != 1 or not args.output:
        print("Fel: fel i kommandot: ange ett ärende med -o FIL, eller flera ärenden "
              "med --outdir MAPP.", file=sys.stderr)
        return 2
    from .export.batch import follow_profile
    from .export.docx import export_docx

    source = args.case[0]
    case = load_case_reporting(source)
    registry = _registry()
    profile = registry.get(args.profile or case.profile)
    follow_profile(case, registry, profile)
    out = Path(args.output)
    result = export_docx(case, profile, out, template=Path(args.template) if args.template
                         else None, sources=[Path(source)])
    for warning in result.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    print(f"Exporterade {out}")
    if args.pdf or args.pdfa:
        from .export.fonts import font_warnings
        from .export.pdf import convert_to_pdf

        for warning in font_warnings(out):
            print(f"Varning: {warning}", file=sys.stderr)
        pdf = convert_to_pdf(out, pdfa=args.pdfa)
        print(f"Exporterade {pdf}")
    return 0


def _export_batch(args: argparse.Namespace) -> int:
    """export A.tillit B.tillit … --outdir DIR [--pdf]: one process, one LibreOffice run."""
    if args.output:
        print("Fel: fel i kommandot: -o och --outdir kan inte användas samtidigt.",
              file=sys.stderr)
        return 2
    from .export.batch import export_batch

    outdir = Path(args.outdir)
    if not outdir.exists() and outdir.parent.is_dir():
        from .safe_write import private_dir

        private_dir(outdir)  # 0700 whatever the umask
    items = export_batch(args.case, outdir, _registry(), profile_id=args.profile,
                         template=Path(args.template) if args.template else None,
                         pdf=args.pdf, pdfa=args.pdfa)
    shown: set[str] = set()
    for item in items:
        for warning in item.warnings:
            key = f"{item.source.name}: {warning}"
            if warning.startswith("Typsnittet"):
                key = warning  # the same template font: once for the batch
            if key not in shown:
                shown.add(key)
                print(f"Varning: {key}", file=sys.stderr)
        if item.error:
            print(f"Fel: {item.source}: {item.error}", file=sys.stderr)
            continue
        print(f"Exporterade {item.docx}" + (f" och {item.pdf}" if item.pdf else ""))
    failed = sum(1 for item in items if item.error)
    if failed:
        print(f"{failed} av {len(items)} ärenden kunde inte exporteras.", file=sys.stderr)
    return 1 if failed else 0


def cmd_validate_template(args: argparse.Namespace) -> int:
    from .example import sample_context
    from .export.templating import validate_template

    report = validate_template(Path(args.template), sample_context())
    for err in report.errors:
        print(f"Fel: {err}")
    for warning in report.warnings:
        print(f"Varning: {warning}")
    if report.ok:
        print("Mallen går att använda." if not report.warnings else
              "Mallen går att använda, men se varningarna ovan.")
        return 0
    return 1


def cmd_profiles(args: argparse.Namespace) -> int:
    registry = _registry()
    for profile in registry.all():
        where = "inbyggd" if profile.builtin else f"egen ({profile.folder})"
        print(f"{profile.id:<16} {profile.name:<22} {where}")
    for problem in registry.problems:
        print(f"Varning: {problem}", file=sys.stderr)
    return 0


def cmd_build_template(args: argparse.Namespace) -> int:
    from .errors import ExportError
    from .export.template_builder import build_template
    from .safe_write import atomic_write

    registry = _registry()
    ids = [args.profile] if args.profile else registry.ids()
    for pid in ids:
        profile = registry.get(pid)
        out = Path(args.output) if args.output else profile.folder / "tjansteskrivelse.docx"
        data = build_template(profile)
        atomic_write(out, lambda fh, data=data: fh.write(data), keep_backup=False,
                     error_cls=ExportError)
        print(f"Skrev {out}")
    return 0


CORE_COMMANDS = ("new", "export", "validate-template", "profiles", "build-template", "lock")


def build_parser(features: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``features=False`` leaves out the feature packages' commands.

    A core command such as ``export`` needs neither the review rules nor the motion parser,
    and importing their command modules cost every run about 10 ms.
    """
    parser = _SwedishParser(
        prog="tillit-desk",
        description="Tillit Desk – skrivstöd för tjänsteskrivelser. Utan kommando öppnas "
                    "fönstret.",
    )
    parser.add_argument("--version", action="version", version=f"Tillit Desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_SwedishParser)

    p = sub.add_parser("new", help="skapa ett tomt ärende från en profil")
    p.add_argument("--profile", default="generic", help="profil-id (se 'profiles')")
    p.add_argument("-o", "--output", required=True, help="ny .tillit-fil")
    p.add_argument("--force", action="store_true", help="skriv över en befintlig fil")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("export", help="exportera ett eller flera ärenden till DOCX (och PDF)")
    p.add_argument("case", nargs="+", help=".tillit-fil (flera med --outdir)")
    p.add_argument("-o", "--output", help="DOCX-fil att skriva (ett ärende)")
    p.add_argument("--outdir", help="mapp för flera ärenden: <namn>.docx (och .pdf) per ärende")
    p.add_argument("--profile", help="exportera med en annan profil än ärendets")
    p.add_argument("--template", help="använd en annan Word-mall än profilens")
    p.add_argument("--pdf", action="store_true", help="gör även en PDF (kräver LibreOffice)")
    p.add_argument("--pdfa", action="store_true", help="gör en PDF/A-2b för diariet")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("validate-template", help="kontrollera en Word-mall före användning")
    p.add_argument("template", help="Word-mall (.docx)")
    p.set_defaults(func=cmd_validate_template)

    p = sub.add_parser("profiles", help="lista profiler och var de finns")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser("build-template", help="bygg en startmall (.docx) för en profil")
    p.add_argument("--profile", help="profil-id; utan: alla inbyggda")
    p.add_argument("-o", "--output", help="fil att skriva (med --profile)")
    p.set_defaults(func=cmd_build_template)

    p = sub.add_parser("lock", help="visa vem som har ett ärende öppet (låsfilen)")
    p.add_argument("case", help=".tillit-fil")
    p.add_argument("--release", action="store_true",
                   help="ta bort låset (när fönstret som höll det inte längre är öppet)")
    p.set_defaults(func=cmd_lock)
    if features:
        _register_feature_commands(sub)
    return parser


# Feature packages add their own subcommands through a ``register(subparsers)`` function.
FEATURE_COMMAND_MODULES = ("tillit_desk.motion.commands", "tillit_desk.review.commands",
                           "tillit_desk.wordimport.commands")


def _register_feature_commands(sub) -> None:
    import importlib
    import importlib.util

    for name in FEATURE_COMMAND_MODULES:
        if importlib.util.find_spec(name.rsplit(".", 1)[0]) is None:
            continue
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(features=not argv or argv[0] not in CORE_COMMANDS)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except TillitError as err:
        print(f"Fel: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 1
    except OSError as err:  # a file the command reads or writes directly
        where = f"{err.filename}: " if err.filename else ""
        print(f"Fel: {where}{err.strerror or err}.", file=sys.stderr)
        return 1
    except (Exception, RecursionError) as err:  # a bug: still a message, never a traceback
        if os.environ.get("TILLIT_DEBUG"):
            raise
        print(f"Fel: ett oväntat fel i Tillit Desk ({type(err).__name__}: {err}). Inga filer "
              "har ändrats. Kör med miljövariabeln TILLIT_DEBUG=1 för detaljer och rapportera "
              "felet.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
