"""Real tjänsteskrivelser from six organisations as Word files (real_word.py): every field and
section compared with what a handläggare expects (fixtures/tjansteskrivelser/expected.json,
written by reading the documents first). The field-by-field table is printed (pytest -s)."""

from __future__ import annotations

import re

import pytest

from tillit_desk.print_options import print_options
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from . import real_word as R
from .case_strings import strings

REGISTRY = ProfileRegistry(user_dir=None)
EXPECTED = R.expected()
# the labels of the first page's fields: the export prints them from the template
LABELS = ["Datum", "Vår referens", "Diarienummer", "Handläggare", "Tjänsteskrivelse"]


def _import(name: str):
    plan = read_plan(R.build(name), REGISTRY, name=name.replace(".txt", ".docx"))
    return plan, build_case(plan)


def actual(name: str) -> dict:
    """What the import made of the document, in the form of expected.json."""
    plan, result = _import(name)
    case, report = result.case, result.report
    doc = case.document
    # a section of its own in the case (an untitled one holds text before the first heading)
    added = {a.heading for a in case.layout.added if a.heading}
    out = {
        "profile": report.profile,
        "document": {"addressee": doc.addressee, "title": doc.title, "date": doc.date,
                     "diarienummer": doc.diarienummer,
                     "organisation": doc.organisation, "unit": doc.unit,
                     "handlaggare": [doc.handlaggare.name, doc.handlaggare.title,
                                     doc.handlaggare.email]},
        "mapping": [[sp.heading, "+" if sp.heading in added else sp.target]
                    for sp in plan.sections],
        "decision_chain": doc.decision_chain,
        "sections": dict(case.sections),
        "underlag": [[u.text, u.date] for u in case.underlag],
        "beslutsplanering": [[m.body, m.date] for m in case.beslutsplanering],
        "skickas_till": [[r.name, r.purpose] for r in case.skickas_till],
        "signatories": [[s.name, s.title] for s in case.signatories],
        "unplaced": list(report.unplaced),
    }
    return out


def _compare(name: str) -> list[tuple[str, str, str, bool]]:
    """(field, expected, actual, equal) for every field expected.json names."""
    want, got = EXPECTED[name], actual(name)
    rows = []
    for key, value in want.items():
        if key == "document":
            for field, v in value.items():
                rows.append((field, v, got["document"][field]))
        elif key == "sections":
            for sid, v in value.items():
                text = got["sections"].get(sid, "")
                if isinstance(v, dict):
                    rows.append((f"{sid} (början)", v["startswith"],
                                 text[:len(v["startswith"])]))
                else:
                    rows.append((sid, v, text))
        elif key == "unplaced":  # each expected line is listed (with the report's words)
            lines = [" ".join(u.split()) for u in got["unplaced"]]
            rows.append((key, value, [x for x in value if any(x in ln for ln in lines)]))
            rows.append(("unplaced (other)", [],
                         [ln for ln in lines if not any(x in ln for x in value)]))
        else:
            rows.append((key, value, got[key]))
    return [(f, repr(w), repr(a), w == a) for f, w, a in rows]


def test_print_the_field_table():
    """The table of every document and field (run with -s to read it)."""
    total = right = 0
    for name in R.names():
        print(f"\n== {name}")
        for field, want, got, equal in _compare(name):
            total += 1
            right += equal
            mark = "ok " if equal else "FEL"
            print(f"  {mark} {field:22} {got[:90]}"
                  + ("" if equal else f"\n      väntat {want[:90]}"))
    print(f"\n{right}/{total} fält som väntat")
    assert total > 60


@pytest.mark.parametrize("name", R.names())
def test_every_field_as_a_handlaggare_expects(name):
    wrong = [(f, w, a) for f, w, a, equal in _compare(name) if not equal]
    assert not wrong, "\n".join(f"{f}: väntat {w}, fick {a}" for f, w, a in wrong)


@pytest.mark.parametrize("name", R.names())
def test_no_word_of_the_document_is_lost(name):
    """Every word of the body is in the case, the profile's fixed text, a field's label or the
    report."""
    plan, result = _import(name)
    options = print_options(plan.profile)
    fixed = [options.underlag_intro, options.label_atgard, options.label_kannedom,
             options.chain_ending, *LABELS]
    kept = set(re.findall(r"\w+", " ".join(strings(result.case.to_dict()) + fixed).lower()))
    kept |= set(re.findall(r"\w+", " ".join(result.report.unplaced).lower()))
    kept |= set(re.findall(r"\w+", " ".join(h for h, _ in result.report.mapping).lower()))
    body = [ln for ln in R.lines(name) if not ln.startswith("@") or ln.startswith("@title")]
    words = set(re.findall(r"\w+", " ".join(body).lower().replace("@title", "")))
    missing = words - kept
    assert not missing, sorted(missing)


@pytest.mark.parametrize("name", R.names())
def test_an_imported_document_exports_valid_and_comes_back_unchanged(name):
    """Imported, exported with its profile's Word template (valid for Word), and read again:
    the same sections, lists and fields, and no change to review."""
    from ooxml_schema import schema_errors

    from tillit_desk.export.docx import render_docx
    from tillit_desk.wordimport import suggestions as S

    _plan, first = _import(name)
    case = first.case
    data, _warnings = render_docx(case, REGISTRY.get(case.profile))
    assert schema_errors(data) == []
    again = build_case(read_plan(data, REGISTRY, name="export.docx")).case
    assert S.suggestions(again) == []
    for key in ("sections", "underlag", "beslutsplanering", "skickas_till", "signatories",
                "document", "layout"):
        assert again.to_dict().get(key) == case.to_dict().get(key), key
