"""The import plan: which heading of the DOCX goes to which section of the case.

``mapping.read_plan`` fills it in; the window shows it and lets the user change the targets
before ``importer.build_case`` writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..case import Case
from ..profiles import Profile
from .items import BASE, Item, Para
from .package import Package

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
    # the target of the section the signature block was printed in or under (its place)
    signatures_in: str = ""

    @property
    def header_items(self) -> list[Item]:
        return [item for part in self.header_parts for item in part]

    @property
    def author(self) -> str:
        return self.package.core_value("lastModifiedBy") or "Word"


def plain_text(item: Item, view: str = BASE) -> str:
    if isinstance(item, Para):
        return "".join(p.text for p in item.pieces if p.view in (None, view))
    return ""


def item_plain(item: Item) -> str:
    if isinstance(item, Para):
        return plain_text(item)
    return " ".join(" ".join(item_plain(i) for i in cell) for row in item.rows for cell in row)


def clip(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
