"""Compare how news outlets cover one story: sentiment, quoted sources and framing,
every score with the sentences and words behind it.

    >>> from analysis import load, analyze
    >>> reports = [analyze(article) for article in load("seeds")]
    >>> reports[0].sentiment.polarity_ci
    >>> analyze(reports[0].article, codebook="generic").framing.dominant
"""

from .compare import Comparison, compare
from .corpus import (
    Article,
    InputWarning,
    Removal,
    article_from_bytes,
    load,
    load_each,
    make_article,
)
from .errors import AnalysisError, DataFileError, InputError, ManifestError
from .framing import Codebook, Framing, load_codebook
from .report import ANALYZER_VERSION, SCHEMA_VERSION, Report, analyze, to_json

__all__ = [
    "ANALYZER_VERSION",
    "SCHEMA_VERSION",
    "AnalysisError",
    "Article",
    "Codebook",
    "Comparison",
    "DataFileError",
    "Framing",
    "InputError",
    "InputWarning",
    "ManifestError",
    "Removal",
    "Report",
    "analyze",
    "article_from_bytes",
    "compare",
    "load",
    "load_codebook",
    "load_each",
    "make_article",
    "to_json",
]
