"""The "gazetteer" extractor: municipalities and known public organisations.

Names come from the shipped gazetteer (:mod:`velferdsgraf.graph.gazetteer`). The text
is split into tokens once and matched against one token trie of every name, longest
match first, so the cost does not grow with the number of names.

Many municipality names are also words, first names or surnames (Ski, Lund, Berg,
Time). The gazetteer marks them (``flags``, counted in NorNE train and word lists);
such a name is only taken with support from its context: "Ski kommune", "i Ski",
"kommunene Ski og Oppegård", a list with an unambiguous member, or an earlier
confirmed mention in the same document. A name inside a longer name ("Mari Lund",
"Oslo universitetssykehus", "NAV Ski", "Bergen Næringsråd") is never a municipality;
"NAV <kommune>" becomes an organisation of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ...input.document import Document
from ..gazetteer import Gazetteer, MunicipalityRecord, OrganisationRecord, load_gazetteer
from ..types import EntityType, Extraction, Mention

__all__ = ["GazetteerExtractor"]

TOKEN = re.compile(r"\w+|[^\w\s]")
APOSTROPHES = frozenset("'’")
KOMMUNE = frozenset({"kommune", "kommunes", "kommun", "kommuns"})
# Words right before a list of municipalities: "kommunene Ski og Oppegård", "Kommuner:".
LIST_TRIGGERS = frozenset(
    {"kommunene", "kommunane", "kommuner", "kommunar", "kommunerne", "kommunerna", "vertskommunene"}
)
LIST_TAILS = frozenset({"kommuner", "kommunar", "kommune", "kommunene", "kommunane", "kommunerne", "kommunerna"})
LIST_SEPARATORS = frozenset({",", "og", "eller", "&", "/", "samt", "and", "och", "+"})
PLACE_PREPOSITIONS = frozenset(
    {"i", "fra", "til", "på", "ved", "mellom", "utenfor", "innenfor", "rundt", "nær", "från", "till"}
)
DASHES = {"–": "-", "—": "-", "‒": "-", "‑": "-"}
SENTENCE_END = frozenset(".!?…:;•*·–—-«»\"“”„")
# Flags (from the gazetteer lexicon) that make a bare name too weak on its own.
NEEDS_CONTEXT = frozenset({"common_word", "first_name", "person_name", "name_part", "short"})
NAV_ROW = "nav"
LANG_COUNTRY = {"da": "DK", "sv": "SE", "nb": "NO", "nn": "NO", "no": "NO"}
COUNTRY_WORDS = {"sverige": "SE", "danmark": "DK", "norge": "NO"}
SOURCE = "gazetteer"


@dataclass(slots=True)
class _Match:
    """One trie match in token positions, before it is judged."""

    kind: str  # "M" municipality form, "O" organisation form, "NAV" NAV office
    first: int  # first token
    last: int  # last token (inclusive), after genitive marks and "kommune"
    start: int
    end: int
    form: str  # the gazetteer form matched
    payload: tuple[Any, ...] = ()
    genitive: bool = False
    suffix: bool = False  # "Bærum kommune"
    muni: _Match | None = None  # the place of a NAV office
    accepted: bool = False
    blocked: bool = False
    reasons: set[str] = field(default_factory=set)


# Agencies whose one-word names some writers put in lower case ("helsedirektoratet",
# "forskingsrådet"): long enough and with an ending no common word has.
_LOWERCASE_AGENCY = re.compile(r"^[a-zæøå]{5,}(?:direktoratet|departementet|tilsynet|forskningsrådet|forskingsrådet|"
                               r"ombudet|etaten|styrelsen|myndigheten)$")


_REGION_ENDINGS = ("regionen", "regionene", "området", "områdene", "regionen", "region", "omegn", "omland")


def _fold_token(word: str) -> str:
    """Case- and dash-insensitive key of one token ("KS – X" matches "KS - X")."""
    return DASHES.get(word, word.casefold())


class _Tokens:
    """The tokens of one text with their offsets."""

    __slots__ = ("text", "words", "starts", "ends", "folded")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in TOKEN.finditer(text):
            self.words.append(m.group())
            self.starts.append(m.start())
            self.ends.append(m.end())
        self.folded = [_fold_token(w) for w in self.words]

    def gap(self, i: int) -> str:
        """The whitespace between token ``i - 1`` and token ``i``."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else "\n"

    def joined(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` without a space."""
        return i > 0 and self.ends[i - 1] == self.starts[i]

    def same_line(self, i: int) -> bool:
        """Token ``i`` is on the line of token ``i - 1``, separated by spaces only."""
        return i > 0 and "\n" not in self.gap(i)

    def sentence_start(self, i: int) -> bool:
        """Token ``i`` opens a sentence, a line, a quote or a list item."""
        if i == 0 or "\n" in self.gap(i):
            return True
        return self.words[i - 1] in SENTENCE_END

    def is_cap_word(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper() and w.isalpha()


class _Trie:
    """Folded token sequences of every gazetteer form -> what they name."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, form: str, payload: tuple[Any, ...]) -> None:
        node = self.root
        for tok in TOKEN.findall(form):
            node = node.setdefault(_fold_token(tok), {})
        node.setdefault("", []).append(payload)

    def matches(self, toks: _Tokens, i: int) -> list[tuple[int, bool, list[tuple[Any, ...]]]]:
        """(last token, genitive, payloads) of every form starting at token ``i``."""
        out = []
        node = self.root
        j = i
        while j < len(toks.words) and node:
            if j > i and "\n\n" in toks.gap(j):
                break
            word = toks.folded[j]
            if word.endswith("s") and len(word) > 2:  # genitive: "Bærums", "NAVs"
                gen = node.get(word[:-1])
                if gen and "" in gen:
                    out.append((j, True, gen[""]))
            node = node.get(word)
            if node is None:
                break
            if "" in node:
                out.append((j, False, node[""]))
            j += 1
        return out


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    text = resources.files("velferdsgraf.graph").joinpath("data", "first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def _build_trie() -> _Trie:
    gaz = load_gazetteer()
    trie = _Trie()
    for form in gaz.lexicon:
        trie.add(form, ("M", form))
    for ent_forms in gaz.municipality_ssb_forms():
        trie.add(ent_forms, ("M", ent_forms))
    skip = set(gaz.abbreviation_flags)  # "Nord", "SA", "IN": words as often as names
    for row_id, (_eid, row) in sorted(gaz.organisation_rows().items()):
        for form, exact in gaz.organisation_forms(row):
            if form not in skip and form[:1].isupper():
                trie.add(form, ("O", form, exact, row_id))
    return trie


class GazetteerExtractor:
    """Finds municipalities and gazetteer organisations by name (see module doc)."""

    name = "gazetteer"

    def __init__(self) -> None:
        self._gaz: Gazetteer | None = None
        self._muni_cache: dict[tuple[str, str | None, str | None], MunicipalityRecord | None] = {}
        self._org_cache: dict[tuple[str, str | None], OrganisationRecord | None] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        """The shared gazetteer (loaded on first use)."""
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    def extract(self, doc: Document, prior: Extraction | None = None) -> Extraction:
        """Municipality and organisation mentions of ``doc``, sorted by offset."""
        toks = _Tokens(doc.text)
        matches = self._match(toks)
        self._judge(toks, matches, LANG_COUNTRY.get(doc.lang or ""))
        mentions = [m for match in matches if match.accepted for m in self._mentions(doc, toks, match)]
        mentions.sort(key=lambda m: (m.start, m.end, m.type.value, m.name))
        return Extraction(doc_id=doc.id, mentions=mentions)

    # ------------------------------------------------------------------ matching
    def _match(self, toks: _Tokens) -> list[_Match]:
        trie = _build_trie()
        words = toks.words
        out: list[_Match] = []
        i = 0
        while i < len(words):
            if not words[i][:1].isupper() and not _LOWERCASE_AGENCY.match(words[i]):
                i += 1
                continue
            best: _Match | None = None
            for last, genitive, payloads in trie.matches(toks, i):
                for payload in payloads:
                    m = self._candidate(toks, i, last, genitive, payload)
                    if m is None:
                        continue
                    if best is None or (m.last, m.kind == "O") > (best.last, best.kind == "O"):
                        best = m
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.last + 1
        return self._nav_offices(toks, out)

    def _candidate(self, toks: _Tokens, i: int, last: int, genitive: bool, payload: tuple[Any, ...]) -> _Match | None:
        text = toks.text
        start, end = toks.starts[i], toks.ends[last]
        kind, form = payload[0], payload[1]
        surface = text[start:end]
        if genitive and not surface.endswith("s"):
            return None  # "AIDS" is no genitive of "AID"
        if kind == "O":
            exact = payload[2]
            bare = surface[:-1] if genitive else surface
            if exact and bare != form:
                return None
            if not exact and not surface[:1].isupper() and not _LOWERCASE_AGENCY.match(surface):
                return None
        # "KS’", "NAVs", "NAV's": the apostrophe belongs to the mention.
        nxt = last + 1
        if nxt < len(toks.words) and toks.words[nxt] in APOSTROPHES and toks.joined(nxt):
            if not genitive and surface[-1:].lower() in "sxz":
                last, genitive = nxt, True
            elif nxt + 1 < len(toks.words) and toks.folded[nxt + 1] == "s" and toks.joined(nxt + 1):
                last, genitive = nxt + 1, True
        end = toks.ends[last]
        m = _Match(kind, i, last, start, end, form, payload, genitive)
        if kind == "M":
            k = last + 1
            if k < len(toks.words) and toks.folded[k] in KOMMUNE and toks.same_line(k) and not toks.joined(k):
                m.last, m.end, m.suffix = k, toks.ends[k], True
        return m

    def _nav_offices(self, toks: _Tokens, matches: list[_Match]) -> list[_Match]:
        """Join "NAV" + municipality into one NAV office ("NAV Ski", "Nav Nordre Follo")."""
        out: list[_Match] = []
        k = 0
        while k < len(matches):
            m = matches[k]
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            if (
                m.kind == "O"
                and m.payload[3] == NAV_ROW
                and not m.genitive
                and nxt is not None
                and nxt.kind == "M"
                and nxt.first == m.last + 1
                and toks.same_line(nxt.first)
                and not toks.joined(nxt.first)
            ):
                end_tok = nxt.last - 1 if nxt.suffix else nxt.last
                office = _Match("NAV", m.first, end_tok, m.start, toks.ends[end_tok], m.form, m.payload, nxt.genitive and not nxt.suffix)
                office.muni = nxt
                out.append(office)
                k += 2
                continue
            out.append(m)
            k += 1
        return out

    # ------------------------------------------------------------------ judging
    def _judge(self, toks: _Tokens, matches: list[_Match], doc_country: str | None) -> None:
        names = _first_names()
        lexicon = self.gazetteer.lexicon
        munis = [m for m in matches if m.kind == "M"]
        starts = {m.first for m in matches}
        for m in matches:
            if m.kind != "M":
                m.accepted = not self._org_blocked(toks, m, starts)
        for m in munis:
            m.blocked = self._muni_blocked(toks, m, names)
            if m.blocked:
                continue
            entry = lexicon.get(m.form, {})
            flags = set(entry.get("flags", ()))
            if doc_country and doc_country in entry.get("countries", ()):
                flags.discard("foreign")  # "Aarhus" in a Danish text is no foreign name
            prev = m.first - 1
            if m.suffix:
                m.reasons.add("kommune")
            if prev >= 0 and toks.folded[prev] in PLACE_PREPOSITIONS and toks.same_line(m.first):
                m.reasons.add("preposition")
            if self._after_trigger(toks, m.first):
                m.reasons.add("list_trigger")
            start = toks.sentence_start(m.first) or toks.words[m.first].isupper()
            weak = flags & NEEDS_CONTEXT or ("foreign" in flags and ("word" in flags or len(m.form) < 5))
            if m.reasons:
                m.accepted = True
            elif weak or self._hyphen_pair(toks, m):
                m.accepted = False  # "Oslo-Filharmonien", "Bodø-Glimt" name other things
            elif start:
                m.accepted = not flags  # "word", "foreign": weak at a sentence start
            else:
                m.accepted = True
        self._lists(toks, munis)
        confirmed = {m.form for m in munis if m.accepted}
        confirmed |= {m.muni.form for m in matches if m.kind == "NAV" and m.muni is not None and m.accepted}
        for m in munis:
            if not m.accepted and not m.blocked and m.form in confirmed and not toks.sentence_start(m.first):
                m.accepted = True
                m.reasons.add("confirmed")
        self._lists(toks, munis)

    def _lists(self, toks: _Tokens, munis: list[_Match]) -> None:
        """Accept every member of a list of names once one member is accepted."""
        groups: list[list[_Match]] = []
        for m in munis:
            if m.blocked:
                groups.append([])
                continue
            if groups and groups[-1] and self._linked(toks, groups[-1][-1], m):
                groups[-1].append(m)
            else:
                groups.append([m])
        for group in groups:
            if len(group) < 2:
                continue
            tail = group[-1].last + 1
            tail_ok = tail < len(toks.words) and toks.folded[tail] in LIST_TAILS
            if tail_ok or any(m.accepted for m in group):
                for m in group:
                    if not m.accepted:
                        m.accepted = True
                        m.reasons.add("list")

    @staticmethod
    def _linked(toks: _Tokens, a: _Match, b: _Match) -> bool:
        between = range(a.last + 1, b.first)
        if len(between) not in (1, 2) or any("\n\n" in toks.gap(k) for k in range(a.last + 1, b.first + 1)):
            return False
        return all(toks.folded[k] in LIST_SEPARATORS for k in between)

    @staticmethod
    def _after_trigger(toks: _Tokens, i: int) -> bool:
        k = i - 1
        if k >= 0 and toks.words[k] == ":":
            k -= 1
        return k >= 0 and toks.folded[k] in LIST_TRIGGERS

    @staticmethod
    def _hyphen_pair(toks: _Tokens, m: _Match) -> bool:
        k = m.last + 1
        return k + 1 < len(toks.words) and toks.words[k] == "-" and toks.joined(k) and toks.joined(k + 1)

    @staticmethod
    def _glued(toks: _Tokens, m: _Match) -> bool:
        """Part of a compound, e-mail address or URL: "Oslo-området", "Sør-Ski", "nav.no"."""
        p = m.first - 1
        if p >= 0 and toks.joined(m.first) and toks.words[p] in ("-", "@", "/", ".", "_"):
            # "Hobøl/Spydeberg": a slash between two capitalised names lists both (SCHEME.md)
            if not (toks.words[p] == "/" and p > 0 and toks.joined(p) and toks.is_cap_word(p - 1)):
                return True
        n = m.last + 1
        if n + 1 < len(toks.words) and toks.joined(n) and toks.joined(n + 1):
            sep, after = toks.words[n], toks.words[n + 1]
            if sep == "-" and after[:1].islower():
                return True
            if sep == "-" and toks.is_cap_word(n + 1) and after.lower().endswith(_REGION_ENDINGS):
                return True  # "Stockholm-Mälarregionen", "Oslo-området": a region named after it
            if sep == "/" and toks.is_cap_word(n + 1):
                return False
            if sep in (".", "@", "/") and after[:1].isalpha():
                return True
            if sep in APOSTROPHES and after[:1].isalpha():
                return True  # "Færder'n"
        return False

    def _muni_blocked(self, toks: _Tokens, m: _Match, first_names: frozenset[str]) -> bool:
        if self._glued(toks, m):
            return True
        p = m.first - 1
        if p >= 0 and toks.same_line(m.first) and not toks.joined(m.first):
            word = toks.words[p]
            if word in first_names:
                return True  # "Mari Lund"
            if toks.is_cap_word(p) and not toks.sentence_start(p) and toks.folded[p] not in LIST_TRIGGERS:
                return True  # "Vestre Viken", "Posten Norge", "Kari Berg"
            if word.isupper() and len(word) > 1 and word.isalpha():
                return True  # "NAV Ski" (when not joined above), "KS Bærum"
        n = m.last + 1
        if not m.suffix and n < len(toks.words) and toks.same_line(n) and not toks.joined(n):
            if toks.is_cap_word(n) and toks.folded[n] not in KOMMUNE and toks.folded[n] not in LIST_SEPARATORS:
                return True  # "Bergen Næringsråd", "Lund Hansen"
        return False

    def _org_blocked(self, toks: _Tokens, m: _Match, starts: set[int]) -> bool:
        n = m.last + 1
        if m.kind == "O" and n < len(toks.words) and toks.same_line(n) and not toks.joined(n):
            if toks.is_cap_word(n) and n not in starts:
                return True  # "NAV Hjelpemiddelsentral", "KS Bedrift": another body's name
        p = m.first - 1
        if p >= 0 and toks.joined(m.first) and (toks.words[p][:1].isalnum() or toks.words[p] in "-@/._"):
            return True
        n = m.last + 1
        if n + 1 < len(toks.words) and toks.joined(n) and toks.joined(n + 1):
            sep, after = toks.words[n], toks.words[n + 1]
            if sep == "-" and after[:1].isalpha():
                return True  # "NAV-kontoret", "KS-leder": a compound, not the body itself
            if sep in (".", "@", "/") and after[:1].isalpha():
                return True
            if sep in APOSTROPHES and after[:1].isalpha():
                return True  # "Færder'n"
        return False

    # ------------------------------------------------------------------ output
    @staticmethod
    def _country_hint(toks: _Tokens, m: _Match) -> str | None:
        """"Lund i Sverige", "Lund (Sverige)": the country named right after the place."""
        k = m.last + 1
        if k + 1 < len(toks.words) and toks.folded[k] in ("i", "(", ","):
            country = COUNTRY_WORDS.get(toks.folded[k + 1])
            return {"SE": "sv", "DK": "da"}.get(country or "")
        return None

    def _muni(self, form: str, at: str | None, lang: str | None) -> MunicipalityRecord | None:
        key = (form, at, lang)
        if key not in self._muni_cache:
            pref = {"da": "DK", "sv": "SE"}.get(lang or "")
            rec = self.gazetteer.municipality(form, at, country=pref) if pref else None
            self._muni_cache[key] = rec or self.gazetteer.municipality(form, at)
        return self._muni_cache[key]

    def _org(self, form: str, row_id: str, at: str | None) -> OrganisationRecord | None:
        key = (form, at)
        if key not in self._org_cache:
            rec = self.gazetteer.organisation(form, at)
            if rec is None:
                rec = self.gazetteer.organisation_by_id(row_id, at)
            self._org_cache[key] = rec
        return self._org_cache[key]

    def _mentions(self, doc: Document, toks: _Tokens, m: _Match) -> list[Mention]:
        surface = doc.text[m.start : m.end]
        if m.kind == "M":
            rec = self._muni(m.form, doc.date, self._country_hint(toks, m) or doc.lang)
            if rec is None:
                return []
            return [Mention(doc.id, m.start, m.end, EntityType.MUNICIPALITY, surface, rec.name, SOURCE, municipality_attrs(rec))]
        if m.kind == "O":
            rec = self._org(m.form, m.payload[3], doc.date)
            if rec is None:
                return []
            attrs = _org_attrs(rec)
            if m.genitive:  # "Difis" -> "Difi": the form to keep as an alias
                attrs += (("base_surface", _strip_genitive(surface)),)
            return [Mention(doc.id, m.start, m.end, EntityType.ORGANISATION, surface, rec.name, SOURCE, attrs)]
        assert m.muni is not None
        rec_m = self._muni(m.muni.form, doc.date, doc.lang)
        if rec_m is None:
            return []
        nav = doc.text[m.start : toks.ends[m.muni.first - 1]]
        attrs = [("parent_gazetteer_id", NAV_ROW), ("located_in", rec_m.name)]
        attrs += [(f"municipality_{k}", v) for k, v in municipality_attrs(rec_m) if k in ("gazetteer_id", "kommunenummer")]
        office = Mention(doc.id, m.start, m.end, EntityType.ORGANISATION, surface, f"{nav} {rec_m.name}", SOURCE, tuple(attrs))
        # The place inside "NAV Ski" is a mention of the municipality too: it anchors vg:locatedIn.
        place_start = toks.starts[m.muni.first]
        place = Mention(doc.id, place_start, m.end, EntityType.MUNICIPALITY, doc.text[place_start : m.end],
                        rec_m.name, SOURCE, municipality_attrs(rec_m))
        return [office, place]


def municipality_attrs(rec: MunicipalityRecord) -> tuple[tuple[str, str], ...]:
    """The linking attributes a municipality mention carries (ids, numbers, country, wikidata, orgnr)."""
    pairs = [
        ("gazetteer_id", rec.id),
        ("kommunenummer", rec.kommunenummer),
        ("current_kommunenummer", rec.current_kommunenummer),
        ("country", rec.country),
        ("wikidata", rec.wikidata),
        ("orgnr", rec.orgnr),
    ]
    if rec.ambiguous:
        pairs.append(("candidates", ";".join(c.id or "" for c in rec.candidates)))
    return tuple((k, v) for k, v in pairs if v)


def _strip_genitive(surface: str) -> str:
    for tail in ("'s", "’s", "'", "’", "s"):
        if surface.endswith(tail):
            return surface[: -len(tail)]
    return surface


def _org_attrs(rec: OrganisationRecord) -> tuple[tuple[str, str], ...]:
    pairs = [
        ("gazetteer_id", rec.id),
        ("gazetteer_entity", rec.entity),
        ("orgnr", rec.orgnr),
        ("wikidata", rec.wikidata),
        ("name_at_date", rec.name_at_date if rec.name_at_date != rec.name else None),
    ]
    return tuple((k, v) for k, v in pairs if v)
