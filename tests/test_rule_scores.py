"""eval --by-rule: each rule's items, confirmed items and precision."""
from __future__ import annotations

import json

from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal

from velferdsgraf.cli import cli
from velferdsgraf.graph.evaluation import load_gold, score
from velferdsgraf.graph.rule_scores import format_rule_scores, rule_scores
from velferdsgraf.ontology.namespace import VG, VGID

from conftest import EXAMPLES


def _gold(tmp_path):
    gold = {"doc": "d.txt", "persons": [{"name": "Kari Nordmann", "aliases": []}],
            "organisations": [], "municipalities": [], "initiatives": [],
            "events": [{"name": "Velferdskonferansen", "aliases": []},
                       {"name": "Fagdagen om bolig", "aliases": []}],
            "roles": [], "affiliations": [], "located_in": [],
            "participants": [{"initiative_or_event": "Velferdskonferansen", "participant": "Kari Nordmann"}]}
    (tmp_path / "d.json").write_text(json.dumps(gold), encoding="utf-8")
    return load_gold(tmp_path)


def _graph() -> Graph:
    g = Graph()
    kari, conf, day = VGID["person/kari"], VGID["event/konf"], VGID["event/dag"]
    for node, cls, label in ((kari, VG.Person, "Kari Nordmann"), (conf, VG.Event, "Velferdskonferansen"),
                             (day, VG.Event, "Fagdagen om bolig")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    for i, (target, rule) in enumerate(((conf, "participation.report-person"), (day, "participation.list"))):
        g.add((kari, VG.participatesIn, target))
        st = VGID[f"statement/{i}"]
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, kari))
        g.add((st, RDF.predicate, VG.participatesIn))
        g.add((st, RDF.object, target))
        g.add((st, VG.rule, Literal(rule)))
    return g


def test_each_rule_is_credited_with_its_own_items(tmp_path):
    graph = _graph()
    scores = {(s.category, s.rule): s for s in rule_scores(graph, score(graph, _gold(tmp_path)))}
    right = scores["participants", "participation.report-person"]
    wrong = scores["participants", "participation.list"]
    assert (right.items, right.correct, right.precision) == (1, 1, 1.0)
    assert (wrong.items, wrong.correct, wrong.precision) == (1, 0, 0.0)
    table = format_rule_scores(list(scores.values()))
    assert "rules with precision below 0.5 in some category: 1 (participation.list)" in table


def test_cli_by_rule_on_the_examples():
    result = CliRunner().invoke(cli, ["eval", str(EXAMPLES.parent / "gold"), str(EXAMPLES), "--by-rule",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = json.loads(result.output[result.output.index("{"):])["rules"]
    assert {r["rule"] for r in rules} >= {"participation.list", "role.title-then-name", "located-in.place-in-name"}
    assert all(0 <= r["correct"] <= r["items"] for r in rules)
