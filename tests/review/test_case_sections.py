"""The review follows the case's own sections (issue 13's layout: own sections, renamed and split
headings, "inte relevant"), through the CLI's ``check`` and through the core API, the way the
export prints them (section_layout is the one source of the sections)."""

from __future__ import annotations

import json

import pytest

from tillit_desk.cli import main
from tillit_desk.fileformat import save_case
from tillit_desk.review.context import Context
from tillit_desk.review.engine import check_case
from tillit_desk.section_layout import (
    add_section,
    mark_not_relevant,
    rename_section,
    split_section,
)

GUIDANCE = "[Skriv här hur barn berörs ...]"


@pytest.fixture
def shaped(case):
    """The Lund example with one change of every kind, each with a finding to report."""
    own = add_section(case, "Samråd med föreningar", after="arendet")
    case.sections[own.id] = "Föreningarna har hörts om XX frågor."
    rename_section(case, "arendet", "Bakgrund till ärendet")
    case.sections["arendet"] += "\n\nTODO: kontrollera siffrorna."
    second = split_section(case, "bedomning", "Kommunkontorets bedömning",
                           "Kommunkontorets förslag")
    case.sections["bedomning"] = "Kommunkontoret bedömer att frågan redan hanteras."
    case.sections[second.id] = "Förslaget lyder [Skriv här förslaget ...]"
    mark_not_relevant(case, "barnets_basta")
    case.sections["barnets_basta"] = GUIDANCE  # replaced by Lund's standard sentence
    mark_not_relevant(case, "ekonomiska_konsekvenser")
    case.sections["ekonomiska_konsekvenser"] = ""
    return case, own.id, second.id


def _blocks(out: str) -> list[str]:
    """The section headings of the text report, in the order printed."""
    lines = out.splitlines()
    return [lines[i + 1] for i, line in enumerate(lines[:-1])
            if line == "" and lines[i + 1] and not lines[i + 1].startswith(" ")]


def test_check_text_uses_the_case_headings_in_print_order(shaped, tmp_path, capsys):
    case, _, _ = shaped
    path = tmp_path / "formad.tillit"
    save_case(case, path)
    assert main(["check", str(path), "--no-spelling"]) == 1
    out = capsys.readouterr().out
    blocks = _blocks(out)
    assert "Ärendet" not in blocks and not any(b.startswith("Egen") for b in blocks)
    shown = [b for b in blocks if b in ("Bakgrund till ärendet", "Samråd med föreningar",
                                        "Kommunkontorets bedömning", "Kommunkontorets förslag")]
    assert shown == ["Bakgrund till ärendet", "Samråd med föreningar",
                     "Kommunkontorets bedömning", "Kommunkontorets förslag"], blocks
    assert blocks.index("Samråd med föreningar") < blocks.index("Läsbarhet (LIX)")
    assert "[mall.vagledning]" in out.split("Kommunkontorets förslag")[1].split("\n\n")[0]
    assert "[mall.platshallare]" in out.split("Samråd med föreningar")[1].split("\n\n")[0]
    # the readability table too: the case's headings, in print order
    lix = out.split("Läsbarhet (LIX)\n")[1].split("\n\n")[0].splitlines()
    names = [row[:34].strip() for row in lix]
    assert names.index("Bakgrund till ärendet") < names.index("Samråd med föreningar") \
        < names.index("Kommunkontorets bedömning") < names.index("Kommunkontorets förslag") \
        < names.index("Hela dokumentet")
    assert "Ärendet" not in names and "Bedömning" not in names


def test_not_relevant_text_that_does_not_print_is_not_checked(shaped, tmp_path, capsys):
    case, _, _ = shaped
    path = tmp_path / "formad.tillit"
    save_case(case, path)
    main(["check", str(path), "--no-spelling", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    sections = {d["section"] for d in data}
    assert "barnets_basta" not in sections, [d for d in data if d["section"] == "barnets_basta"]
    assert "ekonomiska_konsekvenser" not in sections


def test_marked_sections_are_not_missing_in_any_profile(case, registry):
    """Region Skåne leaves both out when marked; generic prints a sentence. Neither reports the
    section as empty, whether the profile requires it or not."""
    for name in ("generic", "region-skane", "malmo-stad", "lund-kommun"):
        profile = registry.get(name)
        for sid in ("barnets_basta", "ekonomiska_konsekvenser", "sammanfattning"):
            case.sections[sid] = ""
            mark_not_relevant(case, sid)
        found = check_case(case, profile, spelling=False)
        about = [f for f in found if f.section in ("barnets_basta", "ekonomiska_konsekvenser",
                                                   "sammanfattning")]
        assert about == [], (name, about)


def test_unmarked_empty_sections_are_still_reported(case, registry):
    """The control: without the mark the same empty sections are findings."""
    case.sections["barnets_basta"] = ""
    case.sections["ekonomiska_konsekvenser"] = ""
    found = check_case(case, registry.get("lund-kommun"), spelling=False)
    assert {f.section for f in found if f.rule.startswith("fullstandighet.")} >= {
        "barnets_basta", "ekonomiska_konsekvenser"}


def test_marked_text_that_still_prints_is_checked(case, registry):
    """A profile with neither a sentence nor leave-out for the section prints the case's own
    text (compose warns): then the review checks it."""
    own = add_section(case, "Tidplan", after="arendet")
    case.sections[own.id] = "Arbetet klart XX."
    mark_not_relevant(case, own.id)
    found = check_case(case, registry.get("lund-kommun"), spelling=False)
    assert [f.rule for f in found if f.section == own.id] == ["mall.platshallare"]


def test_required_message_names_the_renamed_heading(case, registry):
    rename_section(case, "arendet", "Bakgrund till ärendet")
    case.sections["arendet"] = ""
    found = check_case(case, registry.get("lund-kommun"), spelling=False)
    messages = [f.message for f in found if f.rule == "fullstandighet.obligatoriskt"]
    assert messages == ["Avsnittet ”Bakgrund till ärendet” är obligatoriskt men tomt."]


def test_core_api_order_and_headings(shaped, registry):
    case, own, second = shaped
    profile = registry.get("lund-kommun")
    ctx = Context(case, profile)
    assert ctx.heading("arendet") == "Bakgrund till ärendet"
    assert ctx.heading(own) == "Samråd med föreningar"
    assert ctx.heading(second) == "Kommunkontorets förslag"
    ids = ctx.text_section_ids
    assert ids.index("arendet") < ids.index(own) < ids.index("bedomning") < ids.index(second)
    assert "barnets_basta" not in ids  # Lund prints its standard sentence instead
    found = check_case(case, profile, spelling=False)
    order = [f.section for f in found]
    sections_in_order = list(dict.fromkeys(s for s in order if s in ("arendet", own, second)))
    assert sections_in_order == ["arendet", own, second]
