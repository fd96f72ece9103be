"""Text caches are bounded by the text they keep: a long typing session must not grow memory."""

from __future__ import annotations

import tracemalloc

from tillit_desk.example import load_example
from tillit_desk.markup import parse_blocks
from tillit_desk.profiles import ProfileRegistry
from tillit_desk.review.engine import Checker
from tillit_desk.review.text import analyse
from tillit_desk.textcache import TextBoundedCache, text_cache


def test_least_recently_used_text_goes_first_when_over_budget():
    cache: TextBoundedCache[str] = TextBoundedCache(max_chars=10)
    cache.put("a", "A", 4)
    cache.put("b", "B", 4)
    assert cache.get("a") == "A"  # now "b" is the oldest
    cache.put("c", "C", 4)
    assert cache.get("b") is None and cache.get("a") == "A" and cache.get("c") == "C"
    assert cache.chars == 8
    cache.put("huge", "H", 50)  # bigger than the budget: kept alone, the rest goes
    assert len(cache) == 1 and cache.get("huge") == "H"


def test_text_cache_calls_once_per_text_and_forgets_beyond_its_budget():
    calls: list[str] = []

    @text_cache(max_chars=25)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert length("x" * 10) == 10 and length("x" * 10) == 10
    assert calls == ["x" * 10]
    length("y" * 10)
    length("z" * 10)  # 33 characters held with the end markers: the oldest goes
    length("x" * 10)
    assert calls == ["x" * 10, "y" * 10, "z" * 10, "x" * 10]


def test_typing_in_a_long_section_keeps_memory_bounded():
    """50 pauses while typing in a 12-page section. Count-bounded caches kept every version:
    about 75 MB here (121 MB after 80 pauses); the text budgets keep a fixed amount."""
    case = load_example()
    profile = ProfileRegistry().get(case.profile)
    checker = Checker(spelling=False)
    base = (case.sections["arendet"] + "\n\n") * 10  # ~49 000 characters
    checker.check_section(case, profile, "arendet", base)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(50):
        text = base + f"Ny mening nummer {i}."
        checker.check_section(case, profile, "arendet", text)
        parse_blocks(text)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(analyse.cache) < 50 and analyse.cache.chars <= 600_000
    assert grown < 45 * 1024 * 1024, f"{grown / 1e6:.0f} MB kept after 50 edits"
