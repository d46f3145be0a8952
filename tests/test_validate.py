"""SHACL validation of graphs shaped as docs/RDF.md, and of graphs that break the contract."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_samples import ANNE, NAV_SKI, REPORT, SILVIJA, SKI, add_evidence, sample_graph
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV

from velferdsgraf.graph.validate import ValidationReport, ValidationResult, validate
from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG, VGID


def test_validate_rdf_md_graph_conforms():
    report = validate(sample_graph())
    assert report.conforms, report.text
    assert report.results == []
    assert report.text.startswith("Conforms")


def _drop_label(g: Graph) -> None:
    g.remove((ANNE, RDFS.label, None))


def _two_types(g: Graph) -> None:
    g.add((SILVIJA, RDF.type, VG.Organisation))


def _two_labels(g: Graph) -> None:
    g.add((SKI, RDFS.label, Literal("Ski kommune")))


def _membership_without_role(g: Graph) -> None:
    for membership in g.subjects(ORG.member, ANNE):
        g.remove((membership, ORG.role, None))


def _membership_without_evidence(g: Graph) -> None:
    for membership in g.subjects(ORG.member, ANNE):
        g.remove((membership, PROV.wasDerivedFrom, None))


def _located_in_without_provenance(g: Graph) -> None:
    g.add((VGID["organisation/nav-baerum"], RDF.type, VG.Organisation))
    g.add((VGID["organisation/nav-baerum"], RDFS.label, Literal("NAV Bærum")))
    g.add((VGID["organisation/nav-baerum"], VG.locatedIn, SKI))


def _participates_without_provenance(g: Graph) -> None:
    g.add((SKI, VG.participatesIn, VGID["event/gentaenk-velfaerden-2019"]))


def _member_of_without_backing(g: Graph) -> None:
    g.add((ANNE, ORG.memberOf, VGID["organisation/arbeids-og-sosialdepartementet"]))


def _evidence_start_after_end(g: Graph) -> None:
    evidence = add_evidence(g, "har lenge samarbeidet")
    g.set((evidence, VG.startOffset, Literal(500)))


def _evidence_offset_not_integer(g: Graph) -> None:
    evidence = add_evidence(g, "har lenge samarbeidet")
    g.set((evidence, VG.endOffset, Literal("130")))


def _located_in_a_person(g: Graph) -> None:
    g.add((NAV_SKI, VG.locatedIn, ANNE))


def _untyped_entity(g: Graph) -> None:
    g.add((REPORT, SCHEMA.mentions, VGID["person/nobody"]))


BREAKS: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    # name: (break the sample, focus node that must be reported, path that must be reported)
    "missing label": (_drop_label, "person:anne-olsen", "rdfs:label"),
    "two types": (_two_types, "person:silvija-seres", "rdf:type"),
    "two labels": (_two_labels, "municipality:ski", "rdfs:label"),
    "membership without role": (_membership_without_role, "membership:", "org:role"),
    "membership without evidence": (_membership_without_evidence, "membership:", "prov:wasDerivedFrom"),
    "locatedIn without provenance": (_located_in_without_provenance, "organisation:nav-baerum", "vg:locatedIn"),
    "participatesIn without provenance": (
        _participates_without_provenance, "municipality:ski", "vg:participatesIn"
    ),
    "memberOf without backing": (_member_of_without_backing, "person:anne-olsen", "org:memberOf"),
    "evidence start after end": (_evidence_start_after_end, "evidence:", "vg:startOffset"),
    "evidence offset not integer": (_evidence_offset_not_integer, "evidence:", "vg:endOffset"),
    "locatedIn a person": (_located_in_a_person, "organisation:nav-ski", "vg:locatedIn"),
    "mentioned entity without type": (_untyped_entity, "person:nobody", "rdf:type"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_validate_broken_graph_does_not_conform(name):
    breaker, focus, path = BREAKS[name]
    graph = sample_graph()
    breaker(graph)
    report = validate(graph)
    assert not report.conforms
    assert any(r.focus.startswith(focus) and r.path == path for r in report.results), report.text


def test_validate_results_sorted_and_text_lists_each():
    graph = sample_graph()
    _drop_label(graph)
    _two_types(graph)
    _membership_without_role(graph)
    report = validate(graph)
    assert isinstance(report, ValidationReport)
    assert all(isinstance(r, ValidationResult) for r in report.results)
    assert report.results == sorted(report.results)
    assert len(report.results) >= 3
    lines = report.text.splitlines()
    assert lines[0].startswith(f"Does not conform: {len(report.results)} problems")
    assert len(lines) == len(report.results) + 1


def test_validate_is_deterministic():
    graph = sample_graph()
    _two_types(graph)
    _drop_label(graph)
    assert validate(graph).text == validate(graph).text


def test_validate_does_not_modify_graph():
    graph = sample_graph()
    before = len(graph)
    validate(graph)
    assert len(graph) == before


def test_validate_empty_graph_conforms():
    assert validate(Graph()).conforms


def test_validate_with_rdfs_inference_mixes_ontology_and_still_conforms():
    graph = sample_graph()
    before = len(graph)
    report = validate(graph, inference="rdfs")
    assert report.conforms, report.text
    assert len(graph) == before


def test_validate_parses_each_constraint_once(monkeypatch):
    import rdflib.plugins.sparql as sparql

    calls = []
    original = sparql.prepareQuery
    monkeypatch.setattr(sparql, "prepareQuery", lambda *a, **k: calls.append(a[0]) or original(*a, **k))
    graph = sample_graph()
    validate(graph)
    assert calls and len(calls) == len(set(calls))  # one parse per query text, not per focus node
