"""The "patterns" extractor: Norwegian and Danish rules for names, titles and relations.

It runs after the gazetteer (and the NER model, when shipped) and sees their mentions,
so a title rule can attach "direktør i Bufdir" to the organisation the gazetteer found.
"""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Extraction, Mention
from .initiatives import acronym_aliases, find_initiatives_and_events, parenthesised_aliases
from .organisations import cap_sequence, generic_unit, listed_organisations, shaped_organisations, unit_organisations
from .places import municipality_mention, places_in_names
from .persons import find_persons, find_short_names
from .relations import (MentionIndex, Relations, fronted_affiliations, located_in, participation,
                        role_relations)
from .roles import find_titles
from .text import tokenize

__all__ = ["PatternExtractor"]

_ORG_AFTER = re.compile(r"\b(?:fra|frå|i|ved|hos|av|for|i regi av|sammen med|i samarbeid med)\s+$")


def _keep_new(new: list[Mention], known: list[Mention]) -> list[Mention]:
    """Drop rule mentions that repeat or sit inside a mention found earlier."""
    kept = []
    for m in new:
        if any(k.start <= m.start and m.end <= k.end and (k.type is m.type or k.source == "gazetteer")
               and not (k.type is EntityType.MUNICIPALITY and m.type is EntityType.ORGANISATION)
               for k in known):
            continue
        kept.append(m)
    return kept


class PatternExtractor:
    """Rule-based persons, roles, organisations, initiatives, events and their relations."""

    name = "patterns"

    def extract(self, doc: Document, prior: Extraction | None = None) -> Extraction:
        """Find names and relations in ``doc``, using ``prior`` mentions as anchors."""
        text = doc.text
        known = [m for m in (prior.mentions if prior else []) if m.type is not EntityType.PERSON]
        prior_persons = [m for m in (prior.mentions if prior else []) if m.type is EntityType.PERSON]
        tokens = tokenize(text)

        named = _keep_new(find_initiatives_and_events(doc), known)
        listed, list_lines = listed_organisations(doc, known)
        orgs = _keep_new(listed, known)
        orgs += _keep_new([u for u in unit_organisations(doc, tokens, known) if not any(_overlaps(u, o) for o in orgs)],
                          known)
        shaped = shaped_organisations(doc, tokens, known + orgs)
        orgs += _keep_new([m for m in shaped if not any(_overlaps(m, o) for o in orgs)], known + named)
        anchors = known + orgs + named
        persons = find_persons(doc, tokens, anchors)
        persons += [p for p in prior_persons if not any(_overlaps(p, q) for q in persons)
                    and not any(_overlaps(p, a) for a in anchors)]
        orgs += _context_organisations(doc, tokens, persons, known + orgs + named)
        orgs += _byline_units(doc, known + orgs)
        anchors = known + orgs + named
        persons += find_short_names(doc, tokens, persons, anchors)
        known_orgs = [k for k in known if k.type is EntityType.ORGANISATION]
        aliases = parenthesised_aliases(doc, named + orgs + known_orgs)
        taken = {(a.start, a.end) for a in aliases}
        aliases += [a for a in acronym_aliases(doc, named + orgs + known_orgs) if (a.start, a.end) not in taken]
        alias_spans = {(a.start, a.end) for a in aliases}
        orgs = [o for o in orgs if (o.start, o.end) not in alias_spans or o.name != o.surface]
        known = [k for k in known if (k.start, k.end) not in alias_spans or k.source != "gazetteer"
                 or not any((a.start, a.end) == (k.start, k.end) and a.name != k.name for a in aliases)]
        orgs += [a for a in aliases if a.type is EntityType.ORGANISATION
                 and not any((k.start, k.end) == (a.start, a.end) and k.name == a.name for k in known)]
        named += [a for a in aliases if a.type is not EntityType.ORGANISATION]

        places = places_in_names(doc, [k for k in known if k.source == "gazetteer"] + orgs, known)
        mentions = known + orgs + named + persons + places
        out = Relations(doc)
        titles = find_titles(text, tokens)
        titles = [t for t in titles if not any(m.start <= t.start < m.end for m in mentions
                                               if m.type is not EntityType.PERSON)]
        titles, implied = _place_prefixed(doc, titles)
        places += list(implied.values())
        mentions += list(implied.values())
        index = MentionIndex(mentions)
        role_relations(doc, persons, titles, index, out, implied)
        fronted_affiliations(doc, index, out)
        all_mentions = mentions + out.mentions
        located_in(all_mentions, out)
        participation(doc, all_mentions, list_lines, out)
        new = orgs + named + places + [p for p in persons if p not in prior_persons] + out.mentions
        return Extraction(doc.id, new, out.relations)


def _place_prefixed(doc: Document, titles):
    """ "Ørsta-ordførar", "Rakkestad-rådmann": the title, and the municipality it belongs to."""
    from .roles import Title

    result, implied = [], {}
    for title in titles:
        prefix, dash, rest = doc.text[title.start:title.end].partition("-")
        if dash and rest and " " not in prefix and prefix[:1].isupper():
            place = municipality_mention(doc, title.start, title.start + len(prefix), strict=False)
            if place is not None:
                start = title.start + len(prefix) + 1
                result.append(Title(start, title.end, title.label.partition("-")[2]))
                implied[start] = place
                continue
        result.append(title)
    return result, implied


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _context_organisations(doc: Document, tokens, persons: list[Mention], known: list[Mention]) -> list[Mention]:
    """Capitalised names after "fra"/"i"/"ved" next to a person or title: "Thomas Jesting fra IKT Huset"."""
    from .lexicon import STOPWORDS, is_title_word

    text = doc.text
    starts = {m.start for m in known + persons}
    covered = [(m.start, m.end) for m in known + persons]
    found = []
    for i, tok in enumerate(tokens):
        if not tok.is_cap or tok.text in STOPWORDS or tok.start in starts or i < 2:
            continue
        if any(s <= tok.start < e for s, e in covered):
            continue
        head = text[max(0, tok.start - 40):tok.start]
        m = _ORG_AFTER.search(head)
        if not m:
            continue
        before = head[:m.start()].rstrip()
        trigger = m.group(0).split()[0]
        prev_word = before.split()[-1] if before.split() else ""
        near_person = any(0 <= tok.start - p.end <= 12 for p in persons) and trigger in {"fra", "frå"}
        after_title = is_title_word(prev_word.strip(",")) and trigger in {"i", "ved", "hos", "av", "for", "fra", "frå"}
        if not (near_person or after_title):
            continue
        end = cap_sequence(tokens, i, text, frozenset(starts))
        if end == i + 1 and generic_unit(tok, tokens, i, text):
            # "leder for NAV-kontoret" after "NAV-kontoret i Lier": the same local unit.
            scoped = sorted({k.name for k in known if k.type is EntityType.ORGANISATION
                             and k.name.startswith(tok.text + " i ")})
            if len(scoped) == 1:
                found.append(Mention(doc.id, tok.start, tok.end, EntityType.ORGANISATION, tok.text, scoped[0],
                                     "patterns"))
            continue
        place = municipality_mention(doc, tok.start, tokens[end - 1].end, strict=not after_title)
        if place is not None:
            found.append(place)
            covered.append((place.start, place.end))
            continue
        surface = text[tok.start:tokens[end - 1].end]
        found.append(Mention(doc.id, tok.start, tokens[end - 1].end, EntityType.ORGANISATION,
                             surface, surface, "patterns"))
        covered.append((tok.start, tokens[end - 1].end))
    return found


_BYLINE_UNIT = re.compile(
    r"(?m)^[^\n]*?,[ \t]+[\wæøå-]+,[ \t]+([a-zæøå][\wæøå-]*(?:,?[ \t]+(?:og[ \t]+)?[a-zæøå][\wæøå-]*){0,4})[ \t]*\.?[ \t]*$"
)


def _byline_units(doc: Document, known: list[Mention]) -> list[Mention]:
    """A unit written in lower case at the end of a byline: "Navn, rådgiver, strategi- og utviklingsenheten"."""
    from .lexicon import is_title_word
    from .organisations import has_org_suffix

    found = []
    for m in _BYLINE_UNIT.finditer(doc.text):
        s, e = m.span(1)
        title = doc.text[:s].rstrip(", \t").split()[-1]
        if not is_title_word(title) or not has_org_suffix(m.group(1).split()[-1]):
            continue
        if any(k.start <= s < k.end for k in known):
            continue
        found.append(Mention(doc.id, s, e, EntityType.ORGANISATION, m.group(1), m.group(1), "patterns"))
    return found
