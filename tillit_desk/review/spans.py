"""Map spans between a section's Markdown and the text the editor shows (no Qt).

Findings and comments carry offsets in the section's Markdown, but the editor holds rich text
made from it: ``###``, list markers, ``**`` and escapes are gone, blank lines are one block
break. Both sides keep the same visible (non-space) characters in the same order, so a span is
mapped through the index of its first and last visible character. When the two sides differ
(an unusual construct the renderer changed), the visible characters are aligned with difflib;
a span whose ends cannot be aligned is looked up by its text near the expected place.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left

from .text import mask_markup

_INVISIBLE = {"\ufffc"}  # Qt's object replacement character (images) has no Markdown twin


def _visible(text: str) -> tuple[list[int], str]:
    idx = [i for i, ch in enumerate(text) if not ch.isspace() and ch not in _INVISIBLE]
    return idx, "".join(text[i] for i in idx)


class SpanMap:
    """Offsets in ``markdown`` ⇄ offsets in ``plain`` (the editor's text, by document position).

    ``plain`` must be indexed like the editor's document: one character per cursor position,
    block breaks included (see ``gui.review_marks.document_text``).
    """

    def __init__(self, markdown: str, plain: str) -> None:
        self.markdown, self.plain = markdown, plain
        self.md_idx, md_chars = _visible(mask_markup(markdown))
        self.pl_idx, pl_chars = _visible(plain)
        self.exact = md_chars == pl_chars
        self._md_to_pl: dict[int, int] = {}
        self._pl_to_md: dict[int, int] = {}
        if not self.exact:
            matcher = difflib.SequenceMatcher(None, md_chars, pl_chars, autojunk=False)
            for a, b, size in matcher.get_matching_blocks():
                for k in range(size):
                    self._md_to_pl[a + k] = b + k
                    self._pl_to_md[b + k] = a + k

    def _forward(self, k: int) -> int | None:
        return k if self.exact else self._md_to_pl.get(k)

    def _backward(self, k: int) -> int | None:
        return k if self.exact else self._pl_to_md.get(k)

    def to_plain(self, start: int, end: int) -> tuple[int, int] | None:
        """The editor span showing ``markdown[start:end]``; None when it cannot be found."""
        first, last = bisect_left(self.md_idx, start), bisect_left(self.md_idx, end) - 1
        if first > last:
            return None
        a, b = self._forward(first), self._forward(last)
        if a is not None and b is not None and a <= b:
            return self.pl_idx[a], self.pl_idx[b] + 1
        near = start / max(1, len(self.markdown)) * len(self.plain)
        return self._search(self.markdown[start:end], self.plain, near)

    def to_markdown(self, start: int, end: int) -> tuple[int, int] | None:
        """The Markdown span behind the editor's selection [start, end)."""
        first, last = bisect_left(self.pl_idx, start), bisect_left(self.pl_idx, end) - 1
        if first > last:
            return None
        a, b = self._backward(first), self._backward(last)
        if a is not None and b is not None and a <= b:
            return self.md_idx[a], self.md_idx[b] + 1
        return None

    @staticmethod
    def _search(needle: str, hay: str, near: float) -> tuple[int, int] | None:
        words = mask_markup(needle).split()
        if not words:
            return None
        # the rendered text has no markup; match its words with any whitespace between them
        pattern = re.compile(r"\s+".join(map(re.escape, words)))
        hits = [(abs(m.start() - near), m.start(), m.end()) for m in pattern.finditer(hay)]
        if not hits:
            return None
        _dist, a, b = min(hits)
        return a, b


def locate(markdown: str, start: int, end: int, excerpt: str) -> tuple[int, int] | None:
    """Where a finding's span is in ``markdown`` now: the same span if it still reads
    ``excerpt``, else the occurrence of the excerpt nearest to it (the text was edited after
    the check), else None."""
    if end <= start:
        return None
    if " ".join(markdown[start:end].split()) == excerpt or not excerpt:
        return (start, end) if end <= len(markdown) else None
    words = excerpt.split()
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    hits = [(abs(m.start() - start), m.start(), m.end()) for m in pattern.finditer(markdown)]
    if not hits:
        return None
    _dist, a, b = min(hits)
    return a, b
