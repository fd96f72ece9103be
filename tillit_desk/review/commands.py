"""CLI subcommands of the review feature: ``check`` and ``export-review``. No Qt here.

``check`` exits 1 when any finding has severity fel, so it can guard a script or a CI job.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .findings import FEL, SEVERITIES, TIPS, VARNING, Finding

_SEVERITY_WORDS = {FEL: ("fel", "fel"), VARNING: ("varning", "varningar"),
                   TIPS: ("tips", "tips")}


def register(sub) -> None:
    p = sub.add_parser("check", help="granska ett ärende och lista fynden (fel, varningar, tips)")
    p.add_argument("case", help=".tillit-fil")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="utdata: text (standard) eller json")
    p.add_argument("--profile", help="granska mot en annan profil än ärendets")
    p.add_argument("--no-spelling", "--utan-stavning", dest="no_spelling", action="store_true",
                   help="hoppa över stavningskontrollen")
    p.add_argument("--accessibility", "--tillganglighet", dest="accessibility",
                   action="store_true",
                   help="exportera i minnet och kontrollera även DOCX-filens tillgänglighet")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export-review",
                       help="exportera en granskningsversion (DOCX med granskarens kommentarer)")
    p.add_argument("case", help=".tillit-fil")
    p.add_argument("-o", "--output", required=True, help="DOCX-fil att skriva")
    p.add_argument("--profile", help="exportera med en annan profil än ärendets")
    p.add_argument("--with-findings", "--med-fynd", dest="with_findings", action="store_true",
                   help="lägg även granskningens fel och varningar som kommentarer")
    p.add_argument("--no-spelling", "--utan-stavning", dest="no_spelling", action="store_true",
                   help="utan stavningskontroll (med --with-findings)")
    p.set_defaults(func=cmd_export_review)


def _load(args: argparse.Namespace):
    from ..cli import _registry, load_case_reporting

    case = load_case_reporting(args.case)
    return case, _registry().get(args.profile or case.profile)


def _counts(findings: list[Finding]) -> str:
    parts = []
    for sev in SEVERITIES:
        n = sum(1 for f in findings if f.severity == sev)
        one, many = _SEVERITY_WORDS[sev]
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def format_text(findings: list[Finding], headings: dict[str, str], lix_rows=()) -> str:
    """Human-readable report, grouped by section in document order."""
    lines: list[str] = []
    current = None
    for f in findings:
        if f.section != current:
            current = f.section
            lines.append("")
            lines.append(headings.get(f.section, f.section))
        where = f" (tecken {f.start}–{f.end})" if f.has_span else ""
        lines.append(f"  {f.severity:<7} {f.message} [{f.rule}]{where}")
        if f.excerpt:
            lines.append(f"          ”{f.excerpt[:100]}”")
        if f.suggestion:
            lines.append(f"          Förslag: {f.suggestion}")
    if lix_rows:
        lines.append("")
        lines.append("Läsbarhet (LIX)")
        for row in lix_rows:
            lines.append(f"  {row.heading:<32} {row.value:5.0f}  {row.band} ({row.words} ord)")
    lines.append("")
    lines.append(f"Summa: {_counts(findings)}." if findings else "Inga fynd.")
    return "\n".join(lines).lstrip("\n")


def cmd_check(args: argparse.Namespace) -> int:
    from .context import Context
    from .engine import Checker
    from .klarsprak import lix_report

    case, profile = _load(args)
    checker = Checker(spelling=not args.no_spelling)
    findings = checker.check(case, profile)
    if args.accessibility:
        from .accessibility import check_export

        findings += check_export(case, profile)
    if args.format == "json":
        json.dump([f.to_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        ctx = Context(case, profile)
        from ..case import PLACE_HEADINGS

        headings = dict(PLACE_HEADINGS)
        headings.update({sid: ctx.heading(sid) for sid in ctx.text_section_ids})
        headings.update({s.id: s.heading for s in ctx.sections})  # as this case prints them
        print(format_text(findings, headings, lix_report(ctx)))
    return 1 if any(f.severity == FEL for f in findings) else 0


def cmd_export_review(args: argparse.Namespace) -> int:
    from ..export.review_docx import export_review_docx

    case, profile = _load(args)
    findings = None
    if args.with_findings:
        from .engine import Checker

        findings = Checker(spelling=not args.no_spelling).check(case, profile)
    out = Path(args.output)
    result = export_review_docx(case, profile, out, findings=findings)
    for warning in result.warnings:
        print(f"Varning: {warning}", file=sys.stderr)
    total = result.placed + result.on_heading
    print(f"Exporterade granskningsversionen {out} med {total} "
          f"{'kommentar' if total == 1 else 'kommentarer'}.")
    return 0
