"""The Extractor protocol, the registry of extractors, and running a chain of them."""
from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Protocol, runtime_checkable

from ..errors import UnknownExtractorError
from ..input.document import Document
from .types import EntityType, Extraction, Mention

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
    outer, inner = (a, b) if (a.end - a.start) >= (b.end - b.start) else (b, a)
    return (
        outer.type in _NESTING_OUTER
        and inner.type in _NESTING_INNER
        and inner.type is not outer.type
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    )


def settle_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Drop overlapping mentions that lose to a more trusted or longer one; sorted by offset."""
    ranked = sorted(
        set(mentions),
        key=lambda m: (-PRECEDENCE.get(m.source, 0), -(m.end - m.start), m.start, m.type.value, m.name),
    )
    kept: list[Mention] = []
    for mention in ranked:
        if all(_compatible(mention, other) for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end, m.type.value))


def extract(doc: Document, extractors: Sequence[str] = DEFAULT_EXTRACTORS) -> Extraction:
    """Run the named extractors in order over one document and merge their findings.

    Overlapping mentions are settled (see ``settle_mentions``); relations whose
    mentions were dropped are dropped with them.
    """
    result = Extraction(doc_id=doc.id)
    for name in extractors:
        result.extend(get_extractor(name).extract(doc, result))
    mentions = settle_mentions(result.mentions)
    kept = set(mentions)
    relations = [
        r for r in result.relations
        if r.subject in kept and (r.object is None or r.object in kept) and (r.role is None or r.role in kept)
    ]
    return Extraction(doc_id=doc.id, mentions=mentions, relations=relations)
