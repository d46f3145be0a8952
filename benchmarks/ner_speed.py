"""Words per second of the ``ner`` extractor, or of the whole joint pipeline, on one CPU core.

    python benchmarks/ner_speed.py [--words 100000] [--repeat 3] [--model DIR]
    python benchmarks/ner_speed.py --pipeline full     # tagger, morphologizer, NER, parser, lemmatizer
    python benchmarks/ner_speed.py --pipeline syntax   # the same without the NER

``--pipeline ner`` (default) times the ``ner`` extractor (tok2vec + ner, plus the
municipality gazetteer); ``--pipeline full`` times ``load_pipeline().pipe`` over the same
chunks the extractor makes (what :func:`velferdsgraf.graph.ner.model.parse` runs);
``--pipeline syntax`` the same with the ``ner`` component disabled (what a build pays on
top of the ``ner`` extractor when its rules also use the parse).

The text is synthetic Norwegian report prose made from templates below (NorNE
sentences must not be reassembled into articles). Words = whitespace-separated
tokens of the text. The process is pinned to one core and BLAS to one thread.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported

import argparse  # noqa: E402
import functools  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

FIRST = ["Kari", "Ola", "Silje", "Anders", "Ingrid", "Mohammed", "Astrid", "Lars", "Fatima", "Per", "Hilde", "Jon"]
LAST = ["Nordmann", "Hansen", "Berg", "Olsen", "Haugen", "Ali", "Johansen", "Lie", "Dahl", "Strand", "Bakke"]
ORGS = ["NAV Bærum", "Helsedirektoratet", "KS", "Bufdir", "Arbeids- og velferdsdirektoratet", "Husbanken",
        "Statsforvalteren i Viken", "Kirkens Bymisjon", "Røde Kors", "Universitetet i Oslo", "Sykehuset Innlandet"]
PLACES = ["Bærum", "Asker", "Drammen", "Bergen", "Trondheim", "Tromsø", "Lillehammer", "Kristiansand", "Bodø"]
ROLES = ["rådgiver", "seniorrådgiver", "kommunedirektør", "NAV-leder", "statssekretær", "prosjektleder", "direktør"]
TOPICS = ["tidlig innsats", "boligsosialt arbeid", "inkludering av unge", "digitale tjenester", "psykisk helse",
          "kvalifiseringsprogrammet", "samarbeid mellom etatene", "frivillighet", "barnefattigdom"]
TEMPLATES = [
    "{person}, {role} i {org}, la fram erfaringer med {topic} for kommunestyret i {place}.",
    "Prosjektet om {topic} er et samarbeid mellom {org} og {place} kommune, ledet av {person}.",
    "I {place} har {org} over flere år arbeidet med {topic}, og resultatene er lovende.",
    "Ifølge {person} må vi tenke nytt om {topic} dersom vi skal lykkes i årene som kommer.",
    "Møtet ble åpnet av {role} {person}, som pekte på at {topic} krever langsiktig finansiering.",
    "Deltakerne fra {org} og {org2} diskuterte hvordan {topic} kan styrkes i hele regionen.",
    "Det er ikke nok med gode intensjoner; tjenestene må oppleves som nyttige for innbyggerne.",
    "Evalueringen viser at brukerne er fornøyde, men at ventetiden fortsatt er for lang.",
]


def synthetic_text(n_words: int, seed: int = 0) -> str:
    """Report-like Norwegian text of about ``n_words`` words, 3-6 sentences per paragraph."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    words = 0
    while words < n_words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            org, org2 = rng.sample(ORGS, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                person=f"{rng.choice(FIRST)} {rng.choice(LAST)}", role=rng.choice(ROLES), org=org, org2=org2,
                place=rng.choice(PLACES), topic=rng.choice(TOPICS)))
        paragraph = " ".join(sentences)
        words += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--pipeline", choices=("ner", "full", "syntax"), default="ner",
                        help="ner: the ner extractor (tok2vec + ner); full: every component; syntax: all but ner.")
    parser.add_argument("--reports", type=Path, default=Path(__file__).parents[1] / "examples" / "reports",
                        help="Also time the repo's example reports (read with velferdsgraf.input.read).")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from velferdsgraf.graph.extractors.ner import NerExtractor
    from velferdsgraf.graph.ner.model import load_model, load_pipeline
    from velferdsgraf.input.document import Document

    text = synthetic_text(args.words)
    doc = Document(id="bench", text=text)
    n_words = len(text.split())
    started = time.perf_counter()
    nlp = load_model(args.model) if args.pipeline == "ner" else load_pipeline(args.model)
    if args.pipeline == "syntax":
        nlp.select_pipes(disable=["ner"])
    print(f"model load: {time.perf_counter() - started:.2f} s; components: {', '.join(nlp.pipe_names)}")
    if args.pipeline != "ner":
        run = functools.partial(_run_pipeline, nlp)
    else:
        extractor = NerExtractor(model_path=args.model)  # with the municipality gazetteer
        run = functools.partial(_run_extractor, extractor)
    run(Document(id="warmup", text=text[:5000]))
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = run(doc)
        timings.append(time.perf_counter() - started)
    best = min(timings)
    reports_line = _time_reports(run, args.reports, args.repeat) if args.reports.is_dir() else None
    print(f"machine: {_cpu_name()}, {os.cpu_count()} cores, 1 used; "
          f"Python {platform.python_version()}")
    print(f"text: {n_words} words, {len(text)} chars; {found} mentions/entities")
    print(f"runs: {', '.join(f'{t:.2f}' for t in timings)} s")
    print(f"words/s (best of {args.repeat}): {n_words / best:,.0f}")
    if reports_line:
        print(reports_line)


def _run_extractor(extractor, doc) -> int:
    """Run the ner extractor; the number of mentions."""
    return len(extractor.extract(doc).mentions)


def _run_pipeline(nlp, doc) -> int:
    """Run every component over the extractor's chunks; the number of entities."""
    from velferdsgraf.graph.extractors.ner import iter_chunks

    return sum(len(parsed.ents) for parsed in nlp.pipe((c for _, c in iter_chunks(doc.text)), batch_size=64))


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _time_reports(run, folder: Path, repeat: int) -> str:
    """Words/s over the example reports, each run ``10 * repeat`` times (they are short)."""
    from velferdsgraf.input import read

    docs = read([folder]).documents
    n_words = sum(len(d.text.split()) for d in docs)
    started = time.perf_counter()
    for _ in range(10 * repeat):
        for doc in docs:
            run(doc)
    elapsed = time.perf_counter() - started
    return f"example reports: {len(docs)} documents, {n_words} words, words/s: {10 * repeat * n_words / elapsed:,.0f}"


if __name__ == "__main__":
    main()
