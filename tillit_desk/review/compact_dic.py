"""A compact, read-only word store for spylls' Hunspell ``Dictionary``.

Why: spylls keeps every .dic entry as a ``Word`` object in a list plus two dicts of lists
(``index``, ``lowercase_index``). For sv_SE's 152 000 stems that is ~65 MB of Python objects,
most of the window's memory. The look-up and suggestion code only ever asks the ``Dic`` for
``homonyms(stem)`` (and ``has_flag``, built on it) and iterates ``words`` for n-gram
suggestions, so the same answers can come from a few flat arrays:

* the stems, UTF-8, joined by newlines into one ``bytes`` with an offsets array;
* per stem an id into a small table of distinct ``(flags, captype, data, alt_spellings)``
  (sv_SE has ~2 300), so each stem costs a few bytes;
* a sorted array of CRC-32s of the stems with the matching stem numbers, searched with
  ``bisect`` (C code); a hit is confirmed by comparing the stem bytes, so hash collisions
  cannot change an answer;
* the same for the lowercase index, which spylls fills only from stems that are not all
  lowercase (see ``homonyms`` for the single-letter keys).

``Word`` objects are built on demand (a small LRU cache keeps the hot ones), and spylls'
algorithms run unchanged: this module only reads the .dic through spylls' own reader (with its
``Dic``/``Word`` classes swapped for a collector while it runs), so flag parsing, aliases,
``ph:`` handling and casing stay exactly spylls'.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from operator import le
from pathlib import Path
from zlib import crc32

from spylls.hunspell import Dictionary, readers
from spylls.hunspell.algo import lookup, suggest
from spylls.hunspell.algo.capitalization import Type as CapType
from spylls.hunspell.data import dic as dic_module
from spylls.hunspell.data.aff import Aff, RepPattern
from spylls.hunspell.readers.file_reader import FileReader

Word = dic_module.Word
Entry = tuple[frozenset[str], CapType, dict, list]

_READ_LOCK = threading.Lock()  # the reader's Dic/Word are swapped process-wide while it runs
_WORD_CACHE = 4096
_MAGIC = b"TillitDesk compact dic 1\n"
_SUFFIX = ".dic.bin"
_ARRAYS = ("offsets", "entry_ids", "hashes", "order", "lower_hashes", "lower_order",
           "lower_offsets")


def _ascending(values: array) -> bool:
    """Sorted? (compared in C: no list of 152 000 ints)"""
    return all(map(le, values, islice(values, 1, None)))


def _high(packed: int) -> int:
    return packed >> 32


def _low(packed: int) -> int:
    return packed & 0xFFFFFFFF


def _index_type(count: int) -> str:
    """The smallest unsigned array typecode that holds ``count`` distinct values."""
    return "H" if count <= 0xFFFF else "I"


class _Collector:
    """Stands in for spylls' ``Dic`` while ``read_dic`` runs: keeps only compact data."""

    def __init__(self, words: list) -> None:  # read_dic calls Dic(words=[])
        self.blob = bytearray()
        self.offsets = array("I", [0])
        self.entries: dict[tuple, int] = {}
        self.table: list[Entry] = []
        self.entry_ids = array("I")
        self.hashes = array("I")
        # lowercase keys of more than one letter: crc, stem number, UTF-8 bytes (+ offsets)
        self.lower_hashes = array("I")
        self.lower_numbers = array("I")
        self.lower_blob = bytearray()
        self.lower_offsets = array("I", [0])

    @staticmethod
    def word(*, stem: str, flags: set[str], data: dict, captype: CapType,
             alt_spellings: list[str]) -> tuple:
        """Stands in for ``Word``: a plain tuple is all the collector needs."""
        return stem, flags, data, captype, alt_spellings

    def append(self, word: tuple, *, lower) -> None:
        stem, flags, data, captype, alt = word
        frozen = frozenset(flags)
        # enum members hash slowly (Python-level __hash__): key on their identity instead
        key = ((frozen, id(captype), tuple((k, tuple(v)) for k, v in data.items()), tuple(alt))
               if data or alt else (frozen, id(captype)))
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = len(self.table)
            self.table.append((frozen, captype, dict(data) if data else {}, list(alt)))
        self.entry_ids.append(entry)
        raw = stem.encode("utf-8")
        self.blob += raw
        self.blob += b"\n"
        self.offsets.append(len(self.blob))
        self.hashes.append(crc32(raw))
        # spylls passes a list of lowercase forms, or (for an all-lowercase stem) the stem
        # itself, whose characters then become one-letter keys: those are answered by a scan
        if not isinstance(lower, str):
            for lword in lower:
                if len(lword) > 1:
                    raw_lower = lword.encode("utf-8")
                    self.lower_hashes.append(crc32(raw_lower))
                    self.lower_numbers.append(len(self.entry_ids) - 1)
                    self.lower_blob += raw_lower
                    self.lower_offsets.append(len(self.lower_blob))


def read_compact(base: str) -> tuple[Aff, CompactDic]:
    """Read ``base.aff``/``base.dic`` with spylls' readers into an ``Aff`` and a ``CompactDic``."""
    aff, context = readers.read_aff(FileReader(base + ".aff"))
    rep_before = len(aff.REP)
    with _READ_LOCK:
        original = dic_module.Dic, dic_module.Word
        dic_module.Dic, dic_module.Word = _Collector, _Collector.word
        try:
            collected = readers.read_dic(FileReader(base + ".dic", encoding=context.encoding),
                                         aff=aff, context=context)
        finally:
            dic_module.Dic, dic_module.Word = original
    dic = CompactDic.from_collector(collected, aff)
    # "ph:" fields add REP patterns to the Aff while the .dic is read: kept for the disk cache
    dic.rep_added = [(rep.pattern, rep.replacement) for rep in aff.REP[rep_before:]]
    return aff, dic


class CompactDic(dic_module.Dic):
    """spylls' ``Dic`` interface (``homonyms``, ``has_flag``, ``words``) over flat arrays."""

    def __init__(self, *, blob: bytes, offsets: array, table: list[Entry], entry_ids: array,
                 hashes: array, order: array, lower_hashes: array, lower_order: array,
                 lower_keys: bytes, lower_offsets: array, aff: Aff) -> None:
        self.blob = blob
        self.offsets = offsets
        self.table = table
        self.entry_ids = entry_ids
        self.hashes = hashes
        self.order = order
        self.lower_hashes = lower_hashes
        self.lower_order = lower_order
        self.lower_keys = lower_keys
        self.lower_offsets = lower_offsets
        self.casing = aff.casing
        self.rep_added: list[tuple[str, str]] = []
        self.word = lru_cache(maxsize=_WORD_CACHE)(self._make_word)

    @classmethod
    def from_collector(cls, c: _Collector, aff: Aff) -> CompactDic:
        """Sort the collected hashes (stably, so homonyms keep the .dic's order).

        Each stem becomes one int, hash in the high bits, so a plain sort of ints does it; the
        list is sorted in place and unpacked through iterators to keep the peak memory low."""
        stem_type = _index_type(len(c.entry_ids))
        packed = [h << 32 | number for number, h in enumerate(c.hashes)]
        packed.sort()
        hashes = array("I", map(_high, packed))
        order = array(stem_type, map(_low, packed))
        del packed
        packed = [h << 32 | i for i, h in enumerate(c.lower_hashes)]  # i: the key's position
        packed.sort()
        lower_keys = bytearray()
        lower_offsets = array("I", [0])
        for p in packed:
            i = p & 0xFFFFFFFF
            lower_keys += c.lower_blob[c.lower_offsets[i]:c.lower_offsets[i + 1]]
            lower_offsets.append(len(lower_keys))
        lower_order = array(stem_type, (c.lower_numbers[_low(p)] for p in packed))
        return cls(
            blob=bytes(c.blob), offsets=c.offsets, table=c.table,
            entry_ids=array(_index_type(len(c.table)), c.entry_ids),
            hashes=hashes, order=order, lower_hashes=array("I", map(_high, packed)),
            lower_order=lower_order, lower_keys=bytes(lower_keys), lower_offsets=lower_offsets,
            aff=aff)

    def __len__(self) -> int:
        return len(self.entry_ids)

    def consistent(self) -> bool:
        """Whether the arrays fit together (a cache file read back might not)."""
        n = len(self.entry_ids)
        lower = len(self.lower_hashes)
        return (len(self.offsets) == n + 1 and self.offsets[-1] == len(self.blob)
                and len(self.hashes) == len(self.order) == n
                and (n == 0 or (max(self.order) < n and max(self.entry_ids) < len(self.table)))
                and _ascending(self.hashes)
                and len(self.lower_order) == lower and len(self.lower_offsets) == lower + 1
                and self.lower_offsets[-1] == len(self.lower_keys)
                and (lower == 0 or max(self.lower_order) < n)
                and _ascending(self.lower_hashes)
                and self.blob.count(b"\n") == n)

    def __repr__(self) -> str:
        return f"CompactDic(... {len(self)} words ...)"

    def stem_bytes(self, number: int) -> bytes:
        """The UTF-8 stem of entry ``number`` (without decoding it)."""
        return self.blob[self.offsets[number]:self.offsets[number + 1] - 1]

    def _make_word(self, number: int) -> Word:
        flags, captype, data, alt = self.table[self.entry_ids[number]]
        return Word(stem=self.stem_bytes(number).decode("utf-8"), flags=flags, data=data,
                    captype=captype, alt_spellings=alt)

    def homonyms(self, stem: str, *, ignorecase: bool = False) -> Sequence[Word]:
        """Every entry whose stem (or, with ``ignorecase``, lowercase form) is ``stem``,
        in .dic order, as spylls' index would give them (a list, or a lazy scan for a
        one-letter lowercase key)."""
        if ignorecase:
            if len(stem) <= 1:
                return self._single_letter_homonyms(stem)
            return self._lower_homonyms(stem)
        raw = stem.encode("utf-8")
        h = crc32(raw)
        hashes = self.hashes
        pos = bisect_left(hashes, h)
        if pos == len(hashes) or hashes[pos] != h:
            return []
        found = []
        while pos < len(hashes) and hashes[pos] == h:
            number = self.order[pos]
            if self.stem_bytes(number) == raw:
                found.append(self.word(number))
            pos += 1
        return found

    def _lower_homonyms(self, key: str) -> list[Word]:
        raw = key.encode("utf-8")
        h = crc32(raw)
        hashes = self.lower_hashes
        pos = bisect_left(hashes, h)
        found = []
        while pos < len(hashes) and hashes[pos] == h:
            if self.lower_keys[self.lower_offsets[pos]:self.lower_offsets[pos + 1]] == raw:
                found.append(self.word(self.lower_order[pos]))
            pos += 1
        return found

    def _single_letter_homonyms(self, key: str) -> _Scan:
        """spylls' reader adds an all-lowercase stem to ``lowercase_index`` under each of its
        letters (it iterates the stem string where a list of forms is meant), once per
        occurrence; other stems go under their lowercase forms. Reproduced by a scan, which is
        lazy because spylls' look-up stops at the first entry that fits (for an all-capitals
        word such as "KS", where a one-letter stem "k" is tried) and because the full list is
        huge (115 000 entries for "a")."""
        return _Scan(lambda: self._scan_letter(key))

    def _scan_letter(self, key: str) -> Iterator[Word]:
        if not key:
            return
        table = self.table
        entry_ids = self.entry_ids
        all_lower = [captype is CapType.NO for _, captype, _, _ in table]
        for number, stem in enumerate(self.iter_stems()):
            if all_lower[entry_ids[number]]:
                count = stem.count(key)
            else:
                count = self.casing.lower(stem).count(key)
            if count:  # built here, not through the LRU cache: there are too many
                flags, captype, data, alt = table[entry_ids[number]]
                word = Word(stem=stem, flags=flags, data=data, captype=captype,
                            alt_spellings=alt)
                for _ in range(count):
                    yield word

    def iter_stems(self, chunk: int = 4096) -> Iterator[str]:
        """All stems in .dic order, decoded ``chunk`` at a time: a scan never holds all
        152 000 as strings (~10 MB)."""
        offsets = self.offsets
        n = len(self)
        for start in range(0, n, chunk):
            end = min(start + chunk, n)
            yield from self.blob[offsets[start]:offsets[end] - 1].decode("utf-8").split("\n")

    def iter_words(self, exclude: frozenset[str] = frozenset()) -> Iterator[Word]:
        """Every entry as a fresh ``Word``, in .dic order, skipping those with a flag in
        ``exclude``."""
        skip = [bool(exclude & flags) for flags, _, _, _ in self.table]
        table = self.table
        entry_ids = self.entry_ids
        for number, stem in enumerate(self.iter_stems()):
            entry = entry_ids[number]
            if skip[entry]:
                continue
            flags, captype, data, alt = table[entry]
            yield Word(stem=stem, flags=flags, data=data, captype=captype, alt_spellings=alt)

    @property
    def words(self) -> _Words:  # type: ignore[override]
        """All entries, iterable again and again (spylls' ``Dic.words`` is a list)."""
        return _Words(self)


class _Scan(Sequence):
    """Homonyms found by a scan, produced while they are iterated (spylls' look-up may stop
    at the first); nothing is kept, so a full pass costs no memory. ``len`` and indexing
    scan again (spylls uses neither here)."""

    def __init__(self, scan: Callable[[], Iterator[Word]]) -> None:
        self._scan = scan

    def __iter__(self) -> Iterator[Word]:
        return self._scan()

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __getitem__(self, index):  # noqa: ANN001 - int or slice, as for a list
        return list(self)[index]

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None


class _Words:
    """A re-iterable view of a ``CompactDic``'s entries, optionally without some flags."""

    def __init__(self, dic: CompactDic, exclude: frozenset[str] = frozenset()) -> None:
        self.dic = dic
        self.exclude = exclude

    def __iter__(self) -> Iterator[Word]:
        return self.dic.iter_words(self.exclude)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class CompactSuggest(suggest.Suggest):
    """spylls' ``Suggest``, but the n-gram word list is a lazy view instead of a list of every
    ``Word`` (which would bring back the memory this module saves)."""

    def __init__(self, aff: Aff, dic: CompactDic, lookuper: lookup.Lookup) -> None:
        self.aff = aff
        self.dic = dic
        self.lookup = lookuper
        # the same words as spylls' list: without FORBIDDENWORD, NOSUGGEST, ONLYINCOMPOUND
        bad_flags = frozenset(filter(None, [aff.FORBIDDENWORD, aff.NOSUGGEST, aff.ONLYINCOMPOUND]))
        self.words_for_ngram = _Words(dic, bad_flags)


class CompactDictionary(Dictionary):
    """spylls' ``Dictionary`` over a ``CompactDic``."""

    def __init__(self, aff: Aff, dic: CompactDic) -> None:  # noqa: D107
        self.aff = aff
        self.dic = dic
        self.lookuper = lookup.Lookup(aff, dic)
        self.suggester = CompactSuggest(aff, dic, self.lookuper)

    @classmethod
    def from_files(cls, path: str, cache_dir: Path | None = None) -> CompactDictionary:
        """Read ``path.aff`` and ``path.dic``; with ``cache_dir``, through the disk cache there."""
        if cache_dir is None:
            aff, dic = read_compact(path)
            return cls(aff, dic)
        aff, _ = readers.read_aff(FileReader(path + ".aff"))
        cache_file = Path(cache_dir) / f"{Path(path).name}-{cache_key(path, aff)}{_SUFFIX}"
        dic = load_cache(cache_file, aff)
        if dic is None:
            aff, dic = read_compact(path)
            save_cache(dic, cache_file)
        return cls(aff, dic)


# Disk cache
# ----------
# Reading the .dic with spylls' parser takes about a second; the arrays above load from a file in
# milliseconds. The file holds only bytes, arrays and JSON (never pickle) and is keyed by a hash
# of the dictionary files and of spylls' reading code, so a changed dictionary or spylls version
# builds a new one. Anything odd in a file (truncated, edited) means: read the .dic again.


def cache_key(base: str, aff: Aff) -> str:
    """Hash of the .aff/.dic bytes, of the code that reads them (spylls' and ours), and of
    this file format."""
    from spylls.hunspell.readers import dic as dic_reader

    digest = hashlib.sha256(_MAGIC + sys.byteorder.encode())
    casing = type(aff.casing)
    for func in (dic_reader.read_dic, dic_reader.parse_data, casing.lower, casing.guess,
                 dic_module.Dic.append, _Collector.append, CompactDic.from_collector.__func__):
        _hash_code(digest, func.__code__)
    for suffix in (".aff", ".dic"):
        # in blocks: one 2 MB read would make glibc serve later big buffers from the heap,
        # where they stay resident after use
        with open(base + suffix, "rb") as fh:
            while block := fh.read(65536):
                digest.update(block)
    return digest.hexdigest()[:32]


def _hash_code(digest, code) -> None:
    """Feed a code object's bytecode and constants, nested code included (whose repr would
    hold a memory address, different in every process)."""
    digest.update(code.co_code)
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _hash_code(digest, const)
        else:
            digest.update(repr(const).encode())


def save_cache(dic: CompactDic, path: Path) -> None:
    """Write ``dic`` to ``path`` atomically, owner-only (0600)."""
    from ..errors import TillitError
    from ..safe_write import atomic_write, private_dir

    header = {
        "table": [[sorted(flags), captype.name, data, alt]
                  for flags, captype, data, alt in dic.table],
        "rep": dic.rep_added,
        "blob": len(dic.blob),
        "lower_keys": len(dic.lower_keys),
        "arrays": [[name, getattr(dic, name).typecode, len(getattr(dic, name))]
                   for name in _ARRAYS],
    }
    raw_header = json.dumps(header, ensure_ascii=False).encode("utf-8")

    def write(fh) -> None:
        fh.write(_MAGIC)
        fh.write(len(raw_header).to_bytes(8, "little"))
        fh.write(raw_header)
        fh.write(dic.blob)
        fh.write(dic.lower_keys)
        for name in _ARRAYS:
            getattr(dic, name).tofile(fh)

    try:
        private_dir(path.parent)
        atomic_write(path, write, keep_backup=False)
        # files of an older dictionary or program version are of no further use
        name = path.name[:-len(_SUFFIX)].rsplit("-", 1)[0]
        ours = re.compile(re.escape(name) + r"-[0-9a-f]{32}" + re.escape(_SUFFIX))
        for old in path.parent.iterdir():
            if old != path and ours.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except (OSError, TillitError):
        pass  # a cache that cannot be written only makes the next start slower


def load_cache(path: Path, aff: Aff) -> CompactDic | None:
    """The ``CompactDic`` stored at ``path``, or ``None`` if it is missing or not valid.

    Adds the stored ``ph:`` REP patterns to ``aff``, as reading the .dic would have. Reads
    straight into the arrays: no copy of the whole file in memory."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(_MAGIC)) != _MAGIC:
                return None
            size = int.from_bytes(fh.read(8), "little")
            header = json.loads(fh.read(size).decode("utf-8"))
            blob = fh.read(header["blob"])
            lower_keys = fh.read(header["lower_keys"])
            if len(blob) != header["blob"] or len(lower_keys) != header["lower_keys"]:
                return None
            arrays: dict[str, array] = {}
            for (name, typecode, length), expected in zip(header["arrays"], _ARRAYS,
                                                          strict=True):
                if name != expected or typecode not in ("H", "I"):
                    return None
                arrays[name] = arr = array(typecode)
                arr.fromfile(fh, length)
            if fh.read(1):
                return None
        table: list[Entry] = [
            (frozenset(flags), CapType[captype], {k: list(v) for k, v in entry_data.items()},
             list(alt))
            for flags, captype, entry_data, alt in header["table"]]
        rep = [(str(pattern), str(replacement)) for pattern, replacement in header["rep"]]
        dic = CompactDic(blob=blob, table=table, lower_keys=lower_keys, aff=aff, **arrays)
        if not dic.consistent():
            return None
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError,
            AttributeError, RecursionError, MemoryError):
        return None  # a damaged cache is rebuilt from the .dic, never an error
    dic.rep_added = rep
    aff.REP.extend(RepPattern(pattern, replacement) for pattern, replacement in rep)
    return dic
