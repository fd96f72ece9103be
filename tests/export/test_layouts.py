"""Golden tests for a Malmö- and a Region Skåne-shaped case (neutral text, built from the
structure of the real documents): page 1 follows the organisation's layout, no empty heading or
label is printed, and the export adds no wording of its own.

A deliberate change is accepted with TILLIT_UPDATE_GOLDEN=1 and a review of the diff.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from docxtools import headings, paragraphs
from lxml import etree
from ooxml_schema import schema_errors

from tillit_desk.case import (
    Case,
    DocumentInfo,
    Handlaggare,
    Motion,
    Motionar,
    Recipient,
    Signatory,
    UnderlagItem,
)
from tillit_desk.export.docx import render_docx
from tillit_desk.print_options import print_options
from tillit_desk.section_layout import mark_not_relevant, rename_section, split_section

GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def malmo_case() -> Case:
    case = Case(
        profile="malmo-stad",
        document=DocumentInfo(
            title="Motion om fler bänkar i parkerna", diarienummer="STK-2020-1262",
            date="2020-09-14", organisation="Malmö stad", unit="Stadskontoret",
            handlaggare=Handlaggare("Kim Exempelsson", "Utredare", "kim.exempelsson@example.se"),
            decision_chain="Kommunstyrelsen föreslår kommunfullmäktige besluta följande:"),
        motion=Motion("Fler bänkar i parkerna", "2020-03-02", "Kommunfullmäktige",
                      [Motionar("Ada Andersson", "X")], ["att fler bänkar ställs ut"]),
        sections={
            "sammanfattning": "Motionären vill att fler bänkar ställs ut i parkerna. "
                              "Stadskontoret föreslår att motionen anses besvarad.",
            "forslag_till_beslut": "1. Kommunfullmäktige anser motionen besvarad.",
            "arendet": "Motionären beskriver behovet av vila under promenader.",
            "bedomning": "Arbetet med bänkar pågår redan inom parkprogrammet.",
            "ekonomiska_konsekvenser": "",
            "barnets_basta": "",
        },
        underlag=[UnderlagItem("Tjänsteskrivelse", "2020-09-14"),
                  UnderlagItem("Motion om fler bänkar", "2020-03-02")],
        skickas_till=[Recipient("Motionären", "kännedom")],
        signatories=[Signatory("Bo Bengtsson", "Stadsdirektör"),
                     Signatory("Cia Carlsson", "Avdelningschef")],
    )
    second = split_section(case, "bedomning", "Stadskontorets bedömning",
                           "Stadskontorets förslag")
    case.sections[second.id] = "Stadskontoret föreslår att motionen anses besvarad."
    mark_not_relevant(case, "barnets_basta")
    mark_not_relevant(case, "ekonomiska_konsekvenser")
    rename_section(case, "signatures", "Ansvariga")
    return case


def region_case() -> Case:
    return Case(
        profile="region-skane",
        document=DocumentInfo(
            title="Svar på motion om cykelparkering vid sjukhusen",
            diarienummer="RS 2022-00086", date="2022-03-01", organisation="Region Skåne",
            unit="Koncernkontoret",
            decision_chain="Regionstyrelsen föreslår regionfullmäktige besluta följande:"),
        motion=Motion("Cykelparkering vid sjukhusen", "2022-01-10", "Regionfullmäktige",
                      [Motionar("Dan Dahl", "Y")], ["att cykelparkeringen byggs ut"]),
        sections={
            "forslag_till_beslut": "1. Regionfullmäktige anser motionen besvarad.",
            "sammanfattning": "Motionären vill att cykelparkeringen byggs ut.",
            "arendet": "Antalet cyklande besökare har ökat.",
            "bedomning": "Utbyggnaden ingår redan i lokalplanen.",
            "motivering": "Frågan hanteras i pågående planering.",
            "barnets_basta": "", "ekonomiska_konsekvenser": "",
        },
        underlag=[UnderlagItem("Motionssvar", "2022-03-01"), UnderlagItem("Motion",
                                                                          "2022-01-10")],
        skickas_till=[Recipient("Motionären", "kännedom")],
        signatories=[Signatory("Eva Ek", "Ordförande")],
    )


def _first_header(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        doc = etree.fromstring(zf.read("word/document.xml"))
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        ref = doc.find(f".//{W}headerReference[@{W}type='first']")
        target = next(r.get("Target") for r in rels if r.get("Id") == ref.get(f"{R}id"))
        return etree.fromstring(zf.read("word/" + target))


def _texts(root) -> list[str]:
    out = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.strip():
            out.append(text)
    return out


def _every_text(data: bytes) -> str:
    """Every w:t of body, headers and footers, separated (so words do not run together)."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                out.extend(t.text or "" for t in etree.fromstring(zf.read(name)).iter(f"{W}t"))
    return " ".join(out)


CASES = {"malmo": (malmo_case, "malmo-stad"), "region": (region_case, "region-skane")}


def test_malmo_page_one(registry):
    data, _ = render_docx(malmo_case(), registry.get("malmo-stad"))
    header = _texts(_first_header(data))
    assert header[:2] == ["Malmö stad", "Stadskontoret"]
    assert re.fullmatch(r"1 \(\d+\)", header[2])
    assert header[3:] == ["Datum", "2020-09-14", "Vår referens", "Kim Exempelsson", "Utredare",
                          "kim.exempelsson@example.se", "Tjänsteskrivelse"]
    body = [p.text for p in paragraphs(data)]
    assert body[:3] == ["Motion om fler bänkar i parkerna", "STK-2020-1262", "Sammanfattning"]
    level1 = [t for lvl, t in headings(data) if lvl == 1]
    assert level1 == ["Sammanfattning", "Förslag till beslut", "Beslutsunderlag",
                      "Beslutet skickas till", "Ärendet", "Stadskontorets bedömning",
                      "Stadskontorets förslag", "Ekonomiska konsekvenser", "Ansvariga"]


def test_region_page_one(registry):
    data, _ = render_docx(region_case(), registry.get("region-skane"))
    header = _texts(_first_header(data))
    assert header[:2] == ["Region Skåne", "Koncernkontoret"]
    assert header[3:] == ["Datum 2022-03-01", "Diarienummer RS 2022-00086"]  # no Vår referens
    body = [p.text for p in paragraphs(data)]
    assert body[:4] == ["Svar på motion om cykelparkering vid sjukhusen", "Ordförandens förslag",
                        "Regionstyrelsen föreslår regionfullmäktige besluta följande:",
                        "Regionfullmäktige anser motionen besvarad."]
    i = body.index("I ärendet finns följande dokument:")
    assert body[i + 1:i + 3] == ["Motionssvar 2022-03-01", "Motion 2022-01-10"]
    assert "Beslutsunderlag" not in body and "Barnets bästa" not in body


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_empty_headings_or_labels_and_no_added_wording(registry, name):
    make, pid = CASES[name]
    case, profile = make(), registry.get(pid)
    data, _ = render_docx(case, profile)
    assert schema_errors(data) == []
    paras = paragraphs(data)
    for i, p in enumerate(paras):
        if p.outline is not None:
            assert i + 1 < len(paras) and paras[i + 1].outline is None or (
                paras[i + 1].outline > p.outline), p.text
    header_text = _texts(_first_header(data))
    assert not [t for t in header_text if re.fullmatch(r"[\w ]+:\s*", t)]  # a bare label
    options = print_options(profile)
    allowed = " ".join([
        str(case.to_dict()), *(s.heading for s in profile.sections), profile.organisation,
        profile.unit, profile.document_type, options.underlag_intro, options.label_atgard,
        options.label_kannedom, *options.not_relevant.values(),
        "Datum Diarienummer Vår referens",  # the template's own labels
    ])
    words = set(re.findall(r"\w+", _every_text(data).lower()))
    added = words - set(re.findall(r"\w+", allowed.lower()))
    assert added <= {str(n) for n in range(10)}, added  # page numbers only


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("part", ["word/document.xml", "first-header"])
def test_golden(registry, name, part):
    make, pid = CASES[name]
    data, _ = render_docx(make(), registry.get(pid))
    if part == "first-header":
        root = _first_header(data)
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            root = etree.fromstring(zf.read(part))
    actual = re.sub(r'w:rsid\w*="[^"]*"', "", etree.tostring(
        root, pretty_print=True, encoding="unicode"))
    golden = GOLDEN / f"{name}__{part.replace('/', '__')}.txt"
    if os.environ.get("TILLIT_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
        if os.environ.get("TILLIT_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden.name} was missing and has been written; rerun")
    assert actual.splitlines() == golden.read_text(encoding="utf-8").splitlines()
