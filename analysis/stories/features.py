"""What an article is about, as hashed term counts: its content words, the names it uses,
and the numbers and dates it gives.

Terms are hashed (scikit-learn's `HashingVectorizer`), not counted into a vocabulary: the
step needs no pass over the whole corpus first, so any part of a corpus can be turned into
features on its own (on a dask worker too) and the parts stacked. A small table from
feature index to the term seen there lets labels be written in words.

Names are capitalised phrases of two or more words (`William Ruto`, `Key Bridge`) and
all-capital acronyms (`WHO`, `CMA`): cheaper than the actor finder of `analysis.knowledge`
(rules over a gazetteer, about a hundred times slower per article), and for telling
stories apart a name need only be the same string in two articles, not be known.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from ..resources import load_tsv

# 2**20 buckets: at 100,000 news articles (a few hundred thousand distinct terms) few
# terms share a bucket, and a row of the sparse matrix costs no more for the size.
N_FEATURES = 2**20
NAME_PREFIX = "name:"
NUMBER_PREFIX = "number:"
DATE_PREFIX = "date:"
# A name says more about which story an article tells than a common word does: it counts
# as this many occurrences of an ordinary term.
NAME_WEIGHT = 2
WORD = re.compile(r"[A-Za-z][a-z]+(?:['’-][a-z]+)*")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A capitalised word may join another by a hyphen or apostrophe (`Crabtree-Ireland`,
# `O'Brien`), but not by a possessive `'s`, which ends the name.
_CAPITALISED = r"[A-Z][a-z]+(?:[-'’](?:[A-Z][a-z]+|[a-z]{2,}))?"
NAME = re.compile(rf"\b{_CAPITALISED}(?:\s+{_CAPITALISED})+")
# Numbers of two or more digits (a death toll, an amount, a year); single digits are in
# every article.
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*\d(?!\d)")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b({MONTHS})\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+({MONTHS})\b")
MIN_WORD_CHARS = 3


@dataclass(frozen=True)
class Features:
    """Hashed term counts of some articles (one row each), and a term for each bucket."""

    counts: sparse.csr_matrix
    terms: dict[int, str]


@cache
def stop_words() -> frozenset[str]:
    """Words of every news story (data/story_stopwords.tsv) plus English function words."""
    words = frozenset(row[0] for row in load_tsv("story_stopwords.tsv"))
    return words | frozenset(row[0] for row in load_tsv("stopwords.tsv"))


def terms(text: str) -> list[str]:
    """The terms of one text: content words (lower case), names, numbers and dates."""
    stop = stop_words()
    found = [
        word
        for word in (_possessive(match.lower()) for match in WORD.findall(text))
        if len(word) >= MIN_WORD_CHARS and word not in stop
    ]
    names = [NAME_PREFIX + _name(name) for name in NAME.findall(text)]
    names += [NAME_PREFIX + acronym for acronym in ACRONYM.findall(text)]
    found += [name for name in names if name.removeprefix(NAME_PREFIX)] * NAME_WEIGHT
    found += [NUMBER_PREFIX + number.replace(",", "") for number in NUMBER.findall(text)]
    for month, day, day_first, month_after in DATE.findall(text):
        found.append(f"{DATE_PREFIX}{month or month_after} {int(day or day_first)}")
    return found


def _possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _name(phrase: str) -> str:
    """A capitalised phrase without the function words that start sentences (`The`,
    `In`): `In Baltimore Harbor` is the name `Baltimore Harbor`; one word left is none."""
    stop = stop_words()
    words = phrase.split()
    while words and words[0].lower() in stop:
        words.pop(0)
    return " ".join(words) if len(words) > 1 else ""


@cache
def _hasher() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=_identity,
        n_features=N_FEATURES,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


def _identity(items: Any) -> Any:
    return items


def features(texts: Iterable[str]) -> Features:
    """Hashed term counts of the texts (one row each), with the terms seen."""
    found = [terms(text) for text in texts]
    hasher = _hasher()
    counts = hasher.transform(found)
    seen = list(dict.fromkeys(term for items in found for term in items))
    return Features(sparse.csr_matrix(counts), dict(zip(buckets(seen), seen, strict=True)))


def buckets(items: Sequence[str]) -> list[int]:
    """The feature index each term is counted in."""
    if not items:
        return []
    return [int(index) for index in _hasher().transform([[term] for term in items]).indices]


def stack(parts: Sequence[Features]) -> Features:
    """The features of parts of a corpus, in order, as one."""
    table: dict[int, str] = {}
    for part in parts:
        for index, term in part.terms.items():
            table.setdefault(index, term)
    if not parts:
        return Features(sparse.csr_matrix((0, N_FEATURES), dtype=np.float32), table)
    return Features(sparse.csr_matrix(sparse.vstack([part.counts for part in parts])), table)
