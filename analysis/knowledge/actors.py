"""Mentions of actors (countries, alliances) from the gazetteer in data/actors.toml."""

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..resources import load_toml
from .trie import trie_pattern

ActorKind = Literal["country", "organization"]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """One place where the text names an actor, with the exact words used."""

    actor: str
    alias: str
    start: int
    end: int


@cache
def gazetteer() -> dict[str, Actor]:
    return {
        entry["id"]: Actor(
            entry["id"],
            entry["name"],
            entry["kind"],
            entry.get("country", ""),
            tuple(entry["aliases"]),
        )
        for entry in load_toml("actors.toml")["actor"]
    }


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    owner = {alias: actor.id for actor in gazetteer().values() for alias in actor.aliases}
    return re.compile(rf"(?<![\w.]){trie_pattern(owner)}(?!\w)"), owner


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every actor mention in `text`, longest alias first where aliases overlap."""
    pattern, owner = _alias_pattern()
    return tuple(
        Mention(owner[m.group()], m.group(), m.start(), m.end()) for m in pattern.finditer(text)
    )
