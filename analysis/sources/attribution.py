"""Quoted sources: every quotation in an article, who said it, and the article's source mix.

A quote is `direct` (a statement in quotation marks with a cue: `“…,” X said`),
`continuation` (a quoted sentence with no cue of its own right after a direct quote),
`partial` (a quoted fragment inside the author's sentence: `what she called “…”`) or
`indirect` (reported speech without marks: `X said (that) …`, `…, officials said`,
`according to X, …`). Quoted terms with no speaker (`the “2+2” dialogue`) are scare
quotes and are not counted; `reportedly`, `critics say` and `it is understood` are
unsourced claims, recorded separately.

Each attribution construction is one small function below (`_cue_after_quote`,
`_cue_before_quote`, `_reported_clause`, `_trailing_cue`, `_participle_cue`, ...);
speakers are then resolved in reading order, so that `Pérez said`, `the official said`
and `she said` point back to the speaker introduced earlier. The words the rules use are
data files (see analysis/speakers.py).
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Literal

from .actors import Mention, gazetteer, trie_pattern
from .speakers import (
    PRONOUNS,
    Description,
    Form,
    ReportingVerb,
    SpeakerType,
    Token,
    anonymity_pattern,
    apposition_after,
    describe,
    describes_speaker,
    is_boundary,
    is_determiner,
    is_personal_name,
    is_vague_group,
    one_article,
    phrase_after,
    phrase_before,
    phrases,
    reporting_verbs,
    roles,
    starts_word,
    tokenize,
    word_set,
    words,
)
from .text import Document, Span, count_words

QuoteKind = Literal["direct", "continuation", "partial", "indirect"]
UnsourcedKind = Literal["adverb", "passive", "group"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "continuation", "partial", "indirect")
MARKED_KINDS: tuple[QuoteKind, ...] = ("direct", "continuation", "partial")
SPEAKER_TYPES: tuple[SpeakerType, ...] = ("official", "legislator", "expert", "media", "other")

MASK = "▮"
# A quoted fragment of one word is a scare quote or a term (`the “Quad”`) unless a reporting
# verb before it in its sentence gives it a speaker (`Raytheon said it was “honored”`); a
# cue after the statement (`…, she said`) is too loose a tie for one word.
MIN_PARTIAL_WORDS = 2
# Tokens allowed between a reporting verb and the colon or comma that opens a quote
# (`told reporters at a briefing on Thursday:`), and between a verb and its `that`.
MAX_OBJECT_TOKENS = 10
# A reported clause without `that` must show a finite verb within this many tokens
# (`officials said India is …`), otherwise it is a noun phrase (`said the deal`).
MAX_CLAUSE_SUBJECT_TOKENS = 8
# A description before a name in apposition (`His elderly neighbour, Name, said`).
MAX_MODIFIERS_BEFORE_NAME = 4
# What `according to` names, when it is no known kind of speaker, is read up to the first
# punctuation, at most this many words (`a solicitation posted this month`).
MAX_SOURCE_WORDS = 6
# A surname used alone is looked up as a full name of at most this many words before it.
MAX_FULL_NAME_WORDS = 4
# A lead-in before a sentence's subject (`During the trip, Sen. X …`) is at most this long.
MAX_LEAD_IN_TOKENS = 12
# A dateline (`NEW DELHI:`, `Islamabad, Pakistan –`) has at most this many tokens.
MAX_DATELINE_TOKENS = 5
DATELINE_MARKS = ("—", "–", ":", "-")
# Pronouns refer back to a speaker quoted at most this many sentences earlier.
PRONOUN_REACH = 6

PASSIVE_AUXILIARIES = frozenset({"is", "was", "are", "were", "be", "been", "being", "get", "got"})
ADVERBIAL_PREPOSITIONS = frozenset({"on", "in", "at", "during", "last", "this", "after"})
# Words of an adverbial after a verb (`at the weekly press briefing`) before `that`.
MAX_ADVERBIAL_WORDS = 4
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "brief", "remind", "warn", "urge", "ask"})
WH_WORDS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who"})
CONJUNCTIONS = frozenset({"and", "but", "or", "while"})
LEAD_IN_STARTS = frozenset(
    {"but", "and", "yet", "so", "still", "however", "meanwhile", "moreover", "also", "now"}
)


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
    ("a senior state department official", "the Kremlin")."""

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
    article's words inside direct, continuation and partial quotes."""

    quotes: int
    by_kind: dict[str, int]
    voices: int
    by_type: dict[str, int]
    type_shares: dict[str, float]
    voices_by_type: dict[str, int]
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


# --- internal records --------------------------------------------------------------------


@dataclass
class _Cue:
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
class _Found:
    kind: QuoteKind
    start: int
    end: int
    sentence: int
    cue: _Cue | None
    follows: "_Found | None" = None  # the quote a continuation continues
    speaker: int | None = None
    chain: list[str] = field(default_factory=list)


@dataclass
class _Context:
    document: Document
    masked: str
    words: list[frozenset[str]]  # per sentence, its words (see _words)
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


_LETTERS_ONLY = bytes(c if ord("a") <= c <= ord("z") else ord(" ") for c in range(256))


def _fold(text: str) -> str:
    """`text` lower-cased as re.IGNORECASE compares it, one character for one: IGNORECASE
    also takes `ı` and `ſ` for `i` and `s`, and `İ` (which str.lower would make two
    characters) for `i` (checked against every code point)."""
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


def _words(text: str) -> frozenset[str]:
    """The runs of a–z in `text`, lower-cased as re.IGNORECASE compares it, found with string
    methods only. Every lower-case token made of letters is one, and wherever such a
    pattern matches an ASCII phrase between word boundaries or spaces, the phrase's words
    are among them: so a sentence without them is spared the tokens or the pattern."""
    letters = _fold(text).encode("ascii", "replace").translate(_LETTERS_ONLY)
    return frozenset(letters.decode().split())


# --- public API --------------------------------------------------------------------------


def analyze_sources(document: Document, mentions: Sequence[Mention] = ()) -> Sources:
    """Find every quote in `document`, attribute and describe its speakers, and summarise
    the article's source mix. `mentions` (analysis.actors.find_mentions) give the
    countries the article talks about."""
    masked = _mask_quotations(document)
    context = _Context(
        document, masked, [_words(masked[s.start : s.end]) for s in document.sentences]
    )
    with one_article():
        found = _marked_quotes(context)
        found += _indirect_quotes(context, found)
        found = _attach_continuations(sorted(found, key=lambda f: f.start), context)
        speaker_list = _speakers(_resolve_speakers(found, context), found)
    quotes = tuple(_quote(f, document, speaker_list) for f in found)
    unsourced = _unsourced(context)
    return Sources(
        quotes=quotes,
        speakers=speaker_list,
        unsourced=unsourced,
        source_mix=source_mix(document, quotes, speaker_list, unsourced, mentions),
    )


# --- quotation marks: direct, continuation, partial ---------------------------------------


def _mask_quotations(document: Document) -> str:
    """The text with every quotation's inside replaced by MASK (offsets unchanged), so no
    rule mistakes quoted words for the author's."""
    pieces = []
    end = 0
    for quotation in document.quotations:
        pieces += [document.text[end : quotation.start], MASK * (quotation.end - quotation.start)]
        end = quotation.end
    return "".join([*pieces, document.text[end:]])


def _marked_quotes(context: _Context) -> list[_Found]:
    document = context.document
    found: list[_Found] = []
    quotations = document.quotations
    for number, quotation in enumerate(quotations):
        sentence = document.sentence_at(quotation.start)
        before = _window_before(context, number)
        after = _window_after(context, number)
        text = document.text[quotation.start : quotation.end]
        cue = _cue_after_quote(after, context) or _cue_before_quote(before, context)
        if cue and cue.rule == "cue_before_quote" and cue.speaker.speaker_type == "media":
            cue = _cue_after_quote(after, context) or cue
        if _is_sentential(text, before, after):
            if cue:
                _add_chain(cue, before, after, context)
                found.append(_Found("direct", quotation.start, quotation.end, sentence, cue))
                continue
            found.append(_Found("continuation", quotation.start, quotation.end, sentence, None))
            continue
        cue = cue or _fragment_cue(context, sentence, quotation.start, text)
        if cue:
            _add_chain(cue, before, after, context)
            found.append(_Found("partial", quotation.start, quotation.end, sentence, cue))
    return found


def _window_before(context: _Context, number: int) -> list[Token]:
    """Tokens between the start of the quote's sentence (or the previous quote's closing
    mark in it) and the quote's opening mark."""
    document = context.document
    quotation = document.quotations[number]
    opening = quotation.start - len(quotation.opening)
    sentence = document.sentence_at(quotation.start)
    start = document.sentences[sentence].start
    if number:
        previous = document.quotations[number - 1]
        start = max(start, previous.end + len(previous.closing))
    return _tokens_between(context, sentence, start, max(start, opening))


def _window_after(context: _Context, number: int) -> list[Token]:
    """Tokens between the quote's closing mark and the end of its sentence (or the next
    quote's opening mark)."""
    document = context.document
    quotation = document.quotations[number]
    start = quotation.end + len(quotation.closing)
    sentence = document.sentence_at(max(quotation.start, start - 1))
    end = document.sentences[sentence].end
    if number + 1 < len(document.quotations):
        following = document.quotations[number + 1]
        end = min(end, following.start - len(following.opening))
    return _tokens_between(context, sentence, start, max(start, end))


def _tokens_between(context: _Context, sentence: int, start: int, end: int) -> list[Token]:
    """The tokens of masked[start:end]: those of `sentence` in that stretch, unless the
    stretch leaves the sentence or a token crosses its edge (`U.S.-'…`), where tokenizing
    the stretch alone would cut differently."""
    bounds = context.document.sentences[sentence]
    tokens = context.tokens(sentence)
    if (
        start < bounds.start
        or end > bounds.end
        or any(t.start < start < t.end or t.start < end < t.end for t in tokens)
    ):
        return tokenize(context.masked, start, end)
    return [t for t in tokens if start <= t.start and t.end <= end]


def _is_sentential(text: str, before: list[Token], after: list[Token]) -> bool:
    """Whether the quoted words stand as a sentence of their own (a direct quote) rather
    than as a fragment of the author's sentence (a partial quote or a scare quote): the
    quote opens the sentence or follows a colon or comma, and it ends the sentence or
    ends with a comma before its cue."""
    opens = not before or before[-1].text in ":,—–-"
    stripped = text.rstrip()
    closes = not after or stripped[-1:] in ",.?!…—–" or after[0].text in ",.?!;:—–"
    return opens and closes


def _attach_continuations(found: list[_Found], context: _Context) -> list[_Found]:
    """Give each uncued quote the quote it continues: the one just before it, ending in the
    same or the previous sentence (`“…,” the official said. “…”`, `X said the talks
    failed. “We tried.”`). An uncued quote with none is not counted."""
    kept: list[_Found] = []
    for item in found:
        if item.kind == "continuation":
            previous = kept[-1] if kept else None
            if previous is None:
                continue
            previous_end = context.document.sentence_at(max(previous.start, previous.end - 1))
            if item.sentence - previous_end > 1:
                continue
            item.follows = previous
        kept.append(item)
    return kept


# --- constructions around a quotation ----------------------------------------------------


def _cue_after_quote(after: list[Token], context: _Context) -> _Cue | None:
    """`“…,” X said`, `“…,” said X, a scholar at Y`, `“…,” X, the minister, told reporters`."""
    index = 1 if after and after[0].text in ",—–" else 0
    verb = _verb_at(after, index)
    if verb:
        return _inverted_speaker(after, index, verb, "cue_after_quote")
    end = phrase_after(after, index)
    if end is None:
        return None
    apposition = ""
    next_index = end + 1
    if next_index < len(after) and after[next_index].text == ",":
        span = apposition_after(after, next_index, len(after))
        if span:
            apposition = _join(after, span[0], span[1])
            next_index = span[1] + 2
    next_index = _skip_auxiliaries(after, next_index)
    quoted = _quoted_as_saying(after, index, end, next_index)
    if quoted:
        return quoted
    verb = _verb_at(after, next_index)
    if not verb:
        return None
    description = describe(
        _join(after, index, end), apposition + _anonymity_after(after, next_index)
    )
    if not _is_speaker(description):
        return None
    return _Cue(
        description,
        after[index].start,
        verb[0],
        _join(after, next_index, next_index + verb[1] - 1),
        "cue_after_quote",
        verb_at=after[next_index].start,
    )


def _quoted_as_saying(tokens: list[Token], start: int, end: int, verb: int) -> _Cue | None:
    """`TASS quoted Lavrov as saying …`, `the statement quoted the army chief as saying`:
    the speaker is the one quoted; an outlet that quoted them is the chain."""
    if verb >= len(tokens) or tokens[verb].lower != "quoted":
        return None
    speaker_end = phrase_after(tokens, verb + 1)
    if speaker_end is None or [t.lower for t in tokens[speaker_end + 1 : speaker_end + 3]] != [
        "as",
        "saying",
    ]:
        return None
    speaker = describe(_join(tokens, verb + 1, speaker_end))
    if not _is_speaker(speaker):
        return None
    cue = _Cue(
        speaker,
        tokens[verb + 1].start,
        reporting_verbs()["saying"],
        "quoted as saying",
        "quoted_as_saying",
        verb_at=tokens[verb].start,
    )
    carrier = describe(_join(tokens, start, end))
    if carrier is not None and carrier.speaker_type == "media":
        cue.chain.append(carrier)
    return cue


def _inverted_speaker(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> _Cue | None:
    """`said X` with X after the verb, and X's apposition up to the end of the clause."""
    start = index + verb[1]
    end = phrase_after(tokens, start)
    if end is None:
        return None
    apposition = ""
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        apposition = _join(tokens, end + 2, len(tokens) - 1)
    description = describe(_join(tokens, start, end), apposition)
    if not _is_speaker(description):
        return None
    return _Cue(
        description,
        tokens[start].start,
        verb[0],
        _join(tokens, index, start - 1),
        rule,
        verb_at=tokens[index].start,
    )


def _cue_before_quote(before: list[Token], context: _Context) -> _Cue | None:
    """`X said: “…”`, `X told reporters, “…”`, `Press TV reports: “…”`, and the second
    half of a split quote: `“A,” X said, “B.”`."""
    if not before or before[-1].text not in ":,":
        return None
    last = len(before) - 2
    according = _according_to(before, 0, last)
    if according:
        return according
    for index in range(last, max(-1, last - MAX_OBJECT_TOKENS), -1):
        verb = _verb_at(before, index)
        if not verb:
            continue
        cue = _subject_cue(before, index, verb, "cue_before_quote", floor=0)
        if cue:
            return cue
        inverted = _inverted_speaker(before[: last + 1], index, verb, "cue_before_quote")
        if inverted and index > 0 and before[index - 1].text in ",—–":
            return inverted
        return None
    return None


def _fragment_cue(context: _Context, sentence: int, start: int, text: str) -> _Cue | None:
    """The speaker of a quoted fragment inside the author's sentence: the nearest reporting
    verb before it with a speaker (`Doe said Washington does not want to “…”`, `what
    she called “…”`), a cue at the end of the sentence (`…, Pérez said.`), or
    `according to X`. Without one, the marks are scare quotes."""
    tokens = context.tokens(sentence)
    position = next((i for i, t in enumerate(tokens) if t.start >= start - 1), len(tokens))
    for index in range(position - 1, -1, -1):
        verb = _verb_at(tokens, index)
        if not verb or verb[0].complement == "quote":
            continue
        cue = _clause_speaker(tokens, index, verb, "reported_clause")
        if cue:
            return cue
    if count_words(text) < MIN_PARTIAL_WORDS:
        return None
    return _trailing_cue(tokens, position) or _according_to(tokens, 0, len(tokens) - 1)


def _trailing_cue(tokens: list[Token], after: int = 0) -> _Cue | None:
    """`…, Pérez said.` / `…, said Pérez.` / `…, two officials told Foreign Policy.`: a
    reporting clause set off by a comma after the statement it reports."""
    for index in range(after, len(tokens)):
        verb = _verb_at(tokens, index)
        if not verb:
            continue
        cue = _parenthetical_cue(tokens, index, verb)
        if cue:
            return cue
    return None


def _parenthetical_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> _Cue | None:
    after_verb = _skip_addressee(tokens, index + verb[1], verb[0])
    if index > 0 and tokens[index - 1].text == ",":
        cue = _inverted_speaker(tokens, index, verb, "trailing_cue")
        if cue and _clause_ends(tokens, _phrase_end_after(tokens, index + verb[1])):
            return cue
        return None
    if not _clause_ends(tokens, after_verb):
        return None
    cue = _subject_cue(tokens, index, verb, "trailing_cue", floor=0)
    if cue is None:
        return None
    start = next(i for i, t in enumerate(tokens) if t.start == cue.at)
    return cue if start > 0 and tokens[start - 1].text == "," else None


def _phrase_end_after(tokens: list[Token], start: int) -> int:
    end = phrase_after(tokens, start)
    if end is None:
        return start
    index = end + 1
    if index < len(tokens) and tokens[index].text == ",":
        return len(tokens)
    return index


def _clause_ends(tokens: list[Token], index: int) -> bool:
    return index >= len(tokens) or tokens[index].text in ".,;!?—–"


def _according_to(tokens: list[Token], start: int, end: int) -> _Cue | None:
    """`according to X` anywhere in tokens[start:end+1]."""
    for index in range(start, end):
        if tokens[index].lower == "according" and tokens[index + 1].lower == "to":
            phrase_end = phrase_after(tokens, index + 2)
            apposition = ""
            if (
                phrase_end is not None
                and phrase_end + 1 < len(tokens)
                and tokens[phrase_end + 1].text == ","
            ):
                span = apposition_after(tokens, phrase_end + 1, len(tokens))
                apposition = _join(tokens, *span) if span else ""
            description = (
                describe(_join(tokens, index + 2, phrase_end), apposition)
                if phrase_end is not None
                else _source_named_by_according_to(tokens, index + 2)
            )
            if _is_speaker(description):
                return _Cue(
                    description,
                    tokens[index + 2].start,
                    None,
                    "according to",
                    "according_to",
                    verb_at=tokens[index].start,
                )
    return None


def _source_named_by_according_to(tokens: list[Token], start: int) -> Description | None:
    """Whatever `according to` names is a source, even with no role or name in it: `a
    solicitation posted this month`, `budget documents` (unless vague: `reports`)."""
    end = start
    while end < len(tokens) and end - start < MAX_SOURCE_WORDS and starts_word(tokens[end].text):
        end += 1
    text = _join(tokens, start, end - 1)
    if end == start or is_vague_group(text):
        return None
    return Description(text, "role", role=text, speaker_type="other", head=tokens[end - 1].lower)


def _add_chain(cue: _Cue, before: list[Token], after: list[Token], context: _Context) -> None:
    """Record the outlets a quote reached the article through: `Press TV reports: “…”`,
    `…, according to Defense One`, `The Journal reported that X said …`."""
    for tokens in (after, before):
        according = _according_to(tokens, 0, len(tokens) - 1)
        if (
            according
            and according.speaker.speaker_type == "media"
            and according.speaker != cue.speaker
        ):
            cue.chain.append(according.speaker)
    for index, token in enumerate(before):
        verb = _verb_at(before, index)
        if verb and token.start < cue.verb_at:
            outlet = _subject_cue(before, index, verb, "chain", floor=0)
            if outlet and outlet.speaker.speaker_type == "media" and outlet.at < cue.at:
                cue.chain.append(outlet.speaker)
    if before and cue.rule != "cue_before_quote":
        carrier = _cue_before_quote(before, context)
        if carrier and carrier.speaker.speaker_type == "media" and carrier.speaker != cue.speaker:
            cue.chain.append(carrier.speaker)


# --- the speaker of a reporting verb -----------------------------------------------------


@cache
def _verb_first_words() -> frozenset[str]:
    """The first word of every reporting verb form: most tokens are none, and are turned
    down at once."""
    return frozenset(form.split(" ")[0] for form in reporting_verbs())


def _verb_at(tokens: list[Token], index: int) -> tuple[ReportingVerb, int] | None:
    """The reporting verb starting at token `index` and how many tokens it takes."""
    if (
        index < 0
        or index >= len(tokens)
        or tokens[index].capitalized
        or tokens[index].lower not in _verb_first_words()
    ):
        return None
    verbs = reporting_verbs()
    if index + 1 < len(tokens):
        pair = f"{tokens[index].lower} {tokens[index + 1].lower}"
        if pair in verbs:
            return verbs[pair], 2
    entry = verbs.get(tokens[index].lower)
    if entry is None or (" " in entry.lemma and entry.form == tokens[index].lower):
        return None
    return entry, 1


def _skip_auxiliaries(tokens: list[Token], index: int) -> int:
    """Past words like `has also`, `on Thursday`, `went on to` before a verb."""
    while index < len(tokens) and (length := phrases("auxiliaries").length_at(tokens, index)):
        index += length
    return index


def _skip_auxiliaries_left(tokens: list[Token], index: int, floor: int) -> int:
    moved = True
    while moved and index >= floor:
        moved = False
        if (
            index - 2 >= floor
            and tokens[index].text == ","
            and tokens[index - 2].text == ","
            and tokens[index - 1].lower in word_set("parenthetical_adverbs")
        ):
            index -= 3  # `The representative, however, told …`
            moved = True
            continue
        length = phrases("auxiliaries").length_before(tokens, index, floor)
        if length:
            index -= length
            moved = True
    return index


def _is_passive(tokens: list[Token], index: int, verb: ReportingVerb) -> bool:
    """`has been told`, `is said to`: the subject is not the speaker."""
    return (
        index > 0
        and tokens[index - 1].lower in PASSIVE_AUXILIARIES
        and not tokens[index].lower.endswith("ing")
    )


def _subject_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str, floor: int
) -> _Cue | None:
    """`X said`, `X, a scholar at Y, said`, `X has also said`: the speaker phrase before
    the verb, with an apposition between commas."""
    if _is_passive(tokens, index, verb[0]):
        return None
    end = _skip_parenthesis(tokens, _skip_auxiliaries_left(tokens, index - 1, floor), floor)
    apposition = ""
    if end >= floor and tokens[end].text == ",":
        opening = next(
            (i for i in range(end - 1, max(floor - 1, end - 30), -1) if tokens[i].text == ","), None
        )
        if opening is None:
            return None
        apposition = _join(tokens, opening + 1, end - 1)
        if not describes_speaker(apposition) and not is_personal_name(apposition):
            return None
        end = opening - 1
    if end < floor:
        return None
    start = phrase_before(tokens, end, floor)
    if start is None and is_personal_name(apposition):
        start = _noun_phrase_start(tokens, end, floor)  # `His neighbour, Nasreen Akter, said`
    if start is None:
        return None
    if (
        apposition
        and start > floor
        and tokens[start - 1].text == ","
        and not (start - 2 >= floor and tokens[start - 2].lower in LEAD_IN_STARTS)
    ):
        return None  # `X, Y, Z said` is a list, not an apposition (`However, X, …` is one)
    anonymity = _anonymity_after(tokens, index + verb[1])
    phrase = _join(tokens, start, end)
    if is_personal_name(apposition) and not is_personal_name(phrase):
        phrase, apposition = apposition, phrase  # `The MEA spokesperson, Arindam Sen, said`
    description = describe(phrase, apposition + anonymity)
    if not _is_speaker(description):
        return None
    return _Cue(
        description,
        tokens[start].start,
        verb[0],
        _join(tokens, index, index + verb[1] - 1),
        rule,
        verb_at=tokens[index].start,
    )


def _noun_phrase_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """Start of a short noun phrase opening its clause: `His neighbour`, `The lawyer`."""
    for start in range(end, max(floor, end - MAX_MODIFIERS_BEFORE_NAME) - 1, -1):
        if is_determiner(tokens[start].text) and (
            start == floor or tokens[start - 1].text in ".,;:"
        ):
            return start
        if not starts_word(tokens[start].text) or is_boundary(tokens[start].text):
            return None
    return None


def _skip_parenthesis(tokens: list[Token], end: int, floor: int) -> int:
    """Past an acronym in brackets before the verb: `the Inter-Services Public Relations
    (ISPR) said`."""
    if end - 2 >= floor and tokens[end].text == ")" and tokens[end - 2].text == "(":
        return end - 3
    return end


def _anonymity_after(tokens: list[Token], index: int) -> str:
    """`…, a former official said, speaking on condition of anonymity.`"""
    rest = _join(tokens, index, len(tokens) - 1) if index < len(tokens) else ""
    match = anonymity_pattern().search(rest)
    return f" {match.group()}" if match else ""


def _clause_speaker(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> _Cue | None:
    """The speaker of a reporting verb inside a sentence, by construction: the subject
    before it, a coordinated verb (`X reiterated … and urged …`) or a participle
    (`X published a letter urging …`) take the sentence's subject."""
    if index > 0 and tokens[index - 1].lower in CONJUNCTIONS:
        return _sentence_subject_cue(tokens, index, verb, "coordinated_cue")
    if tokens[index].lower.endswith("ing") and not _progressive(tokens, index):
        return _reporting_clause_cue(tokens, index, verb) or _sentence_subject_cue(
            tokens, index, verb, "participle_cue"
        )
    cue = _subject_cue(tokens, index, verb, rule, floor=0)
    if cue is None:
        before = _skip_auxiliaries_left(tokens, index - 1, 0)
        if before >= 0 and tokens[before].lower in CONJUNCTIONS:
            return _sentence_subject_cue(tokens, index, verb, "coordinated_cue")
        return None
    return cue


def _reporting_clause_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> _Cue | None:
    """`“…,” Rao said, adding that …`, `X told reporters, adding …`: a participle after a
    reporting clause has that clause's speaker."""
    for earlier in range(index - 1, -1, -1):
        earlier_verb = _verb_at(tokens, earlier)
        if not earlier_verb or tokens[earlier].lower.endswith("ing"):
            continue
        cue = _subject_cue(tokens, earlier, earlier_verb, "participle_cue", floor=0)
        if cue is None and earlier > 0 and tokens[earlier - 1].text in ",—–":
            cue = _inverted_speaker(tokens[:index], earlier, earlier_verb, "participle_cue")
        if cue is not None:
            return _Cue(
                cue.speaker,
                cue.at,
                verb[0],
                _join(tokens, index, index + verb[1] - 1),
                "participle_cue",
                verb_at=tokens[index].start,
            )
        return None
    return None


def _progressive(tokens: list[Token], index: int) -> bool:
    """`is calling on`, `have been touting`: a finite verb, not a participle clause."""
    return index > 0 and tokens[index - 1].lower in PASSIVE_AUXILIARIES


def _sentence_subject_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> _Cue | None:
    subject = _sentence_subject(tokens)
    if subject is None or subject[1] >= tokens[index].start:
        return None
    description, at = subject
    cue = _Cue(
        description,
        at,
        verb[0],
        _join(tokens, index, index + verb[1] - 1),
        rule,
        verb_at=tokens[index].start,
    )
    if description.form == "pronoun":
        cue.antecedent = None
    return cue


def _sentence_subject(tokens: list[Token]) -> tuple[Description, int] | None:
    """The subject of a sentence when it can be a speaker, past a conjunction and a short
    lead-in (`But`, `During the trip,`, `In recent weeks,`) or a dateline."""
    index = _dateline_end(tokens)
    while index < len(tokens) and tokens[index].lower in LEAD_IN_STARTS:
        index += 1
    if index < len(tokens) and tokens[index].text == ",":
        index += 1
    comma = next(
        (
            i
            for i in range(index, min(len(tokens), index + MAX_LEAD_IN_TOKENS))
            if tokens[i].text == ","
        ),
        None,
    )
    opens_with_lead_in = (
        index < len(tokens)
        and is_boundary(tokens[index].text)
        and tokens[index].lower not in PRONOUNS
    )
    candidates = [] if opens_with_lead_in else [index]
    candidates += [comma + 1] if comma is not None else []
    for start in candidates:
        end = phrase_after(tokens, start)
        if end is None:
            continue
        apposition = ""
        if end + 1 < len(tokens) and tokens[end + 1].text == ",":
            span = apposition_after(tokens, end + 1, len(tokens))
            apposition = _join(tokens, *span) if span else ""
            named = _name_in_apposition(tokens, end + 1)
            if named:  # `His neighbour, Nasreen Akter, tells …`
                apposition, end, start = _join(tokens, start, end), named[1], named[0]
        description = describe(_join(tokens, start, end), apposition)
        if _is_speaker(description):
            return description, tokens[start].start
    return None


def _name_in_apposition(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """A personal name between commas after a description: (first, last) token indices."""
    close = next(
        (
            i
            for i in range(comma + 1, min(len(tokens), comma + MAX_FULL_NAME_WORDS + 2))
            if tokens[i].text == ","
        ),
        None,
    )
    if close is None or not is_personal_name(_join(tokens, comma + 1, close - 1)):
        return None
    return comma + 1, close - 1


def _dateline_end(tokens: list[Token]) -> int:
    """Where a sentence starts after a dateline (`WASHINGTON —`, `NEW DELHI:`, `Islamabad,
    Pakistan –`): capitalised words and commas, then a dash or colon; 0 if none."""
    for index, token in enumerate(tokens[: MAX_DATELINE_TOKENS + 1]):
        if token.text in DATELINE_MARKS and index > 0:
            return index + 1
        if not (token.capitalized or token.text == ","):
            return 0
    return 0


def _is_speaker(description: Description | None) -> bool:
    return description is not None


def _join(tokens: list[Token], first: int, last: int) -> str:
    """The original-text words of tokens[first..last] (masked quotations stay masked)."""
    if last < first:
        return ""
    pieces = []
    for i in range(first, last + 1):
        if i > first and tokens[i].start > tokens[i - 1].end:
            pieces.append(" ")
        pieces.append(tokens[i].text)
    return "".join(pieces)


# --- indirect speech ---------------------------------------------------------------------


def _indirect_quotes(context: _Context, marked: list[_Found]) -> list[_Found]:
    """Reported speech without quotation marks, sentence by sentence."""
    used = {f.cue.verb_at for f in marked if f.cue}
    found: list[_Found] = []
    for sentence, words_ in enumerate(context.words):
        if not words_.isdisjoint(_reporting_words()):
            found += _sentence_indirect(context, sentence, context.tokens(sentence), used)
    return found


@cache
def _reporting_words() -> frozenset[str]:
    """Reported speech needs one of these: a reporting verb's first word or `according`."""
    return _verb_first_words() | {"according"}


def _sentence_indirect(
    context: _Context, sentence: int, tokens: list[Token], used: set[int]
) -> list[_Found]:
    results: list[tuple[_Cue, int, int]] = []
    verb_words = _verb_first_words()
    for index, token in enumerate(tokens):
        if token.lower not in verb_words:
            continue  # most words (checked here, as this loop sees every word of the article)
        verb = _verb_at(tokens, index)
        if not verb or verb[0].complement == "quote" or tokens[index].start in used:
            continue
        reported = _parenthetical_indirect(tokens, index, verb) or _clause_indirect(
            tokens, index, verb
        )
        if reported:
            results.append(reported)
    according = _according_indirect(tokens)
    if according and according[0].verb_at not in used:
        results.append(according)
    results = _nest(results)
    found = []
    for cue, start, end in results:
        if MASK in context.masked[start:end]:
            continue  # the quoted words inside are the quote (partial)
        found.append(_Found("indirect", start, end, sentence, cue))
    return found


def _parenthetical_indirect(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> tuple[_Cue, int, int] | None:
    """`…, officials said.` / `…, two former officials told Foreign Policy.`: the statement
    is the clause before the comma."""
    cue = _parenthetical_cue(tokens, index, verb)
    if cue is None:
        return None
    first = next(i for i, t in enumerate(tokens) if t.start >= cue.at)
    comma = first - 1 if tokens[first - 1].text == "," else index - 1
    start = _clause_start(tokens, comma)
    if start is None or comma <= start:
        return None
    return cue, tokens[start].start, tokens[comma - 1].end


def _according_indirect(tokens: list[Token]) -> tuple[_Cue, int, int] | None:
    """`According to X, …` and `…, according to X.`: the statement is the rest of the
    sentence, or the clause before the comma."""
    cue = _according_to(tokens, 0, len(tokens) - 1)
    if cue is None:
        return None
    first = next(i for i, t in enumerate(tokens) if t.start == cue.verb_at)
    if first == 0:
        comma = next((i for i in range(2, len(tokens)) if tokens[i].text == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            return None
        end = _content_end(tokens, comma + 1)
        return (cue, tokens[comma + 1].start, tokens[end - 1].end) if end > comma + 1 else None
    if tokens[first - 1].text != "," or first < 2:
        return None
    return cue, tokens[_dateline_end(tokens)].start, tokens[first - 2].end


def _clause_start(tokens: list[Token], comma: int) -> int | None:
    """The start of the statement a trailing cue reports: the sentence's start, past a
    dateline."""
    start = _dateline_end(tokens)
    return start if comma > start else None


def _clause_indirect(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> tuple[_Cue, int, int] | None:
    """`X said (that) …`, `X urged Y to …`, `X told reporters …`, `they said they …`."""
    cue = _clause_speaker(tokens, index, verb, "reported_clause")
    if cue is None:
        return None
    content = _content_start(tokens, index + verb[1], verb[0])
    if content is None:
        return None
    end = _content_end(tokens, content)
    if end <= content:
        return None
    return cue, tokens[content].start, tokens[end - 1].end


def _skip_addressee(tokens: list[Token], index: int, verb: ReportingVerb) -> int:
    """Past `reporters`, `Foreign Policy`, `an audience at X`, `on Thursday`, `in a
    statement` after a verb."""
    if index < len(tokens) and verb.lemma in ADDRESSEE_VERBS:
        end = phrase_after(tokens, index)
        if end is not None:
            index = end + 1
    while index < len(tokens):
        word = tokens[index].lower
        if word in word_set("time_words"):
            index += 1
        elif word in ADVERBIAL_PREPOSITIONS and index + 1 < len(tokens):
            end = _adverbial_object_end(tokens, index + 1)
            if end is None:
                break
            index = end + 1
        else:
            break
    return index


def _adverbial_object_end(tokens: list[Token], index: int) -> int | None:
    """`Thursday`, `the weekly briefing`, `a statement`: a name or time word, or a
    determiner and a few plain words (not `that`, not past punctuation)."""
    if tokens[index].lower in word_set("time_words") or tokens[index].capitalized:
        end = index
        while end + 1 < len(tokens) and tokens[end + 1].capitalized:
            end += 1
        return end
    if not is_determiner(tokens[index].text):
        return None
    end = index
    while (
        end + 1 < len(tokens)
        and end - index < MAX_ADVERBIAL_WORDS
        and starts_word(tokens[end + 1].text)
        and not is_boundary(tokens[end + 1].text)
    ):
        end += 1
    return end if end > index else None


def _content_start(tokens: list[Token], index: int, verb: ReportingVerb) -> int | None:
    """The first token of the reported clause after a verb, if the verb reports a
    statement: `that …`, a wh-clause, a clause with a finite verb, or for a directive
    verb an object and `to …`."""
    for that in range(index, min(len(tokens), index + MAX_OBJECT_TOKENS)):
        if tokens[that].lower == "that" and (verb.complement != "object" or that == index):
            return that + 1 if that + 1 < len(tokens) else None
        if tokens[that].text in ".;" or tokens[that].text.startswith(MASK):
            break
    if verb.complement == "object":
        return None
    start = _skip_addressee(tokens, index, verb) if verb.complement == "clause" else index
    if start >= len(tokens):
        return None
    first = tokens[start]
    if first.lower in WH_WORDS and verb.complement == "clause":
        return start
    if first.text in ",.;:" or (
        first.lower in word_set("boundaries")
        and first.lower not in ("it", "he", "she", "they", "we", "there", "i", "you")
    ):
        return None
    if verb.complement == "directive":
        window = []
        for token in tokens[start + 1 : start + MAX_OBJECT_TOKENS]:
            if not starts_word(token.text):
                break
            window.append(token)
        return start if any(t.lower == "to" for t in window) else None
    return start if _has_finite_verb(tokens, start) else None


def _has_finite_verb(tokens: list[Token], start: int) -> bool:
    """Whether a finite verb follows the clause's first word within a few tokens, before
    any punctuation: `India is …`, `the United States routinely raises …`, `they came …`."""
    for index in range(start + 1, min(len(tokens), start + 1 + MAX_CLAUSE_SUBJECT_TOKENS)):
        token = tokens[index]
        if not starts_word(token.text):
            return False
        if token.lower in word_set("finite"):
            return True
        if (
            _looks_finite(token)
            and not is_determiner(tokens[index - 1].text)
            and tokens[index - 1].lower
            not in ("most", "more", "less", "least", "very", "so", "well")
        ):
            return True
    return False


def _looks_finite(token: Token) -> bool:
    """A lower-case word ending in -s or -ed: `raises`, `decided` (not `advanced jets`,
    which the caller rules out by the word before it)."""
    return (
        not token.capitalized
        and len(token.text) > 3
        and token.text.endswith(("es", "ed"))
        and token.text.isalpha()
    )


def _content_end(tokens: list[Token], start: int) -> int:
    """Where a reported clause ends: the sentence's end, or before a coordinated reporting
    verb (`… and urged …`), `according to`, or a trailing cue."""
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.text in ";" or (token.text in ".!?" and index == len(tokens) - 1):
            return index
        if token.lower in CONJUNCTIONS and _verb_at(tokens, _skip_auxiliaries(tokens, index + 1)):
            return index - 1 if index > 0 and tokens[index - 1].text == "," else index
        if (
            token.lower == "according"
            and index + 1 < len(tokens)
            and tokens[index + 1].lower == "to"
        ):
            return index - 1 if tokens[index - 1].text == "," else index
    end = len(tokens)
    while end > start and tokens[end - 1].text in ".!?,;:”’\"'":
        end -= 1
    return end


def _nest(results: list[tuple[_Cue, int, int]]) -> list[tuple[_Cue, int, int]]:
    """`The Journal reported that X has said …`: the inner speaker said it; the outer one
    (an outlet) is the chain it came through."""
    kept = []
    for cue, start, end in results:
        outer = [other for other, s, e in results if other is not cue and s <= cue.verb_at < e]
        if outer:
            cue.chain.extend(o.speaker for o in outer if o.speaker.speaker_type == "media")
        inner = [
            other for other, s, e in results if other is not cue and start <= other.verb_at < end
        ]
        if not inner:
            kept.append((cue, start, end))
    return kept


# --- unsourced claims --------------------------------------------------------------------


@dataclass(frozen=True)
class _UnsourcedRule:
    """One pattern of unsourced claims, and the phrases it cannot match without (one of
    each group, as sets of words), so that it only runs on sentences that have them."""

    kind: UnsourcedKind
    pattern: re.Pattern
    needs: tuple[tuple[frozenset[str], ...], ...]
    screen: re.Pattern | None = None  # part of every match, quicker to search for

    def matches(self, text: str) -> Iterator[re.Match]:
        if self.screen is None or self.screen.search(text):
            yield from self.pattern.finditer(text)

    def may_match(self, words: frozenset[str]) -> bool:
        return all(any(phrase <= words for phrase in group) for group in self.needs)

    def within(self, words: frozenset[str]) -> "_UnsourcedRule":
        """The rule needing only the phrases whose words are in `words` (the article's)."""
        needs = tuple(tuple(phrase for phrase in group if phrase <= words) for group in self.needs)
        return replace(self, needs=needs)


@cache
def _unsourced_rules() -> tuple[_UnsourcedRule, ...]:
    data = words()["unsourced"]

    def alternation(items: list[str]) -> str:
        """Any of `items`, longest first (a trie: one pass, not one try per item)."""
        return f"(?:{trie_pattern(item.lower() for item in items)})"

    def phrase_words(items: list[str]) -> tuple[frozenset[str], ...]:
        return tuple(_words(item) for item in items)

    auxiliaries = r"(?:(?:have|has|had|also|now|still|long|increasingly)\s+)*"
    modifier = r"(?:[\w.’'\-]+\s+){0,3}?"
    group_says = rf"{alternation(data['group'])}\s+{auxiliaries}{alternation(data['verbs'])}\b"
    group = rf"\b(?:{alternation(data['quantifier'])}\s+)?{modifier}{group_says}"
    beliefs = [verb for verb in data["verbs"] if verb.split()[0] not in reporting_verbs()]
    quantified = (
        rf"\b{alternation(data['quantifier'])}\s+{modifier}\w+s\s+{auxiliaries}"
        rf"{alternation(beliefs)}\b"
    )
    return (
        _UnsourcedRule(
            "adverb",
            re.compile(rf"\b{alternation(data['adverb'])}\b", re.IGNORECASE),
            (phrase_words(data["adverb"]),),
        ),
        _UnsourcedRule(
            "passive",
            re.compile(rf"\b{alternation(data['passive'])}\b", re.IGNORECASE),
            (phrase_words(data["passive"]),),
        ),
        _UnsourcedRule(
            "group",
            re.compile(group, re.IGNORECASE),
            (phrase_words(data["group"]), phrase_words(data["verbs"])),
            re.compile(group_says, re.IGNORECASE),
        ),
        _UnsourcedRule(
            "group",
            re.compile(quantified, re.IGNORECASE),
            (phrase_words(data["quantifier"]), phrase_words(beliefs)),
        ),
    )


def _unsourced(context: _Context) -> tuple[Unsourced, ...]:
    article = frozenset().union(*context.words)
    rules = [rule.within(article) for rule in _unsourced_rules() if rule.may_match(article)]
    found: dict[int, Unsourced] = {}
    for number, sentence in enumerate(context.document.sentences):
        text = context.masked[sentence.start : sentence.end]
        for rule in rules:
            if not rule.may_match(context.words[number]):
                continue
            for match in rule.matches(text):
                start = sentence.start + match.start()
                if not any(u.start <= start < u.end for u in found.values()):
                    found[start] = Unsourced(
                        start, sentence.start + match.end(), match.group(), rule.kind, number
                    )
    return tuple(found[start] for start in sorted(found))


# --- speakers ----------------------------------------------------------------------------


@dataclass
class _Entity:
    description: Description
    name: str
    role: str
    organization: str
    speaker_type: SpeakerType
    country: str
    anonymous: bool
    last_seen: int
    chain: list[str] = field(default_factory=list)

    @property
    def form(self) -> Form:
        return self.description.form


def _resolve_speakers(found: list[_Found], context: _Context) -> list[_Entity]:
    """Give every quote a speaker, in reading order: a later `Pérez`, `the official` or
    `she` is the speaker introduced earlier; a continuation has its quote's speaker."""
    entities: list[_Entity] = []
    order = sorted(
        range(len(found)), key=lambda i: found[i].cue.at if found[i].cue else found[i].start
    )
    for step, number in enumerate(order):
        item = found[number]
        if item.cue is None:
            continue
        cue = item.cue
        if cue.antecedent is None and (cue.speaker.form == "pronoun" or cue.speaker.definite):
            cue.antecedent = _antecedent(context, cue)
        if cue.speaker.form == "name" and " " not in cue.speaker.name:
            cue.speaker = _full_mention(context, cue.speaker, cue.at) or cue.speaker
        item.speaker = _resolve(cue.speaker, cue.antecedent, entities, step, item.sentence, found)
        if item.speaker is None and item.kind != "indirect":
            entities.append(_new_entity(cue.speaker, step))  # "she said", nobody to refer to
            item.speaker = len(entities) - 1
        if item.speaker is None:
            continue  # reported speech by "it" or "they" with nobody to refer to
        for carrier in item.cue.chain:
            outlet = _resolve(carrier, None, entities, step, item.sentence, found, create=False)
            name = (
                entities[outlet].name
                if outlet is not None
                else carrier.organization or carrier.text
            )
            if name not in item.chain:
                item.chain.append(name)
            if name not in entities[item.speaker].chain:
                entities[item.speaker].chain.append(name)
    for item in found:
        if item.kind == "continuation" and item.follows is not None:
            item.speaker = item.follows.speaker
    found[:] = [item for item in found if item.speaker is not None]
    return entities


def _full_mention(context: _Context, surname: Description, before: int) -> Description | None:
    """`Fischer says` after `Dr Lena Fischer, an associate professor …, is sceptical`: a
    surname first printed in full (with title and apposition) where nobody was quoted."""
    ends = context.full_mentions.get(surname.name)
    if ends is None:
        pattern = re.compile(
            rf"\b(?:[A-Z][\w’'.-]*\s+){{1,{MAX_FULL_NAME_WORDS}}}{re.escape(surname.name)}\b"
        )
        ends = context.full_mentions[surname.name] = [
            m.end() for m in pattern.finditer(context.masked)
        ]
    earlier = bisect_right(ends, before)
    if not earlier:
        return None
    end_offset = ends[earlier - 1]
    sentence = context.document.sentence_at(end_offset - 1)
    tokens = context.tokens(sentence)
    end = next((i for i, t in enumerate(tokens) if t.end == end_offset), None)
    if end is None:
        return None
    start = phrase_before(tokens, end, 0)
    apposition = ""
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        span = apposition_after(tokens, end + 1, len(tokens))
        apposition = _join(tokens, *span) if span else ""
    full = describe(_join(tokens, start, end), apposition) if start is not None else None
    return full if full is not None and full.form == "name" and full.head == surname.head else None


def _antecedent(context: _Context, cue: _Cue) -> Description | None:
    """What a pronoun or definite description may stand for: the subject of its own
    sentence when that comes first, else of the sentence before."""
    sentence = context.document.sentence_at(cue.at)
    subject = _sentence_subject(context.tokens(sentence))
    if subject is not None and subject[1] < cue.at:
        return subject[0]
    return _previous_subject(context, sentence)


def _previous_subject(context: _Context, sentence: int) -> Description | None:
    """The subject of the sentence before, in the same paragraph: `The minister spoke
    calmly. “…,” she said.`"""
    sentences = context.document.sentences
    if sentence == 0 or sentences[sentence - 1].paragraph != sentences[sentence].paragraph:
        return None
    subject = _sentence_subject(context.tokens(sentence - 1))
    return subject[0] if subject else None


def _resolve(
    description: Description,
    antecedent: Description | None,
    entities: list[_Entity],
    step: int,
    sentence: int,
    found: list[_Found],
    create: bool = True,
) -> int | None:
    if antecedent is not None and not _can_be_antecedent(antecedent, entities):
        antecedent = None
    if description.form == "pronoun":
        if antecedent is not None and _pronoun_fits(description, antecedent):
            return _resolve(antecedent, None, entities, step, sentence, found)
        match = _pronoun_antecedent(description, entities, found, sentence)
        if match is None:
            return None
    else:
        match = _same_speaker(description, entities)
        if match is None and antecedent is not None and _names_the_same(description, antecedent):
            return _resolve(antecedent, None, entities, step, sentence, found)
    if match is not None:
        entity = entities[match]
        entity.last_seen = step
        _fill_in(entity, description)
        return match
    if not create:
        return None
    entities.append(_new_entity(description, step))
    return len(entities) - 1


def _can_be_antecedent(description: Description, entities: list[_Entity]) -> bool:
    """A sentence's subject can stand behind a pronoun or `the service` unless it is a
    lone capitalised word that is no known speaker (`Western sanctions` → `Western`)."""
    if description.form == "pronoun":
        return False
    if description.form == "name" and len(description.name.split()) == 1:
        return _same_speaker(description, entities) is not None
    return True


def _names_the_same(description: Description, subject: Description) -> bool:
    """`the service` for the U.S. Army, `the company` for Raytheon: a definite description
    of an institution refers to the sentence's institutional subject of the same type."""
    return (
        description.definite
        and description.form == "institution"
        and subject.form == "institution"
        and subject.text != description.text
        and description.speaker_type in (subject.speaker_type, "other")
    )


def _pronoun_fits(pronoun: Description, antecedent: Description) -> bool:
    if pronoun.plural:
        return antecedent.plural or antecedent.form == "institution"
    if pronoun.head == "it":
        return antecedent.form == "institution"
    return not antecedent.plural and antecedent.form in ("name", "role")


def _pronoun_antecedent(
    pronoun: Description, entities: list[_Entity], found: list[_Found], sentence: int
) -> int | None:
    """The most recently quoted compatible speaker, within PRONOUN_REACH sentences."""
    recent = {
        f.speaker: f.sentence for f in found if f.speaker is not None and f.sentence <= sentence
    }
    candidates = [
        (entity.last_seen, number)
        for number, entity in enumerate(entities)
        if _pronoun_fits(pronoun, entity.description)
        and sentence - recent.get(number, -99) <= PRONOUN_REACH
    ]
    return max(candidates)[1] if candidates else None


def _same_speaker(description: Description, entities: list[_Entity]) -> int | None:
    """An earlier speaker this phrase refers back to, by surname, organization or role."""
    candidates = sorted(range(len(entities)), key=lambda n: entities[n].last_seen, reverse=True)
    for number in candidates:
        entity = entities[number]
        if _refers_to(description, entity):
            return number
    return None


def _refers_to(description: Description, entity: _Entity) -> bool:
    known = entity.description
    if description.form == "name":
        if known.form != "name":
            return False
        mention, full = description.name.split(), known.name.split()
        if len(mention) == 1 or len(full) == 1:
            # `Pérez` for Ana Pérez; `Wang` for Wang Lin (family name first)
            return mention[-1] in (full[0], full[-1]) or full[-1] == mention[-1]
        return mention[-1] == full[-1] and mention[0] == full[0]
    if description.form == "institution":
        return known.form == "institution" and (
            description.organization.lower() == known.organization.lower()
            or (description.head == known.head and description.speaker_type == known.speaker_type)
        )
    if description.form == "role" and known.form == "name":
        # `the official`, `the expert`: a speaker named earlier with that type of role
        return (
            description.definite
            and not description.plural
            and entity.speaker_type == roles().get(description.head, ("", False))[0]
            and description.modifiers <= known.modifiers | _nationality_words(known)
        )
    if description.form == "role":
        if (
            known.form != "role"
            or description.head != known.head
            or description.plural != known.plural
        ):
            return False
        if description.definite:
            return description.modifiers <= known.modifiers | _nationality_words(known)
        if not _introduces(description):
            return description.role.lower() == known.role.lower()
    return False


def _nationality_words(description: Description) -> frozenset[str]:
    return frozenset({"u.s.", "us"}) if description.country == "US" else frozenset()


def _introduces(description: Description) -> bool:
    """`a senior official`, `another official`, `two officials` introduce a new speaker."""
    first = description.text.split()[0].lower()
    return first in {w.lower() for w in words()["words"]["indefinite"]} or first.isdigit()


def _fill_in(entity: _Entity, description: Description) -> None:
    """A later mention may say more: the role or organization of a speaker first named bare."""
    if description.form == "name" and len(description.name.split()) > len(entity.name.split()):
        entity.name = description.name
    entity.role = entity.role or description.role
    entity.organization = entity.organization or description.organization
    entity.country = entity.country or description.country
    entity.anonymous = entity.anonymous or description.anonymous
    if entity.speaker_type == "other" and description.speaker_type not in (None, "other"):
        entity.speaker_type = description.speaker_type


def _new_entity(description: Description, step: int) -> _Entity:
    name = description.name if description.form == "name" else description.text
    return _Entity(
        description,
        name,
        description.role,
        description.organization,
        description.speaker_type or "other",
        description.country,
        description.anonymous,
        step,
    )


def _speakers(entities: list[_Entity], found: list[_Found]) -> tuple[Speaker, ...]:
    """One Speaker per entity that said something, numbered in order of first quote."""
    quoted = [f.speaker for f in found if f.speaker is not None]
    order = list(dict.fromkeys(quoted))
    speakers = []
    for new_id, number in enumerate(order):
        entity = entities[number]
        speakers.append(
            Speaker(
                id=new_id,
                name=entity.name,
                role=entity.role,
                organization=entity.organization,
                speaker_type=entity.speaker_type,
                country=entity.country,
                named=entity.form == "name",
                anonymous=entity.anonymous,
                form=entity.form,
                quotes=tuple(i for i, f in enumerate(found) if f.speaker == number),
                chain=tuple(entity.chain),
            )
        )
    renumber = {number: new_id for new_id, number in enumerate(order)}
    for item in found:
        item.speaker = renumber.get(item.speaker) if item.speaker is not None else None
    return tuple(speakers)


def _quote(item: _Found, document: Document, speakers: Sequence[Speaker]) -> Quote:
    speaker = speakers[item.speaker] if item.speaker is not None else None
    cue = item.cue
    verb = cue.verb if cue else None
    return Quote(
        item.start,
        item.end,
        kind=item.kind,
        text=document.text[item.start : item.end],
        speaker=speaker.name if speaker else "",
        speaker_id=speaker.id if speaker else None,
        speaker_type=speaker.speaker_type if speaker else None,
        country=speaker.country if speaker else "",
        named=speaker.named if speaker else False,
        cue=cue.cue if cue else "",
        verb=verb.lemma if verb else "",
        verb_category=verb.category if verb else "",
        rule=cue.rule if cue else "continuation",
        sentence=item.sentence,
        chain=tuple(item.chain),
    )


# --- source mix --------------------------------------------------------------------------


def _shares(counts: Counter) -> dict[str, float]:
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


def source_mix(
    document: Document,
    quotes: Sequence[Quote],
    speakers: Sequence[Speaker],
    unsourced: Sequence[Unsourced],
    mentions: Sequence[Mention],
) -> SourceMix:
    """Counts and shares of who speaks, and who is talked about but never heard."""
    by_type = Counter(q.speaker_type or "other" for q in quotes)
    by_country = Counter(q.country or "unknown" for q in quotes)
    named = sum(1 for q in quotes if q.named)
    marked = _merged([Span(q.start, q.end) for q in quotes if q.kind in MARKED_KINDS])
    quoted_words = sum(count_words(document.text[s.start : s.end]) for s in marked)
    actors = gazetteer()
    mentioned = Counter(
        actors[m.actor].country for m in mentions if m.actor in actors and actors[m.actor].country
    )
    countries_quoted = tuple(dict.fromkeys(s.country for s in speakers if s.country))
    countries_mentioned = tuple(country for country, _ in mentioned.most_common())
    verbs = Counter(q.verb for q in quotes if q.verb)
    return SourceMix(
        quotes=len(quotes),
        by_kind=dict(Counter(q.kind for q in quotes)),
        voices=len(speakers),
        by_type={t: by_type[t] for t in SPEAKER_TYPES if by_type[t]},
        type_shares=_shares(by_type),
        voices_by_type=dict(Counter(s.speaker_type for s in speakers)),
        by_country=dict(by_country.most_common()),
        country_shares=_shares(by_country),
        named=named,
        unnamed=len(quotes) - named,
        named_share=named / len(quotes) if quotes else None,
        anonymous=sum(1 for s in speakers if s.anonymous),
        quoted_words=quoted_words,
        quoted_word_share=quoted_words / document.word_count if document.word_count else 0.0,
        countries_mentioned=countries_mentioned,
        countries_quoted=countries_quoted,
        countries_unheard=tuple(c for c in countries_mentioned if c not in countries_quoted),
        verbs=dict(verbs.most_common()),
        verb_categories=dict(
            Counter(q.verb_category for q in quotes if q.verb_category).most_common()
        ),
        unsourced=len(unsourced),
    )


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
