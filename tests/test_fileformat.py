"""The .tillit file: contract keys, atomic owner-only saves, recovery, and clear errors."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillit_desk.case import Case, Motion, Motionar
from tillit_desk.errors import CaseFileError
from tillit_desk.example import EXAMPLE_CASE
from tillit_desk.fileformat import FORMAT_ID, case_to_json, load_case, save_case
from tillit_desk.safe_write import backup_path_for


def test_example_has_the_public_contract_keys(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    save_case(example_case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT_ID
    assert data["profile"] == "lund-kommun"
    doc = data["document"]
    assert doc["diarienummer"] == "KS 2022/0086"
    assert doc["date"] == "2022-05-02"
    assert set(doc["handlaggare"]) >= {"name", "title", "email", "phone"}
    assert data["motion"]["motionarer"][0] == {"name": "Helena Falk", "party": "V"}
    assert len(data["motion"]["yrkanden"]) == 3
    for sid in ("sammanfattning", "forslag_till_beslut", "arendet", "barnets_basta",
                "ekonomiska_konsekvenser"):
        assert isinstance(data["sections"][sid], str)
    for key in ("underlag", "skickas_till", "signatories", "review"):
        assert key in data


def test_round_trip_is_identical(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    save_case(example_case, path)
    first = path.read_bytes()
    again = load_case(path).case
    assert again == example_case
    save_case(again, path)
    assert path.read_bytes() == first


def test_saved_file_is_owner_only(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    save_case(example_case, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    os.chmod(path, 0o644)
    save_case(example_case, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_unknown_keys_survive_load_and_save(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    data = json.loads(case_to_json(example_case))
    data["x_plugin"] = {"keep": [1, 2]}
    data["document"]["x_classification"] = "öppen"
    data["motion"]["motionarer"][0]["x_id"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    save_case(load_case(path).case, path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["x_plugin"] == {"keep": [1, 2]}
    assert again["document"]["x_classification"] == "öppen"
    assert again["motion"]["motionarer"][0]["x_id"] == 7


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "skadad eller inte en .tillit-fil (den går inte att läsa från rad 1, "
                      "tecken 2: ett namn inom citattecken väntades)"),
        ('{"format": "tillit-desk/1",\n "profile": "g" "document": {}}',
         "från rad 2, tecken 17: ett kommatecken saknas"),
        ("", "tom"),
        ("[1, 2]", "filen innehåller inte ett ärende utan en lista."),
        ("null", "utan ingenting (null)"),
        ('{"format": "tillit-desk/9", "profile": "x", "document": {}, "sections": {}}',
         "formatversion 'tillit-desk/9'"),
        ('{"format": "word", "profile": "x", "document": {}, "sections": {}}',
         "inte ett Tillit Desk-ärende (formatet är ”word”; ett ärende har ”tillit-desk/1”)"),
        ('{"profile": "x", "document": {}, "sections": {}}',
         "inte ett Tillit Desk-ärende (formatuppgiften saknas;"),
        ('{"format": "tillit-desk/1", "document": {}, "sections": {}}', '"profile" saknas'),
        ('{"format": "tillit-desk/1", "profile": "g", "document": [], "sections": {}}',
         '"document" ska vara objekt'),
        ('{"format": "tillit-desk/1", "profile": "g", "document": {"date": 5}, "sections": {}}',
         '"document.date" ska vara text'),
        ('{"format": "tillit-desk/1", "profile": "g", "document": {}, "sections": {"a": 1}}',
         '"sections.a" ska vara text'),
        ('{"format": "tillit-desk/1", "profile": "g", "document": {}, "sections": {},'
         ' "motion": {"yrkanden": [1]}}', '"motion.yrkanden[0]" ska vara text'),
        ('{"format": "tillit-desk/1", "profile": "g", "document": {}, "sections": {},'
         ' "signatories": ["x"]}', '"signatories[0]" ska vara ett objekt'),
    ],
)
def test_bad_files_give_swedish_errors_and_are_not_modified(tmp_path, content, fragment):
    path = tmp_path / "bad.tillit"
    path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_byte_order_mark_is_accepted_and_counted(tmp_path):
    """Notepad saves UTF-8 with a BOM: such a file opens; a bad byte after it is named by its
    place in the file, BOM included."""
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    path = tmp_path / "notepad.tillit"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_case(path).case.document.title == load_case(EXAMPLE_CASE).case.document.title
    bad = tmp_path / "trasig.tillit"
    bad.write_bytes(b"\xef\xbb\xbf{\"a\": \"\xff\"}")
    with pytest.raises(CaseFileError, match=r"inte UTF-8-text \(byte 10\)"):
        load_case(bad)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "bild.tillit"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(CaseFileError, match="inte UTF-8"):
        load_case(path)


def test_missing_file_message(tmp_path):
    with pytest.raises(CaseFileError, match="finns inte"):
        load_case(tmp_path / "nej.tillit")


def test_failed_save_keeps_the_old_file(example_case, tmp_path, monkeypatch):
    path = tmp_path / "a.tillit"
    save_case(example_case, path)
    before = path.read_bytes()
    example_case.sections["sammanfattning"] = "Ny text"

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(CaseFileError, match="disken är full"):
        save_case(example_case, path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".a.tillit.*.tmp"))


def test_load_recovers_from_backup_left_by_a_crash(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    save_case(example_case, path)
    backup_path_for(path).write_bytes(path.read_bytes())
    path.write_text('{"format": "tillit-desk/1", "profi', encoding="utf-8")  # torn write
    result = load_case(path)
    assert result.recovered_from == backup_path_for(path)
    assert result.case == example_case


def test_load_recovers_from_complete_temp_file(example_case, tmp_path):
    path = tmp_path / "a.tillit"
    (tmp_path / ".a.tillit.4242.tmp").write_text(case_to_json(example_case), encoding="utf-8")
    result = load_case(path)
    assert result.case == example_case
    assert result.recovered_from.name == ".a.tillit.4242.tmp"


def test_case_without_motion_round_trips(tmp_path):
    case = Case(profile="generic")
    save_case(case, tmp_path / "b.tillit")
    assert load_case(tmp_path / "b.tillit").case.motion is None


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=texts, section=texts, name=texts, yrkande=texts)
def test_any_unicode_round_trips(tmp_path, title, section, name, yrkande):
    case = Case(profile="generic")
    case.document.title = title
    case.sections["arendet"] = section
    case.motion = Motion(title=title, motionarer=[Motionar(name, "V")], yrkanden=[yrkande])
    path = tmp_path / "h.tillit"
    save_case(case, path)
    assert load_case(path).case == case


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "jätte.tillit"
    with open(path, "wb") as fh:
        fh.truncate(201 * 1024 * 1024)  # sparse: no disk used, but st_size says 201 MB
    with pytest.raises(CaseFileError, match="201 MB, större än gränsen 200 MB"):
        load_case(path)
    assert path.stat().st_size == 201 * 1024 * 1024


# --- issue 14 item 5 and issue 12: the published schema, hostile JSON, lone surrogates ---

BASE = '{"format": "tillit-desk/1", "profile": "generic", "document": {}, "sections": {}'


@pytest.mark.parametrize(("tail", "fragment"), [
    (', "motion": {"motionarer": 5}}', '"motion.motionarer" ska vara lista'),
    (', "motion": {"motionarer": null}}', '"motion.motionarer" ska vara lista'),
    (', "motion": {"yrkanden": true}}', '"motion.yrkanden" ska vara lista'),
    (', "motion": {"motionarer": [{"name": 5}]}}', '"motion.motionarer[0].name" ska vara text'),
    (', "review": {"comments": 5}}', '"review.comments" ska vara lista'),
    (', "review": {"comments": [{"author": 1}]}}', '"review.comments[0].author" ska vara text'),
    (', "review": {"comments": [{"start": "1"}]}}', '"review.comments[0].start" ska vara heltal'),
    (', "review": {"comments": [{"start": -4}]}}', '"review.comments[0].start" ska vara 0 eller'),
    (', "review": {"ignored": [{"section": []}]}}', '"review.ignored[0].section" ska vara text'),
    (', "review": {"status": []}}', '"review.status" ska vara objekt'),
    (', "review": {"versions": [{"data": {"sections": {"a": 1}}}]}}',
     '"review.versions[0].data.sections.a" ska vara text'),
])
def test_wrong_types_anywhere_get_the_swedish_message_with_the_path(tmp_path, tail, fragment):
    path = tmp_path / "fel.tillit"
    path.write_text(BASE + tail, encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_very_deep_json_gets_a_swedish_message(tmp_path):
    path = tmp_path / "djup.tillit"
    path.write_text(BASE + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(CaseFileError, match="för djupt nästlad"):
        load_case(path)


def test_a_5000_digit_number_gets_a_swedish_message(tmp_path):
    path = tmp_path / "tal.tillit"
    path.write_text(BASE + ', "x": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(CaseFileError, match="ett tal med för många siffror"):
        load_case(path)


def test_unknown_keys_of_any_type_are_allowed_everywhere(tmp_path):
    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    data["x_ny"] = [1, {"a": None}]
    data["motion"]["x_ny"] = 1.5
    data["skickas_till"][0]["x_ny"] = True
    data["review"] = {"x_ny": 1, "comments": [{"x_ny": []}], "status": {"arendet": "granskad"}}
    path = tmp_path / "extra.tillit"
    path.write_text(json.dumps(data), encoding="utf-8")
    save_case(load_case(path).case, path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["motion"]["x_ny"] == 1.5 and again["review"]["comments"][0]["x_ny"] == []


def test_the_published_schema_accepts_the_example_and_is_the_one_used():
    import fastjsonschema

    from tillit_desk.caseschema import schema

    published = json.loads((Path(__file__).parents[1] / "docs" / "tillit-desk-1.schema.json")
                           .read_text(encoding="utf-8"))
    assert schema() == published
    fastjsonschema.compile(published)(json.loads(EXAMPLE_CASE.read_text(encoding="utf-8")))


def test_a_lone_surrogate_is_cleaned_on_load_with_a_warning_and_the_case_saves(tmp_path):
    path = tmp_path / "surrogat.tillit"
    path.write_text(BASE[:-len(', "sections": {}')] +
                    ', "sections": {"arendet": "före \\ud800 efter"}, "x_\\udfff": "\\udc00"}',
                    encoding="utf-8")
    result = load_case(path)
    assert result.case.sections["arendet"] == "före \ufffd efter"
    assert result.case.extra == {"x_\ufffd": "\ufffd"}
    assert len(result.warnings) == 1 and "ogiltiga tecken" in result.warnings[0]
    save_case(result.case, path)
    assert load_case(path).warnings == []


def test_a_case_holding_a_lone_surrogate_in_memory_still_saves(tmp_path):
    case = Case(profile="generic")
    case.sections["arendet"] = "klistrat \udcff in"
    save_case(case, tmp_path / "a.tillit")
    assert load_case(tmp_path / "a.tillit").case.sections["arendet"] == "klistrat \ufffd in"


def test_cli_prints_the_load_warning(tmp_path, capsys):
    from tillit_desk.cli import main as cli

    path = tmp_path / "surrogat.tillit"
    data = json.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data).replace('"title": "', '"title": "\\ud800', 1),
                    encoding="utf-8")
    assert cli(["export", str(path), "-o", str(tmp_path / "a.docx")]) == 0
    assert "ogiltiga tecken" in capsys.readouterr().err


def test_case_copy_shares_nothing_with_the_case():
    """What a worker thread or an undo step holds never changes with the live case."""
    case = load_case(EXAMPLE_CASE).case
    case.review = {"comments": [{"id": "1", "text": "Se över"}], "status": {"arendet": "klar"}}
    case.extra["okand"] = {"lista": [1]}
    snapshot = case.copy()
    case.review["comments"].append({"id": "2", "text": "Ny"})
    case.review["comments"][0]["text"] = "Ändrad"
    case.review["status"]["arendet"] = "granskad"
    case.extra["okand"]["lista"].append(2)
    case.layout.not_relevant.append("barnets_basta")
    case.motion.yrkanden.append("att något mer")
    assert snapshot.review == {"comments": [{"id": "1", "text": "Se över"}],
                               "status": {"arendet": "klar"}}
    assert snapshot.extra["okand"] == {"lista": [1]}
    assert "barnets_basta" not in snapshot.layout.not_relevant
    assert "att något mer" not in snapshot.motion.yrkanden
    assert snapshot.to_dict() != case.to_dict()


# --- layout.decision_style, no_decision_chain, order (a Word document's own form) ---

@pytest.mark.parametrize(("layout", "fragment"), [
    ('{"decision_style": "punkter"}', '"layout.decision_style" ska vara'),
    ('{"decision_style": 3}', '"layout.decision_style"'),
    ('{"no_decision_chain": "ja"}', '"layout.no_decision_chain" ska vara true eller false'),
    ('{"headings": []}', '"layout.headings" ska vara objekt'),
    ('{"not_relevant": [1]}', '"layout.not_relevant[0]" ska vara text'),
    ('{"order": "arendet"}', '"layout.order" ska vara lista'),
])
def test_a_bad_layout_gets_the_swedish_message_with_the_path(tmp_path, layout, fragment):
    path = tmp_path / "fel.tillit"
    path.write_text(BASE + f', "layout": {layout}}}', encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert fragment in str(info.value)


def test_the_decision_form_round_trips_and_older_files_stay_byte_for_byte(example_case,
                                                                          tmp_path):
    import fastjsonschema

    from tillit_desk.caseschema import schema

    plain = tmp_path / "utan.tillit"
    save_case(example_case, plain)
    before = plain.read_bytes()
    save_case(load_case(plain).case, plain)
    assert plain.read_bytes() == before and b'"decision_style"' not in before
    example_case.layout.decision_style = "bullets"
    example_case.layout.no_decision_chain = True
    example_case.layout.order = ["forslag_till_beslut", "sammanfattning"]
    path = tmp_path / "med.tillit"
    save_case(example_case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["layout"] == {"headings": {}, "added": [], "not_relevant": [],
                              "decision_style": "bullets", "no_decision_chain": True,
                              "order": ["forslag_till_beslut", "sammanfattning"]}
    fastjsonschema.compile(schema())(data)
    again = load_case(path).case.layout
    assert (again.decision_style, again.no_decision_chain) == ("bullets", True)
    assert again.order == ["forslag_till_beslut", "sammanfattning"]
