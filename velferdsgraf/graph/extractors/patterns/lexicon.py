"""Word lists the pattern rules use: Norwegian (bokmål, nynorsk) and Danish titles and
organisation name parts, plus the first-name lexicon built from NorNE train."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from .profiles import organisation_heads, organisation_suffixes

# Titles that stand alone (lower case). Compounds are recognised by TITLE_HEADS.
TITLES = frozenset(
    """
    statssekretær statsråd minister statsminister ordfører ordførar varaordfører varaordførar
    rådmann rådmand kommunedirektør kommunaldirektør kommunalsjef direktør direktor dagleg
    leder leiar nestleder nestleiar styreleder styreleiar styremedlem prosjektleder prosjektleiar
    rådgiver rådgjevar konsulent koordinator forsker forskar professor førsteamanuensis
    dosent stipendiat lektor generalsekretær sekretær fylkesmann statsforvalter fylkesordfører
    lege kommuneoverlege overlege sykepleier sjukepleiar helsesykepleier jordmor gründer
    investor matematiker økonom jurist psykolog sosionom ergoterapeut fysioterapeut
    journalist redaktør innovatør arkitekt møteleder moderator ordstyrer borgmester
    chef formand næringssjef helsesjef oppvekstsjef skolesjef barnehagesjef kultursjef
    personalsjef økonomisjef fagsjef fremtidsforsker framtidsforskar samfunnsinnovatør
    bedriftsrådgiver seniorrådgiver spesialrådgiver fagrådgiver seksjonsleder avdelingsleder
    avdelingsdirektør fagdirektør enhetsleder virksomhetsleder tjenesteleder teamleder
    kommunikasjonsrådgiver kommunikasjonssjef kommunikasjonsdirektør administrasjonssjef
    assisterende fungerende konstituert veileder rektor sjefredaktør eier partner
    medgründer grunnlegger daglig adm administrerende tillitsvalgt hovedtillitsvalgt
    politiker sosiolog teknolog statsviter pedagog barnevernspedagog vernepleier
    sokneprest biskop prest diakon frivillig ambassadør
    """.split()
)
# "daglig leder", "administrerende direktør": first words that need the next title word.
TITLE_PREFIXES = frozenset({"daglig", "dagleg", "administrerende", "adm.", "assisterende",
                            "fungerende", "konstituert", "teknisk", "medisinsk", "faglig", "fagleg"})
TITLE_HEADS = (
    "leder", "leiar", "direktør", "sjef", "rådgiver", "rådgjevar", "sekretær", "konsulent",
    "koordinator", "forsker", "forskar", "professor", "ordfører", "ordførar", "rådmann",
    "investor", "innovatør", "arkitekt", "chef", "rådgivar", "overlege", "sykepleier",
    "sjukepleiar", "pedagog", "terapeut", "økonom", "jurist", "psykolog", "redaktør",
    "ansvarlig", "ansvarleg", "medarbeider", "medarbeidar", "veileder", "rettleiar",
)
# Words ending like a title head that are not titles.
NOT_TITLES = frozenset({"ledere", "lederne", "leiarar", "sjefer", "sjefene", "ansvarlig",
                        "ansvarleg", "medarbeider", "medarbeidar", "eier", "frivillig",
                        "partner", "fremtidsforskeren"})

# Endings of one-word organisation names ("Kreftforeningen", "Forskningsrådet").
ORG_SUFFIXES = (
    "direktoratet", "departementet", "forbundet", "foreningen", "forening", "tilsynet",
    "etaten", "kontoret", "rådet", "senteret", "sentralen", "sentralene", "alliansen",
    "banken", "forskning", "instituttet", "universitetet", "høgskolen", "høyskolen",
    "høgskulen", "sykehuset", "sjukehuset", "enheten", "eininga", "avdelingen", "seksjonen",
    "byrået", "organisasjonen", "stiftelsen", "fondet", "akademiet", "ombudet", "nemnda",
    "partiet", "fylkeskommune", "fylkeskommunen", "misjonen", "kirken", "foretaket",
    "tjenesten", "tenesta", "selskapet", "utvalget", "laget", "klubben", "kollegiet",
    "terapeutene", "tilsynet", "verket", "samvirket", "konsernet", "trygden", "fellesskapet",
    "ungdomsrådet", "eldrerådet", "kontor", "sentral", "senter", "center", "centret",
    "styrelsen", "forvaltningen", "ministeriet", "universitet", "universitetet",
    "høgskole", "høyskole", "institutt", "sykehus", "sjukehus", "universitetssykehus",
    "universitetssjukehus",
) + organisation_suffixes()
# Words that end an organisation name ("Posten Norge", "Lefdal Lager AS").
ORG_TAILS = frozenset({"AS", "ASA", "SA", "HF", "IKS", "KF", "BA", "ANS", "DA", "Norge",
                       "Norway", "Noreg", "Danmark", "Sverige", "Sosiale", "RHF", "IKT"})
# Words that start a multi-word organisation name.
ORG_HEADS = frozenset({"Jobcenter", "Jobsenter", "Bydel", "Senter", "Senteret", "Stiftelsen", "Universitetet", "Høgskolen",
                       "Høgskulen", "Høyskolen", "Statens", "Fylkesmannen", "Statsforvalteren",
                       "Helse", "Sykehuset", "Sjukehuset", "Kirkens", "Norsk", "Norske",
                       "Norges", "Nasjonalt", "Nasjonal", "Foreningen", "Forbundet", "Institutt",
                       "Instituttet", "Fylkeskommunen", "Direktoratet", "Kompetansesenter",
                       "Rådet", "Landsforeningen", "Fagforbundet", "Region", "Regionsenter"}) | organisation_heads()
# Counties and regions: places, not organisations, when they stand alone ("statsforvalter i Innlandet").
REGIONS = frozenset({
    "Østfold", "Akershus", "Buskerud", "Innlandet", "Vestfold", "Telemark", "Agder", "Rogaland", "Vestland",
    "Møre og Romsdal", "Trøndelag", "Nordland", "Troms", "Finnmark", "Viken", "Oppland", "Hedmark", "Hordaland",
    "Sogn og Fjordane", "Aust-Agder", "Vest-Agder", "Vestfold og Telemark", "Troms og Finnmark", "Nord-Norge",
    "Sørlandet", "Vestlandet", "Østlandet", "Midt-Norge", "Nordjylland", "Midtjylland", "Sjælland", "Syddanmark",
    "Hovedstaden", "Skåne", "Västra Götaland", "Follo", "Romerike", "Hadeland", "Valdres", "Gudbrandsdalen",
    "Hallingdal", "Sunnmøre", "Nordmøre", "Romsdal", "Helgeland", "Lofoten", "Vesterålen", "Hardanger", "Sogn",
})
# Capitalised words that are never names on their own.
STOPWORDS = frozenset(
    """
    Det Den De Dette Disse Der Da Nå Når Hvordan Hva Hvem Hvor Hvorfor Som Og Men Eller For
    Fra Til Med Uten Etter Før Under Over Blant Alle Også Ifølge Tilstede Vi Jeg Han Hun
    Eg Ho Dei Me Kva Korleis Kvifor Kor Ein Ei Eit Ein En Et Mange Flere Noen Ingen I På Av Om
    Samtidig Gjennom Derfor Slik Her Dag Les Se Foto Illustrasjon Kilde Kjelde Mens Hvis
    Målet Møtet Konferansen Seminaret Prosjektet Programmet Satsingen Kommunen Kommunene
    Deltakere Deltakarar Tema Innledere Paneldebatt Share This Veien Videre Les Mer Les Januar
    Februar Mars April Mai Juni Juli August September Oktober November Desember Mandag
    Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Måndag Tysdag Onsdag Torsdag Laurdag Sundag
    Norge Noreg Danmark Sverige Europa Norden Statssekretær Ordfører Direktør Professor
    To Tre Fire Fem Seks Sju Syv Åtte Ni Ti Begge Hver Hvert Ny Nye Nytt Første Andre
    Både Enten Ikke Ikkje Ja Nei Vel Takk Fordi Selv Sjølv Likevel Dermed Kanskje
    """.split()
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names: NorNE train PER entities plus a list of common Nordic names."""
    names: set[str] = set()
    for name in ("first_names.txt", "first_names_nordic.txt"):
        text = files("velferdsgraf.graph").joinpath(f"data/{name}").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.startswith("#"):
                names.update(line.split())
    return frozenset(names)


def is_title_word(word: str) -> bool:
    """Is ``word`` a title or a compound of one ("seksjonsleder", "NAV-leder")?"""
    from .profiles import title_words

    lower = word.lower()
    if lower in NOT_TITLES:
        return False
    titles, heads, _ = title_words()
    if lower in TITLES or lower in titles:
        return True
    heads = TITLE_HEADS + heads
    if "-" in lower:
        head = lower.rsplit("-", 1)[1]
        return bool(head) and (head in TITLES or head in titles or any(head.endswith(h) for h in heads))
    return any(lower.endswith(h) and len(lower) > len(h) + 2 for h in heads)


def is_title_prefix(word: str) -> bool:
    """Is ``word`` a first word that needs a title after it ("daglig", "tidligere", "vice")?"""
    from .profiles import title_words

    lower = word.lower()
    return lower in TITLE_PREFIXES or lower in title_words()[2]
