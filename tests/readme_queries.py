"""The SPARQL queries of README.md (each ``velferdsgraf query out/graph.ttl '…'``), for tests and benchmarks."""
from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
_QUERY = re.compile(r"velferdsgraf query out/graph\.ttl '\n(.*?)'", re.S)


def readme_queries(readme: Path = README) -> list[str]:
    """Every query the README runs with ``velferdsgraf query``, in order."""
    return _QUERY.findall(readme.read_text("utf-8"))
