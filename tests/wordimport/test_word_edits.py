"""An export edited in Word comes back as exactly those changes, as suggestions."""

from __future__ import annotations

import subprocess

import pytest

from tillit_desk.export.docx import render_docx
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.review.workflow import anchor, comments, section_status, set_status
from tillit_desk.versions import list_versions, save_version
from tillit_desk.wordimport import suggestions as S
from tillit_desk.wordimport.importer import build_case
from tillit_desk.wordimport.mapping import read_plan

from . import chef as C
from .docxedit import without_case_part

REGISTRY = ProfileRegistry(user_dir=None)


def _check(case, original, *, embedded: bool) -> None:
    found = S.suggestions(case)
    by_section = {(s.section, s.change): s for s in found}
    assert len(found) == 4, [s.describe() for s in found]
    insert = by_section[("ekonomiska_konsekvenser", "insert")]
    assert (insert.new, insert.author, insert.kind) == (C.INSERTED, C.CHEF, S.TRACKED)
    delete = by_section[("barnets_basta", "delete")]
    assert (delete.old, delete.author, delete.kind) == (C.CHILD_DELETED, C.CHEF, S.TRACKED)
    summary = [s for s in found if s.section == "sammanfattning"]
    assert len(summary) == 2
    if embedded:  # edits without Track Changes are only visible against the embedded case
        assert {s.kind for s in summary} == {S.EDITED}
    assert any(C.DELETED_ITEM in s.old and s.new == "" for s in summary)
    # the texts are still as exported: nothing accepted silently
    for sid in ("sammanfattning", "ekonomiska_konsekvenser", "barnets_basta"):
        assert case.sections[sid] == original.sections[sid]
    # the comment sits on the commented words
    (comment,) = comments(case)
    assert (comment.section, comment.author, comment.text) == (
        "sammanfattning", C.REVIEWER, C.COMMENT)
    start, end = anchor(case, comment)
    assert case.sections["sammanfattning"][start:end] == C.COMMENTED
    assert comment.created.startswith("2026-11-20")
    # accepting all gives the edited text
    assert S.accept_all(case) == 4
    expected = C.expected_sections(original.sections)
    for sid in ("sammanfattning", "ekonomiska_konsekvenser", "barnets_basta"):
        assert case.sections[sid] == expected[sid]


def test_word_edits_become_suggestions_and_the_comment_a_review_comment(example_case):
    profile = REGISTRY.get(example_case.profile)
    data, _ = render_docx(example_case, profile)
    edited = C.chef_edits(data)
    result = build_case(read_plan(edited, REGISTRY, name="chef.docx"))
    assert result.report.embedded
    assert (result.report.tracked, result.report.edited, result.report.comments) == (2, 2, 1)
    _check(result.case, example_case, embedded=True)


def test_three_way_keeps_review_data_and_places_changes_in_edited_text(example_case):
    """The open case moved on after the export: Word's changes land in the new text, review
    statuses and versions stay."""
    profile = REGISTRY.get(example_case.profile)
    data, _ = render_docx(example_case, profile)
    edited = C.chef_edits(data)
    ours = example_case
    set_status(ours, "arendet", "granskad", by="Vesna")
    save_version(ours, "Före Word", author="Anders")
    ours.sections["sammanfattning"] = "Ny inledning.\n\n" + ours.sections["sammanfattning"]
    result = build_case(read_plan(edited, REGISTRY, name="chef.docx"), ours=ours)
    case = result.case
    assert section_status(case, "arendet") == "granskad"
    assert [v.name for v in list_versions(case)] == ["Före Word"]
    assert case.motion == ours.motion
    S.accept_all(case)
    text = case.sections["sammanfattning"]
    assert text.startswith("Ny inledning.\n\n")
    assert C.NEW_SENTENCE in text and C.OLD_SENTENCE not in text
    assert C.DELETED_ITEM not in text


def test_rejecting_all_keeps_the_exported_text(example_case):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    result = build_case(read_plan(C.chef_edits(data), REGISTRY, name="chef.docx"),
                        accept=False)
    assert result.report.rejected == 4
    assert result.case.sections == example_case.sections


def test_without_the_embedded_case_tracked_changes_still_come_as_suggestions(example_case):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    edited = without_case_part(C.chef_edits(data))
    result = build_case(read_plan(edited, REGISTRY, name="chef.docx"))
    found = S.suggestions(result.case)
    assert {(s.section, s.change, s.author) for s in found} == {
        ("ekonomiska_konsekvenser", "insert", C.CHEF), ("barnets_basta", "delete", C.CHEF)}
    assert result.case.sections["ekonomiska_konsekvenser"] == C.ECONOMY
    S.accept_all(result.case)
    assert result.case.sections["ekonomiska_konsekvenser"] == C.ECONOMY + C.INSERTED


@pytest.mark.print
def test_after_a_save_through_libreoffice(example_case, soffice, tmp_path):
    data, _ = render_docx(example_case, REGISTRY.get(example_case.profile))
    src = tmp_path / "in" / "chef.docx"
    src.parent.mkdir()
    src.write_bytes(C.chef_edits(data))
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "docx", "--outdir", str(out), str(src)], check=True,
                   capture_output=True, timeout=180)
    result = build_case(read_plan((out / "chef.docx").read_bytes(), REGISTRY, name="c.docx"))
    assert result.report.embedded
    _check(result.case, example_case, embedded=True)
