"""Dates in report text, event start dates, and memberships dated by their report."""
from __future__ import annotations

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS, PROV, XSD

from velferdsgraf.graph.build import build
from velferdsgraf.graph.dates import date_near, event_date, find_dates
from velferdsgraf.graph.resolve import resolve
from velferdsgraf.graph.types import (
    EntityType,
    Evidence,
    Extraction,
    Mention,
    Relation,
    RelationKind,
)
from velferdsgraf.input.document import Document
from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG, VGID


def values(text: str, report_date: str | None = None) -> list[tuple[str, str, str]]:
    return [(d.value, d.datatype, text[d.start:d.end]) for d in find_dates(text, report_date)]


@pytest.mark.parametrize("text, expected", [
    ("Møtet var onsdag 27. februar 2019 i Oslo.", ("2019-02-27", "date", "27. februar 2019")),
    ("Fagdagen er tysdag 5. mars 2024 på Voss.", ("2024-03-05", "date", "5. mars 2024")),
    ("Konferencen holdes onsdag den 23. oktober 2023 i Aalborg.", ("2023-10-23", "date", "23. oktober 2023")),
    ("Mødet er den 6. maj 2024.", ("2024-05-06", "date", "6. maj 2024")),
    ("Seminar 14.03.2024 kl. 10.", ("2024-03-14", "date", "14.03.2024")),
    ("Publisert 2024-05-27.", ("2024-05-27", "date", "2024-05-27")),
    ("Samlingen 27.–28. feb. 2019 på Gardermoen.", ("2019-02-27", "date", "27.–28. feb. 2019")),
    ("Prosjektet startet i mars 2023.", ("2023-03", "gYearMonth", "mars 2023")),
    ("Nettverket møttes i desember 2022.", ("2022-12", "gYearMonth", "desember 2022")),
])
def test_dates_written_forms(text, expected):
    assert values(text) == [expected]


def test_dates_without_year_take_the_occurrence_nearest_the_report_date():
    text = "Samlingen var 26. september."
    assert values(text, "2023-11-09")[0][:2] == ("2023-09-26", "date")
    assert values(text, "2024-01-10")[0][:2] == ("2023-09-26", "date")  # last autumn, not next
    assert values(text, "2023-03-01")[0][:2] == ("2022-09-26", "date")  # nearer back than ahead
    assert values(text, "2023")[0][:2] == ("2023-09-26", "date")  # only a year: that year
    assert find_dates(text, "2023-11-09")[0].year_from_text is False


def test_dates_without_year_or_report_date_stay_partial():
    assert values("Samlingen var 26. september.") == [("--09-26", "gMonthDay", "26. september")]
    assert values("Vi møtes igjen i mars.") == [("--03", "gMonth", "mars")]
    assert values("Vi møtes igjen i mars.", "2024-11-20") == [("2025-03", "gYearMonth", "mars")]


def test_dates_impossible_days_and_non_dates_are_skipped():
    assert values("Fristen 31. juni gjelder.") == []
    assert values("versjon 1.2.2019x og rom 4.12") == []
    assert values("29. februar", "2023-06-01")[0][0] == "2024-02-29"  # the only leap day in reach


def test_dates_two_dates_in_a_row_are_both_found():
    assert [v for v, _, _ in values("2024-05-27 og 30. mai", "2024-05-27")] == ["2024-05-27", "2024-05-30"]


def test_date_near_prefers_the_sentence_then_a_date_line():
    text = "Frokostmøte om frivillighet\nDato: 14.03.2024\nSted: Bergen. Neste møte 3. april 2024."
    dates = find_dates(text)
    assert date_near(text, dates, 0, 11, (0, 27)).value == "2024-03-14"
    sentence = (text.index("Neste"), len(text))
    assert date_near(text, dates, sentence[0], sentence[0] + 5, sentence).value == "2024-04-03"
    assert date_near("Seminar.\nMer tekst 3. april 2024.", find_dates("Seminar.\nMer tekst 3. april 2024."),
                     0, 7, (0, 8)) is None


def test_event_date_prefers_a_written_year_and_a_day():
    partial, guessed, written = (find_dates("12. juni")[0], find_dates("12. juni", "2024-01-01")[0],
                                 find_dates("12. juni 2023")[0])
    assert event_date([partial, guessed, written]).value == "2023-06-12"
    assert event_date([partial, guessed]).value == "2024-06-12"
    assert event_date([]) is None


def _event(doc: str, start: int, name: str) -> Mention:
    return Mention(doc, start, start + len(name), EntityType.EVENT, name, name, "patterns")


def _graph(docs: list[Document], extractions: list[Extraction]):
    return build(docs, extractions, resolve(extractions))


def test_event_gets_start_date_from_its_sentence():
    text = "Onsdag 27. februar 2019 åpnet konferansen Velferd 2019 i Oslo."
    doc = Document("a", text, date="2019-03-01", source="a.txt")
    g = _graph([doc], [Extraction("a", [_event("a", text.index("Velferd"), "Velferd 2019")])])
    assert g.value(VGID["event/velferd-2019"], SCHEMA.startDate) == Literal("2019-02-27", datatype=XSD.date)


def test_event_without_report_date_keeps_a_partial_date():
    text = "Neste samling, «Boligen som helsetiltak», holdes 12. juni i Elverum."
    doc = Document("a", text, source="a.txt")
    g = _graph([doc], [Extraction("a", [_event("a", text.index("Boligen"), "Boligen som helsetiltak")])])
    assert g.value(VGID["event/boligen-som-helsetiltak"], SCHEMA.startDate) == Literal("--06-12", datatype=XSD.gMonthDay)


def test_event_without_a_date_nearby_gets_none():
    text = "Konferansen Velferd 2019 ble godt mottatt.\n\nNeste år kommer 3. mars 2020 en ny."
    doc = Document("a", text, source="a.txt")
    g = _graph([doc], [Extraction("a", [_event("a", text.index("Velferd"), "Velferd 2019")])])
    assert g.value(VGID["event/velferd-2019"], SCHEMA.startDate) is None


def _membership_extraction(doc: str, text: str, person: str, role: str, org: str) -> Extraction:
    p = Mention(doc, text.index(person), text.index(person) + len(person), EntityType.PERSON, person, person, "patterns")
    r = Mention(doc, text.index(role), text.index(role) + len(role), EntityType.ROLE, role, role, "patterns")
    o = Mention(doc, text.index(org), text.index(org) + len(org), EntityType.ORGANISATION, org, org, "patterns")
    rel = Relation(RelationKind.MEMBERSHIP, p, o, Evidence(doc, 0, len(text)), role=r)
    return Extraction(doc, [p, r, o], [rel])


def test_membership_in_two_reports_keeps_both_dates_and_evidence():
    text = "Kari Nordmann er rådgiver i Stiftelsen Dam."
    docs = [Document("a", text, date="2019-02-27", source="a.txt"), Document("b", text, date="2023-05-02", source="b.txt")]
    extractions = [_membership_extraction(d.id, text, "Kari Nordmann", "rådgiver", "Stiftelsen Dam") for d in docs]
    g = _graph(docs, extractions)
    rows = set()
    for m in g.subjects(RDF.type, ORG.Membership):
        (date,) = g.objects(m, DCTERMS.date)  # one date per membership (SHACL maxCount 1)
        report = g.value(g.value(m, PROV.wasDerivedFrom), VG.report)
        rows.add((str(date), str(g.value(report, DCTERMS.identifier))))
    assert rows == {("2019-02-27", "a"), ("2023-05-02", "b")}


def test_build_with_dates_and_partial_dates_conforms():
    from velferdsgraf.graph.validate import validate

    text = "Seminaret Velferd i vest 26. september samlet mange. Kari Nordmann er rådgiver i Stiftelsen Dam."
    docs = [Document("a", text, source="a.txt"), Document("b", text, date="2023-05-02", source="b.txt")]
    extractions = []
    for d in docs:
        x = _membership_extraction(d.id, text, "Kari Nordmann", "rådgiver", "Stiftelsen Dam")
        x.mentions.append(_event(d.id, text.index("Velferd"), "Velferd i vest"))
        extractions.append(x)
    g = _graph(docs, extractions)
    assert g.value(VGID["event/velferd-i-vest"], SCHEMA.startDate) == Literal("2023-09-26", datatype=XSD.date)
    report = validate(g)
    assert report.conforms, report.text

