"""The collaboration layer, computed on use: ``velferdsgraf export --format collaboration``.

graph.ttl holds what the reports state; who works with whom is derived from it. Two actors
(persons, organisations, municipalities) collaborate when they take part in the same
initiative or event or belong to the same organisation or municipality (as in
:mod:`velferdsgraf.graph.collaboration`). A context with more than ``max_context`` actors does
not make a full clique: only its ``max_context`` best-attested actors (mentioned in most reports,
then by IRI) are paired, so one large context adds at most max_context·(max_context-1)/2 pairs.
The output is Turtle of ``vg:Collaboration`` nodes and ``vg:collaboratesWith`` triples
(docs/RDF.md, "Collaboration"), byte-identical for the same graph.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from ..graph.collaboration import _CONTEXT_LINKS, Collaboration
from ..ontology.namespace import SCHEMA, VG
from .atomic import atomic_open

__all__ = ["DEFAULT_MAX_CONTEXT", "bounded_collaborations", "collaboration_triples", "write_collaboration"]

DEFAULT_MAX_CONTEXT = 30


def bounded_collaborations(graph: Graph, max_context: int = DEFAULT_MAX_CONTEXT) -> list[Collaboration]:
    """Every collaborating pair of ``graph``, large contexts bounded; sorted by (first, second)."""
    members: dict[URIRef, set[URIRef]] = defaultdict(set)
    for predicate, (subject_classes, context_classes) in _CONTEXT_LINKS.items():
        for actor, context in graph.subject_objects(predicate):
            if _has_class(graph, actor, subject_classes) and _has_class(graph, context, context_classes):
                members[context].add(actor)  # type: ignore[index, arg-type]
    reports: dict[URIRef, int] = defaultdict(int)
    if any(len(actors) > max_context for actors in members.values()):
        for _, entity in graph.subject_objects(SCHEMA.mentions):
            reports[entity] += 1  # type: ignore[index]
    shared: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    for context in sorted(members):
        actors = sorted(members[context])
        if len(actors) > max_context:
            actors = sorted(sorted(actors, key=lambda a: (-reports[a], a))[:max_context])
        for pair in combinations(actors, 2):
            shared[pair].append(context)
    return [Collaboration(a, b, tuple(contexts)) for (a, b), contexts in sorted(shared.items())]


def _has_class(graph: Graph, node: object, classes: tuple[URIRef, ...]) -> bool:
    return isinstance(node, URIRef) and any((node, RDF.type, cls) in graph for cls in classes)


def collaboration_triples(pairs: list[Collaboration]) -> Iterator[tuple[URIRef, URIRef, object]]:
    """The RDF of ``pairs``: the qualified node and ``vg:collaboratesWith`` both ways."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    for c in pairs:
        node = c.iri
        yield node, RDF.type, VG.Collaboration
        yield node, VG.collaborator, c.first
        yield node, VG.collaborator, c.second
        yield node, VG.weight, Literal(c.weight, datatype=XSD.integer)
        for context in c.contexts:
            yield node, VG.sharedContext, context
        yield c.first, VG.collaboratesWith, c.second
        yield c.second, VG.collaboratesWith, c.first


def write_collaboration(graph: Graph, path: Path | str, max_context: int = DEFAULT_MAX_CONTEXT) -> int:
    """Write the bounded collaboration layer of ``graph`` as Turtle to ``path``; returns the pairs."""
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    from ..graph.rdfstore.store import _prefixes

    pairs = bounded_collaborations(graph, max_context)
    triples = sorted(collaboration_triples(pairs), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    with atomic_open(path) as handle:
        ox.serialize([ox.Triple(*(to_ox(term) for term in t)) for t in triples], handle,
                     ox.RdfFormat.TURTLE, prefixes=_prefixes())
    return len(pairs)
