"""What the sources layer finds: quotes, speakers, unsourced claims and the source mix.

The option sets are `Literal` types (`QuoteKind`, `SpeakerType`, `Form`), so a type checker
catches a misspelt kind.
"""

from dataclasses import dataclass
from typing import Literal, get_args

from ..text import Span

SpeakerType = Literal[
    "official", "legislator", "expert", "media", "civil_society", "international", "other"
]
Gender = Literal["female", "male", "unknown", ""]
Form = Literal["name", "role", "institution", "pronoun"]

QuoteKind = Literal["direct", "continuation", "partial", "indirect"]
UnsourcedKind = Literal["adverb", "passive", "group"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "continuation", "partial", "indirect")
MARKED_KINDS: tuple[QuoteKind, ...] = ("direct", "continuation", "partial")
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)
GENDERS: tuple[Gender, ...] = ("female", "male", "unknown", "")


@dataclass(frozen=True)
class Quote(Span):
    """One quotation or piece of reported speech, with who said it and the words that
    say so. `text` is the part inside the marks (direct, continuation, partial) or the
    reported clause (indirect); `cue` the reporting verb as printed ("told", "according
    to"), `rule` the construction that attributed it; `chain` the outlets it came
    through (`according to Defense One`), nearest first."""

    kind: QuoteKind
    text: str
    speaker: str
    speaker_id: int | None
    speaker_type: SpeakerType | None
    country: str
    named: bool
    cue: str
    verb: str
    verb_category: str
    rule: str
    sentence: int
    chain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """One voice in the article, with every quote attributed to it (indices into quotes).

    `name` is the personal name, or the description as first printed when unnamed
    ("a senior state department official", "the Kremlin"). `gender` is "female" or
    "male" when the text shows it (a pronoun, Mr/Ms, a gendered title) or the first name
    does, "unknown" for a person it leaves open, "" for institutions and groups;
    `gender_evidence` says what showed it ("she (sentence 4)", "first name").
    `described_in` lists the other articles of a selection whose description of this
    person filled what this article leaves blank (compare.share_descriptions)."""

    id: int
    name: str
    role: str
    organization: str
    speaker_type: SpeakerType
    country: str
    named: bool
    anonymous: bool
    form: Form
    quotes: tuple[int, ...]
    chain: tuple[str, ...] = ()
    gender: Gender = ""
    gender_evidence: str = ""
    described_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unsourced(Span):
    """A claim attributed to nobody in particular: `reportedly`, `critics say`,
    `it is understood`. start/end cover the cue words."""

    cue: str
    kind: UnsourcedKind
    sentence: int


@dataclass(frozen=True)
class SourceMix:
    """Who gets to speak in one article. Quote counts and shares include every kind of
    quote; `voices` counts distinct speakers; `quoted_word_share` is the share of the
    article's words inside direct, continuation and partial quotes; `by_gender` counts
    the voices that are people by gender (institutions and groups are left out)."""

    quotes: int
    by_kind: dict[str, int]
    voices: int
    by_type: dict[str, int]
    type_shares: dict[str, float]
    voices_by_type: dict[str, int]
    by_gender: dict[str, int]
    by_country: dict[str, int]
    country_shares: dict[str, float]
    named: int
    unnamed: int
    named_share: float | None
    anonymous: int
    quoted_words: int
    quoted_word_share: float
    countries_mentioned: tuple[str, ...]
    countries_quoted: tuple[str, ...]
    countries_unheard: tuple[str, ...]
    verbs: dict[str, int]
    verb_categories: dict[str, int]
    unsourced: int


@dataclass(frozen=True)
class Sources:
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    unsourced: tuple[Unsourced, ...]
    source_mix: SourceMix

    @property
    def quoted_spans(self) -> tuple[Span, ...]:
        """Spans of the words in quotation marks that a speaker said (direct, continuation,
        partial): what sentiment and framing count as quoted rather than narration."""
        return tuple(Span(q.start, q.end) for q in self.quotes if q.kind in MARKED_KINDS)
