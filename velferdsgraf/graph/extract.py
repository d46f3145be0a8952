"""The Extractor protocol, the registry of extractors, and running a chain of them."""
from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Protocol, runtime_checkable

from ..errors import UnknownExtractorError
from ..input.document import Document
from .types import Extraction

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


def extract(doc: Document, extractors: Sequence[str] = DEFAULT_EXTRACTORS) -> Extraction:
    """Run the named extractors in order over one document and merge their findings."""
    result = Extraction(doc_id=doc.id)
    for name in extractors:
        result.extend(get_extractor(name).extract(doc, result))
    return result
