"""Compare how news outlets cover one story: sentiment, quoted sources and framing,
every score with the sentences and words behind it.

    >>> from analysis import load, analyze, compare
    >>> reports = [analyze(article) for article in load()]
    >>> reports[0].sentiment.polarity_ci
    >>> compare(reports).coverage

`load()` with no path loads the bundled sample (five articles on India's S-400 purchase).
"""

from .compare import Comparison, compare, share_descriptions
from .corpus import (
    SAMPLE,
    Article,
    InputWarning,
    Removal,
    article_from_bytes,
    load,
    load_each,
    make_article,
)
from .errors import AnalysisError, DataFileError, InputError, ManifestError, StoreError
from .export import to_json
from .framing import Codebook, FrameScore, Framing, load_codebook
from .report import ANALYZER_VERSION, SCHEMA_VERSION, Report, analyze
from .sentiment import SentenceTone, Sentiment
from .sources import Quote, SourceMix, Sources, Speaker, Unsourced

__all__ = [
    "ANALYZER_VERSION",
    "SAMPLE",
    "SCHEMA_VERSION",
    "AnalysisError",
    "Article",
    "Codebook",
    "Comparison",
    "DataFileError",
    "FrameScore",
    "Framing",
    "InputError",
    "InputWarning",
    "ManifestError",
    "Quote",
    "Removal",
    "Report",
    "SentenceTone",
    "Sentiment",
    "SourceMix",
    "Sources",
    "Speaker",
    "StoreError",
    "Unsourced",
    "analyze",
    "article_from_bytes",
    "compare",
    "load",
    "load_codebook",
    "load_each",
    "make_article",
    "share_descriptions",
    "to_json",
]
