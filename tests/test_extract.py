"""Merging the extractors' findings: precedence, nesting, and filters on the model's guesses."""
from __future__ import annotations

import pytest

from velferdsgraf.graph.extract import settle_mentions
from velferdsgraf.graph.types import EntityType, Mention

PER, ORG, MUNI = EntityType.PERSON, EntityType.ORGANISATION, EntityType.MUNICIPALITY


def mention(text: str, surface: str, etype: EntityType, source: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention("d", start, start + len(surface), etype, surface, surface, source)


def test_settle_rules_win_over_the_model_on_overlap():
    text = "Kari Holm fra Fretex AS kom."
    rule = mention(text, "Fretex AS", ORG, "patterns")
    guess = mention(text, "Fretex", PER, "ner")
    assert settle_mentions([rule, guess], text) == [rule]


def test_settle_keeps_a_municipality_inside_an_organisation():
    text = "NAV Ski holder kurs."
    office, place = mention(text, "NAV Ski", ORG, "gazetteer"), mention(text, "Ski", MUNI, "gazetteer")
    assert settle_mentions([office, place], text) == [office, place]


@pytest.mark.parametrize(
    "text, surface, etype",
    [
        ("Innovasjon og nytenkning er viktig.", "Innovasjon", ORG),   # a common noun opening a sentence
        ("Den 26 september møttes de.", "Den 26 september", EntityType.EVENT),  # a date
        ("Han utviklet søkemotoren Alta Vista.", "Alta Vista", PER),  # a thing named after a noun
        ("Butikken i Thorvald Meyers gate.", "Thorvald Meyers", PER),  # a street
    ],
)
def test_settle_drops_implausible_model_guesses(text, surface, etype):
    assert settle_mentions([mention(text, surface, etype, "ner")], text) == []


def test_settle_model_person_in_a_list_of_organisations_becomes_an_organisation():
    text = "Blant annet XXL, Lefdal Lager og Nille bidrar."
    listed = [mention(text, "XXL", ORG, "patterns"), mention(text, "Lefdal Lager", PER, "ner")]
    settled = settle_mentions(listed, text)
    assert [(m.surface, m.type) for m in settled] == [("XXL", ORG), ("Lefdal Lager", ORG)]


def test_settle_keeps_a_plausible_model_person():
    text = "– Det var nyttig, sier Ingrid Haugland."
    guess = mention(text, "Ingrid Haugland", PER, "ner")
    assert settle_mentions([guess], text) == [guess]


@pytest.mark.parametrize(
    "text, surface, etype",
    [
        ("Møtet var på Scandic Ringsaker i går.", "Scandic Ringsaker", PER),  # a venue ending in a kommune
        ("Dei samarbeider med Innlandet om saka.", "Innlandet", ORG),  # a county
    ],
)
def test_settle_drops_model_guesses_that_are_places(text, surface, etype):
    assert settle_mentions([mention(text, surface, etype, "ner")], text) == []
