"""How well found stories match the true ones: purity and inverse purity.

Purity: each found story counted by its largest true story, over all articles (low when
stories mix). Inverse purity: each true story counted by the found story holding most of
it (low when a story is split). Both are 1 for a perfect grouping.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class StoryScores:
    """Purity and inverse purity of a grouping, over `articles` articles."""

    purity: float
    inverse_purity: float
    articles: int
    found: int
    true: int


def purity(found: Sequence[Sequence[str]], truth: Mapping[str, str]) -> float:
    """Share of articles in the largest true story of their found story."""
    total = sum(len(group) for group in found)
    if not total:
        raise ValueError("no articles to score")
    return (
        sum(max(Counter(truth[item] for item in group).values()) for group in found if group)
        / total
    )


def inverse_purity(found: Sequence[Sequence[str]], truth: Mapping[str, str]) -> float:
    """Share of articles in the found story that holds most of their true story."""
    where = {item: index for index, group in enumerate(found) for item in group}
    stories: dict[str, list[str]] = {}
    for item in where:
        stories.setdefault(truth[item], []).append(item)
    return purity(list(stories.values()), {item: str(where[item]) for item in where})


def score_stories(found: Sequence[Sequence[str]], truth: Mapping[str, str]) -> StoryScores:
    """Both measures of a grouping of articles (by name) against their true stories."""
    return StoryScores(
        purity(found, truth),
        inverse_purity(found, truth),
        sum(len(group) for group in found),
        len(found),
        len(set(truth[item] for group in found for item in group)),
    )
