"""World knowledge the analyzers rely on: who the actors are and how texts name them."""

from .actors import Actor, Mention, find_mentions, gazetteer

__all__ = ["Actor", "Mention", "find_mentions", "gazetteer"]
