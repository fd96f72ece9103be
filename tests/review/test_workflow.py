"""Review workflow data in the case: statuses, comments (anchored, resolvable), ignored findings."""

from __future__ import annotations

import pytest

from tillit_desk.fileformat import case_from_json, case_to_json
from tillit_desk.review import workflow as W
from tillit_desk.review.findings import Finding


def test_status_default_set_and_round_trip(case):
    assert W.section_status(case, "arendet") == W.UTKAST
    W.set_status(case, "arendet", W.GRANSKAD, by="Vesna Casitovski")
    W.set_status(case, "sammanfattning", W.KLAR)
    loaded = case_from_json(case_to_json(case))
    assert W.statuses(loaded, ["arendet", "sammanfattning", "bedomning"]) == {
        "arendet": "granskad", "sammanfattning": "klar_for_granskning", "bedomning": "utkast"}
    assert loaded.review["status"]["arendet"]["by"] == "Vesna Casitovski"
    assert W.STATUS_LABELS[W.KLAR] == "Klar för granskning"
    with pytest.raises(ValueError):
        W.set_status(case, "arendet", "klar")


def test_comment_add_resolve_reopen(case):
    text = case.sections["arendet"]
    start = text.index("horisontell målstyrning")
    c = W.add_comment(case, "arendet", "Förklara begreppet.", "Vesna Casitovski",
                      start=start, end=start + len("horisontell målstyrning"))
    assert c.quote == "horisontell målstyrning" and c.initials == "VC"
    general = W.add_comment(case, "barnets_basta", "Räcker detta?", "Vesna Casitovski")
    assert general.start is None and general.quote == ""
    loaded = case_from_json(case_to_json(case))
    assert [x.id for x in W.comments(loaded)] == [c.id, general.id]
    W.resolve_comment(loaded, c.id, by="Anders Eriksson")
    assert [x.id for x in W.comments(loaded, open_only=True)] == [general.id]
    assert W.comments(loaded, section="arendet")[0].resolved_by == "Anders Eriksson"
    W.reopen_comment(loaded, c.id)
    assert len(W.comments(loaded, open_only=True)) == 2
    W.delete_comment(loaded, general.id)
    assert [x.id for x in W.comments(loaded)] == [c.id]


def test_comment_reanchors_after_edit(case):
    text = case.sections["arendet"]
    start = text.index("horisontell målstyrning")
    c = W.add_comment(case, "arendet", "Förklara.", "VC", start=start,
                      end=start + len("horisontell målstyrning"))
    case.sections["arendet"] = "Ny inledning.\n\n" + text
    a = W.anchor(case, c)
    assert a is not None and case.sections["arendet"][a[0]:a[1]] == "horisontell målstyrning"
    case.sections["arendet"] = text.replace("horisontell målstyrning", "målstyrning")
    assert W.anchor(case, c) is None


def test_ignore_finding(case):
    f = Finding("klarsprak.stela_ord", "tips", "arendet", "stelt", 1, 5, None, "Avseende")
    W.ignore_finding(case, f, by="VC")
    assert case.review["ignored"][0]["rule"] == "klarsprak.stela_ord"
    W.unignore_all(case)
    assert case.review["ignored"] == []


def test_unknown_review_keys_survive(case):
    case.review = {"from_newer_version": {"x": 1}}
    W.set_status(case, "arendet", W.KLAR)
    assert case.review["from_newer_version"] == {"x": 1}
