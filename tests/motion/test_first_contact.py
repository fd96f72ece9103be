"""Layouts the nine regional, KD and other motions added in session 4 brought (see
tests/fixtures/motions/real/SOURCES.md), written small: each failed on first contact."""

from __future__ import annotations

import pytest

from tillit_desk.motion.parser import parse_motion
from tillit_desk.motion.text import join_lines

BODY = "Fler bänkar\n\nParken saknar bänkar och många äldre har svårt att vila där.\n\n"


def people(parsed) -> list[tuple[str, str]]:
    return [(p.name, p.party) for p in parsed.motion.motionarer]


def test_a_motion_om_heading_that_ends_with_a_period_is_the_title() -> None:
    parsed = parse_motion("Motion om bättre ambulanstäckning i Norra Värmland.\n\n"
                          "Ambulansen behövs dygnet runt i hela länet.\n\nMed anledning av "
                          "ovanstående yrkar Sverigedemokraterna på:\n– att regionen ser över "
                          "ambulanserna.\n\nSverigedemokraterna Region Värmland\n")
    assert parsed.motion.title == "Motion om bättre ambulanstäckning i Norra Värmland"


def test_names_side_by_side_end_the_last_att_sats() -> None:
    # a compact Word file or a pasted PDF: no blank line and no full stop before the names
    parsed = parse_motion(BODY + "Vi föreslår därför:\n• att regionen lånar ut rollatorer genom "
                          "Hjälpmedel SAM\nJennie Forsblom     Lili André\n")
    assert parsed.motion.yrkanden == [
        "att regionen lånar ut rollatorer genom Hjälpmedel SAM"]
    assert people(parsed) == [("Jennie Forsblom", ""), ("Lili André", "")]


def test_an_unmarked_att_line_in_a_marked_list_continues_the_item() -> None:
    # PDF wrap right before "att": the item had a dash, the next item would have one too
    parsed = parse_motion(BODY + "Vi yrkar på:\n\n– att regionen återinsätter byte av personal "
                          "i Likenäs och\natt det tas i beaktande i kommande budget.\n\n"
                          "Anna Berg (C)\n")
    assert parsed.motion.yrkanden == [
        "att regionen återinsätter byte av personal i Likenäs och att det tas i beaktande i "
        "kommande budget."]


def test_a_suspended_compound_hyphen_at_a_line_end_keeps_hyphen_and_space() -> None:
    assert join_lines(["inköpsförbud av hygien-", "och rengöringsartiklar"]) == \
        "inköpsförbud av hygien- och rengöringsartiklar"
    assert join_lines(["kommunens studie-", "eller yrkesvägledning"]) == \
        "kommunens studie- eller yrkesvägledning"


def test_the_register_form_with_bada_and_yrkar_i_motion_inkommen() -> None:
    text = ("Låt Västmanlänningarna få vara delaktiga i storregionsfrågan\n\nMotion LTV 160412\n\n"
            "Datum\n\n2016-03-09\n\nMaria Liljedahl och Ann-Christine From Utterstedt (båda SD) "
            "yrkar i motion inkommen 2016-03-09 att:\n\n• Landstingsstyrelsen ges i uppdrag att "
            "ordna en folkomröstning\n• Landstingsstyrelsen ges i uppdrag att formulera frågan\n\n"
            "Landstingsfullmäktige har behandlat motionen den 23 november §149\n\n"
            "Fullmäktige beslutar att avslå motionen.\n")
    parsed = parse_motion(text)
    assert parsed.motion.yrkanden == [
        "Landstingsstyrelsen ges i uppdrag att ordna en folkomröstning",
        "Landstingsstyrelsen ges i uppdrag att formulera frågan"]
    assert people(parsed) == [("Maria Liljedahl", "SD"), ("Ann-Christine From Utterstedt", "SD")]
    assert parsed.motion.submitted == "2016-03-09"


def test_names_without_party_take_the_party_that_makes_the_proposal_in_the_text() -> None:
    parsed = parse_motion("Motion om medborgarförslag\n\nMedborgarförslagen ger demokratin ny "
                          "kraft. Vänsterpartiet i Falkenberg vill därför gå ett steg längre och "
                          "låta förslagsställaren tala i fullmäktige.\n\nFalkenberg den 20 "
                          "december 2011\n\nPer Sjövall, Mikael Hallberg\n")
    assert people(parsed) == [("Per Sjövall", "V"), ("Mikael Hallberg", "V")]
    assert "motionarer" in parsed.unsure() or parsed.notes["motionarer"]
    # two parties named as proposers: no guess
    two = parse_motion("Motion om medborgarförslag\n\nMedborgarförslagen ger demokratin ny kraft. "
                       "Vänsterpartiet vill därför gå ett steg längre, och Miljöpartiet föreslår "
                       "därför samma sak i sitt program.\n\nPer Sjövall, Mikael Hallberg\n")
    assert people(two) == [("Per Sjövall", ""), ("Mikael Hallberg", "")]


def test_a_diarienummer_on_its_own_line_is_not_the_title() -> None:
    parsed = parse_motion("KS 2024/0311\nMotion till kommunfullmäktige i Sigtuna\n\n" + BODY
                          + "Jag föreslår att kommunfullmäktige beslutar\natt kommunen ställer ut "
                          "fler bänkar.\n\nMärsta den 12 mars\n\nLars Ek (KD)\n")
    assert parsed.motion.title == "Fler bänkar"
    assert parsed.motion.submitted == "2024-03-12"  # the year from the diarienummer


def test_another_partys_proposal_in_the_argument_gives_no_party() -> None:
    # a motion that criticises what another party proposes: that party did not sign it
    parsed = parse_motion("Motion om skatten\n\nModeraterna föreslår att skatten sänks, men då "
                          "räcker pengarna inte till skolan och omsorgen som kommunen ansvarar "
                          "för.\n\nJag yrkar att kommunen behåller skattesatsen.\n\nPer Sjövall, "
                          "Mikael Hallberg\n")
    assert people(parsed) == [("Per Sjövall", ""), ("Mikael Hallberg", "")]


def test_the_letterhead_is_no_motionar() -> None:
    parsed = parse_motion("UPPSALA KOMMUN\nKommunfullmäktige\n\nMotion\nDatum: 2023-03-01\n"
                          "Motionär: Karin Wall (L)\nÄmne: Fler bänkar\n\nParken saknar bänkar "
                          "och många äldre har svårt att vila där när de går förbi.\n\n"
                          "Kommunfullmäktige föreslås besluta\n- att kommunen ställer ut bänkar.\n")
    assert people(parsed) == [("Karin Wall", "L")]
    assert parsed.motion.title == "Fler bänkar"


def test_page_furniture_inside_the_att_satser_is_dropped() -> None:
    # text pasted from a PDF: the running head and the footer sit between two att-satser
    parsed = parse_motion(
        "MOTION                          1(2)\nMotion till Lunds kommunfullmäktige\n\n"
        "Fler bänkar\n\nParken saknar bänkar och många äldre har svårt att vila där.\n\n"
        "Vi föreslår kommunfullmäktige besluta\n\natt kommunen ställer ut bänkar i\n"
        "alla stadsdelar,\nPostadress Box 41, 221 00 Lund | Telefon 046-35 50 00 | www.lund.se\n"
        "MOTION                          2(2)\natt bänkarna underhålls.\n\nLund 2023-11-20\n\n"
        "Anna Berg (S)\n")
    assert parsed.motion.yrkanden == ["att kommunen ställer ut bänkar i alla stadsdelar,",
                                      "att bänkarna underhålls."]


def test_a_bulleted_item_wrapped_onto_a_capitalised_word_continues() -> None:
    # a hard-wrapped text (width known): the next word would not have fitted on the line
    para = ("Parken i stadsdelen saknar bänkar, och många äldre som bor i området har svårt "
            "att ta\nsig fram till affären utan att vila någonstans på vägen dit och tillbaka "
            "igen från den.\n") * 5
    parsed = parse_motion(
        "Fler bänkar\n\n" + para + "\nVi yrkar att kommunfullmäktige beslutar:\n\na) att "
        "kommunen utreder en cykelbana i samarbete med Trafikverket och\nLänstrafikförvaltningen,"
        "\nb) att kommunen avsätter medel för en förstudie.\n\nAnna Berg (C)\n")
    assert parsed.motion.yrkanden == [
        "att kommunen utreder en cykelbana i samarbete med Trafikverket och "
        "Länstrafikförvaltningen,",
        "att kommunen avsätter medel för en förstudie."]


def test_a_short_pdf_text_keeps_the_wrapped_tail_of_a_lettered_item() -> None:
    # too few lines to measure the width: the tail closes the clause the item left open
    parsed = parse_motion("Cykelbana\n\nVägen saknar cykelbana.\n\nVi yrkar att kommunfullmäktige "
                          "beslutar:\n\na) att kommunen utreder en cykelbana mellan\nBjursås och "
                          "Falun,\n\nb) att kommunen avsätter medel för en förstudie.\n\n"
                          "Anna Berg (C)\n")
    assert parsed.motion.yrkanden == ["att kommunen utreder en cykelbana mellan Bjursås och Falun,",
                                      "att kommunen avsätter medel för en förstudie."]


def test_an_att_sats_that_stops_mid_sentence_is_marked_unsure() -> None:
    # wherever a cut comes from, an att-sats ending in "mellan" has lost its end
    parsed = parse_motion(BODY + "Vi yrkar:\n\n– att kommunen utreder en cykelbana mellan\n\n"
                          "Bjursås och Falun ligger nära varandra.\n\nAnna Berg (C)\n")
    assert parsed.motion.yrkanden == ["att kommunen utreder en cykelbana mellan"]
    assert "yrkanden" in parsed.unsure()
    assert "mitt i" in parsed.notes["yrkanden"]
    # "… samt" and "…, och" end a listed att-sats as written: no doubt there
    fine = parse_motion(BODY + "Vi yrkar:\n\natt kommunen ställer ut bänkar, och\n\natt de "
                        "underhålls.\n\nAnna Berg (C)\n")
    assert "yrkanden" not in fine.unsure()


def test_a_running_text_lead_in_ending_with_a_colon_opens_a_list() -> None:
    parsed = parse_motion(BODY + "Vi föreslår att kommunfullmäktige ger socialnämnden i uppdrag "
                          "att:\n• inrätta en tjänst som äldreombud,\n• informera alla över 75 år."
                          "\n\nGävle 2022-03-15\n\nMaria Ström (KD)\n")
    assert parsed.motion.yrkanden == ["inrätta en tjänst som äldreombud,",
                                      "informera alla över 75 år."]


def test_a_place_and_date_line_is_not_the_title() -> None:
    parsed = parse_motion("MOTION\nKristdemokraterna i Motala\n\nMotala den 12 september 2019\n\n"
                          + BODY + "Vi yrkar\n\natt kommunen ställer ut bänkar.\n\nErik Forslund "
                          "(KD)\n")
    assert parsed.motion.title == "Fler bänkar"
    assert parsed.motion.submitted == "2019-09-12"


def test_a_lead_in_wrapped_right_after_its_att_goes_on_as_running_text() -> None:
    # a PDF broke "… yrkar Sverigedemokraterna att" / "kommunfullmäktige ger …"
    parsed = parse_motion(
        BODY + "Mot bakgrund av ovanstående yrkar Sverigedemokraterna att\nkommunfullmäktige ger "
        "kommunstyrelsen i uppdrag att ansöka om tillstånd\nför kameraövervakning.\n\n"
        "Jimmy Nordengren (SD)\n")
    assert parsed.motion.yrkanden == [
        "att kommunfullmäktige ger kommunstyrelsen i uppdrag att ansöka om tillstånd för "
        "kameraövervakning."]


def test_the_arende_label_names_the_subject_unless_it_is_a_number() -> None:
    parsed = parse_motion("Motion\nÄrende: Ny lekplats i Vikhög\n\nTill kommunfullmäktige i "
                          "Kävlinge\n\nI Vikhög bor många barnfamiljer. Barnen leker på "
                          "parkeringen.\n\nVi yrkar\n\natt en lekplats byggs.\n\nAnna Berg (M)\n")
    assert parsed.motion.title == "Ny lekplats i Vikhög"
    numbered = parse_motion("Ärende: KS 2023/0412\n\nNy lekplats i Vikhög\n\nTill "
                            "kommunfullmäktige i Kävlinge\n\nVi yrkar\n\natt en lekplats "
                            "byggs.\n\nAnna Berg (M)\n")
    assert numbered.motion.title == "Ny lekplats i Vikhög"


@pytest.mark.parametrize("heading", ["YRKANDEN", "Yrkande", "Förslag", "Yrkanden"])
def test_a_yrkande_heading_without_colon_opens_the_att_satser(heading: str) -> None:
    parsed = parse_motion(BODY + heading + "\n\natt kommunen ställer ut bänkar,\n\natt de "
                          "underhålls.\n\nAnna Berg (S)\n")
    assert parsed.motion.yrkanden == ["att kommunen ställer ut bänkar,", "att de underhålls."]


@pytest.mark.parametrize("verb", ["föreslå", "yrka", "hemställa om"])
def test_a_proposal_after_an_infinitive_vill_foresla(verb: str) -> None:
    parsed = parse_motion(BODY + f"Jag vill därför {verb} att kommunfullmäktige ger tekniska "
                          "nämnden i uppdrag att ställa ut fler bänkar.\n\nAnna Nilsson (L)\n")
    assert parsed.motion.yrkanden == [
        "att kommunfullmäktige ger tekniska nämnden i uppdrag att ställa ut fler bänkar."]


def test_a_trigger_verb_inside_the_proposal_does_not_hide_it() -> None:
    # "föreslå" inside the att-clause (Vingåker motion) is not where the proposal starts
    parsed = parse_motion(BODY + "Jag yrkar på att kommunfullmäktige uppdrar till nämnden att se "
                          "över reglementet och föreslå förändringar.\n\nAnna Nilsson (L)\n")
    assert parsed.motion.yrkanden == [
        "att kommunfullmäktige uppdrar till nämnden att se över reglementet och föreslå "
        "förändringar."]


def test_an_att_sats_that_swallowed_a_signature_is_marked_unsure() -> None:
    # no blank line, no full stop, a name with its party glued on by a PDF viewer
    parsed = parse_motion(BODY + "Vi yrkar\n\natt kommunen ställer ut bänkar i parken "
                          "Anna Berg (S) anna.berg@lund.se\n")
    assert "yrkanden" in parsed.unsure()


def test_motion_fran_party_colon_title() -> None:
    parsed = parse_motion("MOTION FRÅN LIBERALERNA: FLER POLISER I CENTRUM\n\nTill "
                          "kommunfullmäktige i Lund\n\n" + BODY.split("\n\n", 1)[1] + "YRKANDE:\n"
                          "att kommunen anställer trygghetsvärdar.\n\nLiberalerna i Lund genom\n"
                          "Anna Berg, gruppledare\n")
    assert parsed.motion.title == "Fler poliser i centrum"  # a shouted title, calmed
    assert people(parsed) == [("Anna Berg", "L")]


@pytest.mark.parametrize("heading", [
    "Att-satser:", "Beslutsförslag\nKommunfullmäktige beslutar att", "Kommunfullmäktige beslutar:"])
def test_more_headings_over_the_proposals(heading: str) -> None:
    parsed = parse_motion(BODY + heading + "\n1. kommunen ställer ut bänkar,\n2. bänkarna "
                          "underhålls.\n\nAnna Berg (S)\n")
    assert parsed.motion.yrkanden == ["kommunen ställer ut bänkar,", "bänkarna underhålls."]


def test_a_row_of_parties_under_a_row_of_names() -> None:
    parsed = parse_motion(BODY + "Vi yrkar\n\natt kommunen ställer ut bänkar.\n\n"
                          "Anna Berg          Bo Ek\n(S)                (V)\n")
    assert people(parsed) == [("Anna Berg", "S"), ("Bo Ek", "V")]


def test_forslag_till_beslut_with_colon_over_a_proposal_without_att() -> None:
    parsed = parse_motion(BODY + "Förslag till beslut:\nKommunen ställer ut fler bänkar i parken."
                          "\n\nAnna Berg (S)\n")
    assert parsed.motion.yrkanden == ["Kommunen ställer ut fler bänkar i parken."]


def test_roman_numerals_before_the_att_satser() -> None:
    parsed = parse_motion(BODY + "Vi yrkar\n\nI. att kommunen ställer ut bänkar,\nII. att de "
                          "underhålls,\nIII. att arbetet redovisas.\n\nAnna Berg (S)\n")
    assert parsed.motion.yrkanden == ["att kommunen ställer ut bänkar,", "att de underhålls,",
                                      "att arbetet redovisas."]


@pytest.mark.parametrize("line", ["Ärende 14", "Punkt 7", "§ 112", "Bilaga 3"])
def test_an_agenda_number_is_not_the_title(line: str) -> None:
    parsed = parse_motion(f"Kommunfullmäktige 2023-05-22\n{line}\n\nMotion om fler bänkar\n\n"
                          + BODY.split("\n\n", 1)[1] + "Vi yrkar\n\natt kommunen ställer ut "
                          "bänkar.\n\nAnna Berg (S)\n")
    assert parsed.motion.title == "Motion om fler bänkar"


@pytest.mark.parametrize(("signature", "expected"), [
    ("För Socialdemokraternas fullmäktigegrupp\nAnna Berg\nBo Ek", [("Anna Berg", "S"),
                                                                   ("Bo Ek", "S")]),
    ("Anna Berg m.fl. (S)", [("Anna Berg", "S")]),
    ("Anna Berg med flera (V)", [("Anna Berg", "V")]),
    ("Anna Berg (Lokala Partiet)", [("Anna Berg", "Lokala Partiet")]),
])
def test_more_real_signature_forms(signature: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse_motion(BODY + "Vi yrkar\n\natt kommunen ställer ut bänkar.\n\n" + signature
                          + "\n")
    assert people(parsed) == expected


def test_the_meeting_line_in_the_header_is_not_the_motions_date_or_addressee() -> None:
    parsed = parse_motion("Regionfullmäktige 2024-02-13\nÄrende 9\n\nMotion till "
                          "regionfullmäktige i Region Uppsala\n\n" + BODY + "Vi yrkar\n\natt "
                          "regionen ställer ut bänkar.\n\nUppsala 12/1 -24\n\nMaria Lund (S)\n")
    assert parsed.motion.addressed_to == "regionfullmäktige i Region Uppsala"
    assert parsed.motion.submitted == "2024-01-12"
