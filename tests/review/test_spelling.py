"""Spelling: Swedish compounds pass, typos and neighbour-language letters do not."""

from __future__ import annotations

import pytest

from tillit_desk.review.spelling import Speller

from .helpers import run_section, spans


@pytest.mark.parametrize("word", [
    "barnkonsekvensanalys", "kommunfullmäktigeledamot", "tjänsteskrivelse", "motionärerna",
    "genomsyrar", "Medbestämmandelagen", "EVP-processen", "KSAU", "Utifrån",
])
def test_correct_words(speller, word):
    assert speller.known(word)


@pytest.mark.parametrize("word", ["genomstrar", "kommunfullmäktigge", "beslutsunderlgat"])
def test_misspelled_words(speller, word):
    assert not speller.known(word)


def test_unknown_word_found_in_seed_sentence(case, lund, speller):
    text = ("att Lunds kommun påbörjar en övergång till tillitsbaserad styrning som genomstrar "
            "hela kommunens organisation,")
    found = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert spans(found, text) == ["genomstrar"]
    assert found[0].severity == "varning"


def test_example_sections_have_no_spelling_errors(case, lund, speller):
    for sid, text in case.sections.items():
        found = run_section("stavning.okant_ord", text, case, lund, section=sid,
                            speller=speller)
        assert found == [], (sid, [f.excerpt for f in found])


def test_case_names_are_accepted(case, lund, speller):
    case.signatories[0].name = "Xyzzelia Qwortenberg"
    text = "Xyzzelia Qwortenberg har skrivit under."
    assert run_section("stavning.okant_ord", text, case, lund, speller=speller) == []


def test_unknown_name_is_only_a_tip(case, lund, speller):
    text = "Mötet leddes av Xyzzelia Qwortenberg."
    found = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert found and all(f.severity == "tips" for f in found)


def test_neighbour_language_letters(case, lund):
    text = "I motionen anføres att vardagen har præglats av detaljstyrning."
    found = run_section("stavning.grannsprak", text, case, lund)
    assert spans(found, text) == ["anføres", "præglats"]
    assert found[0].suggestion == "anföres"
    assert run_section("stavning.grannsprak", "I motionen anförs att.", case, lund) == []


def test_neighbour_letters_in_own_names_are_fine(case, lund):
    case.signatories[0].name = "Søren Kjær"
    assert run_section("stavning.grannsprak", "Søren Kjær skriver under.", case, lund) == []


def test_user_dictionary(tmp_path, case, lund):
    user_file = tmp_path / "ordlista.txt"
    speller = Speller(user_file=user_file)
    text = "Projektet Blåbärsbuss startar i maj med vätgasbussarnaxx."
    before = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert "vätgasbussarnaxx" in spans(before, text)
    version = speller.version
    speller.add_word("vätgasbussarnaxx")
    assert speller.version > version
    assert "vätgasbussarnaxx" in user_file.read_text(encoding="utf-8").split()
    after = run_section("stavning.okant_ord", text, case, lund, speller=speller)
    assert "vätgasbussarnaxx" not in spans(after, text)
    # a new speller (next start of the program) reads the file
    assert Speller(user_file=user_file).known("vätgasbussarnaxx")


def test_suggestions(speller):
    assert speller.suggest("anføres") == ["anföres"]


# The compact word store (review/compact_dic.py) must answer exactly as spylls' own Dic.

def _entry(word):
    return (word.stem, sorted(word.flags), word.captype, dict(word.data), list(word.alt_spellings))


def test_compact_store_homonyms_in_dic_order(speller):
    dic = speller._dic.dic
    # sv_SE lists "abnorm" twice: as an adjective and as a compound part
    assert [sorted(w.flags) for w in dic.homonyms("abnorm")] == [
        sorted("kOPQ"), sorted("XZ")]
    assert [w.stem for w in dic.homonyms("lund")] == ["lund"]
    assert [w.stem for w in dic.homonyms("Lund")] == ["Lund"]
    assert dic.homonyms("xyzzelia") == []


def test_compact_store_case_insensitive(speller):
    dic = speller._dic.dic
    assert [w.stem for w in dic.homonyms("göran", ignorecase=True)] == ["Göran"]
    assert dic.homonyms("göran") == []
    assert speller._dic.lookup("GÖRANS")
    assert speller._dic.lookup("Görans")
    assert not speller._dic.lookup("göran")


def test_compact_store_forbidden_word(speller):
    dic = speller._dic.dic
    forbidden = speller._dic.aff.FORBIDDENWORD
    assert dic.has_flag("affärsvärden", forbidden, for_all=True)
    assert not speller._dic.lookup("affärsvärden")
    assert speller._dic.lookup("affärsvärde")


def test_compact_store_compound_and_suggestions(speller):
    assert speller._dic.lookup("kommunfullmäktigeledamot")
    assert speller.suggest("genomstrar")[0] == "genomsyrar"


TINY_AFF = """SET UTF-8
TRY aeiornstlk
FORBIDDENWORD %
NOSUGGEST !
KEEPCASE =
COMPOUNDFLAG C
ONLYINCOMPOUND O
SFX S Y 2
SFX S 0 s .
SFX S 0 en [^e]
PFX U Y 1
PFX U 0 o .
"""

TINY_DIC = """14
bok/SC
bok/U
hus/SC
husen/%
Anna/S
McDonald/S
ABBA/=
a
i/C
båt/SCO
tak/SC ph:tagg
kaka/S! po:noun
lund/S
Lund/S
"""


@pytest.fixture
def tiny(tmp_path):
    base = tmp_path / "tiny"
    base.with_suffix(".aff").write_text(TINY_AFF, encoding="utf-8")
    base.with_suffix(".dic").write_text(TINY_DIC, encoding="utf-8")
    return str(base)


def test_compact_store_matches_spylls_on_a_small_dictionary(tiny):
    from spylls.hunspell import Dictionary

    from tillit_desk.review.compact_dic import CompactDictionary

    plain = Dictionary.from_files(tiny)
    compact = CompactDictionary.from_files(tiny)
    keys = {w.stem for w in plain.dic.words}
    keys |= {k.lower() for k in keys} | {ch for k in keys for ch in k} | {"", "xyz"}
    for key in sorted(keys):
        for ignorecase in (False, True):
            assert ([_entry(w) for w in compact.dic.homonyms(key, ignorecase=ignorecase)] ==
                    [_entry(w) for w in plain.dic.homonyms(key, ignorecase=ignorecase)]), key
    assert ([_entry(w) for w in compact.suggester.words_for_ngram] ==
            [_entry(w) for w in plain.suggester.words_for_ngram])
    assert [repr(r) for r in compact.aff.REP] == [repr(r) for r in plain.aff.REP]
    words = ["bok", "boks", "boken", "obok", "bokhus", "hushus", "husen", "Anna", "ANNAS",
             "annas", "McDonalds", "MCDONALDS", "ABBA", "Abba", "abba", "A", "AS", "båt",
             "båtbok", "bokbåt", "tagg", "tak", "taks", "kaka", "KAKAN", "LUND", "Lunds", "ibok"]
    for word in words:
        assert compact.lookup(word) == plain.lookup(word), word
    for word in ["boc", "tagg", "hsu", "Ana", "mcdonald", "kak", "bokhsu"]:
        assert list(compact.suggest(word)) == list(plain.suggest(word)), word


def test_compact_store_disk_cache(tiny, tmp_path):
    from tillit_desk.review.compact_dic import CompactDictionary

    cache = tmp_path / "cache"
    built = CompactDictionary.from_files(tiny, cache_dir=cache)
    (cache_file,) = cache.iterdir()
    assert cache_file.stat().st_mode & 0o777 == 0o600
    cached = CompactDictionary.from_files(tiny, cache_dir=cache)
    for name in ("blob", "offsets", "entry_ids", "hashes", "order", "lower_hashes",
                 "lower_order", "lower_keys", "lower_offsets", "table", "rep_added"):
        assert getattr(cached.dic, name) == getattr(built.dic, name), name
    assert [repr(r) for r in cached.aff.REP] == [repr(r) for r in built.aff.REP]
    # a damaged file is ignored and rewritten
    good = cache_file.read_bytes()
    cache_file.write_bytes(good[:-3])
    again = CompactDictionary.from_files(tiny, cache_dir=cache)
    assert again.dic.blob == built.dic.blob and again.lookup("boken")
    assert cache_file.read_bytes() == good
    # a changed dictionary gets a new cache file, which replaces the old one; other files stay
    (cache / "other-0123456789abcdef0123456789abcdef.dic.bin").write_bytes(b"x")
    with open(tiny + ".dic", "a", encoding="utf-8") as fh:
        fh.write("stol/S\n")
    assert CompactDictionary.from_files(tiny, cache_dir=cache).lookup("stolen")
    names = sorted(p.name for p in cache.iterdir())
    assert len(names) == 2 and cache_file.name not in names and names[0].startswith("other-")


def test_compact_store_cache_key_is_the_same_in_every_process(tiny):
    import subprocess
    import sys

    from spylls.hunspell import readers
    from spylls.hunspell.readers.file_reader import FileReader

    from tillit_desk.review.compact_dic import cache_key

    code = ("import sys; from spylls.hunspell import readers; "
            "from spylls.hunspell.readers.file_reader import FileReader; "
            "from tillit_desk.review.compact_dic import cache_key; "
            "aff, _ = readers.read_aff(FileReader(sys.argv[1] + '.aff')); "
            "print(cache_key(sys.argv[1], aff))")
    aff, _ = readers.read_aff(FileReader(tiny + ".aff"))
    here = cache_key(tiny, aff)
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code, tiny], capture_output=True, text=True,
                             check=True)
        assert out.stdout.strip() == here


def test_a_running_suggestion_does_not_hold_up_the_checks(speller, monkeypatch):
    """Suggestions take seconds; the check thread must go on looking words up meanwhile."""
    import threading

    started, release = threading.Event(), threading.Event()

    def slow_suggest(word):
        started.set()
        release.wait(10)
        yield "kommunstyrelsen"

    monkeypatch.setattr(speller._dic, "suggest", slow_suggest)
    result: list[list[str]] = []
    worker = threading.Thread(target=lambda: result.append(speller.suggest("kommunstyrrelsen")))
    worker.start()
    try:
        assert started.wait(5)
        looked_up = threading.Thread(target=lambda: speller.known("xqvtrellanska"))  # uncached
        looked_up.start()
        looked_up.join(3)
        assert not looked_up.is_alive(), "the lookup waited for the suggestion"
    finally:
        release.set()
        worker.join(60)
    assert result and result[0][0] == "kommunstyrelsen"


def test_lookups_from_several_threads_agree_with_one_thread():
    """Without a lock the dictionary is shared as it is: it must answer the same."""
    import random
    import threading

    from tillit_desk.example import load_example
    from tillit_desk.review.spelling import DICTIONARY, load_dictionary

    dic = load_dictionary(str(DICTIONARY))
    words = [w.strip('.,:;()"»”') for t in load_example().sections.values() for w in t.split()]
    words = [w for w in words if w.isalpha()][:200]
    rnd = random.Random(5)
    words += ["".join(rnd.sample(w, len(w))) for w in words if len(w) > 4]
    serial = [bool(dic.lookup(w)) for w in words]
    results: dict[int, list[bool]] = {}

    def run(i: int) -> None:
        results[i] = [bool(dic.lookup(w)) for w in words]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(results[i] == serial for i in range(2)) and any(serial) and not all(serial)


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tiny, tmp_path):
    from tillit_desk.review.compact_dic import CompactDictionary

    blocked = tmp_path / "cache"
    blocked.write_text("en fil, ingen mapp", encoding="utf-8")
    dictionary = CompactDictionary.from_files(tiny, cache_dir=blocked)
    assert dictionary.lookup("boken") and not dictionary.lookup("bokhsu")
    assert blocked.read_text(encoding="utf-8") == "en fil, ingen mapp"
