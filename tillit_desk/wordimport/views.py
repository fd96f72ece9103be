"""One view of the plan as a case: the DOCX read with Word's tracked changes rejected (BASE)
or accepted (FINAL). ``importer.build_case`` builds both and keeps the difference as
suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import profiles as P
from ..case import Case, CustomSection, Handlaggare
from ..decision import STYLE_BULLETS, restyle, split_decision
from ..print_options import PrintOptions, with_case
from ..profiles import Profile
from ..section_layout import CUSTOM_PREFIX, section_plan
from .header import read_fields
from .headings import match_heading, normalise
from .items import BASE, FINAL, Item, Para, pieces_of, view_items
from .mdwriter import render
from .plan import CUSTOM, SKIP, ImportPlan, SectionPlan, clip, item_plain, plain_text
from .signatures import read_signatories
from .structured import (
    Decision,
    attached_underlag,
    has_label,
    is_label,
    list_form,
    options_for,
    print_chain,
    read_decision,
    read_meetings,
    read_recipients,
    read_underlag,
)


@dataclass
class View:
    case: Case
    comments: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


def build_view(plan: ImportPlan, view: str) -> View:
    profile = plan.profile
    case = Case(profile=profile.id)
    out = View(case)
    fields = read_fields([view_items(p, view) for p in plan.header_parts],
                         view_items(plan.front, view))
    doc = case.document
    doc.date, doc.diarienummer = fields.date, fields.diarienummer
    doc.organisation = "" if normalise(fields.organisation) == normalise(
        profile.organisation) else fields.organisation
    doc.unit = "" if normalise(fields.unit) == normalise(profile.unit) else fields.unit
    doc.handlaggare = Handlaggare(fields.ref_name, fields.ref_title, fields.ref_email,
                                  fields.ref_phone)
    if plan.title_item is not None:
        doc.title = " ".join(plain_text(plan.title_item, view).split())
    addressee = _addressee(plan, fields.used)
    if addressee is not None:
        doc.addressee = " ".join(plain_text(addressee, view).split())
    ids = case_ids(plan)
    layout = case.layout
    lead = _lead(plan, fields.used)
    if lead:
        # text between the title and the first heading (Stockholm's "Motion (2017:50) av …"):
        # a section of the case's own without a heading, first, so that it prints in its place
        rendered = render(view_items(lead, view), plan.section_level)
        sid = _lead_id(plan, ids)
        layout.added.append(CustomSection(sid, "", ""))
        case.sections[sid] = rendered.text
        for cid, (a, b) in rendered.comments.items():
            out.comments[cid] = (sid, a, b)
    if view == BASE:
        for n, item in enumerate(plan.front):
            if n in fields.used or item is plan.title_item or item is addressee or any(
                    item is i for i in lead):
                continue
            text = " ".join(item_plain(item).split())
            if text:
                out.unplaced.append(f"Före första rubriken: ”{clip(text)}”")
    options = options_for(profile)
    if plan.embedded is not None:  # our own export: printed with its case's own forms
        options = with_case(options, plan.embedded.layout.export)
    seen: set[str] = set()
    previous = ""
    for sp in plan.sections:
        if sp.target == SKIP:
            if view == BASE:
                text = " ".join(" ".join(item_plain(i).split()) for i in sp.items)
                out.unplaced.append(f"Avsnittet ”{sp.heading}” lästes inte in"
                                    + (f": ”{clip(text)}”" if text.strip() else "."))
            continue
        items = view_items(sp.items, view)
        kind = sp.kind
        target = ids.get(sp.target, sp.target)
        first = target not in seen
        seen.add(target)
        spec = profile.section(sp.target)
        if sp.target == options.underlag_in and kind in (P.TEXT, P.DECISION):
            # Beslutsunderlag printed inside this section (Region Skåne: in Sammanfattning)
            whole = items
            items, listed = attached_underlag(items, options)
            case.underlag.extend(read_underlag(listed, options)[0])
            if listed:  # the document's own lead-in ("… följande dokument", no colon)
                intro = " ".join(plain_text(whole[len(items)], view).split())
                if intro != " ".join(options.underlag_intro.split()):
                    layout.export["underlag_intro"] = intro
        if spec is not None and first and sp.heading:
            _read_heading(layout, spec, sp.heading, options.signatures_heading, profile)
        elif spec is not None and first and spec.kind == P.DECISION:
            layout.headings[spec.id] = ""  # printed without a heading (a Stockholm utlåtande)
        if spec is not None and _marked(plan, sp, spec, options):
            # the profile's sentence for a section marked "inte relevant": a mark, not text
            if spec.id not in layout.not_relevant:
                layout.not_relevant.append(spec.id)
            _note_comments(out, items, target)
            previous = _after(plan, target, sp)
            continue
        if kind in (P.TEXT, CUSTOM):
            rendered = render(items, plan.section_level)
            text = rendered.text
            existing = case.sections.get(target, "")
            offset = 0
            own = sp.custom or not sp.heading or match_heading(sp.heading, profile) == sp.target
            if sp.target in ids and first:
                # a heading of the case's own (issue 13's layout): added after the one before
                layout.added.append(CustomSection(target, sp.heading, previous))
            elif existing or not own:
                # a second heading in one section, or a heading the user moved into another
                # section: it stays, as a sub-heading
                prefix = (existing + "\n\n" if existing else "") + "### " + sp.heading + (
                    "\n\n" if text else "")
                offset = len(prefix)
                text = prefix + text
            case.sections[target] = text
            for cid, (a, b) in rendered.comments.items():
                out.comments[cid] = (target, None if a is None else a + offset,
                                     None if b is None else b + offset)
        elif kind == P.DECISION:
            decision = read_decision(items, profile, options)
            case.sections[sp.target] = decision.markdown
            if decision.chain:
                doc.decision_chain = decision.chain
            _decision_layout(layout, decision, profile, options)
            for cid, (a, b) in decision.comments.items():
                out.comments[cid] = (sp.target, a, b)
        elif kind == P.UNDERLAG:
            rows, skipped = read_underlag(items, options)
            case.underlag.extend(rows)
            _own_form(layout, "underlag_list", list_form(items), options.underlag_list)
            if view == BASE:
                out.unplaced.extend(f"{sp.heading}: raden ”{clip(s)}” är ingen handling och "
                                    "lästes inte in." for s in skipped)
        elif kind == P.SKICKAS_TILL:
            case.skickas_till.extend(read_recipients(items, options))
            _own_form(layout, "skickas_till_list", list_form(
                items, lambda line: is_label(line, options)), options.skickas_till_list)
            if case.skickas_till and not has_label(items, options) and (
                    options.label_atgard.strip() or options.label_kannedom.strip()):
                layout.export["label_atgard"] = layout.export["label_kannedom"] = ""
        elif kind == P.BESLUTSPLANERING:
            case.beslutsplanering.extend(read_meetings(items))
        elif kind == P.SIGNATURES:
            pass
        _note_comments(out, items, target)
        previous = _after(plan, target, sp)
        if view == BASE:
            for item in items:
                for note in _notes(item):
                    out.unplaced.append(f"{sp.heading}: {note}")
    if plan.signature_items:
        case.signatories = read_signatories(plan.signature_items, view, profile)
        if _stacked(plan.signature_items, case.signatories) and \
                options.signatures_layout != "stacked":
            layout.export["signatures_layout"] = "stacked"
    _document_order(case, plan, ids)
    return out


def _after(plan: ImportPlan, target: str, sp: SectionPlan) -> str:
    """What the next section follows: this one, or the signature block printed at its end
    (a section of the case's own after the signatures stays after them)."""
    if plan.signature_items and sp.target == plan.signatures_in:
        return "signatures"
    return target


def _stacked(items: list[Item], people: list) -> bool:
    """Name and title paragraphs, one person after the other (Lund), not side by side."""
    paras = [i for i in items if isinstance(i, Para) and plain_text(i).strip()]
    return len(people) > 1 and len(paras) == len(items) == 2 * len(people) and all(
        "\t" not in plain_text(p) and "\n" not in plain_text(p).strip() for p in paras)


def _lead(plan: ImportPlan, used: set[int]) -> list[Item]:
    """Paragraphs after the title and before the first heading that are no field of the first
    page (not Malmö's diarienummer under the title): text of the document's own. Only when
    the document has headings (without any, all its text is Ärendet)."""
    at = next((n for n, i in enumerate(plan.front) if i is plan.title_item), None)
    if at is None or not plan.sections:
        return []
    items = [i for n, i in enumerate(plan.front) if n > at and n not in used]
    if not any(isinstance(i, Para) and i.list_level is None and plain_text(i).strip()
               for i in items):
        return []
    return items


def _lead_id(plan: ImportPlan, ids: dict[str, str]) -> str:
    """The lead section's id: the embedded case's untitled section (so that an edit in Word
    lands on it), else the next free egen_N."""
    reference = plan.embedded.layout.added if plan.embedded is not None else []
    own = next((a.id for a in reference if not a.heading.strip()), "")
    if own:
        return own
    taken = {s.id for s in plan.profile.sections} | set(ids.values()) | {a.id for a in reference}
    n = 1
    while f"{CUSTOM_PREFIX}{n}" in taken:
        n += 1
    return f"{CUSTOM_PREFIX}{n}"


_BODY = re.compile(r"^[A-ZÅÄÖ][\w-]*(?: (?:och|för|[\w-]+s)){0,4}\s?[\w-]*(nämnd|nämnden|"
                   r"styrelse|styrelsen|fullmäktige|utskott|utskottet|beredning|beredningen)$")


def _addressee(plan: ImportPlan, used: set[int]) -> Item | None:
    """The line just over the title that names a body ("Socialnämnden", "Kultur- och
    föreningsnämnden", "Kommunstyrelsens arbetsutskott"): the document's addressee, printed
    over the title again (the templates' ``document.addressee``)."""
    if plan.title_item is None:
        return None
    at = next((n for n, i in enumerate(plan.front) if i is plan.title_item), None)
    if at is None:
        return None
    k = at - 1
    while k >= 0 and isinstance(plan.front[k], Para) and not plain_text(plan.front[k]).strip():
        k -= 1
    if k < 0 or k in used or not isinstance(plan.front[k], Para):
        return None
    item = plan.front[k]
    text = " ".join(plain_text(item).split())
    return item if len(text) <= 80 and _BODY.match(text) else None


def _document_order(case: Case, plan: ImportPlan, ids: dict[str, str]) -> None:
    """The document's order of its sections (and of the signature block) where the profile
    would print them in another: kept as the case's own order (``layout.order``)."""
    order: list[str] = []
    for sp in plan.sections:
        if sp.target != SKIP:
            order.append(ids.get(sp.target, sp.target))
        if plan.signature_items and sp.target == plan.signatures_in:
            order.append("signatures")
    order = [sid for sid in dict.fromkeys(order) if plan.profile.section(sid) is not None
             or any(a.id == sid for a in case.layout.added)]
    planned = [p.spec.id for p in section_plan(case, plan.profile)[0] if p.spec.id in order]
    if planned != order:
        case.layout.order = order


def case_ids(plan: ImportPlan) -> dict[str, str]:
    """Plan target → the case's section id, for text under a heading outside the profile: an
    added section of ``case.layout`` (issue 13). An export's embedded case lends its ids (same
    heading), so edits in Word land on its sections; others are numbered egen_1, egen_2 …"""
    profile = plan.profile
    reference = plan.embedded.layout if plan.embedded is not None else None
    offered = {a.id: normalise(reference.headings.get(a.id) or a.heading)
               for a in (reference.added if reference else [])}
    taken = {s.id for s in profile.sections} | set(offered)
    out: dict[str, str] = {}
    for sp in plan.sections:
        if sp.target == SKIP or sp.target in out or profile.section(sp.target) is not None \
                or sp.kind not in (P.TEXT, CUSTOM):
            continue
        match = next((sid for sid, heading in offered.items()
                      if heading == normalise(sp.heading) and sid not in out.values()), None)
        if match is None:
            n = 1
            while f"{CUSTOM_PREFIX}{n}" in taken:
                n += 1
            match = f"{CUSTOM_PREFIX}{n}"
        taken.add(match)
        out[sp.target] = match
    return out


def _read_heading(layout, spec: P.SectionSpec, heading: str, signatures_heading: str,
                  profile: Profile) -> None:
    """A profile section printed under another name is renamed for this case; a heading over
    the signatures is the case's unless it is the profile's own (``signatures_heading``)."""
    if spec.kind == P.SIGNATURES:
        if normalise(heading) != normalise(signatures_heading):
            layout.headings[spec.id] = heading
    elif normalise(heading) != normalise(spec.heading) and match_heading(
            heading, profile) == spec.id:
        layout.headings[spec.id] = heading


def _own_form(layout, key: str, form: str, profiles: str) -> None:
    """A list printed otherwise than the profile prints it is printed as the document did."""
    if form and form != profiles:
        layout.export[key] = form


def _decision_layout(layout, decision: Decision, profile: Profile,
                     options: PrintOptions) -> None:
    """Points the export would print otherwise (att-satser where the profile numbers, bullets,
    att-satser without the profile's commas) are printed as the document wrote them; points
    without a chain print none, where the export would otherwise print the profile's."""
    if not decision.points:
        return
    points = split_decision(decision.markdown, bullets=decision.style == STYLE_BULLETS)
    if decision.style != profile.decision_style or restyle(points, profile).points != \
            points.written:  # the export would change them (another style, punctuation)
        layout.decision_style = decision.style
    if not decision.printed_chain and print_chain("", profile, options):
        layout.no_decision_chain = True


def _marked(plan: ImportPlan, sp: SectionPlan, spec: P.SectionSpec,
            options: PrintOptions) -> bool:
    """Does the section print just the profile's "inte relevant" sentence, before and after
    Word's tracked changes (a tracked edit of the sentence makes it text)? A section whose own
    text is that sentence prints the same: an embedded case tells them apart."""
    sentence = options.not_relevant.get(spec.id, "")
    if plan.embedded is not None and spec.id not in plan.embedded.layout.not_relevant:
        return False
    for view in (BASE, FINAL):
        items = view_items(sp.items, view)
        if sp.target == options.underlag_in:
            items = attached_underlag(items, options)[0]
        if not _only_sentence(items, sentence):
            return False
    return True


def _only_sentence(items: list[Item], sentence: str) -> bool:
    """The section holds just the profile's "inte relevant" sentence."""
    texts = [i for i in items if not (isinstance(i, Para) and not i.text().strip())]
    return bool(sentence.strip()) and len(texts) == 1 and isinstance(texts[0], Para) and \
        texts[0].list_level is None and normalise(texts[0].text()) == normalise(sentence)


def _note_comments(out: View, items: list[Item], target: str) -> None:
    """Comments inside structured sections: on the section, without a span."""
    for piece in pieces_of(items):
        if piece.marker and piece.marker[1] not in out.comments:
            out.comments[piece.marker[1]] = (target, None, None)


def _notes(item: Item) -> list[str]:
    out = []
    if isinstance(item, Para):
        for note in item.notes:
            where = clip(" ".join(item.text().split()), 40)
            label = {"bild": "en bild", "fotnot": "en fotnot", "formel": "en formel"}.get(
                note, note[:1].upper() + note[1:])
            out.append(f"{label} lästes inte in" + (f" (vid ”{where}”)" if where else "") + ".")
    else:
        for row in item.rows:
            for cell in row:
                for sub in cell:
                    out.extend(_notes(sub))
    return out
