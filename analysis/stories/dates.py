"""An article's date as the span of days it may mean: `2023-06-14` is one day, `2023-06`
a month, `2023` a year; anything else is no date."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

ISO_PREFIX = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)")


@dataclass(frozen=True)
class Day:
    """A date as given (`text`, normalised to ISO) and its first and last possible day."""

    text: str
    first: date
    last: date


def parse_day(value: str) -> Day | None:
    """The span of days an ISO-like date names, or None when it names none."""
    match = ISO_PREFIX.match(value or "")
    if not match:
        return None
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        if day:
            exact = date(year, month, day)
            return Day(exact.isoformat(), exact, exact)
        if month:
            last = calendar.monthrange(year, month)[1]
            return Day(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last))
        return Day(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    except ValueError:  # month 13, day 31 of June, year 0
        return None
