"""Tests of velferdsgraf.graph.evaluation: gold loading, normalisation and scoring (SCHEME.md)."""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from velferdsgraf.errors import GoldError
from velferdsgraf.graph.evaluation import (
    CATEGORIES,
    ENTITY_CATEGORIES,
    ENTITY_TYPES,
    CategoryScore,
    format_report,
    load_gold,
    normalise_name,
    report_to_json,
    role_matches,
    score,
)
from velferdsgraf.ontology.namespace import ORG, VG, VGID

SAMPLES_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "gold"


# --------------------------------------------------------------------------- helpers


def _doc(**lists: list) -> dict:
    """A gold document with every category present, empty unless given."""
    return {"doc": "x.txt", "source": "x.txt", "language": "nb",
            **{c: [] for c in CATEGORIES}, **lists, "notes": ""}


def _ent(name: str, *aliases: str) -> dict:
    return {"name": name, "aliases": list(aliases)}


def _gold(tmp_path: Path, *docs: dict, stems: list[str] | None = None):
    for i, d in enumerate(docs):
        (tmp_path / f"{i:03d}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return load_gold(tmp_path, stems)


def _slug(label: str) -> str:
    return hashlib.sha1(label.encode()).hexdigest()[:12]


def _add(g: Graph, cls: URIRef, label: str, *alts: str, iri: str | None = None) -> URIRef:
    """An entity node as RDF.md describes: one rdf:type, one rdfs:label, altLabels."""
    node = VGID[iri or f"{cls.split('#')[-1].lower()}/{_slug(label)}"]
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label)))
    for a in alts:
        g.add((node, SKOS.altLabel, Literal(a)))
    return node


def _membership(g: Graph, person: URIRef, role: str, org: URIRef | None = None) -> URIRef:
    m = VGID[f"membership/{_slug(f'{person}|{role}|{org}')}"]
    role_node = VGID[f"role/{_slug(role)}"]
    g.add((role_node, RDF.type, VG.Role))
    g.add((role_node, RDFS.label, Literal(role)))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, person))
    g.add((m, ORG.role, role_node))
    if org is not None:
        g.add((m, ORG.organization, org))
        g.add((person, ORG.memberOf, org))
    return m


def _graph_from_gold_files(paths: list[Path]) -> Graph:
    """The graph a perfect builder would emit for these gold files (first name as label)."""
    g = Graph()
    nodes: dict[tuple[str, str], URIRef] = {}
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for cat in ENTITY_CATEGORIES:
            for e in doc[cat]:
                key = (cat, normalise_name(e["name"]))
                if key not in nodes:
                    iri = f"{cat}/{_slug(key[1])}"
                    nodes[key] = _add(g, ENTITY_TYPES[cat], e["name"], *e["aliases"], iri=iri)
                    for a in e["aliases"]:
                        nodes.setdefault((cat, normalise_name(a)), nodes[key])

    def node(name: str, cats: tuple[str, ...]) -> URIRef:
        return next(nodes[c, normalise_name(name)] for c in cats if (c, normalise_name(name)) in nodes)

    orgside = ("organisations", "municipalities")
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for r in doc["roles"]:
            org = r["organisation"] and node(r["organisation"], orgside)
            _membership(g, node(r["person"], ("persons",)), r["role"], org)
        for a in doc["affiliations"]:
            g.add((node(a["person"], ("persons",)), ORG.memberOf, node(a["organisation"], orgside)))
        for li in doc["located_in"]:
            g.add((node(li["organisation"], ("organisations",)), VG.locatedIn,
                   node(li["municipality"], ("municipalities",))))
        for p in doc["participants"]:
            g.add((node(p["participant"], ("persons", "organisations", "municipalities")),
                   VG.participatesIn, node(p["initiative_or_event"], ("initiatives", "events"))))
    return g


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize("raw, expected", [
    ("Bærum", "bærum"),
    ("Ba\u0308rum", "bärum"),                      # NFC: a + combining diaeresis
    ("A\u030asane", "åsane"),                      # NFC: A + combining ring
    ("NAV Ski", "nav ski"),
    ("Stra\u00dfe", "strasse"),                    # casefold, not lower
    ("Nordre\u00a0Follo", "nordre follo"),         # NBSP
    ("Helse\u2013 og omsorg", "helse- og omsorg"),  # en dash
    ("Helse\u2014og omsorg", "helse-og omsorg"),    # em dash
    ("«Sammen om min vej»", "sammen om min vej"),
    ("KS’ partnerskap", "ks partnerskap"),
    ("KS' partnerskap", "ks partnerskap"),
    ("“Velferd” er ‘en’ \"fellesoppgave\"", "velferd er en fellesoppgave"),
    ("  Nordre \n\t Follo  ", "nordre follo"),
    ("Bærum kommune", "bærum"),
    ("Oppegård Kommune.", "oppegård"),
    (".:; Aleris,;", "aleris"),
    ("Kommunen", "kommunen"),                      # no leading space: not the suffix
    ("Bærum kommunes", "bærum kommunes"),
    ("Kommunal- og moderniseringsdepartementet", "kommunal- og moderniseringsdepartementet"),
])
def test_evaluation_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


@pytest.mark.parametrize("gold, graph, expected", [
    ("kommunalsjef", "kommunalsjef oppvekst barnehage", True),
    ("kommunalsjef oppvekst barnehage", "kommunalsjef", True),
    ("leder", "daglig leder", True),                       # extra words at the start
    ("NAV-leder", "nav-leder", True),
    ("seksjonsleder skole", "seksjonsleder for skole", False),  # words in the middle
    ("leder", "nav-leder", False),                         # word-wise, not character-wise
    ("direktør", "direktøren", False),
    ("kommunalsjef helse", "kommunalsjef oppvekst", False),
    ("", "direktør", False),
])
def test_evaluation_role_matches(gold: str, graph: str, expected: bool) -> None:
    assert role_matches(gold, graph) is expected


# --------------------------------------------------------------------------- gold loading


def test_evaluation_load_gold_union_merges_transitively_and_counts_facts_once(tmp_path: Path) -> None:
    a = _doc(persons=[_ent("Paul Chaffey", "Chaffey")],
             organisations=[_ent("Kommunal- og moderniseringsdepartementet", "KMD")],
             affiliations=[{"person": "Paul Chaffey", "organisation": "KMD"}])
    b = _doc(persons=[_ent("P. Chaffey", "Chaffey"), _ent("Silvija Seres")],
             organisations=[_ent("KMD")],
             affiliations=[{"person": "Chaffey",
                            "organisation": "Kommunal- og moderniseringsdepartementet"}])
    c = _doc(persons=[_ent("Paul  Chaffey"), _ent("p. chaffey")])   # joins the same group again
    gold = _gold(tmp_path, a, b, c)
    persons = gold.entities["persons"]
    assert [p.name for p in persons] == ["Paul Chaffey", "Silvija Seres"]
    assert persons[0].sources == ("000.json", "001.json", "002.json")
    assert gold.count("organisations") == 1
    assert gold.count("affiliations") == 1
    assert gold.warnings == ()


def test_evaluation_load_gold_merges_through_a_later_bridge(tmp_path: Path) -> None:
    # The third file names both spellings: all three entries become one entity.
    gold = _gold(tmp_path, _doc(persons=[_ent("Silvija Seres")]), _doc(persons=[_ent("Siljvia Seres")]),
                 _doc(persons=[_ent("Silvija Seres", "Siljvia Seres")]))
    assert gold.count("persons") == 1
    assert gold.entities["persons"][0].aliases == ("Siljvia Seres",)


def test_evaluation_load_gold_merges_only_within_a_type(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(initiatives=[_ent("Sammen om arbeid")],
                                events=[_ent("Sammen om arbeid")]))
    assert gold.count("initiatives") == 1 and gold.count("events") == 1


def test_evaluation_load_gold_only_given_stems(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(persons=[_ent("Ola Nordmann")]), _doc(persons=[_ent("Kari Nordmann")]),
                 stems=["001"])
    assert gold.files == ("001.json",)
    assert [p.name for p in gold.entities["persons"]] == ["Kari Nordmann"]


def test_evaluation_load_gold_missing_stem_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no gold file for 404.json"):
        _gold(tmp_path, _doc(), stems=["000", "404"])


def test_evaluation_load_gold_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no \\*.json gold files"):
        load_gold(tmp_path)


def test_evaluation_gold_affiliations_include_role_pairs(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(
        persons=[_ent("Mari Trommald")], organisations=[_ent("Bufdir")],
        roles=[{"person": "Mari Trommald", "role": "direktør", "organisation": "Bufdir"},
               {"person": "Mari Trommald", "role": "leder", "organisation": None}]))
    assert [(p.subject.name, p.object.name) for p in gold.pairs["affiliations"]] == [
        ("Mari Trommald", "Bufdir")]


def test_evaluation_gold_warns_about_unlisted_endpoint(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(persons=[_ent("Ola Nordmann")],
                                affiliations=[{"person": "Ola Nordmann", "organisation": "Ukjent AS"}]))
    assert len(gold.warnings) == 1
    assert "000.json: affiliations[0].organisation: 'Ukjent AS'" in gold.warnings[0]


@pytest.mark.parametrize("content, reason", [
    ("{not json", "Expecting property name"),
    ("[]", "expected a JSON object, got list"),
    (json.dumps({k: v for k, v in _doc().items() if k != "roles"}), "missing key 'roles'"),
    (json.dumps(_doc(persons={"name": "x"})), "'persons' must be a list"),
    (json.dumps({**_doc(), "organizations": []}), "unknown key(s) 'organizations'"),
    (json.dumps(_doc(persons=["Ola"])), "persons[0]: expected an object"),
    (json.dumps(_doc(persons=[{"aliases": []}])), "persons[0].name: expected a non-empty name"),
    (json.dumps(_doc(persons=[_ent("«»")])), "persons[0].name: expected a non-empty name"),
    (json.dumps(_doc(persons=[{"name": "Ola", "aliases": "Nordmann"}])), "persons[0].aliases"),
    (json.dumps(_doc(persons=[_ent("Ola", 7)])), "persons[0].aliases[0]"),
    (json.dumps(_doc(roles=[{"person": "Ola", "role": "leder", "organisation": 3}])),
     "roles[0].organisation"),
    (json.dumps(_doc(located_in=[{"organisation": "NAV Ski"}])), "located_in[0].municipality"),
])
def test_evaluation_load_gold_malformed(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(_doc()), encoding="utf-8")
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path)
    assert "bad.json" in str(info.value)
    assert reason in str(info.value)


def test_evaluation_load_gold_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.json").write_bytes(json.dumps(_doc(persons=[_ent("Bærum")]),
                                                     ensure_ascii=False).encode("latin-1"))
    with pytest.raises(GoldError, match="latin.json: .*utf-8"):
        load_gold(tmp_path)


# --------------------------------------------------------------------------- entities


def test_evaluation_entities_alias_match_and_errors(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(persons=[_ent("Paul Chaffey", "Chaffey"), _ent("Mari Trommald")],
                                municipalities=[_ent("Bærum", "Bærum kommune")]))
    g = Graph()
    _add(g, VG.Person, "Chaffey")                       # gold alias
    _add(g, VG.Person, "Ola Nordmann")                  # not in gold
    _add(g, VG.Municipality, "BÆRUM KOMMUNE")           # normalised
    report = score(g, gold)
    persons = report["persons"]
    assert (persons.gold, persons.graph, persons.tp, persons.fp, persons.fn) == (2, 2, 1, 1, 1)
    assert persons.precision == 0.5 and persons.recall == 0.5 and persons.f1 == 0.5
    assert persons.false_positives[0].startswith("Ola Nordmann <")
    assert persons.false_negatives == ("Mari Trommald",)
    assert report["municipalities"].tp == 1


def test_evaluation_entities_alt_label_matches(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(initiatives=[_ent("KS’ partnerskap for radikal innovasjon", "PRI")]))
    g = Graph()
    _add(g, VG.Initiative, "Partnerskap for radikal innovasjon", "PRI")
    assert score(g, gold)["initiatives"].tp == 1


def test_evaluation_entities_type_must_agree(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(municipalities=[_ent("Bærum")]))
    g = Graph()
    _add(g, VG.Organisation, "Bærum")
    report = score(g, gold)
    assert report["municipalities"].tp == 0 and report["organisations"].fp == 1


def test_evaluation_entities_duplicate_is_false_positive(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(persons=[_ent("Paul Chaffey", "Chaffey")]))
    g = Graph()
    _add(g, VG.Person, "Chaffey", iri="person/a-chaffey")   # sorts first, but only an alias
    _add(g, VG.Person, "Paul Chaffey", iri="person/paul-chaffey")
    persons = score(g, gold)["persons"]
    assert (persons.tp, persons.fp, persons.fn) == (1, 1, 0)
    assert persons.false_positives[0].startswith("Chaffey <")   # the gold-name match wins


def test_evaluation_entities_matching_is_maximal(tmp_path: Path) -> None:
    # A greedy pass giving "Silvija Seres" to the first gold entity would leave one unmatched.
    gold = _gold(tmp_path, _doc(persons=[_ent("Silvija", "Seres"), _ent("Silvija Seres")]))
    g = Graph()
    _add(g, VG.Person, "Silvija Seres", "Silvija", iri="person/a")
    _add(g, VG.Person, "Seres", iri="person/b")
    assert score(g, gold)["persons"].tp == 2


def test_evaluation_entities_matching_prefers_size_over_name_matches(tmp_path: Path) -> None:
    # Two name matches (Anne Berg, Bjørn Dahl) would leave A. Berg's and C. Eng's nodes unmatched;
    # the maximum matching pairs all three, through aliases.
    gold = _gold(tmp_path, _doc(persons=[_ent("Anne Berg", "A. Berg"), _ent("Bjørn Dahl", "B. Dahl"),
                                         _ent("Cecilie Eng", "C. Eng")]))
    g = Graph()
    _add(g, VG.Person, "A. Berg", iri="person/1")
    _add(g, VG.Person, "Anne Berg", "B. Dahl", iri="person/2")
    _add(g, VG.Person, "Bjørn Dahl", "C. Eng", iri="person/3")
    assert score(g, gold)["persons"].tp == 3


def test_evaluation_score_is_independent_of_triple_order(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(persons=[_ent("Paul Chaffey", "Chaffey", "P. Chaffey")]))
    g = Graph()
    for label in ["Chaffey", "P. Chaffey", "Paul Chaffey", "Paul  Chaffey"]:
        _add(g, VG.Person, label)
    triples = sorted(g)
    results = set()
    for seed in range(4):
        random.Random(seed).shuffle(triples)
        shuffled = Graph()
        for t in triples:
            shuffled.add(t)
        results.add(score(shuffled, gold)["persons"].false_positives)
    assert len(results) == 1


# --------------------------------------------------------------------------- roles


def _roles_gold(tmp_path: Path, *roles: dict):
    return _gold(tmp_path, _doc(persons=[_ent("Erik Førland", "Førland")],
                                organisations=[_ent("Aleris")],
                                municipalities=[_ent("Bærum", "Bærum kommune")],
                                roles=list(roles)))


def _role(person: str, role: str, org: str | None) -> dict:
    return {"person": person, "role": role, "organisation": org}


@pytest.mark.parametrize("graph_role, tp", [
    ("kommunalsjef", 1),
    ("Kommunalsjef oppvekst barnehage", 1),
    ("konstituert kommunalsjef", 1),
    ("kommunalsjefen", 0),
])
def test_evaluation_roles_prefix_suffix_rule(tmp_path: Path, graph_role: str, tp: int) -> None:
    gold = _roles_gold(tmp_path, _role("Erik Førland", "kommunalsjef", "Bærum"))
    g = Graph()
    erik = _add(g, VG.Person, "Erik Førland")
    _membership(g, erik, graph_role, _add(g, VG.Municipality, "Bærum kommune"))
    assert score(g, gold)["roles"].tp == tp


def test_evaluation_roles_gold_without_organisation_accepts_any(tmp_path: Path) -> None:
    gold = _roles_gold(tmp_path, _role("Erik Førland", "kommunalsjef oppvekst barnehage", None))
    g = Graph()
    _membership(g, _add(g, VG.Person, "Førland"), "kommunalsjef", _add(g, VG.Organisation, "Aleris"))
    roles = score(g, gold)["roles"]
    assert (roles.tp, roles.fp, roles.fn) == (1, 0, 0)


def test_evaluation_roles_gold_organisation_must_match(tmp_path: Path) -> None:
    gold = _roles_gold(tmp_path, _role("Erik Førland", "direktør", "Aleris"))
    g = Graph()
    erik = _add(g, VG.Person, "Erik Førland")
    _membership(g, erik, "direktør")                                   # no organisation
    _membership(g, erik, "direktør", _add(g, VG.Municipality, "Bærum"))  # wrong organisation
    roles = score(g, gold)["roles"]
    assert (roles.tp, roles.fp, roles.fn) == (0, 2, 1)
    assert roles.false_negatives == ("Erik Førland: direktør @ Aleris",)
    assert "Erik Førland: direktør" in roles.false_positives


def test_evaluation_roles_one_to_one(tmp_path: Path) -> None:
    gold = _roles_gold(tmp_path, _role("Erik Førland", "kommunalsjef oppvekst", None))
    g = Graph()
    erik = _add(g, VG.Person, "Erik Førland")
    _membership(g, erik, "kommunalsjef")            # sorts first, matches by the prefix rule
    _membership(g, erik, "kommunalsjef oppvekst")
    roles = score(g, gold)["roles"]
    assert (roles.tp, roles.fp) == (1, 1)
    assert roles.false_positives == ("Erik Førland: kommunalsjef",)   # the exact role wins


def test_evaluation_roles_same_content_counts_once(tmp_path: Path) -> None:
    gold = _roles_gold(tmp_path, _role("Erik Førland", "kommunalsjef", None))
    g = Graph()
    erik = _add(g, VG.Person, "Erik Førland")
    role = _add(g, VG.Role, "kommunalsjef")
    for m in (VGID["membership/a"], VGID["membership/b"]):   # e.g. the same fact on two dates
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, erik))
        g.add((m, ORG.role, role))
    roles = score(g, gold)["roles"]
    assert (roles.graph, roles.tp) == (1, 1)


# --------------------------------------------------------------------------- pairs


def test_evaluation_affiliations_from_member_of_and_memberships(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(
        persons=[_ent("Tone Skjelbostad"), _ent("Einar Lødemehl")],
        organisations=[_ent("NAV Oppegård"), _ent("NAV Ski")],
        municipalities=[_ent("Oppegård", "Oppegård kommune")],
        affiliations=[{"person": "Tone Skjelbostad", "organisation": "NAV Oppegård"},
                      {"person": "Tone Skjelbostad", "organisation": "Oppegård"},
                      {"person": "Einar Lødemehl", "organisation": "NAV Ski"}]))
    g = Graph()
    tone, einar = _add(g, VG.Person, "Tone Skjelbostad"), _add(g, VG.Person, "Einar Lødemehl")
    g.add((tone, ORG.memberOf, _add(g, VG.Organisation, "NAV Oppegård")))
    g.add((tone, ORG.memberOf, _add(g, VG.Municipality, "Oppegård kommune")))
    m = VGID["membership/x"]   # a membership without the org:memberOf shortcut still counts
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, einar))
    g.add((m, ORG.organization, _add(g, VG.Organisation, "NAV Ski")))
    aff = score(g, gold)["affiliations"]
    assert (aff.gold, aff.graph, aff.tp) == (3, 3, 3)


def test_evaluation_located_in_pairs(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(organisations=[_ent("NAV Ski")], municipalities=[_ent("Ski")],
                                located_in=[{"organisation": "NAV Ski", "municipality": "Ski"}]))
    g = Graph()
    nav, ski = _add(g, VG.Organisation, "NAV Ski"), _add(g, VG.Municipality, "Ski")
    g.add((ski, VG.locatedIn, nav))            # reversed: wrong
    loc = score(g, gold)["located_in"]
    assert (loc.tp, loc.fp, loc.fn) == (0, 1, 1)
    assert loc.false_positives == ("Ski -> NAV Ski",)
    g.add((nav, VG.locatedIn, ski))
    assert score(g, gold)["located_in"].tp == 1


def test_evaluation_relation_endpoint_unmatched_entity_uses_its_labels(tmp_path: Path) -> None:
    # "Bærum" typed as an organisation is wrong as an entity, but its participation is right.
    gold = _gold(tmp_path, _doc(municipalities=[_ent("Bærum", "Bærum kommune")],
                                events=[_ent("Åpent møte")],
                                participants=[{"initiative_or_event": "Åpent møte",
                                               "participant": "Bærum"}]))
    g = Graph()
    g.add((_add(g, VG.Organisation, "Bærum kommune"), VG.participatesIn, _add(g, VG.Event, "åpent møte")))
    report = score(g, gold)
    assert report["municipalities"].fn == 1
    assert report["participants"].tp == 1


def test_evaluation_relation_endpoint_matched_entity_uses_only_its_gold_entity(tmp_path: Path) -> None:
    # The graph's "Ski" matched the gold municipality Ski; it must not stand in for NAV Ski.
    gold = _gold(tmp_path, _doc(persons=[_ent("Einar Lødemehl")],
                                organisations=[_ent("NAV Ski", "Ski")], municipalities=[_ent("Ski")],
                                affiliations=[{"person": "Einar Lødemehl", "organisation": "NAV Ski"}]))
    g = Graph()
    g.add((_add(g, VG.Person, "Einar Lødemehl"), ORG.memberOf, _add(g, VG.Municipality, "Ski")))
    assert score(g, gold)["affiliations"].tp == 0


@pytest.mark.parametrize("graph_cls", [VG.Initiative, VG.Event])
def test_evaluation_participants_match_initiative_or_event(tmp_path: Path, graph_cls: URIRef) -> None:
    gold = _gold(tmp_path, _doc(
        organisations=[_ent("NAV Ski")],
        initiatives=[_ent("Sammen om morgendagens arbeidsliv")],
        events=[_ent("Sammen om morgendagens arbeidsliv", "seminaret")],
        participants=[{"initiative_or_event": "Sammen om morgendagens arbeidsliv",
                       "participant": "NAV Ski"}]))
    assert gold.count("participants") == 1
    g = Graph()
    g.add((_add(g, VG.Organisation, "NAV Ski"), VG.participatesIn,
           _add(g, graph_cls, "Sammen om morgendagens arbeidsliv")))
    part = score(g, gold)["participants"]
    assert (part.tp, part.fp, part.fn) == (1, 0, 0)


def test_evaluation_participants_wrong_target(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _doc(
        persons=[_ent("Kristin Nilsen")], events=[_ent("felles oppstart")],
        initiatives=[_ent("Velferd er en fellesoppgave")],
        participants=[{"initiative_or_event": "felles oppstart", "participant": "Kristin Nilsen"}]))
    g = Graph()
    g.add((_add(g, VG.Person, "Kristin Nilsen"), VG.participatesIn,
           _add(g, VG.Initiative, "Velferd er en fellesoppgave")))
    part = score(g, gold)["participants"]
    assert (part.tp, part.fp, part.fn) == (0, 1, 1)


# --------------------------------------------------------------------------- ratios and output


def test_evaluation_undefined_ratios() -> None:
    both_empty = CategoryScore("x", gold=0, graph=0, tp=0)
    assert (both_empty.precision, both_empty.recall, both_empty.f1) == (None, None, None)
    nothing_found = CategoryScore("x", gold=4, graph=0, tp=0)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (None, 0.0, 0.0)
    nothing_right = CategoryScore("x", gold=0, graph=3, tp=0)
    assert (nothing_right.precision, nothing_right.recall, nothing_right.f1) == (0.0, None, 0.0)
    some = CategoryScore("x", gold=4, graph=2, tp=1)
    assert some.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def _small_report(tmp_path: Path):
    gold = _gold(tmp_path, _doc(persons=[_ent("Paul Chaffey"), _ent("Mari Trommald")],
                                organisations=[_ent("Bufdir")],
                                affiliations=[{"person": "Mari Trommald", "organisation": "Bufdir"}]))
    g = Graph()
    mari = _add(g, VG.Person, "Mari Trommald")
    g.add((mari, ORG.memberOf, _add(g, VG.Organisation, "Bufdir")))
    g.add((mari, ORG.memberOf, _add(g, VG.Organisation, "Aleris")))
    return score(g, gold)


def test_evaluation_format_report_table(tmp_path: Path) -> None:
    text = format_report(_small_report(tmp_path))
    lines = {line.split()[0]: line.split() for line in text.splitlines() if line.strip()}
    assert lines["persons"] == ["persons", "2", "1", "1", "1.000", "0.500", "0.667"]
    assert lines["initiatives"] == ["initiatives", "0", "0", "0", "n/a", "n/a", "n/a"]
    assert lines["affiliations"][1:4] == ["1", "2", "1"]
    assert lines["relations"] == ["relations", "(micro)", "1", "2", "1", "0.500", "1.000", "0.667"]
    assert "FP:" not in text


def test_evaluation_format_report_show_errors(tmp_path: Path) -> None:
    text = format_report(_small_report(tmp_path), show_errors=True)
    assert "persons FN: Paul Chaffey" in text
    assert "affiliations FP: Mari Trommald -> Aleris" in text


def test_evaluation_report_to_json(tmp_path: Path) -> None:
    data = json.loads(json.dumps(report_to_json(_small_report(tmp_path), show_errors=True)))
    assert list(data["categories"]) == list(CATEGORIES)
    assert data["categories"]["organisations"] == {
        "gold": 1, "graph": 2, "tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
        "f1": pytest.approx(2 / 3), "false_positives": [data["categories"]["organisations"]
                                                        ["false_positives"][0]],
        "false_negatives": []}
    assert data["categories"]["organisations"]["false_positives"][0].startswith("Aleris <")
    assert data["categories"]["events"]["precision"] is None
    assert data["micro"]["relations"]["tp"] == 1
    assert "false_positives" not in report_to_json(_small_report(tmp_path))["categories"]["persons"]


# --------------------------------------------------------------------------- the shared samples


@pytest.fixture(scope="module")
def sample_gold_paths() -> list[Path]:
    if not SAMPLES_GOLD.is_dir():
        pytest.skip(f"no shared gold samples at {SAMPLES_GOLD}")
    return sorted(SAMPLES_GOLD.glob("*.json"))


def test_evaluation_samples_load(sample_gold_paths: list[Path]) -> None:
    gold = load_gold(SAMPLES_GOLD)
    assert len(gold.files) == len(sample_gold_paths) >= 5
    assert gold.count("persons") > 20
    assert gold.count("organisations") > 30
    assert gold.count("participants") > 50
    names = [e.name for e in gold.entities["municipalities"]]
    assert names.count("Bærum") == 1 and names.count("Oslo") == 1   # stated in two files each
    assert gold.warnings == ()


def test_evaluation_samples_perfect_graph_scores_one(sample_gold_paths: list[Path]) -> None:
    gold = load_gold(SAMPLES_GOLD)
    report = score(_graph_from_gold_files(sample_gold_paths), gold)
    for s in report.categories:
        assert (s.fp, s.fn) == (0, 0), (s.category, s.false_positives, s.false_negatives)
        assert s.f1 in (1.0, None)
