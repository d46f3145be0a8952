"""The velferdsgraf ontology and SHACL shapes, shipped as package data."""
from __future__ import annotations

from importlib.resources import files

from rdflib import Graph

from .namespace import ORG, PREFIXES, SCHEMA, VG, VGID, WD

__all__ = ["ORG", "PREFIXES", "SCHEMA", "VG", "VGID", "WD", "load_ontology", "load_shapes"]


def _load(name: str) -> Graph:
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def load_ontology() -> Graph:
    """The OWL ontology of every vg: term, parsed fresh on each call (callers may add to it)."""
    return _load("velferdsgraf.ttl")


def load_shapes() -> Graph:
    """The SHACL shapes a graph built by velferdsgraf conforms to, parsed fresh on each call."""
    return _load("shapes.ttl")
