"""Check a graph against the shipped SHACL shapes (pySHACL), returning the problems as data."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from ..ontology import load_ontology, load_shapes
from .query import compact

__all__ = ["ValidationReport", "ValidationResult", "validate"]


class ValidationResult(NamedTuple):
    """One SHACL violation: the node, the property path (or "") and the message, all compact."""

    focus: str
    path: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: ``results`` are sorted, ``text`` is ready to print (no final newline)."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""


def validate(graph: Graph, *, inference: str = "none") -> ValidationReport:
    """Validate ``graph`` against the SHACL shapes shipped in velferdsgraf.ontology.

    By default no inference is run: the shapes check the one vg class every entity
    asserts, so the ontology would add nothing, and mixing it in would make pySHACL copy
    the whole graph. With ``inference="rdfs"`` (or another pySHACL option) the shipped
    ontology is mixed into a copy of the data first. ``graph`` itself is never changed.

    >>> validate(graph).conforms
    True
    """
    from pyshacl import (
        validate as shacl_validate,  # heavy: imported only when validating
    )

    conforms, results_graph, _ = shacl_validate(
        _PreparedQueries(graph),
        shacl_graph=load_shapes(),
        ont_graph=None if inference == "none" else load_ontology(),
        inference=inference,
        allow_warnings=False,
    )
    results = sorted(_results(results_graph))
    return ValidationReport(conforms=bool(conforms), results=results, text=_text(bool(conforms), results))


class _PreparedQueries(Graph):
    """A view of a graph's triples that parses each SPARQL text once.

    pySHACL runs a SPARQL constraint once per focus node, passing the same text each time;
    rdflib would parse it anew on every call, which dominated validation time.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
        self._prepared: dict[tuple[str, tuple[tuple[str, str], ...]], Any] = {}

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql",
              initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's names)
              initBindings: Mapping[str, Any] | None = None,  # noqa: N803
              use_store_provided: bool = True, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            from rdflib.plugins.sparql import prepareQuery

            key = (query_object, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            if key not in self._prepared:
                self._prepared[key] = prepareQuery(query_object, initNs=dict(initNs or {}))
            query_object, initNs = self._prepared[key], None  # noqa: N806 (rdflib's name)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def _results(report: Graph) -> set[ValidationResult]:
    found: set[ValidationResult] = set()
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        if not messages:
            component = report.value(result, SH.sourceConstraintComponent)
            messages = [_local(component) if component is not None else "constraint violated"]
        value = report.value(result, SH.value)
        message = " ".join(messages[0].split())  # pySHACL messages may span lines
        if value is not None and value != focus:
            message = f"{message} (value: {_shows(value)})"
        found.add(ValidationResult(_shows(focus), _path(report, path), message))
    return found


def _shows(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return "[]"  # blank-node labels differ run to run; never put them in the report
    return compact(node)


def _path(report: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return compact(path)
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path(report, inverse)}"
    return "(complex path)"


def _local(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(conforms: bool, results: list[ValidationResult]) -> str:
    if conforms:
        return "Conforms: the graph matches the velferdsgraf shapes."
    lines = [f"Does not conform: {len(results)} problem{'s' if len(results) != 1 else ''}."]
    for focus, path, message in results:
        where = f"{focus} {path}" if path else focus
        lines.append(f"{where}: {message}")
    return "\n".join(lines)
