"""How a profile wants the composed document printed: the fixed wording the export may add, and
where structured lists go. Read from the ``[export]`` table of ``profile.toml``.

The export adds no wording of its own: every fixed phrase (a chain ending, the "För kännedom:"
label, the date after a Beslutsunderlag row, the sentence for a section that is not relevant)
comes from here, and each can be set to "" to print nothing. A profile without an ``[export]``
table gets :data:`DEFAULTS`, which are the generic profile's values. The table is not inherited
through ``based_on``: a profile that wants other values states them (docs/templates.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ProfileError
from .profiles import Profile


@dataclass(frozen=True)
class PrintOptions:
    # Appended to a decision chain that does not already end with ":" (e.g. " följande:").
    chain_ending: str = ""
    # Labels over the recipients in "Beslutet skickas till"; "" prints the names without label.
    label_atgard: str = "För åtgärd:"
    label_kannedom: str = "För kännedom:"
    # One Beslutsunderlag row: {text} and {date} are replaced ({date} is left out when the text
    # already holds it); "{text}" prints no dates.
    underlag_row: str = "{text} {date}"
    # "" prints Beslutsunderlag as its own section (bullets); a section id prints it as a
    # numbered list at the end of that section, after ``underlag_intro``.
    underlag_in: str = ""
    underlag_intro: str = ""
    # A heading over the signatures ("Ansvariga"); "" prints none.
    signatures_heading: str = ""
    # How Beslutsunderlag (in its own section) and the recipients print: "bullets",
    # "numbered" or "plain" (lines of their own).
    underlag_list: str = "bullets"
    skickas_till_list: str = "plain"
    # The signatures: up to three "side_by_side", or "stacked" (name over title, one person
    # after the other).
    signatures_layout: str = "side_by_side"
    # Section id -> the standard sentence printed when a case marks the section "inte relevant".
    not_relevant: dict[str, str] = field(default_factory=dict)
    # Sections that are left out altogether (no heading) when marked "inte relevant".
    omit_when_not_relevant: tuple[str, ...] = ()


DEFAULTS = PrintOptions()
_STRINGS = ("chain_ending", "label_atgard", "label_kannedom", "underlag_row", "underlag_in",
            "underlag_intro", "signatures_heading", "underlag_list", "skickas_till_list",
            "signatures_layout")
SIGNATURE_LAYOUTS = ("side_by_side", "stacked")
LIST_FORMS = ("bullets", "numbered", "plain")
# What a case may set for itself (``layout.export``): how its own document printed a list, a
# label, a lead-in (a document brought in from Word keeps its own).
CASE_KEYS = ("label_atgard", "label_kannedom", "underlag_intro", "underlag_list",
             "skickas_till_list", "signatures_layout")


def print_options(profile: Profile) -> PrintOptions:
    """The profile's ``[export]`` table, checked; unknown keys are an error (a typo would
    otherwise silently print the default wording)."""
    raw: Any = profile.extra.get("export", {})
    where = f"Profilen {profile.name}, [export]"
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: ska vara en tabell.")
    known = {f.name for f in fields(PrintOptions)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ProfileError(f"{where}: okända nycklar {', '.join(unknown)}.")
    values: dict[str, Any] = {}
    for name in _STRINGS:
        if name in raw:
            if not isinstance(raw[name], str):
                raise ProfileError(f"{where}: \"{name}\" ska vara text.")
            values[name] = raw[name]
    for name in ("underlag_list", "skickas_till_list"):
        if name in values and values[name] not in LIST_FORMS:
            raise ProfileError(f"{where}: \"{name}\" ska vara \"bullets\", \"numbered\" eller "
                               "\"plain\".")
    if values.get("signatures_layout", "side_by_side") not in SIGNATURE_LAYOUTS:
        raise ProfileError(f"{where}: \"signatures_layout\" ska vara \"side_by_side\" eller "
                           "\"stacked\".")
    if "not_relevant" in raw:
        table = raw["not_relevant"]
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ProfileError(f"{where}: \"not_relevant\" ska vara en tabell med text per "
                               "avsnitts-id.")
        values["not_relevant"] = dict(table)
    if "omit_when_not_relevant" in raw:
        ids = raw["omit_when_not_relevant"]
        if not isinstance(ids, list) or not all(isinstance(v, str) for v in ids):
            raise ProfileError(f"{where}: \"omit_when_not_relevant\" ska vara en lista med "
                               "avsnitts-id.")
        values["omit_when_not_relevant"] = tuple(ids)
    return PrintOptions(**values)


def with_case(options: PrintOptions, overrides: dict[str, Any]) -> PrintOptions:
    """The profile's options with what one case sets for itself (``case.layout.export``, keys
    in :data:`CASE_KEYS`); other keys and values of the wrong form are left out (the file
    keeps them)."""
    values = {k: v for k, v in overrides.items() if k in CASE_KEYS and isinstance(v, str)
              and (v in LIST_FORMS or not k.endswith("_list"))
              and (v in SIGNATURE_LAYOUTS or k != "signatures_layout")}
    return replace(options, **values) if values else options


NOT_RELEVANT_OMIT = "omit"  # left out altogether, heading and all
NOT_RELEVANT_SENTENCE = "sentence"  # the profile's standard sentence instead of the text
NOT_RELEVANT_OWN_TEXT = "own_text"  # neither: the section's own text is printed


def not_relevant_form(options: PrintOptions, section_id: str) -> str:
    """What a section marked "inte relevant" prints: the one rule the export (compose) and the
    review (which does not check text that is not printed) share."""
    if section_id in options.omit_when_not_relevant:
        return NOT_RELEVANT_OMIT
    if options.not_relevant.get(section_id, ""):
        return NOT_RELEVANT_SENTENCE
    return NOT_RELEVANT_OWN_TEXT


MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


def holds_date(text: str, date: str) -> bool:
    """Does the text already say this ISO date, as ISO or in words ("den 26 oktober 2011",
    "26:e oktober 2011")? Then a row prints no date after it."""
    if not date:
        return False
    if date in text:
        return True
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return False
    words = rf"(?<!\d)0?{int(m.group(3))}(?::?e|:a)?\s+{MONTHS[int(m.group(2)) - 1]}\s+" \
            rf"{m.group(1)}(?!\d)"
    return re.search(words, text, re.IGNORECASE) is not None


def underlag_row(options: PrintOptions, text: str, date: str) -> str:
    """One Beslutsunderlag row as the profile writes it (plain replacement, no format codes)."""
    if holds_date(text, date):
        date = ""
    values = {"text": text, "date": date}
    row = re.sub(r"\{(text|date)\}", lambda m: values[m.group(1)], options.underlag_row)
    return " ".join(row.split())
