"""Composed document → the organisation's Word template (docxtpl) → DOCX.

The template owns the look: fonts, margins, header and footer, page fields. We fill its Jinja tags
in a sandbox (autoescape on, undefined names are errors) and build the section bodies with
python-docx as a subdocument that uses the template's own styles, found by identity.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..case import Case
from ..compose import ComposedDocument, compose
from ..errors import ExportError, TemplateError
from ..profiles import Profile
from ..safe_write import atomic_write
from ..sanitize import clean_tree
from .case_part import embed_case
from .docx_body import BodyWriter, ListNumbering, Subdocument, nobreak_pattern
from .ooxml import LANGUAGE, normalise_package
from .styles import resolve_styles
from .template_safety import removal_warning, strip_active_content
from .templating import MISSING_BODY, has_body_tag, load_template, render_template

Progress = Callable[[int, int, str], None]


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- document-level settings


_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


CORE_PROPERTY_LIMIT = 255  # python-docx's (and Word's) limit for a core property


def _property(text: str) -> str:
    """A document property on one line and within the limit (the printed text stays whole)."""
    text = " ".join(text.split())
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[:CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def _set_core_properties(document, composed: ComposedDocument) -> None:
    """Title, author and language for screen readers and the diarium.

    Only dc:/dcterms: properties go through python-docx: docxcompose (loaded by docxtpl) rebinds
    the ``cp`` prefix, so ``cp:`` properties are written here with their full namespace.
    """
    import datetime as _dt

    props = document.core_properties
    props.title = _property(composed.header.title or composed.header.document_type)
    props.author = _property(composed.header.ref_name)
    props.language = LANGUAGE
    props.subject = _property(composed.header.diarienummer)
    props.comments = ""
    now = _dt.datetime.now(_dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    core = document.part.package.core_properties._element
    for local, value in (("lastModifiedBy", _property(composed.header.ref_name)),
                         ("keywords", "")):
        el = core.find(_CP + local)
        if el is not None:
            el.text = value


def template_context(composed: ComposedDocument, case: Case, profile: Profile) -> dict:
    """Names the Word template may use (documented in docs/templates.md)."""
    h = composed.header
    from ..phrases import case_context

    ctx = clean_tree(case_context(case))  # a user's template may print any field
    ctx["document"] = dict(ctx["document"])
    ctx["document"].update(
        title=h.title, date=h.date, diarienummer=h.diarienummer, organisation=h.organisation,
        unit=h.unit, document_type=h.document_type, addressee=h.addressee,
    )
    ctx["handlaggare"] = {"name": h.ref_name, "title": h.ref_title, "email": h.ref_email,
                          "phone": h.ref_phone}
    ctx["document"]["handlaggare"] = ctx["handlaggare"]
    ctx["profile"] = {"id": profile.id, "name": profile.name}
    return ctx


def render_docx(case: Case, profile: Profile, template: Path | None = None,
                progress: Progress | None = None) -> tuple[bytes, list[str]]:
    """Build the DOCX in memory; returns its bytes and the exporter's warnings."""
    step = progress or (lambda i, n, msg: None)
    step(0, 4, "Sammanställer dokumentet")
    composed = compose(case, profile)
    step(1, 4, "Läser Word-mallen")
    template_path = Path(template or profile.template_path)
    tpl = load_template(template_path)
    document = tpl.get_docx()
    if not has_body_tag(document):
        raise TemplateError(f"Word-mallen {template_path.name}: {MISSING_BODY} Med den här "
                            "mallen skulle exporten sakna alla avsnitt. Kör \"validate-template\".")
    styles = resolve_styles(document.styles.element)
    warnings = list(composed.warnings)
    removed = strip_active_content(document)
    if removed:
        warnings.append(removal_warning(removed))
    if len(composed.header.title) > CORE_PROPERTY_LIMIT:
        warnings.append(f"Titeln är {len(composed.header.title)} tecken lång; i dokumentets "
                        f"egenskaper (Arkiv → Egenskaper) kortas den till {CORE_PROPERTY_LIMIT} "
                        "tecken. I själva dokumentet står hela titeln.")
    if composed.header.addressee and "document.addressee" not in document.element.xml:
        warnings.append(f"Mottagaren ”{composed.header.addressee}” skrivs inte ut: Word-mallen "
                        "har ingen plats för den ({{ document.addressee }}, se "
                        "docs/templates.md).")
    missing = styles.missing()
    if missing:
        warnings.append("Mallen saknar formatmallarna " + ", ".join(missing)
                        + "; texten formateras direkt i stället.")
    step(2, 4, "Skriver avsnitten")
    body = Subdocument(document)
    numbering = ListNumbering(document.part.numbering_part.element)
    writer = BodyWriter(body, styles, numbering, nobreak_pattern(composed.header.diarienummer))
    blocks = [block for _sid, block in composed.blocks]
    skip = False
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        skip = writer.write(block, blocks[i + 1] if i + 1 < len(blocks) else None)
    context = template_context(composed, case, profile)
    context["body"] = body
    render_template(tpl, context, extra_chars=len(body.__html__()))
    step(3, 4, "Sparar")
    normalise_package(document)
    _set_core_properties(document, composed)
    embed_case(document, case)  # the Word import's base for a three-way diff (case_part.py)
    buffer = io.BytesIO()
    try:
        tpl.save(buffer)
    except ValueError as err:
        raise ExportError(f"Dokumentet kunde inte sparas: {err}") from err
    return buffer.getvalue(), warnings


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_output_path(out: Path, *, template: Path | None = None,
                      sources: Sequence[Path | str] = ()) -> None:
    """The export must never overwrite what it reads: the case file or the Word template."""
    if template is not None and _same_file(out, Path(template)):
        raise ExportError(f"{out} är Word-mallen som exporten läser; välj ett annat filnamn så "
                          "att mallen inte skrivs över.")
    for source in sources:
        if _same_file(out, Path(source)):
            raise ExportError(f"{out} är ärendefilen som exporten läser; välj ett annat filnamn "
                              "så att ärendet inte skrivs över.")


def export_docx(case: Case, profile: Profile, out: Path | str, *, template: Path | None = None,
                progress: Progress | None = None, sources: Sequence[Path | str] = ()
                ) -> ExportResult:
    """Export atomically: a failed export never leaves a partial file or harms an earlier one.
    ``sources`` are the files the case came from (never overwritten)."""
    out = Path(out)
    check_output_path(out, template=Path(template or profile.template_path), sources=sources)
    if out.suffix.lower() != ".docx":
        raise ExportError(f"{out}: filnamnet ska sluta på .docx.")
    if out.is_dir():
        raise ExportError(f"{out} är en mapp. Ange ett filnamn som slutar på .docx.")
    if not out.parent.is_dir():
        raise ExportError(f"Mappen {out.parent} finns inte.")
    try:
        data, warnings = render_docx(case, profile, template, progress)
    except TemplateError:
        raise
    atomic_write(out, lambda fh: fh.write(data), keep_backup=False, error_cls=ExportError)
    if progress:
        progress(4, 4, "Klart")
    return ExportResult(out, warnings)
