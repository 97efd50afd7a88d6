"""Columns of a comparison: outlets (each outlet's articles pooled) or single articles,
in an order that does not depend on the order the reports were given in; and `Evidence`,
the sentences of one article behind a number.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..report import Report

By = Literal["article", "outlet"]

MIN_COLUMNS = 2


@dataclass(frozen=True)
class Evidence:
    """The sentences of one article behind a number or a cell."""

    article: str
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class Column:
    """One column of the comparison: an outlet (its articles pooled) or one article."""

    key: str
    label: str
    outlet: str
    articles: tuple[str, ...]
    words: int


def canonical(reports: Iterable[Report]) -> list[Report]:
    """Reports in a fixed order (outlet, date, id, then the rest), each article once.

    Two different articles with one id (`story.txt` from two folders, one text under two
    outlets) are both kept, the later in that order renamed `id-2`, `id-3`, …, so the
    result never depends on the order the reports came in.
    """
    unique = {_identity(report): report for report in reports}
    ordered = [unique[key] for key in sorted(unique)]
    taken = {report.article.id for report in ordered}
    used: set[str] = set()
    result = []
    for report in ordered:
        article_id, number = report.article.id, 1
        while article_id in used:
            number += 1
            article_id = f"{report.article.id}-{number}"
            if article_id in taken:
                article_id = report.article.id  # another article's own id: try the next
        used.add(article_id)
        if article_id != report.article.id:
            report = replace(report, article=replace(report.article, id=article_id))
        result.append(report)
    return result


def _identity(report: Report) -> tuple[str, ...]:
    article = report.article
    return (article.outlet, article.date, article.id, article.title, article.file, article.text)


def too_few(reports: Sequence[Report], columns: Sequence[Column], by: By) -> str:
    """Why a comparison cannot be made, in words a user can act on ('' when it can)."""
    if len(reports) < MIN_COLUMNS:
        return (
            f"A comparison needs at least {MIN_COLUMNS} articles; {len(reports)} selected. "
            "Select another article."
        )
    if len(columns) < MIN_COLUMNS:
        return (
            f"All {len(reports)} selected articles come from one outlet "
            f"({columns[0].label}); compare them by article, or select another outlet."
        )
    return ""


def make_columns(reports: Sequence[Report], by: By) -> tuple[Column, ...]:
    """Columns in a fixed order; an article with no outlet is an outlet of its own."""
    groups: dict[str, list[Report]] = defaultdict(list)
    labels: dict[str, str] = {}
    for report in reports:
        article = report.article
        name = article.title or article.file or article.id
        if by == "article":
            key = article.id
            labels[key] = f"{article.outlet}: {name}" if article.outlet else name
        else:
            key = article.outlet or f"article {article.id}"
            labels[key] = article.outlet or name
        groups[key].append(report)
    return tuple(
        Column(
            key,
            labels[key],
            members[0].article.outlet,
            tuple(r.article.id for r in members),
            sum(r.words for r in members),
        )
        for key, members in groups.items()
    )
