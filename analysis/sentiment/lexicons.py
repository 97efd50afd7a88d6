"""The two lexicon scorers the lenses read: TextBlob's PatternAnalyzer (polarity and
subjectivity of adjectives, with their negations and intensifiers) and VADER (compound
score). Both ship their lexicons: no download.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Assessment:
    """Words TextBlob matched in its lexicon and the scores they carry."""

    words: tuple[str, ...]
    polarity: float
    subjectivity: float


@cache
def textblob_sentiment() -> Any:
    """TextBlob's PatternAnalyzer scorer. Called directly: `PatternAnalyzer.analyze` with
    keep_assessments scores the text twice and builds a namedtuple class on every call,
    which made it the largest cost of the whole analysis (benchmarks/performance.py)."""
    from textblob.en import sentiment

    return sentiment


@cache
def vader_analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_text(text: str) -> tuple[float, float, float, tuple[Assessment, ...]]:
    """TextBlob polarity, subjectivity, VADER compound and TextBlob's assessments."""
    result = textblob_sentiment()(text)
    assessments = tuple(
        Assessment(tuple(words), round(polarity, 4), round(subjectivity, 4))
        for words, polarity, subjectivity, _ in result.assessments
    )
    vader = vader_analyzer().polarity_scores(text)["compound"]
    polarity, subjectivity = result
    return round(polarity, 4), round(subjectivity, 4), vader, assessments
