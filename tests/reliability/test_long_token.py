"""One absurdly long token (a pasted hash, a run of letters) must not stall the spell check
(issue 14, item 6: spylls' compound search took 11 s at 10 000 characters, > 300 s at 250 000)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tillit_desk.case import Case
from tillit_desk.review.spelling import MAX_WORD_LENGTH, Speller, unknown_words

ROOT = Path(__file__).resolve().parents[2]


def test_words_over_the_cap_never_reach_the_dictionary(monkeypatch):
    speller = Speller()
    asked: list[int] = []
    real = speller._dic.lookup

    def spy(word):
        asked.append(len(word))
        return real(word)

    monkeypatch.setattr(speller._dic, "lookup", spy)
    assert speller.known("a" * (MAX_WORD_LENGTH + 1))
    assert speller.known("kommunfullmäktige-" + "b" * 10_000)
    assert not speller.known("kommunfulmäktige")  # an ordinary word is still checked
    assert asked and max(asked) <= MAX_WORD_LENGTH


def test_a_long_token_in_a_section_is_not_reported_as_a_spelling_error():
    from tillit_desk.profiles import ProfileRegistry
    from tillit_desk.review.context import Context
    from tillit_desk.review.text import analyse

    case = Case(profile="generic")
    case.sections["arendet"] = "Text före " + "x" * 5000 + " och efter."
    ctx = Context(case, ProfileRegistry().get("generic"), speller=Speller())
    findings = list(unknown_words(ctx, "arendet", analyse(case.sections["arendet"])))
    assert findings == []


def test_check_with_spelling_of_a_250000_character_token_finishes(tmp_path):
    """A guard against a stall of minutes, not a speed test (figures: bench/check.py)."""
    from tillit_desk.example import EXAMPLE_CASE

    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    data["sections"]["arendet"] += "\n\n" + "kommunfullmaktige" * (250_000 // 17)
    case = tmp_path / "lang.tillit"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(case)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
