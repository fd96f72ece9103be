"""Read a DOCX into an import plan: find its section headings and map them to the profile.

Nothing is written here; the plan is what the window shows before the case is built.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import profiles as P
from ..case import DEFAULT_HEADINGS, Case
from ..profiles import Profile, ProfileRegistry
from .embedded import read_case_part
from .header import HeaderFields, first_page_header, read_fields
from .headings import SYNONYMS, custom_id, match_heading, normalise
from .items import BASE, Item, Para
from .legacy import migrate_custom_sections
from .package import open_package, read_file
from .plan import CUSTOM, ImportPlan, SectionPlan, item_plain, plain_text
from .signatures import find_signatures
from .styles import Numbering, Styles
from .walker import Walker, body_of, parse_comments, resolve_alternate_content


def _is_bold(para: Para) -> bool:
    texts = [p for p in para.pieces if p.text.strip() and p.view in (None, BASE)]
    return bool(texts) and all(p.bold for p in texts)


def _heading_candidate(item: Item, profile: Profile) -> tuple[int, str | None] | None:
    """(level, matched id) when the paragraph is a section heading, else None."""
    if not isinstance(item, Para) or item.list_level is not None or item.title:
        return None
    text = " ".join(plain_text(item).split())
    if not text or len(text) > 120:
        return None
    if item.heading:
        return item.heading, match_heading(text, profile)
    if len(text.split()) > 8 or text.endswith((".", ",", ";")):
        return None
    matched = match_heading(text, profile)
    if matched and _is_bold(item):
        return 0, matched  # a bold line that names a section
    if matched and normalise(text) in {normalise(s.heading) for s in profile.sections}:
        return 0, matched  # a plain line that is exactly one of the profile's headings
    if _is_bold(item) and not text.endswith(":"):  # "För kännedom:" is a label
        return 0, None  # a bold line naming nothing known: a sub-heading, or after a list a section
    return None


def _guess_profile(registry: ProfileRegistry, fields: HeaderFields, headings: list[str],
                   embedded: Case | None, wanted: str | None) -> Profile:
    if wanted:
        return registry.get(wanted)
    if embedded is not None:
        try:
            return registry.get(embedded.profile)
        except P.ProfileError:
            pass
    default = registry.get(P.DEFAULT_PROFILE)
    best, best_score = None, 0
    for profile in registry.all():
        score = 0
        if fields.organisation and normalise(profile.organisation) == normalise(
                fields.organisation):
            score += 10
        own = {normalise(s.heading) for s in profile.sections}
        score += sum(1 for h in headings if normalise(h) in own)
        if profile.id == default.id:
            score += 1  # by headings alone another profile needs two more ("Beredning" is
            # no sign of Lund: a Stockholm utlåtande has it too)
        if score > best_score:
            best, best_score = profile, score
    return best or default


def read_plan(source: Path | str | bytes, registry: ProfileRegistry, *,
              profile_id: str | None = None, name: str | None = None,
              use_embedded: bool = True) -> ImportPlan:
    """Read the DOCX and propose a mapping (nothing is written).

    ``use_embedded=False`` ignores the case an export embedded and reads only the text."""
    if isinstance(source, bytes):
        data, name = source, name or "dokumentet.docx"
    else:
        data, name = read_file(source), name or Path(source).name
    package = open_package(data, name)
    for root in [package.document, *package.headers.values(), *package.footers.values()]:
        resolve_alternate_content(root)
    if package.comments is not None:
        resolve_alternate_content(package.comments)
    walker = Walker(Styles(package.styles), Numbering(package.numbering))
    body = body_of(package.document)
    items = walker.blocks(body) if body is not None else []
    header_parts = [walker.blocks(root)
                     for root in first_page_header(package.document, package.headers)]
    comments = parse_comments(package.comments, walker)
    embedded = read_case_part(package.custom_xml) if use_embedded else None
    if embedded is not None:
        migrate_custom_sections(embedded)  # an export from before case.layout

    # a first pass with the default profile finds the headings to guess the profile by
    default = registry.get(profile_id) if profile_id else registry.get(P.DEFAULT_PROFILE)
    heading_texts = [" ".join(plain_text(i).split()) for i in items
                     if _heading_candidate(i, default) is not None]
    guess_fields = read_fields(header_parts, [])
    profile = _guess_profile(registry, guess_fields, heading_texts, embedded, profile_id)

    plan = ImportPlan(name, profile, package, [], [], header_parts, None, [], comments,
                      embedded, 1, list(walker.notes))
    split_sections(plan, items)
    return plan


def split_sections(plan: ImportPlan, items: list[Item]) -> None:
    """Cut the body at its section headings; text before the first one is front matter."""
    profile = plan.profile
    candidates = {id(i): _heading_candidate(i, profile) for i in items}
    matched_levels = [c[0] for c in candidates.values() if c and c[1] and c[0]]
    all_levels = [c[0] for c in candidates.values() if c and c[0]]
    level = min(matched_levels or all_levels or [1])
    plan.section_level = level
    used: set[str] = set()
    current: SectionPlan | None = None
    titled = False  # a paragraph in the Title style came first
    bold_headings = not matched_levels and any(c and c[1] for c in candidates.values())
    for item in items:
        cand = candidates.get(id(item))
        starts = cand is not None and (cand[0] == 0 and cand[1] is not None
                                       or 0 < cand[0] <= level)
        if cand is not None and cand[0] == 0 and cand[1] is None:
            # a bold line that names no section: text cannot stand in a list (Beslutet
            # skickas till, Beslutsunderlag), so there it starts a section of its own; in a
            # text section of a document whose headings are bold lines it is a sub-heading
            starts = current is not None and current.kind in _LIST_KINDS
            if not starts and bold_headings and current is not None and isinstance(item, Para) \
                    and not _name_line(item):
                item.heading = level + 1
        if starts and current is None and cand[1] is None and not titled:
            starts = False  # an unknown heading before the first section: the title
        if isinstance(item, Para) and item.title and plain_text(item).strip():
            titled = True
        if starts and cand[0] == 0 and cand[1] in used:
            starts = False  # a bold "Bakgrund" inside Ärendet is text, not a second Ärendet
        if starts:
            text = " ".join(plain_text(item).split())
            sid = cand[1] if cand else None
            if sid is not None and sid in used:
                sid = None  # a second heading for the same section: its own section
            if sid is None:
                target = custom_id(text, used | {s.id for s in profile.sections})
                spec_kind, custom = CUSTOM, True
            else:
                spec = profile.section(sid)
                spec_kind = spec.kind if spec else (P.SIGNATURES if sid == "signatures"
                                                    else _KIND_BY_ID.get(sid, P.TEXT))
                target, custom = sid, False
            used.add(target)
            current = SectionPlan(text, target, spec_kind, [], custom, target)
            plan.sections.append(current)
            continue
        if current is None:
            plan.front.append(item)
        else:
            current.items.append(item)
    _find_title(plan)
    _decision_before_headings(plan)
    if not plan.sections:  # no heading at all: the text goes to Ärendet, not to the report
        body = [i for i in plan.front if i is not plan.title_item]
        if any(item_plain(i).strip() for i in body):
            target = "arendet" if profile.section("arendet") else profile.text_sections()[0].id
            plan.sections.append(SectionPlan("", target, kind_for(profile, target), body,
                                             False, target))
            plan.front = [plan.title_item] if plan.title_item is not None else []
    find_signatures(plan)


def _name_line(item: Para) -> bool:
    """A bold name (or names side by side) is a signature, not a sub-heading."""
    from .structured import looks_like_name

    text = plain_text(item)
    return "\t" in text or looks_like_name(text.strip())


def _decision_before_headings(plan: ImportPlan) -> None:
    """A decision printed before the first heading, without a heading of its own (a Stockholm
    utlåtande: "Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande." and the
    point under it) is the Förslag till beslut section when the document has no other. The
    points are the list items (numbered, bullets, "att …") after the chain, or else the one
    paragraph after it; the paragraphs after those, up to the first heading, come along."""
    from .structured import is_chain

    decision = next((s for s in plan.profile.sections if s.kind == P.DECISION), None)
    if decision is None or any(sp.kind == P.DECISION for sp in plan.sections):
        return
    front = plan.front
    for n, item in enumerate(front):
        if not isinstance(item, Para) or item is plan.title_item or \
                not is_chain(plain_text(item), plan.profile):
            continue
        points = []
        for nxt in front[n + 1:]:
            text = plain_text(nxt).strip() if isinstance(nxt, Para) else ""
            if isinstance(nxt, Para) and (nxt.list_level is not None
                                          or re.match(r"^(att\b|\d{1,2}[.)]\s)", text, re.I)):
                points.append(nxt)
                continue
            break
        if not points and n + 1 < len(front) and isinstance(front[n + 1], Para) \
                and plain_text(front[n + 1]).strip() \
                and not is_chain(plain_text(front[n + 1]), plan.profile):
            points = [front[n + 1]]
        if not points:
            return
        # what follows the points up to the first heading is printed with them ("Föredragande
        # borgarrådet … anför följande."): it stays in its place, after the decision
        taken = [item, *points, *front[n + 1 + len(points):]]
        plan.front = [i for i in front if all(i is not t for t in taken)]
        plan.sections.insert(0, SectionPlan("", decision.id, P.DECISION, taken, False,
                                            decision.id))
        return


_LIST_KINDS = (P.UNDERLAG, P.BESLUTSPLANERING, P.SKICKAS_TILL)
_KIND_BY_ID = {"underlag": P.UNDERLAG, "beslutsplanering": P.BESLUTSPLANERING,
               "skickas_till": P.SKICKAS_TILL, "signatures": P.SIGNATURES,
               "forslag_till_beslut": P.DECISION}


def kind_for(profile: Profile, target: str) -> str:
    spec = profile.section(target)
    if spec is not None:
        return spec.kind
    return _KIND_BY_ID.get(target, P.TEXT if target in DEFAULT_HEADINGS or target in SYNONYMS
                           else CUSTOM)


def _find_title(plan: ImportPlan) -> None:
    for item in plan.front:
        if isinstance(item, Para) and item.title and plain_text(item).strip():
            plan.title_item = item
            return
    for item in plan.front:
        if isinstance(item, Para) and item.heading and plain_text(item).strip():
            plan.title_item = item
            return
