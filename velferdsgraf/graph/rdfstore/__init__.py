"""The persistent embedded store (pyoxigraph on disk) and what runs over it: serve and push."""
from __future__ import annotations

from .store import (
    STORE_DIR,
    dump_store,
    install_store,
    open_store,
    remember_graph_ttl,
    store_for,
    store_graph,
    stage_store,
    store_query,
    write_store,
    write_store_format,
)

__all__ = ["STORE_DIR", "dump_store", "install_store", "stage_store", "open_store", "remember_graph_ttl", "store_for", "store_graph", "store_query", "write_store",
           "write_store_format"]
