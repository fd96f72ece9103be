"""Loading, rendering and checking a municipality's Word template (docxtpl, sandboxed Jinja).

A template is a user file: it can be corrupt, renamed, made in Swedish or English Word, or have
its tags split by Word's autocorrect. Every such problem becomes a Swedish message.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import meta
from lxml import etree

from ..errors import TemplateError
from ..ziplimits import ZipLimits, check_zip
from .ooxml import SAFE_PARSER
from .styles import resolve_styles
from .template_safety import removal_warning, strip_active_content
from .template_sandbox import run_guarded, template_sandbox

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
# The zip rule every DOCX reader shares (tillit_desk/ziplimits.py). A real template has a few
# dozen parts and unpacks to a few MB; its document.xml is well under 1 MB and styles.xml under
# 0.5 MB: an XML part this large is a bomb (e.g. 40 million empty paragraphs in 400 KB) and is
# refused before anything parses it.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_XML_PART_BYTES = 16 * 1024 * 1024
TEMPLATE_ZIP_LIMITS = ZipLimits(entries=5000, uncompressed=MAX_UNPACKED_BYTES,
                                part_bytes=MAX_XML_PART_BYTES, ratio=200)
_DOCTYPE = b"<!DOCTYPE"
BODY_TAG = "body"
KNOWN_NAMES = {
    "document", "handlaggare", "motion", "motionarer", "yrkanden", "underlag", "signatories",
    "idag", "profile", BODY_TAG,
}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml_part(name: str) -> str | None:
    return f"delen {name}" if name.endswith((".xml", ".rels")) else None


def _check_package(path: Path) -> None:
    """Refuse what is not a usable template before python-docx reads it: the shared zip rule
    (sizes from the central directory, nothing unpacked), then the DTD scan below."""
    if not path.is_file():
        raise TemplateError(f"Word-mallen {path} finns inte.")
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"Word-mallen {path} är för stor ({size // 1_048_576} MB).")
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, f"Word-mallen {path}", TEMPLATE_ZIP_LIMITS, TemplateError, _xml_part,
                      bomb_hint=" Mallen används inte.")
            names = set(zf.namelist())
            _check_xml_parts(zf, path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise TemplateError(
            f"{path}: filen är inte ett Word-dokument (.docx). Spara mallen i Word som "
            "\"Word-dokument (*.docx)\"."
        ) from err
    if "word/document.xml" not in names:
        raise TemplateError(f"{path}: filen saknar huvuddokumentet (word/document.xml); den är "
                            "inte en Word-mall.")


def _check_xml_parts(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse XML parts that declare a DTD (OOXML has none; a DOCTYPE is how external-entity
    and entity-expansion attacks start). Their size is bounded by the zip check first."""
    for info in zf.infolist():
        if _xml_part(info.filename) is None:
            continue
        with zf.open(info) as fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                if _DOCTYPE in tail + chunk:
                    raise TemplateError(
                        f"{path}: delen {info.filename} innehåller en DOCTYPE-deklaration. "
                        "Word skriver aldrig sådana, och de kan användas för att läsa filer "
                        "på datorn; mallen används inte.")
                tail = chunk[-len(_DOCTYPE):]


def has_body_tag(document) -> bool:
    """Is there a paragraph with ``{{p body }}`` in the main text (where the sections go)?"""
    for p in document.element.body.iter(f"{_W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        if "body" in text and _BODY_TAG.search(text):
            return True
    return False


MISSING_BODY = "Taggen {{p body }} saknas i brödtexten: där skrivs avsnitten in."
_BODY_TAG = re.compile(r"\{\{p\s*body\s*\}\}")


def load_template(path: Path | str) -> DocxTemplate:
    path = Path(path)
    _check_package(path)
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as err:  # python-docx raises many kinds on a damaged package
        raise TemplateError(f"{path}: Word-mallen kunde inte läsas ({err}).") from err
    return tpl


def render_template(tpl: DocxTemplate, context: dict[str, Any], *, extra_chars: int = 0
                    ) -> None:
    """Fill the tags in the budgeted sandbox; ``extra_chars`` is what the body brings in."""
    problems = broken_tags(tpl.get_docx())
    if problems:
        raise TemplateError(f"Word-mallen: {problems[0]} Rätta mallen i Word (kör "
                            "\"validate-template\" för alla fel).")
    env = template_sandbox()
    try:
        run_guarded(lambda: tpl.render(context, jinja_env=env, autoescape=True),
                    extra_chars=extra_chars)
    except etree.XMLSyntaxError as err:
        raise TemplateError(f"Word-mallen: taggarna gav ogiltig XML ({err}). En tagg är "
                            "troligen trasig, kör \"validate-template\".") from err


# ---------------------------------------------------------------- validate-template


@dataclass
class TemplateReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_ODD_QUOTES = "“”‘’„«»‚"


def _parts_xml(tpl: DocxTemplate) -> list[tuple[str, str]]:
    doc = tpl.get_docx()
    parts = [("brödtexten", tpl.xml_to_string(doc._element.body))]
    for rel in doc.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI):
            where = "sidhuvudet" if rel.reltype == tpl.HEADER_URI else "sidfoten"
            parts.append((where, tpl.xml_to_string(etree.fromstring(rel.target_part.blob,
                                                                   SAFE_PARSER))))
    return parts


def _paragraph_texts(xml: str) -> list[str]:
    root = etree.fromstring(xml.encode("utf-8"))
    return ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p")]


def _unbalanced(text: str, where: str) -> str | None:
    """A paragraph whose tags do not open and close in pairs: Word split or mangled a tag."""
    opened = text.count("{{") + text.count("{%")
    closed = text.count("}}") + text.count("%}")
    if opened == closed:
        return None
    return (f"I {where}: stycket \"{text[:80]}\" har en tagg som inte stängs eller "
            "öppnas rätt ({{ … }} eller {% … %}).")


def broken_tags(document) -> list[str]:
    """Tags that cannot be right, found on the already parsed parts (cheap enough for every
    export): Jinja would otherwise swallow text up to the next ``}}`` and drop it silently."""
    roots = [("brödtexten", document.element.body)]
    for rel in document.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and hasattr(rel.target_part, "element"):
            roots.append(("sidhuvudet" if rel.reltype.endswith("/header") else "sidfoten",
                          rel.target_part.element))
    problems = []
    for where, root in roots:
        for p in root.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
            if "{" in text or "}" in text:
                problem = _unbalanced(text, where)
                if problem:
                    problems.append(problem)
    return problems


def _has_page_fields(xml_parts: list[tuple[str, str]]) -> tuple[bool, bool]:
    joined = " ".join(x for w, x in xml_parts if w != "brödtexten")
    instr = " ".join(re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", joined))
    instr += " ".join(re.findall(r'w:instr="([^"]*)"', joined))
    return (re.search(r"\bPAGE\b", instr) is not None,
            re.search(r"\bNUMPAGES\b|\bSECTIONPAGES\b", instr) is not None)


def validate_template(path: Path | str, sample_context: dict[str, Any] | None = None
                      ) -> TemplateReport:
    """Check a template before use; every finding is a Swedish sentence a user can act on."""
    report = TemplateReport()
    try:
        tpl = load_template(path)
    except TemplateError as err:
        report.errors.append(str(err))
        return report
    removed = strip_active_content(tpl.get_docx())
    if removed:
        report.warnings.append(removal_warning(removed))
    parts = _parts_xml(tpl)
    env = template_sandbox()
    used: set[str] = set()
    for where, xml in parts:
        for text in _paragraph_texts(xml):
            for tag in _TAG.findall(text):
                if any(q in tag for q in _ODD_QUOTES):
                    report.warnings.append(
                        f"I {where}: taggen {tag} innehåller typografiska citattecken (Word "
                        "autokorrigerar \" till ”). Skriv om dem som raka citattecken.")
            problem = _unbalanced(text, where)
            if problem:
                report.errors.append(problem)
        patched = tpl.patch_xml(xml)
        try:
            used |= meta.find_undeclared_variables(env.check_source(patched))
        except TemplateError as err:
            report.errors.append(f"I {where}: {err}")
        except JinjaTemplateError as err:
            report.errors.append(
                f"I {where}: en tagg går inte att tolka ({err.message}). Word har kanske delat "
                "taggen eller bytt tecken i den; skriv om den i ett svep.")
    unknown = sorted(used - KNOWN_NAMES)
    for name in unknown:
        report.errors.append(f"Okänd tagg: \"{name}\" finns inte bland de namn Tillit Desk "
                             "fyller i (se docs/templates.md).")
    if not has_body_tag(tpl.get_docx()):
        report.errors.append(MISSING_BODY)
    for name in ("document",):
        if name not in used:
            report.warnings.append("Mallen använder inga uppgifter ur dokumentet (till exempel "
                                   "{{ document.diarienummer }} och {{ document.date }}).")
    has_page, has_pages = _has_page_fields(parts)
    if not has_page:
        report.errors.append("Sidnummerfältet PAGE saknas i sidhuvud eller sidfot "
                             "(Infoga → Snabbdelar → Fält → Page).")
    if not has_pages:
        report.warnings.append("Fältet NUMPAGES (antal sidor) saknas: sidnumret kan inte skrivas "
                               "som \"1 (8)\".")
    styles = resolve_styles(tpl.get_docx().styles.element)
    for missing in styles.missing():
        report.warnings.append(f"Formatmallen {missing} saknas; texten formateras direkt i "
                               "stället, vilket blir sämre för skärmläsare.")
    if report.ok and sample_context is not None:
        trial = load_template(path)
        strip_active_content(trial.get_docx())
        ctx = dict(sample_context)
        ctx[BODY_TAG] = trial.new_subdoc()
        try:
            render_template(trial, ctx)
        except TemplateError as err:
            report.errors.append(str(err))
    return report
