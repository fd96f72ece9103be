"""One rule for a section marked "inte relevant" (print_options.not_relevant_form): the export
prints what it says, and the review checks the section's text exactly when it is printed."""

from __future__ import annotations

import dataclasses

import pytest
from docxtools import paragraphs

from tillit_desk.export.docx import render_docx
from tillit_desk.print_options import (
    NOT_RELEVANT_OMIT,
    NOT_RELEVANT_OWN_TEXT,
    NOT_RELEVANT_SENTENCE,
    not_relevant_form,
    print_options,
)
from tillit_desk.review.context import Context
from tillit_desk.section_layout import mark_not_relevant

OWN = "Barnen berörs inte av beslutet om parkbänkar."


@pytest.mark.parametrize("profile_id", ["generic", "lund-kommun", "malmo-stad", "region-skane"])
@pytest.mark.parametrize("form", [NOT_RELEVANT_OMIT, NOT_RELEVANT_SENTENCE, NOT_RELEVANT_OWN_TEXT])
def test_export_and_review_follow_the_one_rule(example_case, registry, profile_id, form):
    base = registry.get(profile_id)
    options = {NOT_RELEVANT_OMIT: {"omit_when_not_relevant": ["barnets_basta"]},
               NOT_RELEVANT_SENTENCE: {"not_relevant": {"barnets_basta": "Inte relevant här."}},
               NOT_RELEVANT_OWN_TEXT: {}}[form]
    profile = dataclasses.replace(base, extra={**base.extra, "export": options})
    assert not_relevant_form(print_options(profile), "barnets_basta") == form
    case = example_case
    case.profile = profile_id
    case.sections["barnets_basta"] = OWN
    mark_not_relevant(case, "barnets_basta")
    texts = [p.text for p in paragraphs(render_docx(case, profile)[0])]
    heading = Context(case, profile).heading("barnets_basta")
    assert (OWN in texts) == (form == NOT_RELEVANT_OWN_TEXT)
    assert ("Inte relevant här." in texts) == (form == NOT_RELEVANT_SENTENCE)
    assert (heading in texts) == (form != NOT_RELEVANT_OMIT)
    assert Context(case, profile).prints_text("barnets_basta") == (form == NOT_RELEVANT_OWN_TEXT)


def test_a_row_whose_text_says_its_date_in_words_prints_no_date_after_it():
    from tillit_desk.phrases import MONTHS
    from tillit_desk.print_options import DEFAULTS, holds_date, underlag_row
    from tillit_desk.print_options import MONTHS as OWN_MONTHS

    assert OWN_MONTHS == MONTHS  # one spelling of the months
    assert holds_date("Protokoll den 24 mars 2010, § 24", "2010-03-24")
    assert holds_date("Protokoll 1:a mars 2010", "2010-03-01")
    assert not holds_date("Protokoll den 24 mars 2010", "2010-03-25")
    assert not holds_date("Protokoll den 124 mars 2010", "2010-03-24")
    assert underlag_row(DEFAULTS, "Tjänsteskrivelse den 26 oktober 2011", "2011-10-26") == \
        "Tjänsteskrivelse den 26 oktober 2011"
    assert underlag_row(DEFAULTS, "Tjänsteskrivelse", "2011-10-26") == \
        "Tjänsteskrivelse 2011-10-26"
