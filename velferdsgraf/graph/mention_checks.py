"""Checks every mention passes before settling: labels glued to names cut off, persons that a
list rule typed as organisations retyped, and shapes that are never organisations dropped."""
from __future__ import annotations

import re

from .types import EntityType, Mention

_GLUED_HEAD = re.compile(r"^\w*[a-zæøåäö](?=[A-ZÆØÅÄÖ][a-zæøåäö])")
_GLUED_TAIL = re.compile(r"(?<=[a-zæøåäö])[A-ZÆØÅÄÖ][a-zæøåäö]+$")


def unglue_person(mention: Mention) -> Mention | None:
    """Cut labels that lost layout glued to a person's name: "OrdstyrerKari Nordmann" ->
    "Kari Nordmann", "Kari NordmannFoto" -> "Kari Nordmann"; None when no name is left."""
    if mention.type is not EntityType.PERSON:
        return mention
    start, end, surface = mention.start, mention.end, mention.surface
    head = _GLUED_HEAD.match(surface)
    if head:
        start, surface = start + head.end(), surface[head.end():]
    tail = _GLUED_TAIL.search(surface.split()[-1]) if surface.split() else None
    if tail and len(surface.split()) > 1:
        cut = len(surface.split()[-1]) - tail.start()
        end, surface = end - cut, surface[:-cut]
    if (start, end) == (mention.start, mention.end):
        return mention
    if len(surface.split()) < 2:
        return None
    return Mention(mention.doc_id, start, end, mention.type, surface, surface, mention.source, mention.attrs,
                   rule=mention.rule)



def _retyped(mention: Mention, etype: EntityType) -> Mention:
    return Mention(mention.doc_id, mention.start, mention.end, etype, mention.surface, mention.name,
                   mention.source, mention.attrs, rule=mention.rule)


# Capitalised words that open a sentence, never an organisation's name.
_NOT_NAME_STARTS = frozenset("""Denne Dette Disse Den Det De Dei Vi Vår Våre Hun Han Ho Når Nå No Her Der Dette
    Også Og Men Etter Før Under Med For Som I På Til Fra Frå Om Alle Mange Flere Fleire""".split())
# A dash or slash followed by a lower-case word: a heading or a list of words, not a name.
_BROKEN_SPAN = re.compile(r"\s[-–—]\s+[a-zæøåäö]|/[a-zæøåäö]")
# "NAV-kontoret", "Lund-kontoret": the office the text has named already, a reference, not a name.
_GENERIC_OFFICE = re.compile(r"^[\wæøåÆØÅ]+-(?:kontoret|kontora|kontorene|enheten|eininga|avdelingen|tjenesten|tenesta)$")
_ACRONYM = re.compile(r"^[A-ZÆØÅÄÖ]{2,5}$")
_LONE_CAPS = re.compile(r"^[A-ZÆØÅÄÖ]{6,}$")
_COMPANY_TAIL = re.compile(r"/S\b")


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:len(text) if line_end < 0 else line_end]


def _placed_elsewhere(text: str, surface: str) -> bool:
    """Does the text name the office with its place somewhere ("NAV-kontoret i X")? Then the bare
    form refers to that office (resolution joins them)."""
    return re.search(re.escape(surface) + r"\s+(?:i|på)\s+[A-ZÆØÅ]", text) is not None


def _trimmed(mention: Mention) -> Mention:
    surface = mention.surface.rstrip()
    return Mention(mention.doc_id, mention.start, mention.start + len(surface), mention.type, surface,
                   mention.name.strip(), mention.source, mention.attrs, rule=mention.rule)


def _listed(text: str, mention: Mention) -> bool:
    """Is the mention an item of a list ("XXL, Nille og Avis")?"""
    return bool(re.match(r"[ \t]*(?:,|og\b|och\b)[ \t]*[A-ZÆØÅÄÖ]", text[mention.end:mention.end + 8])
                or re.search(r"[A-ZÆØÅÄÖ][\wæøåäö-]*(?:,|[ \t]+og|[ \t]+och)[ \t]*$",
                             text[max(0, mention.start - 40):mention.start]))


def _common_noun_shape(word: str) -> bool:
    """A capitalised word with nothing else of a name about it: no second capital, digit or
    hyphen, and no ending of an organisation's name ("-direktoratet", "-forbundet")."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha() and not _organisation_word(word)


def check_organisation(mention: Mention, text: str) -> Mention | None:
    """An organisation mention as it should stand: retyped to a person when it is a first name
    and a surname ("Kari Nordmann" in a list), None when it is a title ("Vara", "X- og
    Yminister"), a cut-off span ("Agrobusiness-, Motvind-"), or a model's guess at a heading
    ("OPPSUMMERING", a single word alone on its line)."""
    from .extractors.patterns.lexicon import first_names, is_title_word

    if mention.surface != mention.surface.rstrip():  # a model span that runs into the next line
        mention = _trimmed(mention)
    words = mention.surface.split()
    if not words:
        return None
    if mention.source != "gazetteer" and (words[0] in _NOT_NAME_STARTS or _BROKEN_SPAN.search(mention.surface)
                                          or (_GENERIC_OFFICE.match(mention.surface)
                                              and not _placed_elsewhere(text, mention.surface))):
        return None  # "Denne uken møttes …", "Regionråd - roller", "Ordførar/politisk leiing"
    if 2 <= len(words) <= 3 and words[0] in first_names() and not mention.attr("gazetteer_id") \
            and mention.source != "gazetteer" and all(w[:1].isalpha() for w in words):
        return _retyped(mention, EntityType.PERSON)
    if is_title_word(words[-1].strip("-")) and mention.source != "gazetteer":
        return None
    if mention.source != "ner":
        return mention
    if mention.surface.rstrip().endswith(("-", "&", ",")) or "," in mention.surface:
        return None
    if len(words) == 1 and (_LONE_CAPS.match(words[0]) or _line_of(text, mention.start, mention.end).strip() == words[0]):
        return None
    if len(words) == 1 and _common_noun_shape(words[0]) and not _listed(text, mention):
        return None  # "Fylkesmannen", "Oppsummering": a capitalised common noun the model took for a name
    if _COMPANY_TAIL.match(text, mention.end):  # "Skibsplast A/S": the model stops at the slash
        end = mention.end + 2
        return Mention(mention.doc_id, mention.start, end, mention.type, text[mention.start:end],
                       text[mention.start:end], mention.source, mention.attrs, rule=mention.rule)
    return mention


def _organisation_word(word: str) -> bool:
    from .extractors.patterns.lexicon import ORG_SUFFIXES

    lower = word.lower()
    return any(lower.endswith(s) and len(lower) > len(s) + 2 for s in ORG_SUFFIXES)


def check_person(mention: Mention) -> Mention | None:
    """A model's "person" whose first word is an organisation word ("Regionförbundet X") is an
    organisation; labels glued to a name are cut off (unglue_person)."""
    words = mention.surface.split()
    if mention.source == "ner" and len(words) == 1:
        return None  # a person needs a first and a last name (SCHEME.md); lone names are linked by rules
    if mention.source == "ner" and len(words) >= 2 and (_organisation_word(words[0]) or _ACRONYM.match(words[0])):
        return _retyped(mention, EntityType.ORGANISATION)  # "Regionförbundet X", "KS Vestland"
    return unglue_person(mention)


def check_mention(mention: Mention, text: str) -> Mention | None:
    """The mention after every check (see check_person and check_organisation), or None."""
    if mention.type is EntityType.PERSON:
        return check_person(mention)
    if mention.type is EntityType.ORGANISATION:
        return check_organisation(mention, text)
    return mention
