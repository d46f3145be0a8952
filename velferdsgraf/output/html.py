"""A self-contained, offline network page: vis-network inlined, nothing fetched, text escaped.

vis-network's JS and CSS are read from the installed pyvis package (only its files, not its
template or Python code). A Content-Security-Policy allows just the page's own two scripts
(by hash) and forbids every request, so the page works from a USB stick and leaks nothing.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..errors import VelferdsgrafError
from .atomic import atomic_write_text
from .html_template import APP_CSS, APP_JS, PAGE
from .network import ENTITY_TYPES, TYPE_COLOURS, hex_colour, to_networkx

__all__ = ["html_text", "network_data", "write_html"]

VIS_DIR = ("templates", "lib", "vis-9.1.2")
EDGE_LABEL_LIMIT = 2000  # above this many edges, labels move to tooltips (drawing stays fast)
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def write_html(
    graph: Graph,
    path: Path | str,
    *,
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    title: str = "velferdsgraf",
) -> None:
    """Write the network page of ``graph`` to ``path``, atomically.

    ``types`` keeps only entities of those types (names of ENTITY_TYPES, any case;
    "Role" adds role nodes); ``min_degree`` drops nodes with fewer relations.
    """
    atomic_write_text(path, html_text(graph, types=types, min_degree=min_degree, title=title))


def html_text(
    graph: Graph,
    *,
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    title: str = "velferdsgraf",
) -> str:
    """The network page of ``graph`` as a string (see :func:`write_html`)."""
    vis_js, vis_css = _vis_assets()
    data = _script_json(network_data(graph, types=types, min_degree=min_degree))
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(APP_JS)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    values = {
        "CSP": csp,
        "TITLE": html.escape(title),
        "VIS_CSS": vis_css,
        "APP_CSS": APP_CSS,
        "DATA": data,
        "VIS_JS": vis_js,
        "APP_JS": APP_JS,
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], PAGE)


def network_data(
    graph: Graph, *, types: Iterable[str] | None = None, min_degree: int = 0
) -> dict[str, Any]:
    """The JSON the page draws: types (legend), nodes, edges and vis-network options."""
    wanted = _wanted_types(types)
    net = to_networkx(graph, include_roles="Role" in wanted)
    keep = {
        node
        for node, attrs in net.nodes(data=True)
        if attrs["type"] in wanted and attrs["degree"] >= min_degree
    }
    nodes = []
    for node, attrs in net.nodes(data=True):
        if node in keep:
            nodes.append(
                {
                    "id": node,
                    "label": attrs["label"],
                    "type": attrs["type"],
                    "iri": attrs["iri"],
                    "color": hex_colour((attrs["r"], attrs["g"], attrs["b"])),
                    "size": attrs["size"],
                    "degree": attrs["degree"],
                    "mentions": attrs["mentions"],
                    "roles": attrs["roles"],
                }
            )
    edges = [
        {
            "id": attrs["id"],
            "from": source,
            "to": target,
            "relation": attrs["relation"],
            "label": attrs["label"],
            "roles": attrs["roles"],
            "weight": attrs["weight"],
            "evidence": attrs["evidence"],
        }
        for source, target, attrs in net.edges(data=True)
        if source in keep and target in keep
    ]
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["type"]] = counts.get(node["type"], 0) + 1
    legend = [
        {"name": kind, "color": hex_colour(TYPE_COLOURS[kind]), "count": counts[kind]}
        for kind in (*ENTITY_TYPES, "Other")
        if counts.get(kind)
    ]
    return {
        "types": legend,
        "nodes": nodes,
        "edges": edges,
        "edgeLabels": len(edges) <= EDGE_LABEL_LIMIT,
        "options": _options(len(nodes)),
    }


def _wanted_types(types: Iterable[str] | None) -> set[str]:
    if types is None:  # untyped endpoints ("Other") show only when nothing was filtered
        return (set(ENTITY_TYPES) - {"Role"}) | {"Other"}
    by_folded = {kind.casefold(): kind for kind in ENTITY_TYPES}
    wanted = set()
    for name in types:
        try:
            wanted.add(by_folded[name.strip().casefold()])
        except KeyError:
            raise ValueError(f"unknown entity type {name!r}; available: {', '.join(ENTITY_TYPES)}") from None
    return wanted


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options; physics settles once, then stops (large graphs skip the slow pre-layout)."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 300},
        "nodes": {
            "shape": "dot",
            "scaling": {"min": 8, "max": 40},
            "font": {"size": 14, "face": "system-ui, sans-serif"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"inherit": "from", "opacity": 0.6},
            "font": {"size": 10, "align": "middle"},
            "scaling": {"min": 1, "max": 6},
            "smooth": False,
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 300 if node_count <= 1000 else 100},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 1000},
    }


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no "</" or "<!--" can occur once every <, >, & is escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS from the installed pyvis package (never imported)."""
    spec = importlib.util.find_spec("pyvis")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        base = Path(folder).joinpath(*VIS_DIR)
        js, css = base / "vis-network.min.js", base / "vis-network.css"
        if js.is_file() and css.is_file():
            js_text, css_text = js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
            # the assets go inside <script>/<style> as they are: refuse any that could end them early
            if "</script" in js_text.lower() or "</style" in css_text.lower():
                raise VelferdsgrafError(f"{base}: vis-network assets cannot be inlined safely")
            return js_text, css_text
    raise VelferdsgrafError("vis-network not found: the HTML view needs pyvis==0.3.2 installed")


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
