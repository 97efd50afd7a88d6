"""Tone: TextBlob polarity and subjectivity per sentence, VADER as a second lens.

Article scores are means over sentences with a seeded 90% bootstrap interval, so a
difference between outlets can be read against its uncertainty. Whole-document VADER is
not reported: on any long article its compound score saturates near ±0.97.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np

from .knowledge import Mention, gazetteer
from .text import Document, Span, Voice, voice_pieces

CI_LEVEL = 0.90
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20180830
# At most this many resampled sentence indices are held in memory at once.
BOOTSTRAP_BLOCK = 1_000_000
# Resampling weights of articles up to this many sentences are kept (16 sizes, < 40 MB).
CACHED_COUNTS = 150


@dataclass(frozen=True)
class Assessment:
    """Words TextBlob matched in its lexicon and the scores they carry."""

    words: tuple[str, ...]
    polarity: float
    subjectivity: float


@dataclass(frozen=True)
class Part(Span):
    """A stretch of one sentence in one voice, scored on its own."""

    voice: Voice
    polarity: float
    subjectivity: float
    vader: float


@dataclass(frozen=True)
class SentenceTone:
    sentence: int
    polarity: float
    subjectivity: float
    vader: float
    quoted_share: float
    assessments: tuple[Assessment, ...]
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class ToneSummary:
    """Mean tone over `n` scored pieces of text, each mean with its 90% bootstrap interval."""

    n: int
    polarity: float | None
    polarity_ci: tuple[float, float] | None
    subjectivity: float | None
    subjectivity_ci: tuple[float, float] | None
    vader: float | None
    vader_ci: tuple[float, float] | None


@dataclass(frozen=True)
class ActorTone:
    """Tone of sentences mentioning an actor: not the outlet's stance toward it."""

    actor: str
    name: str
    label: str
    sentences: tuple[int, ...]
    polarity: float | None
    vader: float | None


@dataclass(frozen=True)
class Sentiment(ToneSummary):
    """Article tone over sentences, split into narration and quoted text, and toward actors."""

    narration: ToneSummary
    quoted: ToneSummary
    toward: tuple[ActorTone, ...]
    sentences: tuple[SentenceTone, ...]


@cache
def _textblob_sentiment() -> Any:
    """TextBlob's PatternAnalyzer scorer. Called directly: `PatternAnalyzer.analyze` with
    keep_assessments scores the text twice and builds a namedtuple class on every call,
    which made it the largest cost of the whole analysis (benchmarks/performance.py)."""
    from textblob.en import sentiment

    return sentiment


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_text(text: str) -> tuple[float, float, float, tuple[Assessment, ...]]:
    """TextBlob polarity, subjectivity, VADER compound and TextBlob's assessments."""
    result = _textblob_sentiment()(text)
    assessments = tuple(
        Assessment(tuple(words), round(polarity, 4), round(subjectivity, 4))
        for words, polarity, subjectivity, _ in result.assessments
    )
    vader = _vader().polarity_scores(text)["compound"]
    polarity, subjectivity = result
    return round(polarity, 4), round(subjectivity, 4), vader, assessments


@dataclass(frozen=True)
class Lens:
    """A way of reading a sentence's tone: `score` maps text to −1…+1, and a score inside
    ±`neutral` reads as neutral."""

    name: str
    score: Callable[[str], float]
    neutral: float


def _polarity(text: str) -> float:
    return float(_textblob_sentiment()(text)[0])


def _compound(text: str) -> float:
    return float(_vader().polarity_scores(text)["compound"])


# VADER's documented neutral band for the compound score (Hutto & Gilbert 2014); the same
# band is used for TextBlob's polarity, whose documentation sets none.
NEUTRAL_BAND = 0.05
LENSES: dict[str, Lens] = {
    "textblob": Lens("TextBlob", _polarity, NEUTRAL_BAND),
    "vader": Lens("VADER", _compound, NEUTRAL_BAND),
}


def analyze_sentiment(
    doc: Document, quoted: Sequence[Span], mentions: Sequence[Mention] = ()
) -> Sentiment:
    """Per-sentence tone, article means with intervals, narration vs quoted, toward actors."""
    tones = tuple(
        _sentence_tone(doc, index, spans)
        for index, spans in enumerate(_quoted_by_sentence(doc, quoted))
    )
    parts = [part for tone in tones for part in tone.parts]
    overall = summarize([(t.polarity, t.subjectivity, t.vader) for t in tones])
    return Sentiment(
        **vars(overall),
        narration=summarize(
            [(p.polarity, p.subjectivity, p.vader) for p in parts if p.voice == "narration"]
        ),
        quoted=summarize(
            [(p.polarity, p.subjectivity, p.vader) for p in parts if p.voice == "quoted"]
        ),
        toward=tone_toward(doc, tones, mentions),
        sentences=tones,
    )


def _quoted_by_sentence(doc: Document, quoted: Sequence[Span]) -> list[list[Span]]:
    """The quoted spans overlapping each sentence, in one sweep (both run in text order),
    so a long article with many quotes costs linear, not quadratic, time."""
    ordered = sorted(quoted, key=lambda span: span.start)
    result: list[list[Span]] = []
    first = 0
    for sentence in doc.sentences:
        while first < len(ordered) and ordered[first].end <= sentence.start:
            first += 1
        overlapping = []
        for span in ordered[first:]:
            if span.start >= sentence.end:
                break
            if span.end > sentence.start:
                overlapping.append(span)
        result.append(overlapping)
    return result


def _sentence_tone(doc: Document, index: int, quoted: Sequence[Span]) -> SentenceTone:
    sentence = doc.sentences[index]
    polarity, subjectivity, vader, assessments = score_text(doc.text[sentence.start : sentence.end])
    pieces = voice_pieces(doc.text, sentence, quoted)
    quoted_chars = sum(end - start for voice, start, end in pieces if voice == "quoted")
    share = quoted_chars / max(1, sentence.end - sentence.start)
    if len(pieces) == 1:
        parts: tuple[Part, ...] = (
            Part(sentence.start, sentence.end, pieces[0][0], polarity, subjectivity, vader),
        )
    else:
        parts = tuple(
            Part(start, end, voice, *score_text(doc.text[start:end])[:3])
            for voice, start, end in pieces
        )
    return SentenceTone(index, polarity, subjectivity, vader, round(share, 4), assessments, parts)


def summarize(scores: Sequence[tuple[float, float, float]]) -> ToneSummary:
    """Means of polarity, subjectivity and VADER with seeded 90% bootstrap intervals."""
    if not scores:
        return ToneSummary(0, None, None, None, None, None, None)
    values = np.asarray(scores, dtype=float)
    means = values.mean(axis=0)
    intervals = bootstrap_intervals(values)
    return ToneSummary(
        len(values),
        round(float(means[0]), 4),
        intervals[0],
        round(float(means[1]), 4),
        intervals[1],
        round(float(means[2]), 4),
        intervals[2],
    )


def bootstrap_intervals(values: np.ndarray) -> list[tuple[float, float]]:
    """Percentile bootstrap interval of the column means, resampling rows (sentences)."""
    count = len(values)
    blocks = _cached_weights(count) if count <= CACHED_COUNTS else _weights(count)
    means = np.concatenate([weights @ values for weights in blocks])
    tail = (1 - CI_LEVEL) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail], axis=0)
    return [(round(float(lo), 4), round(float(hi), 4)) for lo, hi in zip(low, high, strict=True)]


def _weights(count: int) -> Iterator[np.ndarray]:
    """For each seeded resample, how often each of `count` rows is drawn, over `count`, so
    that the resample means are one matrix product. Resamples come a block at a time, so a
    long article does not need gigabytes; the random stream is the same either way."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    rows = max(1, BOOTSTRAP_BLOCK // count)
    for first in range(0, BOOTSTRAP_SAMPLES, rows):
        block = min(rows, BOOTSTRAP_SAMPLES - first)
        picks = rng.integers(0, count, size=(block, count))
        drawn = np.bincount(
            (picks + np.arange(block)[:, None] * count).ravel(), minlength=picks.size
        )
        yield drawn.reshape(block, count) / count


@lru_cache(maxsize=16)
def _cached_weights(count: int) -> tuple[np.ndarray, ...]:
    """The same draws for every article with `count` sentences: drawn once."""
    return tuple(_weights(count))


def tone_toward(
    doc: Document, tones: Sequence[SentenceTone], mentions: Sequence[Mention]
) -> tuple[ActorTone, ...]:
    """For each mentioned actor, the sentences naming it and their mean tone."""
    by_actor: dict[str, set[int]] = {}
    for mention in mentions:
        by_actor.setdefault(mention.actor, set()).add(doc.sentence_at(mention.start))
    actors = gazetteer()
    result = []
    for actor_id, indices in sorted(by_actor.items(), key=lambda item: (-len(item[1]), item[0])):
        chosen = sorted(indices)
        name = actors[actor_id].name
        result.append(
            ActorTone(
                actor_id,
                name,
                f"tone of sentences mentioning {name}",
                tuple(chosen),
                round(float(np.mean([tones[i].polarity for i in chosen])), 4),
                round(float(np.mean([tones[i].vader for i in chosen])), 4),
            )
        )
    return tuple(result)
