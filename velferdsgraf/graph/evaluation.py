"""Score a built graph against SCHEME.md gold annotations: precision, recall and F1 per category.

The rules are those of SCHEME.md, "Scoring". Where the scheme leaves a choice open:

* **Undefined ratios.** Precision is ``None`` when the graph has no item of a category and
  recall is ``None`` when the gold has none (0/0, shown as "n/a" / JSON ``null``). F1 is
  ``None`` only when both sides are empty; when one side is empty and the other is not, F1 is
  0.0 (nothing found, or nothing right).
* **Relation endpoints.** A graph entity that matched a gold entity stands for that gold entity
  and nothing else. A graph entity that matched none (a wrong type, or a duplicate that lost
  the one-to-one matching) stands for its own normalised labels, and meets a gold endpoint
  whose gold entity has that name or alias. So a relation is scored on its own merits; a
  mistyped or unresolved entity is already counted once, in its entity category.
* **Gold endpoints** are resolved to the gold entities of the allowed categories (roles' and
  affiliations' organisation side: organisations or municipalities; participants' target:
  initiatives or events). A name that is listed in no such category still takes part, by
  its name, and is reported in ``Gold.warnings``.
* **Gold affiliations** are completed with the (person, organisation) pair of every gold role
  that has one, as SCHEME asks of the annotators, mirroring the graph side.
* **Context entities** — municipalities and organisations that no report mentions, added from
  the gazetteer as predecessors or successors of ones that are (Ski beside Nordre Follo) — are
  not findings and are not scored.
* **Matching** is one-to-one, of maximum size; among maximum matchings, the one preferring
  matches through a gold name (entities), exact roles and resolved endpoints is chosen.
  Inputs are sorted, so the outcome does not depend on file or triple order.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS
from rdflib.term import Node

from velferdsgraf.errors import GoldError
from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG

__all__ = [
    "CATEGORIES", "CategoryScore", "EvalReport", "Gold", "format_report", "load_gold",
    "normalise_name", "report_to_json", "role_matches", "score",
]

ENTITY_CATEGORIES = ("persons", "organisations", "municipalities", "initiatives", "events")
PAIR_CATEGORIES = ("affiliations", "located_in", "participants")
RELATION_CATEGORIES = ("roles",) + PAIR_CATEGORIES
CATEGORIES = ENTITY_CATEGORIES + RELATION_CATEGORIES
ENTITY_TYPES = {
    "persons": VG.Person, "organisations": VG.Organisation, "municipalities": VG.Municipality,
    "initiatives": VG.Initiative, "events": VG.Event,
}
_ORG_SIDE = ("organisations", "municipalities")
# (field, allowed entity categories) for the graph subject, then the graph object of each pair.
PAIR_FIELDS: dict[str, tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]]] = {
    "affiliations": (("person", ("persons",)), ("organisation", _ORG_SIDE)),
    "located_in": (("organisation", ("organisations",)), ("municipality", ("municipalities",))),
    "participants": (
        ("participant", ("persons", "organisations", "municipalities")),
        ("initiative_or_event", ("initiatives", "events")),
    ),
}
_META_KEYS = ("doc", "source", "language", "notes")

_QUOTES = str.maketrans("", "", "«»\"'“”‘’")
_CHARS = str.maketrans({"\u00a0": " ", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")
_EDGES = " .,:;"
_KOMMUNE = " kommune"


def normalise_name(s: str) -> str:
    """The form names are compared in (SCHEME.md): ``"«Bærum  Kommune»."`` -> ``"bærum"``.

    NFC, casefold, NBSP to space, en/em dash to hyphen, quotes removed, whitespace
    collapsed, leading/trailing `` .,:;`` stripped and a trailing " kommune" removed.
    """
    s = unicodedata.normalize("NFC", s).casefold().translate(_CHARS).translate(_QUOTES)
    s = _SPACES.sub(" ", s).strip(_EDGES)
    if s.endswith(_KOMMUNE):
        s = s[: -len(_KOMMUNE)].strip(_EDGES)
    return s


def role_matches(gold_role: str, graph_role: str) -> bool:
    """Whether two role titles match: equal, or one is the other plus words at the start or end.

    >>> role_matches("kommunalsjef", "Kommunalsjef oppvekst barnehage")
    True
    """
    a, b = normalise_name(gold_role).split(), normalise_name(graph_role).split()
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    n = len(short)
    return long[:n] == short or long[-n:] == short


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity after the corpus union; ``keys`` holds every normalised name and alias."""

    id: str  # "persons/3"
    category: str
    name: str
    aliases: tuple[str, ...]
    names: frozenset[str]  # normalised `name` fields (matches through these are preferred)
    keys: frozenset[str]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class GoldEndpoint:
    """A name in a gold relation and what it may match: "E:<entity id>" and "N:<name>" tokens."""

    name: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class GoldPair:
    """One gold affiliation, located_in or participants fact, in graph triple direction."""

    subject: GoldEndpoint
    object: GoldEndpoint


@dataclass(frozen=True)
class GoldRole:
    """One gold role; ``organisation`` is None when the text names none."""

    person: GoldEndpoint
    role: str
    organisation: GoldEndpoint | None


@dataclass(frozen=True)
class Gold:
    """The union of a set of gold files: entities per category and deduplicated facts."""

    files: tuple[str, ...]
    entities: Mapping[str, tuple[GoldEntity, ...]]
    roles: tuple[GoldRole, ...]
    pairs: Mapping[str, tuple[GoldPair, ...]]
    warnings: tuple[str, ...] = ()

    def count(self, category: str) -> int:
        """The number of gold items in a category."""
        if category in self.entities:
            return len(self.entities[category])
        return len(self.roles) if category == "roles" else len(self.pairs[category])


@dataclass
class _RawDoc:
    """One gold file as read, before the union."""

    file: str
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def load_gold(gold_dir: Path, stems: Iterable[str] | None = None) -> Gold:
    """Read the gold files in ``gold_dir`` (all ``*.json``, or ``<stem>.json`` for each stem).

    Raises GoldError naming the file and the reason for a missing or malformed file.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory of gold files")
    if stems is None:
        paths = sorted(gold_dir.glob("*.json"))
        if not paths:
            raise GoldError(f"{gold_dir}: no *.json gold files")
    else:
        paths = sorted({gold_dir / f"{stem}.json" for stem in stems})
        missing = [p.name for p in paths if not p.is_file()]
        if missing:
            raise GoldError(f"{gold_dir}: no gold file for {', '.join(missing)}")
    return _union([_read_gold_file(p) for p in paths])


def _read_gold_file(path: Path) -> _RawDoc:
    """Parse and check one gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: {e}") from e
    try:
        return _RawDoc(path.name, _check_doc(data))
    except ValueError as e:
        raise GoldError(f"{path}: {e}") from e


def _check_doc(data: object) -> dict[str, list[dict[str, Any]]]:
    """The category lists of a gold document; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    unknown = sorted(set(data) - set(CATEGORIES) - set(_META_KEYS))
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(CATEGORIES + _META_KEYS)}")
    out: dict[str, list[dict[str, Any]]] = {}
    for cat in CATEGORIES:
        if cat not in data:
            raise ValueError(f"missing key {cat!r}")
        if not isinstance(data[cat], list):
            raise ValueError(f"{cat!r} must be a list, got {type(data[cat]).__name__}")
        out[cat] = [_check_item(cat, i, item) for i, item in enumerate(data[cat])]
    return out


def _check_item(cat: str, i: int, item: object) -> dict[str, Any]:
    """One list item, with the fields its category needs."""
    where = f"{cat}[{i}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected an object, got {type(item).__name__}")
    if cat in ENTITY_CATEGORIES:
        _check_name(where, "name", item.get("name"))
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list):
            raise ValueError(f"{where}.aliases: expected a list of names")
        for j, alias in enumerate(aliases):
            _check_name(where, f"aliases[{j}]", alias)
        return {"name": item["name"], "aliases": aliases}
    if cat == "roles":
        _check_name(where, "person", item.get("person"))
        _check_name(where, "role", item.get("role"))
        if item.get("organisation") is not None:
            _check_name(where, "organisation", item["organisation"])
        return {"person": item["person"], "role": item["role"],
                "organisation": item.get("organisation")}
    for key, _ in PAIR_FIELDS[cat]:
        _check_name(where, key, item.get(key))
    return {key: item[key] for key, _ in PAIR_FIELDS[cat]}


def _check_name(where: str, key: str, value: object) -> None:
    """A name must be a string that does not normalise to nothing."""
    if not isinstance(value, str) or not normalise_name(value):
        raise ValueError(f"{where}.{key}: expected a non-empty name, got {value!r}")


def _union(docs: Sequence[_RawDoc]) -> Gold:
    """Merge gold files: entities sharing a name or alias are one, equal facts count once."""
    entities = {cat: _merge_entities(cat, docs) for cat in ENTITY_CATEGORIES}
    index = {cat: {k: e for e in ents for k in e.keys} for cat, ents in entities.items()}
    warnings: list[str] = []

    def endpoint(doc: _RawDoc, where: str, name: str, cats: tuple[str, ...]) -> GoldEndpoint:
        key = normalise_name(name)
        found = [index[c][key] for c in cats if key in index[c]]
        if not found:
            warnings.append(f"{doc.file}: {where}: {name!r} is listed in none of {', '.join(cats)}")
        tokens = {f"N:{key}"} | {f"E:{e.id}" for e in found} | {f"N:{k}" for e in found for k in e.keys}
        return GoldEndpoint(found[0].name if len(found) == 1 else name, frozenset(tokens))

    roles: dict[tuple[object, ...], GoldRole] = {}
    pairs: dict[str, dict[tuple[object, ...], GoldPair]] = {cat: {} for cat in PAIR_CATEGORIES}
    for doc in docs:
        for i, r in enumerate(doc.data["roles"]):
            person = endpoint(doc, f"roles[{i}].person", r["person"], ("persons",))
            org = None if r["organisation"] is None else endpoint(
                doc, f"roles[{i}].organisation", r["organisation"], _ORG_SIDE)
            role = GoldRole(person, r["role"], org)
            roles.setdefault((person.tokens, normalise_name(r["role"]), org and org.tokens), role)
        for cat in PAIR_CATEGORIES:
            for i, item in enumerate(doc.data[cat]):
                s, o = (endpoint(doc, f"{cat}[{i}].{key}", item[key], cats)
                        for key, cats in PAIR_FIELDS[cat])
                pairs[cat].setdefault((s.tokens, o.tokens), GoldPair(s, o))
    for role in list(roles.values()):  # SCHEME: affiliations include every role pair with an organisation
        if role.organisation is not None:
            pair = GoldPair(role.person, role.organisation)
            pairs["affiliations"].setdefault((pair.subject.tokens, pair.object.tokens), pair)
    return Gold(
        files=tuple(d.file for d in docs),
        entities=entities,
        roles=tuple(roles.values()),
        pairs={cat: tuple(p.values()) for cat, p in pairs.items()},
        warnings=tuple(warnings),
    )


def _merge_entities(cat: str, docs: Sequence[_RawDoc]) -> tuple[GoldEntity, ...]:
    """Union-find over the entries of one category, joined by any shared normalised name."""
    entries = [(doc.file, item) for doc in docs for item in doc.data[cat]]
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, (_, item) in enumerate(entries):
        for name in [item["name"], *item["aliases"]]:
            j = first_with.setdefault(normalise_name(name), i)
            parent[max(find(i), find(j))] = min(find(i), find(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        groups[find(i)].append(i)
    out = []
    for n, root in enumerate(sorted(groups)):
        members = [entries[i] for i in groups[root]]
        name = members[0][1]["name"]
        names = [m[1]["name"] for m in members]
        aliases = [a for m in members for a in m[1]["aliases"]] + names[1:]
        out.append(GoldEntity(
            id=f"{cat}/{n}", category=cat, name=name,
            aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
            names=frozenset(map(normalise_name, names)),
            keys=frozenset(normalise_name(x) for x in [*names, *aliases]),
            sources=tuple(dict.fromkeys(m[0] for m in members)),
        ))
    return tuple(out)


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class CategoryScore:
    """Counts and ratios of one category; ratios are None when undefined (0/0)."""

    category: str
    gold: int
    graph: int
    tp: int
    false_positives: tuple[str, ...] = ()
    false_negatives: tuple[str, ...] = ()
    # Indices of the graph items (in the scorer's sorted order) that matched a gold item.
    matched: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    @property
    def fp(self) -> int:
        """Graph items that matched nothing."""
        return self.graph - self.tp

    @property
    def fn(self) -> int:
        """Gold items that nothing matched."""
        return self.gold - self.tp

    @property
    def precision(self) -> float | None:
        """Matched graph items / graph items; None when the graph has none."""
        return self.tp / self.graph if self.graph else None

    @property
    def recall(self) -> float | None:
        """Matched gold items / gold items; None when the gold has none."""
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of P and R; 0.0 when only one side is empty, None when both are."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)


@dataclass(frozen=True)
class EvalReport:
    """Scores per category, in CATEGORIES order, plus micro-averages."""

    categories: tuple[CategoryScore, ...]
    gold_files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def __getitem__(self, category: str) -> CategoryScore:
        for c in self.categories:
            if c.category == category:
                return c
        raise KeyError(category)

    @property
    def entities_micro(self) -> CategoryScore:
        """Counts summed over the entity categories."""
        return _micro("entities (micro)", [self[c] for c in ENTITY_CATEGORIES])

    @property
    def relations_micro(self) -> CategoryScore:
        """Counts summed over the relation categories."""
        return _micro("relations (micro)", [self[c] for c in RELATION_CATEGORIES])


def _micro(name: str, scores: Sequence[CategoryScore]) -> CategoryScore:
    return CategoryScore(name, sum(s.gold for s in scores), sum(s.graph for s in scores),
                         sum(s.tp for s in scores))


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_report(report: EvalReport, show_errors: bool = False) -> str:
    """A plain-text table (category, gold, graph, tp, P, R, F1), without a final newline."""
    head = f"{'category':<18} {'gold':>5} {'graph':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"
    rows = [head, "-" * len(head)]
    for s in [*report.categories[: len(ENTITY_CATEGORIES)], report.entities_micro,
              *report.categories[len(ENTITY_CATEGORIES):], report.relations_micro]:
        rows.append(f"{s.category:<18} {s.gold:>5} {s.graph:>5} {s.tp:>5} "
                    f"{_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>6}")
        if s.category.endswith("(micro)"):
            rows.append("")
    if show_errors:
        for s in report.categories:
            rows += [f"  {s.category} FP: {x}" for x in s.false_positives]
            rows += [f"  {s.category} FN: {x}" for x in s.false_negatives]
        rows += [f"warning: {w}" for w in report.warnings]
    return "\n".join(rows).rstrip("\n")


def _score_json(s: CategoryScore, show_errors: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"gold": s.gold, "graph": s.graph, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                           "precision": s.precision, "recall": s.recall, "f1": s.f1}
    if show_errors:
        out |= {"false_positives": list(s.false_positives),
                "false_negatives": list(s.false_negatives)}
    return out


def report_to_json(report: EvalReport, show_errors: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data; undefined ratios are None (null)."""
    return {
        "gold_files": list(report.gold_files),
        "categories": {s.category: _score_json(s, show_errors) for s in report.categories},
        "micro": {"entities": _score_json(report.entities_micro, False),
                  "relations": _score_json(report.relations_micro, False)},
        "warnings": list(report.warnings),
    }


# --------------------------------------------------------------------------- scoring


def score(graph: Graph, gold: Gold) -> EvalReport:
    """Compare the whole graph with the gold union, category by category (SCHEME.md)."""
    matched: dict[Node, set[str]] = defaultdict(set)  # graph node -> gold entity ids
    scores = [_score_entities(graph, gold, cat, matched) for cat in ENTITY_CATEGORIES]
    tokens = _TokenMap(graph, matched)
    scores.append(_score_roles(graph, gold, tokens))
    for cat in PAIR_CATEGORIES:
        scores.append(_score_pairs(cat, graph_pairs(graph, cat), gold.pairs[cat], tokens))
    return EvalReport(tuple(scores), gold.files, gold.warnings)


def _labels(graph: Graph, node: Node) -> list[str]:
    """rdfs:label then skos:altLabel values, each sorted."""
    return [x for p in (RDFS.label, SKOS.altLabel) for x in sorted(map(str, graph.objects(node, p)))]


def _display(graph: Graph, node: Node | None) -> str:
    if node is None:
        return "(none)"
    labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node)


class _TokenMap:
    """What each graph node stands for in relations: its gold entity, else its own labels."""

    def __init__(self, graph: Graph, matched: Mapping[Node, set[str]]) -> None:
        self.graph, self.matched = graph, matched
        self.cache: dict[Node, frozenset[str]] = {}

    def __call__(self, node: Node | None) -> frozenset[str]:
        if node is None:
            return frozenset()
        if node not in self.cache:
            if self.matched.get(node):
                toks = {f"E:{i}" for i in self.matched[node]}
            elif isinstance(node, Literal):
                toks = {f"N:{normalise_name(str(node))}"}
            else:
                toks = {f"N:{normalise_name(x)}" for x in _labels(self.graph, node)}
            self.cache[node] = frozenset(t for t in toks if t != "N:")
        return self.cache[node]


def _maximum_matching(edges: Mapping[tuple[int, int], int]) -> dict[int, int]:
    """One-to-one matching of left to right indices: maximum size, then maximum weight.

    Solved per connected component (most are a single edge); nodes and edges are added in
    sorted order so the result is the same in every run.
    """
    import networkx as nx  # only `eval` needs it

    whole = nx.Graph()
    whole.add_weighted_edges_from(sorted((("L", a), ("R", b), w) for (a, b), w in edges.items()))
    out: dict[int, int] = {}
    for comp in sorted((sorted(c) for c in nx.connected_components(whole)), key=lambda c: c[0]):
        sub = nx.Graph()
        sub.add_nodes_from(comp)
        sub.add_weighted_edges_from(sorted((u, v, d["weight"]) for u, v, d in whole.edges(comp, data=True)))
        if sub.number_of_edges() == 1:
            pairs = set(sub.edges)
        else:
            pairs = nx.max_weight_matching(sub, maxcardinality=True)
        for u, v in pairs:
            left, right = (u, v) if u[0] == "L" else (v, u)
            out[left[1]] = right[1]
    return out


def _result(cat: str, graph_items: Sequence[str], gold_items: Sequence[str],
            match: Mapping[int, int]) -> CategoryScore:
    """A CategoryScore from displayed items and a left(graph)->right(gold) matching."""
    hit = set(match.values())
    return CategoryScore(
        cat, len(gold_items), len(graph_items), len(match),
        tuple(sorted(x for i, x in enumerate(graph_items) if i not in match)),
        tuple(sorted(x for i, x in enumerate(gold_items) if i not in hit)),
        frozenset(match),
    )


def _context_only(graph: Graph, node: Node) -> bool:
    """A predecessor or successor the gazetteer added that no report mentions: not a finding."""
    if (None, SCHEMA.mentions, node) in graph:
        return False
    return (node, VG.precededBy, None) in graph or (node, VG.succeededBy, None) in graph


def _score_entities(graph: Graph, gold: Gold, cat: str,
                    matched: dict[Node, set[str]]) -> CategoryScore:
    """Match graph entities of one rdf:type to gold entities by normalised label."""
    nodes = sorted(n for n in set(graph.subjects(RDF.type, ENTITY_TYPES[cat])) if not _context_only(graph, n))
    golds = gold.entities[cat]
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, e in enumerate(golds):
        for k in e.keys:
            by_key[k].append(j)
    edges: dict[tuple[int, int], int] = {}
    for i, node in enumerate(nodes):
        keys = {normalise_name(x) for x in _labels(graph, node)} - {""}
        for j in {j for k in keys for j in by_key.get(k, ())}:
            edges[i, j] = 2 if keys & golds[j].names else 1  # prefer matches via the gold name
    match = _maximum_matching(edges)
    for i, j in match.items():
        matched[nodes[i]].add(golds[j].id)
    graph_items = [f"{_display(graph, n)} <{n}>" for n in nodes]
    gold_items = [e.name + (f" (aka {', '.join(e.aliases)})" if e.aliases else "") for e in golds]
    return _result(cat, graph_items, gold_items, match)


def _endpoint_weight(graph_tokens: frozenset[str], gold: GoldEndpoint) -> int:
    """0 when the endpoints differ; 2 through a matched entity, 1 through a name only."""
    common = graph_tokens & gold.tokens
    if not common:
        return 0
    return 2 if any(t.startswith("E:") for t in common) else 1


def graph_pairs(graph: Graph, cat: str) -> list[tuple[Node, Node]]:
    """The graph's (subject, object) pairs of one pair category, deduplicated and sorted."""
    if cat == "located_in":
        return sorted(set(graph.subject_objects(VG.locatedIn)))
    if cat == "participants":
        return sorted(set(graph.subject_objects(VG.participatesIn)))
    pairs = set(graph.subject_objects(ORG.memberOf))
    for m in graph.subjects(RDF.type, ORG.Membership):
        for person in graph.objects(m, ORG.member):
            pairs.update((person, org) for org in graph.objects(m, ORG.organization))
    return sorted(pairs)


def _score_pairs(cat: str, items: Sequence[tuple[Node, Node]], golds: Sequence[GoldPair],
                 tokens: _TokenMap) -> CategoryScore:
    """Match graph pairs to gold pairs through the entity matching."""
    by_token: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(golds):
        for t in g.subject.tokens:
            by_token[t].append(j)
    edges: dict[tuple[int, int], int] = {}
    for i, (s, o) in enumerate(items):
        st, ot = tokens(s), tokens(o)
        for j in {j for t in st for j in by_token.get(t, ())}:
            ws, wo = _endpoint_weight(st, golds[j].subject), _endpoint_weight(ot, golds[j].object)
            if ws and wo:
                edges[i, j] = ws + wo
    graph_ = tokens.graph
    shown = [f"{_display(graph_, s)} -> {_display(graph_, o)}" for s, o in items]
    gold_shown = [f"{g.subject.name} -> {g.object.name}" for g in golds]
    return _result(cat, shown, gold_shown, _maximum_matching(edges))


@dataclass(frozen=True)
class GraphRole:
    """A graph membership's content: memberships with equal content count once."""

    person: Node | None
    roles: tuple[str, ...]
    organisation: Node | None


def graph_roles(graph: Graph) -> list[GraphRole]:
    """Every org:Membership as (member, role labels, organisation or None), deduplicated."""
    out = set()
    for m in graph.subjects(RDF.type, ORG.Membership):
        person = min(graph.objects(m, ORG.member), default=None)
        org = min(graph.objects(m, ORG.organization), default=None)
        labels = sorted({x for r in graph.objects(m, ORG.role) for x in _labels(graph, r)})
        out.add(GraphRole(person, tuple(labels), org))
    return sorted(out, key=lambda r: (str(r.person), r.roles, str(r.organisation)))


def _role_weight(item: GraphRole, gold: GoldRole, tokens: _TokenMap) -> int:
    """0 when the membership does not match the gold role, else a preference weight."""
    wp = _endpoint_weight(tokens(item.person), gold.person)
    exact = any(normalise_name(r) == normalise_name(gold.role) for r in item.roles)
    wr = 2 if exact else int(any(role_matches(gold.role, r) for r in item.roles))
    if not (wp and wr):
        return 0
    if gold.organisation is None:  # any organisation is fine; prefer none
        return wp + wr + (item.organisation is None)
    wo = _endpoint_weight(tokens(item.organisation), gold.organisation)
    return wp + wr + wo if wo else 0


def _score_roles(graph: Graph, gold: Gold, tokens: _TokenMap) -> CategoryScore:
    """Match memberships to gold roles: person, role title (prefix/suffix rule), organisation."""
    items = graph_roles(graph)
    by_token: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(gold.roles):
        for t in g.person.tokens:
            by_token[t].append(j)
    edges: dict[tuple[int, int], int] = {}
    for i, item in enumerate(items):
        for j in {j for t in tokens(item.person) for j in by_token.get(t, ())}:
            w = _role_weight(item, gold.roles[j], tokens)
            if w:
                edges[i, j] = w

    def show(person: str, role: str, org: str | None) -> str:
        return f"{person}: {role}" + (f" @ {org}" if org else "")

    shown = [show(_display(graph, r.person), " / ".join(r.roles) or "(no role label)",
                  r.organisation and _display(graph, r.organisation)) for r in items]
    gold_shown = [show(g.person.name, g.role, g.organisation and g.organisation.name)
                  for g in gold.roles]
    return _result("roles", shown, gold_shown, _maximum_matching(edges))
