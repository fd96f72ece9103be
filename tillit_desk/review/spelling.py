"""Swedish spelling with Hunspell's sv_SE dictionary, read by spylls (pure Python).

Why spylls: it implements Hunspell's compounding (so "barnkonsekvensanalys" and
"kommunfullmäktigeledamot" are words without being listed), needs no C library, and so works
offline on Windows, macOS and Linux alike with the dictionary bundled in resources/dictionaries.
It is slow per word, so every answer is cached per word form: a document's vocabulary is small.

Words are also accepted from the domain list (resources/dictionaries/doman.txt), the case's own
names, and the user's dictionary (``app_paths().dictionary_file``, one word per line).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..resources import resources_dir
from .context import Context
from .findings import TIPS, VARNING, Finding, at
from .registry import section_rule
from .text import Analysis

if TYPE_CHECKING:
    from .compact_dic import CompactDictionary

DICTIONARY_DIR = resources_dir("dictionaries")
DICTIONARY = DICTIONARY_DIR / "sv_SE"
DOMAIN_WORDS = DICTIONARY_DIR / "doman.txt"
_NEIGHBOUR = str.maketrans({"ø": "ö", "Ø": "Ö", "æ": "ä", "Æ": "Ä"})
_ACRONYM = re.compile(r"^[A-ZÅÄÖ0-9]{1,6}(?:s|n|ns|en|er|et)?$")
# Longer tokens are not spell checked (docs/review.md): spylls' compound search grows steeply
# with length (10 000 characters took 11 s, 250 000 over 300 s), and no Swedish word in a
# tjänsteskrivelse is near 60 characters ("kommunfullmäktigeledamot" has 24); such a token is
# a pasted hash, address or run of letters. A lookup at the cap takes at most ~70 ms.
MAX_WORD_LENGTH = 60


_LOAD_LOCK = threading.Lock()


def read_word_list(path: Path) -> set[str]:
    """One word per line; blank lines and ``#`` comments skipped. A file that is missing or
    cannot be read (a folder, no permission, not UTF-8) gives no words, never an error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def dictionary_cache_dir() -> Path:
    """Where the compact dictionary is cached (see ``paths.AppPaths.cache_dir``)."""
    from ..paths import app_paths

    return app_paths().cache_dir


@lru_cache(maxsize=2)
def load_dictionary(base: str) -> CompactDictionary:
    """Read a Hunspell .aff/.dic pair once per process.

    spylls' own ``Dictionary`` keeps sv_SE's 152 000 stems as Python objects (~65 MB, most of
    the window's memory); ``compact_dic`` answers the same look-ups from flat arrays (~6 MB)
    with spylls' algorithms unchanged. The arrays are cached on disk: the first start reads the
    .dic (about a second), later starts load the cache file (tens of milliseconds).
    """
    from .compact_dic import CompactDictionary

    with _LOAD_LOCK:
        return CompactDictionary.from_files(base, cache_dir=dictionary_cache_dir())


class Speller:
    """Word look-up with a per-word cache, plus the domain list and the user's dictionary."""

    def __init__(self, dictionary: Path = DICTIONARY, *, user_file: Path | None = None,
                 domain_file: Path = DOMAIN_WORDS) -> None:
        self._dic = load_dictionary(str(dictionary))
        self._cache: dict[str, bool] = {}
        self.domain = {w.lower() for w in read_word_list(domain_file)}
        self.user_file = user_file
        self.user: set[str] = set()
        self.version = 0
        self.reload_user()

    def reload_user(self) -> None:
        """Re-read the user dictionary (after another window added a word)."""
        if self.user_file is not None:
            self.user = {w.lower() for w in read_word_list(self.user_file)}
        self.version += 1

    def add_word(self, word: str) -> None:
        """"Lägg till i ordlista": append to the user dictionary file and accept the word."""
        word = word.strip()
        if not word or self.user_file is None:
            return
        from ..safe_write import private_dir, write_text_atomic

        words = read_word_list(self.user_file) | {word}
        private_dir(self.user_file.parent)
        write_text_atomic(self.user_file, "\n".join(sorted(words, key=str.lower)) + "\n",
                          keep_backup=False)
        self.user.add(word.lower())
        self.version += 1

    def _lookup(self, word: str) -> bool:
        hit = self._cache.get(word)
        if hit is None:
            # No lock: spylls' lookup and suggest keep no state between calls, and the compact
            # store is read-only, so the check thread never waits for a suggestion (which
            # takes seconds) that the context menu asked for.
            hit = bool(self._dic.lookup(word))
            self._cache[word] = hit
        return hit

    def known(self, word: str, extra: Iterable[str] = ()) -> bool:
        """True for a correct word; hyphenated words are checked part by part.

        A token longer than MAX_WORD_LENGTH is not checked and counts as known.
        """
        if len(word) > MAX_WORD_LENGTH:
            return True
        low = word.lower()
        if low in self.domain or low in self.user or word in extra:
            return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            return all(self.known(p, extra) for p in parts)
        if _ACRONYM.match(word) or any(ch.isdigit() for ch in word) or len(word) < 2:
            return True
        if self._lookup(word):
            return True
        # sentence-initial capital on an ordinary word ("Utifrån") is handled by spylls; an
        # all-lower check catches capitalised compounds it treats as names
        return word[0].isupper() and self._lookup(low)

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Suggestions for the editor's context menu. Slow (seconds): call off the GUI thread."""
        if any(ch in word for ch in "øØæÆ"):
            return [word.translate(_NEIGHBOUR)]
        out: list[str] = []
        for s in self._dic.suggest(word):
            out.append(s)
            if len(out) >= limit:
                break
        return out


_default: Speller | None = None
_default_lock = threading.Lock()


def default_speller() -> Speller:
    """The shared speller with the bundled dictionary and the user's dictionary file."""
    global _default
    with _default_lock:
        if _default is None:
            from ..paths import app_paths

            _default = Speller(user_file=app_paths().dictionary_file)
        return _default


def reset_default_speller() -> None:
    """Forget the shared speller (tests that change TILLIT_DESK_HOME)."""
    global _default
    with _default_lock:
        _default = None


@lru_cache(maxsize=64)
def _own_lower(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words) | frozenset(w.lower() for w in words)


def _positions(a: Analysis, words: set[str]) -> Iterator[re.Match[str]]:
    """Where the given words stand in the text (as whole words)."""
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(
        map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w'’-])")
    return pattern.finditer(a.masked)


@section_rule("stavning.grannsprak", "Norska och danska bokstäver (ø, æ)")
def neighbour_letters(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    if not any(ch in a.text for ch in "øØæÆ"):
        return
    odd = {w for w in a.word_set if any(ch in w for ch in "øØæÆ") and w not in ctx.own_words}
    if not odd:
        return
    for m in _positions(a, odd):
        fixed = m.group().translate(_NEIGHBOUR)
        yield at("stavning.grannsprak", VARNING, section, a.text, m.start(), m.end(),
                 f"”{m.group()}” är stavat med norsk eller dansk bokstav. Menar du ”{fixed}”?",
                 fixed)


@section_rule("stavning.okant_ord", "Stavning (svensk ordlista)", spelling=True)
def unknown_words(ctx: Context, section: str, a: Analysis) -> Iterator[Finding]:
    speller = ctx.speller
    if speller is None:
        return
    own = _own_lower(ctx.own_words)
    unknown: set[str] = set()
    for raw in a.word_set:
        word = raw.strip("'’")
        if not word or any(ch in word for ch in "øØæÆ") or word in own or word.lower() in own:
            continue
        if not speller.known(word, own):
            unknown.add(word)
    if not unknown:
        return
    for m in _positions(a, unknown):
        word = m.group()
        name_like = word[0].isupper()
        yield at("stavning.okant_ord", TIPS if name_like else VARNING, section, a.text,
                 m.start(), m.end(),
                 (f"”{word}” finns inte i ordlistan (ett namn?)." if name_like else
                  f"”{word}” finns inte i ordlistan. Kontrollera stavningen."))
