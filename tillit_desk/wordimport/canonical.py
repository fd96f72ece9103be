"""A case's sections in the form the import reads them back from an export.

The three-way diff compares the embedded case with what Word holds. Text typed in the window
and the same text read from a DOCX can differ in form only (a list marker, a restyled decision
point, escapes), so the embedded case is composed exactly as the export composes it, turned into
the reader's paragraphs, and read back with the same code: only real edits then differ.
"""

from __future__ import annotations

from ..case import Case
from ..compose import AttSats, LabelLine, Signatures, compose
from ..markup import Heading, ListBlock, Paragraph, Span, Table
from ..profiles import Profile
from .items import Item, Para, Piece
from .items import Table as WTable


def _pieces(spans: tuple[Span, ...]) -> list[Piece]:
    return [Piece(s.text, s.bold, s.italic) for s in spans]


def composed_items(case: Case, profile: Profile) -> list[Item]:
    """The export's block list as the walker would have read it from the DOCX."""
    items: list[Item] = []
    for _sid, block in compose(case, profile).blocks:
        if isinstance(block, Heading):
            items.append(Para(_pieces(block.spans), heading=block.level))
        elif isinstance(block, Paragraph):
            items.append(Para(_pieces(block.spans)))
        elif isinstance(block, LabelLine):
            items.append(Para([Piece(block.text, bold=True)]))
        elif isinstance(block, AttSats):
            items.append(Para([Piece("att\t"), *_pieces(block.spans)]))
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items):
                items.append(Para(_pieces(item.spans), list_level=min(item.level, 2),
                                  ordered=block.item_ordered(item), num_id=f"c{id(block)}",
                                  style=str(n)))
        elif isinstance(block, Table):
            rows = [[[Para(_pieces(cell))] for cell in row] for row in block.rows]
            items.append(WTable(rows, "", block.header))
        elif isinstance(block, Signatures):
            rows = [[[Para([Piece(name)]), Para([Piece(title)])] for name, title in block.people]]
            items.append(WTable(rows, "Underskrifter"))
    return items


def canonical_sections(case: Case, profile: Profile) -> dict[str, str]:
    from .items import BASE
    from .mapping import split_sections
    from .package import Package
    from .plan import ImportPlan
    from .views import build_view

    # the case lends its own ids to the sections it added (views.case_ids)
    plan = ImportPlan("", profile, Package("", None), [], [], [], None, [], {}, case, 1)  # type: ignore[arg-type]
    items = composed_items(case, profile)
    if case.document.title.strip():  # the export prints it first, in the Title style
        items.insert(0, Para([Piece(case.document.title)], title=True))
    split_sections(plan, items)
    return build_view(plan, BASE).case.sections
