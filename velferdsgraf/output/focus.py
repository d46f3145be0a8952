"""Focused views of the entity network: by type, degree, municipality, or around one entity.

``view --types/--min-degree/--municipality/--ego --depth`` and the page's own filters share
these rules. An entity is *tied to* a municipality when it is the municipality, is located in
it (organisations), belongs to it or to an organisation located in it (persons), or has a
participant tied to it (initiatives, events); a municipality's view keeps what is tied to it
and what is *linked* to that (the other participants of its events, the other organisations of
its persons), so an event is never cut in half. Names are matched on rdfs:label and
skos:altLabel, ignoring case; an IRI or node id works too. Entities no report mentions and
with no relation (municipalities and bodies known only from the linking history) are left out
unless ``orphans`` is set: they say nothing about who works with whom.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import VelferdsgrafError
from .metrics import COLLABORATION, relation_graph

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EntityNotFoundError",
    "ViewFilter",
    "described",
    "find_entity",
    "municipality_reach",
    "municipality_ties",
    "resolve_entity",
    "select_nodes",
    "top_nodes",
]


class EntityNotFoundError(VelferdsgrafError):
    """A name given to ``view --ego`` or ``--municipality`` matches no entity, or several."""


@dataclass(frozen=True)
class ViewFilter:
    """What a focused view keeps; the defaults keep everything."""

    types: frozenset[str] | None = None  # type names, e.g. {"Person", "Organisation"}
    min_degree: int = 0
    municipality: str | None = None  # a municipality's name, alias or IRI
    ego: str | None = None  # an entity's name, alias or IRI
    depth: int = 1  # relation steps from ``ego``
    orphans: bool = False  # keep entities that no report mentions and that have no relation


def select_nodes(net: nx.MultiDiGraph, view: ViewFilter) -> set[str]:
    """The node ids of ``net`` that ``view`` keeps (every condition must hold)."""
    keep = {
        node
        for node, attrs in net.nodes(data=True)
        if (view.types is None or attrs["type"] in view.types)
        and attrs["degree"] >= view.min_degree
        and (view.orphans or attrs["degree"] > 0 or attrs["mentions"] > 0)
    }
    if view.municipality is not None:
        municipality = find_entity(net, view.municipality, kinds={"Municipality"})
        reach = municipality_reach(net)
        keep = {node for node in keep if municipality in reach.get(node, ())}
    if view.ego is not None:
        import networkx as nx

        centre = find_entity(net, view.ego)
        around = nx.ego_graph(relation_graph(net), centre, radius=max(view.depth, 0))
        keep &= set(around.nodes) | {centre}
        keep.add(centre)  # the entity asked for stays, whatever its type or degree
    return keep


def municipality_ties(net: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Node id -> the municipality node ids it is tied to (see the module docstring)."""
    kinds = {node: attrs["type"] for node, attrs in net.nodes(data=True)}
    ties: dict[str, set[str]] = defaultdict(set)
    for node, kind in kinds.items():
        if kind == "Municipality":
            ties[node].add(node)
    relations = [(u, v, d["relation"]) for u, v, d in net.edges(data=True) if d["relation"] != COLLABORATION]
    for u, v, relation in relations:  # organisations first: persons inherit from them
        if relation == "locatedIn" and kinds[v] == "Municipality":
            ties[u].add(v)
    for u, v, relation in relations:
        if relation == "memberOf":
            ties[u] |= ties.get(v, set())
    for u, v, relation in relations:
        if relation == "participatesIn" and kinds[v] in ("Initiative", "Event"):
            ties[v] |= ties.get(u, set())
    return {node: found for node, found in ties.items() if found}


def municipality_reach(net: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Node id -> the municipalities it is tied to or linked to by one relation to a tied entity."""
    ties = municipality_ties(net)
    reach: dict[str, set[str]] = {node: set(found) for node, found in ties.items()}
    for u, v, data in net.edges(data=True):
        if data["relation"] == COLLABORATION:
            continue
        if v in ties:
            reach.setdefault(u, set()).update(ties[v])
        if u in ties:
            reach.setdefault(v, set()).update(ties[u])
    return reach


def find_entity(net: nx.MultiDiGraph, name: str, kinds: Iterable[str] | None = None) -> str:
    """The node id of the one entity called ``name`` (label, alias, IRI or id; case ignored).

    A label match wins over an alias match. Raises EntityNotFoundError naming the
    candidates when there are none or several.
    """
    return resolve_entity(net, name, kinds)[0]


def resolve_entity(net: nx.MultiDiGraph, name: str, kinds: Iterable[str] | None = None) -> tuple[str, list[str]]:
    """:func:`find_entity`, plus the entities that only an alias match lost to (to warn about)."""
    allowed = set(kinds) if kinds is not None else None
    wanted = " ".join(name.split()).casefold()
    by_label, by_alias = [], []
    names: dict[str, str] = {}
    for node, attrs in net.nodes(data=True):
        if allowed is not None and attrs["type"] not in allowed:
            continue
        names[attrs["label"].casefold()] = attrs["label"]
        if wanted in (node.casefold(), attrs["iri"].casefold()) or attrs["label"].casefold() == wanted:
            by_label.append(node)
        elif wanted in {alias.strip().casefold() for alias in attrs["altLabels"].split(";")}:
            by_alias.append(node)
    found = by_label or by_alias
    what = " or ".join(sorted(allowed)).lower() if allowed else "entity"
    if len(found) == 1:
        return found[0], (by_alias if by_label else [])
    if found:
        listed = ", ".join(_described(net, n) for n in found)
        raise EntityNotFoundError(f"{len(found)} entities are called {name!r}: {listed}; give the IRI")
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    raise EntityNotFoundError(f"no {what} called {name!r} in the graph{hint}")


def _described(net: nx.MultiDiGraph, node: str) -> str:
    """``NAV Ski (Organisation, organisation:nav-ski)``: a name that pastes into a query."""
    from rdflib import URIRef

    from ..graph.query import compact

    attrs = net.nodes[node]
    return f"{attrs['label']} ({attrs['type']}, {compact(URIRef(attrs['iri']))})"


def described(net: nx.MultiDiGraph, nodes: Iterable[str]) -> str:
    """The entities ``nodes`` as ``label (Type, prefixed:name)``, comma-separated."""
    return ", ".join(_described(net, n) for n in nodes)


def top_nodes(net: nx.MultiDiGraph, nodes: Iterable[str], limit: int) -> set[str]:
    """The ``limit`` most central of ``nodes``: by degree, then betweenness, then id."""
    ranked = sorted(
        nodes, key=lambda n: (-net.nodes[n]["degree"], -net.nodes[n]["betweenness"], n)
    )
    return set(ranked[:limit])
