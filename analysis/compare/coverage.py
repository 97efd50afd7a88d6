"""Coverage: the facts (groups of similar sentences across outlets) each outlet reports,
only reports, or leaves out.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import numpy as np

from ..report import Report
from ..text import WORD, stopwords
from .columns import Evidence
from .entities import Cell, EntityMention
from .fact_lexicon import fact_lexicon, fact_term, is_figure, number_terms, stem
from .grouping import Group, Vectors, fact_groups

# Sentences' terms to sentence vectors (similarity: their dot products) or, for small
# experiments, a square similarity matrix.
Similarity = Callable[[Sequence[Sequence[str]]], Vectors | np.ndarray]
# Sentences are one fact while the mean TF-IDF cosine of their fact terms within their
# group stays at or above this. Chosen with ACTOR_WEIGHT on the 56 seed pairs
# (tests/gold/fact_pairs.tsv) and the `tune` pairs of real articles
# (tests/gold/real/fact_pairs_*.tsv), `python -m benchmarks.fact_grouping --sweep`: on the
# 316 tune pairs, 0.22 keeps the most same-fact pairs at a precision of 0.85 or more
# (0.87, recall 0.38); at 0.15 groups of sentences sharing only the story's actors and
# vocabulary merge (precision 0.72), at 0.26 recall falls to 0.31. Neither average,
# single nor complete linkage, clause-sized units, pivoted length normalisation nor
# general-English word rarity as a weight did better on them: paraphrases with few shared
# words or names are still missed, so "only" and "omitted" remain lexical findings.
FACT_SIMILARITY = 0.22
# Countries and international bodies count twice: who acts on whom (the US on India,
# Greece's coast guard) is what the labelled same-fact pairs most often share beyond
# their words. Once, precision on the seed pairs falls to 0.4; three times, recall on
# the tune pairs to 0.42 (same sweep). People and entities count once.
ACTOR_WEIGHT = 2
MIN_FACT_WORDS = 4  # distinct terms a sentence needs to be a fact (drops "Read more.")
OMITTED_SHARE = 0.5  # an outlet leaves out a fact when more than half the others report it


@dataclass(frozen=True)
class Fact:
    """Sentences from one or more columns that say the same thing.

    `text` is the most central sentence of the group; `cohesion` is the mean similarity
    between the group's sentences from different columns (1.0 for a single sentence).
    """

    id: int
    text: str
    columns: tuple[str, ...]
    cohesion: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ColumnFacts:
    column: str
    facts: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    """Facts × columns. `only`: facts one column alone reports. `omitted`: facts a
    column leaves out that more than half of the other columns report."""

    method: str
    threshold: float
    facts: tuple[Fact, ...]
    only: tuple[ColumnFacts, ...]
    omitted: tuple[ColumnFacts, ...]


# --- terms ----------------------------------------------------------------------------


@cache
def normal_word(word: str) -> str:
    """Lower case (acronyms keep their capitals: US is not us; S-400s is S-400), straight
    apostrophes, possessive `'s` removed."""
    word = re.sub(r"[’']s$", "", word.replace("’", "'"))
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    return word if len(word) > 1 and word.isupper() else word.lower()


def sentence_terms(
    text: str, start: int, end: int, masked: Sequence[tuple[int, int]] = ()
) -> list[str]:
    """Content words of text[start:end] and the two-word phrases they form.

    Stop-words and words inside `masked` spans (people's names, the outlet's own name)
    are left out; a phrase is two content words with only spaces or a hyphen between.
    """
    spans = [(a, b) for a, b in masked if a < end and b > start]
    words = []
    for match in WORD.finditer(text, start, end):
        inside = any(a <= match.start() < b for a, b in spans)
        word = normal_word(match.group())
        words.append((word, match.start(), match.end(), inside or word in stopwords()))
    terms = [word for word, _, _, skip in words if not skip]
    for (first, _, first_end, skip1), (second, second_start, _, skip2) in pairwise(words):
        if not (skip1 or skip2) and text[first_end:second_start].strip(" -") == "":
            terms.append(f"{first} {second}")
    return terms


def tfidf_similarity(documents: Sequence[Sequence[str]]) -> Vectors | np.ndarray:
    """Cosine similarity of TF-IDF vectors (sublinear term frequency, smoothed idf), as
    the unit-length vectors."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(documents):
        return np.eye(len(documents))
    return Vectors(TfidfVectorizer(analyzer=list, sublinear_tf=True).fit_transform(documents))


# --- coverage -------------------------------------------------------------------------


def coverage(
    reports: Sequence[Report],
    entities: Sequence[Sequence[EntityMention]],
    column_of: dict[str, str],
    column_keys: Sequence[str],
    similarity: Similarity,
    threshold: float,
) -> Coverage:
    """Group sentences into facts by average-linkage clustering on `similarity`."""
    units, terms = fact_units(reports, entities)
    # distance 1 − similarity below 1 − threshold (+1e-9: a group exactly at the
    # threshold is one fact)
    groups = fact_groups(similarity(terms), 1.0 - threshold + 1e-9) if units else []
    facts = [_fact(group, units, column_of) for group in groups]
    facts.sort(key=lambda f: (-len(f.columns), -f.cohesion, _first_location(f)))
    facts = [_renumber(fact, number) for number, fact in enumerate(facts, 1)]
    only: dict[str, list[int]] = {key: [] for key in column_keys}
    omitted: dict[str, list[int]] = {key: [] for key in column_keys}
    for fact in facts:
        if len(fact.columns) == 1:
            only[fact.columns[0]].append(fact.id)
        if len(fact.columns) > OMITTED_SHARE * (len(column_keys) - 1):
            reporting = set(fact.columns)
            for key in column_keys:
                if key not in reporting:
                    omitted[key].append(fact.id)
    return Coverage(
        similarity.__name__,
        threshold,
        tuple(facts),
        tuple(ColumnFacts(key, tuple(ids)) for key, ids in only.items()),
        tuple(ColumnFacts(key, tuple(ids)) for key, ids in omitted.items()),
    )


def fact_units(
    reports: Sequence[Report], entities: Sequence[Sequence[EntityMention]]
) -> tuple[list[tuple[Report, int]], list[list[str]]]:
    """The sentences that can be facts (report, sentence index) and their terms."""
    units: list[tuple[Report, int]] = []
    terms: list[list[str]] = []
    for report, found in zip(reports, entities, strict=True):
        for sentence in report.document.sentences:
            words = fact_terms(report, sentence.start, sentence.end, found)
            if len(set(words)) >= MIN_FACT_WORDS:  # an entity or a figure is content too
                units.append((report, sentence.index))
                terms.append(words)
    return units, terms


def fact_terms(
    report: Report, start: int, end: int, entities: Sequence[EntityMention]
) -> list[str]:
    """A sentence's terms for fact matching: stemmed content words, a predicate's class
    for its words (`blocked` = `prevented`, data/fact_lexicon.toml), figures in one form
    (`7,176,141` = `7.18 million`), and each entity and actor once by its key; attribution
    (`said`) is left out: it tells how a fact was reported, not the fact.

    `Washington` and `the United States` become one term `actor:US`; a law's five-word
    name one term, so names neither split into many shared words nor hide a paraphrase.
    """
    lexicon = fact_lexicon()
    inside = [m for m in entities if start <= m.start < end]
    # countries, international bodies and people become one term each; the words of other
    # organisations' names stay words (`Wall Street Journal` is three telling words)
    actors = [
        m
        for m in report.mentions
        if start <= m.start < end and m.kind in ("country", "international", "person")
    ]
    masked = [(m.start, m.end) for m in inside] + [(m.start, m.end) for m in actors]
    text = report.article.text
    words = [
        fact_term(stem(term), lexicon)
        for term in sentence_terms(text, start, end, masked)
        if " " not in term and not is_figure(term)
    ]
    keys = [f"{m.kind}:{m.key}" for m in inside] + number_terms(text, start, end, masked)
    # a person by surname, stemmed as the word would be where no rule recognised the name,
    # so `Putin` here is `Vladimir Putin` there
    people = [stem(normal_word(m.name.split()[-1])) for m in actors if m.kind == "person"]
    others = [f"actor:{m.actor}" for m in actors if m.kind != "person"]  # `Washington` = US
    return [w for w in words if w] + keys + people + others * ACTOR_WEIGHT


def _renumber(fact: Fact, number: int) -> Fact:
    return Fact(number, fact.text, fact.columns, fact.cohesion, fact.cells)


def _first_location(fact: Fact) -> tuple[str, int]:
    evidence = fact.cells[0].evidence[0]
    return evidence.article, evidence.sentences[0]


def _fact(group: Group, units: Sequence[tuple[Report, int]], column_of: dict[str, str]) -> Fact:
    by_column: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for m in group.sentences:
        report, index = units[m]
        by_column[column_of[report.article.id]][report.article.id].append(index)
    weights = np.array([len(copies) for copies in group.copies], dtype=float)
    # a sentence's summed similarity to the group's sentences, its copies included
    central_sum = (group.similarity * weights).sum(axis=1)
    central = max(range(len(group.points)), key=lambda p: (central_sum[p], -group.points[p]))
    report, index = units[group.points[central]]
    return Fact(
        0,
        report.document.sentence_text(index),
        tuple(by_column),
        _cohesion(group, units, column_of, weights),
        tuple(
            Cell(
                column,
                sum(len(s) for s in articles.values()),
                (),
                tuple(Evidence(a, tuple(sorted(s))) for a, s in articles.items()),
            )
            for column, articles in by_column.items()
        ),
    )


def _cohesion(
    group: Group,
    units: Sequence[tuple[Report, int]],
    column_of: dict[str, str],
    weights: np.ndarray,
) -> float:
    """Mean similarity over the group's pairs of sentences from different columns (1.0
    when there are none), counted from each distinct sentence's copies per column."""
    keys = sorted({column_of[units[m][0].article.id] for m in group.sentences})
    position = {key: number for number, key in enumerate(keys)}
    per_column = np.zeros((len(group.points), len(keys)))
    for point, copies in enumerate(group.copies):
        for m in copies:
            per_column[point, position[column_of[units[m][0].article.id]]] += 1
    # pairs of copies of points p, q from different columns (p = q: twice each pair)
    pairs = np.outer(weights, weights) - per_column @ per_column.T
    total = pairs.sum()
    return round(float((group.similarity * pairs).sum() / total), 4) if total else 1.0
