"""Odd input never crashes the import: the parser lowers its confidence, extraction says why."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillit_desk.motion import MotionImportError, extract_bytes, parse_motion
from tillit_desk.motion.parser import FIELDS

from .test_lund import LUND

LUND_TEXT = LUND.read_text(encoding="utf-8")
PIECES = ["att ", "Att ", "yrkar därför:", "föreslår", "hemställer", "(V)", "(V )", "(Mp)",
          "Anna Andersson", "-", "\n", "\n\n", " ", "2022-01-27", "21 januari 2022", ",", ".",
          "samt", "Motion till Lunds kommunfullmäktige", "För Centerpartiet i Lunds kommun",
          "1. ", "• ", "kommunen", "verksam-\nheten"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=60))
def test_parser_never_raises(parts: list[str]) -> None:
    parsed = parse_motion("".join(parts))
    assert set(parsed.confidence) == set(FIELDS)
    assert all(0.0 <= c <= 1.0 for c in parsed.confidence.values())
    assert all(y.strip() == y and y for y in parsed.motion.yrkanden)
    assert all(p.name for p in parsed.motion.motionarer)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".pdf", ".docx", ".txt", ""]))
def test_extraction_only_raises_motion_import_error(data: bytes, suffix: str) -> None:
    try:
        result = extract_bytes(data, f"motion{suffix}")
    except MotionImportError as err:
        assert str(err).startswith("motion")
    else:
        assert result.text


@pytest.mark.parametrize("cut", [100, 1000, 2500])
def test_truncated_lund_still_parses(cut: int) -> None:
    parsed = parse_motion(LUND_TEXT[:cut])
    assert parsed.motion.submitted == "2022-01-27"


def test_large_text_is_parsed_quickly() -> None:
    import time

    start = time.perf_counter()
    parsed = parse_motion(LUND_TEXT * 300)  # 1 MB
    assert time.perf_counter() - start < 10
    assert len(parsed.motion.yrkanden) == 3
