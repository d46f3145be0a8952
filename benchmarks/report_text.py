"""Realistic, made-up Norwegian welfare-report text of any length, for timing one long report.

The generator invents people (common Norwegian first names and surnames), picks municipalities
and public bodies, and writes the kinds of sentences reports hold: who leads what, who works
with whom, projects, meetings with dates, abbreviations ("bl.a.", "f.eks.") and initials.
Nothing is taken from the sample reports. Same seed and size give the same text.

    python benchmarks/report_text.py 65536 > rapport.txt
"""
from __future__ import annotations

import random
import sys

FIRST = ("Kari", "Ola", "Ingrid", "Lars", "Marte", "Per", "Silje", "Anders", "Hanne", "Jon", "Tone", "Espen",
         "Ragnhild", "Bjørn", "Åse", "Øystein", "Sigrid", "Håkon", "Live", "Trond", "Eli", "Geir", "Nina", "Knut")
LAST = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
        "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Solberg", "Strand", "Lunde", "Dahl",
        "Moen", "Sæther", "Rønning", "Aasen", "Vik", "Holm", "Brekke", "Myklebust", "Fjeld")
PLACES = ("Bærum", "Asker", "Drammen", "Lillehammer", "Hamar", "Gjøvik", "Tromsø", "Bodø", "Molde", "Ålesund",
          "Kristiansand", "Arendal", "Skien", "Larvik", "Halden", "Steinkjer", "Levanger", "Førde", "Voss", "Alta")
BODIES = ("NAV {p}", "{p} kommune", "Barnevernstjenesten i {p}", "Helse- og omsorgsetaten i {p}",
          "Frivilligsentralen i {p}", "{p} frivilligsentral", "Utviklingssenteret for sykehjem i {p}")
NATIONAL = ("Arbeids- og velferdsdirektoratet", "Helsedirektoratet", "Bufdir", "KS", "Statsforvalteren i Innlandet",
            "Røde Kors", "Kirkens Bymisjon", "Norsk Folkehjelp", "Fylkesmannen i Nordland", "Husbanken")
ROLES = ("leder", "rådgiver", "prosjektleder", "avdelingsleder", "kommunedirektør", "seniorrådgiver",
         "koordinator", "daglig leder", "fagleder", "styreleder", "saksbehandler", "enhetsleder")
PROJECTS = ("Ungdomsgarantien", "Tidlig innsats", "Sammen om mestring", "Boligsosialt løft", "Aktiv hverdag",
            "Jobbsjansen", "Familiens hus", "Leve hele livet", "Inkluderingsløftet", "Kvalifiseringsprogrammet")
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "august", "september", "oktober", "november")
FILLER = (
    "Målet er å gi flere unge en varig tilknytning til arbeidslivet.",
    "Tiltaket skal evalueres etter to år, bl.a. med tanke på kostnader og effekt.",
    "Erfaringene så langt er gode, men det er behov for mer forutsigbar finansiering.",
    "Det er satt av 2,5 mill. kr til arbeidet i år, jf. budsjettvedtaket.",
    "Brukerne opplever at tjenestene henger bedre sammen enn før.",
    "Flere tiltak, f.eks. oppfølging i bolig og hjelp til skolegang, ses i sammenheng.",
    "Samarbeidet er forankret i en skriftlig avtale mellom partene.",
    "Ventetiden er redusert fra åtte til tre uker, dvs. mer enn en halvering.",
    "Rapporten peker på at tallene må tolkes med varsomhet.",
    "Ansatte har fått opplæring i motiverende intervju og kartlegging.",
)


class ReportWriter:
    """Writes sentences about a cast of invented people, places and bodies, from one seed."""

    def __init__(self, seed: int = 12) -> None:
        self.rng = random.Random(seed)
        self.people = [f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}" for _ in range(60)]

    def body(self) -> str:
        """An organisation name: a local body of a municipality or a national one."""
        if self.rng.random() < 0.6:
            return self.rng.choice(BODIES).format(p=self.rng.choice(PLACES))
        return self.rng.choice(NATIONAL)

    def sentence(self) -> str:
        """One sentence of one of the usual kinds."""
        r, person, other = self.rng, self.rng.choice(self.people), self.rng.choice(self.people)
        kind = r.randrange(9)
        if kind == 0:
            return f"{person} er {r.choice(ROLES)} i {self.body()}."
        if kind == 1:
            return f"– Vi ser at samarbeidet virker, sier {r.choice(ROLES)} {person} i {self.body()}."
        if kind == 2:
            return f"{self.body()} samarbeider med {self.body()} om prosjektet «{r.choice(PROJECTS)}»."
        if kind == 3:
            return (f"Den {r.randint(1, 28)}. {r.choice(MONTHS)} {r.randint(2015, 2024)} møttes {person} og "
                    f"{other} på et dialogmøte i {r.choice(PLACES)}.")
        if kind == 4:
            first, last = person.split()
            return f"Ifølge {first[0]}. {last} har {self.body()} fått tilskudd fra {self.body()}."
        if kind == 5:
            return f"{person.split()[1]} leder arbeidet sammen med {other}, som er {r.choice(ROLES)}."
        if kind == 6:
            return f"I {r.choice(PLACES)} deltar bl.a. {self.body()}, {self.body()} og {self.body()}."
        return r.choice(FILLER)

    def paragraph(self) -> str:
        """Three to seven sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 7)))


def report_text(size: int, seed: int = 12) -> str:
    """About ``size`` characters of report text: a title line, then paragraphs split by blank lines."""
    writer = ReportWriter(seed)
    parts = [f"Samarbeid om velferdstjenester i {writer.rng.choice(PLACES)}"]
    length = len(parts[0])
    while length < size:
        paragraph = writer.paragraph()
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)[:size].rsplit(" ", 1)[0] + "\n"


if __name__ == "__main__":
    sys.stdout.write(report_text(int(sys.argv[1]) if len(sys.argv) > 1 else 65536))
