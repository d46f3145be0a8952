"""The entity network of a graph as a networkx MultiDiGraph, shared by GraphML, GEXF and HTML.

One node per entity (Person, Organisation, Municipality, Initiative, Event; Role only when
asked, since roles are carried on the memberOf edges), one edge per org:memberOf,
vg:locatedIn and vg:participatesIn triple, and one ``collaboratesWith`` edge per person–person
or organisation–organisation pair that shares a context (graph/collaboration_network.py),
computed from the relations, never read from a stored collaboration layer. Nodes carry
degree, betweenness and community (output/metrics.py). Every attribute is a str, int or float, and text is stripped
of characters XML cannot hold, so any writer can take the graph as it is.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node

from ..graph.collaboration_network import collaboration_edges
from ..graph.types import EntityType
from ..ontology.namespace import ORG, SCHEMA, VG, VGID
from .metrics import COLLABORATION, add_metrics

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "COLLABORATION",
    "ENTITY_TYPES",
    "RELATIONS",
    "RELATION_LABELS",
    "TYPE_COLOURS",
    "TYPE_SHAPES",
    "EntityNetwork",
    "entity_network",
    "hex_colour",
    "node_id",
    "to_networkx",
    "xml_text",
]

ENTITY_TYPES = tuple(kind.value for kind in EntityType)  # "Person", …, "Role"
# colour-blind-safe-ish categorical palette (Tableau 10); "Other" for untyped endpoints
TYPE_COLOURS: dict[str, tuple[int, int, int]] = {
    "Person": (31, 119, 180),
    "Organisation": (255, 127, 14),
    "Municipality": (44, 160, 44),
    "Initiative": (148, 103, 189),
    "Event": (214, 39, 40),
    "Role": (127, 127, 127),
    "Other": (188, 189, 34),
}
RELATIONS: dict[URIRef, str] = {
    ORG.memberOf: "memberOf",
    VG.locatedIn: "locatedIn",
    VG.participatesIn: "participatesIn",
}
RELATION_LABELS = {
    "memberOf": "member of",
    "locatedIn": "located in",
    "participatesIn": "participates in",
    COLLABORATION: "collaborates with",
}
# type -> (vis-network shape, GEXF viz:shape)
TYPE_SHAPES: dict[str, tuple[str, str]] = {
    "Person": ("dot", "disc"),
    "Organisation": ("square", "square"),
    "Municipality": ("triangle", "triangle"),
    "Initiative": ("diamond", "diamond"),
    "Event": ("star", "diamond"),
    "Role": ("triangleDown", "triangle"),
    "Other": ("hexagon", "disc"),
}

_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")
# characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def hex_colour(rgb: tuple[int, int, int]) -> str:
    """``(31, 119, 180)`` -> ``"#1f77b4"``."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def node_id(iri: str) -> str:
    """A readable NMTOKEN-safe id: ``vgid:person/silvija-seres`` -> ``person_silvija-seres``.

    IRIs outside vgid: get a hash suffix, so two foreign IRIs never share an id.
    """
    text = str(iri)
    if text.startswith(str(VGID)) and len(text) > len(str(VGID)):
        slug = _NOT_ID.sub("_", text[len(str(VGID)):].replace("/", "_")).strip("_")
        if slug:
            return slug
    tail = _NOT_ID.sub("_", text.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]).strip("_")[:40]
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"x_{tail}_{digest}" if tail else f"x_{digest}"


@dataclass
class EntityNetwork:
    """The network plus what the HTML view needs beside it (non-scalar, so kept off the graph).

    ``ids`` maps entity IRIs to node ids; ``evidence`` maps an edge id to its vg:Evidence
    nodes; ``contexts`` maps a collaboration edge id to the node ids of its shared contexts.
    """

    net: nx.MultiDiGraph
    ids: dict[URIRef, str] = field(default_factory=dict)
    evidence: dict[str, tuple[Node, ...]] = field(default_factory=dict)
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)


def to_networkx(
    graph: Graph, *, include_roles: bool = False, collaboration: bool = True
) -> nx.MultiDiGraph:
    """The entity network of ``graph``; nodes and edges are inserted in sorted order.

    Node attributes: label, altLabels, type, iri, r, g, b, size, degree, collaborators,
    betweenness, community, mentions, roles. Edge attributes: id, relation, label, roles,
    weight (evidence sentences, at least 1; shared contexts for collaborations), evidence,
    contexts. The edge key is its id. ``degree`` counts relation edges only, so the
    collaboration layer never changes sizes, filters or metrics.
    """
    return entity_network(graph, include_roles=include_roles, collaboration=collaboration).net


def entity_network(
    graph: Graph, *, include_roles: bool = False, collaboration: bool = True
) -> EntityNetwork:
    """:func:`to_networkx` with the evidence and contexts of each edge beside the graph."""
    import networkx as nx

    types = _entity_types(graph, include_roles)
    evidence, roles, person_roles = _provenance(graph)
    mentions: dict[Node, int] = defaultdict(int)
    for _report, entity in graph.subject_objects(SCHEMA.mentions):
        mentions[entity] += 1  # triples are unique, so this counts reports

    edges = []
    for predicate, relation in RELATIONS.items():
        for s, o in graph.subject_objects(predicate):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                types.setdefault(s, "Other")
                types.setdefault(o, "Other")
                edges.append((s, relation, o, predicate))

    ids = _unique_ids(sorted(types))
    result = EntityNetwork(nx.MultiDiGraph(), ids)
    net = result.net
    for iri in sorted(types, key=lambda i: ids[i]):
        kind = types[iri]
        r, g, b = TYPE_COLOURS[kind]
        net.add_node(
            ids[iri],
            label=xml_text(_label(graph, iri)),
            altLabels=xml_text("; ".join(_alt_labels(graph, iri))),
            type=kind,
            iri=xml_text(str(iri)),
            r=r,
            g=g,
            b=b,
            mentions=mentions.get(iri, 0),
            roles=xml_text("; ".join(sorted(person_roles.get(iri, ())))),
        )
    for s, relation, o, predicate in sorted(edges, key=lambda e: (ids[e[0]], e[1], ids[e[2]])):
        edge_id = f"{relation}__{ids[s]}__{ids[o]}"
        sources = tuple(sorted(evidence.get((s, predicate, o), ())))
        result.evidence[edge_id] = sources
        net.add_edge(
            ids[s],
            ids[o],
            key=edge_id,
            id=edge_id,
            relation=relation,
            label=RELATION_LABELS[relation],
            roles=xml_text("; ".join(sorted(roles.get((s, o), ())))) if relation == "memberOf" else "",
            weight=float(max(len(sources), 1)),
            evidence=len(sources),
            contexts="",
        )
    if collaboration:
        _add_collaborations(graph, result)
    degree: Counter[str] = Counter()
    collaborators: Counter[str] = Counter()
    for u, v, data in net.edges(data=True):
        counter = collaborators if data["relation"] == COLLABORATION else degree
        counter[u] += 1
        counter[v] += 1
    for node, attrs in net.nodes(data=True):
        attrs["degree"] = degree[node]
        attrs["collaborators"] = collaborators[node]
        attrs["size"] = round(10.0 + 4.0 * math.sqrt(degree[node]), 3)
        attrs["betweenness"] = 0.0
        attrs["community"] = 0
    add_metrics(net)
    return result


def _add_collaborations(graph: Graph, result: EntityNetwork) -> None:
    """One ``collaboratesWith`` edge per pair, from the smaller node id to the larger (it is symmetric)."""
    ids, net = result.ids, result.net
    pairs = []
    for c in collaboration_edges(graph):
        if c.first in ids and c.second in ids:
            a, b = sorted((ids[c.first], ids[c.second]))
            pairs.append((a, b, tuple(sorted(ids[x] for x in c.contexts if x in ids))))
    for a, b, contexts in sorted(pairs):
        edge_id = f"{COLLABORATION}__{a}__{b}"
        result.contexts[edge_id] = contexts
        net.add_edge(
            a,
            b,
            key=edge_id,
            id=edge_id,
            relation=COLLABORATION,
            label=RELATION_LABELS[COLLABORATION],
            roles="",
            weight=float(len(contexts)),
            evidence=0,
            contexts="; ".join(net.nodes[x]["label"] for x in contexts),
        )


def _entity_types(graph: Graph, include_roles: bool) -> dict[URIRef, str]:
    """IRI -> type name; an entity with several vg classes takes the first in ENTITY_TYPES."""
    types: dict[URIRef, str] = {}
    for kind in ENTITY_TYPES:
        if kind == "Role" and not include_roles:
            continue
        for entity in graph.subjects(RDF.type, VG[kind]):
            if isinstance(entity, URIRef):
                types.setdefault(entity, kind)
    return types


def _provenance(graph: Graph) -> tuple[dict, dict, dict]:
    """Evidence per (s, p, o), role labels per (person, organisation) and per person."""
    evidence: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    roles: dict[tuple[Node, Node], set[str]] = defaultdict(set)
    person_roles: dict[Node, set[str]] = defaultdict(set)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        key = (
            graph.value(statement, RDF.subject),
            graph.value(statement, RDF.predicate),
            graph.value(statement, RDF.object),
        )
        evidence[key].update(graph.objects(statement, PROV.wasDerivedFrom))
    for membership in graph.subjects(RDF.type, ORG.Membership):
        person = graph.value(membership, ORG.member)
        organisation = graph.value(membership, ORG.organization)
        role = graph.value(membership, ORG.role)
        role_label = _label(graph, role) if role is not None else ""
        if person is not None and role_label:
            person_roles[person].add(role_label)
        if person is not None and organisation is not None:
            evidence[(person, ORG.memberOf, organisation)].update(
                graph.objects(membership, PROV.wasDerivedFrom)
            )
            if role_label:
                roles[(person, organisation)].add(role_label)
    return evidence, roles, person_roles


def _alt_labels(graph: Graph, iri: Node) -> list[str]:
    return sorted({" ".join(str(label).split()) for label in graph.objects(iri, SKOS.altLabel)} - {""})


def _label(graph: Graph, iri: Node) -> str:
    labels = sorted(str(label) for label in graph.objects(iri, RDFS.label))
    if labels:
        return " ".join(labels[0].split())
    text = str(iri)
    return text.removeprefix(str(VGID))


def _unique_ids(iris: list[URIRef]) -> dict[URIRef, str]:
    """node_id for each IRI (sorted input), with a hash suffix where two would clash."""
    ids: dict[URIRef, str] = {}
    taken: set[str] = set()
    for iri in iris:
        candidate = node_id(iri)
        if candidate in taken:
            digest = hashlib.sha1(str(iri).encode("utf-8", "surrogatepass")).hexdigest()[:8]
            candidate = f"{candidate}_{digest}"
        taken.add(candidate)
        ids[iri] = candidate
    return ids
