"""The collaboration layer: who works with whom, and through how many shared contexts.

Two actors (persons, organisations, municipalities) collaborate when they take part in the
same initiative or event (``vg:participatesIn``) or belong to the same organisation or
municipality (``org:memberOf``). The weight of a pair is the number of contexts they share.
The layer is derived from those statements alone, so it can be recomputed from any graph and
gives the same result whether or not the graph already holds it.

In RDF (docs/RDF.md, "Collaboration") each pair is a qualified ``vg:Collaboration`` node plus
the direct ``vg:collaboratesWith`` triple both ways; the node's IRI is a hash of its content
(the pair and its contexts), so builds stay byte-identical and no blank node is used.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..ontology.namespace import ORG, VG, VGID
from .names import content_hash

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ACTOR_CLASSES",
    "Collaboration",
    "add_collaboration",
    "collaboration_graph",
    "find_collaborations",
    "remove_collaboration",
]

ACTOR_CLASSES = (VG.Person, VG.Organisation, VG.Municipality)
# predicate -> (classes its subject must have, classes its object must have to be a shared context)
_CONTEXT_LINKS = {
    VG.participatesIn: (ACTOR_CLASSES, (VG.Initiative, VG.Event)),
    ORG.memberOf: ((VG.Person,), (VG.Organisation, VG.Municipality)),
}


@dataclass(frozen=True, slots=True)
class Collaboration:
    """Two actors and the contexts they share; ``first`` sorts before ``second``."""

    first: URIRef
    second: URIRef
    contexts: tuple[URIRef, ...]  # sorted, never empty

    @property
    def weight(self) -> int:
        """The number of shared contexts."""
        return len(self.contexts)

    @property
    def iri(self) -> URIRef:
        """``vgid:collaboration/HASH``, HASH from the pair and its contexts (same content, same IRI)."""
        return VGID[f"collaboration/{content_hash(self.first, self.second, *self.contexts)}"]


def find_collaborations(graph: Graph) -> list[Collaboration]:
    """Every collaborating pair in ``graph``, sorted by (first, second).

    An existing collaboration layer in ``graph`` is ignored: pairs are read from the
    ``vg:participatesIn`` and ``org:memberOf`` statements only.
    """
    members: dict[URIRef, set[URIRef]] = defaultdict(set)  # context -> actors
    for predicate, (subject_classes, context_classes) in _CONTEXT_LINKS.items():
        subjects = _typed(graph, subject_classes)
        contexts = _typed(graph, context_classes)
        for actor, context in graph.subject_objects(predicate):
            if actor in subjects and context in contexts:
                members[context].add(actor)  # type: ignore[arg-type]
    shared: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    for context in sorted(members):
        for pair in combinations(sorted(members[context]), 2):
            shared[pair].append(context)
    return [Collaboration(a, b, tuple(contexts)) for (a, b), contexts in sorted(shared.items())]


def collaboration_graph(graph: Graph, collaborations: Iterable[Collaboration] | None = None) -> nx.Graph:
    """The weighted, undirected networkx graph of the collaborations in ``graph``.

    Nodes are actor IRIs (inserted sorted); each edge has ``weight`` (int), ``contexts``
    (a sorted tuple of IRIs) and ``iri`` (the vg:Collaboration node).
    """
    import networkx as nx

    pairs = find_collaborations(graph) if collaborations is None else sorted(
        collaborations, key=lambda c: (c.first, c.second)
    )
    net = nx.Graph()
    net.add_nodes_from(sorted({actor for c in pairs for actor in (c.first, c.second)}))
    for c in pairs:
        net.add_edge(c.first, c.second, weight=c.weight, contexts=c.contexts, iri=c.iri)
    return net


def add_collaboration(graph: Graph) -> int:
    """Add the collaboration layer to ``graph`` (replacing any there); returns the number of pairs.

    Per pair: ``IRI a vg:Collaboration ; vg:collaborator A, B ; vg:weight N ;
    vg:sharedContext C…`` and ``A vg:collaboratesWith B`` and ``B vg:collaboratesWith A``.
    """
    remove_collaboration(graph)
    pairs = find_collaborations(graph)
    for c in pairs:
        node = c.iri
        graph.add((node, RDF.type, VG.Collaboration))
        graph.add((node, VG.collaborator, c.first))
        graph.add((node, VG.collaborator, c.second))
        graph.add((node, VG.weight, Literal(c.weight, datatype=XSD.integer)))
        for context in c.contexts:
            graph.add((node, VG.sharedContext, context))
        graph.add((c.first, VG.collaboratesWith, c.second))
        graph.add((c.second, VG.collaboratesWith, c.first))
    return len(pairs)


def remove_collaboration(graph: Graph) -> None:
    """Remove every vg:Collaboration node and vg:collaboratesWith triple from ``graph``."""
    for node in list(graph.subjects(RDF.type, VG.Collaboration)):
        graph.remove((node, None, None))
    graph.remove((None, VG.collaboratesWith, None))


def _typed(graph: Graph, classes: Iterable[URIRef]) -> set[URIRef]:
    return {s for cls in classes for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
