"""Tone profiles for the Compare page: each outlet's tone over its few articles, weighted
by their words, with the spread between them. Read from the same per-article summaries
as the outlet profiles over many articles (`analysis.outlets`)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..report import Report

if TYPE_CHECKING:
    import pandas as pd

SPREADS = ("polarity", "subjectivity", "vader", "narration_polarity", "quoted_polarity")


@dataclass(frozen=True)
class Spread:
    """A mean over an outlet's articles weighted by their words, with the lowest and
    highest article values (equal when the outlet has one article)."""

    mean: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ToneProfile:
    outlet: str
    articles: tuple[str, ...]
    words: int
    polarity: Spread
    subjectivity: Spread
    vader: Spread
    narration_polarity: Spread
    quoted_polarity: Spread


def tone_profiles(reports: Sequence[Report]) -> tuple[ToneProfile, ...]:
    """Each outlet's tone, its articles weighted by their words, with the spread between
    them; outlets in the order their first article comes."""
    if not reports:
        return ()
    # Imported here: pandas and the outlets package (scikit-learn, SciPy) would otherwise
    # load with `import analysis` and double every start-up.
    from ..outlets.summary import summaries_from_reports

    summaries = summaries_from_reports(reports)
    weights = summaries["words"].clip(lower=1)
    profiles = []
    for outlet, members in summaries.groupby("outlet", sort=False):
        profiles.append(
            ToneProfile(
                str(outlet),
                tuple(members["id"]),
                int(members["words"].sum()),
                *(spread(members[name], weights[members.index]) for name in SPREADS),
            )
        )
    return tuple(profiles)


def spread(values: "pd.Series", weights: "pd.Series") -> Spread:
    """Weighted mean of the values an article has, with their range."""
    has = values.notna()
    if not has.any():
        return Spread(None, None, None)
    values, weights = values[has], weights[has]
    mean = float((values * weights).sum() / weights.sum())
    return Spread(round(mean, 4), float(values.min()), float(values.max()))
