"""World knowledge the analyzers rely on: who the actors are and how texts name them."""

from .actors import Actor, ActorKind, Mention, find_mentions, gazetteer

__all__ = ["Actor", "ActorKind", "Mention", "find_mentions", "gazetteer"]
