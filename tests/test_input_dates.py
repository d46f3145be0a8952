"""Metadata dates to ISO 8601."""
from __future__ import annotations

import pytest

from velferdsgraf.input.dates import iso_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-02-27", "2019-02-27"),
        ("2019-02-27T10:00:00+01:00", "2019-02-27"),
        ("2019-02-27T10:00:00Z", "2019-02-27"),
        ("2019-02-27 10:00", "2019-02-27"),
        ("2019-02", "2019-02"),
        ("2019", "2019"),
        ("27.02.2019", "2019-02-27"),
        ("1.3.2021", "2021-03-01"),
        ("27. februar 2019", "2019-02-27"),
        ("3 desember 2020", "2020-12-03"),
        ("2019-02-30", None),
        ("2019-13", None),
        ("i fjor", None),
        ("", None),
        (None, None),
        (2019, None),
    ],
)
def test_dates_iso(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected
