"""A story's actors measured against hand annotation (docs/annotating-actors.md).

Per story, the articles are analysed together as the dashboard does, and the actors it
shows (the story's central actors, each with a "tone of sentences mentioning X" row) are
matched to the annotated ones by name, alias or country code. Two figures: the share of the central actors that are
shown, and the share of shown actors that match no annotated actor at all (places shown as
people, fragments, a headline word); the latter are listed for a reader to check.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..compare.actors import StoryActor, story_actors
from ..corpus import Article
from ..datafile import parse_toml
from ..errors import DataFileError
from .gold import analyzed, fmt, gold_article


@dataclass(frozen=True)
class StoryActors:
    story: str
    articles: int
    central: tuple[str, ...]
    missed: tuple[str, ...]
    shown: tuple[str, ...]
    not_actors: tuple[str, ...]


@dataclass(frozen=True)
class ActorEvaluation:
    section: str
    gold: str
    stories: tuple[StoryActors, ...]
    central_recall: float | None
    not_actor_share: float | None

    def to_text(self) -> str:
        central = sum(len(s.central) for s in self.stories)
        shown = sum(len(s.shown) for s in self.stories)
        lines = [
            f"actors: {self.gold}, {len(self.stories)} stories: central actors shown "
            f"{fmt(self.central_recall)} (of {central}); shown actors that are no annotated "
            f"actor {fmt(self.not_actor_share)} (of {shown})"
        ]
        for story in self.stories:
            lines.append(
                f"  {story.story}: {len(story.central) - len(story.missed)}/{len(story.central)} "
                f"central shown; {len(story.shown)} shown"
            )
            if story.missed:
                lines.append(f"    missed: {', '.join(story.missed)}")
            if story.not_actors:
                lines.append(f"    not annotated: {', '.join(story.not_actors)}")
        return "\n".join(lines)


def normal(name: str) -> str:
    """A name as compared: lower case, no leading article, no punctuation."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip().lower())
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def _names(actor: dict[str, Any]) -> set[str]:
    names = {normal(actor["name"]), *(normal(alias) for alias in actor.get("aliases", []))}
    if actor.get("kind") == "country" and actor.get("country"):
        names.add(normal(actor["country"]))
    return names - {""}


def _shown_names(actor: StoryActor) -> set[str]:
    names = {actor.name, *actor.aliases}
    return names | ({actor.country} if actor.kind in ("country", "international") else set())


def evaluate_actors(path: Path, folders: Sequence[Path]) -> ActorEvaluation:
    data = parse_toml(path.read_text("utf-8"), str(path))
    stories = []
    for number, story in enumerate(data.get("story", []), 1):
        if not isinstance(story.get("files"), list) or not story.get("actor"):
            raise DataFileError(f"{path}: story {number} needs `files` and [[story.actor]]")
        articles: list[Article] = [gold_article(name, folders, path) for name in story["files"]]
        shown = [a for a in story_actors([analyzed(a) for a in articles]) if a.central]
        gold = story["actor"]
        matched = [
            next((g for g in gold if _names(g) & {normal(n) for n in _shown_names(a)}), None)
            for a in shown
        ]
        found = {id(g) for g in matched if g is not None}
        central = [g for g in gold if g.get("central")]
        stories.append(
            StoryActors(
                story.get("id", f"story {number}"),
                len(articles),
                tuple(g["name"] for g in central),
                tuple(g["name"] for g in central if id(g) not in found),
                tuple(a.name for a in shown),
                tuple(a.name for a, g in zip(shown, matched, strict=True) if g is None),
            )
        )
    central_total = sum(len(s.central) for s in stories)
    shown_total = sum(len(s.shown) for s in stories)
    return ActorEvaluation(
        "actors",
        path.name,
        tuple(stories),
        _share(central_total - sum(len(s.missed) for s in stories), central_total),
        _share(sum(len(s.not_actors) for s in stories), shown_total),
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
