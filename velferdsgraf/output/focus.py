"""Focused views of the entity network: by type, degree, municipality, or around one entity.

``view --types/--min-degree/--municipality/--ego --depth`` and the page's own filters share
these rules. An entity is *tied to* a municipality when it is the municipality, is located in
it (organisations), belongs to it or to an organisation located in it (persons), or has a
participant tied to it (initiatives, events). Names are matched on rdfs:label and
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
    "find_entity",
    "municipality_ties",
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
        ties = municipality_ties(net)
        keep = {node for node in keep if municipality in ties.get(node, ())}
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


def find_entity(net: nx.MultiDiGraph, name: str, kinds: Iterable[str] | None = None) -> str:
    """The node id of the one entity called ``name`` (label, alias, IRI or id; case ignored).

    A label match wins over an alias match. Raises EntityNotFoundError naming the
    candidates when there are none or several.
    """
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
        return found[0]
    if found:
        listed = ", ".join(f"{net.nodes[n]['label']} ({net.nodes[n]['type']}, {net.nodes[n]['iri']})" for n in found)
        raise EntityNotFoundError(f"{len(found)} entities are called {name!r}: {listed}; give the IRI")
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    raise EntityNotFoundError(f"no {what} called {name!r} in the graph{hint}")


def top_nodes(net: nx.MultiDiGraph, nodes: Iterable[str], limit: int) -> set[str]:
    """The ``limit`` most central of ``nodes``: by degree, then betweenness, then id."""
    ranked = sorted(
        nodes, key=lambda n: (-net.nodes[n]["degree"], -net.nodes[n]["betweenness"], n)
    )
    return set(ranked[:limit])
