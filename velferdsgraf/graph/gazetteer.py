"""Look up municipalities and public organisations in the shipped gazetteers.

The data (``graph/data/municipalities.json``, ``organisations.json``) is built by
``scripts/build_gazetteers.py`` and read once, on the first call of
:func:`load_gazetteer`; importing this module reads nothing.

>>> gaz = load_gazetteer()
>>> gaz.municipality("Bærums").name
'Bærum'
>>> gaz.municipality("Ski", at="2018-05-01").current_kommunenummer
'3207'
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "CodePeriod",
    "Gazetteer",
    "MunicipalityRecord",
    "NamePeriod",
    "OrganisationRecord",
    "load_gazetteer",
    "normalise_date",
]

_SUFFIX = re.compile(r"\s+(?:kommune|kommun|municipality|stad)s?$", re.IGNORECASE)
_QUALIFIED = re.compile(r"^(.*?)\s*\((.+)\)$")
_APOSTROPHES = "'’´`"


@dataclass(frozen=True, slots=True)
class CodePeriod:
    """One kommunenummer and the days it was valid (``to`` None: still valid)."""

    code: str
    valid_from: str | None
    valid_to: str | None
    county: str | None = None
    name_ssb: str | None = None

    def valid_at(self, day: str) -> bool:
        """Whether the code was in force on ``day`` (ISO date)."""
        return (self.valid_from or "0000") <= day <= (self.valid_to or "9999-12-31")


@dataclass(frozen=True, slots=True)
class MunicipalityRecord:
    """A municipality found by name.

    ``kommunenummer`` is the code valid at the date asked for (or the nearest code in
    time, or the latest code without a date); ``current_kommunenummer`` follows
    mergers and renumberings to today's code (Ski 0213 -> Nordre Follo 3207), and is
    None when the municipality was split between several. When the name fits several
    municipalities at once (Våler, Herøy, Nes), ``ambiguous`` is True, ``id``, codes and
    identifiers are empty, and ``candidates`` holds one record for each.
    """

    id: str | None
    name: str
    country: str
    kommunenummer: str | None = None
    current_kommunenummer: str | None = None
    current_name: str | None = None
    codes: tuple[CodePeriod, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (language, name): nob, sme, smj, sma, fkv, dan, swe
    county: str | None = None
    wikidata: str | None = None
    orgnr: str | None = None
    predecessors: tuple[str, ...] = ()  # names of municipalities merged into this one
    successors: tuple[str, ...] = ()  # names of municipalities this one became
    flags: tuple[str, ...] = ()  # why the bare name is weak evidence in text
    ambiguous: bool = False
    candidates: tuple[MunicipalityRecord, ...] = ()

    @property
    def all_codes(self) -> tuple[str, ...]:
        """Every kommunenummer the municipality has had."""
        return tuple(c.code for c in self.codes)


@dataclass(frozen=True, slots=True)
class NamePeriod:
    """One name of an organisation and when it was used (None: open end)."""

    name: str
    valid_from: str | None
    valid_to: str | None
    record_id: str
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    """A public organisation found by name or abbreviation.

    ``id`` is the row (name period) that matched best at the date asked for, ``entity``
    groups the rows of one legal entity (``kmd`` and ``kdd`` are both ``dep-kommunal``);
    ``name`` is that row's full name and ``name_at_date`` the entity's name at the date.
    """

    id: str
    entity: str
    name: str
    name_at_date: str
    abbreviations: tuple[str, ...]
    alternative_names: tuple[str, ...]
    type: str
    parent: str | None
    parent_name: str | None
    orgnr: str | None
    wikidata: str | None
    history: tuple[NamePeriod, ...]
    predecessors: tuple[str, ...] = ()  # names of predecessor entities
    successors: tuple[str, ...] = ()  # names of successor entities


def normalise_date(at: str | None) -> str | None:
    """An ISO date or prefix ("2019", "2019-03") as a full ISO date, or None."""
    if not at:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", at.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "1", m.group(3) or "1"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def fold(text: str) -> str:
    """The lookup key of a name: NFC, casefolded, one space, unified dashes."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.split()).casefold()


def _period_distance(valid_from: str | None, valid_to: str | None, day: str) -> str:
    """Sort key: 0 inside the period, else how far ``day`` is outside it (as text)."""
    if (valid_from or "0000") <= day <= (valid_to or "9999-12-31"):
        return "0"
    edge = valid_from if valid_from and day < valid_from else valid_to or ""
    return f"1{abs(int(edge[:4]) - int(day[:4])):04d}"


class Gazetteer:
    """Name lookups over the municipality and organisation data."""

    def __init__(self, municipalities: dict[str, Any], organisations: dict[str, Any]) -> None:
        self._munis: dict[str, dict[str, Any]] = municipalities["entities"]
        self.lexicon: dict[str, dict[str, Any]] = municipalities.get("lexicon", {})
        self._orgs: dict[str, dict[str, Any]] = organisations["entities"]
        self.abbreviation_flags: dict[str, list[str]] = organisations.get("abbreviation_flags", {})
        self._muni_index: dict[str, set[str]] = defaultdict(set)
        self._code_index: dict[tuple[str, str], str] = {}
        for eid, ent in self._munis.items():
            for form in self._muni_forms(ent):
                self._muni_index[fold(form)].add(eid)
            for c in ent["codes"]:
                self._code_index[(ent["country"], c["code"])] = eid
        self._org_rows: dict[str, tuple[str, dict[str, Any]]] = {}
        self._org_exact: dict[str, set[str]] = defaultdict(set)  # case-sensitive abbreviations
        self._org_folded: dict[str, set[str]] = defaultdict(set)
        for eid, ent in self._orgs.items():
            for row in ent["periods"]:
                self._org_rows[row["id"]] = (eid, row)
                for form, exact in self.organisation_forms(row):
                    if exact:
                        self._org_exact[form].add(row["id"])
                    else:
                        self._org_folded[fold(form)].add(row["id"])

    # ------------------------------------------------------------------ forms
    @staticmethod
    def _muni_forms(ent: dict[str, Any]) -> list[str]:
        forms = [n for names in ent["names"].values() for n in names]
        forms += ent.get("ssb_names", []) + ent.get("former_ssb_names", []) + ent.get("variants", [])
        return forms

    def municipality_forms(self) -> dict[str, list[str]]:
        """Every bare name (all languages) -> the entity ids that carry it."""
        out: dict[str, set[str]] = defaultdict(set)
        for eid, ent in self._munis.items():
            for names in ent["names"].values():
                for n in names:
                    out[n].add(eid)
        return {k: sorted(v) for k, v in sorted(out.items())}

    def municipality_ssb_forms(self) -> list[str]:
        """SSB's multilingual forms ("Guovdageaidnu - Kautokeino"), for matching as one name."""
        return sorted(
            {s for ent in self._munis.values() for s in ent.get("ssb_names", []) if " - " in s and "(" not in s}
        )

    @staticmethod
    def organisation_forms(row: dict[str, Any]) -> list[tuple[str, bool]]:
        """The surface forms of one organisation row, each with "match case exactly"."""
        forms: list[tuple[str, bool]] = [(row["name"], False)]
        forms += [(v, False) for v in row.get("variants", [])]
        for alt in row.get("alternative_names", []):
            forms.append((alt["name"], False))
            forms += [(a, True) for a in alt.get("abbreviations", [])]
        for abbr in row.get("abbreviations", []) + row.get("note_abbreviations", []):
            forms.append((abbr, True))
        forms += [(up, True) for up in row.get("upper_variants", [])]
        # Only longer names are matched regardless of case: "Forskningsrådet",
        # "Kartverket"; "KS", "Nav", "Vox", "UiO" must be written exactly so.
        return [(form, exact or len(form) <= 4 or form.isupper()) for form, exact in forms]

    def organisation_rows(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Row id -> (entity id, row data) for every organisation name period."""
        return self._org_rows

    # ------------------------------------------------------------------ municipalities
    def municipality(self, name: str, at: str | None = None, country: str | None = None) -> MunicipalityRecord | None:
        """The municipality called ``name`` ("Bærum", "Bærum kommune", "Bærums",
        "Våler (Østfold)", "Guovdageaidnu", "Lolland Kommune", "Malmö kommun").

        ``at`` (ISO date or prefix) picks the code valid then and settles names that
        two municipalities had at different times; ``country`` ("NO", "DK", "SE")
        restricts the search. Norwegian municipalities win over Danish/Swedish ones of
        the same name unless ``country`` says otherwise. Returns None if unknown.
        """
        day = normalise_date(at)
        ids, qualifier = self._find_muni_ids(name)
        if not ids:
            return None
        if qualifier:
            q = fold(qualifier)
            narrowed = {i for i in ids if any(fold(c.get("county") or "") == q for c in self._munis[i]["codes"])}
            narrowed |= {i for i in ids if any(q in fold(s) for s in self._munis[i].get("ssb_names", []))}
            ids = narrowed or ids
        if country:
            ids = {i for i in ids if self._munis[i]["country"] == country.upper()}
        elif any(self._munis[i]["country"] == "NO" for i in ids):
            ids = {i for i in ids if self._munis[i]["country"] == "NO"}
        if not ids:
            return None
        records = [self._muni_record(i, day) for i in sorted(ids)]
        if len(records) == 1:
            return records[0]
        if day:
            alive = [r for r in records if any(c.valid_at(day) for c in r.codes)]
            if len(alive) == 1:
                return alive[0]
        first = records[0]
        return MunicipalityRecord(
            id=None,
            name=first.name,
            country=first.country if all(r.country == first.country for r in records) else "",
            flags=first.flags,
            ambiguous=True,
            candidates=tuple(records),
        )

    def municipality_by_code(self, code: str, country: str = "NO", at: str | None = None) -> MunicipalityRecord | None:
        """The municipality that has (or had) kommunenummer ``code``."""
        eid = self._code_index.get((country.upper(), code))
        return self._muni_record(eid, normalise_date(at)) if eid else None

    def municipality_by_id(self, eid: str, at: str | None = None) -> MunicipalityRecord | None:
        """The municipality with gazetteer id ``eid`` ("NO-3201", "DK-0360")."""
        return self._muni_record(eid, normalise_date(at)) if eid in self._munis else None

    def _find_muni_ids(self, name: str) -> tuple[set[str], str | None]:
        key = fold(name).strip(" .,:;")
        tried = [key]
        base = _SUFFIX.sub("", key)
        tried.append(base)
        m = _QUALIFIED.match(base)
        qualifier = None
        if m:
            tried.append(m.group(1))
            qualifier = m.group(2)
        for k in tried:
            if k in self._muni_index:
                return set(self._muni_index[k]), (qualifier if k != key else None)
        for k in tried:  # genitive: "Bærums", "Nordre Follos", "Moss'"
            stem = k.rstrip(_APOSTROPHES)
            if stem != k and stem in self._muni_index:
                return set(self._muni_index[stem]), qualifier
            if stem.endswith("s") and stem[:-1] in self._muni_index:
                return set(self._muni_index[stem[:-1]]), qualifier
        return set(), None

    def _muni_record(self, eid: str, day: str | None) -> MunicipalityRecord:
        ent = self._munis[eid]
        codes = tuple(
            CodePeriod(c["code"], c.get("from"), c.get("to"), c.get("county"), c.get("name_ssb")) for c in ent["codes"]
        )
        if day and ent["country"] == "NO":
            code = min(codes, key=lambda c: (_period_distance(c.valid_from, c.valid_to, day), c.code)).code
        else:
            code = max(codes, key=lambda c: (c.valid_to or "9999-12-31", c.valid_from or "")).code
        cur_codes, cur_ids = self._current(eid)
        cur_code = cur_codes[0] if len(cur_codes) == 1 else None
        cur_name = self._munis[cur_ids[0]]["name"] if len(cur_ids) == 1 else None
        lex = self.lexicon.get(ent["name"], {})
        return MunicipalityRecord(
            id=eid,
            name=ent["name"],
            country=ent["country"],
            kommunenummer=code,
            current_kommunenummer=cur_code,
            current_name=cur_name,
            codes=codes,
            names=tuple((lang, n) for lang, ns in sorted(ent["names"].items()) for n in ns),
            county=ent.get("county"),
            wikidata=ent.get("wikidata"),
            orgnr=ent.get("orgnr"),
            predecessors=tuple(self._munis[p]["name"] for p in ent.get("predecessors", [])),
            successors=tuple(self._munis[s]["name"] for s in ent.get("successors", [])),
            flags=tuple(lex.get("flags", ())),
        )

    def _current(self, eid: str) -> tuple[list[str], list[str]]:
        """Today's code(s) and entity id(s), following successors from ``eid``."""
        seen: set[str] = set()
        frontier = [eid]
        live: list[str] = []
        while frontier:
            e = frontier.pop()
            if e in seen:
                continue
            seen.add(e)
            ent = self._munis[e]
            if any(c.get("to") is None for c in ent["codes"]) or not ent.get("successors"):
                live.append(e)
            else:
                frontier.extend(ent["successors"])
        live = sorted(set(live))
        codes = []
        for e in live:
            ent = self._munis[e]
            open_codes = [c["code"] for c in ent["codes"] if c.get("to") is None] or [ent["codes"][-1]["code"]]
            codes.append(open_codes[-1])
        if len(codes) > 1:  # split: keep the part that kept the name (Ålesund 1507 -> 1508)
            same = [c for c, e in zip(codes, live) if self._munis[e]["name"] == self._munis[eid]["name"]]
            if len(same) == 1:
                return [same[0]], [live[codes.index(same[0])]]
        return codes, live

    # ------------------------------------------------------------------ organisations
    def organisation(self, name: str, at: str | None = None) -> OrganisationRecord | None:
        """The organisation called ``name``: a full name ("Arbeids- og sosialdepartementet",
        "Vestre Viken"), an abbreviation matched with its case ("KS", "NAV", "UiO"; "Nav"
        is listed too) or an alternative name. Genitives ("NAVs", "KS'") are accepted.
        Among rows sharing the form (BLD was used by two names) the one valid at ``at``
        wins, else the latest."""
        day = normalise_date(at)
        ids = self._find_org_ids(name.strip())
        if not ids:
            return None
        best = min(ids, key=lambda i: self._row_rank(self._org_rows[i][1], day))
        return self._org_record(best, day)

    def organisation_by_id(self, row_id: str, at: str | None = None) -> OrganisationRecord | None:
        """The organisation row with gazetteer id ``row_id`` ("kmd", "nav")."""
        return self._org_record(row_id, normalise_date(at)) if row_id in self._org_rows else None

    def _find_org_ids(self, text: str) -> set[str]:
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        for cand in (text, text.rstrip(_APOSTROPHES), text[:-1] if text.endswith("s") else ""):
            if cand and (cand in self._org_exact or fold(cand) in self._org_folded):
                return set(self._org_exact.get(cand, set())) | set(self._org_folded.get(fold(cand), set()))
        return set()

    @staticmethod
    def _row_rank(row: dict[str, Any], day: str | None) -> tuple[str, str, str]:
        if day:
            return (_period_distance(row.get("from"), row.get("to"), day), "", row["id"])
        # latest first: open-ended rows, then the most recent end
        end = row.get("to") or "9999-12-31"
        return ("", "".join(chr(0x10FFFF - ord(ch)) for ch in end + (row.get("from") or "")), row["id"])

    def _org_record(self, row_id: str, day: str | None) -> OrganisationRecord:
        eid, row = self._org_rows[row_id]
        ent = self._orgs[eid]
        at_date = min(ent["periods"], key=lambda r: self._row_rank(r, day))
        history = tuple(
            NamePeriod(p["name"], p.get("from"), p.get("to"), p["id"], tuple(p.get("abbreviations", [])))
            for p in ent["periods"]
        ) + tuple(
            NamePeriod(a["name"], a.get("from"), a.get("to"), p["id"], tuple(a.get("abbreviations", [])))
            for p in ent["periods"]
            for a in p.get("alternative_names", [])
            if a.get("former") or a.get("from")
        )
        parent_name = None
        if row.get("parent") and row["parent"] in self._org_rows:
            parent_name = self._org_record_name(row["parent"], day)
        return OrganisationRecord(
            id=row_id,
            entity=eid,
            name=row["name"],
            name_at_date=at_date["name"],
            abbreviations=tuple(row.get("abbreviations", [])),
            alternative_names=tuple(a["name"] for a in row.get("alternative_names", [])),
            type=row.get("type", ""),
            parent=row.get("parent"),
            parent_name=parent_name,
            orgnr=row.get("orgnr") or ent.get("orgnr"),
            wikidata=row.get("wikidata") or ent.get("wikidata"),
            history=history,
            predecessors=tuple(self._entity_name(e, day) for e in ent.get("predecessors", [])),
            successors=tuple(self._entity_name(e, day) for e in ent.get("successors", [])),
        )

    def _org_record_name(self, row_id: str, day: str | None) -> str:
        eid, _ = self._org_rows[row_id]
        return self._entity_name(eid, day)

    def _entity_name(self, eid: str, day: str | None) -> str:
        return min(self._orgs[eid]["periods"], key=lambda r: self._row_rank(r, day))["name"]


def _read_json(name: str) -> dict[str, Any]:
    text = resources.files("velferdsgraf.graph").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read on first use and then shared."""
    return Gazetteer(_read_json("municipalities.json"), _read_json("organisations.json"))
