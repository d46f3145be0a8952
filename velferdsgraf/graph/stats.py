"""Counts that describe a graph: entities per type, memberships, relations, provenance, hubs."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL

from ..ontology.namespace import ORG, SCHEMA, VG
from .query import compact
from .types import EntityType

__all__ = ["ENTITY_TYPES", "RELATION_PREDICATES", "format_stats", "graph_stats"]

ENTITY_TYPES = tuple(kind.value for kind in EntityType)  # "Person", …, "Role"
RELATION_PREDICATES: dict[str, URIRef] = {
    "org:memberOf": ORG.memberOf,
    "vg:locatedIn": VG.locatedIn,
    "vg:participatesIn": VG.participatesIn,
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def graph_stats(graph: Graph, top: int = 10) -> dict[str, Any]:
    """Counts over ``graph`` as plain data (JSON-serialisable).

    Keys: triples, reports, entities (per type), entities_total, memberships,
    memberships_with_organisation, relations (per predicate), statements, evidence,
    linked (municipality numbers, owl:sameAs), top_entities (by degree: the number of
    relation triples an entity is in; roles excluded, ties broken by label).
    """
    mentioned = set(graph.objects(None, SCHEMA.mentions))
    entities = {kind: _count_subjects(graph, VG[kind], mentioned) for kind in ENTITY_TYPES}
    context_only = {kind: _count_subjects(graph, VG[kind]) - entities[kind] for kind in ENTITY_TYPES}
    memberships = set(graph.subjects(RDF.type, ORG.Membership))
    relations = {name: _count_triples(graph, predicate) for name, predicate in RELATION_PREDICATES.items()}
    return {
        "triples": len(graph),
        "reports": _count_subjects(graph, VG.Report),
        "entities": entities,
        "entities_total": sum(entities.values()),
        # Predecessors, successors and former names added by linking, named by no report.
        "context_entities": {kind: n for kind, n in context_only.items() if n},
        "memberships": len(memberships),
        "memberships_with_organisation": sum(
            1 for m in memberships if graph.value(m, ORG.organization) is not None
        ),
        "relations": relations,
        "statements": _count_subjects(graph, RDF.Statement),
        "evidence": _count_subjects(graph, VG.Evidence),
        "linked": {
            "vg:municipalityNumber": len(set(graph.subjects(VG.municipalityNumber, None))),
            "owl:sameAs": len(set(graph.subjects(OWL.sameAs, None))),
        },
        "top_entities": _top_entities(graph, top),
    }


def _count_subjects(graph: Graph, cls: URIRef, among: set | None = None) -> int:
    subjects = set(graph.subjects(RDF.type, cls))
    if among is not None and cls not in (VG.Role, VG.Report):
        subjects &= among
    return len(subjects)


def _count_triples(graph: Graph, predicate: URIRef) -> int:
    return sum(1 for _ in graph.triples((None, predicate, None)))


def _top_entities(graph: Graph, top: int) -> list[dict[str, Any]]:
    degree: Counter[URIRef] = Counter()
    for predicate in RELATION_PREDICATES.values():
        for s, o in graph.subject_objects(predicate):
            for node in (s, o):
                if isinstance(node, URIRef):
                    degree[node] += 1
    rows = []
    for node, count in degree.items():
        kind = next((k for k in ENTITY_TYPES if (node, RDF.type, VG[k]) in graph), "Other")
        if kind == "Role":
            continue
        label = graph.value(node, RDFS.label)
        rows.append({"iri": str(node), "label": str(label) if label is not None else compact(node),
                     "type": kind, "degree": count})
    rows.sort(key=lambda row: (-row["degree"], row["label"].casefold(), row["iri"]))
    return rows[:top]


def format_stats(stats: dict[str, Any]) -> str:
    """``graph_stats`` output as aligned plain text, ready to print (no final newline)."""
    rows: list[tuple[str, object]] = [
        ("Triples", stats["triples"]),
        ("Reports", stats["reports"]),
        ("Entities", stats["entities_total"]),
        *((f"  {kind}", count) for kind, count in stats["entities"].items()),
        *((("Linked, not named in a report", ", ".join(f"{n} {k}" for k, n in stats["context_entities"].items())),)
          if stats.get("context_entities") else ()),
        ("Memberships", f"{stats['memberships']} ({stats['memberships_with_organisation']} with an organisation)"),
        ("Relations", ""),
        *((f"  {name}", count) for name, count in stats["relations"].items()),
        ("Reified statements", stats["statements"]),
        ("Evidence sentences", stats["evidence"]),
        ("Linked", ""),
        *((f"  {name}", count) for name, count in stats["linked"].items()),
    ]
    width = max(len(name) for name, _ in rows) + 2
    lines = [f"{name:<{width}}{value}".rstrip() for name, value in rows]
    if stats["top_entities"]:
        lines += ["", "Top entities by degree"]
        digits = max(len(str(row["degree"])) for row in stats["top_entities"])
        for row in stats["top_entities"]:
            label = _CONTROL.sub(" ", row["label"])
            lines.append(f"  {row['degree']:>{digits}}  {label} ({row['type']})  {compact(URIRef(row['iri']))}")
    return "\n".join(lines)
