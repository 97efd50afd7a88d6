"""World knowledge the analyzers rely on, and the actors a text names with it.

`load_knowledge()` is the knowledge pack (countries, international bodies, institutions,
groups, the words of names), built from well-kept packages and the pack's data files;
`find_mentions(text)` finds the countries, bodies, organisations, people and groups a text
names.
"""

from .mentions import ActorKind, Mention, find_mentions
from .pack import Knowledge, load_knowledge

__all__ = ["ActorKind", "Knowledge", "Mention", "find_mentions", "load_knowledge"]
