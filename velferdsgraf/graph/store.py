"""Load graph files (Turtle, N-Triples, JSON-LD) with one-line errors, and bind our prefixes."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..errors import GraphLoadError
from ..ontology.namespace import PREFIXES

__all__ = ["FORMATS_BY_SUFFIX", "bind_prefixes", "load_graph", "new_graph"]

# suffix -> (rdflib format, name shown in errors)
FORMATS_BY_SUFFIX: dict[str, tuple[str, str]] = {
    ".ttl": ("turtle", "Turtle"),
    ".turtle": ("turtle", "Turtle"),
    ".nt": ("nt", "N-Triples"),
    ".ntriples": ("nt", "N-Triples"),
    ".jsonld": ("json-ld", "JSON-LD"),
    ".json": ("json-ld", "JSON-LD"),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes of docs/RDF.md on ``graph`` (replacing clashing bindings); returns it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def new_graph() -> Graph:
    """An empty graph with the docs/RDF.md prefixes bound."""
    return bind_prefixes(Graph())


def load_graph(path: Path | str) -> Graph:
    """Parse a Turtle (.ttl), N-Triples (.nt) or JSON-LD (.jsonld) file into a new graph.

    Raises GraphLoadError naming the file and the reason in one line, e.g.
    ``graph.ttl: not valid Turtle (line 12: newline found in string literal)``.
    JSON-LD contexts must be inline: remote or file contexts are refused, so loading
    never touches the network.
    """
    path = Path(path)
    try:
        fmt, fmt_name = FORMATS_BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise GraphLoadError(path, f"unknown graph format {path.suffix!r}; expected one of {known}") from None
    try:
        data = path.read_bytes()
    except OSError as e:
        raise GraphLoadError(path, f"cannot read: {e.strerror or e}") from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GraphLoadError(path, f"not UTF-8 (byte {e.start})") from e
    graph = new_graph()
    if fmt == "json-ld":
        _parse_jsonld(graph, text, path)
    else:
        _parse_text(graph, text, fmt, fmt_name, path)
    return graph


def _parse_text(graph: Graph, text: str, fmt: str, fmt_name: str, path: Path) -> None:
    try:
        graph.parse(data=text, format=fmt)
    except BadSyntax as e:
        # BadSyntax keeps the 0-based line and the bare reason in private attributes.
        line = getattr(e, "lines", None)
        why = getattr(e, "_why", None) or _one_line(str(e))
        where = f"line {line + 1}: " if isinstance(line, int) else ""
        raise GraphLoadError(path, f"not valid {fmt_name} ({where}{why})") from e
    except ParserError as e:
        raise GraphLoadError(path, f"not valid {fmt_name} ({_ntriples_reason(e, text)})") from e
    except (ValueError, TypeError) as e:
        raise GraphLoadError(path, f"not valid {fmt_name} ({_one_line(str(e))})") from e
    except RecursionError as e:
        raise GraphLoadError(path, f"not valid {fmt_name} (nested too deeply)") from e


def _ntriples_reason(error: ParserError, text: str) -> str:
    """N-Triples errors quote the bad line but not its number: find it."""
    message = _one_line(str(error))
    match = re.match(r"Invalid line:\s*(.*)", message)
    if match:
        bad = match.group(1).strip()
        for number, line in enumerate(text.splitlines(), start=1):
            if bad and line.strip().startswith(bad[:60]):
                return f"line {number}: invalid line {_clip(bad)}"
    return message


def _parse_jsonld(graph: Graph, text: str, path: Path) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise GraphLoadError(path, f"not valid JSON-LD (line {e.lineno}, column {e.colno}: {e.msg})") from e
    except RecursionError as e:
        raise GraphLoadError(path, "not valid JSON-LD (nested too deeply)") from e
    try:
        remote = _remote_context(document)
    except RecursionError as e:
        raise GraphLoadError(path, "not valid JSON-LD (nested too deeply)") from e
    if remote is not None:
        raise GraphLoadError(path, f"JSON-LD context {_clip(remote)} is not inline; only inline contexts are read")
    try:
        graph.parse(data=text, format="json-ld")
    except RecursionError as e:
        raise GraphLoadError(path, "not valid JSON-LD (nested too deeply)") from e
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        # rdflib's JSON-LD parser reports odd shapes of JSON with assorted built-in errors.
        raise GraphLoadError(path, f"not valid JSON-LD ({_one_line(str(e)) or type(e).__name__})") from e


def _remote_context(node: Any) -> str | None:
    """The first context (or @import) given by reference rather than inline, if any."""
    if isinstance(node, list):
        for item in node:
            found = _remote_context(item)
            if found is not None:
                return found
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for ctx in value if isinstance(value, list) else [value]:
                    if isinstance(ctx, str):
                        return ctx
            found = _remote_context(value)
            if found is not None:
                return found
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, limit: int = 60) -> str:
    text = _one_line(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
