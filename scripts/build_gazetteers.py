#!/usr/bin/env python3
"""Build the gazetteer package data of velferdsgraf from the shared CSV files.

Writes, deterministically (sorted keys, stable order):

* ``velferdsgraf/graph/data/municipalities.json``: Norwegian kommuner 2016-2024 grouped
  into entities (a chain of codes with the same name), every code with its validity,
  predecessors and successors; Danish and Swedish kommuner; and a lexicon of how risky
  each name is as a bare word, counted in the NorNE *train* splits.
* ``velferdsgraf/graph/data/organisations.json``: public bodies, one entity per legal
  entity with its name periods, abbreviations and alternative names.
* ``velferdsgraf/graph/data/first_names.txt``: first names seen in NorNE train.

Usage::

    python scripts/build_gazetteers.py [--gazetteers DIR] [--norne DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GAZ = Path("/work/shared/data/gazetteers")
DEFAULT_NORNE = Path("/work/shared/data/norne")
DEFAULT_OUT = ROOT / "velferdsgraf" / "graph" / "data"
NORNE_TRAIN = ("nob/norne-nob-train.ndt.conllu", "nno/norne-nno-train.ndt.conllu")

LANG_COLUMNS = {"navn_sme": "sme", "navn_smj": "smj", "navn_sma": "sma", "navn_fkv": "fkv"}
# DAWA writes two Danish names in the genitive of "X Kommune"; the bare name drops the s.
DK_BARE_NAMES = {"Nordfyns": "Nordfyn", "Vesthimmerlands": "Vesthimmerland"}
# Legal-form suffixes that texts usually leave out ("Vestre Viken HF" -> "Vestre Viken").
ORG_FORM_SUFFIXES = (" RHF", " HF", " SF")
WORD = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: _nfc(v or "") for k, v in row.items()} for row in csv.DictReader(fh)]


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


# --------------------------------------------------------------------------- NorNE
@dataclass
class NameStats:
    """How one word sequence is used in NorNE train."""

    lower: int = 0  # written in lower case: a common word
    place: int = 0  # capitalised, exactly a GPE/LOC entity (or its genitive)
    person: int = 0  # capitalised, inside a PER entity
    part: int = 0  # capitalised, inside a longer non-person entity ("Ski IL")
    other: int = 0  # capitalised, not sentence-initial, no entity
    initial: int = 0  # capitalised at sentence start, no entity

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Norne:
    """Token statistics of the NorNE train files."""

    sentences: list[tuple[list[str], list[str]]] = field(default_factory=list)
    lower_counts: Counter[str] = field(default_factory=Counter)
    cap_counts: Counter[str] = field(default_factory=Counter)
    first_names: Counter[str] = field(default_factory=Counter)
    per_tokens: Counter[str] = field(default_factory=Counter)


def read_conllu(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB2 tags) from one NorNE CoNLL-U file."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue
            tag = "O"
            for item in cols[9].split("|"):
                if item.startswith("name="):
                    tag = item[5:]
            words.append(_nfc(cols[1]))
            tags.append(tag)
    if words:
        yield words, tags


def load_norne(norne_dir: Path) -> Norne:
    """Read the NorNE train splits (never dev or test) and count tokens."""
    stats = Norne()
    for rel in NORNE_TRAIN:
        path = norne_dir / rel
        if not path.exists():
            raise SystemExit(f"missing NorNE train file: {path}")
        for words, tags in read_conllu(path):
            stats.sentences.append((words, tags))
            for i, (w, t) in enumerate(zip(words, tags)):
                if w[:1].islower():
                    stats.lower_counts[w] += 1
                elif w[:1].isupper() and i > 0:
                    stats.cap_counts[w] += 1
                if t.endswith("PER"):
                    stats.per_tokens[w] += 1
                nxt = tags[i + 1] if i + 1 < len(tags) else "O"
                if t == "B-PER" and nxt == "I-PER":
                    stats.first_names[w] += 1
    return stats


def first_name_lexicon(norne: Norne) -> list[str]:
    """Tokens that open multi-word person names in NorNE and are rarely anything else."""
    names = []
    for w, n in norne.first_names.items():
        if not w.isalpha() or not w[:1].isupper() or w.isupper() or len(w) < 2:
            continue
        # Capitalised mid-sentence it must mostly be a person ("Per" is, "Vestre" is not).
        if norne.per_tokens[w] < 0.6 * (norne.cap_counts[w] + 1):
            continue
        names.append(w)
    return sorted(set(names))


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags as (start, end, label) spans (the package's own decoder)."""
    from velferdsgraf.graph.ner.conllu import iob2_spans

    return iob2_spans(tags)


def name_usage(norne: Norne, names: Iterable[str]) -> dict[str, NameStats]:
    """Count how each name (one or more tokens) is used in NorNE train."""
    wanted: dict[tuple[str, ...], str] = {}
    for name in names:
        toks = tuple(t.casefold() for t in WORD.findall(name))
        if toks:
            wanted[toks] = name
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for toks in wanted:
        by_first[toks[0]].append(toks)
        by_first[toks[0] + "s"].append(toks)  # genitive of a one-token name
    result = {name: NameStats() for name in wanted.values()}
    for words, tags in norne.sentences:
        folded = [w.casefold() for w in words]
        spans = entity_spans(tags)
        owner = [None] * len(words)
        for s, e, lab in spans:
            for k in range(s, e):
                owner[k] = (s, e, lab)
        for i, w in enumerate(folded):
            for toks in by_first.get(w, ()):
                n = len(toks)
                if n > 1 and tuple(folded[i : i + n]) != toks:
                    continue
                if n == 1 and w not in (toks[0], toks[0] + "s"):
                    continue
                st = result[wanted[toks]]
                if words[i][:1].islower():
                    if w == toks[0]:
                        st.lower += 1
                    continue
                ent = owner[i]
                if ent is None:
                    if i == 0:
                        st.initial += 1
                    else:
                        st.other += 1
                    continue
                s, e, lab = ent
                if lab == "PER":
                    st.person += 1
                elif (s, e) == (i, i + n) and lab in ("GPE_LOC", "GPE_ORG", "LOC"):
                    st.place += 1
                elif lab in ("GPE_LOC", "GPE_ORG", "LOC") and e == i + n + 1 and folded[e - 1].startswith("kommune"):
                    st.place += 1
                else:
                    st.part += 1
    return result


# --------------------------------------------------------------------------- word lists
# Municipality names that are also common Norwegian surnames. NorNE train is too small
# to see all of them as person names; this list only adds to what the data shows.
SURNAMES = frozenset("Berg Lund Moss Strand Eide Vik Nes Sande Hole Gran Vang Sunndal Rana Vinje Lier".split())


def bokmal_forms() -> set[str]:
    """Every full form of Debian's Bokmål hunspell dictionary (empty if not installed).

    ``unmunch`` expands affixes but not compounds, so "oslo" or "drammen" as a
    compound of two words is not taken for an ordinary word.
    """
    import shutil
    import subprocess

    dic = Path("/usr/share/hunspell")
    if not (shutil.which("unmunch") and (dic / "nb_NO.dic").exists()):
        return set()
    out = subprocess.run(["unmunch", str(dic / "nb_NO.dic"), str(dic / "nb_NO.aff")], capture_output=True, check=True)
    return set(out.stdout.decode("latin-1").split())


def hunspell_words(names: Iterable[str], nb_forms: set[str]) -> tuple[dict[str, set[str]], list[str]]:
    """Which lower-cased names are ordinary words in Norwegian, Danish or Swedish.

    Bokmål uses ``nb_forms`` (see :func:`bokmal_forms`); Danish and Swedish ask
    ``hunspell -G``, which also accepts compounds (stricter for foreign names). Needs
    Debian's hunspell, hunspell-tools and hunspell-no/-da/-sv; without them only NorNE
    is used and the recorded sources say so.
    """
    import shutil
    import subprocess

    lowered = sorted({n.casefold() for n in names})
    found: dict[str, set[str]] = defaultdict(set)
    sources: list[str] = []
    dic = Path("/usr/share/hunspell")
    if nb_forms:
        for w in lowered:
            if w in nb_forms:
                found[w].add("nb")
        sources.append("hunspell-no nb_NO (unmunch)")
    if shutil.which("hunspell"):
        for lang, dname in (("da", "da_DK"), ("sv", "sv_SE")):
            if not (dic / f"{dname}.dic").exists():
                continue
            res = subprocess.run(
                ["hunspell", "-d", dname, "-G"], input="\n".join(lowered).encode("utf-8"), capture_output=True, check=True
            )
            for w in res.stdout.decode("utf-8").split():
                found[w].add(lang)
            sources.append(f"hunspell {dname} (-G)")
    if not sources:
        print("warning: hunspell word lists not found; common words are taken from NorNE only")
    return found, sources


def name_flags(name: str, st: NameStats, first_names: set[str], country: str, words: set[str]) -> list[str]:
    """Why a bare occurrence of ``name`` is not enough evidence for a municipality.

    ``words``: languages in which the lower-cased name is an ordinary word.
    """
    flags = []
    cap = st.place + st.person + st.part + st.other
    if st.lower >= 2 and st.lower >= 0.25 * (cap + st.initial):
        flags.append("common_word")  # frequent as a word in running text
    mostly_place = st.place >= 3 and st.lower <= 0.1 * st.place
    if ("nb" in words or (country != "NO" and words)) and not mostly_place:
        flags.append("word")  # in a dictionary, but rare in text: weak only at sentence start
    if name in SURNAMES:
        flags.append("person_name")
    if name in first_names:
        flags.append("first_name")
    if st.person >= 2 and st.person >= st.place:
        flags.append("person_name")
    if st.part >= 3 and st.part > 2 * st.place:
        flags.append("name_part")
    if len(name) <= 3:
        flags.append("short")
    if country != "NO":
        flags.append("foreign")
        if len(name) <= 4:
            flags.append("short")
    return sorted(set(flags))


# --------------------------------------------------------------------------- municipalities
class UnionFind:
    """Groups codes into municipality entities."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _overlaps(a: list[dict[str, str]], b: list[dict[str, str]]) -> bool:
    def span(rows: list[dict[str, str]]) -> tuple[str, str]:
        return min(r["gyldig_fra"] for r in rows), max(r["gyldig_til"] or "9999-12-31" for r in rows)

    (a0, a1), (b0, b1) = span(a), span(b)
    return a0 <= b1 and b0 <= a1


def build_norwegian(gaz_dir: Path) -> dict[str, dict]:
    """Norwegian municipality entities keyed ``NO-<latest code>``."""
    rows = {r["kommunenummer"]: r for r in _read_csv(gaz_dir / "no_kommuner_2016_2024.csv")}
    uf = UnionFind()
    for code, r in rows.items():
        uf.find(code)
        for succ in _split(r["etterfolgere"]):
            if succ in rows and rows[succ]["navn"] == r["navn"]:
                uf.union(code, succ)
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for code, r in rows.items():
        groups[uf.find(code)].append(r)
    # The same name again after a gap (Haram 1534 until 2019, Haram 1580 from 2024) is
    # one place; two places with one name at the same time (Våler) stay apart.
    by_name: dict[str, list[str]] = defaultdict(list)
    for root, members in sorted(groups.items()):
        by_name[members[0]["navn"]].append(root)
    for roots in by_name.values():
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                ra, rb = uf.find(a), uf.find(b)
                if ra != rb and not _overlaps(groups[ra], groups[rb]):
                    groups[min(ra, rb)].extend(groups.pop(max(ra, rb)))
                    uf.union(ra, rb)
    code_entity: dict[str, str] = {}
    entities: dict[str, dict] = {}
    for members in groups.values():
        members.sort(key=lambda r: (r["gyldig_fra"], r["kommunenummer"]))
        latest = max(members, key=lambda r: (r["gyldig_til"] or "9999-12-31", r["gyldig_fra"]))
        eid = f"NO-{latest['kommunenummer']}"
        for r in members:
            code_entity[r["kommunenummer"]] = eid
        names: dict[str, list[str]] = defaultdict(list)
        former: list[str] = []
        for r in members:
            if r["navn"] not in names["nob"]:
                names["nob"].append(r["navn"])
            for col, lang in LANG_COLUMNS.items():
                if r[col] and r[col] not in names[lang]:
                    names[lang].append(r[col])
            for old in _split(r["tidligere_navn_ssb"]):
                if old not in former:
                    former.append(old)
        ssb = sorted({r["navn_ssb"] for r in members} | {r["navn_disambiguert"] for r in members if r["navn_disambiguert"]})
        codes = [
            {
                "code": r["kommunenummer"],
                "from": r["gyldig_fra"],
                "from_precision": r["gyldig_fra_presisjon"],
                "to": r["gyldig_til"] or None,
                "name_ssb": r["navn_ssb"],
                "county": r["fylke"],
                "county_number": r["fylkesnummer"],
                "predecessors": _split(r["forgjengere"]),
                "start_type": r["start_type"] or None,
                "successors": _split(r["etterfolgere"]),
                "end_type": r["slutt_type"] or None,
                "absorbed": _split(r["innlemmet_i_perioden"]),
                "orgnr": r["orgnr"] or None,
                "wikidata": r["wikidata"] or None,
            }
            for r in members
        ]
        wikidata = next((r["wikidata"] for r in reversed(members) if r["wikidata"]), None)
        alt_qids = sorted({q for r in members for q in _split(r["wikidata_alternativ"])} - {wikidata})
        entities[eid] = {
            "country": "NO",
            "name": latest["navn"],
            "names": {k: v for k, v in sorted(names.items())},
            "former_ssb_names": [f for f in former if f not in ssb],
            "ssb_names": ssb,
            "codes": codes,
            "orgnr": next((r["orgnr"] for r in reversed(members) if r["orgnr"]), None),
            "wikidata": wikidata,
            "wikidata_alternatives": alt_qids,
            "county": latest["fylke"],
        }
    for eid, ent in entities.items():
        own = {c["code"] for c in ent["codes"]}
        preds = {code_entity[p] for c in ent["codes"] for p in c["predecessors"] + c["absorbed"] if p not in own and p in code_entity}
        succs = {code_entity[s] for c in ent["codes"] for s in c["successors"] if s not in own and s in code_entity}
        ent["predecessors"] = sorted(preds - {eid})
        ent["successors"] = sorted(succs - {eid})
    return entities


def build_nordic(gaz_dir: Path) -> dict[str, dict]:
    """Danish and Swedish municipality entities keyed ``DK-<code>`` / ``SE-<code>``."""
    entities: dict[str, dict] = {}
    for r in _read_csv(gaz_dir / "dk_kommuner.csv"):
        bare = DK_BARE_NAMES.get(r["navn"], r["navn"])
        variants = sorted({r["navn"], f"{r['navn']} Kommune"} - {bare})
        entities[f"DK-{r['kommunekode']}"] = {
            "country": "DK",
            "name": bare,
            "names": {"dan": [bare]},
            "variants": variants,
            "codes": [{"code": r["kommunekode"], "county": r["region"], "county_number": r["regionskode"]}],
            "county": r["region"],
            "orgnr": None,
            "wikidata": None,
            "predecessors": [],
            "successors": [],
        }
    for r in _read_csv(gaz_dir / "se_kommuner.csv"):
        bare = r["municipality_name_short"]
        entities[f"SE-{r['municipality_code']}"] = {
            "country": "SE",
            "name": bare,
            "names": {"swe": [bare]},
            "variants": sorted({r["municipality_name"]} - {bare}),
            "codes": [{"code": r["municipality_code"], "county": r["county_name"], "county_number": r["county_code"]}],
            "county": r["county_name"],
            "orgnr": None,
            "wikidata": None,
            "predecessors": [],
            "successors": [],
        }
    return entities


# --------------------------------------------------------------------------- organisations
ABBR = re.compile(r"^[A-ZÆØÅ][A-Za-zÆØÅæøå\-]{1,9}$")
SKIP_ALT_PREFIXES = ("utskilt fra", "etterfølger for", "forgjengere:")
GENERIC_COMPOUND = re.compile(r"^[A-ZÆØÅ]+-[a-zæøå]+$")  # "NAV-kontor": a kind of office, not a name


def parse_alternatives(cell: str, row_from: str | None) -> tuple[list[dict], list[str]]:
    """Alternative names of one row as name periods, plus abbreviations found in notes.

    Notes in parentheses give a period ("før 2014", "navn til 2020-12-31", "fra 2025",
    "tidligere navn") or an abbreviation ("KRD, før 2014"). Items that describe other
    bodies ("forgjengere: …", "utskilt fra …") are left out.
    """
    names: list[dict] = []
    abbrevs: list[str] = []
    for item in _split(cell):
        low = item.casefold()
        if low.startswith(SKIP_ALT_PREFIXES[2]):
            break  # everything after "forgjengere:" names predecessors, which have rows
        if low.startswith(SKIP_ALT_PREFIXES):
            continue
        note = ""
        m = re.match(r"^(.*?)\s*\((.*)\)\s*$", item)
        name = item
        if m:
            name, note = m.group(1).strip(), m.group(2)
        if not name or GENERIC_COMPOUND.match(name):
            continue
        period: dict[str, str | None] = {"from": None, "to": None}
        former = False
        item_abbrevs: list[str] = []
        for part in (p.strip() for p in note.split(",")):
            if y := re.fullmatch(r"før (\d{4})", part):
                period["to"] = f"{int(y.group(1)) - 1}-12-31"
                former = True
            elif y := re.fullmatch(r"(?:navn )?til (\d{4}-\d{2}-\d{2})", part):
                period["to"] = y.group(1)
                former = True
            elif y := re.fullmatch(r"fra (\d{4})", part):
                period["from"] = f"{y.group(1)}-01-01"
            elif part == "tidligere navn":
                former = True
                if row_from:
                    period["to"] = _day_before(row_from)
            elif ABBR.match(part) and sum(ch.isupper() for ch in part) >= 1 and " " not in part:
                item_abbrevs.append(part)
        names.append({"name": name, "abbreviations": item_abbrevs, "former": former, **period})
        abbrevs.extend(item_abbrevs)
    return names, abbrevs


SPELLINGS = (("Høgskolen", "Høyskolen"), ("Høgskulen", "Høgskolen"))  # both forms are in use


def name_variants(name: str) -> list[str]:
    """Shorter forms and common spellings texts use for an official name."""
    out = {name}
    for a, b in SPELLINGS:
        if name.startswith(a):
            out.add(b + name[len(a) :])
    for suffix in ORG_FORM_SUFFIXES:
        if name.endswith(suffix):
            out.add(name[: -len(suffix)].strip())
    for form in list(out):
        for part in re.split(r"\s+[–-]\s+", form):
            if part != form and len(part) > 2 and part[:1].isupper():
                out.add(part.strip())
                for suffix in ORG_FORM_SUFFIXES:
                    if part.endswith(suffix):
                        out.add(part[: -len(suffix)].strip())
    return sorted(out)


def build_organisations(gaz_dir: Path) -> dict[str, dict]:
    """Organisation entities keyed by ``entitet``, each with its name periods."""
    rows = _read_csv(gaz_dir / "no_offentlige_organisasjoner.csv")
    by_id = {r["id"]: r for r in rows}
    row_entity = {r["id"]: r["entitet"] for r in rows}
    # Undated ends: a row ends the day before its dated successor starts.
    row_to: dict[str, str | None] = {}
    for r in rows:
        to = r["gyldig_til"] or None
        if not to:
            for succ in _split(r["etterfolger"]):
                start = by_id.get(succ, {}).get("gyldig_fra")
                if start and row_entity.get(succ) == r["entitet"]:
                    to = _day_before(start)
        row_to[r["id"]] = to
    entities: dict[str, dict] = {}
    for r in rows:
        ent = entities.setdefault(
            r["entitet"],
            {"periods": [], "orgnr": None, "wikidata": None, "predecessors": set(), "successors": set()},
        )
        alts, note_abbrevs = parse_alternatives(r["alternative_navn"], r["gyldig_fra"] or None)
        abbrevs = _split(r["forkortelser"])
        ent["periods"].append(
            {
                "id": r["id"],
                "name": r["navn"],
                "from": r["gyldig_fra"] or None,
                "to": row_to[r["id"]],
                "abbreviations": abbrevs,
                "alternative_names": alts,
                "variants": [v for v in name_variants(r["navn"]) if v != r["navn"] and v not in abbrevs],
                "type": r["type"],
                "parent": r["overordnet"] or None,
                "predecessors": _split(r["forgjenger"]),
                "successors": _split(r["etterfolger"]),
                "orgnr": r["orgnr"] or None,
                "wikidata": r["wikidata"] or None,
                "source": r["kilde"],
            }
        )
        if note_abbrevs:
            ent["periods"][-1]["note_abbreviations"] = note_abbrevs
        ent["orgnr"] = ent["orgnr"] or r["orgnr"] or None
        ent["wikidata"] = ent["wikidata"] or r["wikidata"] or None
        for p in _split(r["forgjenger"]):
            if row_entity.get(p, r["entitet"]) != r["entitet"]:
                ent["predecessors"].add(row_entity[p])
        for s in _split(r["etterfolger"]):
            if row_entity.get(s, r["entitet"]) != r["entitet"]:
                ent["successors"].add(row_entity[s])
    for ent in entities.values():
        ent["periods"].sort(key=lambda p: (p["from"] or "", p["to"] or "9999-12-31", p["id"]))
        ent["predecessors"] = sorted(ent["predecessors"])
        ent["successors"] = sorted(ent["successors"])
    return entities


def add_upper_variants(entities: dict[str, dict], norne: Norne, nb_forms: set[str]) -> None:
    """Add the all-capitals spelling of mixed-case abbreviations ("UiS" -> "UIS") unless
    it reads as a word ("HiT" -> "HIT")."""
    for ent in entities.values():
        for p in ent["periods"]:
            upper = []
            for abbr in p["abbreviations"] + p.get("note_abbreviations", []):
                up = abbr.upper()
                if abbr.isupper() or sum(ch.isupper() for ch in abbr) < 2 or not abbr.replace("-", "").isalpha():
                    continue
                if norne.lower_counts[up.lower()] or up.lower() in nb_forms:
                    continue
                upper.append(up)
            p["upper_variants"] = sorted(set(upper))


def abbreviation_flags(entities: dict[str, dict], norne: Norne) -> dict[str, list[str]]:
    """Abbreviations that are also common words ("Nord", "SA", "SI") and need context."""
    flags: dict[str, list[str]] = {}
    for ent in entities.values():
        for p in ent["periods"]:
            for abbr in p["abbreviations"] + p.get("note_abbreviations", []):
                f = []
                lower = norne.lower_counts[abbr.lower()]
                if lower >= 3:
                    f.append("common_word")
                if len(abbr) <= 2 and not abbr.isupper():
                    f.append("short")
                if f:
                    flags[abbr] = sorted(set(f))
    return dict(sorted(flags.items()))


# --------------------------------------------------------------------------- main
def lexicon_names(entities: dict[str, dict]) -> dict[str, list[str]]:
    """Every name the extractor matches as a bare word, with the countries using it."""
    out: dict[str, set[str]] = defaultdict(set)
    for ent in entities.values():
        for forms in ent["names"].values():
            for form in forms:
                out[form].add(ent["country"])
    return {name: sorted(countries) for name, countries in sorted(out.items())}


def write_json(path: Path, data: object) -> int:
    """Write compact, key-sorted JSON (byte-identical for identical input)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return len(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    """Build all gazetteer package data files."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gazetteers", type=Path, default=DEFAULT_GAZ)
    ap.add_argument("--norne", type=Path, default=DEFAULT_NORNE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    norne = load_norne(args.norne)
    first_names = first_name_lexicon(norne)
    fn_set = set(first_names)

    municipalities = {**build_norwegian(args.gazetteers), **build_nordic(args.gazetteers)}
    names = lexicon_names(municipalities)
    usage = name_usage(norne, names)
    nb_forms = bokmal_forms()
    words, word_sources = hunspell_words(names, nb_forms)
    lexicon = {}
    for name, countries in names.items():
        st = usage.get(name, NameStats())
        country = "NO" if "NO" in countries else countries[0]
        w = words.get(name.casefold(), set())
        lexicon[name] = {
            "countries": countries,
            "flags": name_flags(name, st, fn_set, country, w),
            "norne": st.as_dict(),
            "word_in": sorted(w),
        }

    organisations = build_organisations(args.gazetteers)
    add_upper_variants(organisations, norne, nb_forms)
    org_data = {
        "version": 1,
        "source": "no_offentlige_organisasjoner.csv (see /work/shared/data/gazetteers/README.md)",
        "entities": organisations,
        "abbreviation_flags": abbreviation_flags(organisations, norne),
    }
    muni_data = {
        "version": 1,
        "source": "SSB Klass 131 (NLOD), DAWA (0BSD), iholas/dk_municipalities (MIT), sjbrg/swedish-geodata (CC0), Wikidata (CC0)",
        "entities": municipalities,
        "lexicon": lexicon,
        "lexicon_sources": ["NorNE train (nob, nno)", *word_sources],
    }
    sizes = {
        "municipalities.json": write_json(args.out / "municipalities.json", muni_data),
        "organisations.json": write_json(args.out / "organisations.json", org_data),
    }
    fn_path = args.out / "first_names.txt"
    fn_path.write_text("".join(f"{n}\n" for n in first_names), encoding="utf-8")
    sizes["first_names.txt"] = fn_path.stat().st_size
    for name, size in sizes.items():
        print(f"{name}: {size} bytes")
    print(f"{len(municipalities)} municipalities, {len(organisations)} organisations, {len(first_names)} first names")
    for flag in ("common_word", "word", "first_name", "person_name", "name_part", "short"):
        names_ = sorted(n for n, v in lexicon.items() if flag in v["flags"] and "NO" in v["countries"])
        print(f"{flag} ({len(names_)}): {', '.join(names_)}")


if __name__ == "__main__":
    main()
