"""The case model: a tjänsteskrivelse as plain data, with no I/O and no Qt.

Every record keeps the keys it did not recognise in ``extra`` so that a file written by a newer
tool (or edited by hand) survives a load/save round trip unchanged.
"""

from __future__ import annotations

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

PURPOSE_KANNEDOM = "kännedom"
PURPOSE_ATGARD = "åtgärd"
PURPOSES = (PURPOSE_KANNEDOM, PURPOSE_ATGARD)


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
    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class DocumentInfo(Record):
    title: str = ""
    diarienummer: str = ""
    date: str = ""  # ISO YYYY-MM-DD; kept as text so a half-typed date is never lost
    organisation: str = ""
    unit: str = ""
    handlaggare: Handlaggare = field(default_factory=Handlaggare)
    decision_chain: str = ""

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {"handlaggare": (Handlaggare, False)}


@dataclass
class Motionar(Record):
    name: str = ""
    party: str = ""

    def label(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


@dataclass
class Motion(Record):
    title: str = ""
    submitted: str = ""
    addressed_to: str = ""
    motionarer: list[Motionar] = field(default_factory=list)
    yrkanden: list[str] = field(default_factory=list)

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {"motionarer": (Motionar, True)}


@dataclass
class UnderlagItem(Record):
    text: str = ""
    date: str = ""


@dataclass
class Meeting(Record):
    body: str = ""
    date: str = ""


@dataclass
class Recipient(Record):
    name: str = ""
    purpose: str = PURPOSE_KANNEDOM


@dataclass
class Signatory(Record):
    name: str = ""
    title: str = ""


@dataclass
class Case(Record):
    profile: str = "generic"
    document: DocumentInfo = field(default_factory=DocumentInfo)
    motion: Motion | None = None
    sections: dict[str, str] = field(default_factory=dict)
    underlag: list[UnderlagItem] = field(default_factory=list)
    beslutsplanering: list[Meeting] = field(default_factory=list)
    skickas_till: list[Recipient] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    review: dict[str, Any] = field(default_factory=dict)

    NESTED: ClassVar[dict[str, tuple[type[Record], bool]]] = {
        "document": (DocumentInfo, False),
        "motion": (Motion, False),
        "underlag": (UnderlagItem, True),
        "beslutsplanering": (Meeting, True),
        "skickas_till": (Recipient, True),
        "signatories": (Signatory, True),
    }

    def section(self, section_id: str) -> str:
        return self.sections.get(section_id, "")


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
