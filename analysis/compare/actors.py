"""The story's actors: who the selected articles talk about, as the dashboard shows them."""

from collections.abc import Sequence

from ..knowledge import gazetteer
from ..report import Report


def story_actors(reports: Sequence[Report]) -> list[tuple[str, set[str]]]:
    """Every actor with a "tone of sentences mentioning X" row in any of the reports, most
    mentioned first, as its name and every name it goes by."""
    actors = gazetteer()
    counts: dict[str, int] = {}
    for report in reports:
        for tone in report.sentiment.toward:
            counts[tone.actor] = counts.get(tone.actor, 0) + len(tone.sentences)
    ranked = sorted(counts, key=lambda actor: -counts[actor])
    return [
        (actors[a].name, {actors[a].name, *actors[a].aliases, actors[a].country} - {""})
        for a in ranked
    ]
