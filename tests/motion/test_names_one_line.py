"""Names written side by side without a party. In Word they are a table or 3+ spaces apart, but
a PDF that LibreOffice made from the TXT (or text pasted from it) may join them with one space:
"Mikael Jern Birgitta Kahn" is two motionärer, not one, and three names on a line are three,
not none. From a PDF the wide gap itself says where one name ends; from pasted text the split
is a guess, shown as unsure with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tillit_desk.motion import extract_file, parse_motion

from .test_corpus import MOTIONS, _assert_target, _score, _soffice

HEAD = ("Motion till kommunfullmäktige i Hammarö\n\nBygg ett utomhusgym\n\nUtomhusgymmet vid "
        "Kilenegården används flitigt och är mycket omtyckt av invånarna.\n\nDärför yrkar vi:\n"
        "att kommunen bygger ytterligare ett utomhusgym.\n\n")


def people(parsed) -> list[tuple[str, str]]:
    return [(p.name, p.party) for p in parsed.motion.motionarer]


@pytest.mark.parametrize(("names", "party_line", "expected"), [
    ("Mikael Jern Birgitta Kahn", "Miljöpartiet de gröna i Hammarö kommun",
     [("Mikael Jern", "MP"), ("Birgitta Kahn", "MP")]),
    ("Inger Nilsson Mikael Nilsson Emma Wennerholm", "Vänsterpartiet",
     [("Inger Nilsson", "V"), ("Mikael Nilsson", "V"), ("Emma Wennerholm", "V")]),
])
def test_names_joined_by_one_space_are_split_and_marked_unsure(
        names: str, party_line: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse_motion(HEAD + names + "\n\n" + party_line + "\n")
    assert people(parsed) == expected
    assert "motionarer" in parsed.unsure()
    note = parsed.notes["motionarer"]
    assert names in note and "gissning" in note


def test_one_name_of_three_words_stays_one_name() -> None:
    parsed = parse_motion(HEAD + "Karin Svensson Smith\n\nMiljöpartiet\n")
    assert people(parsed) == [("Karin Svensson Smith", "MP")]


def test_names_in_a_sentence_are_not_split() -> None:
    parsed = parse_motion(HEAD + "Anna Berg (C)\n")
    assert people(parsed) == [("Anna Berg", "C")]
    assert "gissning" not in parsed.notes.get("motionarer", "")


@pytest.fixture(scope="module")
def pdf_and_docx_from_txt(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Every corpus motion's TXT turned into PDF and DOCX by LibreOffice, as a user would
    (``soffice --headless --convert-to pdf motion.txt``)."""
    import os
    import subprocess

    soffice = _soffice()
    expected = json.loads((MOTIONS / "expected.json").read_text(encoding="utf-8"))
    names = [n for kind in ("real", "constructed") for n in expected[kind]]
    folder = tmp_path_factory.mktemp("from-txt")
    txts = []
    for i, name in enumerate(names):
        txt = folder / f"{i:02d}.txt"
        txt.write_text((MOTIONS / name).read_text(encoding="utf-8"), encoding="utf-8")
        txts.append(txt)
    out: dict[str, dict[str, Path]] = {"pdf": {}, "docx": {}}
    for fmt in out:
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'lo').resolve().as_uri()}",
                        "--headless", "--norestore", "--convert-to", fmt, "--outdir",
                        str(folder / fmt), *map(str, txts)], check=True, capture_output=True,
                       timeout=300, env={**os.environ, "HOME": str(folder)})
        out[fmt] = {name: folder / fmt / f"{i:02d}.{fmt}" for i, name in enumerate(names)}
    return out


@pytest.mark.print
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_motionarer_from_files_libreoffice_made_from_the_txt(pdf_and_docx_from_txt,
                                                             fmt: str) -> None:
    """Every motion keeps every motionär; from a PDF the wide gap between two names is read
    as the gap it is, so nothing there is a guess."""
    expected = json.loads((MOTIONS / "expected.json").read_text(encoding="utf-8"))
    wrong = []
    for kind in ("real", "constructed"):
        for name, fields in expected[kind].items():
            parsed = parse_motion(extract_file(pdf_and_docx_from_txt[fmt][name]).text, name)
            if [list(p) for p in people(parsed)] != fields["motionarer"] \
                    or "gissning" in parsed.notes.get("motionarer", ""):
                wrong.append((name, people(parsed), parsed.notes.get("motionarer")))
    assert not wrong


@pytest.mark.print
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_corpus_from_files_libreoffice_made_from_the_txt(pdf_and_docx_from_txt, fmt: str) -> None:
    """The whole field-by-field table for the two forms a user makes with LibreOffice."""
    _assert_target(_score(f"{fmt.upper()}-från-TXT", pdf_and_docx_from_txt[fmt]))
