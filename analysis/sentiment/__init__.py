"""Tone: every sentence read by three lenses (the news lens, TextBlob's polarity, VADER),
article means with 90% bootstrap intervals, narration apart from quotes, and the tone of
the sentences naming each actor. `lenses` says what each lens reads; `news` is the
default lens; `tone` puts them together for an article."""

from .lenses import LENSES, NEUTRAL_BAND, Lens
from .lexicons import Assessment, score_text
from .news import ToneWord
from .tone import (
    ActorTone,
    Part,
    SentenceTone,
    Sentiment,
    ToneSummary,
    analyze_sentiment,
    summarize,
    tone_toward,
)

__all__ = [
    "LENSES",
    "NEUTRAL_BAND",
    "ActorTone",
    "Assessment",
    "Lens",
    "Part",
    "SentenceTone",
    "Sentiment",
    "ToneSummary",
    "ToneWord",
    "analyze_sentiment",
    "score_text",
    "summarize",
    "tone_toward",
]
