"""A new, empty case shaped by a profile (and the officer's own details from settings)."""

from __future__ import annotations

import datetime as _dt

from .case import Case, DocumentInfo, Handlaggare, Recipient, Signatory
from .profiles import Profile


def for_motion_only(name: str) -> bool:
    """A default recipient that exists only when a motion is answered (the motionärer)."""
    return name.strip().lower().startswith("motionär")


def new_case(profile: Profile, handlaggare: Handlaggare | None = None,
             today: _dt.date | None = None, motion: bool = True) -> Case:
    """Empty sections for every text section of the profile, so the file shows what to write.
    ``motion=False``: a case that answers no motion gets no "Motionärerna" to send to."""
    return Case(
        profile=profile.id,
        document=DocumentInfo(
            date=(today or _dt.date.today()).isoformat(),
            organisation=profile.organisation,
            unit=profile.unit,
            handlaggare=handlaggare or Handlaggare(),
            decision_chain=profile.decision_chain,
        ),
        sections={spec.id: "" for spec in profile.text_sections()},
        skickas_till=[Recipient(name, purpose) for name, purpose in profile.default_skickas_till
                      if motion or not for_motion_only(name)],
        signatories=[Signatory("", title) for title in profile.signatory_titles],
    )


def switch_profile(case: Case, old: Profile | None, new: Profile) -> None:
    """Change profile without losing text: organisation, chain and titles follow the new profile
    only where they still hold the old profile's defaults."""
    doc = case.document
    if old is None or doc.organisation in ("", old.organisation):
        doc.organisation = new.organisation
    if old is None or doc.unit in ("", old.unit):
        doc.unit = new.unit
    if old is None or doc.decision_chain in ("", old.decision_chain):
        doc.decision_chain = new.decision_chain
    for spec in new.text_sections():
        case.sections.setdefault(spec.id, "")
    case.profile = new.id
