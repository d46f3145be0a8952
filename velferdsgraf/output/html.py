"""A self-contained, offline network page: vis-network inlined, nothing fetched, text escaped.

vis-network's JS and CSS are read from the installed pyvis package (pinned to 0.3.2 in
setup.cfg; only those two files are used, not pyvis's template or Python code). A
Content-Security-Policy allows just the page's own two scripts (by hash) and forbids every
request, so the page works from a USB stick and leaks nothing. The data comes from
view_data.py, the page from html_template.py and its script from html_app.py.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..errors import VelferdsgrafError
from .atomic import atomic_write_text
from .html_app import APP_JS
from .html_template import APP_CSS, PAGE
from .view_data import VIEW_LIMIT, network_data

__all__ = ["VIS_DIR", "PageSummary", "html_text", "network_data", "vis_assets", "write_html"]

VIS_DIR = ("templates", "lib", "vis-9.1.2")  # inside the pyvis==0.3.2 package
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True)
class PageSummary:
    """What a written page holds: nodes drawn, of how many selected, edges, and warnings to print."""

    nodes: int
    total: int
    edges: int
    collaborations: int
    notes: list[str] = field(default_factory=list)


def write_html(
    graph: Graph,
    path: Path | str,
    *,
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    municipality: str | None = None,
    ego: str | None = None,
    depth: int = 1,
    limit: int = VIEW_LIMIT,
    title: str = "velferdsgraf",
) -> PageSummary:
    """Write the network page of ``graph`` to ``path``, atomically; returns what it holds.

    ``types`` keeps only entities of those types (names of ENTITY_TYPES, any case; "Role"
    adds role nodes); ``min_degree`` drops nodes with fewer relations; ``municipality``
    keeps what is tied or linked to one municipality; ``ego`` keeps one entity and what lies
    within ``depth`` relations of it; ``limit`` caps the nodes drawn (the most central are kept).
    """
    data = network_data(graph, types=types, min_degree=min_degree, municipality=municipality,
                        ego=ego, depth=depth, limit=limit)
    atomic_write_text(path, _page(data, title))
    total = data["truncated"]["total"] if data["truncated"] else len(data["nodes"])
    return PageSummary(len(data["nodes"]), total, len(data["edges"]), len(data["collaborations"]),
                       list(data["notes"]))


def html_text(
    graph: Graph,
    *,
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    municipality: str | None = None,
    ego: str | None = None,
    depth: int = 1,
    limit: int = VIEW_LIMIT,
    title: str = "velferdsgraf",
) -> str:
    """The network page of ``graph`` as a string (see :func:`write_html`)."""
    data = network_data(graph, types=types, min_degree=min_degree, municipality=municipality,
                        ego=ego, depth=depth, limit=limit)
    return _page(data, title)


def _page(data: dict[str, Any], title: str) -> str:
    """The page around ``data`` (network_data's JSON), with its CSP."""
    vis_js, vis_css = vis_assets()
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
        "DATA": _script_json(data),
        "VIS_JS": vis_js,
        "APP_JS": APP_JS,
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], PAGE)


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no "</" or "<!--" can occur once every <, >, & is escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def vis_assets() -> tuple[str, str]:
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
