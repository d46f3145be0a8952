"""Run SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) over a graph and format the results.

The docs/RDF.md prefixes are pre-declared, so ``SELECT ?p WHERE { ?p a vg:Person }`` works
without PREFIX lines. Queries run offline: SERVICE and FROM (which would fetch IRIs) and
SPARQL Update are refused with a QueryError.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError
from ..ontology.namespace import PREFIXES

__all__ = ["FORMATS", "QueryResult", "check_query", "compact", "constructed_graph", "format_result", "run_query"]

FORMATS = ("table", "csv", "json")

# one prefix per kind of vgid: IRI, since a prefixed name cannot hold "/": ``person:anne-olsen``
# is <https://w3id.org/velferdsgraf/id/person/anne-olsen>, and tables print it that way
KIND_PREFIXES = ("person", "organisation", "municipality", "initiative", "event", "role", "report",
                 "evidence", "statement", "membership")
# prefix -> namespace IRI, for pre-declaring in queries and compacting IRIs in tables
NAMESPACES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    **{kind: f"{PREFIXES['vgid']}{kind}/" for kind in KIND_PREFIXES},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}
# longest namespace first, so vgid: wins over any shorter namespace it starts with
_BY_LENGTH = sorted(NAMESPACES.items(), key=lambda item: (-len(item[1]), item[0]))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
# a local name SPARQL and Turtle accept without escapes (a subset of PN_LOCAL)
_LOCAL_NAME = re.compile(r"[\w](?:[\w.-]*[\w-])?")


@dataclass
class QueryResult:
    """The outcome of a query: ``rows`` for SELECT, ``boolean`` for ASK, ``graph`` otherwise."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def check_query(sparql: str) -> str:
    """Parse ``sparql`` as rdflib does and refuse what must not run; returns its kind.

    The kind is "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE". Raises QueryError with one line
    (and the position, when the parser knows it) for malformed queries, unknown prefixes,
    updates, SERVICE and FROM clauses.
    """
    return _translate(sparql).algebra.name.removesuffix("Query").upper()


def _translate(sparql: str) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(sparql)
    except ParseException as e:
        if _is_update(parseUpdate, sparql):
            raise QueryError("SPARQL Update is not supported; use SELECT, ASK, CONSTRUCT or DESCRIBE") from e
        found = " ".join(str(e).split("  (at char")[0].split())
        raise QueryError(f"malformed SPARQL at line {e.lineno}, column {e.col}: {found}") from e
    try:
        query = translateQuery(parsed, None, {p: URIRef(ns) for p, ns in NAMESPACES.items()})
    except Exception as e:  # rdflib raises a bare Exception for "Unknown namespace prefix"
        raise QueryError(f"invalid SPARQL: {_one_line(str(e))}") from e
    _refuse_remote(query.algebra)
    return query


def run_query(graph: Graph, sparql: str) -> QueryResult:
    """Run one SPARQL query against ``graph``; errors as :func:`check_query` says."""

    query = _translate(sparql)
    try:
        return _evaluate(graph, query)
    except RecursionError as e:
        raise QueryError("query failed: nested too deeply to evaluate") from e
    except Exception as e:  # noqa: BLE001 - rdflib evaluates lazily and lets any error out
        # (re.error from REGEX/REPLACE patterns, a bare Exception for GRAPH on a single graph…)
        raise QueryError(f"query failed: {_one_line(str(e)) or type(e).__name__}") from e


def _evaluate(graph: Graph, query: Any) -> QueryResult:
    """Run a translated query and read all of its answer (errors surface while reading)."""
    result = graph.query(query)
    kind = query.algebra.name.removesuffix("Query").upper()
    if result.type == "ASK":
        return QueryResult(kind="ASK", boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        names = [str(v) for v in (result.vars or [])]
        rows = [tuple(row) for row in result]  # type: ignore[arg-type]
        return QueryResult(kind="SELECT", vars=names, rows=rows)
    return QueryResult(kind=kind, graph=constructed_graph(result))  # type: ignore[arg-type]


def constructed_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """A new graph of CONSTRUCT/DESCRIBE ``triples`` with the query prefixes bound."""
    constructed = Graph()
    _bind(constructed)
    for triple in triples:
        constructed.add(triple)
    return constructed


def _is_update(parse_update: Any, sparql: str) -> bool:
    from pyparsing import ParseException

    try:
        parse_update(sparql)
    except (ParseException, ValueError, TypeError):
        return False
    return bool(sparql.strip())


def _refuse_remote(algebra: Any) -> None:
    """SERVICE and FROM would make rdflib fetch IRIs from the network: refuse both."""
    if algebra.get("datasetClause"):
        raise QueryError("FROM and FROM NAMED are not supported; the query runs over the given graph")
    if _has_service(algebra):
        raise QueryError("SERVICE is not supported; queries run offline over the given graph")


def _has_service(node: Any) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_service(value) for value in node)
    return False


def _bind(graph: Graph) -> None:
    for prefix, ns in NAMESPACES.items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)


def compact(node: Node | None) -> str:
    """A short form that can be pasted into a query: ``person:silvija-seres`` for IRIs, the text for literals.

    An IRI whose local part SPARQL would not accept as it is stays whole, in ``<…>``.
    """
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in _BY_LENGTH:
            if text.startswith(ns) and _LOCAL_NAME.fullmatch(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: ``table`` (aligned columns), ``csv`` (SPARQL 1.1 CSV) or ``json``.

    SELECT rows in json are SPARQL 1.1 JSON results; ASK prints ``true``/``false`` (json:
    ``{"head": {}, "boolean": …}``); CONSTRUCT and DESCRIBE print Turtle (json: JSON-LD).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown result format {fmt!r}; available: {', '.join(FORMATS)}")
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.graph is not None:
        if fmt == "json":
            from ..output.jsonld import (
                jsonld_bytes,  # late: output imports graph, not the reverse
            )

            return jsonld_bytes(result.graph).decode("utf-8")
        return result.graph.serialize(format="turtle")
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return _json(result)
    return _table(result)


def _table(result: QueryResult) -> str:
    header = list(result.vars)
    body = [[_CONTROL.sub(" ", compact(cell)) for cell in row] for row in result.rows]
    widths = [max([len(h)] + [len(row[i]) for row in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body]
    if not body:
        lines.append("0 rows")
    return "\n".join(lines) + "\n"


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if c is None else f"_:{c}" if isinstance(c, BNode) else str(c) for c in row])
    return out.getvalue()


def _json(result: QueryResult) -> str:
    bindings = []
    for row in result.rows:
        bindings.append({name: _json_term(c) for name, c in zip(result.vars, row, strict=True) if c is not None})
    document = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_term(node: Node) -> dict[str, str]:
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    if isinstance(node, Literal):
        term = {"type": "literal", "value": str(node)}
        if node.language:
            term["xml:lang"] = node.language
        elif node.datatype is not None and node.datatype != XSD.string:
            term["datatype"] = str(node.datatype)
        return term
    return {"type": "literal", "value": str(node)}


def _one_line(text: str) -> str:
    return " ".join(text.split())
