"""How well found stories match the true ones: purity and inverse purity.

Purity: each found story counted by its largest true story, over all articles (low when
stories mix). Inverse purity: each true story counted by the found story holding most of
it (low when a story is split). Both are 1 for a perfect grouping.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus import MANIFEST, read_manifest
from ..stories import Story, find_stories, read_inputs


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


def true_stories(folders: Sequence[Path]) -> dict[str, str]:
    """The true story of each article file of the folders: its manifest `note` up to the
    first ";" (how the dev sets are annotated)."""
    truth = {}
    for folder in folders:
        for name, metadata in read_manifest(folder / MANIFEST).items():
            truth[name] = metadata.get("note", "").split(";")[0].strip()
    return truth


def evaluate_folders(folders: Sequence[Path]) -> tuple[StoryScores, tuple[Story, ...]]:
    """The stories found in the annotated folders, and how well they match the truth."""
    truth = true_stories(folders)
    stories = find_stories(read_inputs(folders))
    groups = [[member.file for member in story.members] for story in stories]
    return score_stories(groups, truth), stories
