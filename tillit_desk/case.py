"""The case model: a tjänsteskrivelse as plain data, with no I/O and no Qt.

Every record keeps the keys it did not recognise in ``extra`` so that a file written by a newer
tool (or edited by hand) survives a load/save round trip unchanged.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Self

STANDARD_SECTION_IDS: tuple[str, ...] = (
    "sammanfattning",
    "forslag_till_beslut",
    "arendet",
    "bedomning",
    "barnets_basta",
    "ekonomiska_konsekvenser",
)

# Headings for section ids when no profile names them (e.g. text kept from another profile).
DEFAULT_HEADINGS: dict[str, str] = {
    "sammanfattning": "Sammanfattning",
    "forslag_till_beslut": "Förslag till beslut",
    "arendet": "Ärendet",
    "bedomning": "Bedömning",
    "barnets_basta": "Barnets bästa",
    "ekonomiska_konsekvenser": "Ekonomiska konsekvenser",
    "beredning": "Beredning",
    "remissinstanser": "Remissinstanser",
    "motivering": "Motivering till beslut",
    "jamstalldhet": "Jämställdhet",
    "miljo": "Miljö",
    "samverkan": "Samverkan",
}

# Places that findings, version diffs and suggestions refer to besides the text sections, with
# the heading every view shows for them (the CLI, the window, versions and the Word import).
PLACE_HEADINGS: dict[str, str] = {
    "dokument": "Ärendeuppgifter",
    "motion": "Motionen",
    "underlag": "Beslutsunderlag",
    "beslutsplanering": "Beslutsplanering",
    "skickas_till": "Beslutet skickas till",
    "signatures": "Underskrifter",
    "export": "Exporterat dokument",
}

PURPOSE_KANNEDOM = "kännedom"
PURPOSE_ATGARD = "åtgärd"
PURPOSES = (PURPOSE_KANNEDOM, PURPOSE_ATGARD)

# The styles decision points can be written in (layout.decision_style; "" = the profile's).
DECISION_STYLES = ("", "att", "numbered", "bullets")


@dataclass
class Record:
    """Base for the records of a case: dict round trip that preserves unknown keys."""

    extra: dict[str, Any] = field(default_factory=dict, kw_only=True, compare=False, repr=False)

    # Nested record fields: field name -> (record class, is_list)
    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        kwargs: dict[str, Any] = {}
        for name, fld in known.items():
            if name not in data:
                continue
            value = data[name]
            if isinstance(fld.default, str) and not isinstance(value, str):
                raise TypeError(f"\"{name}\" ska vara text")
            nested = cls.NESTED.get(name)
            if nested is not None and value is not None:
                sub, is_list = nested
                value = [sub.from_dict(v) for v in value] if is_list else sub.from_dict(value)
            kwargs[name] = value
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**kwargs, extra=extra)

    def copy(self) -> Self:
        """A copy that shares nothing with this record: ``to_dict`` copies only the top
        level (review data, unknown keys), and a worker thread or an undo step must never hold
        the lists the window goes on changing."""
        return type(self).from_dict(copy.deepcopy(self.to_dict()))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if isinstance(value, Record):
                value = value.to_dict()
            elif isinstance(value, list):
                value = [v.to_dict() if isinstance(v, Record) else v for v in value]
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out


@dataclass
class Handlaggare(Record):
    """The case officer named under "Vår referens" in the header block."""

    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class DocumentInfo(Record):
    """The header block: title, diarienummer, date, organisation, förvaltning, officer."""

    title: str = ""
    diarienummer: str = ""
    date: str = ""  # ISO YYYY-MM-DD; kept as text so a half-typed date is never lost
    organisation: str = ""
    unit: str = ""
    handlaggare: Handlaggare = field(default_factory=Handlaggare)
    decision_chain: str = ""
    # The body the document is addressed to, printed over the title ("Socialnämnden").
    addressee: str = ""

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {"handlaggare": (Handlaggare, False)}

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if not out.get("addressee"):  # written only when used: older files stay as they were
            out.pop("addressee", None)
        return out


@dataclass
class Motionar(Record):
    """A councillor who signed the motion, with party."""

    name: str = ""
    party: str = ""

    def label(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


@dataclass
class Motion(Record):
    """The motion the case answers: its title, date, addressee, motionärer and yrkanden."""

    title: str = ""
    submitted: str = ""
    addressed_to: str = ""
    motionarer: list[Motionar] = field(default_factory=list)
    yrkanden: list[str] = field(default_factory=list)

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {"motionarer": (Motionar, True)}


@dataclass
class UnderlagItem(Record):
    """One line of Beslutsunderlag: a document the decision rests on."""

    text: str = ""
    date: str = ""


@dataclass
class Meeting(Record):
    """One step of Beslutsplanering: the body that meets and when."""

    body: str = ""
    date: str = ""


@dataclass
class Recipient(Record):
    """One line of "Beslutet skickas till": who gets the decision, för kännedom or åtgärd."""

    name: str = ""
    purpose: str = PURPOSE_KANNEDOM


@dataclass
class Signatory(Record):
    """A person who signs the tjänsteskrivelse."""

    name: str = ""
    title: str = ""


@dataclass
class CustomSection(Record):
    """A section this case adds to its profile's: its text is ``sections[id]``."""

    id: str = ""
    heading: str = ""
    after: str = ""  # id of the section it follows; "" = before all others


@dataclass
class SectionLayout(Record):
    """How this case shapes its profile's sections (docs/file-format.md, key ``layout``)."""

    headings: dict[str, str] = field(default_factory=dict)  # section id -> heading for this case
    added: list[CustomSection] = field(default_factory=list)
    not_relevant: list[str] = field(default_factory=list)  # section ids marked "inte relevant"
    # The decision points' own style ("att", "numbered", "bullets"), printed as written instead
    # of in the profile's style; "" = the profile's. A document brought in from Word keeps its.
    decision_style: str = ""
    # True: print no decision chain (an empty document.decision_chain means the profile's).
    no_decision_chain: bool = False
    # Section ids in the order this case prints them; a section not listed follows the one
    # before it in the profile's order. [] = the profile's order.
    order: list[str] = field(default_factory=list)
    # The profile's [export] wording and list forms this case prints otherwise (the labels
    # over the recipients, Beslutsunderlag's lead-in, bullets or plain lines); {} = none.
    export: dict[str, str] = field(default_factory=dict)

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {"added": (CustomSection, True)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        if not isinstance(data, dict):
            raise TypeError("\"layout\" ska vara ett objekt")
        headings = data.get("headings", {})
        if not isinstance(headings, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in headings.items()):
            raise TypeError("\"layout.headings\" ska vara ett objekt med text")
        if not isinstance(data.get("added", []), list) or not all(
                isinstance(a, dict) for a in data.get("added", [])):
            raise TypeError("\"layout.added\" ska vara en lista med objekt")
        marked = data.get("not_relevant", [])
        if not isinstance(marked, list) or not all(isinstance(v, str) for v in marked):
            raise TypeError("\"layout.not_relevant\" ska vara en lista med text")
        if data.get("decision_style", "") not in DECISION_STYLES:
            raise TypeError("\"layout.decision_style\" ska vara \"att\", \"numbered\", "
                            "\"bullets\" eller \"\"")
        if not isinstance(data.get("no_decision_chain", False), bool):
            raise TypeError("\"layout.no_decision_chain\" ska vara true eller false")
        overrides = data.get("export", {})
        if not isinstance(overrides, dict) or not all(isinstance(v, str)
                                                      for v in overrides.values()):
            raise TypeError("\"layout.export\" ska vara ett objekt med text")
        order = data.get("order", [])
        if not isinstance(order, list) or not all(isinstance(v, str) for v in order):
            raise TypeError("\"layout.order\" ska vara en lista med text")
        return super().from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        for key, default in (("decision_style", ""), ("no_decision_chain", False),
                             ("order", []), ("export", {})):
            if out.get(key) == default:  # written only when used: older files stay as they were
                out.pop(key)
        return out

    def is_empty(self) -> bool:
        return not (self.headings or self.added or self.not_relevant or self.extra
                    or self.decision_style or self.no_decision_chain or self.order
                    or self.export)


@dataclass
class Case(Record):
    """A whole tjänsteskrivelse: header, motion, section texts, lists, review and layout."""

    profile: str = "generic"
    document: DocumentInfo = field(default_factory=DocumentInfo)
    motion: Motion | None = None
    sections: dict[str, str] = field(default_factory=dict)
    underlag: list[UnderlagItem] = field(default_factory=list)
    beslutsplanering: list[Meeting] = field(default_factory=list)
    skickas_till: list[Recipient] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    review: dict[str, Any] = field(default_factory=dict)
    layout: SectionLayout = field(default_factory=SectionLayout)

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {
        "layout": (SectionLayout, False),
        "document": (DocumentInfo, False),
        "motion": (Motion, False),
        "underlag": (UnderlagItem, True),
        "beslutsplanering": (Meeting, True),
        "skickas_till": (Recipient, True),
        "signatories": (Signatory, True),
    }

    def section(self, section_id: str) -> str:
        return self.sections.get(section_id, "")

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.layout.is_empty():  # a case that shapes nothing saves as before (tillit-desk/1)
            out.pop("layout")
        return out


def join_names(parts: list[str]) -> str:
    """Swedish list: "A, B och C"."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


def motionarer_text(motion: Motion | None) -> str:
    if motion is None:
        return ""
    return join_names([m.label() for m in motion.motionarer])
