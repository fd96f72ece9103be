"""Batch export for the secretary: many cases in one process, one LibreOffice run for the PDFs.

The imports and the template caches are paid once, so each further case costs only its own
export; LibreOffice starts once for all PDFs. A case that fails is reported and the others are
still exported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..case import Case
from ..errors import ExportError, ProfileError, TillitError
from ..profiles import Profile, ProfileRegistry


@dataclass
class BatchItem:
    source: Path
    docx: Path | None = None
    pdf: Path | None = None
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def follow_profile(case: Case, registry: ProfileRegistry, profile: Profile) -> None:
    """Exporting with another profile is a profile switch (as in the window): organisation,
    unit and decision chain follow the new profile where they hold the old one's defaults."""
    if case.profile == profile.id:
        return
    from ..newcase import switch_profile

    try:
        old = registry.get(case.profile)
    except ProfileError:
        old = profile  # unknown old profile: fill only what is empty, keep what was written
    switch_profile(case, old, profile)


def _out_names(sources: Sequence[Path], outdir: Path) -> list[Path]:
    """outdir/<case name>.docx; a name that two cases share gets -2, -3 …"""
    taken: set[str] = set()
    out = []
    for source in sources:
        stem, n = source.stem, 1
        while (stem if n == 1 else f"{stem}-{n}").lower() in taken:
            n += 1
        name = stem if n == 1 else f"{stem}-{n}"
        taken.add(name.lower())
        out.append(outdir / f"{name}.docx")
    return out


def export_batch(sources: Sequence[Path | str], outdir: Path | str, registry: ProfileRegistry,
                 *, profile_id: str | None = None, template: Path | None = None,
                 pdf: bool = False, pdfa: bool = False,
                 progress: Callable[[int, int, str], None] | None = None) -> list[BatchItem]:
    """Export every case to ``outdir``; with ``pdf``/``pdfa`` also a PDF of each, all in one
    LibreOffice run. Returns one item per source, in order, with its files or its error."""
    from ..fileformat import load_case
    from .docx import export_docx
    from .fonts import font_warnings
    from .pdf import convert_many_to_pdf

    outdir = Path(outdir)
    if not outdir.is_dir():
        raise ExportError(f"Mappen {outdir} finns inte.")
    paths = [Path(s) for s in sources]
    items = [BatchItem(p) for p in paths]
    step = progress or (lambda i, n, msg: None)
    for i, (item, out) in enumerate(zip(items, _out_names(paths, outdir), strict=True)):
        step(i, len(items), f"Exporterar {item.source.name}")
        try:
            loaded = load_case(item.source)
            if loaded.recovered_from:
                item.warnings.append(f"{item.source.name} var skadad; den senast sparade "
                                     f"versionen {loaded.recovered_from.name} användes.")
            profile = registry.get(profile_id or loaded.case.profile)
            follow_profile(loaded.case, registry, profile)
            result = export_docx(loaded.case, profile, out, template=template, sources=paths)
        except TillitError as err:
            item.error = str(err)
            continue
        item.docx = result.path
        item.warnings.extend(result.warnings)
    done = [item for item in items if item.docx is not None]
    if (pdf or pdfa) and done:
        step(len(items), len(items) + 1, "Gör PDF med LibreOffice")
        for item in done:
            item.warnings.extend(font_warnings(item.docx))  # type: ignore[arg-type]
        try:
            pdfs = convert_many_to_pdf([item.docx for item in done], pdfa=pdfa)  # type: ignore[misc]
        except TillitError as err:
            for item in done:
                item.error = str(err)
        else:
            for item, path in zip(done, pdfs, strict=True):
                item.pdf = path
    return items
