"""Seeded percentile bootstrap intervals of means over sentences: the uncertainty every
article and outlet tone is shown with.
"""

from collections.abc import Iterator
from functools import lru_cache

import numpy as np

CI_LEVEL = 0.90
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20180830
# At most this many resampled sentence indices are held in memory at once.
BOOTSTRAP_BLOCK = 1_000_000
# Resampling weights of articles up to this many sentences are kept (16 sizes, < 40 MB).
CACHED_COUNTS = 150


def bootstrap_intervals(values: np.ndarray) -> list[tuple[float, float]]:
    """Percentile bootstrap interval of the column means, resampling rows (sentences)."""
    count = len(values)
    blocks = _cached_weights(count) if count <= CACHED_COUNTS else _weights(count)
    means = np.concatenate([weights @ values for weights in blocks])
    tail = (1 - CI_LEVEL) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail], axis=0)
    return [(round(float(lo), 4), round(float(hi), 4)) for lo, hi in zip(low, high, strict=True)]


def _weights(count: int) -> Iterator[np.ndarray]:
    """For each seeded resample, how often each of `count` rows is drawn, over `count`, so
    that the resample means are one matrix product. Resamples come a block at a time, so a
    long article does not need gigabytes; the random stream is the same either way."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    rows = max(1, BOOTSTRAP_BLOCK // count)
    for first in range(0, BOOTSTRAP_SAMPLES, rows):
        block = min(rows, BOOTSTRAP_SAMPLES - first)
        picks = rng.integers(0, count, size=(block, count))
        drawn = np.bincount(
            (picks + np.arange(block)[:, None] * count).ravel(), minlength=picks.size
        )
        yield drawn.reshape(block, count) / count


@lru_cache(maxsize=16)
def _cached_weights(count: int) -> tuple[np.ndarray, ...]:
    """The same draws for every article with `count` sentences: drawn once."""
    return tuple(_weights(count))
