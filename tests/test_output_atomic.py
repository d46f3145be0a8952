"""Atomic writes: the old file survives a failed write and no temporary file is left."""
from __future__ import annotations

import os

import pytest
from rdflib import Graph

from velferdsgraf.output import write_outputs
from velferdsgraf.output.atomic import (
    atomic_open,
    atomic_write_bytes,
    atomic_write_text,
)


def test_atomic_write_replaces_file(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    atomic_write_text(path, "nytt innhold æøå")
    assert path.read_text(encoding="utf-8") == "nytt innhold æøå"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_atomic_open_error_keeps_old_file_and_removes_temp(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_open(path) as handle:
        handle.write(b"half a fi")
        raise RuntimeError("serializer broke")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_atomic_writer_keeps_old_file_when_serialization_raises(tmp_path, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old")

    def broken(self, *args, **kwargs):
        raise ValueError("cannot serialize")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(ValueError):
        write_outputs(Graph(), tmp_path, ["ttl"])
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_atomic_write_keeps_mode_of_replaced_file(tmp_path):
    path = tmp_path / "graph.nt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o640


def test_atomic_write_into_missing_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "missing" / "graph.nt", b"x")
    assert os.listdir(tmp_path) == []
