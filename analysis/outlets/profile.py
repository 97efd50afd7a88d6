"""`outlet_profiles(summaries) -> OutletProfiles`: each outlet's numbers over its articles.

The unit is the article: an outlet's tone is the mean of its articles' tones, and its
interval comes from resampling articles (a percentile bootstrap), not sentences, so an
outlet with one long article is not taken for a well-measured one. Source shares pool
the quotes of all the outlet's articles.
"""

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from .summary import COUNTRY, NO_FRAME, PRESENT, TYPE, members
from .words import Term, TermCounts, distinctive

CONFIDENCE = 0.95
# Resamples per interval: with 1000 the ends of a 95% percentile interval move by about
# 1-2% of the standard error from one seed to another (Efron & Tibshirani 1993, ch. 19).
RESAMPLES = 1000
SEED = 0
# Resampled values held at once (8 bytes each): bounds memory for an outlet of any size.
BOOTSTRAP_CELLS = 4_000_000
ROUND = 4


@dataclass(frozen=True)
class OutletProfile:
    """One outlet (or one outlet on one story) over its articles.

    `tone_ci` is None when fewer than two articles have a tone: one article says nothing
    about how much the outlet's articles vary, so the interval is unknown, not zero wide.
    Shares of quotes (`speaker_types`, `countries`, `named_share`) pool the quotes of
    every article; `dominant_frames` is the share of articles by dominant frame (`none`:
    no frame dominant) and sums to 1; `frames_present` the share of articles a frame is
    present in (an article may hold several)."""

    outlet: str
    story: str | None
    articles: int
    tone: float | None
    tone_ci: tuple[float, float] | None
    tone_articles: int
    quotes_per_article: float
    voices_per_article: float
    unsourced_per_article: float
    named_share: float | None
    speaker_types: dict[str, float]
    countries: dict[str, float]
    dominant_frames: dict[str, float]
    frames_present: dict[str, float]
    distinctive: tuple[Term, ...] = field(default=())


@dataclass(frozen=True)
class OutletProfiles:
    """Every outlet's profile, and each outlet's per story where stories are known.

    `words_from` says what the distinctive words were counted in: the articles' `text`,
    their `headlines` (a batch Parquet output holds no text), or `none`."""

    articles: int
    outlets: tuple[OutletProfile, ...]
    by_story: tuple[OutletProfile, ...]
    words_from: str
    resamples: int = RESAMPLES
    seed: int = SEED

    @property
    def unknown_intervals(self) -> tuple[str, ...]:
        """Outlets whose tone interval is unknown (fewer than two articles with a tone)."""
        return tuple(p.outlet for p in self.outlets if p.tone_ci is None)


def outlet_profiles(
    summaries: pd.DataFrame,
    terms: TermCounts | None = None,
    words_from: str = "none",
    seed: int = SEED,
    resamples: int = RESAMPLES,
) -> OutletProfiles:
    """Profiles of every outlet in per-article summaries (see `summary.summarise`), and of
    every outlet on every story when the summaries have a `story` column."""
    terms = terms or TermCounts()
    outlets = _profiles(summaries, ["outlet"], seed, resamples)
    words = _outlet_words(terms)
    outlets = [_with_words(p, words.get((p.outlet, ""), ())) for p in outlets]
    by_story: list[OutletProfile] = []
    if "story" in summaries and (summaries["story"] != "").any():
        known = summaries[summaries["story"] != ""]
        story_words = _story_words(terms)
        by_story = [
            _with_words(p, story_words.get((p.outlet, p.story or ""), ()))
            for p in _profiles(known, ["outlet", "story"], seed, resamples)
        ]
    return OutletProfiles(
        len(summaries), tuple(outlets), tuple(by_story), words_from, resamples, seed
    )


def _with_words(profile: OutletProfile, words: tuple[Term, ...]) -> OutletProfile:
    return profile if not words else OutletProfile(**{**profile.__dict__, "distinctive": words})


def _profiles(
    frame: pd.DataFrame, keys: list[str], seed: int, resamples: int
) -> list[OutletProfile]:
    """One profile per group of `keys`, every number computed for all groups at once."""
    if frame.empty:
        return []
    grouped = frame.groupby(keys[0] if len(keys) == 1 else keys, sort=True)
    groups = grouped.size()
    index = groups.index
    means = grouped[["quotes", "voices", "unsourced"]].mean().round(ROUND).to_dict("records")
    tone = grouped["tone"].agg(["mean", "count"]).to_dict("records")
    types, countries, present = (members(frame, p) for p in (TYPE, COUNTRY, PRESENT))
    sums = grouped[[*types, *countries, "named", "unnamed"]].sum()
    type_shares = _share_rows(sums[types], TYPE, keep_zero=True)
    country_shares = _share_rows(sums[countries], COUNTRY, keep_zero=False)
    named = sums["named"].to_numpy(float)
    quoted = named + sums["unnamed"].to_numpy(float)
    present_shares = (
        grouped[present].mean().round(ROUND).rename(columns=lambda c: c[len(PRESENT) :])
    ).to_dict("records")
    dominant = grouped["dominant"].value_counts(normalize=True).unstack(fill_value=0.0)
    dominant_shares = dominant.reindex(index, fill_value=0.0).to_dict("records")
    tones = frame["tone"].to_numpy(float)
    profiles = []
    for i, key in enumerate(index):
        label = key if isinstance(key, tuple) else (key,)
        values = tones[grouped.indices[key]]
        # Sorted, so that the same articles in another row order resample alike.
        values = np.sort(values[~np.isnan(values)])
        profiles.append(
            OutletProfile(
                outlet=str(label[0]),
                story=str(label[1]) if len(label) > 1 else None,
                articles=int(groups.iloc[i]),
                tone=_round(tone[i]["mean"]),
                tone_ci=bootstrap_ci(values, _rng(seed, label), resamples),
                tone_articles=int(tone[i]["count"]),
                quotes_per_article=float(means[i]["quotes"]),
                voices_per_article=float(means[i]["voices"]),
                unsourced_per_article=float(means[i]["unsourced"]),
                named_share=_share(named[i], quoted[i]),
                speaker_types=type_shares[i],
                countries=country_shares[i],
                dominant_frames=_frame_shares(dominant_shares[i]),
                frames_present={name: float(share) for name, share in present_shares[i].items()},
            )
        )
    return profiles


def bootstrap_ci(
    values: np.ndarray, rng: np.random.Generator, resamples: int = RESAMPLES
) -> tuple[float, float] | None:
    """The percentile bootstrap interval of the mean of `values` (None for fewer than 2),
    resampling in blocks so that memory stays bounded for any number of values."""
    n = len(values)
    if n < 2:
        return None
    block = max(1, BOOTSTRAP_CELLS // n)
    means = np.concatenate(
        [
            values[rng.integers(0, n, size=(min(block, resamples - start), n))].mean(axis=1)
            for start in range(0, resamples, block)
        ]
    )
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return round(float(low), ROUND), round(float(high), ROUND)


def _rng(seed: int, key: Sequence[str]) -> np.random.Generator:
    """A generator per group, from the seed and the group's name: an outlet's interval
    does not change when other outlets are added or the rows come in another order."""
    return np.random.default_rng([seed, zlib.crc32("\x1f".join(key).encode("utf-8"))])


def _round(value: float) -> float | None:
    return None if pd.isna(value) else round(float(value), ROUND)


def _share(part: float, whole: float) -> float | None:
    return round(float(part) / float(whole), ROUND) if whole else None


def _share_rows(counts: pd.DataFrame, prefix: str, keep_zero: bool) -> list[dict[str, float]]:
    """Each group's counts as shares of its total, largest first ({} for no counts)."""
    names = [column[len(prefix) :] for column in counts.columns]
    values = counts.to_numpy(float)
    totals = values.sum(axis=1)
    rows: list[dict[str, float]] = []
    for row, total in zip(values, totals, strict=True):
        shares = row / total if total else row
        rows.append(
            {
                names[j]: round(float(shares[j]), ROUND)
                for j in np.argsort(-shares, kind="stable")
                if total and (keep_zero or shares[j] > 0)
            }
        )
    return rows


def _frame_shares(shares: dict[str, float]) -> dict[str, float]:
    """Shares of articles by dominant frame, largest first, `none` last."""
    ordered = sorted((name for name in shares if shares[name] > 0), key=lambda n: -shares[n])
    ordered = [n for n in ordered if n != NO_FRAME] + [n for n in ordered if n == NO_FRAME]
    return {str(name): round(float(shares[name]), ROUND) for name in ordered}


def _outlet_words(terms: TermCounts) -> dict[tuple[str, str], tuple[Term, ...]]:
    """Each outlet's distinctive words against all other outlets, keyed (outlet, "")."""
    if not terms.groups:
        return {}
    outlets = sorted({outlet for outlet, _ in terms.groups})
    index = {outlet: i for i, outlet in enumerate(outlets)}
    rows = [index[outlet] for outlet, _ in terms.groups]
    member = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, list(terms.groups.values()))),
        shape=(len(outlets), len(terms.groups)),
    )
    counts = (member @ terms.counts).tocsr()
    found = distinctive(counts, terms.terms())
    return {(outlet, ""): found[i] for outlet, i in index.items()}


def _story_words(terms: TermCounts) -> dict[tuple[str, str], tuple[Term, ...]]:
    """Each outlet's distinctive words on a story against the other outlets on that story."""
    words: dict[tuple[str, str], tuple[Term, ...]] = {}
    names = terms.terms()
    for story in sorted({story for _, story in terms.groups if story}):
        keys = [key for key in terms.groups if key[1] == story]
        found = distinctive(terms.counts[[terms.groups[k] for k in keys]].tocsr(), names)
        words |= dict(zip(keys, found, strict=True))
    return words
