"""Cases from before ``case.layout``: the Word import's interim shape for headings of their own.

Until issue 13 gave the case model its own sections, the import stored a heading that matched
no profile section as ``case.sections[<id from its words>]`` with its place in
``case.extra["custom_sections"]`` (``[{"id", "heading", "after"}]``). A DOCX exported from such
a case embeds that shape; the import moves it into ``case.layout.added`` (same ids, so the text
stays where it is) and drops the old key.
"""

from __future__ import annotations

from ..case import Case, CustomSection

KEY = "custom_sections"


def migrate_custom_sections(case: Case) -> bool:
    """Move ``extra["custom_sections"]`` into ``layout.added``; True when there was any."""
    entries = case.extra.pop(KEY, None)
    if entries is None:
        return False
    known = {a.id for a in case.layout.added}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        sid, heading, after = (entry.get(k, "") for k in ("id", "heading", "after"))
        if not all(isinstance(v, str) for v in (sid, heading, after)) or not sid or sid in known:
            continue
        case.layout.added.append(CustomSection(sid, heading, after))
        case.sections.setdefault(sid, "")
        known.add(sid)
    return True
