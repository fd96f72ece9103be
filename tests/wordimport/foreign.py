"""A tjänsteskrivelse that Tillit Desk did not write, made with python-docx the way a
municipality's Word template looks: Swedish heading styles "Rubrik 1/2", a header table with
Datum and Dnr, att-satser with tabs, a table, signatures side by side."""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

# every text the document shows, and where the import should put it
ORGANISATION = "Exempelby kommun"
UNIT = "Kommunledningsförvaltningen"
DATE = "2023-03-14"
DNR = "KS 2023/0112"
TITLE = "Svar på motion om fler bänkar i parkerna"
REF = ("Eva Ek", "Utredare", "eva.ek@exempelby.se")
SECTIONS = [
    ("Sammanfattning", ["Motionären föreslår fler bänkar i kommunens parker. "
                        "Förvaltningen föreslår att motionen bifalls."]),
    ("Förslag till beslut", None),
    ("Beslutsunderlag", None),
    ("Ärendet", None),
    ("Överväganden", ["Fler bänkar gör parkerna tillgängliga för ”alla” åldrar.",
                      "Kostnaden ryms i parkförvaltningens budget."]),
    ("Barnets bästa", ["Förslaget bedöms inte påverka barn negativt."]),
    ("Ekonomiska konsekvenser", ["Förslaget kostar 120 000 kronor."]),
    ("Uppföljning", ["Parkförvaltningen redovisar utfallet i årsrapporten."]),
    ("Beslutet skickas till", None),
]
CHAIN = "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta"
POINTS = ["bifalla motionen,", "uppdra åt parkförvaltningen att placera ut tio nya bänkar."]
UNDERLAG = [("Kommunledningsförvaltningens tjänsteskrivelse", "2023-03-14"),
            ("Motion från Anna Andersson (C)", "2023-01-10")]
TABLE = [["Park", "Bänkar i dag", "Nya bänkar"], ["Stadsparken", "12", "4"],
         ["Folkets park", "8", "6"]]
SIGNERS = [("Karin Holm", "Kommundirektör"), ("Olle Berg", "Avdelningschef")]
RECIPIENTS = ["Parkförvaltningen", "Motionären"]


def _style(document, name: str, size: int):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.font.size = Pt(size)
    return style


def foreign_docx() -> bytes:
    document = docx.Document()
    h1 = _style(document, "Rubrik 1", 14)
    h2 = _style(document, "Rubrik 2", 12)
    section = document.sections[0]
    header = section.header
    table = header.add_table(rows=2, cols=3, width=section.page_width)
    table.cell(0, 0).text = ORGANISATION
    table.cell(1, 0).text = UNIT
    table.cell(0, 1).text = "Datum"
    table.cell(1, 1).text = DATE
    table.cell(0, 2).text = "Dnr"
    table.cell(1, 2).text = DNR
    document.add_paragraph(TITLE, style="Title")
    ref = document.add_paragraph("Vår referens")
    ref.add_run().add_break()
    ref.add_run(f"{REF[0]}, {REF[1]}")
    ref.add_run().add_break()
    ref.add_run(REF[2])
    for heading, paragraphs in SECTIONS:
        document.add_paragraph(heading, style=h1)
        if heading == "Förslag till beslut":
            document.add_paragraph(CHAIN)
            for point in POINTS:
                document.add_paragraph(f"att\t{point}")
        elif heading == "Beslutsunderlag":
            for text, date in UNDERLAG:
                document.add_paragraph(f"{text} {date}", style="List Bullet")
        elif heading == "Ärendet":
            document.add_paragraph("Bakgrund", style=h2)
            p = document.add_paragraph("Anna Andersson (C) har lämnat en motion om ")
            p.add_run("fler bänkar").bold = True
            p.add_run(". Hon yrkar att kommunen ska ")
            p.add_run("placera ut bänkar").italic = True
            p.add_run(" i alla parker.")
            document.add_paragraph("Förvaltningen har inventerat parkerna:")
            grid = document.add_table(rows=len(TABLE), cols=3)
            for r, row in enumerate(TABLE):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            document.add_paragraph("Inventeringen visar tre behov:")
            for item in ("sittplatser nära lekplatser", "skugga", "belysning"):
                document.add_paragraph(item, style="List Number")
        elif heading == "Beslutet skickas till":
            for name in RECIPIENTS:
                document.add_paragraph(name)
        else:
            for text in paragraphs:
                document.add_paragraph(text)
        if heading == "Uppföljning":
            document.add_paragraph("\t".join(s[0] for s in SIGNERS))
            document.add_paragraph("\t".join(s[1] for s in SIGNERS))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
