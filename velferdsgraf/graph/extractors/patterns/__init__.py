"""The "patterns" extractor: Norwegian and Danish rules for names, titles and relations.

It runs after the gazetteer (and the NER model, when shipped) and sees their mentions,
so a title rule can attach "direktør i Bufdir" to the organisation the gazetteer found.
"""
from __future__ import annotations

from ....input.document import Document
from ...types import EntityType, Extraction, Mention
from .initiatives import acronym_aliases, find_initiatives_and_events, parenthesised_aliases
from .cells import cell_roles
from .context import byline_units, context_organisations, place_prefixed_titles
from .organisations import lexicon_organisations, listed_organisations, shaped_organisations, unit_organisations
from .parties import party_affiliations, party_mentions
from .places import misspelt_municipalities, places_in_names
from .programmes import compound_initiatives
from .persons import find_persons, find_short_names
from .participation import participation
from .relations import (MentionIndex, Relations, fronted_affiliations, located_in,
                        name_comma_affiliations, role_relations)
from .roles import cut_before_mentions, find_titles
from .units import place_units, regional_branches
from .text import tokenize

__all__ = ["PatternExtractor"]

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
        # Only exact sources anchor the rules; the statistical model's guesses fill gaps later
        # (graph.extract.settle_mentions), so one of its errors cannot derail a rule.
        trusted = [m for m in (prior.mentions if prior else []) if m.source != "ner"]
        known = [m for m in trusted if m.type is not EntityType.PERSON]
        prior_persons = [m for m in trusted if m.type is EntityType.PERSON]
        tokens = tokenize(text)

        named = _keep_new(find_initiatives_and_events(doc), known)
        named += _keep_new(compound_initiatives(doc, known), known)
        listed, list_lines = listed_organisations(doc, known)
        orgs = _keep_new(listed, known)
        orgs += _keep_new([u for u in unit_organisations(doc, tokens, known) if not any(_overlaps(u, o) for o in orgs)],
                          known)
        orgs += _keep_new([m for m in lexicon_organisations(doc, tokens, known) if not any(_overlaps(m, o) for o in orgs)],
                          known)
        orgs += [u for u in place_units(doc, known + orgs) if not any(_overlaps(u, o) for o in orgs)]
        orgs += [b for b in regional_branches(doc, known + orgs) if not any(_overlaps(b, o) for o in orgs)]
        orgs += _keep_new([p for p in party_mentions(doc) if not any(_overlaps(p, o) for o in orgs)], known)
        shaped = shaped_organisations(doc, tokens, known + orgs)
        orgs += _keep_new([m for m in shaped if not any(_overlaps(m, o) for o in orgs)], known + named)
        anchors = known + orgs + named
        persons = find_persons(doc, tokens, anchors)
        persons += [p for p in prior_persons if not any(_overlaps(p, q) for q in persons)
                    and not any(_overlaps(p, a) for a in anchors)]
        # The model's persons that no rule found are anchors for the relation rules too, so a
        # better model gives more relations; its other guesses stay gap-fillers.
        persons += [p for p in model_mentions(prior, text, EntityType.PERSON) if not any(_overlaps(p, q) for q in persons)
                    and not any(_overlaps(p, a) for a in anchors)]
        orgs += context_organisations(doc, tokens, persons, known + orgs + named)
        orgs += byline_units(doc, known + orgs)
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
        places += misspelt_municipalities(doc, known + orgs + named + persons + places)
        mentions = known + orgs + named + persons + places
        # The model's organisations no rule found anchor the relation rules as well.
        mentions += [o for o in model_mentions(prior, text, EntityType.ORGANISATION) if not any(_overlaps(o, m) for m in mentions)]
        out = Relations(doc)
        titles = find_titles(text, tokens)
        titles = [t for t in titles if not any(m.start <= t.start < m.end for m in mentions
                                               if m.type is not EntityType.PERSON)]
        titles = [cut_before_mentions(text, t, mentions) for t in titles]
        titles, implied = place_prefixed_titles(doc, titles)
        places += list(implied.values())
        mentions += list(implied.values())
        index = MentionIndex(mentions)
        role_relations(doc, persons, titles, index, out, implied)
        cell_roles(doc, persons, titles, index, out)
        fronted_affiliations(doc, index, out)
        party_affiliations(doc, persons, out)
        name_comma_affiliations(doc, persons, index, out)
        all_mentions = mentions + out.mentions
        located_in(all_mentions, out)
        participation(doc, all_mentions, list_lines, out)
        new = orgs + named + places + [p for p in persons if p not in prior_persons] + out.mentions
        return Extraction(doc.id, new, out.relations)


# Which of the model's mention types can become each type after the mention checks.
_MODEL_TYPES = {EntityType.PERSON: (EntityType.PERSON,),
                EntityType.ORGANISATION: (EntityType.ORGANISATION, EntityType.PERSON)}


def model_mentions(prior: Extraction | None, text: str, wanted: EntityType) -> list[Mention]:
    """The model's mentions that pass the checks every mention passes before settling and then
    are of type ``wanted`` (a "person" opening with "Regionförbundet" is an organisation)."""
    from ...extract import plausible_model_mention
    from ...mention_checks import check_mention

    found = []
    for m in (prior.mentions if prior else []):
        if m.source != "ner" or m.type not in _MODEL_TYPES[wanted]:
            continue
        checked = check_mention(m, text)
        if checked is not None and checked.type is wanted and plausible_model_mention(checked, text) \
                and (wanted is not EntityType.PERSON or len(checked.name.split()) >= 2):
            found.append(checked)
    return found


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


