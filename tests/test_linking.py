"""Linking: kommunenummer over time, reform chains, orgnr, Wikidata and organisation name history."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import EVALSET, EXAMPLES, REPO
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import OWL, XSD

from velferdsgraf.graph.build import build
from velferdsgraf.graph.linking import number_period_iri
from velferdsgraf.graph.resolve import resolve
from velferdsgraf.graph.types import EntityType, Extraction, Mention
from velferdsgraf.input.document import Document
from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG, VGID, WD

SKI, OPPEGARD, NORDRE_FOLLO = (VGID["municipality/ski"], VGID["municipality/oppegaard"],
                               VGID["municipality/nordre-follo"])


def muni(doc: str, text: str, name: str, gid: str) -> Mention:
    start = text.index(name)
    return Mention(doc, start, start + len(name), EntityType.MUNICIPALITY, name, name, "gazetteer",
                   (("gazetteer_id", gid),))


def org(doc: str, text: str, surface: str, name: str, gid: str | None = None) -> Mention:
    start = text.index(surface)
    attrs = (("gazetteer_id", gid),) if gid else ()
    return Mention(doc, start, start + len(surface), EntityType.ORGANISATION, surface, name, "gazetteer", attrs)


def graph_of(*docs: tuple[Document, list[Mention]]):
    documents = [d for d, _ in docs]
    extractions = [Extraction(d.id, mentions) for d, mentions in docs]
    return build(documents, extractions, resolve(extractions))


def ski_report(date: str | None = "2018-11-07"):
    text = "Ski kommune samlet NAV-ansatte."
    return Document("a", text, date=date, source="a.txt"), [muni("a", text, "Ski", "NO-0213")]


def test_linking_predecessor_chain_exists_when_a_report_names_only_one():
    g = graph_of(ski_report())
    assert (SKI, VG.succeededBy, NORDRE_FOLLO) in g and (NORDRE_FOLLO, VG.precededBy, SKI) in g
    assert (NORDRE_FOLLO, VG.precededBy, OPPEGARD) in g and (OPPEGARD, VG.succeededBy, NORDRE_FOLLO) in g
    for node, label in ((NORDRE_FOLLO, "Nordre Follo"), (OPPEGARD, "Oppegård")):
        assert list(g.objects(node, RDF.type)) == [VG.Municipality]
        assert list(g.objects(node, RDFS.label)) == [Literal(label)]
        assert not list(g.subjects(SCHEMA.mentions, node))  # context, not a finding
    assert list(g.subjects(SCHEMA.mentions, SKI)) == [VGID["report/a"]]


def test_linking_current_number_only_for_a_municipality_that_still_exists():
    g = graph_of(ski_report())
    assert g.value(NORDRE_FOLLO, VG.municipalityNumber) == Literal("3207")
    assert g.value(SKI, VG.municipalityNumber) is None  # merged away in 2020


def test_linking_number_periods_with_validity():
    g = graph_of(ski_report())
    period = number_period_iri("NO", "0213")
    assert list(g.objects(SKI, VG.numberPeriod)) == [period]
    assert g.value(period, VG.number) == Literal("0213")
    assert g.value(period, SCHEMA.validThrough) == Literal("2019-12-31", datatype=XSD.date)
    numbers = sorted(str(g.value(p, VG.number)) for p in g.objects(NORDRE_FOLLO, VG.numberPeriod))
    assert numbers == ["3020", "3207"]
    assert g.value(number_period_iri("NO", "3207"), SCHEMA.validThrough) is None  # still in force


@pytest.mark.parametrize("date, code", [("2018-11-07", "0213"), ("2021-06", "3020"), ("2024-02-01", "3207")])
def test_linking_number_in_force_at_the_report_date(date, code):
    name, gid = ("Ski", "NO-0213") if code == "0213" else ("Nordre Follo", "NO-3207")
    text = f"{name} kommune inviterte."
    g = graph_of((Document("r", text, date=date, source="r.txt"), [muni("r", text, name, gid)]))
    assert list(g.objects(VGID["report/r"], VG.numberInForce)) == [number_period_iri("NO", code)]


def test_linking_no_number_in_force_without_a_report_date():
    g = graph_of(ski_report(date=None))
    assert not list(g.objects(VGID["report/a"], VG.numberInForce))


def test_linking_renumbered_municipality_is_one_entity_with_three_numbers():
    text = "Bærum kommune deltok."
    g = graph_of((Document("b", text, date="2019-05-01", source="b.txt"), [muni("b", text, "Bærum", "NO-3201")]))
    baerum = VGID["municipality/baerum"]
    assert sorted(str(g.value(p, VG.number)) for p in g.objects(baerum, VG.numberPeriod)) == ["0219", "3024", "3201"]
    assert g.value(baerum, VG.municipalityNumber) == Literal("3201")
    assert g.value(baerum, OWL.sameAs) == WD["Q57076"]
    assert g.value(baerum, ORG.identifier) == Literal("935478715")
    assert not list(g.objects(baerum, VG.precededBy)) and not list(g.objects(baerum, VG.succeededBy))
    assert list(g.objects(VGID["report/b"], VG.numberInForce)) == [number_period_iri("NO", "0219")]


def test_linking_a_border_change_is_no_succession():
    # The gazetteer lists Ringsaker among Hamar's predecessors (land moved in 1992), but not
    # Hamar among Ringsaker's successors: Ringsaker lives on, so it is no predecessor.
    text = "Hamar kommune deltok."
    g = graph_of((Document("r", text, source="r.txt"), [muni("r", text, "Hamar", "NO-3403")]))
    assert not list(g.objects(VGID["municipality/hamar"], VG.precededBy))
    assert set(g.subjects(RDF.type, VG.Municipality)) == {VGID["municipality/hamar"]}


def test_linking_organisation_orgnr_and_name_history():
    text = "Kommunal- og moderniseringsdepartementet (KMD) la fram planen."
    name = "Kommunal- og moderniseringsdepartementet"
    g = graph_of((Document("k", text, date="2019-01-01", source="k.txt"), [org("k", text, name, name, "kmd")]))
    kmd, kdd = (VGID["organisation/kommunal-og-moderniseringsdepartementet"],
                VGID["organisation/kommunal-og-distriktsdepartementet"])
    assert (kmd, VG.succeededBy, kdd) in g and (kdd, VG.precededBy, kmd) in g
    assert g.value(kmd, ORG.identifier) == g.value(kdd, ORG.identifier) == Literal("972417858")
    assert list(g.objects(kdd, RDF.type)) == [VG.Organisation]
    assert g.value(kdd, RDFS.label) == Literal("Kommunal- og distriktsdepartementet")
    assert not list(g.subjects(SCHEMA.mentions, kdd))


def test_linking_merged_institutions_lead_to_their_successor():
    text = "Høgskulen på Vestlandet forsker på tjenestene."
    name = "Høgskulen på Vestlandet"
    g = graph_of((Document("h", text, source="h.txt"), [org("h", text, name, name, "hvl")]))
    before = {str(g.value(p, RDFS.label)) for p in g.objects(VGID["organisation/hogskulen-paa-vestlandet"], VG.precededBy)}
    assert before == {"Høgskolen i Bergen", "Høgskulen i Sogn og Fjordane", "Høgskolen Stord/Haugesund"}


def test_linking_organisation_found_by_name_only_gets_its_orgnr():
    text = "Helsedirektoratet ga råd."
    g = graph_of((Document("h", text, source="h.txt"), [org("h", text, "Helsedirektoratet", "Helsedirektoratet")]))
    assert g.value(VGID["organisation/helsedirektoratet"], ORG.identifier) == Literal("983544622")


def test_linking_entities_the_gazetteer_does_not_know_keep_attribute_links():
    text = "Aarhus Kommune og Foreningen X."
    m = Mention("d", 0, 6, EntityType.MUNICIPALITY, "Aarhus", "Aarhus", "ner",
                (("candidates", "x;y"), ("kommunenummer_current", "0751"), ("wikidata", "Q25319")))
    o = Mention("d", 18, 29, EntityType.ORGANISATION, "Foreningen X", "Foreningen X", "ner", (("orgnr", "123456789"),))
    g = graph_of((Document("d", text, source="d.txt"), [m, o]))
    node = VGID["municipality/aarhus"]
    assert g.value(node, VG.municipalityNumber) == Literal("0751") and g.value(node, OWL.sameAs) == WD["Q25319"]
    assert g.value(VGID["organisation/foreningen-x"], ORG.identifier) == Literal("123456789")


def test_linking_graph_conforms_and_is_the_same_every_build():
    from velferdsgraf.graph.validate import validate

    text = "Kommunal- og moderniseringsdepartementet besøkte Ski kommune."
    name = "Kommunal- og moderniseringsdepartementet"
    docs = (Document("a", text, date="2018-11-07", source="a.txt"),
            [muni("a", text, "Ski", "NO-0213"), org("a", text, name, name, "kmd")])
    first, second = graph_of(docs), graph_of(docs)
    assert first.serialize(format="turtle") == second.serialize(format="turtle")
    report = validate(first)
    assert report.conforms, report.text


def test_linking_evaluation_does_not_score_context_entities(tmp_path: Path):
    from velferdsgraf.graph.evaluation import load_gold, score

    gold = {"doc": "a.txt", "source": "test", "language": "nb", "persons": [], "organisations": [],
            "municipalities": [{"name": "Ski", "aliases": ["Ski kommune"]}], "initiatives": [], "events": [],
            "roles": [], "affiliations": [], "located_in": [], "participants": []}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    result = score(graph_of(ski_report()), load_gold(tmp_path))["municipalities"]
    assert (result.graph, result.tp) == (1, 1)


# --------------------------------------------------------------------------- README queries


def _readme_queries() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Linked municipalities"):readme.index("### Alias files")]
    return re.findall(r"velferdsgraf query out/graph\.ttl '\n(.*?)'\n", section, re.DOTALL)


README_QUERIES = _readme_queries()


@pytest.fixture(scope="module")
def example_graph():
    from velferdsgraf.graph.pipeline import build_graph

    return build_graph([EXAMPLES, EVALSET / "reports"], ["gazetteer", "patterns"]).graph


def test_linking_readme_has_the_queries_of_issue_4():
    assert len(README_QUERIES) >= 6
    assert any('"Nordre Follo"' in q for q in README_QUERIES)
    assert any("org:Membership" in q and "?report" in q for q in README_QUERIES)
    assert any("org:identifier" in q for q in README_QUERIES)


@pytest.mark.parametrize("query", README_QUERIES, ids=[f"query{i}" for i in range(len(README_QUERIES))])
def test_linking_readme_query_returns_rows(example_graph, query):
    from velferdsgraf.graph.query import run_query

    assert run_query(example_graph, query).rows, query


def test_linking_readme_nordre_follo_query_gathers_ski_and_oppegard(example_graph):
    from velferdsgraf.graph.query import run_query

    query = next(q for q in README_QUERIES if "GROUP_CONCAT(?number" in q)
    names = {str(row[0]) for row in run_query(example_graph, query).rows}
    assert names == {"Nordre Follo", "Ski", "Oppegård"}
