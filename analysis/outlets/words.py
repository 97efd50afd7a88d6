"""Each outlet's most distinctive words against the other outlets.

Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008), the method the Compare page uses for a handful of articles (`compare.words`),
here computed on sparse count matrices so that 100,000 articles fit. Log-odds rather
than TF-IDF because TF-IDF ranks words that are rare overall (a typo, a name used once)
and has no notion of chance; the z-score of the log-odds discounts a difference that a
small outlet shows by chance, and the prior (the pooled counts) keeps rare words from
topping the list.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from ..text import stopwords

# The informative prior is the pooled counts times this scale: 1 weighs the prior as much
# as the counts (Monroe et al.'s choice, and compare.words').
PRIOR_SCALE = 1.0
Z_SIGNIFICANT = 1.96  # |z| above this: a difference unlikely by chance (two-sided 5%)
DISTINCTIVE_TOP = 10  # a profile card shows this many words
MIN_TERM_COUNT = 3  # a word an outlet used fewer times says little about its wording
# A word of two characters or more starting with a letter (numbers and dates are events,
# not wording; single letters are the pieces of abbreviations such as "U.S.").
TOKEN = r"(?u)\b[^\W\d_][\w'’-]*\w\b"


@dataclass(frozen=True)
class Term:
    """A word or two-word phrase one group uses more than the others (z > 0)."""

    term: str
    z: float
    count: int
    others: int
    significant: bool


def without_own_names(texts: pd.Series, outlets: pd.Series) -> pd.Series:
    """Each text without its own outlet's name, as the Compare page's distinctive words
    mask it: who published an article says nothing about how it words the story. An
    empty outlet (unknown) masks nothing."""
    return pd.Series(
        [
            _name_pattern(outlet).sub(" ", text) if outlet else text
            for text, outlet in zip(texts, outlets, strict=True)
        ],
        dtype="string",
    )


@cache
def _name_pattern(outlet: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(outlet)}\b", re.IGNORECASE)


def vectorizer() -> CountVectorizer:
    """Words and two-word phrases, lower-cased, stop-words left out (a phrase joins two
    content words that stood together once stop-words were removed)."""
    return CountVectorizer(
        token_pattern=TOKEN, stop_words=sorted(stopwords()), ngram_range=(1, 2), dtype=np.int64
    )


class TermCounts:
    """Term counts per group, added chunk by chunk: memory grows with the vocabulary and
    the number of groups, never with the number of articles."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.groups: dict[tuple[str, str], int] = {}
        self.counts = sparse.csr_matrix((0, 0), dtype=np.int64)

    def add(self, texts: Sequence[str], groups: Sequence[tuple[str, str]]) -> None:
        """Count the texts' terms into their groups (an (outlet, story) pair each)."""
        counter = vectorizer()
        try:
            chunk = counter.fit_transform(texts)
        except ValueError:  # nothing but stop-words and numbers in the whole chunk
            return
        terms = counter.get_feature_names_out()
        where = np.array([self.vocabulary.setdefault(t, len(self.vocabulary)) for t in terms])
        rows = np.array([self.groups.setdefault(g, len(self.groups)) for g in groups])
        shape = (len(self.groups), len(self.vocabulary))
        member = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.int64), (rows, np.arange(len(rows)))),
            shape=(shape[0], len(rows)),
        )
        by_group = (member @ chunk).tocoo()
        added = sparse.csr_matrix((by_group.data, (by_group.row, where[by_group.col])), shape=shape)
        self.counts.resize(shape)
        self.counts = self.counts + added

    def terms(self) -> np.ndarray:
        """The vocabulary in column order."""
        return np.array(list(self.vocabulary), dtype=object)


def distinctive(counts: sparse.csr_matrix, terms: np.ndarray) -> list[tuple[Term, ...]]:
    """Each row's most distinctive terms against the sum of the other rows (none when
    there is no other row to compare with)."""
    if counts.shape[0] < 2:
        return [() for _ in range(counts.shape[0])]
    total = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    alpha = PRIOR_SCALE * total
    alpha0, size = alpha.sum(), total.sum()
    return [
        _row_terms(counts.getrow(i), total, alpha, alpha0, size, terms)
        for i in range(counts.shape[0])
    ]


def _row_terms(
    row: sparse.csr_matrix,
    total: np.ndarray,
    alpha: np.ndarray,
    alpha0: float,
    size: float,
    terms: np.ndarray,
) -> tuple[Term, ...]:
    """Monroe et al. eq. 16 and 19 for the terms one row uses often enough."""
    used = row.data >= MIN_TERM_COUNT
    columns, own = row.indices[used], row.data[used].astype(float)
    others, prior = total[columns] - own, alpha[columns]
    n_own = float(row.sum())
    rest_own = n_own + alpha0 - own - prior
    rest_others = size - n_own + alpha0 - others - prior
    valid = (rest_own > 0) & (rest_others > 0)  # the only word in the vocabulary has no odds
    columns, own, others, prior = columns[valid], own[valid], others[valid], prior[valid]
    delta = np.log((own + prior) / rest_own[valid]) - np.log((others + prior) / rest_others[valid])
    z = delta / np.sqrt(1 / (own + prior) + 1 / (others + prior))
    order = [i for i in np.lexsort((terms[columns], -z)) if z[i] > 0][:DISTINCTIVE_TOP]
    return tuple(
        Term(
            str(terms[columns[i]]),
            round(float(z[i]), 3),
            int(own[i]),
            int(others[i]),
            bool(z[i] > Z_SIGNIFICANT),
        )
        for i in order
    )
