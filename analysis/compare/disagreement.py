"""Where the two tone lenses disagree on a sentence's direction, per outlet."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..report import Report
from ..sentiment import NEUTRAL_BAND

Direction = Literal["positive", "negative", "neutral"]


@dataclass(frozen=True)
class Disagreement:
    """A sentence TextBlob and VADER read in opposite directions."""

    column: str
    article: str
    sentence: int
    text: str
    polarity: float
    vader: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class DisagreementRate:
    column: str
    sentences: int
    opposite: int


# --- analyzer disagreement ------------------------------------------------------------


def direction(score: float) -> Direction:
    if score > NEUTRAL_BAND:
        return "positive"
    return "negative" if score < -NEUTRAL_BAND else "neutral"


def opposite(polarity: float, vader: float) -> bool:
    """TextBlob and VADER point in opposite directions, both outside the neutral band."""
    return {direction(polarity), direction(vader)} == {"positive", "negative"}


def disagreements(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[Disagreement, ...]:
    """Sentences TextBlob and VADER read in opposite directions, with TextBlob's words."""
    return tuple(
        Disagreement(
            column_of[report.article.id],
            report.article.id,
            tone.sentence,
            report.document.sentence_text(tone.sentence),
            tone.polarity,
            tone.vader,
            tuple(word for assessment in tone.assessments for word in assessment.words),
        )
        for report in reports
        for tone in report.sentiment.sentences
        if opposite(tone.polarity, tone.vader)
    )


def disagreement_rates(
    reports: Sequence[Report], column_of: dict[str, str], column_keys: Sequence[str]
) -> tuple[DisagreementRate, ...]:
    sentences: Counter[str] = Counter()
    opposed: Counter[str] = Counter()
    for report in reports:
        column = column_of[report.article.id]
        for tone in report.sentiment.sentences:
            sentences[column] += 1
            opposed[column] += opposite(tone.polarity, tone.vader)
    return tuple(DisagreementRate(key, sentences[key], opposed[key]) for key in column_keys)
