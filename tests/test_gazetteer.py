"""Lookups in the shipped gazetteer: municipalities (with reforms) and organisations."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from velferdsgraf.graph.gazetteer import load_gazetteer, normalise_date


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_gazetteer_not_loaded_on_import():
    code = (
        "import sys, velferdsgraf, velferdsgraf.graph.extract, velferdsgraf.graph.gazetteer, "
        "velferdsgraf.graph.extractors.gazetteer as g\n"
        "from velferdsgraf.graph import gazetteer\n"
        "assert gazetteer.load_gazetteer.cache_info().currsize == 0\n"
        "assert g._build_trie.cache_info().currsize == 0\n"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_gazetteer_is_cached(gaz):
    assert load_gazetteer() is gaz


@pytest.mark.parametrize(
    "query, name, code",
    [
        ("Bærum", "Bærum", "3201"),
        ("Bærum kommune", "Bærum", "3201"),
        ("Bærums", "Bærum", "3201"),
        ("bærum", "Bærum", "3201"),
        ("Oppegård Kommune", "Oppegård", "0217"),
        ("  Nordre   Follo kommune ", "Nordre Follo", "3207"),
        ("Guovdageaidnu", "Kautokeino", "5612"),
        ("Guovdageaidnu - Kautokeino", "Kautokeino", "5612"),
        ("Kárášjohka", "Karasjok", "5610"),
        ("Omasvuono", "Storfjord", "5538"),  # Kven
        ("Raane", "Rana", "1833"),  # Southern Sami
        ("Våler (Østfold)", "Våler", "3114"),
        ("Våler (Hedmark)", "Våler", "3419"),
        ("Herøy (Nordland)", "Herøy", "1818"),
        ("Moss'", "Moss", "3103"),
    ],
)
def test_gazetteer_municipality_names(gaz, query, name, code):
    rec = gaz.municipality(query)
    assert rec is not None and not rec.ambiguous
    assert (rec.name, rec.country, rec.kommunenummer) == (name, "NO", code)


def test_gazetteer_municipality_unknown(gaz):
    assert gaz.municipality("Atlantis") is None
    assert gaz.municipality("") is None


def test_gazetteer_reform_chain_ski_to_nordre_follo(gaz):
    ski = gaz.municipality("Ski", at="2018-05-01")
    assert ski.kommunenummer == "0213"
    assert ski.current_kommunenummer == "3207"
    assert ski.current_name == "Nordre Follo"
    assert ski.successors == ("Nordre Follo",)
    follo = gaz.municipality("Nordre Follo", at="2021")
    assert follo.kommunenummer == "3020"
    assert follo.all_codes == ("3020", "3207")
    assert set(follo.predecessors) == {"Ski", "Oppegård"}
    assert follo.wikidata == "Q45303406" and follo.orgnr == "922092648"


def test_gazetteer_code_at_date_follows_renumbering(gaz):
    assert gaz.municipality("Bærum", at="2019-12-31").kommunenummer == "0219"
    assert gaz.municipality("Bærum", at="2020-01-01").kommunenummer == "3024"
    assert gaz.municipality("Bærum", at="2024-03").kommunenummer == "3201"
    rec = gaz.municipality("Bærum")
    assert rec.all_codes == ("0219", "3024", "3201")
    assert rec.wikidata == "Q57076" and rec.orgnr == "935478715"


def test_gazetteer_split_keeps_the_namesake(gaz):
    rec = gaz.municipality("Ålesund", at="2021-06-01")
    assert rec.kommunenummer == "1507"
    assert rec.current_kommunenummer == "1508"


def test_gazetteer_split_between_two_has_no_current_code(gaz):
    rec = gaz.municipality("Tysfjord")
    assert rec.current_kommunenummer is None
    assert set(rec.successors) == {"Narvik", "Hamarøy"}


@pytest.mark.parametrize("name", ["Våler", "Herøy", "Nes"])
def test_gazetteer_ambiguous_names_list_candidates(gaz, name):
    rec = gaz.municipality(name)
    assert rec.ambiguous and rec.id is None and rec.kommunenummer is None
    assert len(rec.candidates) == 2
    assert {c.name for c in rec.candidates} == {name}
    assert len({c.county for c in rec.candidates}) == 2


def test_gazetteer_ambiguous_name_settled_by_date(gaz):
    assert gaz.municipality("Bø").ambiguous
    bo = gaz.municipality("Bø", at="2022-01-01")  # Bø in Telemark ended in 2019
    assert not bo.ambiguous and bo.kommunenummer == "1867"
    assert gaz.municipality("Sande", at="2022").county == "Møre og Romsdal"


@pytest.mark.parametrize(
    "query, country, name, code",
    [
        ("Lolland", "DK", "Lolland", "0360"),
        ("Lolland Kommune", "DK", "Lolland", "0360"),
        ("Aarhus", "DK", "Aarhus", "0751"),
        ("Nordfyns Kommune", "DK", "Nordfyn", "0480"),
        ("Malmö", "SE", "Malmö", "1280"),
        ("Malmö kommun", "SE", "Malmö", "1280"),
        ("Österåkers kommun", "SE", "Österåker", "0117"),
    ],
)
def test_gazetteer_danish_and_swedish(gaz, query, country, name, code):
    rec = gaz.municipality(query)
    assert (rec.country, rec.name, rec.kommunenummer) == (country, name, code)


def test_gazetteer_norwegian_wins_unless_country_given(gaz):
    assert gaz.municipality("Lund").country == "NO"
    assert gaz.municipality("Lund", country="SE").kommunenummer == "1281"


def test_gazetteer_flags_come_from_data(gaz):
    assert "common_word" in gaz.municipality("Ski").flags
    assert "person_name" in gaz.municipality("Lund").flags
    assert gaz.municipality("Bærum").flags == ()
    assert "foreign" in gaz.municipality("Lolland").flags


def test_gazetteer_lookup_by_code_and_id(gaz):
    assert gaz.municipality_by_code("0213").name == "Ski"
    assert gaz.municipality_by_code("0360", country="DK").name == "Lolland"
    assert gaz.municipality_by_id("NO-3201").name == "Bærum"
    assert gaz.municipality_by_code("9999") is None


@pytest.mark.parametrize(
    "query, row, name",
    [
        ("KS", "ks", "KS – Kommunesektorens organisasjon"),
        ("KS’", "ks", "KS – Kommunesektorens organisasjon"),
        ("Kommunesektorens organisasjon", "ks", "KS – Kommunesektorens organisasjon"),
        ("NAV", "nav", "Arbeids- og velferdsetaten"),
        ("Nav", "nav", "Arbeids- og velferdsetaten"),
        ("NAVs", "nav", "Arbeids- og velferdsetaten"),
        ("Bufdir", "bufdir", "Barne-, ungdoms- og familiedirektoratet"),
        ("Bufdirs", "bufdir", "Barne-, ungdoms- og familiedirektoratet"),
        ("ASD", "asd", "Arbeids- og sosialdepartementet"),
        ("Vestre Viken", "vestreviken", "Vestre Viken HF"),
        ("NTNU", "ntnu", "Norges teknisk-naturvitenskapelige universitet"),
        ("Forskningsrådet", "forskningsradet", "Norges forskningsråd"),
        ("UIS", "uis", "Universitetet i Stavanger"),
        ("kommunal- og moderniseringsdepartementet", "kmd", "Kommunal- og moderniseringsdepartementet"),
        ("Kommunal- og regionaldepartementet", "kmd", "Kommunal- og moderniseringsdepartementet"),
        ("Høyskolen i Oslo og Akershus", "hioa", "Høgskolen i Oslo og Akershus"),
        ("Oslo universitetssykehus", "ous", "Oslo universitetssykehus HF"),
    ],
)
def test_gazetteer_organisation_forms(gaz, query, row, name):
    rec = gaz.organisation(query)
    assert rec is not None and (rec.id, rec.name) == (row, name)


@pytest.mark.parametrize("query", ["ks", "nav", "Ks", "Kmd", "Atlantis", "NAV-kontor"])
def test_gazetteer_organisation_abbreviations_are_case_sensitive(gaz, query):
    assert gaz.organisation(query) is None


def test_gazetteer_organisation_name_history(gaz):
    kmd = gaz.organisation("KMD", at="2019-06-01")
    assert kmd.entity == "dep-kommunal" and kmd.orgnr == "972417858"
    assert kmd.name_at_date == "Kommunal- og moderniseringsdepartementet"
    assert gaz.organisation("KMD", at="2023-01-01").name_at_date == "Kommunal- og distriktsdepartementet"
    names = [p.name for p in kmd.history]
    assert "Kommunal- og distriktsdepartementet" in names and "Kommunal- og regionaldepartementet" in names


def test_gazetteer_shared_abbreviation_picked_by_date(gaz):
    assert gaz.organisation("BLD", at="2015-01-01").name == "Barne-, likestillings- og inkluderingsdepartementet"
    assert gaz.organisation("BLD", at="2018-01-01").name == "Barne- og likestillingsdepartementet"


def test_gazetteer_organisation_parent_and_successors(gaz):
    nav = gaz.organisation("NAV", at="2023-01-01")
    assert nav.parent == "aid" and nav.parent_name == "Arbeids- og inkluderingsdepartementet"
    assert nav.type == "etat" and nav.orgnr == "889640782"
    assert "Direktoratet for høyere utdanning og kompetanse" in gaz.organisation("Diku").successors


@pytest.mark.parametrize("at, expected", [("2019", "2019-01-01"), ("2019-3", "2019-03-01"), ("2019-03-05", "2019-03-05"), (None, None), ("ukjent", None)])
def test_gazetteer_normalise_date(at, expected):
    assert normalise_date(at) == expected


def test_gazetteer_data_files_are_sorted_and_compact():
    data = resources.files("velferdsgraf.graph").joinpath("data")
    for name in ("municipalities.json", "organisations.json"):
        text = data.joinpath(name).read_text(encoding="utf-8")
        obj = json.loads(text)
        assert text == json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    munis = json.loads(data.joinpath("municipalities.json").read_text(encoding="utf-8"))["entities"]
    assert sum(e["country"] == "NO" for e in munis.values()) >= 430
    assert sum(e["country"] == "DK" for e in munis.values()) == 98
    assert sum(e["country"] == "SE" for e in munis.values()) == 290


def test_gazetteer_first_names_lexicon():
    text = resources.files("velferdsgraf.graph").joinpath("data", "first_names.txt").read_text(encoding="utf-8")
    names = text.splitlines()
    assert names == sorted(set(names))
    assert {"Anne", "Kari", "Per"} <= set(names)
    assert not {"Oslo", "Bærum", "Ski"} & set(names)
