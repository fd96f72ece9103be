"""Property: whatever text lands in any field, the export is a valid DOCX holding that text."""

from __future__ import annotations

import io
import unicodedata

import docx
from docxtools import all_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillit_desk.case import Case, Motion, Motionar, Recipient, Signatory, UnderlagItem
from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry

# Any code point, including control characters and lone surrogates.
anything = st.text(alphabet=st.characters(), max_size=40)
REGISTRY = ProfileRegistry(user_dir=None)


def _visible(text: str) -> set[str]:
    """Characters a reader must find again: letters, digits and the XML-special ones."""
    return {c for c in text if c.isalnum() or c in "&<>\"'"} - {
        c for c in text if unicodedata.category(c) in ("Cs", "Co", "Cn")}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fields=st.lists(anything, min_size=12, max_size=12),
       profile_id=st.sampled_from(["generic", "lund-kommun", "malmo-stad", "region-skane"]))
def test_every_export_opens_and_keeps_visible_characters(fields, profile_id):
    f = iter(fields)
    case = Case(profile=profile_id)
    doc = case.document
    doc.title, doc.diarienummer, doc.date = next(f), next(f), next(f)
    doc.handlaggare.name, doc.handlaggare.email = next(f), next(f)
    case.motion = Motion(title=next(f), motionarer=[Motionar(next(f), "V")], yrkanden=[next(f)])
    case.sections = {"arendet": next(f), "forslag_till_beslut": "att " + next(f),
                     "ekonomiska_konsekvenser": next(f)}
    case.underlag = [UnderlagItem(next(f), "2022-05-02")]
    case.signatories = [Signatory("Anna", "Chef")]
    case.skickas_till = [Recipient("Motionärerna", "kännedom")]
    data, _warnings = render_docx(case, REGISTRY.get(profile_id))
    docx.Document(io.BytesIO(data))  # python-docx opens it
    text = all_text(data)
    printed = [doc.title, doc.diarienummer, doc.date, doc.handlaggare.name,
               doc.handlaggare.email, case.sections["arendet"],
               case.sections["ekonomiska_konsekvenser"], case.underlag[0].text]
    for value in printed:
        missing = _visible(value) - set(text)
        assert not missing, (value, missing)
