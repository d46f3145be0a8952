"""The build's persistent store: an on-disk pyoxigraph store in ``OUT/store/``.

``build`` writes the graph into the store, then graph.ttl and graph.nt with the store's own
serializer (the docs/RDF.md prefixes, ``vgid:`` included). The store lists its keys in a
fixed order (oxigraph's term encoding is a keyed hash with fixed keys), so the same triples
give the same bytes in every run. ``query``, ``stats``, ``view`` and ``export`` use the store
instead of parsing graph.ttl when it belongs to that file (``store.json`` records the size and
modification time of the graph.ttl written with it).
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import GraphLoadError, QueryError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = ["STORE_DIR", "open_store", "store_for", "store_graph", "store_query", "write_store",
           "write_store_format"]

STORE_DIR = "store"
_META = "store.json"
_DUMP_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES"}
_BATCH = 50_000  # triples per bulk load: bounded memory for the N-Triples text


def _prefixes() -> dict[str, str]:
    from ..query import NAMESPACES

    return dict(sorted(NAMESPACES.items()))


def write_store(graph: Graph, out_dir: Path | str) -> Path:
    """Write ``graph`` into a new store ``OUT/store/`` (replacing any there); returns its path.

    The store is filled beside the old one and then renamed into place, so a failed build
    leaves the old store as it was.
    """
    return install_store(out_dir, stage_store(graph, out_dir))


def stage_store(graph: Graph, out_dir: Path | str) -> Path:
    """Fill a new store with ``graph`` in a hidden folder of ``out_dir``; returns that folder.

    :func:`install_store` moves it into place; a caller that fails before that removes it.
    """
    import pyoxigraph as ox

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{STORE_DIR}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        for chunk in _ntriples_chunks(graph):
            store.bulk_load(chunk, ox.RdfFormat.N_TRIPLES)
        store.optimize()
        del store  # closes the database before the rename
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def install_store(out_dir: Path | str, staged: Path) -> Path:
    """Move a staged store (:func:`stage_store`) into ``OUT/store/``, replacing the old one."""
    out = Path(out_dir)
    target = out / STORE_DIR
    old = out / f".{STORE_DIR}.{os.getpid()}.old"
    if target.exists():
        os.replace(target, old)
    os.replace(staged, target)
    shutil.rmtree(old, ignore_errors=True)
    (out / _META).unlink(missing_ok=True)  # the store belongs to no graph.ttl until one is written
    return target


def _ntriples_chunks(graph: Graph) -> Iterator[bytes]:
    """``graph`` as N-Triples in chunks of at most _BATCH triples (rdflib's own line writer)."""
    from rdflib.plugins.serializers.nt import _nt_row

    lines: list[str] = []
    for triple in graph:
        lines.append(_nt_row(triple))
        if len(lines) >= _BATCH:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def dump_store(store_dir: Path | str, fmt: str, path: Path | str) -> Path:
    """Write the store in ``store_dir`` as Turtle (``ttl``) or N-Triples (``nt``) to ``path`` as it is."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    with open(path, "wb") as handle:
        store.dump(handle, getattr(ox.RdfFormat, _DUMP_FORMATS[fmt]), from_graph=ox.DefaultGraph(),
                   prefixes=_prefixes() if fmt == "ttl" else None)
    return Path(path)


def write_store_format(out_dir: Path | str, fmt: str, path: Path | str) -> Path:
    """Write the store of ``out_dir`` as Turtle (``ttl``) or N-Triples (``nt``) to ``path``, atomically.

    Writing graph.ttl records it in ``store.json``, so later commands know the store is its store.
    """
    import pyoxigraph as ox

    from ...output.atomic import atomic_open

    out, path = Path(out_dir), Path(path)
    store = open_store(out / STORE_DIR)
    with atomic_open(path) as handle:
        store.dump(handle, getattr(ox.RdfFormat, _DUMP_FORMATS[fmt]), from_graph=ox.DefaultGraph(),
                   prefixes=_prefixes() if fmt == "ttl" else None)
    if path.name == "graph.ttl" and path.parent.resolve() == out.resolve():
        stat = path.stat()
        meta = {"graph.ttl": {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}, "triples": len(store)}
        (out / _META).write_text(json.dumps(meta, sort_keys=True) + "\n", encoding="utf-8")
    return path


def remember_graph_ttl(out_dir: Path | str) -> None:
    """Record ``OUT/graph.ttl`` (size, modification time) in ``store.json`` as the store's own dump,
    after an output set moved it into place; later commands then query the store instead."""
    out = Path(out_dir)
    stat = (out / "graph.ttl").stat()
    meta = {"graph.ttl": {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns},
            "triples": len(open_store(out / STORE_DIR))}
    (out / _META).write_text(json.dumps(meta, sort_keys=True) + "\n", encoding="utf-8")


def open_store(path: Path | str) -> ox.Store:
    """Open a store read-only; GraphLoadError names the folder and the reason when it cannot."""
    import pyoxigraph as ox

    path = Path(path)
    if not path.is_dir():
        raise GraphLoadError(path, "no store here (build writes one into OUT/store/)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as error:
        raise GraphLoadError(path, f"cannot open the store: {error}") from error


def store_for(path: Path | str) -> Path | None:
    """The store to use for GRAPH (an output folder, or a graph.ttl written with its store), or None.

    A folder must hold a store; a graph.ttl uses the store beside it only if ``store.json``
    records this very file (same size and modification time), else the file is parsed.
    """
    path = Path(path)
    if path.is_dir():
        if not (path / STORE_DIR).is_dir():
            raise GraphLoadError(path, "a folder, but no store in it (give graph.ttl, or build into it)")
        return path / STORE_DIR
    meta_file = path.parent / _META
    if path.name != "graph.ttl" or not meta_file.is_file() or not (path.parent / STORE_DIR).is_dir():
        return None
    try:
        recorded = json.loads(meta_file.read_text(encoding="utf-8"))["graph.ttl"]
        stat = path.stat()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if recorded != {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}:
        return None
    return path.parent / STORE_DIR


def store_graph(path: Path | str) -> Graph:
    """An rdflib Graph over the store at ``path`` (oxrdflib), read in place, nothing parsed."""
    from oxrdflib import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from ..store import bind_prefixes

    graph = Graph(store=OxigraphStore(store=open_store(path)), identifier=DATASET_DEFAULT_GRAPH_ID)
    return bind_prefixes(graph)


def store_query(store: ox.Store, sparql: str) -> Any:
    """Run ``sparql`` (already checked by :func:`velferdsgraf.graph.query.check_query`) on ``store``.

    Returns a QueryResult with rdflib terms, so formatting is the same as for rdflib graphs.
    """
    from ..query import check_query

    kind = check_query(sparql)
    try:
        result = store.query(sparql, prefixes=_prefixes())
    except (SyntaxError, OSError, ValueError) as error:
        raise QueryError(f"query failed: {' '.join(str(error).split())}") from error
    try:
        return _converted(kind, result)
    finally:
        del result  # pyoxigraph results must die on this thread, not in a gc pass on another


def _converted(kind: str, result: Any) -> Any:
    from ..query import QueryResult, constructed_graph

    if kind == "ASK":
        return QueryResult(kind="ASK", boolean=bool(result))
    if kind == "SELECT":
        names = [v.value for v in result.variables]
        memo: dict[Any, Any] = {}  # rows repeat labels and IRIs: convert each term once
        rows = [tuple(memo[t] if t in memo else memo.setdefault(t, _rdflib_term(t)) for t in solution)
                for solution in result]
        return QueryResult(kind="SELECT", vars=names, rows=rows)
    return QueryResult(kind=kind, graph=constructed_graph(
        (_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)) for t in result))


def _rdflib_term(term: Any) -> Any:
    from oxrdflib._converter import from_ox

    return None if term is None else from_ox(term)
