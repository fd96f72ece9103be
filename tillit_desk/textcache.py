"""Caches keyed by section text, bounded by how much text they keep rather than by entries.

A count limit is wrong for section texts: typing in a 15-page section makes a new 60–110 kB
text per pause, so "the last 256 texts" grew a long session by hundreds of megabytes. A
character budget keeps every section of a big case plus a few recent edits, and no more.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Generic, TypeVar

V = TypeVar("V")


class TextBoundedCache(Generic[V]):
    """Least recently used first out, once the texts held exceed ``max_chars`` together."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.chars -= old[1]
        self._items[key] = (value, size)
        self.chars += size
        while self.chars > self.max_chars and len(self._items) > 1:
            _key, (_value, evicted) = self._items.popitem(last=False)
            self.chars -= evicted

    def clear(self) -> None:
        self._items.clear()
        self.chars = 0


def text_cache(max_chars: int) -> Callable[[Callable[[str], V]], Callable[[str], V]]:
    """``lru_cache`` for a function of one text, bounded by the characters it keeps."""

    def decorate(func: Callable[[str], V]) -> Callable[[str], V]:
        cache: TextBoundedCache[V] = TextBoundedCache(max_chars)

        @wraps(func)
        def cached(text: str) -> V:
            hit = cache.get(text)
            if hit is None:
                hit = func(text)
                cache.put(text, hit, len(text) + 1)
            return hit

        cached.cache = cache  # type: ignore[attr-defined]
        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cached

    return decorate
