"""Which articles of a mixed pile tell the same story: grouped by the words, names,
numbers and dates they share, within a bound in time.

Each article is a TF-IDF vector of its terms (features.py), cut to its most telling
terms. Two articles are linked when each is among the other's nearest neighbours by cosine
similarity, they are similar enough, and (when both have dates) they are not far apart in
time; a story is a connected group of linked articles. The neighbours are found a block of
rows at a time against the sparse matrix, so memory grows with the number of articles,
never with its square.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfTransformer

from ..corpus import Article
from ..errors import InputError
from .dates import Day, parse_day
from .features import DATE_PREFIX, NAME_PREFIX, NUMBER_PREFIX, Features, features, stack

Engine = Literal["local", "dask"]
# Articles turned into features at a time (one task each on dask): large enough that the
# per-block overhead vanishes, small enough that a block's texts are a few megabytes.
BLOCK_ROWS = 2000
# Rows whose similarities are computed at a time: a block's similarity rows are sparse,
# but a common term can make them dense, so a block is kept small.
SIMILARITY_BLOCK_ROWS = 500
# An article is compared on its most heavily weighted terms only: they say what it is
# about, and dropping the long tail keeps the sparse products cheap at 100,000 articles.
TOP_TERMS = 60
# Linked only to articles among its this many nearest: a story covered by many outlets is
# still one story (links chain through it), and a common theme cannot link everything.
NEIGHBOURS = 10
# Cosine similarity of the cut TF-IDF vectors below which two articles are not linked.
# Tuned on the dev pile 01–24 (six stories): there no two articles of different stories
# reach 0.05 and every article has one of its own story above 0.14; 0.09 is midway (on a
# log scale) between them.
MIN_SIMILARITY = 0.09
# Two dated articles further apart than this are not one story: news of one event is
# written within weeks, and a long strike or trial within months; a year apart is the
# next edition of a yearly event (a summit, an election), another story.
MAX_APART_DAYS = 180
LABEL_NAMES = 2
LABEL_WORDS = 3


@dataclass(frozen=True)
class StoryInput:
    """An article to place in a story: its text and what identifies it to a reader."""

    text: str
    file: str = ""
    id: str = ""
    outlet: str = ""
    title: str = ""
    date: str = ""


@dataclass(frozen=True)
class Member:
    """An article of a story: its file (or id when it came from a store or table)."""

    file: str
    id: str
    outlet: str
    title: str
    date: str


@dataclass(frozen=True)
class Story:
    """Articles that tell the same story, the outlets that told it, and when."""

    id: int
    label: str
    members: tuple[Member, ...]
    outlets: tuple[str, ...]
    start: str | None
    end: str | None

    def to_dict(self) -> dict[str, Any]:
        """The story as JSON: each article by its file, or its id when it has no file."""
        return {
            "id": self.id,
            "label": self.label,
            "articles": [
                {("file" if member.file else "id"): member.file or member.id}
                | {"outlet": member.outlet, "title": member.title, "date": member.date or None}
                for member in self.members
            ],
            "outlets": list(self.outlets),
            "start": self.start,
            "end": self.end,
        }


def find_stories(
    articles: Iterable[Article | StoryInput | Mapping[str, Any]],
    engine: Engine = "local",
    scheduler: str | None = None,
) -> tuple[Story, ...]:
    """The stories of a pile of articles, largest first.

    `articles` are Articles, StoryInputs or rows (dicts with `text` and optional `file`,
    `id`, `outlet`, `title`, `date`). `engine="dask"` turns blocks of articles into
    features on a dask cluster (`scheduler`: its address; default: a local cluster).
    """
    members: list[Member] = []
    texts = _texts(articles, members)
    found = _dask_features(texts, scheduler) if engine == "dask" else _local_features(texts)
    if not members:
        raise InputError("corpus", "no articles to group into stories")
    days = [parse_day(member.date) for member in members]
    weights = _weights(found.counts)
    groups = _components(_links(weights, days))
    groups = [part for group in groups for part in _split_in_time(group, days, weights)]
    return _stories(groups, members, days, weights, found.terms)


def _texts(
    articles: Iterable[Article | StoryInput | Mapping[str, Any]], members: list[Member]
) -> Iterator[str]:
    """The articles' texts, one at a time, recording each article's metadata as it goes."""
    for article in articles:
        item = _as_input(article)
        members.append(Member(item.file, item.id, item.outlet, item.title, item.date))
        yield f"{item.title}\n\n{item.text}"


def _as_input(article: Article | StoryInput | Mapping[str, Any]) -> StoryInput:
    if isinstance(article, StoryInput):
        return article
    if isinstance(article, Article):
        return StoryInput(
            article.text, article.file, article.id, article.outlet, article.title, article.date
        )
    text = article.get("text")
    if not isinstance(text, str):
        raise InputError(str(article.get("file") or article.get("id") or "row"), "no `text`")
    fields = ("file", "id", "outlet", "title", "date")
    return StoryInput(text, **{name: str(article.get(name) or "") for name in fields})


def _blocks(texts: Iterator[str]) -> Iterator[list[str]]:
    while block := list(islice(texts, BLOCK_ROWS)):
        yield block


def _local_features(texts: Iterator[str]) -> Features:
    return stack([features(block) for block in _blocks(texts)])


def _dask_features(texts: Iterator[str], scheduler: str | None) -> Features:
    """Each block's features computed on a dask worker, gathered in order."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(threads_per_worker=1, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            futures = [client.submit(features, block, pure=False) for block in _blocks(texts)]
            return stack(client.gather(futures))
    finally:
        if cluster is not None:
            cluster.close()


def _weights(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """TF-IDF rows (sublinear counts) cut to each row's TOP_TERMS, unit length."""
    weighted = TfidfTransformer(sublinear_tf=True, norm=None).fit_transform(counts).tocsr()
    rows, cols, values = [], [], []
    for row in range(weighted.shape[0]):
        start, end = weighted.indptr[row], weighted.indptr[row + 1]
        data = weighted.data[start:end]
        keep = np.argsort(-data, kind="stable")[:TOP_TERMS]
        rows.append(np.full(len(keep), row))
        cols.append(weighted.indices[start:end][keep])
        values.append(data[keep] / (np.linalg.norm(data[keep]) or 1.0))
    shape = weighted.shape
    if not rows:
        return sparse.csr_matrix(shape, dtype=np.float32)
    return sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=shape
    )


def _links(weights: sparse.csr_matrix, days: Sequence[Day | None]) -> sparse.csr_matrix:
    """Mutual nearest neighbours, similar enough and close enough in time.

    Articles are taken in date order (undated ones last), a block at a time, and a block
    of dated articles is compared only with the articles dated near it and the undated
    ones: the work grows with how many articles fall within the time bound, not with the
    square of the corpus.
    """
    n = weights.shape[0]
    perm = np.array(
        sorted(range(n), key=lambda i: (days[i] is None, _ordinal(days[i], "first"))),
        dtype=np.int64,
    )
    first = np.array([_ordinal(days[i], "first") for i in perm])
    last = np.array([_ordinal(days[i], "last") for i in perm])
    n_dated = sum(day is not None for day in days)
    dated = np.arange(n) < n_dated
    matrix = weights[perm]
    rows, cols = [], []
    for start, stop in _row_blocks(n, n_dated):
        found = []
        for low, high in _column_ranges(start, stop, first, last, n_dated):
            block = (matrix[start:stop] @ matrix[low:high].T).tocoo()
            row, col, value = block.row + start, block.col + low, block.data
            gap = np.maximum(first[col] - last[row], first[row] - last[col])
            near = ~(dated[row] & dated[col]) | (gap <= MAX_APART_DAYS)
            keep = (row != col) & (value >= MIN_SIMILARITY) & near
            found.append((row[keep], col[keep], value[keep]))
        row, col, value = (np.concatenate(part) for part in zip(*found, strict=True))
        order = np.lexsort((-value, row))
        row, col = row[order], col[order]
        rank = np.arange(len(row)) - np.searchsorted(row, row, side="left")
        rows.append(perm[row[rank < NEIGHBOURS]])
        cols.append(perm[col[rank < NEIGHBOURS]])
    near_to = sparse.csr_matrix(
        (np.ones(sum(len(r) for r in rows)), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, n),
    )
    return sparse.csr_matrix(near_to.multiply(near_to.T))


def _ordinal(day: Day | None, end: Literal["first", "last"]) -> int:
    return getattr(day, end).toordinal() if day else 0


def _row_blocks(n: int, n_dated: int) -> Iterator[tuple[int, int]]:
    """Blocks of rows in date order; none holds both dated and undated articles."""
    for low, high in ((0, n_dated), (n_dated, n)):
        for start in range(low, high, SIMILARITY_BLOCK_ROWS):
            yield start, min(start + SIMILARITY_BLOCK_ROWS, high)


def _column_ranges(
    start: int, stop: int, first: np.ndarray, last: np.ndarray, n_dated: int
) -> list[tuple[int, int]]:
    """The articles a block of rows may be linked to: for dated rows, those dated within
    the bound of them and the undated. Dates are sorted by their first day; one that names
    a month or a year may end that much later, so the window reaches back by the widest
    span of any date."""
    n = len(first)
    if start >= n_dated:
        return [(0, n)]
    widest = int((last[:n_dated] - first[:n_dated]).max())
    earliest = first[start] - MAX_APART_DAYS - widest
    latest = last[start:stop].max() + MAX_APART_DAYS
    low = int(np.searchsorted(first[:n_dated], earliest, "left"))
    high = int(np.searchsorted(first[:n_dated], latest, "right"))
    return [(low, high)] + ([(n_dated, n)] if n_dated < n else [])


def _components(links: sparse.csr_matrix) -> list[np.ndarray]:
    """The connected groups of linked articles (each article alone is a group of one)."""
    count, labels = connected_components(links, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    return [order[bounds[i] : bounds[i + 1]] for i in range(count)]


def _split_in_time(
    group: np.ndarray, days: Sequence[Day | None], weights: sparse.csr_matrix
) -> list[np.ndarray]:
    """A group whose dated articles span more than MAX_APART_DAYS, cut at its widest gaps
    in time until no part does; each undated article then joins the part it is most
    similar to. Links chain (through undated articles too), so without this a story
    could span years though no two linked articles do."""
    dated = np.array([i for i in group if days[i]], dtype=np.int64)
    if len(dated) < 2 or _span(dated, days) <= MAX_APART_DAYS:
        return [group]
    ordered = sorted(dated, key=lambda i: _ordinal(days[i], "first"))
    parts = _cut_at_gaps(np.array(ordered, dtype=np.int64), days)
    undated = np.array([i for i in group if not days[i]], dtype=np.int64)
    if len(undated):
        centroids = _totals(parts, weights)
        nearest = np.asarray((weights[undated] @ centroids.T).todense()).argmax(axis=1)
        parts = [np.concatenate([part, undated[nearest == k]]) for k, part in enumerate(parts)]
    return [np.sort(part) for part in parts]


def _span(articles: np.ndarray, days: Sequence[Day | None]) -> int:
    """Days from the first to the last day the dated articles may mean."""
    last = max(_ordinal(days[i], "last") for i in articles if days[i])
    return last - min(_ordinal(days[i], "first") for i in articles if days[i])


def _cut_at_gaps(ordered: np.ndarray, days: Sequence[Day | None]) -> list[np.ndarray]:
    """Dated articles in date order, cut at the widest gap until each part is within
    the bound."""
    if len(ordered) < 2 or _span(ordered, days) <= MAX_APART_DAYS:
        return [ordered]
    cut = int(np.argmax(np.diff([_ordinal(days[i], "first") for i in ordered]))) + 1
    return _cut_at_gaps(ordered[:cut], days) + _cut_at_gaps(ordered[cut:], days)


def _stories(
    groups: list[np.ndarray],
    members: Sequence[Member],
    days: Sequence[Day | None],
    weights: sparse.csr_matrix,
    terms: Mapping[int, str],
) -> tuple[Story, ...]:
    def earliest(group: np.ndarray) -> int:
        known = [day.first.toordinal() for day in (days[i] for i in group) if day]
        return min(known) if known else 10**9

    groups = sorted(groups, key=lambda group: (-len(group), earliest(group), int(group[0])))
    totals = _totals(groups, weights)
    stories = []
    for number, group in enumerate(groups, start=1):
        chosen = [members[i] for i in group]
        dated = [day for day in (days[i] for i in group) if day]
        row = totals[number - 1]
        stories.append(
            Story(
                id=number,
                label=_label(row.indices[np.argsort(-row.data, kind="stable")], terms),
                members=tuple(chosen),
                outlets=tuple(sorted({m.outlet for m in chosen if m.outlet}, key=str.casefold)),
                start=min(dated, key=lambda day: day.first).text if dated else None,
                end=max(dated, key=lambda day: day.last).text if dated else None,
            )
        )
    return tuple(stories)


def _totals(groups: Sequence[np.ndarray], weights: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each group's summed term weights, one row per group."""
    sizes = [len(group) for group in groups]
    belongs = sparse.csr_matrix(
        (np.ones(sum(sizes)), (np.repeat(np.arange(len(groups)), sizes), np.concatenate(groups))),
        shape=(len(groups), weights.shape[0]),
    )
    return sparse.csr_matrix(belongs @ weights)


def _overlap(name: str, other: str) -> bool:
    """Whether one name is part of the other (`Key Bridge`, `Francis Scott Key Bridge`)."""
    return name.casefold() in other.casefold() or other.casefold() in name.casefold()


def _label(ranked: np.ndarray, terms: Mapping[int, str]) -> str:
    """The story's most distinctive names, then its most distinctive words (`ranked`:
    feature indices, the heaviest first)."""
    names: list[str] = []
    words: list[str] = []
    for index in ranked[: TOP_TERMS * 2]:
        term = terms.get(int(index), "")
        if not term or term.startswith((NUMBER_PREFIX, DATE_PREFIX)):
            continue
        if term.startswith(NAME_PREFIX):
            name = term.removeprefix(NAME_PREFIX)
            if len(names) < LABEL_NAMES and not any(_overlap(name, n) for n in names):
                names.append(name)
        elif len(words) < LABEL_WORDS and not any(term in n.lower().split() for n in names):
            words.append(term)
    return "; ".join(part for part in (", ".join(names), ", ".join(words)) if part)
