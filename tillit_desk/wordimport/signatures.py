"""The signature block: found wherever it was printed, and read as signatories.

A DOCX prints the signatures as a table, as typed name/title pairs at the end of a text section,
or under the last list; they are taken out of their section so its text stays clean.
"""

from __future__ import annotations

from .. import profiles as P
from ..profiles import Profile
from .items import BASE, Item, Para, Table, view_items
from .plan import CUSTOM, ImportPlan, plain_text
from .structured import looks_like_name, looks_like_title, signature_paragraphs, signature_table

_LIST_KINDS = (P.SKICKAS_TILL, P.UNDERLAG, P.BESLUTSPLANERING)


def _signatures_after_list(plan: ImportPlan, sp) -> None:
    """Signatures printed under the last list (often Beslutet skickas till), after an empty
    paragraph: "Per Ek<TAB>Eva Nilsson" over "Kommundirektör<TAB>Utredare", "Name\nTitle", or
    a name over a title. Without the empty paragraph a name and a title are recipients."""
    items = sp.items
    blank = [n for n, i in enumerate(items) if isinstance(i, Para) and not plain_text(i).strip()]
    if not blank:
        _printed_after_list(plan, sp)
        return
    tail = list(items[blank[-1] + 1:])
    if not 1 <= len(tail) <= 2 or not all(isinstance(i, Para) for i in tail):
        _printed_after_list(plan, sp)  # two or more people, one after the other
        return
    a, b = tail[0], tail[1] if len(tail) == 2 else None
    found = signature_paragraphs(a, b, plan.profile)  # type: ignore[arg-type]
    if not found and b is not None:
        name, title = plain_text(a).strip(), plain_text(b).strip()
        found = looks_like_name(name) and looks_like_title(title, plan.profile.signatory_titles)
    if found:
        plan.signature_items.extend(tail)
        sp.items = items[:blank[-1]]


def _printed_after_list(plan: ImportPlan, sp) -> None:
    """The signature block as the export prints it under a list (a case whose signatures
    follow its recipients: layout.order), with no empty paragraph before it: names over titles
    side by side in one paragraph ("A<TAB>B" / "X<TAB>Y"), or two or more people as name and
    title paragraphs one after the other. One name over one title stays a recipient pair."""
    texts = [i for i in sp.items if isinstance(i, Para) and plain_text(i).strip()]
    if not texts or any(p.list_level is not None for p in texts[-1:]):
        return
    last = texts[-1]
    if ("\t" in plain_text(last) or "\n" in plain_text(last).strip()) and \
            signature_paragraphs(last, None, plan.profile):  # type: ignore[arg-type]
        plan.signature_items.append(last)
        sp.items = [i for i in sp.items if i is not last]
        return
    pairs: list[Item] = []
    k = len(texts)
    while k >= 2 and all(p.list_level is None and "\t" not in plain_text(p)
                         for p in texts[k - 2:k]):  # type: ignore[union-attr]
        name, title = plain_text(texts[k - 2]).strip(), plain_text(texts[k - 1]).strip()
        if not (looks_like_name(name) and looks_like_title(title, plan.profile.signatory_titles)):
            break
        pairs[:0] = texts[k - 2:k]
        k -= 2
    if len(pairs) >= 4:
        plan.signature_items.extend(pairs)
        sp.items = [i for i in sp.items if all(i is not p for p in pairs)]


def find_signatures(plan: ImportPlan) -> None:
    """Take the signature block out of whichever section it was printed in (and note
    which: the block prints in the same place)."""
    for sp in plan.sections:
        found = bool(plan.signature_items)
        _find_in(plan, sp)
        if plan.signature_items and not found:
            plan.signatures_in = sp.target


def _find_in(plan: ImportPlan, sp) -> None:
    """The signature block in or under one section, if it is there."""
    if sp.kind == P.SIGNATURES:
        plan.signature_items.extend(sp.items)
        sp.items = []
        return
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
        return
    if plan.signature_items or sp.kind not in (P.TEXT, CUSTOM):
        return
    # typed signatures at the end of a text section: name and title as paragraphs of
    # their own, one pair after another (Lund)…
    texts = [i for i in sp.items if not (isinstance(i, Para) and not plain_text(i).strip())]
    pairs: list[Item] = []
    k = len(texts)
    while k >= 2 and all(isinstance(i, Para) and not i.heading and i.list_level is None
                         for i in texts[k - 2:k]):
        name, title = (plain_text(texts[k - 2]).strip(), plain_text(texts[k - 1]).strip())
        if not (looks_like_name(name) and looks_like_title(
                title, plan.profile.signatory_titles)):
            break
        pairs[:0] = texts[k - 2:k]
        k -= 2
    if pairs:
        plan.signature_items.extend(pairs)
        sp.items = [i for i in sp.items if all(i is not p for p in pairs)]
        return
    # …or names side by side with tabs over their titles, or "Name<br>Title"
    if len(texts) >= 2 and all(isinstance(i, Para) for i in texts[-2:]):
        a, b = texts[-2], texts[-1]
        if signature_paragraphs(a, b, plan.profile):  # type: ignore[arg-type]
            plan.signature_items.extend([a, b])
            sp.items = [i for i in sp.items if i is not a and i is not b]
            return
    if texts and isinstance(texts[-1], Para) and signature_paragraphs(
            texts[-1], None, plan.profile):
        plan.signature_items.append(texts[-1])
        sp.items = [i for i in sp.items if i is not texts[-1]]


def read_signatories(items: list[Item], view: str, profile: Profile):
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
