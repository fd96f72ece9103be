"""The Lund seed motion parses to exactly what the Lund answer quotes."""

from __future__ import annotations

from pathlib import Path

from tillit_desk.motion import extract_file, parse_motion

FIXTURES = Path(__file__).parent.parent / "fixtures"
LUND = FIXTURES / "lund-motion-tillit-2022.txt"

LUND_MOTIONARER = [
    ("Helena Falk", "V"), ("Fanny Johansson", "S"), ("Angelica Svensson", "V"),
    ("Anders Almgren", "S"), ("Karin Svensson Smith", "MP"), ("Maja Grubelic", "Fi"),
]
LUND_YRKANDEN = [
    "att Lunds kommun påbörjar en övergång till tillitsbaserad styrning som genomsyrar hela "
    "kommunens organisation,",
    "att Lunds kommuns interna utbildningar för chefer och förtroendevalda fokuserar på "
    "tillitsbaserad styrning, samt",
    "att Lunds kommun tillsammans med de fackliga organisationerna arbetar fram en strategi för "
    "att öka personalens möjligheter till inflytande över sitt arbete och arbetsplatsens "
    "organisation.",
]


def assert_lund(parsed) -> None:
    m = parsed.motion
    assert [(p.name, p.party) for p in m.motionarer] == LUND_MOTIONARER
    assert m.submitted == "2022-01-27"
    assert m.yrkanden == LUND_YRKANDEN
    assert m.title == "Tillit är vägen fram för en modern organisation!"
    assert m.addressed_to == "Lunds kommunfullmäktige"
    assert parsed.unsure() == []


def test_lund_text_file() -> None:
    extracted = extract_file(LUND)
    assert extracted.kind == "text"
    assert_lund(parse_motion(extracted.text, LUND.name))


def test_lund_pasted_text_with_windows_line_ends() -> None:
    from tillit_desk.motion import extract_pasted

    text = LUND.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert_lund(parse_motion(extract_pasted(text).text))


def test_lund_cp1252_file(tmp_path) -> None:
    path = tmp_path / "motion.txt"
    path.write_bytes(LUND.read_text(encoding="utf-8").encode("cp1252"))
    assert_lund(parse_motion(extract_file(path).text))
