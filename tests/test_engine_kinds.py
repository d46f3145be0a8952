"""Kinds of phrasing the engine reads, each with an invented example (issue 9's list).

Every text here is written for the test; none comes from a report the project is measured on.
"""
from __future__ import annotations

import pytest

from velferdsgraf.graph.extract import extract
from velferdsgraf.graph.types import EntityType, RelationKind
from velferdsgraf.input.document import Document


def _run(text: str, lang: str = "nb"):
    return extract(Document("t", text, lang=lang))


def _names(x, etype: EntityType) -> set[str]:
    return {m.name for m in x.mentions if m.type is etype}


def _pairs(x, kind: RelationKind) -> set[tuple[str, str]]:
    """(subject, object) pairs, each side as written and by its canonical name."""
    return {(s, o) for r in x.relations if r.kind is kind and r.object is not None
            for s in {r.subject.name, r.subject.surface} for o in {r.object.name, r.object.surface}}


def _roles(x) -> set[tuple[str, str, str | None]]:
    """(person, role, organisation) with the organisation as written, or its canonical name."""
    out = set()
    for r in x.relations:
        if r.kind is RelationKind.MEMBERSHIP:
            for org in ({r.object.surface, r.object.name} if r.object else {None}):
                out.add((r.subject.name, r.role.name.lower(), org))
    return out


@pytest.mark.parametrize("text, lang, event", [
    ("Velferdskonferansen 2025 samlet 300 deltakere i Hamar.", "nb", "Velferdskonferansen 2025"),
    ("Frivillighetsuka starter mandag med åpent hus.", "nb", "Frivillighetsuka"),
    ("Sundhedskonferencen blev holdt i Vejle.", "da", "Sundhedskonferencen"),
    ("Nätverksträffen hölls i Malmö i maj.", "sv", "Nätverksträffen"),
])
def test_compound_event_nouns_are_events_without_quotes(text, lang, event):
    assert event in _names(_run(text, lang), EntityType.EVENT)


def test_generic_event_nouns_and_surnames_are_not_events():
    x = _run("Konferansen samlet mange. Tomas Festing var der ikke, og Stortinget hadde møte.")
    assert _names(x, EntityType.EVENT) == set()


def test_an_owners_event_and_its_short_form_are_one_event():
    x = _run("Fylkesforbundets ledersamling ble holdt i Bodø. Ledersamlingen varte i to dager.")
    assert _names(x, EntityType.EVENT) == {"Fylkesforbundets ledersamling"}


def test_programme_page_speakers_take_part_in_the_page_event_only():
    x = _run("Program for Ledersamling Innlandet 2026\n"
             "09:00 Velkommen. Kari Nordmann, regiondirektør KS\n"
             "10:00 Årsmøte\n"
             "10:30 Ola Hansen, rådgiver Husbanken\n")
    assert {(s, o) for s, o in _pairs(x, RelationKind.PARTICIPATES_IN)} == {
        ("Kari Nordmann", "Ledersamling Innlandet 2026"), ("Ola Hansen", "Ledersamling Innlandet 2026")}
    assert ("Kari Nordmann", "regiondirektør", "KS") in _roles(x)


def test_organisers_take_part_but_funders_do_not():
    x = _run("Velferdsdagen 2026 arrangeres i Hamar.\n\nArrangørene er Husbanken og KS. "
             "Arrangementet har fått penger fra Sparebankstiftelsen DNB.")
    pairs = _pairs(x, RelationKind.PARTICIPATES_IN)
    assert {("Husbanken", "Velferdsdagen 2026"), ("KS", "Velferdsdagen 2026")} <= pairs
    assert not any(p[0].startswith("Sparebankstiftelsen") for p in pairs)


def test_persons_named_in_a_report_about_an_initiative_are_not_its_participants():
    x = _run("Kvalitetsreformen skal gi eldre et bedre liv. Kari Nordmann er glad for satsingen.")
    assert "Kvalitetsreformen" in _names(x, EntityType.INITIATIVE)
    assert _pairs(x, RelationKind.PARTICIPATES_IN) == set()


def test_labels_glued_to_names_are_cut_off():
    x = _run("OrdstyrerKari Nordmann leder debatten.\nFoto: Ola HansenFoto")
    assert {"Kari Nordmann", "Ola Hansen"} <= _names(x, EntityType.PERSON)


@pytest.mark.parametrize("text, lang, role", [
    ("Kari Nordmann er ordfører i Eidsberg kommune.", "nb", ("Kari Nordmann", "ordfører", "Eidsberg")),
    ("Ordfører Kari Nordmann (Sp), Eidsberg, åpnet møtet.", "nb", ("Kari Nordmann", "ordfører", "Eidsberg")),
    ("ordfører i Eidsberg: Kari Nordmann", "nb", ("Kari Nordmann", "ordfører", "Eidsberg")),
    ("Ann Berg, jurist i helsedirektoratet, innledet.", "nb", ("Ann Berg", "jurist", "Helsedirektoratet")),
    ("Socialchef Erik Johansson från Motala kommun deltog.", "sv", ("Erik Johansson", "socialchef", "Motala")),
    ("Borgmester Mette Jensen, Vejle Kommune, deltog.", "da", ("Mette Jensen", "borgmester", "Vejle")),
])
def test_titles_attach_to_the_organisation_the_text_names(text, lang, role):
    assert role in _roles(_run(text, lang))


def test_a_former_and_a_present_title_are_both_recorded():
    x = _run("Kari Nordmann, tidligere leder av Kirkens Bymisjon, nå direktør i Husbanken, innledet.")
    roles = _roles(x)
    assert ("Kari Nordmann", "tidligere leder", "Kirkens Bymisjon") in roles
    assert ("Kari Nordmann", "direktør", "Husbanken") in roles


def test_party_after_a_name_is_an_affiliation_with_the_party():
    x = _run("– Det er viktig, sier Kari Nordmann (Sp).")
    assert ("Kari Nordmann", "Senterpartiet") in _pairs(x, RelationKind.AFFILIATION)


def test_name_comma_organisation_on_a_programme_line():
    x = _run("Panel: Per Olsen, Husbanken, og Lise Berg, NAV Hamar\n")
    assert {("Per Olsen", "Husbanken"), ("Lise Berg", "NAV Hamar")} <= _pairs(x, RelationKind.AFFILIATION)


def test_slash_lists_and_a_misspelling_before_kommune_name_municipalities():
    x = _run("Prosjektet omfatter Hobøl/Spydeberg. Ordføreren i Eidsvol kommune er positiv.")
    assert {"Hobøl", "Spydeberg", "Eidsvoll"} <= _names(x, EntityType.MUNICIPALITY)


@pytest.mark.parametrize("text, initiative", [
    ("Nasjonalt frivillighetsprogram gir støtte til kommunene.", "Nasjonalt frivillighetsprogram"),
    ("Arbeidet startet med kommunereformen i 2020.", "kommunereformen"),
    ("Helsefellesskap Hadeland og Toten møtes i Gran.", "Helsefellesskap Hadeland og Toten"),
])
def test_initiatives_named_by_a_compound(text, initiative):
    assert initiative in _names(_run(text), EntityType.INITIATIVE)


def test_a_definite_compound_before_a_name_is_a_cue_not_a_name():
    x = _run("Kvalitetsreformen «Leve hele livet» la vekt på mat og aktivitet.")
    assert _names(x, EntityType.INITIATIVE) == {"Leve hele livet"}


def test_a_speaker_at_the_event_of_the_sentence_takes_part():
    x = _run("Kari Nordmann holdt innlegg på Arendalsuka om frivillighet.")
    assert ("Kari Nordmann", "Arendalsuka") in _pairs(x, RelationKind.PARTICIPATES_IN)


def test_the_venue_of_an_event_is_not_a_participant():
    x = _run("Over 100 deltok på konferansen «Sammen om velferd» i Hamar. "
             "Blant innlederne var Kari Nordmann fra KS.")
    pairs = _pairs(x, RelationKind.PARTICIPATES_IN)
    assert ("Kari Nordmann", "Sammen om velferd") in pairs
    assert not any(s == "Hamar" for s, _ in pairs)


@pytest.mark.parametrize("text, lang, role", [
    ("FKR:s ordförande Nils Berglund talade om välfärden.", "sv", ("Nils Berglund", "ordförande", "FKR")),
    ("Kommunalrådet Anna Svensson (S) välkomnade alla.", "sv", ("Anna Svensson", "kommunalråd", None)),
    ("Kari Nordmann jobber som rådgiver i Husbanken.", "nb", ("Kari Nordmann", "rådgiver", "Husbanken")),
    ("Kari Nordmann (45) er ny rådmann i Lom.", "nb", ("Kari Nordmann", "rådmann", "Lom")),
    ("Anna Svensson (S), kommunstyrelsens ordförande i Motala, talade.", "sv",
     ("Anna Svensson", "kommunstyrelsens ordförande", "Motala")),
])
def test_more_title_layouts(text, lang, role):
    assert role in _roles(_run(text, lang))


def test_name_dash_title_comma_organisation_lines():
    roles = _roles(_run("Kari Nordmann – leder, Husbanken\nOla Hansen – rådgiver, KS\n"))
    assert {("Kari Nordmann", "leder", "Husbanken"), ("Ola Hansen", "rådgiver", "KS")} <= roles
    assert ("Ola Hansen", "leder", "Husbanken") not in roles


@pytest.mark.parametrize("text, lang, pair", [
    ("Partnerskabet «Sammen om ældre» mellem Tårnby Kommune og Danske Seniorer blev underskrevet.", "da",
     ("Danske Seniorer", "Sammen om ældre")),
    ("Motala kommun och Socialstyrelsen deltar i nätverket «Välfärd i fokus».", "sv", ("Socialstyrelsen", "Välfärd i fokus")),
    ("Seks kommuner deltar i Helsefellesskapet Innlandet: Lom, Vågå og Sel.", "nb", ("Vågå", "Helsefellesskapet Innlandet")),
])
def test_partners_of_a_named_initiative_in_every_language(text, lang, pair):
    assert pair in _pairs(_run(text, lang), RelationKind.PARTICIPATES_IN)


def test_a_municipal_unit_named_with_its_place_is_an_organisation_in_it():
    x = _run("Ungdomsrådet i Eidsberg kommune møtte ordføreren. Barnevernet i Nordfjord har fått ny leder.")
    assert {"Ungdomsrådet i Eidsberg kommune", "Barnevernet i Nordfjord"} <= _names(x, EntityType.ORGANISATION)
    assert ("Ungdomsrådet i Eidsberg kommune", "Eidsberg") in _pairs(x, RelationKind.LOCATED_IN)


def test_table_cells_on_lines_of_their_own_state_roles():
    x = _run("Medlemmer\n\nKari Nordmann\nkommunalsjef\nhelse og omsorg\nEidsberg kommune\n"
             "Ola Hansen\nrådgiver\nHusbanken\n\nLise Berg\n")
    roles = _roles(x)
    assert ("Kari Nordmann", "kommunalsjef", "Eidsberg") in roles
    assert ("Ola Hansen", "rådgiver", "Husbanken") in roles
    assert not any(r[0] == "Lise Berg" for r in roles)


@pytest.mark.parametrize("text, role", [
    ("Det sier Kari Nordmann. Han jobber som kontaktperson for unge i NAV Lom.",
     ("Kari Nordmann", "kontaktperson for unge", "NAV Lom")),
    ("– Viktig, sier Kari Nordmann, kulturpolitisk talsperson i Venstre.",
     ("Kari Nordmann", "kulturpolitisk talsperson", "Venstre")),
])
def test_pronoun_work_phrases_and_adjectives_before_titles(text, role):
    assert role in _roles(_run(text))


def test_the_body_an_event_is_named_after_takes_part_but_not_its_venue():
    x = _run("Offisiell åpning av NAV Eidsberg\n\nFredag var det fest. Møtet ble holdt i Hamar.")
    pairs = _pairs(x, RelationKind.PARTICIPATES_IN)
    assert ("NAV Eidsberg", "Offisiell åpning av NAV Eidsberg") in pairs
    x = _run("Velferdskonferansen i Hamar 2026 samlet mange.")
    assert not any(s == "Hamar" for s, _ in _pairs(x, RelationKind.PARTICIPATES_IN))


def test_organisations_listed_under_an_organiser_cue_run_the_page_event():
    x = _run("Frivillighetskonferansen 2026\n\nVelkommen ved de tre arrangørene:\n"
             "  • Kari Nordmann, leder i Husbanken,\n  • Ola Hansen, direktør i Bufdir\n\nLunsj\n")
    pairs = _pairs(x, RelationKind.PARTICIPATES_IN)
    assert {("Husbanken", "Frivillighetskonferansen 2026"), ("Kari Nordmann", "Frivillighetskonferansen 2026")} <= pairs


def test_a_national_body_and_a_region_is_its_regional_branch():
    x = _run("Frode Dalen, dagleg leiar, KS Innlandet, innleia.", "nn")
    assert ("Frode Dalen", "dagleg leiar", "KS Innlandet") in _roles(x)


def test_a_name_after_a_cue_runs_to_the_end_of_its_clause_but_not_past_a_verb():
    x = _run("Hun presenterte prosjektet Trygg oppvekst i kommunal sektor. Satsingen Leve vel og har mange venner.")
    assert "Trygg oppvekst i kommunal sektor" in _names(x, EntityType.INITIATIVE)
    assert not any("har" in n for n in _names(x, EntityType.INITIATIVE))


def test_a_programme_without_a_title_event_uses_the_event_its_opening_sentence_names():
    x = _run("På Nettverkssamlinga møtest alle formannskapa i regionen. Stad: Fjordhotellet\n"
             "09:00 Velkomen ved Kari Nordmann, KS\n10:00 Ola Hansen, Husbanken\n"
             "Nettverkssamlinga blir avslutta med middag.\n", "nn")
    pairs = _pairs(x, RelationKind.PARTICIPATES_IN)
    assert {("Kari Nordmann", "Nettverkssamlinga"), ("Ola Hansen", "Nettverkssamlinga")} <= pairs


@pytest.mark.parametrize("text, lang, pair", [
    ("Mötet Välfärd i Motala 2026\nDeltagare: Anna Svensson, Motala kommun, och Erik Berg, Region Örebro.\n", "sv",
     ("Anna Svensson", "Mötet Välfärd i Motala 2026")),
    ("Konferencen Fremtidens pleje 2026\nOplægsholdere: Jens Hansen fra Tårnby Kommune.\n", "da",
     ("Jens Hansen", "Konferencen Fremtidens pleje 2026")),
])
def test_labelled_participant_lines_in_danish_and_swedish(text, lang, pair):
    assert pair in _pairs(_run(text, lang), RelationKind.PARTICIPATES_IN)


@pytest.mark.parametrize("text, lang, role", [
    ("Formand: Borgmester Jens Hansen, Tårnby Kommune\n", "da", ("Jens Hansen", "borgmester", "Tårnby Kommune")),
    ("Regionsrådsformand Ulla Jensen og sundhedsdirektør Ole Holm, begge Region Sjælland.\n", "da",
     ("Ole Holm", "sundhedsdirektør", "Region Sjælland")),
    ("Ordförande är Anna Svensson (S), Motala. Hon leder mötet.\n", "sv", ("Anna Svensson", "ordförande", "Motala")),
])
def test_danish_and_swedish_committee_layouts(text, lang, role):
    assert role in _roles(_run(text, lang))
