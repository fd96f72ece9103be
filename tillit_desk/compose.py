"""Case + profile → one composed document (header fields and a block list) for every writer.

Data flows one way: the writers (DOCX, HTML preview) and the checks read a ComposedDocument and
never reach back into the case. Section order, headings and decision style come from the profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import profiles as P
from .case import DEFAULT_HEADINGS, PURPOSE_ATGARD, PURPOSE_KANNEDOM, Case
from .decision import STYLE_BULLETS, restyle, split_decision
from .errors import ProfileError
from .markup import Block, Heading, ListBlock, ListItem, Paragraph, Span, Spans, parse_blocks
from .print_options import (
    NOT_RELEVANT_OMIT,
    NOT_RELEVANT_SENTENCE,
    PrintOptions,
    not_relevant_form,
    print_options,
    underlag_row,
    with_case,
)
from .profiles import Profile
from .sanitize import xml_safe
from .section_layout import PlannedSection, section_plan


@dataclass(frozen=True)
class AttSats:
    """One att-sats, printed "att<TAB>text" with a hanging indent."""

    spans: Spans


@dataclass(frozen=True)
class Signatures:
    people: tuple[tuple[str, str], ...]  # (name, title)
    stacked: bool = False  # one person under the other, not side by side


@dataclass(frozen=True)
class LabelLine:
    """A short bold label on its own line ("För kännedom:")."""

    text: str


DocBlock = Block | AttSats | Signatures | LabelLine


@dataclass
class HeaderFields:
    organisation: str
    unit: str
    document_type: str
    title: str
    date: str
    diarienummer: str
    ref_name: str
    ref_title: str
    ref_email: str
    ref_phone: str
    page_format: str
    addressee: str = ""


@dataclass
class ComposedDocument:
    header: HeaderFields
    blocks: list[tuple[str, DocBlock]]  # (section id, block); section id "" for none
    warnings: list[str] = field(default_factory=list)
    leftover_sections: list[str] = field(default_factory=list)


class _Cleaner:
    """Sanitises every string once and counts what it had to remove, per place."""

    def __init__(self) -> None:
        self.removed: dict[str, int] = {}

    def __call__(self, text: str, where: str) -> str:
        cleaned, n = xml_safe(text or "")
        if n:
            self.removed[where] = self.removed.get(where, 0) + n
        return cleaned


def _heading(text: str) -> Heading:
    return Heading(1, (Span(text),))


def _decision_blocks(case: Case, profile: Profile, options: PrintOptions, text: str,
                     out: list[DocBlock], warnings: list[str], clean: _Cleaner) -> None:
    own_style = case.layout.decision_style  # "" = the profile's style
    decision = split_decision(text, bullets=own_style == STYLE_BULLETS)
    chain = "" if case.layout.no_decision_chain else (
        clean(case.document.decision_chain, "Beslutskedja").strip() or profile.decision_chain)
    intro_texts = [b for b in decision.intro if isinstance(b, Paragraph)]
    chain_in_text = any(chain and chain.rstrip(":") in "".join(s.text for s in b.spans)
                        for b in intro_texts)
    if chain and not chain_in_text and decision.points:
        if options.chain_ending and not chain.endswith(":"):
            chain = chain + options.chain_ending
        out.append(Paragraph((Span(chain),)))
    out.extend(decision.intro)
    if own_style:  # the case's own style: the points as written, nothing converted or added
        style, points = decision.style, decision.written
    else:
        styled = restyle(decision, profile)
        warnings.extend(styled.warnings)
        style, points = profile.decision_style, styled.points
    if style == P.STYLE_ATT:
        out.extend(AttSats((Span(p),)) for p in points)
    elif points:
        out.append(ListBlock(style != STYLE_BULLETS,
                             tuple(ListItem((Span(p),)) for p in points)))
    out.extend(decision.after)


def _list(items: list[ListItem], form: str) -> list[DocBlock]:
    """A list as the profile (or the case's own document) prints it: bullets, numbered, or
    plain lines of their own."""
    if not items:
        return []
    if form == "plain":
        return [Paragraph(item.spans) for item in items]
    return [ListBlock(form == "numbered", tuple(items))]


def _structured_blocks(case: Case, spec: P.SectionSpec, options: PrintOptions,
                       clean: _Cleaner, warnings: list[str]) -> list[DocBlock]:
    if spec.kind == P.UNDERLAG:
        items = []
        for item in case.underlag:
            text = underlag_row(options, clean(item.text, spec.heading),
                                clean(item.date, spec.heading))
            if text:
                items.append(ListItem((Span(text),)))
        return _list(items, options.underlag_list)
    if spec.kind == P.BESLUTSPLANERING:
        lines = [
            clean(f"{m.body} {m.date}".strip(), spec.heading)
            for m in case.beslutsplanering
            if m.body or m.date
        ]
        return [Paragraph((Span("\n".join(lines)),))] if lines else []
    if spec.kind == P.SKICKAS_TILL:
        blocks: list[DocBlock] = []
        groups = [(label, [clean(r.name, spec.heading) for r in case.skickas_till
                           if r.name and (r.purpose or PURPOSE_KANNEDOM) == purpose])
                  for purpose, label in ((PURPOSE_ATGARD, options.label_atgard),
                                         (PURPOSE_KANNEDOM, options.label_kannedom))]
        groups = [(label, names) for label, names in groups if names]
        if len(groups) == 2 and not (groups[0][0] and groups[1][0]):
            warnings.append(f"{spec.heading}: mottagare för åtgärd och för kännedom skrivs i "
                            "samma lista, eftersom profilen inte har någon rubrik för dem.")
        for label, names in groups:
            if label:
                blocks.append(LabelLine(label))
            if options.skickas_till_list == "plain":  # one paragraph: it stays with its label
                blocks.append(Paragraph((Span("\n".join(names)),)))
            else:
                blocks.extend(_list([ListItem((Span(n),)) for n in names],
                                    options.skickas_till_list))
        return blocks
    if spec.kind == P.SIGNATURES:
        people = tuple(
            (clean(s.name, "Underskrifter"), clean(s.title, "Underskrifter"))
            for s in case.signatories
            if s.name or s.title
        )
        return [Signatures(people, options.signatures_layout == "stacked")] if people else []
    return []


def _section_body(case: Case, profile: Profile, options: PrintOptions, item: PlannedSection,
                  clean: _Cleaner, warnings: list[str]) -> list[DocBlock] | None:
    """The blocks under one heading; None when the section is left out altogether."""
    spec = item.spec
    if item.not_relevant:
        form = not_relevant_form(options, spec.id)
        if form == NOT_RELEVANT_OMIT:
            return None
        if form == NOT_RELEVANT_SENTENCE:
            return [Paragraph((Span(options.not_relevant[spec.id]),))]
        warnings.append(f"”{item.heading}” är markerat som inte relevant, men profilen "
                        f"{profile.name} har ingen standardmening för det och tillåter inte att "
                        "det utelämnas; avsnittets egen text skrivs ut.")
    if spec.holds_text:
        text = clean(case.section(spec.id), item.heading)
        body: list[DocBlock] = []
        if spec.kind == P.DECISION:
            _decision_blocks(case, profile, options, text, body, warnings, clean)
        else:
            body.extend(parse_blocks(text))
        return body
    return _structured_blocks(case, spec, options, clean, warnings)


def _attached_underlag(case: Case, profile: Profile, options: PrintOptions,
                       plan: list[PlannedSection], clean: _Cleaner, warnings: list[str]
                       ) -> list[DocBlock]:
    """Beslutsunderlag as a numbered list inside another section, when the profile says so
    (Region Skåne: "I ärendet finns följande dokument:" in Sammanfattning)."""
    if not options.underlag_in:
        return []
    if options.underlag_in not in {item.spec.id for item in plan}:
        warnings.append(f"Profilen {profile.name} vill skriva Beslutsunderlag i avsnittet "
                        f"”{options.underlag_in}”, som inte finns; det skrivs som eget avsnitt.")
        return []
    spec = profile.section("underlag") or P.SectionSpec("underlag", "Beslutsunderlag", P.UNDERLAG)
    items = [ListItem((Span(text),)) for text in (
        underlag_row(options, clean(u.text, spec.heading), clean(u.date, spec.heading))
        for u in case.underlag) if text]
    if not items:
        return []
    intro = [Paragraph((Span(options.underlag_intro),))] if options.underlag_intro else []
    return [*intro, ListBlock(True, tuple(items))]


def compose(case: Case, profile: Profile) -> ComposedDocument:
    try:
        options, option_problem = print_options(profile), ""
    except ProfileError as err:  # a user profile's typo must not stop the preview or export
        options, option_problem = PrintOptions(), f"{err} Standardvärdena används."
    options = with_case(options, case.layout.export)
    clean = _Cleaner()
    doc = case.document
    ref = doc.handlaggare
    header = HeaderFields(
        organisation=clean(doc.organisation or profile.organisation, "Organisation"),
        unit=clean(doc.unit or profile.unit, "Förvaltning"),
        document_type=profile.document_type,
        title=clean(doc.title, "Titel"),
        date=clean(doc.date, "Datum"),
        diarienummer=clean(doc.diarienummer, "Diarienummer"),
        ref_name=clean(ref.name, "Vår referens"),
        ref_title=clean(ref.title, "Vår referens"),
        ref_email=clean(ref.email, "Vår referens"),
        ref_phone=clean(ref.phone, "Vår referens"),
        page_format=profile.page_format,
        addressee=clean(doc.addressee, "Mottagare"),
    )
    plan, warnings = section_plan(case, profile)
    if option_problem:
        warnings.insert(0, option_problem)
    blocks: list[tuple[str, DocBlock]] = []
    used: set[str] = {item.spec.id for item in plan}
    attached = _attached_underlag(case, profile, options, plan, clean, warnings)
    for item in plan:
        spec = item.spec
        body = _section_body(case, profile, options, item, clean, warnings)
        if body is None:  # left out: marked "inte relevant" where the profile allows it
            continue
        if spec.id == options.underlag_in:
            body.extend(attached)
        if spec.kind == P.UNDERLAG and attached:
            continue  # printed inside another section
        if not body:
            if spec.required:
                warnings.append(f"Det obligatoriska avsnittet ”{item.heading}” är tomt. "
                                "Rubriken skrivs inte ut.")
            continue
        if item.untitled:
            pass  # printed without a heading, as the case's document has it
        elif spec.kind != P.SIGNATURES:
            blocks.append((spec.id, _heading(item.heading)))
        elif item.renamed or options.signatures_heading:
            blocks.append((spec.id, _heading(item.heading if item.renamed
                                             else options.signatures_heading)))
        blocks.extend((spec.id, b) for b in body)
    leftovers = [sid for sid, text in case.sections.items() if sid not in used and text.strip()]
    for sid in leftovers:
        heading = DEFAULT_HEADINGS.get(sid, sid.replace("_", " ").capitalize())
        warnings.append(
            f"Avsnittet ”{heading}” finns inte i profilen {profile.name} och skrivs ut sist."
        )
        blocks.append((sid, _heading(heading)))
        blocks.extend((sid, b) for b in parse_blocks(clean(case.sections[sid], heading)))
    for where, n in clean.removed.items():
        warnings.append(f"{where}: {n} osynliga styrtecken togs bort (de kan inte skrivas i Word).")
    return ComposedDocument(header, blocks, warnings, leftovers)
