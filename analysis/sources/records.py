"""Working records of one article's extraction: the cues found, the quotes found, and the
article's context (masked text, per-sentence words and tokens made on demand).
"""

from dataclasses import dataclass, field

from ..knowledge.verbs import ReportingVerb
from ..text import Document
from .describe import Description
from .model import QuoteKind
from .tokens import Token, tokenize

# --- internal records --------------------------------------------------------------------


@dataclass
class Cue:
    """A speaker phrase with the verb that makes it a speaker."""

    speaker: Description
    at: int  # offset of the speaker phrase, for reading order
    verb: ReportingVerb | None
    cue: str
    rule: str
    chain: list[Description] = field(default_factory=list)
    antecedent: Description | None = None  # the sentence's subject, for a pronoun
    verb_at: int = -1


@dataclass
class Found:
    kind: QuoteKind
    start: int
    end: int
    sentence: int
    cue: Cue | None
    follows: "Found | None" = None  # the quote a continuation continues
    speaker: int | None = None
    chain: list[str] = field(default_factory=list)


@dataclass
class Context:
    document: Document
    masked: str
    words: list[frozenset[str]]  # per sentence, its words (see word_screen)
    # Per surname, where each full mention of it ends (found once, not once per quote).
    full_mentions: dict[str, list[int]] = field(default_factory=dict)
    _tokens: dict[int, list[Token]] = field(default_factory=dict)

    def tokens(self, sentence: int) -> list[Token]:
        """The tokens of a sentence, quotations masked, made when first asked for: a
        sentence with no quote and no reporting verb is never read word by word."""
        tokens = self._tokens.get(sentence)
        if tokens is None:
            bounds = self.document.sentences[sentence]
            tokens = self._tokens[sentence] = tokenize(self.masked, bounds.start, bounds.end)
        return tokens
