"""The "gazetteer" extractor on sentences written for these tests."""
from __future__ import annotations

import pytest

from velferdsgraf.graph.extract import get_extractor
from velferdsgraf.graph.extractors.gazetteer import GazetteerExtractor
from velferdsgraf.graph.types import EntityType
from velferdsgraf.input.document import Document

MUNI = EntityType.MUNICIPALITY
ORG = EntityType.ORGANISATION


@pytest.fixture(scope="module")
def extractor():
    return GazetteerExtractor()


def run(extractor, text, date=None, lang=None):
    doc = Document(id="t", text=text, date=date, lang=lang)
    mentions = extractor.extract(doc).mentions
    for m in mentions:
        assert doc.text[m.start : m.end] == m.surface
        assert m.source == "gazetteer" and m.doc_id == "t"
    return mentions


def munis(extractor, text, **kw):
    return [(m.surface, m.name) for m in run(extractor, text, **kw) if m.type == MUNI]


def orgs(extractor, text, **kw):
    return [(m.surface, m.name) for m in run(extractor, text, **kw) if m.type == ORG]


def test_extractor_gazetteer_registered():
    assert isinstance(get_extractor("gazetteer"), GazetteerExtractor)
    assert GazetteerExtractor.name == "gazetteer"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bærum har gode tjenester for eldre.", [("Bærum", "Bærum")]),
        ("Tilbudet i Bærum kommune er utvidet.", [("Bærum kommune", "Bærum")]),
        ("Vi har sett på Bærums erfaringer.", [("Bærums", "Bærum")]),
        ("Hun er NAV-leder i Oppegård Kommune nå.", [("Oppegård Kommune", "Oppegård")]),
        ("Nordre Follo ble opprettet i 2020.", [("Nordre Follo", "Nordre Follo")]),
        ("Møtet var i Oslo, ikke i Ålesund.", [("Oslo", "Oslo"), ("Ålesund", "Ålesund")]),
        ("Vi besøkte Guovdageaidnu i vinter.", [("Guovdageaidnu", "Kautokeino")]),
    ],
)
def test_extractor_gazetteer_municipality_forms(extractor, text, expected):
    assert munis(extractor, text) == expected


def test_extractor_gazetteer_lists(extractor):
    assert munis(extractor, "Prosjektet samler kommunene Ski og Oppegård i Follo.") == [("Ski", "Ski"), ("Oppegård", "Oppegård")]
    assert munis(extractor, "Ski og Oppegård kommune vedtok sammenslåingen.") == [
        ("Ski", "Ski"),
        ("Oppegård kommune", "Oppegård"),
    ]
    text = "Kommuner: Bjerkreim, Rendalen, Oslo, Tinn, Kinn, Halden, Lørenskog og Ålesund."
    assert [n for _, n in munis(extractor, text)] == [
        "Bjerkreim", "Rendalen", "Oslo", "Tinn", "Kinn", "Halden", "Lørenskog", "Ålesund",
    ]


def test_extractor_gazetteer_list_needs_one_supported_member(extractor):
    # Two names that are both words: nothing supports either.
    assert munis(extractor, "Ski og Time er ord.") == []
    # An unambiguous member carries the others.
    assert [n for _, n in munis(extractor, "Deltakerne kom fra Vik, Oslo og Sande.")] == ["Vik", "Oslo", "Sande"]


@pytest.mark.parametrize(
    "text",
    [
        "Vi gikk på ski og hadde time hos legen.",
        "Ski er gøy om vinteren.",  # a common word at the start of a sentence
        "Time er penger, sa han.",
        "Mari Lund og Kari Berg holdt innlegg.",
        "Anne Sande ledet møtet.",
        "Etterpå snakket Lund med pressen.",  # surname without context
        "Oslo-området vokser, og Bærum-modellen er kjent.",
        "Les mer på www.baerum.kommune.no eller Oslo.kommune.no.",
        "Representanter fra Bergen Næringsråd og Oslo Economics kom.",
        "Ivar Larvik holdt foredrag.",  # an unflagged name after a first name
        "Etter det talte Ivar Larvik.",
        "Avisen Nye Halden kom ut i går.",  # inside a longer capitalised name
        "Konserten med Oslo-Filharmonien var god, og Bodø-Glimt vant.",
        "Seilbåten Færder'n kom inn.",
    ],
)
def test_extractor_gazetteer_not_municipalities(extractor, text):
    assert munis(extractor, text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Sande kommune har ny ordfører.", "Sande"),
        ("Lund kommune deltar i nettverket.", "Lund"),
        ("Han vokste opp i Ski.", "Ski"),
        ("Einar er NAV-leder i Ski.", "Ski"),
        ("Hun flyttet fra Hole til byen.", "Hole"),
    ],
)
def test_extractor_gazetteer_ambiguous_names_with_context(extractor, text, name):
    assert [n for _, n in munis(extractor, text)] == [name]


def test_extractor_gazetteer_confirmed_name_is_found_again(extractor):
    text = "Ski kommune har et nytt tilbud. Tilbudet gjør at Ski ligger foran andre."
    assert [s for s, _ in munis(extractor, text)] == ["Ski kommune", "Ski"]
    # Not confirmed: the bare name alone is not enough.
    assert munis(extractor, "Tilbudet gjør at Ski ligger foran andre.") == []


def test_extractor_gazetteer_danish_and_swedish(extractor):
    assert munis(extractor, "Konferansen ble holdt på Lolland- Falster i fjor.") == [("Lolland", "Lolland")]
    assert munis(extractor, "Han bor på Lolland-Falster nå.") == [("Lolland", "Lolland")]
    assert munis(extractor, "Erfaringene fra Aarhus og Malmö var nyttige.") == [("Aarhus", "Aarhus"), ("Malmö", "Malmö")]
    lolland = run(extractor, "Prosjektet i Lolland Kommune vokser.")[0]
    assert (lolland.surface, lolland.attr("country"), lolland.attr("kommunenummer")) == ("Lolland Kommune", "DK", "0360")


def test_extractor_gazetteer_country_from_context_and_language(extractor):
    (lund,) = run(extractor, "Forskere fra Lund i Sverige deltok.")
    assert (lund.attr("country"), lund.attr("kommunenummer")) == ("SE", "1281")
    (lund_no,) = run(extractor, "Ordføreren i Lund kommune svarte.")
    assert lund_no.attr("country") == "NO"
    # A Danish name opening a sentence is weak in a Norwegian text, fine in a Danish one.
    assert munis(extractor, "Aarhus er en stor by.") == []
    assert munis(extractor, "Aarhus er en stor by.", lang="da") == [("Aarhus", "Aarhus")]


def test_extractor_gazetteer_foreign_names_are_stricter(extractor):
    # Short Swedish/Danish names that are also words need a "kommun(e)" or a list.
    assert munis(extractor, "Han har en mora og en fanø.") == []
    assert munis(extractor, "De tok med Mora til festen.") == []
    assert [n for _, n in munis(extractor, "Mora kommun ligger i Dalarna.")] == ["Mora"]


def test_extractor_gazetteer_attrs_follow_document_date(extractor):
    (m,) = run(extractor, "Ski kommune fikk nytt rådhus.", date="2018-03-01")
    assert m.attr("kommunenummer") == "0213"
    assert m.attr("current_kommunenummer") == "3207"
    assert m.attr("wikidata") == "Q57912" and m.attr("orgnr") == "960507878" and m.attr("country") == "NO"
    (b,) = run(extractor, "Bærum kommune", date="2021-05-05")
    assert (b.attr("kommunenummer"), b.attr("gazetteer_id")) == ("3024", "NO-3201")


def test_extractor_gazetteer_ambiguous_municipality_has_candidates(extractor):
    (m,) = run(extractor, "Ordføreren i Våler kommune tok ordet.")
    assert m.name == "Våler" and m.attr("kommunenummer") is None
    assert m.attr("candidates") == "NO-3114;NO-3419"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KMD og Kommunal- og moderniseringsdepartementet er ett departement.",
         [("KMD", "Kommunal- og moderniseringsdepartementet"),
          ("Kommunal- og moderniseringsdepartementet", "Kommunal- og moderniseringsdepartementet")]),
        ("Saken gikk til Arbeids- og sosialdepartementet.", [("Arbeids- og sosialdepartementet", "Arbeids- og sosialdepartementet")]),
        ("Bufdir og NAV samarbeider med Nav lokalt.",
         [("Bufdir", "Barne-, ungdoms- og familiedirektoratet"), ("NAV", "Arbeids- og velferdsetaten"),
          ("Nav", "Arbeids- og velferdsetaten")]),
        ("NTNU og Forskningsrådet finansierer det.",
         [("NTNU", "Norges teknisk-naturvitenskapelige universitet"), ("Forskningsrådet", "Norges forskningsråd")]),
        ("NAVs rolle, KS’ rolle og Bufdirs rapport.",
         [("NAVs", "Arbeids- og velferdsetaten"), ("KS’", "KS – Kommunesektorens organisasjon"),
          ("Bufdirs", "Barne-, ungdoms- og familiedirektoratet")]),
        ("DFØ deltok.", [("DFØ", "Direktoratet for forvaltning og økonomistyring")]),
    ],
)
def test_extractor_gazetteer_organisations(extractor, text, expected):
    assert orgs(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi reiste nord og sør, inn og ut.",
        "NAV-kontoret og KS-lederen svarte.",
        "Les mer på nav.no i dag.",
        "Han sa ks og nav i en fart.",  # abbreviations are matched with their case
        "LO og SU var ikke med.",  # not public bodies in the gazetteer
        "Hun gikk i NAVIGASJON og BIBLIOTEK.",
        "Han fikk AIDS-diagnosen og AIDS.",  # not the genitive of AID
    ],
)
def test_extractor_gazetteer_no_organisation(extractor, text):
    assert orgs(extractor, text) == []


def test_extractor_gazetteer_dash_variants(extractor):
    for dash in ("–", "-", "—"):
        text = f"Avtalen med KS {dash} Kommunesektorens organisasjon ble fornyet."
        assert [m.surface for m in run(extractor, text)] == [f"KS {dash} Kommunesektorens organisasjon"]


def test_extractor_gazetteer_abbreviation_inside_other_name(extractor):
    text = "NAV Hjelpemiddelsentral og KS Bedrift var med, og NAV og KS også."
    assert [m.start for m in run(extractor, text)] == [text.index("NAV og"), text.index("KS også")]


def test_extractor_gazetteer_genitive_keeps_base_form(extractor):
    (m,) = run(extractor, "Difis rapport kom i 2018.", date="2018-06-01")
    assert (m.surface, m.attr("base_surface")) == ("Difis", "Difi")
    assert m.name == "Direktoratet for forvaltning og IKT" and m.attr("name_at_date") is None
    (n,) = run(extractor, "Dette er NAV's ansvar.")
    assert (n.surface, n.attr("base_surface")) == ("NAV's", "NAV")


@pytest.mark.parametrize("text", ["", " ", "...", "\n\n", "Ø" * 10000, "Oslo" * 500, "kommune kommunene: og ,"])
def test_extractor_gazetteer_odd_input(extractor, text):
    run(extractor, text)


def test_extractor_gazetteer_organisation_attrs(extractor):
    (m,) = run(extractor, "KMD la fram saken.", date="2023-02-01")
    assert m.attr("gazetteer_id") == "kmd" and m.attr("gazetteer_entity") == "dep-kommunal"
    assert m.attr("orgnr") == "972417858"
    assert m.attr("name_at_date") == "Kommunal- og distriktsdepartementet"


def test_extractor_gazetteer_places_inside_organisations(extractor):
    text = "Hun jobber ved Oslo universitetssykehus, Vestre Viken og Universitetet i Bergen."
    ms = run(extractor, text)
    assert [m.type for m in ms] == [ORG, ORG, ORG]
    assert [m.name for m in ms] == ["Oslo universitetssykehus HF", "Vestre Viken HF", "Universitetet i Bergen"]


def test_extractor_gazetteer_nav_office(extractor):
    ms = run(extractor, "NAV Ski og Nav Nordre Follo samarbeider.", date="2019-01-01")
    assert [(m.type, m.surface, m.name) for m in ms] == [
        (ORG, "NAV Ski", "NAV Ski"),
        (MUNI, "Ski", "Ski"),
        (ORG, "Nav Nordre Follo", "Nav Nordre Follo"),
        (MUNI, "Nordre Follo", "Nordre Follo"),
    ]
    assert ms[0].attr("located_in") == "Ski" and ms[0].attr("municipality_kommunenummer") == "0213"
    # The office confirms the place for the rest of the document.
    text = "NAV Ski har nye lokaler. Lederen flyttet dit fra Asker, men Ski ligger nær."
    assert [s for s, _ in munis(extractor, text)] == ["Ski", "Asker", "Ski"]  # the first Ski is inside "NAV Ski"


def test_extractor_gazetteer_output_is_sorted_and_deterministic(extractor):
    text = "Oslo, Bergen og Trondheim. KS og NAV i Bærum kommune og Oppegård kommune."
    a = run(extractor, text)
    b = GazetteerExtractor().extract(Document(id="t", text=text)).mentions
    assert a == b
    assert [m.start for m in a] == sorted(m.start for m in a)


def test_extractor_gazetteer_prior_is_not_modified(extractor):
    from velferdsgraf.graph.types import Extraction

    prior = Extraction(doc_id="t")
    result = extractor.extract(Document(id="t", text="Oslo kommune"), prior)
    assert prior.mentions == [] and len(result.mentions) == 1
