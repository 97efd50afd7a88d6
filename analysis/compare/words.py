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
    total = sum(counts.values(), Counter())
    return tuple(
        _column_terms(key, counts[key], total - counts[key], total, where) for key in column_keys
    )


def log_odds_z(
    own: Counter[str], others: Counter[str], prior: Counter[str], scale: float = PRIOR_SCALE
) -> dict[str, tuple[float, float]]:
    """Term -> (log-odds ratio, z-score) of `own` against `others` (Monroe et al. eq. 16, 19)."""
    alpha = {term: scale * count for term, count in prior.items() if count}
    alpha0 = sum(alpha.values())
    n_own, n_others = sum(own.values()), sum(others.values())
    scores = {}
    for term, a in alpha.items():
        y_own, y_others = own[term], others[term]
        rest_own, rest_others = n_own + alpha0 - y_own - a, n_others + alpha0 - y_others - a
        if rest_own <= 0 or rest_others <= 0:
            continue  # the only word in the vocabulary: no other words to set odds against
        delta = math.log((y_own + a) / rest_own) - math.log((y_others + a) / rest_others)
        variance = 1 / (y_own + a) + 1 / (y_others + a)
        scores[term] = (delta, delta / math.sqrt(variance))
    return scores


def _column_terms(
    column: str,
    own: Counter[str],
    others: Counter[str],
    total: Counter[str],
    where: dict[tuple[str, str], dict[str, set[int]]],
) -> DistinctiveWords:
    scores = log_odds_z(own, others, total)

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
