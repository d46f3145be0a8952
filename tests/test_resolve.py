"""Entity resolution: names within and across documents."""
from __future__ import annotations

from velferdsgraf.graph.resolve import resolve
from velferdsgraf.graph.types import EntityType, Extraction, Mention


def person(doc: str, start: int, name: str, surface: str | None = None) -> Mention:
    surface = surface or name
    return Mention(doc, start, start + len(surface), EntityType.PERSON, surface, name, "patterns")


def test_resolve_surname_joins_full_name_in_same_report():
    x = Extraction("a", [person("a", 0, "Kari Nordmann"), person("a", 40, "Nordmann")])
    resolution = resolve([x])
    assert [e.label for e in resolution.entities.values()] == ["Kari Nordmann"]
    assert resolution.entities["person/kari-nordmann"].aliases == ["Nordmann"]
    assert [m.reason for m in resolution.merges] == ["part of the full name 'Kari Nordmann' in the same report"]


def test_resolve_one_part_misspelling_joins_more_frequent_spelling():
    x = Extraction("a", [person("a", 0, "Silje Haugen"), person("a", 30, "Silje Haugen"), person("a", 60, "Slije Haugen")])
    entities = resolve([x]).entities
    assert list(entities) == ["person/silje-haugen"]
    assert entities["person/silje-haugen"].aliases == ["Slije Haugen"]


def test_resolve_different_first_names_stay_apart():
    x = Extraction("a", [person("a", 0, "Kari Haugen"), person("a", 30, "Per Haugen"), person("a", 60, "Haugen")])
    entities = resolve([x]).entities
    assert sorted(entities) == ["person/kari-haugen", "person/per-haugen"]  # lone "Haugen" is ambiguous


def test_resolve_same_person_across_reports_is_one_entity_with_both_reports():
    entities = resolve([Extraction("b", [person("b", 0, "Kari Nordmann")]),
                        Extraction("a", [person("a", 5, "Kari Nordmann")])]).entities
    assert entities["person/kari-nordmann"].doc_ids == ["a", "b"]


def test_resolve_types_are_never_merged():
    ski_muni = Mention("a", 0, 3, EntityType.MUNICIPALITY, "Ski", "Ski", "gazetteer")
    ski_org = Mention("a", 10, 13, EntityType.ORGANISATION, "Ski", "Ski", "patterns")
    assert sorted(resolve([Extraction("a", [ski_muni, ski_org])]).entities) == [
        "municipality/ski", "organisation/ski"]


def test_resolve_is_independent_of_document_order():
    a = Extraction("a", [person("a", 0, "Kari Nordmann"), person("a", 20, "Kari Nordman")])
    b = Extraction("b", [person("b", 0, "Kari Nordman")])
    first, second = resolve([a, b]), resolve([b, a])
    assert {k: (e.label, e.aliases) for k, e in first.entities.items()} == {
        k: (e.label, e.aliases) for k, e in second.entities.items()}
