"""Organisation names found by their shape: suffixes, heads, tails, list items, "NAV <sted>"."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from ....input.document import Document
from ...types import EntityType, Mention
from .lexicon import ORG_HEADS, ORG_SUFFIXES, ORG_TAILS, STOPWORDS, is_title_word
from .text import Token, tokenize

SOURCE = "patterns"
_CONNECTORS = frozenset({"og", "for", "i", "av", "til", "på", "&", "och", "af"})
_SUFFIX = re.compile(r"(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + r")$", re.I)
_ACRONYM = re.compile(r"^[A-ZÆØÅ]{2,6}$|^[A-ZÆØÅ][a-zæøå]?[A-ZÆØÅ]{1,5}$")
# Acronyms that are not organisations.
_NOT_ORG_ACRONYMS = frozenset({"IKT", "CEO", "PDF", "NB", "OBS", "TV", "PC", "IT", "AI", "KI",
                               "PS", "OK", "ID", "FAQ", "HR", "USA", "EU", "UK", "NOU", "AS", "ASA",
                               "HF", "SA", "IKS", "KF", "RHF", "BA", "DA", "ANS", "MVA", "BNP"})
# "Etat for sosiale tjenester", "Byrådsavdeling for helse og frivillighet"
_UNIT_FOR = re.compile(
    r"\b((?:[A-ZÆØÅ][\wæøå]*)?(?:[Ee]tat|[Ss]eksjon|[Aa]vdeling|[Ee]nhet|[Ss]enter|[Kk]ontor|[Ss]ekretariat|"
    r"[Ff]orum|[Uu]tvalg|[Ii]nstitutt|[Ss]tiftelse|[Ff]ond|[Bb]yrå|[Dd]irektorat|[Tt]ilsyn)\s+for\s+"
    r"[a-zæøå][\wæøå-]*(?:\s+(?:og\s+)?(?!(?:skal|vil|kan|har|er|var|som|ble|blir|i|på|med|til|fra|ved|"
    r"og|der|når|hadde|må|bør)\b)[a-zæøå][\wæøå-]*){0,4})"
)
# "Bergen kommunes Etat for sosiale tjenester", "Asker kommunes Velferdslab"
_MUNICIPALITY_UNIT = re.compile(r"\b[A-ZÆØÅ][\wæøå-]*(?: [A-ZÆØÅ][\wæøå-]*)? (?:kommunes|kommunens) ([A-ZÆØÅ])")
_UNIT_TRAILING = re.compile(
    r"(?:\s+(?:og|i|for|med|av|til|på|som|er|skal|vil|kan|har|var|ble|blir|ved|hos|fra|frå|om|under|etter|"
    r"mellom|mot|der|da|når))+$"
)
_LIST_HEADER = re.compile(r"^[ \t]*([A-ZÆØÅ][\wæøå/ -]{1,30}?)[ \t]*:[ \t]*(\S.*)$", re.M)
# Lower-case words that make "<Place> <word>" an organisation: "Lier frivilligsentral", "Voss sjukehus".
_PLACE_ORG_NOUNS = re.compile(
    r"^(?:\w*(?:sentral|sentralen|lag|laget|sykehus|sjukehus|sjukehuset|sykehuset|fylkeskommune|bibliotek|"
    r"biblioteket|legevakt|legevakta|kirkelige fellesråd|menighet|sokn|frivilligsentral|helsestasjon|"
    r"universitetssykehus|universitetssjukehus|næringsråd|idrettsråd|eldreråd|ungdomsråd|kulturskole|"
    r"kirkelig|boligbyggelag|kraftlag|sparebank|turlag|husflidslag))$"
)
_MUNICIPALITY_HEADERS = re.compile(r"^(kommuner|kommunar|kommunene|kommunane|kommuner og fylker)$", re.I)


def strip_possessive(word: str) -> str:
    """ "KS’" -> "KS", "NAVs" -> "NAV" (upper-case stem + s), others unchanged."""
    if word.endswith(("’", "'")):
        return word[:-1]
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    return word


def has_org_suffix(word: str) -> bool:
    """Does ``word`` end like an organisation ("Kreftforeningen", "utviklingsenheten")?"""
    return bool(_SUFFIX.search(word)) and len(word) > 6


def _starts_person(tokens: list[Token], k: int, text: str) -> bool:
    """Does token ``k`` open a person's name ("Lier Morten Åsland")?"""
    from .lexicon import first_names

    return (tokens[k].text in first_names() and k + 1 < len(tokens) and tokens[k + 1].is_cap
            and text[tokens[k].end:tokens[k + 1].start] == " ")


def _blocks_join(tokens: list[Token], k: int, text: str, stop_starts: frozenset[int],
                 first: Token | None = None) -> bool:
    """Must a connector before token ``k`` end the name? It must before another name:
    a known mention, a first name, an acronym, or a run followed by "fra"/a comma+title."""
    from .lexicon import first_names

    tok = tokens[k]
    if first is not None and (tok.text.casefold() == first.text.casefold()
                              or (first.text.isupper() and k - 2 >= 0 and tokens[k - 2] is first)):
        return True  # "KS og Frivillighet Norge"
    if tok.text in ORG_HEADS:
        return True  # "… og Stiftelsen Kirkens Sosialtjeneste": a new name starts
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if after is not None and after.text.islower() and _PLACE_ORG_NOUNS.match(after.text):
        return True  # "… og Agder fylkeskommune": a new name starts
    if tok.text.upper() == "NAV":
        return True  # "Nav Grünerløkka og Nav Gamle Oslo": the next office
    if k >= 2 and (has_org_suffix(tokens[k - 2].text) or tokens[k - 2].text in ORG_TAILS):
        return True  # the name before the connector is already complete
    if tok.start in stop_starts or tok.text in first_names() or (tok.text.isupper() and len(tok.text) > 1) \
            or re.match(r"^[A-ZÆØÅ]{2,}-", tok.text):
        return True
    m = k
    while m + 1 < len(tokens) and tokens[m + 1].is_cap:
        m += 1
    rest = text[tokens[m].end:tokens[m].end + 30]
    if re.match(r"\s+(?:fra|frå)\s", rest):
        return True
    title = re.match(r"\s*,\s*([\wæøå-]+)", rest)
    return bool(title and is_title_word(title.group(1)))


def cap_sequence(tokens: list[Token], i: int, text: str, stop_starts: frozenset[int] = frozenset()) -> int:
    """Index one past the end of the capitalised name that starts at token ``i``.

    Joins capitalised words, hyphen compounds ("Kommunal- og moderniseringsdepartementet")
    and connectors followed by a capitalised word ("Senter for Sosialt Entreprenørskap").
    """
    j = i + 1
    while j < len(tokens):
        tok, prev = tokens[j], tokens[j - 1]
        if text[prev.end:tok.start].count("\n"):
            break
        if tok.start in stop_starts:
            break
        if _starts_person(tokens, j, text):
            break
        if tok.is_cap and (tok.text not in STOPWORDS or tok.text in ORG_TAILS) and tok.start - prev.end <= 1 \
                and not is_title_word(tok.text):
            j += 1
            continue
        if prev.text.endswith("-") and tok.text in {",", "og", "eller"}:
            k = j + 1 if tok.text != "," else j + 1
            while k < len(tokens) and (tokens[k].text.endswith("-") or tokens[k].text in {",", "og"}):
                k += 1
            if k < len(tokens) and tokens[k].is_word:
                j = k + 1
                continue
            break
        if tok.text in _CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].is_cap \
                and tokens[j + 1].text not in STOPWORDS and prev.is_word \
                and not _blocks_join(tokens, j + 1, text, stop_starts, tokens[i]):
            j += 2
            continue
        break
    return j


def _mention(doc: Document, start: int, end: int, name: str | None = None) -> Mention:
    surface = doc.text[start:end]
    return Mention(doc.id, start, end, EntityType.ORGANISATION, surface, name or surface, SOURCE)


def shaped_organisations(doc: Document, tokens: list[Token], known: list[Mention] = ()) -> list[Mention]:
    """Organisations recognisable by their own shape, anywhere in the text."""
    text = doc.text
    stops = frozenset(m.start for m in known)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_cap or tok.text in STOPWORDS or (is_title_word(tok.text) and tok.text[1:].islower()):
            i += 1
            continue
        if _starts_person(tokens, i, text):
            while i < len(tokens) and tokens[i].is_cap:
                i += 1
            continue
        word = strip_possessive(tok.text)
        # "NAV Ski", "Nav Grünerløkka": the NAV office of a place.
        if word.upper() == "NAV" and i + 1 < len(tokens) and tokens[i + 1].is_cap \
                and tokens[i + 1].text not in STOPWORDS and tokens[i + 1].start - tok.end == 1:
            end = cap_sequence(tokens, i + 1, text, stops)
            last_tok = tokens[end - 1]
            name = text[tok.start:last_tok.end]
            if last_tok.text.endswith("s") and end < len(tokens) and tokens[end].text.islower():
                name = name[:-1]  # "Nav Bydel Frogners kontor"
            found.append(_mention(doc, tok.start, last_tok.end, name))
            i = end
            continue
        end = cap_sequence(tokens, i, text, stops)
        words = tokens[i:end]
        last = strip_possessive(words[-1].text)
        is_org = (
            has_org_suffix(last)
            or (len(words) > 1 and (words[0].text in ORG_HEADS or last in ORG_TAILS))
            or (len(words) > 1 and words[-1].text.endswith(tuple(ORG_SUFFIXES)))
        )
        nxt = tokens[end] if end < len(tokens) else None
        if not is_org and nxt is not None and nxt.text.islower() and nxt.start - words[-1].end == 1 \
                and _PLACE_ORG_NOUNS.match(nxt.text) and len(words) <= 2:
            found.append(_mention(doc, tok.start, nxt.end))
            i = end + 1
            continue
        if is_org and len(words) == 1 and generic_unit(tok, tokens, i, text):
            i = end
            continue
        if not is_org and len(words) > 1 and any(t.text in _CONNECTORS for t in words):
            i += 1  # "Frelsesarmeen og Stiftelsen …": look for a name inside the run
            continue
        if is_org and not (len(words) == 1 and is_title_word(word)):
            # "Ungdomsrådet i Bærum kommune": a unit of a named municipality.
            place = _unit_place(text, words[-1].end, known)
            if place is not None and len(words) == 1:
                found.append(_mention(doc, tok.start, place.end))
                i = end
                continue
            # "Kreftforeningen Fysioterapiforbundet": two names side by side.
            parts = _split_adjacent_names(words)
            for a, b in parts:
                found.append(_mention(doc, a.start, b.end, _possessive_name(text[a.start:b.end])))
            i = end
            continue
        if len(words) == 1 and _ACRONYM.match(word) and word not in _NOT_ORG_ACRONYMS:
            found.append(Mention(doc.id, tok.start, tok.start + len(word), EntityType.ORGANISATION,
                                 word, word, SOURCE))
        i = end
    return found


def unit_organisations(doc: Document, tokens: list[Token], known: list[Mention]) -> list[Mention]:
    """Units named "<Unit> for <field>" and the named units of a municipality ("Asker kommunes Velferdslab")."""
    text = doc.text
    found = []
    for m in _UNIT_FOR.finditer(text):
        name = _UNIT_TRAILING.sub("", m.group(1))
        if name[:1].isupper():
            found.append(_mention(doc, m.start(1), m.start(1) + len(name)))
    starts = {t.start: i for i, t in enumerate(tokens)}
    stops = frozenset(k.start for k in known)
    for m in _MUNICIPALITY_UNIT.finditer(text):
        i = starts.get(m.start(1))
        if i is None or any(f.start == m.start(1) for f in found):
            continue
        end = cap_sequence(tokens, i, text, stops)
        found.append(_mention(doc, m.start(1), tokens[end - 1].end))
    return found


def generic_unit(tok: Token, tokens: list[Token], i: int, text: str) -> bool:
    """A common noun, not a name: "NAV-kontoret", or "Nettverket" opening a sentence."""
    head, dash, rest = tok.text.partition("-")
    if dash and rest.islower() and (head.isupper() or head == "Nav"):
        return not re.match(r" (?:i|på) [A-ZÆØÅ]", text[tok.end:tok.end + 4])
    sentence_start = i == 0 or tokens[i - 1].text in {".", "!", "?", ":", "–", "—"} \
        or "\n" in text[tokens[i - 1].end:tok.start]
    if not sentence_start or not tok.text[1:].islower():
        return False
    # Seen capitalised again mid-sentence, it is a name ("Pårørendealliansen").
    return not any(t.text == tok.text and t.start != tok.start and tokens[k - 1].text not in {".", "!", "?", ":"}
                   and "\n" not in text[tokens[k - 1].end:t.start] for k, t in enumerate(tokens) if k > 0)


def _unit_place(text: str, end: int, known: list[Mention]) -> Mention | None:
    """The municipality mention right after "<unit> i " (or "<unit> i " + "X kommune")."""
    m = re.match(r" (?:i|på) ", text[end:end + 4])
    if not m:
        return None
    for k in known:
        if k.type is EntityType.MUNICIPALITY and k.start == end + m.end():
            return k
    return None


def _possessive_name(name: str) -> str:
    return name[:-1] if name.endswith(("’", "'")) else name


def _split_adjacent_names(words: list[Token]) -> list[tuple[Token, Token]]:
    """Split a run of capitalised words where a suffix-name ends mid-run."""
    parts, first = [], 0
    for k, w in enumerate(words):
        if k < len(words) - 1 and has_org_suffix(w.text) and words[k + 1].is_cap \
                and (has_org_suffix(words[k + 1].text) or k + 2 == len(words) and has_org_suffix(words[-1].text)):
            parts.append((words[first], w))
            first = k + 1
    parts.append((words[first], words[-1]))
    return parts


def listed_organisations(doc: Document, known: list[Mention]) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Items of "Header: A, B og C" lines that are not municipalities.

    A line counts when it lists two or more names, or when it stands in a block of
    such lines ("Frivillighet: Norges frivillighetsentraler" under "Kommuner: …").
    Returns the organisation mentions and the (start, end) spans of all list lines,
    which the participant rules use.
    """
    text = doc.text
    candidates = []
    for m in _LIST_HEADER.finditer(text):
        items = _split_items(text, m.start(2), m.end(2))
        if items and not (any(text[s:e][:1].islower() for s, e in items) and len(items) < 3):
            candidates.append((m, items))
    found: list[Mention] = []
    lines: list[tuple[int, int]] = []
    for k, (m, items) in enumerate(candidates):
        in_block = any(
            0 <= j < len(candidates) and _adjacent_lines(text, candidates[min(k, j)][0], candidates[max(k, j)][0])
            for j in (k - 1, k + 1) if j != k
        )
        header = m.group(1).strip()
        if _BYLINE_HEADERS.match(header):
            continue
        if len(items) < 2 and not in_block and not _MUNICIPALITY_HEADERS.match(header):
            continue
        lines.append((m.start(), m.end()))
        if _MUNICIPALITY_HEADERS.match(header):
            continue
        for s, e in items:
            if any(k2.start <= s and e <= k2.end and k2.type is EntityType.MUNICIPALITY for k2 in known):
                continue
            caption = _CAPTION_MARK.match(text, s, e)
            if caption:
                s = caption.end()  # "F.v. Kari Haugland (…)": a photo caption, not a category list
            item_tokens = tokenize(text, s, e)
            titled = len(item_tokens) > 1 and is_title_word(item_tokens[0].text)
            if caption or _starts_person(item_tokens, 0, text) or (titled and _starts_person(item_tokens, 1, text)):
                continue  # a person listed ("Borgmester Kari Nordmann"), not an organisation
            for a, b in _split_adjacent_names(item_tokens):
                found.append(_mention(doc, a.start, b.end))
    return found, lines


def _adjacent_lines(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Are two list lines separated only by blank lines?"""
    return first.end() <= second.start() and not text[first.end():second.start()].strip()


_CAPTION_MARK = re.compile(r"(?:F\.\s?v\.|f\.\s?v\.|[Ff]ra venstre|[Ff]rå venstre)[:.]?\s*")
_BYLINE_HEADERS = re.compile(
    r"^(?:tekst|foto|av|kilde|kjelde|illustrasjon|skrevet av|forfatter|kontakt|publisert|oppdatert|dato|"
    r"tlf|telefon|e-post|epost|tema|sted|stad|tid|når|hvor|kor|spørsmål|svar|les også|les mer|bilde|bildetekst)$",
    re.I,
)
_ITEM_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:og|and|samt|och)\s+")


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the comma/og-separated items of a list line ("Kommunal- og …" stays whole)."""
    spans = []
    pos = start
    cuts = [m for m in _ITEM_SEPARATOR.finditer(text, start, end)
            if not (m.group(0).strip() in {"og", "and", "samt", "och"} and text[m.start() - 1] == "-")]
    for cut in cuts + [None]:
        s, e = pos, (cut.start() if cut else end)
        pos = cut.end() if cut else end
        while s < e and text[s] in " .\t":
            s += 1
        while e > s and text[e - 1] in " .\t":
            e -= 1
        paren = text.find(" (", s, e)
        if paren > 0 and text[e - 1] == ")":
            e = paren  # "Helsedirektoratet (Hdir)": the abbreviation is an alias, found elsewhere
        if e > s and text[s].isupper() and len(text[s:e].split()) <= 6 and text[e - 1] not in "?!":
            spans.append((s, e))
    return spans


@lru_cache(maxsize=1)
def civil_organisations() -> dict[tuple[str, ...], str]:
    """Token sequence of every form in data/organisations_civil.tsv -> the organisation's name."""
    text = files("velferdsgraf.graph").joinpath("data/organisations_civil.tsv").read_text(encoding="utf-8")
    forms: dict[tuple[str, ...], str] = {}
    for line in text.splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, _, others = line.partition("\t")
        for form in [name] + [f.strip() for f in others.split(";") if f.strip()]:
            forms[tuple(form.split())] = name
    return forms


def lexicon_organisations(doc: Document, tokens: list[Token], known: list[Mention]) -> list[Mention]:
    """Well-known organisations by name ("Fretex", "Kirkens Bymisjon"), with a place before them
    taken as a local branch ("Trondheim Røde Kors")."""
    forms = civil_organisations()
    longest = max((len(k) for k in forms), default=0)
    munis = {m.end: m for m in known if m.type is EntityType.MUNICIPALITY}
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            words = tokens[i:i + n]
            key = tuple(strip_possessive(t.text) if k == n - 1 else t.text for k, t in enumerate(words))
            if key in forms and all(words[k + 1].start - words[k].end == 1 for k in range(n - 1)):
                first, last = _extend_run(tokens, i, i + n - 1, doc.text)
                start = tokens[first].start
                end = tokens[last].end if last > i + n - 1 else words[-1].start + len(key[-1])
                place = munis.get(start - 1)
                if place is not None and first == i:
                    start = place.start  # "Trondheim Røde Kors": a local branch
                surface = doc.text[start:end]
                name = " ".join(key) if (start, end) == (words[0].start, words[-1].start + len(key[-1])) else surface
                found.append(Mention(doc.id, start, end, EntityType.ORGANISATION, surface, name, SOURCE))
                i = last + 1
                break
        else:
            i += 1
    return found


def _extend_run(tokens: list[Token], first: int, last: int, text: str) -> tuple[int, int]:
    """Widen a known name over the capitalised words (or numbers) fused to it:
    "Nordre Follo Røde Kors", "Kirkens Bymisjon Bergen", "Rema 1000 Langhus", "Fretex AS"."""
    def fused(a: Token, b: Token) -> bool:
        return text[a.end:b.start] == " "

    while first > 0 and tokens[first - 1].is_cap and fused(tokens[first - 1], tokens[first]) \
            and tokens[first - 1].text not in STOPWORDS and not is_title_word(tokens[first - 1].text) \
            and not _sentence_start(tokens, first - 1, text):
        first -= 1
    while last + 1 < len(tokens) and fused(tokens[last], tokens[last + 1]) and (
            tokens[last + 1].is_cap and tokens[last + 1].text not in STOPWORDS
            and not _starts_person(tokens, last + 1, text) or tokens[last + 1].text.isdigit()):
        last += 1
    return first, last


def _sentence_start(tokens: list[Token], i: int, text: str) -> bool:
    return i == 0 or tokens[i - 1].text in {".", "!", "?", ":", "–", "—"} or "\n" in text[tokens[i - 1].end:tokens[i].start]
