"""The section Markdown subset → neutral blocks."""

from __future__ import annotations

from tillit_desk.markup import (
    Heading,
    ListBlock,
    Paragraph,
    Span,
    Table,
    parse_blocks,
    plain_text,
    word_count,
)


def test_subheadings_paragraphs_and_inline_formatting():
    blocks = parse_blocks("### Bakgrund\n\nText **fet** och *kursiv*.\n\n#### Djupare")
    assert blocks[0] == Heading(2, (Span("Bakgrund"),))
    assert blocks[1] == Paragraph(
        (Span("Text "), Span("fet", bold=True), Span(" och "), Span("kursiv", italic=True),
         Span(".")))
    assert blocks[2] == Heading(3, (Span("Djupare"),))


def test_single_newline_is_a_manual_line_break():
    (para,) = parse_blocks("För kännedom:\nMotionärerna")
    assert plain_text(para.spans) == "För kännedom:\nMotionärerna"


def test_bullet_numbered_and_nested_lists():
    bullets, numbers = parse_blocks("- a\n  - b\n- c\n\n1. x\n2. y\n")
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert [(plain_text(i.spans), i.level) for i in bullets.items] == [("a", 0), ("b", 1),
                                                                      ("c", 0)]
    assert numbers.ordered and [plain_text(i.spans) for i in numbers.items] == ["x", "y"]


def test_pipe_table_with_header():
    (table,) = parse_blocks("| År | Kostnad |\n|---|---|\n| 2022 | 100 |\n| 2023 | 200 |")
    assert isinstance(table, Table) and table.header
    assert [[plain_text(c) for c in row] for row in table.rows] == [
        ["År", "Kostnad"], ["2022", "100"], ["2023", "200"]]


def test_html_entities_code_and_links_come_out_as_typed():
    text = "a & b < c > d &amp; <b>x</b> [länk](http://x) `kod` {{ x }}"
    (para,) = parse_blocks(text)
    assert plain_text(para.spans) == text


def test_indented_text_is_not_code():
    (para,) = parse_blocks("    indraget stycke")
    assert isinstance(para, Paragraph)
    assert plain_text(para.spans) == "indraget stycke"


def test_backslash_escapes_literal_asterisks():
    (para,) = parse_blocks(r"5 \* 3")
    assert plain_text(para.spans) == "5 * 3"


def test_word_count_ignores_punctuation_only_tokens():
    assert word_count("Det här – är fem ord.") == 5


def test_a_nested_list_of_the_other_kind_keeps_its_kind():
    (block,) = parse_blocks("- punkt\n  1. första\n  2. andra\n- sista")
    assert not block.ordered
    assert [(plain_text(i.spans), i.level, block.item_ordered(i)) for i in block.items] == [
        ("punkt", 0, False), ("första", 1, True), ("andra", 1, True), ("sista", 0, False)]
    assert block.level_kinds() == (False, True, False)
    (same,) = parse_blocks("- a\n  - b")
    assert same.items[1].ordered is None and same.level_kinds() == (False, False, False)
