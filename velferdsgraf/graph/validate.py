"""Check a graph against the shipped SHACL shapes (pySHACL), returning the problems as data."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

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


def validate(graph: Graph) -> ValidationReport:
    """Validate ``graph`` with the shapes and ontology shipped in velferdsgraf.ontology.

    No inference is run: the shapes check the one vg class every entity asserts. The
    ontology is mixed into a copy of the data (pySHACL's ``ont_graph``), never into ``graph``.

    >>> validate(graph).conforms
    True
    """
    from pyshacl import validate as shacl_validate  # heavy: imported only when validating

    conforms, results_graph, _ = shacl_validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=False,
    )
    results = sorted(_results(results_graph))
    return ValidationReport(conforms=bool(conforms), results=results, text=_text(bool(conforms), results))


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
