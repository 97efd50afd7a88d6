"""The two lexicon scorers the lenses read: TextBlob's PatternAnalyzer (polarity and
subjectivity of adjectives, with their negations and intensifiers) and VADER (compound
score). Both ship their lexicons: no download.
"""

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Assessment:
    """Words TextBlob matched in its lexicon and the scores they carry."""

    words: tuple[str, ...]
    polarity: float
    subjectivity: float


@cache
def textblob_sentiment() -> Any:
    """TextBlob's PatternAnalyzer scorer, built as `textblob.en.sentiment` is, from the
    library's own module and lexicon file, without importing the `textblob` package: that
    import pulls in NLTK and SciPy (over a second at every start and in every batch worker)
    for nothing the scorer uses. Called directly: `PatternAnalyzer.analyze` with
    keep_assessments scores the text twice and builds a namedtuple class on every call,
    which made it the largest cost of the whole analysis (benchmarks/performance.py)."""
    folder = Path(importlib.util.find_spec("textblob").origin).parent  # type: ignore[arg-type, union-attr]
    spec = importlib.util.spec_from_file_location("_textblob_text", folder / "_text.py")
    pattern: Any = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(pattern)  # type: ignore[union-attr]  # the standard library only

    class Sentiment(pattern.Sentiment):  # type: ignore[misc]
        def load(self, path: str | None = None) -> None:
            """textblob.en's own: each adjective also scores its -ly adverb."""
            pattern.Sentiment.load(self, path)
            if not path:
                entries: list[tuple[str, dict[str, Any]]] = list(dict.items(self))
                for word, tags in entries:
                    if "JJ" in tags:
                        word = word[:-1] + "i" if word.endswith("y") else word
                        word = word[:-2] if word.endswith("le") else word
                        polarity, subjectivity, intensity = tags["JJ"]
                        self.annotate(word + "ly", "RB", polarity, subjectivity, intensity)

    return Sentiment(
        path=str(folder / "en" / "en-sentiment.xml"),
        synset="wordnet_id",
        negations=("no", "not", "n't", "never"),
        modifiers=("RB",),
        modifier=lambda word: word.endswith("ly"),
        tokenizer=pattern.find_tokens,
        language="en",
    )


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
