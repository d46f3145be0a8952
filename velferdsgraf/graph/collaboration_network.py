"""Who works with whom, computed from the relations: a weighted person–person and organisation–organisation network.

Two persons collaborate when they take part in the same initiative or event
(``vg:participatesIn``) or belong to the same organisation or municipality (``org:memberOf``,
or an ``org:Membership`` node). Two organisations (municipalities count as organisations here)
collaborate when they take part in the same initiative or event. Persons and organisations are
never paired with each other: that tie is the membership or participation itself. The weight
of a pair is the number of contexts it shares.

Nothing is read from a stored collaboration layer (``vg:Collaboration``,
``vg:collaboratesWith``), so the network is the same whether or not a graph holds one.

A context with many members would give a quadratic number of pairs (a conference with 400
participants: 79,800). Above ``max_full`` members of one kind, a context pairs every member
only with its ``max_full`` *hubs* (its members taking part in the most contexts, then by IRI):
at most ``max_full × members`` pairs, and the hubs, who carry most of the ties anyway, keep them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rdflib import RDF, Graph, URIRef

from ..ontology.namespace import ORG, VG

__all__ = ["MAX_FULL_CONTEXT", "CollaborationEdge", "actor_kinds", "collaboration_edges"]

MAX_FULL_CONTEXT = 30  # members of one kind a context pairs all with each other; above, with its hubs
PERSON, ORGANISATION = "person", "organisation"
_KINDS = {VG.Person: PERSON, VG.Organisation: ORGANISATION, VG.Municipality: ORGANISATION}


@dataclass(frozen=True, slots=True)
class CollaborationEdge:
    """Two actors of one kind and the contexts they share; ``first`` sorts before ``second``."""

    first: URIRef
    second: URIRef
    kind: str  # "person" or "organisation"
    contexts: tuple[URIRef, ...]  # sorted, never empty

    @property
    def weight(self) -> int:
        """The number of shared contexts."""
        return len(self.contexts)


def actor_kinds(graph: Graph) -> dict[URIRef, str]:
    """Actor IRI -> ``"person"`` or ``"organisation"`` (a person typed both ways stays a person)."""
    kinds: dict[URIRef, str] = {}
    for cls, kind in _KINDS.items():
        for actor in graph.subjects(RDF.type, cls):
            if isinstance(actor, URIRef):
                kinds.setdefault(actor, kind)
    return kinds


def collaboration_edges(
    graph: Graph, *, max_full: int = MAX_FULL_CONTEXT, min_weight: int = 1
) -> list[CollaborationEdge]:
    """Every collaborating pair of ``graph`` (see the module docstring), sorted by (first, second).

    ``max_full`` bounds what one context contributes (pairs among at most that many members,
    then each further member with the hubs only); ``min_weight`` drops pairs sharing fewer contexts.
    """
    if max_full < 1:
        raise ValueError(f"max_full must be at least 1, not {max_full}")
    kinds = actor_kinds(graph)
    members = _context_members(graph, kinds)
    activity: dict[URIRef, int] = defaultdict(int)
    for group in members.values():
        for actor in group:
            activity[actor] += 1
    shared: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    for context in sorted(members):
        by_kind: dict[str, list[URIRef]] = defaultdict(list)
        for actor in members[context]:
            by_kind[kinds[actor]].append(actor)
        for group in by_kind.values():
            for pair in _pairs(group, activity, max_full):
                shared[pair].append(context)
    return [
        CollaborationEdge(a, b, kinds[a], tuple(contexts))
        for (a, b), contexts in sorted(shared.items())
        if len(contexts) >= min_weight
    ]


def _context_members(graph: Graph, kinds: dict[URIRef, str]) -> dict[URIRef, set[URIRef]]:
    """Context IRI -> the actors in it: participants of initiatives/events, members of organisations."""
    occasions = {s for cls in (VG.Initiative, VG.Event) for s in graph.subjects(RDF.type, cls)}
    bodies = {s for cls in (VG.Organisation, VG.Municipality) for s in graph.subjects(RDF.type, cls)}
    members: dict[URIRef, set[URIRef]] = defaultdict(set)
    for actor, context in graph.subject_objects(VG.participatesIn):
        if actor in kinds and context in occasions and isinstance(context, URIRef):
            members[context].add(actor)  # type: ignore[arg-type]
    memberships = list(graph.subject_objects(ORG.memberOf))
    for membership in graph.subjects(RDF.type, ORG.Membership):
        memberships.append((graph.value(membership, ORG.member), graph.value(membership, ORG.organization)))
    for person, body in memberships:
        if kinds.get(person) == PERSON and body in bodies and isinstance(body, URIRef):  # type: ignore[arg-type]
            members[body].add(person)  # type: ignore[arg-type]
    return members


def _pairs(group: Iterable[URIRef], activity: dict[URIRef, int], max_full: int) -> list[tuple[URIRef, URIRef]]:
    """The pairs one context gives among ``group``: all of them, or each member with the hubs."""
    actors = sorted(group)
    if len(actors) <= max_full:
        return list(combinations(actors, 2))
    ranked = sorted(actors, key=lambda a: (-activity[a], a))
    hubs, rest = ranked[:max_full], ranked[max_full:]
    pairs = [tuple(sorted(pair)) for pair in combinations(hubs, 2)]
    pairs += [(a, h) if a < h else (h, a) for a in rest for h in hubs]
    return pairs  # type: ignore[return-value]
