"""The tone lenses: ways of reading a sentence's tone, each a score from −1 to +1 and a
neutral band. The news lens is the default; TextBlob's plain polarity and VADER are kept to
compare with (each one's agreement with hand labels is on the Method page).
"""

from collections.abc import Callable
from dataclasses import dataclass

from ..knowledge import find_mentions
from ..text import Span, SpanSet
from .lexicons import score_text, textblob_sentiment, vader_analyzer
from .news import NEWS_NEGATIVE, NEWS_POSITIVE, news_score, news_words


@dataclass(frozen=True)
class Lens:
    """A way of reading a sentence's tone: `score` maps text to −1…+1; a score below
    `negative` reads as negative, above `positive` as positive, between as neutral."""

    name: str
    score: Callable[[str], float]
    negative: float
    positive: float

    def direction(self, score: float) -> int:
        """−1, 0 or +1."""
        return -1 if score < self.negative else 1 if score > self.positive else 0


def _polarity(text: str) -> float:
    return float(textblob_sentiment()(text)[0])


def _compound(text: str) -> float:
    return float(vader_analyzer().polarity_scores(text)["compound"])


def news_tone(text: str) -> float:
    """The news lens on a bare text (a sentence): its names found and masked first."""
    names = SpanSet(Span(m.start, m.end) for m in find_mentions(text) if m.kind != "group")
    words = news_words(text, 0, len(text), score_text(text)[3], names)
    return news_score(words)


# VADER's documented neutral band for the compound score (Hutto & Gilbert 2014); the same
# band is used for TextBlob's polarity, whose documentation sets none.
NEUTRAL_BAND = 0.05
LENSES: dict[str, Lens] = {
    "news": Lens("News", news_tone, NEWS_NEGATIVE, NEWS_POSITIVE),
    "textblob": Lens("TextBlob", _polarity, -NEUTRAL_BAND, NEUTRAL_BAND),
    "vader": Lens("VADER", _compound, -NEUTRAL_BAND, NEUTRAL_BAND),
}
