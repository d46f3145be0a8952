"""merges.csv: every surface form that resolution attached to another name, and why.

Reasons (from :mod:`velferdsgraf.graph.resolve`): part of a full name or a one-part misspelling
in the same report, a misspelling better attested in other reports, an alias rule (the shipped
``aliases.tsv``, the organisation lexicon, or the user's ``--aliases`` file, with file and line),
a gazetteer name (abbreviation, "Bærum kommune"), the same name after normalisation, or a name
the extractor read differently (a genitive).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..graph.resolve import Resolution
from .atomic import atomic_write_text

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A cell that cannot run as a formula: OWASP's advice, a ``'`` before a leading = + - @ tab or CR.

    Report and alias text reach merges.csv verbatim, so ``=HYPERLINK(…)`` in a report would
    otherwise be a live link (or a command) when the file is opened in a spreadsheet.
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def merges_csv(resolution: Resolution) -> str:
    """The merge table as CSV text (entity IRI path, label, form, report, reason), sorted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["entity", "label", "form", "report", "reason"])
    rows = {
        tuple(map(neutralise_cell, (m.entity, resolution.entities[m.entity].label, m.form, m.doc_id, m.reason)))
        for m in resolution.merges
        if m.entity in resolution.entities
    }
    writer.writerows(sorted(rows))
    return buffer.getvalue()


def write_merges(resolution: Resolution, path: Path) -> Path:
    """Write merges.csv atomically; returns the path."""
    atomic_write_text(path, merges_csv(resolution))
    return path
