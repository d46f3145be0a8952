"""Dates found in metadata, turned into ISO 8601 (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "januar january jan",
            "februar february feb",
            "mars march mar",
            "april apr",
            "mai may",
            "juni june jun",
            "juli july jul",
            "august aug",
            "september sept sep",
            "oktober october okt oct",
            "november nov",
            "desember december des dec",
        ]
    )
    for name in names.split()
}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_WRITTEN = re.compile(r"(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})")


def iso_date(value: object) -> str | None:
    """ISO form of a metadata date, or None when it is not a valid date.

    >>> iso_date("2019-02-27T10:00:00+01:00"), iso_date("27.02.2019"), iso_date("27. februar 2019")
    ('2019-02-27', '2019-02-27', '2019-02-27')
    """
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if m := _ISO.fullmatch(text):
        year, month, day = m.groups()
        return _valid(int(year), month and int(month), day and int(day))
    if m := _DOTTED.fullmatch(text):
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    if (m := _WRITTEN.fullmatch(text)) and m[2] in _MONTHS:
        return _valid(int(m[3]), _MONTHS[m[2]], int(m[1]))
    return None


def _valid(year: int, month: int | None, day: int | None) -> str | None:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
