"""Tone: every sentence read by the lenses, article means with 90% bootstrap intervals,
the outlet's narration apart from the quoted text, and the tone of the sentences naming
each actor.

Whole-document VADER is not reported: on any long article its compound score saturates
near ±0.97.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..knowledge import Mention
from ..text import Document, Span, SpanSet, Voice, voice_pieces
from .intervals import bootstrap_intervals
from .lexicons import Assessment, score_text
from .news import ToneWord, news_score, news_words


@dataclass(frozen=True)
class Part(Span):
    """A stretch of one sentence in one voice, scored on its own."""

    voice: Voice
    tone: float
    polarity: float
    subjectivity: float
    vader: float


@dataclass(frozen=True)
class SentenceTone:
    """One sentence as each lens reads it: `tone` (the news lens, with the `words` that
    moved it), TextBlob's `polarity`, `subjectivity` and `assessments`, VADER's compound."""

    sentence: int
    tone: float
    polarity: float
    subjectivity: float
    vader: float
    quoted_share: float
    assessments: tuple[Assessment, ...]
    words: tuple[ToneWord, ...]
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class ToneSummary:
    """Mean tone over `n` scored pieces of text, each mean with its 90% bootstrap interval."""

    n: int
    tone: float | None
    tone_ci: tuple[float, float] | None
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
    tone: float | None
    polarity: float | None
    vader: float | None


@dataclass(frozen=True)
class Sentiment(ToneSummary):
    """Article tone over sentences, split into narration and quoted text, and toward actors."""

    narration: ToneSummary
    quoted: ToneSummary
    toward: tuple[ActorTone, ...]
    sentences: tuple[SentenceTone, ...]


def analyze_sentiment(
    doc: Document, quoted: Sequence[Span], mentions: Sequence[Mention] = ()
) -> Sentiment:
    """Per-sentence tone, article means with intervals, narration vs quoted, toward actors."""
    names = SpanSet(Span(m.start, m.end) for m in mentions if m.kind != "group")
    tones = tuple(
        _sentence_tone(doc, index, spans, names)
        for index, spans in enumerate(_quoted_by_sentence(doc, quoted))
    )
    parts = [part for tone in tones for part in tone.parts]
    overall = summarize([(t.tone, t.polarity, t.subjectivity, t.vader) for t in tones])
    return Sentiment(
        **vars(overall),
        narration=summarize(
            [(p.tone, p.polarity, p.subjectivity, p.vader) for p in parts if p.voice == "narration"]
        ),
        quoted=summarize(
            [(p.tone, p.polarity, p.subjectivity, p.vader) for p in parts if p.voice == "quoted"]
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


def _sentence_tone(
    doc: Document, index: int, quoted: Sequence[Span], names: SpanSet
) -> SentenceTone:
    sentence = doc.sentences[index]
    polarity, subjectivity, vader, assessments = score_text(doc.text[sentence.start : sentence.end])
    words = news_words(doc.text, sentence.start, sentence.end, assessments, names)
    tone = news_score(words)
    pieces = voice_pieces(doc.text, sentence, quoted)
    quoted_chars = sum(end - start for voice, start, end in pieces if voice == "quoted")
    share = quoted_chars / max(1, sentence.end - sentence.start)
    if len(pieces) == 1:
        parts: tuple[Part, ...] = (
            Part(sentence.start, sentence.end, pieces[0][0], tone, polarity, subjectivity, vader),
        )
    else:
        parts = tuple(_part(doc.text, voice, start, end, words) for voice, start, end in pieces)
    return SentenceTone(
        index, tone, polarity, subjectivity, vader, round(share, 4), assessments, words, parts
    )


def _part(text: str, voice: Voice, start: int, end: int, words: Sequence[ToneWord]) -> Part:
    """One voice's stretch of a sentence: TextBlob and VADER read it on its own; the news
    lens counts the sentence's words that fall in it (their negation and contrast are the
    sentence's)."""
    polarity, subjectivity, vader, _ = score_text(text[start:end])
    tone = news_score([word for word in words if start <= word.start < end])
    return Part(start, end, voice, tone, polarity, subjectivity, vader)


def summarize(scores: Sequence[tuple[float, float, float, float]]) -> ToneSummary:
    """Means of the news lens's tone, TextBlob's polarity and subjectivity and VADER, each
    with its seeded 90% bootstrap interval."""
    if not scores:
        return ToneSummary(0, None, None, None, None, None, None, None, None)
    values = np.asarray(scores, dtype=float)
    means = [round(float(mean), 4) for mean in values.mean(axis=0)]
    intervals = bootstrap_intervals(values)
    return ToneSummary(
        len(values),
        means[0],
        intervals[0],
        means[1],
        intervals[1],
        means[2],
        intervals[2],
        means[3],
        intervals[3],
    )


def tone_toward(
    doc: Document, tones: Sequence[SentenceTone], mentions: Sequence[Mention]
) -> tuple[ActorTone, ...]:
    """For each mentioned actor, the sentences naming it and their mean tone."""
    by_actor: dict[str, set[int]] = {}
    names: dict[str, str] = {}
    for mention in mentions:
        by_actor.setdefault(mention.actor, set()).add(doc.sentence_at(mention.start))
        names.setdefault(mention.actor, mention.name)
    result = []
    for actor_id, indices in sorted(by_actor.items(), key=lambda item: (-len(item[1]), item[0])):
        chosen = sorted(indices)
        name = names[actor_id]
        result.append(
            ActorTone(
                actor_id,
                name,
                f"tone of sentences mentioning {name}",
                tuple(chosen),
                round(float(np.mean([tones[i].tone for i in chosen])), 4),
                round(float(np.mean([tones[i].polarity for i in chosen])), 4),
                round(float(np.mean([tones[i].vader for i in chosen])), 4),
            )
        )
    return tuple(result)
