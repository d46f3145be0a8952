"""The Extractor protocol, the registry of extractors, and running a chain of them."""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from importlib import import_module
from typing import Protocol, runtime_checkable

from ..errors import UnknownExtractorError
from ..input.document import Document
from .mention_checks import check_mention
from .types import EntityType, Extraction, Mention, Relation
from .windows import shift, windows

# name -> "module:attribute", imported only when asked for (heavy models stay unloaded).
EXTRACTORS: dict[str, str] = {
    "gazetteer": "velferdsgraf.graph.extractors.gazetteer:GazetteerExtractor",
    "ner": "velferdsgraf.graph.extractors.ner:NerExtractor",
    "patterns": "velferdsgraf.graph.extractors.patterns:PatternExtractor",
}

# Order matters: later extractors see earlier findings in ``prior``.
DEFAULT_EXTRACTORS: tuple[str, ...] = ("gazetteer", "ner", "patterns")


@runtime_checkable
class Extractor(Protocol):
    """A plug-in that reads one document and returns mentions and relations.

    ``prior`` holds what the extractors before it in the chain found in the same
    document; an extractor may use it (a relation rule needs the organisations) or
    ignore it. It must not modify ``prior``.
    """

    name: str

    def extract(self, doc: Document, prior: Extraction | None = None) -> Extraction: ...


_instances: dict[str, Extractor] = {}


def get_extractor(name: str) -> Extractor:
    """The extractor registered under ``name`` (created once, then reused)."""
    if name in _instances:
        return _instances[name]
    try:
        module_name, _, attr = EXTRACTORS[name].partition(":")
    except KeyError:
        raise UnknownExtractorError(name, sorted(EXTRACTORS)) from None
    extractor = getattr(import_module(module_name), attr)()
    _instances[name] = extractor
    return extractor


# Who wins when two mentions overlap: the pattern rules see everything found before
# them and decide last; gazetteer entries are exact; the statistical model fills gaps.
PRECEDENCE: dict[str, int] = {"patterns": 3, "gazetteer": 2, "ner": 1}
_NESTING_OUTER = frozenset({EntityType.ORGANISATION, EntityType.INITIATIVE, EntityType.EVENT})
_NESTING_INNER = frozenset({EntityType.MUNICIPALITY, EntityType.ORGANISATION, EntityType.PERSON})


def _compatible(a: Mention, b: Mention) -> bool:
    """May both mentions stand? Disjoint spans, or a place/organisation/person inside a name."""
    if a.end <= b.start or b.end <= a.start:
        return True
    if "ner" in (a.source, b.source):
        return False  # a model guess never nests inside (or around) another mention
    outer, inner = (a, b) if (a.end - a.start) >= (b.end - b.start) else (b, a)
    return (
        outer.type in _NESTING_OUTER
        and inner.type in _NESTING_INNER
        and inner.type is not outer.type
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    )


_DETERMINERS = frozenset({"Den", "Det", "De", "Denne", "Dette", "Disse", "En", "Ei", "Et", "Ein", "Eit"})


def plausible_model_mention(mention: Mention, text: str) -> bool:
    """Filter the model's guesses where rules know better: one capitalised word opening a
    sentence ("Innovasjon og …") is usually a common noun, and dates are not events."""
    if mention.source != "ner":
        return True
    from .extractors.patterns.lexicon import REGIONS, STOPWORDS, is_title_word
    from .extractors.patterns.places import municipality_mention

    words = [w.strip("•-–*") for w in mention.surface.split() if w.strip("•-–*")]
    if not words:
        return False
    if re.match(r"\s+(?:gate|gata|vei|veg|veien|vegen|plass|allé|torg)\b", text[mention.end:mention.end + 8]):
        return False  # "Thorvald Meyers gate"
    if mention.surface in REGIONS:
        return False  # "Innlandet" is a county, not an organisation
    if mention.type is EntityType.PERSON and len(words) > 1 and mention.surface.endswith(words[-1]):
        # "Scandic Ringsaker": a name ending in a municipality is a venue or branch, not a person
        if municipality_mention(Document(mention.doc_id, text), mention.end - len(words[-1]), mention.end) is not None:
            return False
    if words[0] in _DETERMINERS or words[0].strip("•-–") in STOPWORDS or any(w[:1].isdigit() for w in words):
        return False
    # "søkemotoren Alta Vista": a name after a common noun in the definite form names a thing.
    before = text[max(0, mention.start - 30):mention.start].split()
    if mention.type is EntityType.PERSON and before and before[-1].islower() \
            and before[-1].endswith(("en", "et", "a")) and not is_title_word(before[-1][:-2]) \
            and not is_title_word(before[-1][:-1]) and len(before[-1]) > 4:
        return False
    if len(words) == 1:
        before = _char_before(text, mention.start, " \t«\"(–-")
        if not before or before in ".!?:\n•":
            return False
    return mention.type is not EntityType.EVENT or len(words) > 1


def _char_before(text: str, pos: int, skip: str) -> str:
    """The last character before ``pos`` that is not in ``skip`` ("" at the start of the text)."""
    while pos > 0 and text[pos - 1] in skip:
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _retype_listed(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """A model "person" listed among organisations is an organisation: "XXL, Lefdal Lager, Nille"."""
    orgs = [m for m in mentions if m.type is EntityType.ORGANISATION]
    by_end = sorted((o.end, i) for i, o in enumerate(orgs))
    by_start = sorted((o.start, i) for i, o in enumerate(orgs))
    result = []
    for m in mentions:
        if m.source == "ner" and m.type is EntityType.PERSON:
            # organisations ending up to 5 characters before it or starting up to 5 after it
            near = by_end[bisect_left(by_end, (m.start - 5, -1)):bisect_left(by_end, (m.start, -1))] \
                + by_start[bisect_left(by_start, (m.end + 1, -1)):bisect_left(by_start, (m.end + 6, -1))]
            neighbours = [orgs[i] for _, i in near]
            joined = [o for o in neighbours if text[min(o.end, m.end):max(o.start, m.start)].strip() in {",", "og", ", og"}]
            if joined:
                m = Mention(m.doc_id, m.start, m.end, EntityType.ORGANISATION, m.surface, m.name, m.source, m.attrs)
        result.append(m)
    return result


def settle_mentions(mentions: Sequence[Mention], text: str = "") -> list[Mention]:
    """Drop overlapping mentions that lose to a more trusted or longer one; sorted by offset."""
    ranked = sorted(
        {m for m in _retype_listed(mentions, text) if plausible_model_mention(m, text)},
        key=lambda m: (-PRECEDENCE.get(m.source, 0), -(m.end - m.start), m.start, m.type.value, m.name),
    )
    kept = _KeptMentions()
    for mention in ranked:
        if all(_compatible(mention, other) for other in kept.overlapping(mention)):
            kept.add(mention)
    return sorted(kept.mentions, key=lambda m: (m.start, m.end, m.type.value))


class _KeptMentions:
    """The mentions kept so far, by start offset: only those overlapping a span can conflict
    with it (disjoint spans are always compatible), so each check looks at a few neighbours."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self._by_start: list[tuple[int, int]] = []  # (start, index into mentions), sorted
        self._longest = 0

    def add(self, mention: Mention) -> None:
        insort(self._by_start, (mention.start, len(self.mentions)))
        self.mentions.append(mention)
        self._longest = max(self._longest, mention.end - mention.start)

    def overlapping(self, mention: Mention) -> list[Mention]:
        """Kept mentions whose span shares a character with ``mention``'s."""
        lo = bisect_left(self._by_start, (mention.start - self._longest, -1))
        hi = bisect_left(self._by_start, (mention.end, -1))
        found = (self.mentions[i] for _, i in self._by_start[lo:hi])
        return [m for m in found if m.end > mention.start and m.start < mention.end]


def extract(doc: Document, extractors: Sequence[str] = DEFAULT_EXTRACTORS) -> Extraction:
    """Run the named extractors in order over one document and merge their findings.

    Overlapping mentions are settled (see ``settle_mentions``); relations whose
    mentions were dropped are dropped with them.
    """
    result = Extraction(doc_id=doc.id)
    for offset, part in windows(doc):  # one window unless the report is long (see .windows)
        found = Extraction(doc_id=doc.id)
        for name in extractors:
            found.extend(get_extractor(name).extract(part, found))
        result.extend(shift(found, offset))
    renamed = {m: check_mention(m, doc.text) for m in result.mentions}
    mentions = settle_mentions([u for u in renamed.values() if u is not None], doc.text)
    kept = set(mentions)

    def current(m: Mention | None) -> Mention | None:
        return None if m is None else renamed.get(m, m)

    relations = []
    for r in result.relations:
        subject, obj, role = current(r.subject), current(r.object), current(r.role)
        if subject in kept and (obj is None or obj in kept) and (role is None or role in kept) \
                and (r.object is None or obj is not None):
            relations.append(Relation(r.kind, subject, obj, r.evidence, role, r.source, rule=r.rule))
    return Extraction(doc_id=doc.id, mentions=mentions, relations=relations)
