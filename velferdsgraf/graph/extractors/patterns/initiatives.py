"""Named initiatives and events: quoted names typed by context, and common Norwegian phrasings."""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Mention
from .occasions import compound_events, headline_event, owned_events
from .profiles import all_heads

SOURCE = "patterns"
_QUOTED = re.compile(r"«([^«»\n]{3,120})»|[”“\"]([^”“\"\n]{3,120})[”“\"]")
# Norwegian compounds put the head last: "nettverkssamlingen" is an event, "læringsnettverket" an initiative.
_INITIATIVE_HEADS = (
    "prosjekt", "program", "satsing", "satsning", "partnerskap", "nettverk", "strategi", "initiativ",
    "tiltak", "fellesløft", "dugnad", "samarbeid", "pilot", "reform", "plan", "ordning", "kampanje", "projekt",
    "indsats", "innsats", "forsøk", "modell", "prosjekt", "programmet", "handlingsplan", "løft",
)
_EVENT_HEADS = (
    "konferanse", "konferense", "seminar", "workshop", "møte", "møde", "samling", "webinar", "festival",
    "messe", "arrangement", "kurs", "konference", "konkurranse", "tittelen", "forum", "fagdag", "temadag",
    "folkemøte", "dialogmøte", "frokostmøte", "kickoff", "kick-off", "høring", "markering",
)
_DEFINITE = r"(?:en|et|a|ene|er|n|t)?"
_INITIATIVE_CUE = re.compile(r"(?:" + "|".join(_INITIATIVE_HEADS + all_heads("initiative_heads")) + r")"
                             + _DEFINITE + r"$", re.I)
_EVENT_CUE = re.compile(r"(?:" + "|".join(_EVENT_HEADS + all_heads("event_heads")) + r")" + _DEFINITE + r"$", re.I)


def cue_type(word: str) -> EntityType | None:
    """The type a cue word gives a name next to it, by the compound's head."""
    event, initiative = _EVENT_CUE.search(word), _INITIATIVE_CUE.search(word)
    if event and initiative:
        return EntityType.EVENT if event.start() > initiative.start() else EntityType.INITIATIVE
    if event:
        return EntityType.EVENT
    return EntityType.INITIATIVE if initiative else None


# "kvalitetsreformen Leve hele livet", "prosjektet Heime med tryggleik"
_CUE_THEN_NAME = re.compile(
    r"\b([a-zæøå]*(?:" + "|".join(_INITIATIVE_HEADS + _EVENT_HEADS) + r")(?:en|et|a))[ \t]+"
    r"([A-ZÆØÅ][\wæøå-]*(?:[ \t]+(?!(?:og|som|er|har|skal|vil|kan|i|på|for|med|der|til|fra|frå|ble|var|vart|"
    r"blir|sammen|ved|om|da|når|at|men|eller)\b)[\wæøåÆØÅ-]+){0,5})"
)
# A name after a cue that runs, in lower case, right to the end of its clause: its prepositions
# belong to it ("Styrket lederskap i kommunal sektor").
_NAME_TO_CLAUSE_END = re.compile(
    r"([A-ZÆØÅ][\wæøå-]*(?:[ \t]+(?!(?:og|som|er|har|skal|vil|kan|var|ble|blir|vart|blei|der|når|at|men|eller|sa|"
    r"sier|seier|fikk|får|gir|ga)\b)[a-zæøå][\wæøå-]*){1,7})(?=[ \t]*(?:[.,;:!?)»”\"]|\n|$))")
# "Bo trygt hjemme-reformen"
_NAME_THEN_CUE = re.compile(
    r"\b([A-ZÆØÅ][\wæøå]*(?:\s+[a-zæøå][\wæøå]*){0,4})-(reformen|prosjektet|programmet|satsingen|satsinga|"
    r"modellen|nettverket|konferansen|seminaret|dagen)\b"
)
_EVENT_NOUN = (r"(?:åpent |åpen |ope |opent |digitalt |digital |felles |regionalt |nasjonalt )?[a-zæøå]*(?:møte|"
               r"seminar|konferanse|workshop|verkstad|verksted|frokostmøte|dialogmøte|webinar|samling|fagdag|"
               r"temadag|kickoff|kick-off|folkemøte|konferense|kurs)")
# "til åpent møte om fremtidens velferdstjenester"
_EVENT_ABOUT = re.compile(r"\b(" + _EVENT_NOUN + r"\s+om\s+[a-zæøå][\wæøå-]*(?:\s+[a-zæøå][\wæøå-]*){0,5})")
# "digital workshop: Hvordan skape velferd mot 2040?"
_EVENT_TITLED = re.compile(r"\b" + _EVENT_NOUN + r"(?:en|et|t)?\s*[:;]\s*([A-ZÆØÅ][^\n.!]{3,80}[?!]?)")
# "KS’ partnerskap for radikal innovasjon", "Helsedirektoratets program for folkehelsearbeid"
_OWNED = re.compile(
    r"\b([A-ZÆØÅ][\wæøåÆØÅ-]*(?:’|'|s)\s+(?:partnerskap|program|nettverk|prosjekt|satsing|strategi)"
    r"\s+for\s+[a-zæøå][\wæøå-]*(?:\s+(?:og\s+)?[a-zæøå][\wæøå-]*){0,4})"
)
# "Nettverk for samskapt velferd", "Program for folkehelsearbeid"
_NAMED_FOR = re.compile(
    r"\b((?:Nettverk|Nettverket|Program|Programmet|Prosjekt|Prosjektet|Partnerskap|Partnerskapet|Strategi|"
    r"Handlingsplan|Opptrappingsplan|Satsing|Satsingen|Pilot|Reform|Nettverk)\s+for\s+[a-zæøå][\wæøå-]*"
    r"(?:\s+(?:og\s+)?[a-zæøå][\wæøå-]*){0,4})"
)
_CLAUSE_WORDS = frozenset({"som", "at", "der", "hvor", "kor", "sa", "sier", "seier", "å", "og"})
# "Difis innovasjonskonkurranse", "Husbankens boligkonferanse"
_OWNED_EVENT = re.compile(
    r"\b([A-ZÆØÅ][\wæøåÆØÅ-]*s\s+[a-zæøå]*(?:konkurranse|konferanse|seminar|festival|fagdag|samling|messe|"
    r"frokostmøte|dialogmøte|årsmøte|webinar))\b"
)
_TRAILING_STOP = re.compile(
    r"(?:\s+(?:og|i|for|med|av|til|på|som|er|vil|skal|kan|har|var|fortsette|utover|"
    r"jobber|ble|blir|der|hvor|når))+$"
)


def _typed(text: str, start: int, end: int) -> EntityType | None:
    """Type a quoted name by the words just before it (or right after it)."""
    before = text[max(0, start - 45):start]
    before_words = before.split()[-4:]
    after = text[end:end + 40]
    for word in reversed(before_words):
        word = word.strip(",;:()")
        if word.lower() in _CLAUSE_WORDS:
            break  # "prosjekter som «tvinger oss …»": the quote is not the project's name
        typed = cue_type(word)
        if typed is not None:
            return typed
    # "«X», et prosjekt …", "«X», eit treårig prosjekt …": the noun right after, or after one adjective.
    m = re.match(r"^[»”\"]?\s*(?:\([^)]*\)\s*)?,?\s*(?:er\s+|var\s+)?(?:et|en|ei|eit|ein)\s+([\wæøå-]+)"
                 r"(?:\s+([\wæøå-]+))?", after)
    if m:
        return cue_type(m.group(1)) or (cue_type(m.group(2)) if m.group(2) else None)
    return None


_OCCASION_WORD = re.compile(r"\b[a-zæøåäö]*(?:" + "|".join(_EVENT_HEADS) + r")(?:en|et|a)?\b", re.I)


def _names_occasion(name: str) -> bool:
    """Does a quoted title describe itself as an occasion ("X – en dagskonferanse om …")?"""
    words = name.split()
    return any(_OCCASION_WORD.fullmatch(w.strip(",.:;–-")) for w in words[1:]) and \
        bool(re.search(r"\s[-–—:]\s|,\s(?:en|ei|et|ein|eit)\s", name))


def find_initiatives_and_events(doc: Document) -> list[Mention]:
    """Initiative and event names the text marks as such."""
    text = doc.text
    found: list[Mention] = []
    for m in _QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        s, e = m.start(group), m.end(group)
        name = text[s:e].strip()
        if not name or name.endswith((".", "!")) or len(name.split()) > 12:
            continue
        etype = _typed(text, m.start(), m.end())
        if etype is None and " " in name:
            etype = cue_type(name.split()[0])  # «Læringsnettverk Leve hele livet»
        if etype is None and " " in name and _names_occasion(name):
            etype = EntityType.EVENT  # «Fremtidsdagen – en fagkonferanse om …»
        if etype is not None:
            s += len(text[s:e]) - len(text[s:e].lstrip())
            found.append(Mention(doc.id, s, s + len(name), etype, name, name, SOURCE))
    for m in _OWNED.finditer(text):
        s, e = m.span(1)
        name = _TRAILING_STOP.sub("", m.group(1))
        found.append(Mention(doc.id, s, s + len(name), EntityType.INITIATIVE, name, name, SOURCE))
    for m in _CUE_THEN_NAME.finditer(text):
        etype = cue_type(m.group(1))
        name = _TRAILING_STOP.sub("", m.group(2).rstrip(" ,.;:"))
        whole = _NAME_TO_CLAUSE_END.match(text, m.start(2))
        if whole and len(whole.group(1)) > len(name):
            name = whole.group(1)  # "prosjektet Styrket lederskap i kommunal sektor." up to the clause's end
        if etype is not None and len(name) > 3:
            found.append(Mention(doc.id, m.start(2), m.start(2) + len(name), etype, name, name, SOURCE))
    for m in _NAME_THEN_CUE.finditer(text):
        etype = cue_type(m.group(2))
        if etype is not None:
            end = m.end()
            tail = re.match(r"\s+for\s+[a-zæøå][\wæøå-]*(?:\s+(?!og\b)[a-zæøå][\wæøå-]*){0,3}", text[end:end + 60])
            if tail:
                end += len(_TRAILING_STOP.sub("", tail.group(0)))
            found.append(Mention(doc.id, m.start(1), end, etype, text[m.start(1):end], text[m.start(1):end], SOURCE))
    for m in _NAMED_FOR.finditer(text):
        name = _TRAILING_STOP.sub("", m.group(1))
        found.append(Mention(doc.id, m.start(1), m.start(1) + len(name), EntityType.INITIATIVE, name, name, SOURCE))
    for m in _OWNED_EVENT.finditer(text):
        s, e = m.span(1)
        found.append(Mention(doc.id, s, e, EntityType.EVENT, m.group(1), m.group(1), SOURCE))
    for pattern in (_EVENT_ABOUT, _EVENT_TITLED):
        for m in pattern.finditer(text):
            s = m.start(1)
            name = _TRAILING_STOP.sub("", m.group(1).rstrip(" ,;:"))
            found.append(Mention(doc.id, s, s + len(name), EntityType.EVENT, name, name, SOURCE))
    occasions = owned_events(doc) + compound_events(doc)
    title = headline_event(doc)
    if title is not None:
        occasions.append(title)
    longer = [m for m in found + occasions if m.type is EntityType.EVENT and len(m.name.split()) > 1]
    return found + [_short_form(m, longer) for m in occasions]


def _stem(word: str) -> str:
    """A word without its definite ending: "arbeidsverkstaden" -> "arbeidsverkstad"."""
    word = word.lower().strip("«»\"”“,.:;")
    return re.sub(r"(?:ene|ane|en|et|a|n|t)$", "", word).rstrip("e") if len(word) > 6 else word


def _short_form(event: Mention, longer: list[Mention]) -> Mention:
    """A one-word compound that repeats the first or last word of a longer event name in the
    same text is that event's short, definite form: "Ledningskonferensen" after "Xs
    ledningskonferens", "Arbeidsverkstaden" after "arbeidsverkstad om …"."""
    if len(event.name.split()) != 1:
        return event
    key = _stem(event.name)
    owner = next((o for o in longer if key in {_stem(o.name.split()[0]), _stem(o.name.split()[-1])}), None)
    if owner is None:
        return event
    return Mention(event.doc_id, event.start, event.end, event.type, event.surface, owner.name, event.source,
                   event.attrs, rule="event.short-form")


def acronym_aliases(doc: Document, named: list[Mention]) -> list[Mention]:
    """An all-caps word spelling the initials of a multi-word name in the same text ("PRI")."""
    text = doc.text
    by_acronym: dict[str, Mention] = {}
    for mention in named:
        words = [w for w in re.findall(r"[\wæøåÆØÅ]+", mention.name) if w.lower() not in {"og", "for", "i", "av", "til", "på", "med"}]
        while words and words[-1] in {"HF", "RHF", "AS", "ASA", "SA", "IKS", "KF"}:
            words = words[:-1]  # "Sykehuset Innlandet HF" -> "SI"
        # The owner's possessive ("KS’ partnerskap …") is not part of the acronym.
        if re.match(r"^\w+(?:’|'|s)\s", mention.name) and mention.type is EntityType.INITIATIVE:
            words = words[1:]
        if len(words) >= 2:
            by_acronym.setdefault("".join(w[0] for w in words).upper(), mention)
    found = []
    for m in re.finditer(r"\b[A-ZÆØÅ]{2,6}\b", text):
        target = by_acronym.get(m.group(0))
        if target is not None:
            found.append(Mention(doc.id, m.start(), m.end(), target.type, m.group(0), target.name, SOURCE,
                                 tuple((k, v) for k, v in target.attrs if k != "base_surface")))
    return found


_PAREN_ABBREVIATION = re.compile(r"[»”\"]?\s*\(([A-ZÆØÅ][\wÆØÅæøåÖöÄä-]{1,9}(?: [A-ZÆØÅÖÄ]{2,6})?)\)")


def parenthesised_aliases(doc: Document, named: list[Mention]) -> list[Mention]:
    """ "Samskaping i små kommunar (SAMKOM)": the abbreviation, wherever it is used, names the same thing."""
    text = doc.text
    found: list[Mention] = []
    for mention in named:
        m = _PAREN_ABBREVIATION.match(text, mention.end)
        if not m or m.group(1) == mention.name:
            continue
        abbreviation = m.group(1)
        for use in re.finditer(r"(?<![\wÆØÅæøå])" + re.escape(abbreviation) + r"(?![\wÆØÅæøå])", text):
            found.append(Mention(doc.id, use.start(), use.end(), mention.type, abbreviation, mention.name, SOURCE,
                                 tuple((k, v) for k, v in mention.attrs if k != "base_surface")))
    return found
