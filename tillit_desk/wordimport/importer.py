"""DOCX → case: plan the mapping, then build the case with Word's changes as suggestions.

``read_plan`` reads the file and proposes which heading goes to which section; the window shows
that plan and lets the user change it before anything is written. ``build_case`` then reads
every section twice — with Word's tracked changes rejected and accepted — and keeps the first as
the case's text and the difference as suggestions. When the DOCX carries the case it was
exported from, that case is the base instead: edits made in Word without Track Changes come
back as suggestions too (a three-way diff against the open case when there is one), and
everything a DOCX cannot hold — the motion, review statuses, versions — is kept.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from .. import profiles as P
from ..case import DEFAULT_HEADINGS, Case, CustomSection, Handlaggare
from ..print_options import PrintOptions
from ..profiles import Profile, ProfileRegistry
from ..section_layout import CUSTOM_PREFIX
from . import suggestions as S
from .embedded import read_case_part
from .header import HeaderFields, first_page_header, read_fields
from .headings import SYNONYMS, custom_id, match_heading, normalise
from .legacy import migrate_custom_sections
from .mdwriter import render
from .package import Package, open_package, read_file
from .structured import (
    attached_underlag,
    looks_like_name,
    looks_like_title,
    options_for,
    read_decision,
    read_meetings,
    read_recipients,
    read_underlag,
    signature_paragraphs,
    signature_table,
)
from .walker import (
    BASE,
    FINAL,
    Change,
    Item,
    Numbering,
    Para,
    Styles,
    Table,
    Walker,
    body_of,
    parse_comments,
    pieces_of,
    resolve_alternate_content,
    view_items,
)

SKIP = ""  # target for a heading the user chose not to import
CUSTOM = "custom"  # kind of a section that matches no profile section
TOOL_AUTHORS = ("Tillit Desk granskning",)


@dataclass
class SectionPlan:
    heading: str
    target: str
    kind: str
    items: list[Item] = field(default_factory=list)
    custom: bool = False
    suggested: str = ""  # the target the import proposed (the window can show the change)


@dataclass
class ImportPlan:
    name: str
    profile: Profile
    package: Package
    sections: list[SectionPlan]
    front: list[Item]
    header_parts: list[list[Item]]  # the page headers, the first page's first
    title_item: Para | None
    signature_items: list[Item]
    comments: dict[str, dict]
    embedded: Case | None
    section_level: int
    notes: list[str] = field(default_factory=list)

    @property
    def header_items(self) -> list[Item]:
        return [item for part in self.header_parts for item in part]

    @property
    def author(self) -> str:
        return self.package.core_value("lastModifiedBy") or "Word"


@dataclass
class ImportReport:
    source: str
    profile: str
    embedded: bool = False
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (heading, section label)
    comments: int = 0
    tracked: int = 0
    edited: int = 0
    accepted: int = 0
    rejected: int = 0
    unplaced: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{heading or '(utan rubrik)'} → {label}" for heading, label in self.mapping]
        return out


@dataclass
class ImportResult:
    case: Case
    report: ImportReport


# ---------------------------------------------------------------- reading


def _plain(item: Item, view: str = BASE) -> str:
    if isinstance(item, Para):
        return "".join(p.text for p in item.pieces if p.view in (None, view))
    return ""


def _is_bold(para: Para) -> bool:
    texts = [p for p in para.pieces if p.text.strip() and p.view in (None, BASE)]
    return bool(texts) and all(p.bold for p in texts)


def _heading_candidate(item: Item, profile: Profile) -> tuple[int, str | None] | None:
    """(level, matched id) when the paragraph is a section heading, else None."""
    if not isinstance(item, Para) or item.list_level is not None or item.title:
        return None
    text = " ".join(_plain(item).split())
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
    best, best_score = None, 0
    for profile in registry.all():
        score = 0
        if fields.organisation and normalise(profile.organisation) == normalise(
                fields.organisation):
            score += 10
        own = {normalise(s.heading) for s in profile.sections}
        score += sum(1 for h in headings if normalise(h) in own)
        if score > best_score:
            best, best_score = profile, score
    return best or registry.get(P.DEFAULT_PROFILE)


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
    heading_texts = [" ".join(_plain(i).split()) for i in items
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
    for item in items:
        cand = candidates.get(id(item))
        starts = cand is not None and (cand[0] == 0 and cand[1] is not None
                                       or 0 < cand[0] <= level)
        if starts and current is None and cand[1] is None and not titled:
            starts = False  # an unknown heading before the first section: the title
        if isinstance(item, Para) and item.title and _plain(item).strip():
            titled = True
        if starts and cand[0] == 0 and cand[1] in used:
            starts = False  # a bold "Bakgrund" inside Ärendet is text, not a second Ärendet
        if starts:
            text = " ".join(_plain(item).split())
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
    if not plan.sections:  # no heading at all: the text goes to Ärendet, not to the report
        body = [i for i in plan.front if i is not plan.title_item]
        if any(_item_plain(i).strip() for i in body):
            target = "arendet" if profile.section("arendet") else profile.text_sections()[0].id
            plan.sections.append(SectionPlan("", target, kind_for(profile, target), body,
                                             False, target))
            plan.front = [plan.title_item] if plan.title_item is not None else []
    _find_signatures(plan)


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
        if isinstance(item, Para) and item.title and _plain(item).strip():
            plan.title_item = item
            return
    for item in plan.front:
        if isinstance(item, Para) and item.heading and _plain(item).strip():
            plan.title_item = item
            return


_LIST_KINDS = (P.SKICKAS_TILL, P.UNDERLAG, P.BESLUTSPLANERING)


def _signatures_after_list(plan: ImportPlan, sp) -> None:
    """Signatures printed under the last list (often Beslutet skickas till), after an empty
    paragraph: "Per Ek<TAB>Eva Nilsson" over "Kommundirektör<TAB>Utredare", "Name\nTitle", or
    a name over a title. Without the empty paragraph a name and a title are recipients."""
    items = sp.items
    blank = [n for n, i in enumerate(items) if isinstance(i, Para) and not _plain(i).strip()]
    if not blank:
        return
    tail = list(items[blank[-1] + 1:])
    if not 1 <= len(tail) <= 2 or not all(isinstance(i, Para) for i in tail):
        return
    a, b = tail[0], tail[1] if len(tail) == 2 else None
    found = signature_paragraphs(a, b, plan.profile)  # type: ignore[arg-type]
    if not found and b is not None:
        name, title = _plain(a).strip(), _plain(b).strip()
        found = looks_like_name(name) and looks_like_title(title, plan.profile.signatory_titles)
    if found:
        plan.signature_items.extend(tail)
        sp.items = items[:blank[-1]]


def _find_signatures(plan: ImportPlan) -> None:
    """Take the signature block out of whichever section it was printed in."""
    for sp in plan.sections:
        if sp.kind == P.SIGNATURES:
            plan.signature_items.extend(sp.items)
            sp.items = []
            continue
        keep: list[Item] = []
        tail_start = max(0, len(sp.items) - 4)
        for n, item in enumerate(sp.items):
            if isinstance(item, Table) and (
                    "underskrift" in item.description.lower()
                    or (n >= tail_start and signature_table(
                        view_items([item], BASE)[0], plan.profile))):  # type: ignore[arg-type]
                plan.signature_items.append(item)
                continue
            keep.append(item)
        sp.items = keep
        if not plan.signature_items and sp.kind in _LIST_KINDS:
            _signatures_after_list(plan, sp)
            continue
        if plan.signature_items or sp.kind not in (P.TEXT, CUSTOM):
            continue
        # typed signatures at the end of a text section: name and title as paragraphs of
        # their own, one pair after another (Lund)…
        texts = [i for i in sp.items if not (isinstance(i, Para) and not _plain(i).strip())]
        pairs: list[Item] = []
        k = len(texts)
        while k >= 2 and all(isinstance(i, Para) and not i.heading and i.list_level is None
                             for i in texts[k - 2:k]):
            name, title = (_plain(texts[k - 2]).strip(), _plain(texts[k - 1]).strip())
            if not (looks_like_name(name) and looks_like_title(
                    title, plan.profile.signatory_titles)):
                break
            pairs[:0] = texts[k - 2:k]
            k -= 2
        if pairs:
            plan.signature_items.extend(pairs)
            sp.items = [i for i in sp.items if all(i is not p for p in pairs)]
            continue
        # …or names side by side with tabs over their titles, or "Name<br>Title"
        if len(texts) >= 2 and all(isinstance(i, Para) for i in texts[-2:]):
            a, b = texts[-2], texts[-1]
            if signature_paragraphs(a, b, plan.profile):  # type: ignore[arg-type]
                plan.signature_items.extend([a, b])
                sp.items = [i for i in sp.items if i is not a and i is not b]
                continue
        if texts and isinstance(texts[-1], Para) and signature_paragraphs(
                texts[-1], None, plan.profile):
            plan.signature_items.append(texts[-1])
            sp.items = [i for i in sp.items if i is not texts[-1]]


# ---------------------------------------------------------------- building


@dataclass
class _View:
    case: Case
    comments: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


def _signatories(items: list[Item], view: str, profile: Profile):
    people = []
    viewed = view_items(items, view)
    paras = [i for i in viewed if isinstance(i, Para) and i.text().strip()]
    for item in viewed:
        if isinstance(item, Table):
            people.extend(signature_table(item, profile) or [])
    if paras:
        tabbed = any("\t" in p.text() for p in paras)
        found = signature_paragraphs(paras[0], paras[1] if len(paras) > 1 else None,
                                     profile) if tabbed or len(paras) == 1 else None
        if found:
            people.extend(found)
        else:
            lines = [ln.strip() for p in paras for ln in p.text().split("\n") if ln.strip()]
            from ..case import Signatory

            for k in range(0, len(lines) - 1, 2):
                people.append(Signatory(lines[k], lines[k + 1]))
    return people


def _build_view(plan: ImportPlan, view: str) -> _View:
    profile = plan.profile
    case = Case(profile=profile.id)
    out = _View(case)
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
        doc.title = " ".join(_plain(plan.title_item, view).split())
    if view == BASE:
        for n, item in enumerate(plan.front):
            if n in fields.used or item is plan.title_item:
                continue
            text = " ".join(_item_plain(item).split())
            if text:
                out.unplaced.append(f"Före första rubriken: ”{_clip(text)}”")
    options = options_for(profile)
    ids = case_ids(plan)
    layout = case.layout
    seen: set[str] = set()
    previous = ""
    for sp in plan.sections:
        if sp.target == SKIP:
            if view == BASE:
                text = " ".join(" ".join(_item_plain(i).split()) for i in sp.items)
                out.unplaced.append(f"Avsnittet ”{sp.heading}” lästes inte in"
                                    + (f": ”{_clip(text)}”" if text.strip() else "."))
            continue
        items = view_items(sp.items, view)
        kind = sp.kind
        target = ids.get(sp.target, sp.target)
        first = target not in seen
        seen.add(target)
        spec = profile.section(sp.target)
        if sp.target == options.underlag_in and kind in (P.TEXT, P.DECISION):
            # Beslutsunderlag printed inside this section (Region Skåne: in Sammanfattning)
            items, listed = attached_underlag(items, options)
            case.underlag.extend(read_underlag(listed, options)[0])
        if spec is not None and first and sp.heading:
            _read_heading(layout, spec, sp.heading, options.signatures_heading, profile)
        if spec is not None and _marked(plan, sp, spec, options):
            # the profile's sentence for a section marked "inte relevant": a mark, not text
            if spec.id not in layout.not_relevant:
                layout.not_relevant.append(spec.id)
            _note_comments(out, items, target)
            previous = target
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
            for cid, (a, b) in decision.comments.items():
                out.comments[cid] = (sp.target, a, b)
        elif kind == P.UNDERLAG:
            rows, skipped = read_underlag(items, options)
            case.underlag.extend(rows)
            if view == BASE:
                out.unplaced.extend(f"{sp.heading}: raden ”{_clip(s)}” är ingen handling och "
                                    "lästes inte in." for s in skipped)
        elif kind == P.SKICKAS_TILL:
            case.skickas_till.extend(read_recipients(items, options))
        elif kind == P.BESLUTSPLANERING:
            case.beslutsplanering.extend(read_meetings(items))
        elif kind == P.SIGNATURES:
            pass
        _note_comments(out, items, target)
        previous = target
        if view == BASE:
            for item in items:
                for note in _notes(item):
                    out.unplaced.append(f"{sp.heading}: {note}")
    if plan.signature_items:
        case.signatories = _signatories(plan.signature_items, view, profile)
    return out


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


def _note_comments(out: _View, items: list[Item], target: str) -> None:
    """Comments inside structured sections: on the section, without a span."""
    for piece in pieces_of(items):
        if piece.marker and piece.marker[1] not in out.comments:
            out.comments[piece.marker[1]] = (target, None, None)


def _notes(item: Item) -> list[str]:
    out = []
    if isinstance(item, Para):
        for note in item.notes:
            where = _clip(" ".join(item.text().split()), 40)
            label = {"bild": "en bild", "fotnot": "en fotnot", "formel": "en formel"}.get(
                note, note[:1].upper() + note[1:])
            out.append(f"{label} lästes inte in" + (f" (vid ”{where}”)" if where else "") + ".")
    else:
        for row in item.rows:
            for cell in row:
                for sub in cell:
                    out.extend(_notes(sub))
    return out


def _item_plain(item: Item) -> str:
    if isinstance(item, Para):
        return _plain(item)
    return " ".join(" ".join(_item_plain(i) for i in cell) for row in item.rows for cell in row)


def _clip(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- suggestions


def _section_changes(plan: ImportPlan) -> dict[str, list[tuple[Change, str, str]]]:
    """Tracked changes per target: (change, view, text)."""
    out: dict[str, list[tuple[Change, str, str]]] = {}

    def collect(key: str, items: list[Item]) -> None:
        for piece in pieces_of(items):
            if piece.change is not None and piece.view is not None:
                out.setdefault(key, []).append((piece.change, piece.view, piece.text))
        for item in items:
            if isinstance(item, Para) and item.mark_change is not None:
                out.setdefault(key, []).append((item.mark_change, item.mark_view or "", "\n"))
            if isinstance(item, Para) and item.props_change is not None:
                out.setdefault(key, []).append((item.props_change, "props", item.text()))

    collect("dokument", plan.header_items + plan.front)
    ids = case_ids(plan)
    for sp in plan.sections:
        collect(ids.get(sp.target, sp.target), sp.items)
    collect("signatures", plan.signature_items)
    return out


def _plainish(text: str) -> str:
    return " ".join(text.replace("\\", "").replace("*", "").split()).lower()


def _attribute(old: str, new: str, changes: list[tuple[Change, str, str]], fallback: str,
               only_tracked: bool) -> tuple[str, str, str, str]:
    """(kind, author, date, change kind) for one hunk, from the tracked changes near it."""
    hit: list[Change] = []
    o, n = _plainish(old), _plainish(new)
    for change, view, text in changes:
        t = _plainish(text)
        if not t:
            continue
        if (view == FINAL and n and (t in n or n in t)) or (view == BASE and o and
                                                             (t in o or o in t)):
            hit.append(change)
    if not hit and not (old + new).strip("*_#-+0123456789. \n"):
        hit = [c for c, v, _t in changes if v == "props" or c.kind == "format"]  # markup only
    if not hit and only_tracked and changes:
        hit = [c for c, _v, _t in changes]
    if not hit:
        return S.EDITED, fallback, "", _change_kind(old, new, False)
    authors = list(dict.fromkeys(c.author for c in hit if c.author))
    fmt = all(c.kind == "format" for c in hit)
    return S.TRACKED, ", ".join(authors) or fallback, hit[0].date, _change_kind(old, new, fmt)


def _change_kind(old: str, new: str, fmt: bool) -> str:
    if fmt:
        return "format"
    if not old:
        return "insert"
    if not new:
        return "delete"
    return "replace"


def _text_suggestions(case: Case, section: str, base: str, final: str, ours: str | None,
                      changes, fallback: str, only_tracked: bool, report: ImportReport) -> None:
    """Suggestions turning ``base`` into ``final``, placed in ``ours`` (three-way) or base."""
    target_text = base if ours is None else ours
    ops = S.map_offset(base, target_text) if ours is not None and ours != base else None
    for start, end, new in S.hunks(base, final):
        old = base[start:end]
        place: tuple[int, int] | None = (start, end)
        conflict = False
        if ops is not None:
            place = S.translate((start, end), ops)
            if place is None:
                conflict = True
                found = target_text.find(old) if old else -1
                place = (found, found + len(old)) if found >= 0 else None
        if place is None:
            report.warnings.append(
                f"En ändring i Word i avsnittet {section} krockar med en ändring du gjort "
                f"sedan exporten och kunde inte placeras: ”{_clip(old or new, 50)}”.")
            continue
        kind, author, date, change = _attribute(old, new, changes, fallback, only_tracked)
        a, b = place
        S.add(case, S.Suggestion(
            S.new_id(), S.SECTION, section, old, new, author, date, kind, change, "", a, b,
            target_text[max(0, a - S.CONTEXT):a], target_text[b:b + S.CONTEXT],
            conflict=conflict))
        if kind == S.TRACKED:
            report.tracked += 1
        else:
            report.edited += 1


_FIELDS = ("document.title", "document.date", "document.diarienummer", "document.organisation",
           "document.unit", "document.decision_chain", "document.handlaggare.name",
           "document.handlaggare.title", "document.handlaggare.email",
           "document.handlaggare.phone", "underlag", "beslutsplanering", "skickas_till",
           "signatories")


def _field_key(path: str) -> str:
    if path.startswith("document."):
        return "forslag_till_beslut" if path == "document.decision_chain" else "dokument"
    return S.FIELD_SECTIONS.get(path, path)


def _canonical(case: Case, plan: ImportPlan) -> dict[str, str]:
    """The case's text sections as the import would read them back (for the diff)."""
    from .canonical import canonical_sections

    return canonical_sections(case, plan.profile)


def build_case(plan: ImportPlan, *, ours: Case | None = None, accept: bool | None = None
               ) -> ImportResult:
    """Build the case (``ours``: the open case to merge into, for a three-way diff).

    ``accept`` True/False accepts or rejects every suggestion at once (the CLI flags).
    """
    report = ImportReport(plan.name, plan.profile.id, embedded=plan.embedded is not None)
    base_view = _build_view(plan, BASE)
    final_view = _build_view(plan, FINAL)
    report.unplaced.extend(base_view.unplaced)
    report.warnings.extend(plan.package.warnings)
    report.unplaced.extend(plan.notes)
    labels = {s.id: s.heading for s in plan.profile.sections}
    for sp in plan.sections:
        label = ("läses inte in" if sp.target == SKIP else labels.get(sp.target) or
                 f"eget avsnitt ”{sp.heading}”")
        report.mapping.append((sp.heading, label))
    changes = _section_changes(plan)
    fallback = plan.author
    reference = plan.embedded
    if ours is not None and reference is None:
        reference = None  # a foreign document replaces nothing: it becomes the case
    if ours is not None and reference is not None and ours.extra.get("custom_sections"):
        ours = copy.deepcopy(ours)
        migrate_custom_sections(ours)  # a case from before case.layout
    if reference is None:
        case = base_view.case
        base_sections = case.sections
        base_for_fields = case
        ours_sections: dict[str, str] | None = None
        only_tracked = True
    else:
        case = copy.deepcopy(ours if ours is not None else reference)
        if ours is None:
            case.review = {}
        base_for_fields = reference
        base_sections = _canonical(reference, plan)
        ours_sections = _canonical(case, plan)
        only_tracked = False
    final = final_view.case
    # text sections
    for sid in dict.fromkeys([*base_sections, *final.sections]):
        base_text = base_sections.get(sid, "")
        final_text = final.sections.get(sid, "")
        if base_text == final_text:
            continue
        ours_text = None if ours_sections is None else ours_sections.get(sid, "")
        if ours_sections is not None:
            current = case.sections.get(sid, "")
            if current != ours_text:
                case.sections[sid] = ours_text or ""  # the diff is made against this form
        _text_suggestions(case, sid, base_text, final_text, ours_text,
                          changes.get(sid, []), fallback, only_tracked, report)
    # fields and lists
    for path in _FIELDS:
        old = S.get_value(base_for_fields, path)
        new = S.get_value(final, path)
        if _canonical_value(path, old, plan.profile) == _canonical_value(path, new,
                                                                         plan.profile):
            continue  # the same as printed: nothing was changed in Word
        current = S.get_value(case, path)
        tracked = changes.get(_field_key(path), [])
        kind, author, date = (S.TRACKED, ", ".join(dict.fromkeys(
            c.author for c, _v, _t in tracked if c.author)) or fallback,
            tracked[0][0].date) if tracked and (only_tracked or _touches(tracked, old, new)) \
            else (S.EDITED, fallback, "")
        S.add(case, S.Suggestion(S.new_id(), S.FIELD, _field_key(path), current, new, author,
                                 date, kind, "replace", path, conflict=current != old))
        if kind == S.TRACKED:
            report.tracked += 1
        else:
            report.edited += 1
    _add_comments(plan, case, base_view, report, reference is not None)
    if accept is True:
        report.accepted = S.accept_all(case)
    elif accept is False:
        report.rejected = S.reject_all(case)
    import_record = {"source": plan.name, "profile": plan.profile.id,
                     "embedded": plan.embedded is not None, "unplaced": report.unplaced}
    if isinstance(case.review, dict):
        case.review["word_import"] = import_record
    return ImportResult(case, report)


def _canonical_value(path: str, value, profile: Profile):
    """A field or list as the DOCX prints it and the import reads it back."""
    from ..print_options import underlag_row
    from .structured import print_chain, read_chain, split_date, split_row, unlabelled_purpose

    options = options_for(profile)

    if isinstance(value, str):
        flat = " ".join(value.split())
        if path == "document.organisation" and normalise(flat) == normalise(profile.organisation):
            return ""
        if path == "document.unit" and normalise(flat) == normalise(profile.unit):
            return ""
        if path == "document.decision_chain":  # printed with the profile's ending, read back
            return read_chain(print_chain(flat, profile, options), profile, options)
        return flat
    rows = [dict(v) for v in value]
    if path == "underlag":
        out = []
        for row in rows:
            # as the profile prints the row (its date may be left out: issue 13)
            text = underlag_row(options, row.get("text", "").strip(),
                                row.get("date", "").strip())
            if text:
                out.append(split_row(options, text))
        return out
    if path == "beslutsplanering":
        return [split_date(" ".join(f"{r.get('body', '')} {r.get('date', '')}".split()))
                for r in rows if r.get("body") or r.get("date")]
    if path == "skickas_till":
        named = [(" ".join(r.get("name", "").split()), r.get("purpose") or "kännedom")
                 for r in rows if r.get("name", "").strip()]
        if not (options.label_atgard.strip() and options.label_kannedom.strip()) and \
                not (options.label_kannedom.strip() and not options.label_atgard.strip()):
            # one list without labels (or a label only over the åtgärd names, which then
            # covers all): the purposes cannot be told apart in print
            purposes = {p for _n, p in named}
            one = "åtgärd" if options.label_atgard.strip() and "åtgärd" in purposes \
                else unlabelled_purpose(options)
            named = [(n, one) for n, _p in named]
        return sorted(named, key=lambda r: r[1] != "åtgärd")
    return [tuple(" ".join(str(v).split()) for k, v in sorted(r.items())) for r in rows
            if any(str(v).strip() for v in r.values())]


def _touches(tracked, old, new) -> bool:
    o, n = _plainish(str(old)), _plainish(str(new))
    return any((_plainish(t) and (_plainish(t) in n or _plainish(t) in o))
               for _c, _v, t in tracked)


def _add_comments(plan: ImportPlan, case: Case, base: _View, report: ImportReport,
                  relocate: bool) -> None:
    from ..review import workflow as R

    existing = {(c.section, c.author, c.text) for c in R.comments(case)}
    for cid, info in plan.comments.items():
        if info["author"] in TOOL_AUTHORS or not info["text"]:
            continue
        section, start, end = base.comments.get(cid, ("dokument", None, None))
        text = info["text"]
        if (section, info["author"] or "Word", text) in existing or any(
                text.startswith(t) and a == (info["author"] or "Word") and s == section
                for s, a, t in existing):
            continue  # our own review comment, exported and read back
        if start is not None and end is not None and relocate:
            quote = base.case.sections.get(section, "")[start:end]
            found = case.sections.get(section, "").find(quote) if quote else -1
            start, end = (found, found + len(quote)) if found >= 0 else (None, None)
        if start is not None and end is not None and end <= start:
            start = end = None
        R.add_comment(case, section, text, info["author"] or "Word", start=start, end=end,
                      at=info["date"] or None)
        report.comments += 1


def import_docx(path: Path | str, registry: ProfileRegistry, *, profile_id: str | None = None,
                ours: Case | None = None, accept: bool | None = None) -> ImportResult:
    """Read and build in one go (the CLI; the window shows the plan in between)."""
    plan = read_plan(path, registry, profile_id=profile_id)
    return build_case(plan, ours=ours, accept=accept)


def same_case(a: Case, b: Case) -> bool:
    """Is the open case the one the DOCX was exported from (so a three-way diff makes sense)?"""
    da, db = a.document, b.document
    if da.diarienummer.strip() and da.diarienummer.strip() == db.diarienummer.strip():
        return True
    return bool(da.title.strip()) and normalise(da.title) == normalise(db.title)


def ours_for(plan: ImportPlan, open_case: Case | None) -> Case | None:
    """The open case as "ours" when the DOCX is an export of it; else None (the import gives
    a case of its own)."""
    if plan.embedded is not None and open_case is not None and same_case(plan.embedded,
                                                                          open_case):
        return open_case
    return None


def looks_like_case_document(path: Path | str, registry: ProfileRegistry) -> bool:
    """For drag-and-drop: a tjänsteskrivelse (ours, or with two or more known section
    headings) rather than a motion. Unreadable files say no: the motion import explains."""
    from ..errors import TillitError

    try:
        plan = read_plan(path, registry)
    except TillitError:
        return False
    known = [sp for sp in plan.sections if not sp.custom]
    return plan.embedded is not None or len(known) >= 2
