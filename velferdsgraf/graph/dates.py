"""Dates written in report text (bokmål, nynorsk, Danish, Swedish), resolved against the report's date.

>>> [d.value for d in find_dates("Onsdag 27. februar 2019 og 14.03.2024", None)]
['2019-02-27', '2024-03-14']
>>> [d.value for d in find_dates("Seminaret 26. september samlet mange.", "2023-11-09")]
['2023-09-26']
>>> [d.value for d in find_dates("Seminaret 26. september samlet mange.", None)]
['--09-26']

A date without a year takes the occurrence nearest the report's date; when the report has
no date, no year is invented and the value stays partial (``--MM-DD``, ``--MM``).
(``velferdsgraf.input.dates`` reads whole metadata values; this module scans running text.)
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["TextDate", "date_near", "event_date", "find_dates", "nearest_date"]

_MONTH_NAMES = [
    "januar january januari",
    "februar february februari",
    "mars march marts",
    "april",
    "mai may maj",
    "juni june",
    "juli july",
    "august augusti",
    "september",
    "oktober october",
    "november",
    "desember december",
]
_MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names.split()}
# Short forms are only read after a day number ("27. feb. 2019"), where they cannot be words.
_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SHORT_MONTH = "|".join(sorted(set(_SHORT) - set(_MONTHS), key=len, reverse=True))

# "27. februar 2019", "27.–28. feb. 2019", "1. og 2. mars", "den 27. februar" (Danish).
_DAY_MONTH = re.compile(
    rf"(?<![\w.\-–/])(?P<day>[0-3]?\d)\.?(?:\s*(?:[-–]|og|til|and|och)\s*[0-3]?\d\.?)?"
    rf"\s+(?P<month>{_MONTH}|(?:{_SHORT_MONTH})\.?)(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w])",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\w|\.\d)")
_ISO = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")
# "i mars 2023", "mars 2023", "i mars" (the month alone needs the preposition).
_MONTH_YEAR = re.compile(rf"(?<![\w.])(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)(?!\w)", re.IGNORECASE)
_DATE_LINE = re.compile(r"[ \t]*\r?\n[ \t]*(?:dato|tid|tidspunkt|når|date|dag)\s*:\s*", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"(?<![\w.])(?:i|in|fra|frå)\s+(?P<month>{_MONTH})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date found in text; ``start``/``end`` index the text.

    ``value`` is ISO 8601 when the year is known (``2019-02-27``, ``2023-03``) and an XML
    Schema partial date when it is not (``--09-26``, ``--03``); ``datatype`` names the XSD type
    (``date``, ``gYearMonth``, ``gMonthDay``, ``gMonth``). ``year_from_text`` says whether the
    year was written (False: taken from the report's date).
    """

    start: int
    end: int
    value: str
    datatype: str
    year_from_text: bool = True

    @property
    def has_day(self) -> bool:
        """Whether the date names a day (not only a month)."""
        return self.datatype in ("date", "gMonthDay")


def find_dates(text: str, report_date: str | None = None) -> list[TextDate]:
    """Every date in ``text``, sorted by offset; partial ones resolved against ``report_date``."""
    found: list[TextDate] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: TextDate | None) -> None:
        if value is not None and not any(s < end and start < e for s, e in taken):
            found.append(value)
            taken.append((start, end))

    for m in _ISO.finditer(text):
        add(m.start(), m.end(), _full(m, int(m["day"]), int(m["month"])))
    for m in _NUMERIC.finditer(text):
        add(m.start(), m.end(), _full(m, int(m["day"]), int(m["month"])))
    for m in _DAY_MONTH.finditer(text):
        month = _month_number(m["month"])
        if month is None:
            continue
        if m["year"]:
            add(m.start(), m.end(), _full(m, int(m["day"]), month))
        else:
            add(m.start(), m.end(), _day_month(m.start(), m.end(), int(m["day"]), month, report_date))
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), TextDate(m.start(), m.end(), f"{int(m['year']):04d}-{_MONTHS[m['month'].lower()]:02d}",
                                         "gYearMonth"))
    for m in _MONTH_ALONE.finditer(text):
        start = m.start("month")
        add(start, m.end(), _month_alone(start, m.end(), _MONTHS[m["month"].lower()], report_date))
    return sorted(found, key=lambda d: (d.start, d.end))


def nearest_date(dates: Sequence[TextDate], start: int, end: int, window: tuple[int, int]) -> TextDate | None:
    """The date inside ``window`` (character span) closest to the span ``start``..``end``."""
    inside = [d for d in dates if window[0] <= d.start and d.end <= window[1]]
    if not inside:
        return None
    return min(inside, key=lambda d: (max(start - d.end, d.start - end, 0), d.start))


def date_near(text: str, dates: Sequence[TextDate], start: int, end: int,
              sentence: tuple[int, int]) -> TextDate | None:
    """The date given for a mention at ``start``..``end``: the nearest one in its ``sentence``,
    else one on a "Dato:"/"Tid:" line right after that sentence."""
    found = nearest_date(dates, start, end, sentence)
    if found is not None:
        return found
    line = _DATE_LINE.match(text, sentence[1])
    if line is None:
        return None
    return nearest_date(dates, line.end(), line.end(), (line.end(), line.end() + 60))


def event_date(candidates: Iterable[TextDate]) -> TextDate | None:
    """The one start date of an event read in several places: a written year and a day first,
    then the most frequent value, then the earliest."""
    counts: dict[str, int] = {}
    best: dict[str, TextDate] = {}
    for d in candidates:
        counts[d.value] = counts.get(d.value, 0) + 1
        best.setdefault(d.value, d)
    if not best:
        return None
    rank = {"date": 0, "gYearMonth": 1, "gMonthDay": 2, "gMonth": 3}
    value = min(best, key=lambda v: (not best[v].year_from_text, rank[best[v].datatype], -counts[v], v))
    return best[value]


def _month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    return _MONTHS.get(key) or _SHORT.get(key)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full(m: re.Match[str], day: int, month: int) -> TextDate | None:
    found = _valid(int(m["year"]), month, day)
    return TextDate(m.start(), m.end(), found.isoformat(), "date") if found else None


def _reference(report_date: str | None) -> tuple[date, str] | None:
    """The report's date as a day to measure from, and its precision ("day", "month", "year")."""
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", report_date or "")
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if day and (found := _valid(year, month, day)):
        return found, "day"
    if 1 <= month <= 12:
        return date(year, month, 15), "month"
    return date(year, 7, 2), "year"


def _day_month(start: int, end: int, day: int, month: int, report_date: str | None) -> TextDate | None:
    ref = _reference(report_date)
    if ref is None:
        if _valid(2000, month, day) is None:  # 2000 is a leap year: 29 February stays possible
            return None
        return TextDate(start, end, f"--{month:02d}-{day:02d}", "gMonthDay", False)
    when, precision = ref
    years = [when.year] if precision == "year" else [when.year - 1, when.year, when.year + 1]
    options = [d for y in years if (d := _valid(y, month, day))]
    if not options:
        return None
    chosen = min(options, key=lambda d: (abs((d - when).days), d))
    return TextDate(start, end, chosen.isoformat(), "date", False)


def _month_alone(start: int, end: int, month: int, report_date: str | None) -> TextDate | None:
    ref = _reference(report_date)
    if ref is None:
        return TextDate(start, end, f"--{month:02d}", "gMonth", False)
    when, precision = ref
    years = [when.year] if precision == "year" else [when.year - 1, when.year, when.year + 1]
    here = when.year * 12 + when.month
    year = min(years, key=lambda y: (abs(y * 12 + month - here), y))
    return TextDate(start, end, f"{year:04d}-{month:02d}", "gYearMonth", False)
