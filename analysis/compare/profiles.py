"""Outlet profiles: each column's headline numbers with their spread over its articles."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..report import Report


@dataclass(frozen=True)
class Spread:
    """A mean over an outlet's articles weighted by their words, with the lowest and
    highest article values (equal when the outlet has one article)."""

    mean: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class OutletProfile:
    outlet: str
    articles: tuple[str, ...]
    words: int
    polarity: Spread
    subjectivity: Spread
    vader: Spread
    narration_polarity: Spread
    quoted_polarity: Spread


# --- outlet profiles ------------------------------------------------------------------


def outlet_profiles(reports: Sequence[Report]) -> tuple[OutletProfile, ...]:
    """Each outlet's tone, its articles weighted by their words, with the spread between them."""
    by_outlet: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_outlet[report.article.outlet or f"article {report.article.id}"].append(report)
    return tuple(
        OutletProfile(
            outlet,
            tuple(r.article.id for r in members),
            sum(r.words for r in members),
            spread(members, lambda r: r.sentiment.polarity),
            spread(members, lambda r: r.sentiment.subjectivity),
            spread(members, lambda r: r.sentiment.vader),
            spread(members, lambda r: r.sentiment.narration.polarity),
            spread(members, lambda r: r.sentiment.quoted.polarity),
        )
        for outlet, members in by_outlet.items()
    )


def spread(reports: Sequence[Report], value: Callable[[Report], float | None]) -> Spread:
    """Word-weighted mean of `value` over the reports that have one, with its range."""
    pairs = [(v, r.words) for r in reports if (v := value(r)) is not None]
    if not pairs:
        return Spread(None, None, None)
    values = [v for v, _ in pairs]
    weights = [max(1, w) for _, w in pairs]
    mean = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
    return Spread(round(mean, 4), min(values), max(values))
