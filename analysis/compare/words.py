"""Word choice across outlets: each outlet's distinctive words (log-odds with an
informative Dirichlet prior, Monroe, Colaresi & Quinn 2008) and how it labels each actor.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..report import Report
from .actors import StoryActor
from .columns import Evidence
from .coverage import sentence_terms
from .entities import Cell, column_cells

# Monroe, Colaresi & Quinn (2008): the informative Dirichlet prior is the pooled counts of
# all selected articles times this scale (1: the prior weighs as much as the articles).
PRIOR_SCALE = 1.0
Z_SIGNIFICANT = 1.96  # |z| above this: a difference unlikely by chance (two-sided 5%)
DISTINCTIVE_TOP = 15
MIN_TERM_COUNT = 2


@dataclass(frozen=True)
class Term:
    """A word or two-word phrase and how much more (z > 0) or less one column uses it."""

    term: str
    z: float
    log_odds: float
    count: int
    others: int
    significant: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class DistinctiveWords:
    column: str
    more: tuple[Term, ...]
    less: tuple[Term, ...]


@dataclass(frozen=True)
class ActorLabels:
    """The names each column uses for one actor (`forms` per cell, most used first)."""

    actor: str
    name: str
    cells: tuple[Cell, ...]


# --- distinctive words ----------------------------------------------------------------


def _masked_spans(report: Report) -> list[tuple[int, int]]:
    """People's names and the outlet's own name: they say whom an article quotes or who
    published it, not how it words the story."""
    spans = [(m.start, m.end) for m in report.mentions if m.kind == "person"]
    outlet = report.article.outlet
    if outlet:
        spans += [m.span() for m in re.finditer(re.escape(outlet), report.article.text)]
    return spans


def distinctive_words(
    reports: Sequence[Report],
    column_of: dict[str, str],
    column_keys: Sequence[str],
) -> tuple[DistinctiveWords, ...]:
    """Each column's words against all other columns: weighted log-odds ratios with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as z-scores."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in column_keys}
    where: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for report in reports:
        column = column_of[report.article.id]
        masked = _masked_spans(report)
        for sentence in report.document.sentences:
            for term in sentence_terms(report.article.text, sentence.start, sentence.end, masked):
                if any(c.isalpha() for c in term):
                    counts[column][term] += 1
                    where[(column, term)][report.article.id].add(sentence.index)
    total: Counter[str] = Counter()
    for column_counts in counts.values():
        total.update(column_counts)
    prior = Prior(total)
    return tuple(_column_terms(key, counts[key], prior, where) for key in column_keys)


class Prior:
    """The pooled counts, and the terms by count (alphabetical within a count): a term a
    column never uses has a z-score that depends on its pooled count alone."""

    def __init__(self, total: Counter[str], scale: float = PRIOR_SCALE) -> None:
        self.total = total
        self.scale = scale
        self.alpha0 = sum(scale * count for count in total.values() if count)
        self.size = sum(total.values())
        by_count: dict[int, list[str]] = defaultdict(list)
        for term in sorted(total):
            if total[term] > 0:
                by_count[total[term]].append(term)
        self.by_count = dict(by_count)


def log_odds_z(
    own: Counter[str], others: Counter[str], prior: Counter[str], scale: float = PRIOR_SCALE
) -> dict[str, tuple[float, float]]:
    """Term -> (log-odds ratio, z-score) of `own` against `others` (Monroe et al. eq. 16, 19)."""
    alpha = {term: scale * count for term, count in prior.items() if count}
    alpha0 = sum(alpha.values())
    n_own, n_others = sum(own.values()), sum(others.values())
    scores = {}
    for term, a in alpha.items():
        score = _log_odds(own[term], others[term], a, n_own + alpha0, n_others + alpha0)
        if score:
            scores[term] = score
    return scores


def _log_odds(
    y_own: float, y_others: float, a: float, own_size: float, others_size: float
) -> tuple[float, float] | None:
    """(log-odds ratio, z-score) of one term, its prior `a`; sizes include the prior's."""
    rest_own, rest_others = own_size - y_own - a, others_size - y_others - a
    if rest_own <= 0 or rest_others <= 0:
        return None  # the only word in the vocabulary: no other words to set odds against
    delta = math.log((y_own + a) / rest_own) - math.log((y_others + a) / rest_others)
    variance = 1 / (y_own + a) + 1 / (y_others + a)
    return delta, delta / math.sqrt(variance)


def _column_terms(
    column: str,
    own: Counter[str],
    prior: Prior,
    where: dict[tuple[str, str], dict[str, set[int]]],
) -> DistinctiveWords:
    """The column's most and least distinctive terms. Only the terms it uses are scored
    one by one: those it never uses share one score per pooled count, so the lowest of
    them are found count by count."""
    total = prior.total
    n_own = sum(own.values())
    own_size = n_own + prior.alpha0
    others_size = prior.size - n_own + prior.alpha0
    scores: dict[str, tuple[float, float]] = {}
    for word in own:
        a = prior.scale * total[word]
        score = _log_odds(own[word], total[word] - own[word], a, own_size, others_size)
        if a and score:
            scores[word] = score
    absent: dict[int, tuple[float, float]] = {}
    for count in prior.by_count:
        score = _log_odds(0, count, prior.scale * count, own_size, others_size)
        if count >= MIN_TERM_COUNT and score and score[1] < 0:
            absent[count] = score
    taken = 0
    for count in sorted(absent, key=lambda c: absent[c][1]):
        if taken >= DISTINCTIVE_TOP:
            break
        for word in prior.by_count[count]:
            if word not in own:
                scores[word] = absent[count]
                taken += 1
                if taken >= DISTINCTIVE_TOP:
                    break
    others = {word: total[word] - own[word] for word in scores}

    def term(word: str) -> Term:
        delta, z = scores[word]
        evidence = tuple(
            Evidence(article, tuple(sorted(sentences)))
            for article, sentences in where.get((column, word), {}).items()
        )
        return Term(
            word,
            round(z, 3),
            round(delta, 4),
            own[word],
            others[word],
            abs(z) > Z_SIGNIFICANT,
            evidence,
        )

    more = sorted((w for w in scores if own[w] >= MIN_TERM_COUNT), key=lambda w: (-scores[w][1], w))
    less = sorted(
        (w for w in scores if others[w] >= MIN_TERM_COUNT and scores[w][1] < 0),
        key=lambda w: (scores[w][1], w),
    )
    return DistinctiveWords(
        column,
        tuple(term(w) for w in more[:DISTINCTIVE_TOP] if scores[w][1] > 0),
        tuple(term(w) for w in less[:DISTINCTIVE_TOP]),
    )


# --- labels ---------------------------------------------------------------------------


def actor_labels(
    reports: Sequence[Report], actors: Sequence[StoryActor], column_of: dict[str, str]
) -> tuple[ActorLabels, ...]:
    """For each story actor, the words (aliases) each column names it with, most used first."""
    uses: dict[str, dict[str, list[tuple[Report, str, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    owner = {key: actor for actor in actors for key in actor.ids}
    for report in reports:
        for mention in report.mentions:
            actor = owner[report.article.id, mention.actor]
            uses[actor.key][column_of[report.article.id]].append(
                (report, mention.alias, mention.start)
            )
    names = {actor.key: actor.name for actor in actors}
    rows = [ActorLabels(key, names[key], column_cells(columns)) for key, columns in uses.items()]
    return tuple(sorted(rows, key=lambda r: (-sum(c.count for c in r.cells), r.actor)))
