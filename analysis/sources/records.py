"""Working records of one article's extraction: the cues found, the quotes found, and the
article's context (masked text, per-sentence words and tokens made on demand).
"""

from bisect import bisect_left
from dataclasses import dataclass, field

from ..knowledge import Mention
from ..knowledge.verbs import ReportingVerb
from ..text import Document
from .describe import Description
from .model import Form, Gender, QuoteKind, SpeakerType
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
class Entity:
    """One speaker while the article is read: the phrase that introduced it, what every
    later mention added, where it was named and which pronouns stood for it."""

    description: Description
    name: str
    role: str
    organization: str
    speaker_type: SpeakerType
    country: str
    anonymous: bool
    last_seen: int
    chain: list[str] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    pronouns: list[tuple[str, int]] = field(default_factory=list)  # (he/she, sentence)
    cues: list[int] = field(default_factory=list)  # offsets of its speaker phrases
    gender: Gender = ""
    gender_evidence: str = ""

    @property
    def form(self) -> Form:
        return self.description.form


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
    # The actors the article names (knowledge.find_mentions), in reading order, and the
    # outlet's country (ISO code, "" when unknown).
    mentions: tuple[Mention, ...] = ()
    outlet_country: str = ""
    # Per surname, where each full mention of it ends (found once, not once per quote).
    full_mentions: dict[str, list[int]] = field(default_factory=dict)
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _organizations: list[Mention] | None = None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie within [start, end), outside quotation marks."""
        first = bisect_left(self.mentions, start, key=lambda m: m.start)
        found = []
        for index in range(first, len(self.mentions)):
            mention = self.mentions[index]
            if mention.start >= end:
                break
            if mention.end <= end and self.masked[mention.start] != "▮":
                found.append(mention)
        return found

    def organizations(self) -> list[Mention]:
        """The organisations and international bodies named outside quotation marks, in
        reading order (found once per article)."""
        if self._organizations is None:
            self._organizations = [
                m
                for m in self.mentions
                if m.kind in ("organization", "international") and self.masked[m.start] != "▮"
            ]
        return self._organizations

    def tokens(self, sentence: int) -> list[Token]:
        """The tokens of a sentence, quotations masked, made when first asked for: a
        sentence with no quote and no reporting verb is never read word by word."""
        tokens = self._tokens.get(sentence)
        if tokens is None:
            bounds = self.document.sentences[sentence]
            tokens = self._tokens[sentence] = tokenize(self.masked, bounds.start, bounds.end)
        return tokens
