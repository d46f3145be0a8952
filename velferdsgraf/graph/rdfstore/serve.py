"""``velferdsgraf serve OUT/``: a read-only SPARQL 1.1 Protocol endpoint over the build's store.

``GET /sparql?query=…``, ``POST /sparql`` with a form (``query=…``) or an
``application/sparql-query`` body. SELECT and ASK answer in SPARQL JSON, XML, CSV or TSV,
CONSTRUCT and DESCRIBE in Turtle, N-Triples or JSON-LD, chosen by the Accept header
(JSON and Turtle by default). Updates are refused: the store is opened read-only. The
docs/RDF.md prefixes are pre-declared and SERVICE and FROM refused, as in ``velferdsgraf query``.
"""
from __future__ import annotations

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ...errors import QueryError
from ..query import check_query
from .store import _prefixes, open_store

__all__ = ["ENDPOINT_PATHS", "make_server", "serve"]

ENDPOINT_PATHS = ("/sparql", "/query")
_MAX_BODY = 1 << 20  # a query longer than 1 MiB is refused
_RESULT_TYPES = {  # media type -> pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat name
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
}


def _choose(accept: str, offered: dict[str, str], default: str) -> str:
    """The first offered media type the Accept header lists (q-values ignored), else ``default``."""
    for item in accept.split(","):
        media = item.split(";")[0].strip().lower()
        if media in offered:
            return media
    return default


class _Handler(BaseHTTPRequestHandler):
    store: Any = None
    server_version = "velferdsgraf"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        pass  # quiet; the CLI prints where it listens

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        if url.path not in ENDPOINT_PATHS:
            self._fail(HTTPStatus.NOT_FOUND, f"no endpoint here; use {ENDPOINT_PATHS[0]}?query=…")
            return
        self._answer(parse_qs(url.query).get("query", [None])[0])

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        if urlsplit(self.path).path not in ENDPOINT_PATHS:
            self._fail(HTTPStatus.NOT_FOUND, f"no endpoint here; use {ENDPOINT_PATHS[0]}")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query longer than 1 MiB")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            self._answer(body)
        elif kind == "application/x-www-form-urlencoded":
            form = parse_qs(body)
            if "update" in form:
                self._fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
                return
            self._answer(form.get("query", [None])[0])
        elif kind == "application/sparql-update":
            self._fail(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        else:
            self._fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {kind or 'none'}")

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight from browser clients (YASGUI)
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def _answer(self, sparql: str | None) -> None:

        if not sparql:
            self._fail(HTTPStatus.BAD_REQUEST, "missing the query parameter")
            return
        try:
            check_query(sparql)  # SERVICE, FROM and updates are refused, as by `velferdsgraf query`
            result = self.store.query(sparql, prefixes=_prefixes())
        except QueryError as error:
            self._fail(HTTPStatus.BAD_REQUEST, str(error))
            return
        except SyntaxError as error:
            self._fail(HTTPStatus.BAD_REQUEST, " ".join(str(error).split()))
            return
        except OSError as error:
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, " ".join(str(error).split()))
            return
        try:
            media, body = self._serialize(result)
        finally:
            # pyoxigraph results must die on the thread that made them, not in a later gc pass
            del result
        self.send_response(HTTPStatus.OK)
        self._cors()
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _serialize(self, result: Any) -> tuple[str, bytes]:
        import pyoxigraph as ox

        accept = self.headers.get("Accept") or ""
        if isinstance(result, ox.QueryTriples):
            media = _choose(accept, _GRAPH_TYPES, "text/turtle")
            return media, result.serialize(format=getattr(ox.RdfFormat, _GRAPH_TYPES[media]))
        media = _choose(accept, _RESULT_TYPES, "application/sparql-results+json")
        return media, result.serialize(format=getattr(ox.QueryResultsFormat, _RESULT_TYPES[media]))

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")

    def _fail(self, status: HTTPStatus, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def make_server(store_dir: Path | str, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A server (not yet running) answering SPARQL over the store at ``store_dir``; port 0 picks one."""
    handler = type("Handler", (_Handler,), {"store": open_store(store_dir)})
    return ThreadingHTTPServer((host, port), handler)


def serve(store_dir: Path | str, host: str = "127.0.0.1", port: int = 7878,
          ready: threading.Event | None = None) -> None:
    """Serve the store at ``store_dir`` until interrupted."""
    with make_server(store_dir, host, port) as server:
        if ready is not None:
            ready.set()
        server.serve_forever()
