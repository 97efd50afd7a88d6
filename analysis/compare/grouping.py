"""Average-linkage grouping of sentences into facts without an n × n matrix: memory grows
with the distinct sentences and the largest block, time with the pairs that share a term
(a sparse product in chunks) and the square of each block.

Average linkage (UPGMA) with a cut at distance `cut` merges two clusters only while the
mean distance over all their cross pairs is below `cut`; a mean is below `cut` only if
some pair's distance is. So every group lies inside one connected component of the graph
whose edges are the pairs closer than `cut`, and clusters from different components never
merge below `cut` (all their cross pairs are at or above it). Average linkage run on each
component alone therefore gives the groups of average linkage on all sentences at once:
the components are exact blocks. Identical sentences (equal vectors) are one weighted
point: average linkage merges them first, at distance 0, and a merged point counts as
many times as it has copies, so wire copy repeated by many outlets costs one point.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

# Pairs whose distance is within this of the cut also join a block: a block one pair too
# large changes nothing, a missed pair would (the pair test and the block can round apart).
EDGE_MARGIN = 1e-9
PRODUCT_ENTRIES = 2_000_000  # pairs multiplied at once, at most: bounds memory per chunk


@dataclass(frozen=True)
class Vectors:
    """Sentences as unit-length sparse rows: the similarity of two is their dot product."""

    rows: Any  # a scipy.sparse CSR matrix (SciPy is imported only when comparing)


@dataclass(frozen=True)
class Group:
    """Sentences (indices, ascending) grouped into one fact, with what the fact needs to
    find its central sentence and cohesion without the other sentences: `points` are the
    distinct sentences among them (each its first copy), `copies` the indices of each
    point's copies and `similarity` the points' square similarity matrix."""

    sentences: tuple[int, ...]
    points: tuple[int, ...]
    copies: tuple[tuple[int, ...], ...]
    similarity: np.ndarray


def fact_groups(similar: Vectors | np.ndarray, cut: float) -> list[Group]:
    """Average-linkage groups of sentences at distance (1 − similarity, at least 0) below
    `cut`, from sentence vectors or a square similarity matrix; ascending, as lists."""
    count = similar.rows.shape[0] if isinstance(similar, Vectors) else len(similar)
    first = _first_copies(similar) if isinstance(similar, Vectors) else np.arange(count)
    points = np.flatnonzero(first == np.arange(count))
    copies: dict[int, list[int]] = {int(p): [] for p in points}
    for index, point in enumerate(first):
        copies[int(point)].append(index)
    weights = np.array([len(copies[int(p)]) for p in points], dtype=float)
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    rows, columns = _close_pairs(similar, points, cut + EDGE_MARGIN)
    graph = sparse.coo_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(len(points), len(points))
    )
    _, component = connected_components(graph, directed=False)
    groups = []
    for members in _indices_by_label(component):
        block = _similarity(similar, points[members])
        for chosen in average_linkage(_distance(block), weights[members], cut):
            inside = members[chosen]
            point_copies = tuple(tuple(copies[int(p)]) for p in points[inside])
            groups.append(
                Group(
                    tuple(sorted(i for c in point_copies for i in c)),
                    tuple(int(p) for p in points[inside]),
                    point_copies,
                    block[np.ix_(chosen, chosen)],
                )
            )
    return sorted(groups, key=lambda group: group.sentences)


def average_linkage(distance: np.ndarray, weights: np.ndarray, cut: float) -> list[np.ndarray]:
    """Clusters of average linkage (UPGMA) stopped before the first merge at `cut` or
    beyond, on points counted `weights` times; by the nearest-neighbour chain (O(k²))."""
    d = distance.astype(float, copy=True)
    np.fill_diagonal(d, np.inf)
    size = weights.astype(float, copy=True)
    active = np.ones(len(d), dtype=bool)
    members = [[i] for i in range(len(d))]
    chain: list[int] = []
    done: list[np.ndarray] = []
    while chain or active.any():
        if not chain:
            chain = [int(np.flatnonzero(active)[0])]
        tip = chain[-1]
        nearest = int(np.argmin(d[tip]))
        if len(chain) > 1 and d[tip, chain[-2]] <= d[tip, nearest]:
            nearest = chain[-2]  # ties go back down the chain, so the chain ends
        if not d[tip, nearest] < cut:
            # every cluster on the chain is at least this far from all others, and merges
            # elsewhere only move clusters away (reducibility): they are final
            for final in chain:
                done.append(np.array(sorted(members[final])))
                active[final] = False
                d[final, :] = d[:, final] = np.inf
            chain = []
        elif len(chain) > 1 and nearest == chain[-2]:
            chain = chain[:-2]
            a, b = sorted((tip, nearest))
            merged = (size[a] * d[a] + size[b] * d[b]) / (size[a] + size[b])  # Lance–Williams
            d[a, :] = d[:, a] = merged
            d[a, a] = np.inf
            d[b, :] = d[:, b] = np.inf
            active[b] = False
            size[a] += size[b]
            members[a] += members[b]
        else:
            chain.append(nearest)
    return sorted(done, key=lambda m: int(m[0]))


def _distance(similarity: np.ndarray) -> np.ndarray:
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    return distance


def _first_copies(vectors: Vectors) -> np.ndarray:
    """For each row, the index of the first row equal to it."""
    rows = vectors.rows
    first: dict[tuple[bytes, bytes], int] = {}
    found = np.empty(rows.shape[0], dtype=np.int64)
    for i in range(rows.shape[0]):
        span = slice(rows.indptr[i], rows.indptr[i + 1])
        found[i] = first.setdefault((rows.indices[span].tobytes(), rows.data[span].tobytes()), i)
    return found


def _close_pairs(
    similar: Vectors | np.ndarray, points: np.ndarray, cut: float
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of points (positions in `points`, first < second) at distance below `cut`."""
    if not isinstance(similar, Vectors):
        close = _distance(similar[np.ix_(points, points)]) < cut
        found = np.nonzero(np.triu(close, 1))
        return found[0], found[1]
    rows = similar.rows[points]
    step = max(1, PRODUCT_ENTRIES // max(1, len(points)))
    firsts, seconds = [], []
    for start in range(0, len(points), step):
        product = cast(Any, rows[start : start + step] @ rows.T).tocoo()
        first = product.row + start
        keep = (product.col > first) & (np.clip(1.0 - product.data, 0.0, None) < cut)
        firsts.append(first[keep])
        seconds.append(product.col[keep])
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate([empty, *firsts]), np.concatenate([empty, *seconds])


def _similarity(similar: Vectors | np.ndarray, points: np.ndarray) -> np.ndarray:
    """The square similarity matrix of `points` (the same numbers as the full matrix's)."""
    if isinstance(similar, Vectors):
        rows = similar.rows[points]
        return cast(np.ndarray, cast(Any, rows @ rows.T).toarray())
    return cast(np.ndarray, similar[np.ix_(points, points)])


def _indices_by_label(labels: np.ndarray) -> Sequence[np.ndarray]:
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return np.split(order, bounds)
