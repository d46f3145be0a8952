"""The pattern rules on sentences written for these tests (not from the sample reports)."""
from __future__ import annotations

import pytest

from velferdsgraf.graph.extractors.patterns import PatternExtractor
from velferdsgraf.graph.types import EntityType, RelationKind
from velferdsgraf.input.document import Document


def run(text: str):
    return PatternExtractor().extract(Document("t", text))


def names(text: str, etype: EntityType) -> list[str]:
    return sorted({m.name for m in run(text).mentions if m.type is etype})


def memberships(text: str) -> set[tuple[str, str, str | None]]:
    return {
        (r.subject.name, r.role.name, r.object.name if r.object else None)
        for r in run(text).relations
        if r.kind is RelationKind.MEMBERSHIP
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Møtet ble åpnet av Kari Nordmann, rådgiver i Helsedirektoratet.", {"Kari Nordmann"}),
        ("– Vi må samarbeide mer, sier Håkon Berg-Olsen.", {"Håkon Berg-Olsen"}),
        ("Innleder var Torbjørn H. Lie fra Kreftforeningen.", {"Torbjørn H. Lie"}),
        ("Ordfører Ingvild Sæther åpnet dagen.", {"Ingvild Sæther"}),
    ],
)
def test_patterns_finds_persons(text, expected):
    assert set(names(text, EntityType.PERSON)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kari Nordmann, seniorrådgiver i Barne-, ungdoms- og familiedirektoratet, innledet.",
         {("Kari Nordmann", "seniorrådgiver", "Barne-, ungdoms- og familiedirektoratet")}),
        ("Prosjektleder i Pårørendealliansen, Ola Dahl, presenterte funnene.",
         {("Ola Dahl", "prosjektleder", "Pårørendealliansen")}),
        ("Deltakere var Siri Holm, daglig leder i Fretex AS, og Per Lie, styreleder i Fysioterapiforbundet.",
         {("Siri Holm", "daglig leder", "Fretex AS"), ("Per Lie", "styreleder", "Fysioterapiforbundet")}),
        ("Hanne Moe, prosjektleder og avdelingsdirektør i Kreftforeningen, var til stede.",
         {("Hanne Moe", "prosjektleder", "Kreftforeningen"), ("Hanne Moe", "avdelingsdirektør", "Kreftforeningen")}),
        ("Teksten er skrevet av\nKnut Aas, kommunalsjef for helse og omsorg", {("Knut Aas", "kommunalsjef for helse og omsorg", None)}),
    ],
)
def test_patterns_memberships(text, expected):
    assert memberships(text) == expected


def test_patterns_affiliation_from_fra():
    result = run("Blant innlederne var Kari Nordmann fra Stiftelsen Dam og Per Lie fra Norsk Sykepleierforbund.")
    pairs = {(r.subject.name, r.object.name) for r in result.relations if r.kind is RelationKind.AFFILIATION}
    assert pairs == {("Kari Nordmann", "Stiftelsen Dam"), ("Per Lie", "Norsk Sykepleierforbund")}


def test_patterns_pronoun_takes_titles_of_last_person():
    text = "Samlingen ble ledet av Eva Lund. Hun er sosiolog og forfatter."
    assert ("Eva Lund", "sosiolog", None) in memberships(text)


def test_patterns_quoted_names_typed_by_context():
    text = "Kommunen deltar i prosjektet «Trygg hjemme» og inviterer til konferansen «Velferd 2030»."
    result = run(text)
    typed = {(m.type, m.name) for m in result.mentions}
    assert (EntityType.INITIATIVE, "Trygg hjemme") in typed
    assert (EntityType.EVENT, "Velferd 2030") in typed


def test_patterns_quote_after_relative_clause_is_not_a_name():
    assert names("Vi må lage prosjekter som «binder oss sammen».", EntityType.INITIATIVE) == []


def test_patterns_list_lines_give_organisations():
    text = "Deltakere\nFrivillighet: Røde Kors, Kirkens Bymisjon og Frelsesarmeen\n"
    assert names(text, EntityType.ORGANISATION) == ["Frelsesarmeen", "Kirkens Bymisjon", "Røde Kors"]


def test_patterns_acronym_of_initiative_is_an_alias():
    text = "Arbeidet skjer i Helsedirektoratets program for bedre samhandling. PBS har egne nettsider."
    result = run(text)
    acronym = [m for m in result.mentions if m.surface == "PBS"]
    assert acronym and acronym[0].name == "Helsedirektoratets program for bedre samhandling"


def test_patterns_offsets_are_exact():
    text = "Onsdag åpnet «Sammen for barna». Kari Nordmann, rådgiver i Redd Barna, snakket."
    for m in run(text).mentions:
        assert text[m.start:m.end] == m.surface


def run_all(text: str):
    from velferdsgraf.graph.extract import extract

    return extract(Document("t", text), ["gazetteer", "patterns"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Saken ble tatt opp av Hamars kommunedirektør Tove Lind i går.", ("Tove Lind", "kommunedirektør", "Hamar")),
        ("Stange-ordfører Nils Ivar Haugen åpnet møtet.", ("Nils Ivar Haugen", "ordfører", "Stange")),
        ("Kommunalsjef i Lier Morten Aas la fram planen.", ("Morten Aas", "kommunalsjef", "Lier")),
        ("Fra Løten kommune deltok rådgiver Ida Berg.", ("Ida Berg", "rådgiver", "Løten")),
        ("Forsker Maja Lind ved Universitetet i Bergen deltok.", ("Maja Lind", "forsker", "Universitetet i Bergen")),
    ],
)
def test_patterns_memberships_with_gazetteer(text, expected):
    found = {(r.subject.name, r.role.name, r.object.name if r.object else None)
             for r in run_all(text).relations if r.kind is RelationKind.MEMBERSHIP}
    assert expected in found


def test_patterns_municipality_inside_organisation_gives_located_in():
    result = run_all("Hun er frivillig i Kirkens Bymisjon Hamar.")
    pairs = {(r.subject.name, r.object.name) for r in result.relations if r.kind is RelationKind.LOCATED_IN}
    assert pairs == {("Kirkens Bymisjon Hamar", "Hamar")}


def test_patterns_generic_unit_alone_is_not_an_organisation():
    result = run_all("NAV-kontoret har fått nye lokaler. Nettverket møtes igjen i mai.")
    assert [m for m in result.mentions if m.type is EntityType.ORGANISATION] == []


def test_patterns_coordinated_names_share_the_organisation_after_them():
    text = "Overlege Ola Dahl og sykepleier Eva Moe fra Fretex AS kom."
    found = {(r.kind, r.subject.name, r.object.name if r.object else None) for r in run(text).relations}
    assert (RelationKind.AFFILIATION, "Ola Dahl", "Fretex AS") in found
    assert (RelationKind.AFFILIATION, "Eva Moe", "Fretex AS") in found
    assert (RelationKind.MEMBERSHIP, "Ola Dahl", "Fretex AS") in found


def test_patterns_title_er_name():
    assert ("Ingrid Holm", "prosjektleder", None) in memberships("Prosjektleder er Ingrid Holm.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Maten kom fra Fretex og Kirkens Bymisjon.", {"Fretex", "Kirkens Bymisjon"}),
        ("Vakter stilte Trondheim Røde Kors med.", {"Trondheim Røde Kors"}),
        ("Hun jobber i Rema 1000 Langhus.", {"Rema 1000 Langhus"}),
        ("Assisterende statsforvalter i Innlandet Per Vik kom.", set()),
        ("Samarbeidet i Drammensregionen fortsetter.", set()),
    ],
)
def test_patterns_organisation_lexicon_and_places(text, expected):
    assert {m.name for m in run_all(text).mentions if m.type is EntityType.ORGANISATION} == expected


def test_patterns_caption_after_a_header_is_not_a_list_of_organisations():
    text = "Paneldebatt: F.v. Kari Haugland (Pensjonistforbundet) og Lise Molden, prosjektleder i Løten kommune."
    names = {m.name for m in run_all(text).mentions if m.type is EntityType.ORGANISATION}
    assert not any("Haugland" in n for n in names)


def test_patterns_actors_named_with_an_initiative_take_part_but_funders_do_not():
    text = ("Nav Lillestrøm og Lier kommune er med i prosjektet «Ung på vei», "
            "som har fått penger fra Husbanken.")
    pairs = {(r.subject.name, r.object.name) for r in run_all(text).relations
             if r.kind is RelationKind.PARTICIPATES_IN}
    assert ("Lier", "Ung på vei") in pairs
    assert not any(subject == "Husbanken" for subject, _ in pairs)


def test_patterns_quoted_name_typed_by_noun_after_an_adjective():
    text = "Kommunen har skrive under ein avtale om «Heime med tryggleik», eit treårig prosjekt for eldre."
    assert names(text, EntityType.INITIATIVE) == ["Heime med tryggleik"]


def test_patterns_participant_list_joins_the_main_initiative_when_there_is_no_occasion():
    text = ("KS har startet «Nettverk for velferd». Nettverket skal møtes fire ganger. "
            "Sandefjord viste fram «Sammen om Sandefjord», et prosjekt for nærmiljø. "
            "I «Nettverk for velferd» skal kommunene lære av hverandre.\n\n"
            "Deltakere\n\nKommuner: Asker, Bodø og Alta\nFrivillighet: Redd Barna og Blå Kors\n")
    pairs = {(r.subject.name, r.object.name) for r in run_all(text).relations
             if r.kind is RelationKind.PARTICIPATES_IN}
    assert {("Asker", "Nettverk for velferd"), ("Redd Barna", "Nettverk for velferd")} <= pairs
    assert not any(target == "Sammen om Sandefjord" and who == "Asker" for who, target in pairs)


def test_patterns_coordinated_names_do_not_swallow_a_place_organisation():
    text = "Region Nordjylland og Agder fylkeskommune er også partnere i prosjektet."
    orgs = {m.name for m in run_all(text).mentions if m.type is EntityType.ORGANISATION}
    assert "Agder fylkeskommune" in orgs
