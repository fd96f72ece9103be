"""Markdown spans ⇄ editor text spans (the mapping behind "click a finding → select it")."""

from __future__ import annotations

from tillit_desk.review.spans import SpanMap, locate

MD = ("### Bakgrund\n\nKommunen har **inlett** ett arbete.\n\n"
      "- första punkten\n- andra *punkten* här\n\nSlut med \\*stjärna.")
# what the editor holds: blocks separated by one break, markup gone
PLAIN = ("Bakgrund\u2029Kommunen har inlett ett arbete.\u2029första punkten\u2029"
         "andra punkten här\u2029Slut med *stjärna.")


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos, pos + len(word)


def test_maps_words_through_markup_both_ways():
    spans = SpanMap(MD, PLAIN)
    assert spans.exact
    for word in ("Bakgrund", "inlett", "andra", "punkten", "stjärna", "ett arbete"):
        a, b = spans.to_plain(*_span(MD, word))
        assert PLAIN[a:b] == word
        assert MD[slice(*spans.to_markdown(a, b))] == word
    a, b = spans.to_plain(*_span(MD, "*punkten*"))  # markup at the edges is dropped
    assert PLAIN[a:b] == "punkten"
    a, b = spans.to_plain(*_span(MD, "har **inlett** ett"))
    assert PLAIN[a:b] == "har inlett ett"


def test_empty_or_markup_only_span_has_no_place():
    spans = SpanMap(MD, PLAIN)
    assert spans.to_plain(0, 3) is None  # "###"
    assert spans.to_plain(5, 5) is None


def test_falls_back_to_alignment_when_the_renderer_changed_something():
    plain = PLAIN.replace("Kommunen", "KOMMUNEN")  # a difference the mask does not explain
    spans = SpanMap(MD, plain)
    assert not spans.exact
    a, b = spans.to_plain(*_span(MD, "stjärna"))
    assert plain[a:b] == "stjärna"
    a, b = spans.to_plain(*_span(MD, "ett arbete"))
    assert plain[a:b] == "ett arbete"


def test_locate_follows_edited_text():
    text = "Ett två tre. Ett fyra."
    assert locate(text, 0, 3, "Ett") == (0, 3)
    edited = "Nytt först. " + text
    assert locate(edited, 0, 3, "Ett") == (12, 15)
    assert locate(edited, 13, 17, "fyra") == (29, 33)
    assert locate("borta", 0, 3, "Ett") is None


def test_escaped_star_is_text_not_emphasis():
    from tillit_desk.review.text import mask_markup

    assert mask_markup("Slut med \\*stjärna.") == "Slut med  *stjärna."
    assert mask_markup("**fet** och \\*") == "  fet   och  *"
