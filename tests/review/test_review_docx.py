"""Review version: reviewer comments become Word comments anchored to the commented text."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from tillit_desk.export.review_docx import export_review_docx, render_review_docx
from tillit_desk.review import workflow as W
from tillit_desk.review.findings import Finding

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def _parts(data: bytes) -> tuple[etree._Element, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return (etree.fromstring(z.read("word/comments.xml")),
                etree.fromstring(z.read("word/document.xml")))


def _anchored_text(document: etree._Element, comment_id: str) -> str:
    """The text between commentRangeStart and commentRangeEnd with this id."""
    inside = False
    out = []
    for el in document.iter():
        if el.tag == f"{{{W_NS}}}commentRangeStart" and el.get(f"{{{W_NS}}}id") == comment_id:
            inside = True
        elif el.tag == f"{{{W_NS}}}commentRangeEnd" and el.get(f"{{{W_NS}}}id") == comment_id:
            break
        elif inside and el.tag == f"{{{W_NS}}}t":
            out.append(el.text or "")
    return "".join(out)


def _comments(comments_xml) -> dict[str, tuple[str, str]]:
    out = {}
    for c in comments_xml.findall("w:comment", NS):
        text = "".join(t.text or "" for t in c.iter(f"{{{W_NS}}}t"))
        out[c.get(f"{{{W_NS}}}id")] = (c.get(f"{{{W_NS}}}author"), text)
    return out


def test_comment_anchored_to_commented_text(case, lund, tmp_path):
    text = case.sections["arendet"]
    start = text.index("horisontell målstyrning där")
    W.add_comment(case, "arendet", "Förklara begreppet för läsaren.", "Vesna Casitovski",
                  start=start, end=start + len("horisontell målstyrning"))
    W.add_comment(case, "barnets_basta", "Räcker en mening här?", "Vesna Casitovski")
    resolved = W.add_comment(case, "sammanfattning", "Löst redan.", "Vesna Casitovski")
    W.resolve_comment(case, resolved.id)
    out = tmp_path / "granskning.docx"
    result = export_review_docx(case, lund, out)
    assert result.placed == 1 and result.on_heading == 1
    comments_xml, document = _parts(out.read_bytes())
    found = _comments(comments_xml)
    assert len(found) == 2  # the resolved comment is left out
    by_text = {v[1].split(" (")[0]: k for k, v in found.items()}
    cid = by_text["Förklara begreppet för läsaren."]
    assert found[cid][0] == "Vesna Casitovski"
    assert _anchored_text(document, cid) == "horisontell målstyrning"
    assert _anchored_text(document, by_text["Räcker en mening här?"]) == "Barnets bästa"
    # the text itself is unchanged by the run splitting
    body = "".join(t.text or "" for t in document.iter(f"{{{W_NS}}}t"))
    assert "används en horisontell målstyrning där varje nivå" in body


def test_comment_across_markup(case, lund):
    text = case.sections["arendet"]
    quote = "*Tillit, dialog, struktur - så här styrs Lunds kommun*"
    start = text.index(quote)
    W.add_comment(case, "arendet", "Stämmer modulens namn?", "VC", start=start,
                  end=start + len(quote))
    result = render_review_docx(case, lund)
    comments_xml, document = _parts(result.data)
    cid = next(iter(_comments(comments_xml)))
    assert _anchored_text(document, cid) == "Tillit, dialog, struktur - så här styrs Lunds kommun"


def test_comment_on_edited_away_text_falls_back_to_heading(case, lund):
    text = case.sections["arendet"]
    start = text.index("trevande")
    W.add_comment(case, "arendet", "Ordval?", "VC", start=start, end=start + len("trevande"))
    case.sections["arendet"] = text.replace("trevande", "försiktigt")
    result = render_review_docx(case, lund)
    assert result.on_heading == 1 and any("finns inte längre" in w for w in result.warnings)
    comments_xml, document = _parts(result.data)
    cid = next(iter(_comments(comments_xml)))
    assert _anchored_text(document, cid) == "Ärendet"


def test_findings_as_comments(case, lund):
    text = case.sections["arendet"]
    start = text.index("trevande")
    finding = Finding("stavning.okant_ord", "varning", "arendet", "Okänt ord.", start,
                      start + len("trevande"), "trevlig", "trevande")
    result = render_review_docx(case, lund, findings=[finding])
    comments_xml, document = _parts(result.data)
    (cid, (author, body)), = _comments(comments_xml).items()
    assert author == "Tillit Desk granskning" and "Förslag: trevlig" in body
    assert _anchored_text(document, cid) == "trevande"
    assert re.search(r"Varning: Okänt ord", body)
