"""Caches we write (profiles, compact dictionary) are rebuilt when damaged, never an error —
even when the damage is JSON nested deeper than the parser's recursion limit."""

from __future__ import annotations

from tillit_desk.review.compact_dic import _MAGIC, load_cache


def test_a_dictionary_cache_with_a_deep_header_is_ignored(tmp_path):
    header = b"[" * 100_000 + b"]" * 100_000
    path = tmp_path / "sv_SE-0123456789abcdef0123456789abcdef.dic.bin"
    path.write_bytes(_MAGIC + len(header).to_bytes(8, "little") + header)
    assert load_cache(path, aff=None) is None


def test_a_dictionary_cache_with_a_header_of_the_wrong_shape_is_ignored(tmp_path):
    for header in (b'"text"', b"5", b'{"blob": "x"}', b"\xff\xfe"):
        path = tmp_path / "c.dic.bin"
        path.write_bytes(_MAGIC + len(header).to_bytes(8, "little") + header)
        assert load_cache(path, aff=None) is None, header


def test_a_user_dictionary_that_is_a_folder_or_binary_is_no_error(tmp_path):
    from tillit_desk.review.spelling import Speller, read_word_list

    folder = tmp_path / "ordlista.txt"
    folder.mkdir()
    assert read_word_list(folder) == set()
    binary = tmp_path / "binar.txt"
    binary.write_bytes(b"\xff\xfe\x00ord")
    assert read_word_list(binary) == set()
    assert Speller(user_file=folder).known("kommunfullmäktige")
