"""Precision of each extraction rule: which rule stated the relations the gold confirms.

Every membership and reified statement in the graph names the rules that stated it
(``vg:rule``). Scoring the graph against gold (evaluation.score) tells which graph items
matched; here each item's correctness is credited to every rule that stated it, so a rule's
precision is the share of its items that the gold confirms. Entities are not attributed.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, Graph
from rdflib.term import Node

from velferdsgraf.ontology.namespace import ORG, VG

from .evaluation import PAIR_CATEGORIES, EvalReport, GraphRole, graph_pairs, graph_roles

__all__ = ["RuleScore", "format_rule_scores", "rule_scores"]

NO_RULE = "(no rule id)"
_PREDICATES = {"affiliations": ORG.memberOf, "located_in": VG.locatedIn, "participants": VG.participatesIn}


@dataclass(frozen=True)
class RuleScore:
    """How many graph items of one category a rule stated, and how many the gold confirms."""

    rule: str
    category: str
    items: int
    correct: int

    @property
    def precision(self) -> float:
        """correct / items (items is never 0)."""
        return self.correct / self.items


def _rules(graph: Graph, node: Node) -> set[str]:
    return {str(r) for r in graph.objects(node, VG.rule)}


def _statement_rules(graph: Graph, predicate: Node) -> dict[tuple[Node, Node], set[str]]:
    out: dict[tuple[Node, Node], set[str]] = defaultdict(set)
    for st in graph.subjects(RDF.predicate, predicate):
        for s in graph.objects(st, RDF.subject):
            for o in graph.objects(st, RDF.object):
                out[s, o] |= _rules(graph, st)
    return out


def _membership_rules(graph: Graph) -> tuple[dict[GraphRole, set[str]], dict[tuple[Node, Node], set[str]]]:
    """Rules by membership content (as scored in roles) and by (member, organisation) pair."""
    by_role: dict[GraphRole, set[str]] = defaultdict(set)
    by_pair: dict[tuple[Node, Node], set[str]] = defaultdict(set)
    for m in graph.subjects(RDF.type, ORG.Membership):
        rules = _rules(graph, m)
        person = min(graph.objects(m, ORG.member), default=None)
        org = min(graph.objects(m, ORG.organization), default=None)
        labels = sorted({str(x) for r in graph.objects(m, ORG.role) for x in _labels(graph, r)})
        by_role[GraphRole(person, tuple(labels), org)] |= rules
        if person is not None and org is not None:
            by_pair[person, org] |= rules
    return by_role, by_pair


def _labels(graph: Graph, node: Node) -> Iterable[str]:
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    return [x for p in (RDFS.label, SKOS.altLabel) for x in sorted(map(str, graph.objects(node, p)))]


def rule_scores(graph: Graph, report: EvalReport) -> list[RuleScore]:
    """Per rule and relation category: items stated and items the gold confirmed in ``report``
    (the result of ``evaluation.score`` on the same graph), sorted by category then rule."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def credit(category: str, rules: set[str], ok: bool) -> None:
        for rule in rules or {NO_RULE}:
            counts[category, rule][0] += 1
            counts[category, rule][1] += ok

    by_role, by_pair = _membership_rules(graph)
    matched = report["roles"].matched
    for i, item in enumerate(graph_roles(graph)):
        credit("roles", by_role.get(item, set()), i in matched)
    for cat in PAIR_CATEGORIES:
        stated = _statement_rules(graph, _PREDICATES[cat])
        matched = report[cat].matched
        for i, pair in enumerate(graph_pairs(graph, cat)):
            rules = set(stated.get(pair, set()))
            if cat == "affiliations":
                rules |= by_pair.get(pair, set())
            credit(cat, rules, i in matched)
    return [RuleScore(rule, cat, n, ok) for (cat, rule), (n, ok) in sorted(counts.items())]


def format_rule_scores(scores: list[RuleScore], threshold: float = 0.5) -> str:
    """A table (category, rule, items, correct, precision) and the count of rules under ``threshold``."""
    head = f"{'category':<13} {'rule':<44} {'items':>5} {'correct':>7} {'P':>6}"
    rows = [head, "-" * len(head)]
    rows += [f"{s.category:<13} {s.rule:<44} {s.items:>5} {s.correct:>7} {s.precision:>6.3f}" for s in scores]
    weak = sorted({s.rule for s in scores if s.precision < threshold})
    rows.append("")
    rows.append(f"rules with precision below {threshold} in some category: {len(weak)}"
                + (f" ({', '.join(weak)})" if weak else ""))
    return "\n".join(rows)
