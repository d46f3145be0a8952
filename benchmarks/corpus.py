"""A seeded corpus of generated Norwegian welfare reports, for scaling benchmarks.

    python benchmarks/corpus.py --reports 1000 --seed 1 -o /tmp/corpus-1k

Actors come from velferdsgraf's own gazetteers (municipalities, public bodies, civil
organisations) and first-name lists, with common Norwegian surnames below; persons,
organisations and initiatives recur across reports with Zipf-distributed frequency (a few
in hundreds of reports, a long tail in one or two). Each report is about 500 words of
Markdown: roles, participation in initiatives and events, located-in statements, and
generic welfare prose. The same seed and count give the same files. No text is taken
from any real report.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

SURNAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen "
    "Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund "
    "Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen "
    "Bakken Kristoffersen Mathisen Lie Amundsen Rasmussen Lunde Solheim Berge Moe Nygård Bakke Kristensen "
    "Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen "
    "Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik "
    "Haug Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen "
    "Ødegård Eliassen Helland Bøe Aune Mikkelsen Tveit Brekke Abrahamsen Madsen"
).split()
ROLES = ("rådgiver", "seniorrådgiver", "prosjektleder", "enhetsleder", "avdelingsdirektør", "daglig leder",
         "kommunedirektør", "fagkoordinator", "forsker", "professor", "spesialrådgiver", "seksjonssjef")
NAV_ROLES = ("NAV-leder", "veileder", "avdelingsleder")
THEMES = ("Aktiv ungdom", "Trygg oppvekst", "Jobb først", "Sammen om arbeid", "Helse i arbeid",
          "Inkludering i praksis", "Bolig for velferd", "Barn i fattige familier", "Gode overganger",
          "Digital inkludering", "Leve hele livet lokalt", "Unge i jobb", "Fritid for alle",
          "Mestring hjemme", "Kompetanse i omsorg", "Tidlig innsats", "Los for unge", "Nye veier")
INITIATIVE_NOUNS = ("prosjektet", "programmet", "nettverket", "partnerskapet", "satsingen")
EVENT_NOUNS = ("konferansen", "seminaret", "dialogmøtet", "fagdagen", "samlingen")
FILLER = (
    "Målet er at flere skal komme i arbeid og aktivitet, og at tjenestene skal henge bedre sammen.",
    "Erfaringene så langt viser at tett oppfølging gir resultater, særlig for unge som står utenfor skole og arbeid.",
    "Samarbeidet bygger på en felles forståelse av utfordringene og en tydelig fordeling av ansvar.",
    "Brukerne skal møte én dør inn, og veilederne skal ha tid til å følge opp over tid.",
    "Kommunen har satt av midler i budsjettet for de neste tre årene.",
    "Evalueringen skal se på både kostnader, gevinster og brukernes egne erfaringer.",
    "Det er fortsatt mange som faller mellom to stoler når hjelpen er delt mellom flere etater.",
    "Tiltaket retter seg mot familier med lav inntekt og barn som ikke deltar i fritidsaktiviteter.",
    "Ansatte fra helse, skole og barnevern møtes jevnlig for å drøfte enkeltsaker og felles rutiner.",
    "Arbeidsgiverne i regionen har vært med fra starten og tilbyr praksisplasser.",
    "Frivillige organisasjoner spiller en viktig rolle, både som arenaer og som samarbeidspartnere.",
    "Det digitale tilbudet skal gjøre det enklere å søke om hjelp uten å møte opp på kontoret.",
    "Ventetiden har gått ned, og flere får svar på søknaden sin innen fire uker.",
    "Prosjektet har fått støtte fra staten og skal vare ut neste år.",
    "Mange av deltakerne har helseutfordringer i tillegg til lite arbeidserfaring.",
    "Det viktigste er å bygge tillit, både mellom tjenestene og mellom tjenestene og innbyggerne.",
)


def _zipf_picker(rng: random.Random, items: list, exponent: float = 1.1):
    """A function drawing one of ``items``, the item of rank r with weight 1/r**exponent."""
    cumulative = list(itertools.accumulate(1 / (rank ** exponent) for rank in range(1, len(items) + 1)))
    total = cumulative[-1]
    return lambda: items[min(bisect.bisect(cumulative, rng.random() * total), len(items) - 1)]


def _data(name: str) -> str:
    return files("velferdsgraf.graph").joinpath("data", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    organisation: str


def _world(rng: random.Random, persons: int) -> dict:
    municipalities = sorted(
        e["name"] for e in json.loads(_data("municipalities.json"))["entities"].values()
        if e.get("country") == "NO" and not e.get("successors"))
    public = sorted(e["periods"][-1]["name"] for e in json.loads(_data("organisations.json"))["entities"].values())
    civil = sorted(line.split("\t")[0] for line in _data("organisations_civil.tsv").splitlines()[5:] if line.strip())
    first = sorted({w for line in _data("first_names.txt").splitlines() if not line.startswith("#")
                    for w in line.split()})
    rng.shuffle(municipalities)
    rng.shuffle(public)
    navs = [f"NAV {m}" for m in municipalities]
    organisations = public + civil + navs
    rng.shuffle(organisations)
    people, seen = [], set()
    while len(people) < persons:
        name = f"{rng.choice(first)} {rng.choice(SURNAMES)}"
        if rng.random() < 0.15:
            name = f"{name.split()[0]} {rng.choice(SURNAMES)} {name.split()[1]}"
        if name in seen:
            continue
        seen.add(name)
        organisation = rng.choice(organisations)
        role = rng.choice(NAV_ROLES if organisation.startswith("NAV ") else ROLES)
        people.append(Person(name, role, organisation))
    pairs = itertools.islice(zip(itertools.cycle(THEMES), itertools.cycle(municipalities)), 600)
    initiatives = [f"{theme} {m}" if i % 3 else theme for i, (theme, m) in enumerate(pairs)]
    return {"municipalities": municipalities, "organisations": organisations, "persons": people,
            "initiatives": sorted(set(initiatives))}


def _report(rng: random.Random, world: dict, pick: dict, number: int) -> str:
    municipality = pick["municipality"]()
    initiative = pick["initiative"]()
    noun = rng.choice(INITIATIVE_NOUNS)
    cast = []
    while len(cast) < rng.randint(4, 7):
        person = pick["person"]()
        if person not in cast:
            cast.append(person)
    partners = sorted({pick["organisation"]() for _ in range(rng.randint(2, 4))})
    lines = [f"# {initiative}: nytt samarbeid i {municipality}", ""]
    body = [f"{partners[0]} og {municipality} kommune starter {noun} «{initiative}» sammen med "
            f"{', '.join(partners[1:]) or 'flere partnere'}."]
    for i, person in enumerate(cast):
        if i % 3 == 0:
            body.append(f"– Dette er et viktig løft, sier {person.name}, {person.role} i {person.organisation}.")
        elif i % 3 == 1:
            body.append(f"{person.role[0].upper() + person.role[1:]} i {person.organisation}, {person.name}, "
                        f"leder arbeidet med «{initiative}».")
        else:
            body.append(f"{person.name} er {person.role} i {person.organisation} og deltar i «{initiative}».")
        body.extend(rng.sample(FILLER, 2))
    event_noun = rng.choice(EVENT_NOUNS)
    body.append(f"På {event_noun} «{rng.choice(THEMES)} {rng.randint(2019, 2026)}» i {pick['municipality']()} "
                f"deltok {cast[0].name} og {cast[-1].name} fra {cast[-1].organisation}.")
    office = f"NAV {municipality}"
    body.append(f"{office} ligger i {municipality} og har ansvar for oppfølgingen av deltakerne.")
    while sum(len(s.split()) for s in body) < 470:
        body.append(rng.choice(FILLER))
    paragraphs = [" ".join(body[i:i + 4]) for i in range(0, len(body), 4)]
    return "\n".join(lines) + "\n" + "\n\n".join(paragraphs) + "\n"


def generate(out: Path, reports: int, seed: int = 1, persons: int | None = None) -> list[Path]:
    """Write ``reports`` generated reports (report-00001.md …) into ``out``; returns their paths."""
    rng = random.Random(seed)
    world = _world(rng, persons or max(200, reports * 2))
    pick = {
        "municipality": _zipf_picker(rng, world["municipalities"]),
        "organisation": _zipf_picker(rng, world["organisations"]),
        "person": _zipf_picker(rng, world["persons"], 0.9),
        "initiative": _zipf_picker(rng, world["initiatives"]),
    }
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, reports + 1):
        path = out / f"report-{number:05d}.md"
        path.write_text(_report(rng, world, pick, number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    paths = generate(args.output, args.reports, args.seed)
    words = sum(len(p.read_text("utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} reports, {words} words, into {args.output}")


if __name__ == "__main__":
    main()
