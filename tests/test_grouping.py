"""Comparing many articles: fact grouping in blocks equals average linkage on the whole
dense distance matrix; shared quotes and distinctive words found without all pairs."""

import dataclasses
from collections import Counter, defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from analysis import SAMPLE, analyze, load
from analysis.compare.coverage import FACT_SIMILARITY, fact_units, sentence_terms, tfidf_similarity
from analysis.compare.entities import key_entities
from analysis.compare.grouping import Vectors, average_linkage, fact_groups
from analysis.compare.quotes import shared_quotes
from analysis.compare.words import _masked_spans, distinctive_words, log_odds_z


def dense_groups(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """The reference: scikit-learn's average linkage on the full distance matrix."""
    from sklearn.cluster import AgglomerativeClustering

    if len(similarity) < 2:
        return [[i] for i in range(len(similarity))]
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold + 1e-9,
    ).fit_predict(distance)
    groups: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[label].append(index)
    return sorted(groups.values())


def blocked_groups(similar: Vectors | np.ndarray, threshold: float) -> list[list[int]]:
    return [list(group.sentences) for group in fact_groups(similar, 1.0 - threshold + 1e-9)]


def random_similarity(seed: int, size: int, density: float) -> np.ndarray:
    """A symmetric similarity matrix with continuous values (no ties) and many zeros."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.0, 1.0, (size, size)) * (rng.uniform(size=(size, size)) < density)
    matrix = np.triu(values, 1)
    return matrix + matrix.T + np.eye(size)


def random_vectors(seed: int, size: int, copies: int) -> Vectors:
    """Unit-length sparse rows over a small vocabulary, some rows repeated."""
    rng = np.random.default_rng(seed)
    distinct = sparse.random(size, 12, density=0.3, random_state=rng, format="csr")
    distinct.data[:] = rng.uniform(0.1, 1.0, distinct.nnz)
    distinct = distinct[np.flatnonzero(distinct.getnnz(axis=1))]
    order = rng.integers(0, distinct.shape[0], distinct.shape[0] + copies)
    rows = distinct[order]
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1))).ravel()
    return Vectors(sparse.csr_matrix(sparse.diags(1 / norms) @ rows))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 40),
    st.floats(0.02, 1.0),
    st.floats(0.05, 0.95),
)
def test_blocks_equal_dense_average_linkage_on_random_similarities(seed, size, density, threshold):
    matrix = random_similarity(seed, size, density)
    assert blocked_groups(matrix, threshold) == dense_groups(matrix, threshold)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 30), st.integers(0, 30), st.floats(0.1, 0.9))
def test_repeated_sentences_as_weighted_points_equal_dense_average_linkage(
    seed, size, copies, threshold
):
    vectors = random_vectors(seed, size, copies)
    dense = (vectors.rows @ vectors.rows.T).toarray()
    assert blocked_groups(vectors, threshold) == dense_groups(dense, threshold)


def test_blocks_equal_dense_average_linkage_on_the_sample():
    reports = [analyze(article) for article in load(SAMPLE)]
    _, terms = fact_units(reports, key_entities(reports))
    vectors = tfidf_similarity(terms)
    assert isinstance(vectors, Vectors)
    dense = (vectors.rows @ vectors.rows.T).toarray()
    groups = blocked_groups(vectors, FACT_SIMILARITY)
    assert groups == dense_groups(dense, FACT_SIMILARITY)
    assert any(len(group) > 1 for group in groups)
    for group in fact_groups(vectors, 1.0 - FACT_SIMILARITY + 1e-9):
        points = list(group.points)  # a group's block holds the full matrix's numbers
        assert np.array_equal(group.similarity, dense[np.ix_(points, points)])


@pytest.mark.parametrize(
    ("distance", "weights", "expected"),
    [
        # a and b close; c near b, far from a: on average at the cut, so kept apart
        ([[0, 0.1, 0.9], [0.1, 0, 0.5], [0.9, 0.5, 0]], [1, 1, 1], [[0, 1], [2]]),
        # b counted three times: the pair's mean distance to c is (0.9 + 3 × 0.5) / 4
        ([[0, 0.1, 0.9], [0.1, 0, 0.5], [0.9, 0.5, 0]], [1, 3, 1], [[0, 1, 2]]),
        ([[0, 0.7], [0.7, 0]], [1, 1], [[0], [1]]),  # at the cut: apart
    ],
)
def test_average_linkage_by_hand(distance, weights, expected):
    found = average_linkage(np.array(distance, float), np.array(weights, float), 0.7)
    assert [list(group) for group in found] == expected


@pytest.fixture(scope="module")
def copied_sample():
    """The sample's reports, and each again under a second outlet (wire copy)."""
    reports = [analyze(article) for article in load(SAMPLE)]
    copies = [
        dataclasses.replace(
            r, article=dataclasses.replace(r.article, id=f"copy {r.article.id}", outlet="Wire")
        )
        for r in reports
    ]
    return reports + copies


def test_a_copied_article_shares_each_of_its_quotes(copied_sample):
    columns = {r.article.id: r.article.outlet for r in copied_sample}
    shared = shared_quotes(copied_sample, columns)
    found = {(use.article, use.start) for quote in shared for use in quote.uses}
    original = copied_sample[0]
    quoted = [q for q in original.sources.quotes if q.kind != "indirect" and len(q.text) > 30]
    assert quoted
    for quote in quoted:
        assert (original.article.id, quote.start) in found
        assert (f"copy {original.article.id}", quote.start) in found


def test_distinctive_words_equal_scoring_every_term(copied_sample):
    """Scoring only a column's own terms (the absent ones per pooled count) gives the same
    terms as scoring the whole vocabulary for every column."""
    columns = {r.article.id: r.article.outlet for r in copied_sample}
    keys = sorted(set(columns.values()))
    counts = {key: Counter() for key in keys}
    for r in copied_sample:
        for sentence in r.document.sentences:
            terms = sentence_terms(r.article.text, sentence.start, sentence.end, _masked_spans(r))
            counts[columns[r.article.id]].update(t for t in terms if any(c.isalpha() for c in t))
    total = sum(counts.values(), Counter())
    for entry in distinctive_words(copied_sample, columns, keys):
        scores = log_odds_z(counts[entry.column], total - counts[entry.column], total)
        own, others = counts[entry.column], total - counts[entry.column]
        more = sorted((w for w in scores if own[w] >= 2), key=lambda w: (-scores[w][1], w))
        less = sorted(
            (w for w in scores if others[w] >= 2 and scores[w][1] < 0),
            key=lambda w: (scores[w][1], w),
        )
        assert [t.term for t in entry.more] == [w for w in more[:15] if scores[w][1] > 0]
        assert [t.term for t in entry.less] == less[:15]
        assert [t.z for t in entry.less] == [round(scores[w][1], 3) for w in less[:15]]
