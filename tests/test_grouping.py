"""Fact grouping in blocks equals average linkage on the whole dense distance matrix."""

from collections import defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from analysis import SAMPLE, analyze, load
from analysis.compare.coverage import FACT_SIMILARITY, fact_units, tfidf_similarity
from analysis.compare.entities import key_entities
from analysis.compare.grouping import Vectors, average_linkage, fact_groups


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
