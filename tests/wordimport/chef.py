"""The chef opens the export in Word: edits without Track Changes, a comment, and two tracked
changes by herself. Made with python-docx (the comment) and lxml (the rest), as Word writes it."""

from __future__ import annotations

import io

import docx

from tillit_desk.export.review_docx import _runs_for

from .docxedit import W, find_paragraph, rewrite, run, text_of, w, xml_edit

CHEF = "Karin Chef"
REVIEWER = "Vesna Casitovski"
WHEN = "2026-11-20T09:30:00Z"
COMMENTED = "horisontell målstyrning"
COMMENT = "Förklara begreppet för läsaren."
OLD_SENTENCE = ("Förslaget är att motionen, med utgångspunkt i vad som beskrivs i ärendet, anses "
                "besvarad.")
NEW_SENTENCE = "Förslaget är att motionen anses besvarad."
DELETED_ITEM = ("att Lunds kommuns interna utbildningar för chefer och förtroendevalda fokuserar "
                "på tillitsbaserad styrning, samt")
INSERTED = " Arbetet ryms i befintlig budget."
ECONOMY = "Förslaget medför inga ekonomiska konsekvenser."
CHILD = "En barnkonsekvensanalys har inte bedömts relevant i ärendet."
CHILD_DELETED = " i ärendet"


def _add_comment(data: bytes) -> bytes:
    document = docx.Document(io.BytesIO(data))
    for p in document.paragraphs:
        if COMMENTED in p.text and p.text.startswith("Lunds kommun använder"):
            start = p.text.index(COMMENTED)
            runs = _runs_for(p, start, start + len(COMMENTED))
            document.add_comment(runs, text=COMMENT, author=REVIEWER, initials="VC")
            break
    else:
        raise AssertionError("commented paragraph not found")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _edit(root) -> None:
    # a sentence changed and a list item deleted, without Track Changes
    p = find_paragraph(root, OLD_SENTENCE)
    for t in p.iter(W + "t"):
        if OLD_SENTENCE in (t.text or ""):
            t.text = t.text.replace(OLD_SENTENCE, NEW_SENTENCE)
    item = find_paragraph(root, DELETED_ITEM)
    item.getparent().remove(item)
    # a tracked insertion at the end of a paragraph
    p = find_paragraph(root, ECONOMY)
    ins = w("ins", id="801", author=CHEF, date=WHEN)
    ins.append(run(INSERTED))
    p.append(ins)
    # a tracked deletion inside a paragraph
    p = find_paragraph(root, CHILD)
    assert text_of(p) == CHILD
    for r in p.findall(W + "r"):
        p.remove(r)
    keep, gone = CHILD.split(CHILD_DELETED)
    p.append(run(keep))
    deletion = w("del", id="802", author=CHEF, date=WHEN)
    deletion.append(run(CHILD_DELETED, deleted=True))
    p.append(deletion)
    p.append(run(gone))


def _core(raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    if "lastModifiedBy>" in text:
        import re

        text = re.sub(r"(lastModifiedBy>)[^<]*(<)", rf"\g<1>{CHEF}\2", text)
    return text.encode("utf-8")


def chef_edits(data: bytes) -> bytes:
    return rewrite(_add_comment(data), {"word/document.xml": xml_edit(_edit),
                                        "word/comments.xml": xml_edit(_comment_date),
                                        "docProps/core.xml": _core})


def _comment_date(root) -> None:
    for comment in root.iter(W + "comment"):
        comment.set(W + "date", WHEN)


def expected_sections(original: dict[str, str]) -> dict[str, str]:
    """The case's sections after every change from Word is accepted."""
    out = dict(original)
    out["sammanfattning"] = original["sammanfattning"].replace(OLD_SENTENCE, NEW_SENTENCE) \
        .replace(f"- {DELETED_ITEM}\n", "")
    out["ekonomiska_konsekvenser"] = ECONOMY + INSERTED
    out["barnets_basta"] = CHILD.replace(CHILD_DELETED, "")
    return out
