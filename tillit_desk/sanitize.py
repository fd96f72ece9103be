"""Make text from anywhere (Word pastes, PDFs, other tools) safe for XML without losing meaning."""

from __future__ import annotations

import re

# Word writes a manual line break (Shift+Enter) as \x0b; form feed is a page break in some pastes.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"}
# Characters XML 1.0 cannot hold at all, except the ones mapped above.
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for src, dst in _LINE_BREAKS.items():
        text = text.replace(src, dst)
    return text


def xml_safe(text: str) -> tuple[str, int]:
    """Return the text with line-break controls mapped and other controls removed, and how many
    characters were removed (so that the caller can warn: nothing disappears silently)."""
    text = normalise_newlines(str(text))
    cleaned, removed = _INVALID.subn("", text)
    return cleaned, removed


def clean(text: str) -> str:
    return xml_safe(text)[0]


def clean_tree(value):
    """``clean`` every string inside nested dicts and lists (a template context)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: clean_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_tree(v) for v in value]
    return value
