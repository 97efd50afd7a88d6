"""Fact grouping (the coverage matrix) measured on hand-labelled sentence pairs: do two
sentences from different outlets report the same fact? A pair is predicted "same" when
both sentences land in one fact group; precision and recall are over pairs."""

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..compare import compare
from ..corpus import SAMPLE, load
from ..errors import DataFileError
from ..report import Report, analyze
from .gold import fmt

Sentence = tuple[str, int]  # article id, sentence index


@dataclass(frozen=True)
class FactEvaluation:
    section: str
    gold: str
    pairs: int
    same: int
    precision: float | None
    recall: float | None
    f1: float | None

    def to_text(self) -> str:
        return (
            f"facts: {self.gold}, {self.pairs} labelled pairs ({self.same} the same fact): "
            f"precision {fmt(self.precision)}, recall {fmt(self.recall)}, F1 {fmt(self.f1)}"
        )


def fact_pairs(path: Path, reports: Sequence[Report]) -> list[tuple[Sentence, Sentence, bool]]:
    """The labelled pairs of `path` (file, sentence start, file, sentence start, 0|1)."""
    by_file = {report.article.file: report for report in reports}

    def locate(file: str, start: str) -> Sentence:
        report = by_file.get(file)
        for index in range(len(report.document.sentences) if report else 0):
            if report and report.document.sentence_text(index).startswith(start):
                return report.article.id, index
        raise DataFileError(f"{path.name}: no sentence starting {start!r} in {file}")

    lines = (line for line in path.read_text("utf-8").splitlines() if not line.startswith("#"))
    return [
        (locate(a, sa), locate(b, sb), same == "1")
        for a, sa, b, sb, same in csv.reader(lines, delimiter="\t")
    ]


def grouping_scores(
    reports: Sequence[Report], pairs: Sequence[tuple[Sentence, Sentence, bool]], **options: Any
) -> tuple[float | None, float | None, float | None]:
    """Pairwise precision, recall and F1 of the fact groups `compare` makes."""
    comparison = compare(reports, by="article", **options)
    group = {
        (evidence.article, sentence): fact.id
        for fact in comparison.coverage.facts
        for cell in fact.cells
        for evidence in cell.evidence
        for sentence in evidence.sentences
    }
    predicted = [group.get(a, -1) == group.get(b, -2) for a, b, _ in pairs]
    hits = sum(p and same for p, (_, _, same) in zip(predicted, pairs, strict=True))
    said, real = sum(predicted), sum(same for _, _, same in pairs)
    precision = hits / said if said else None
    recall = hits / real if real else None
    f1 = 2 * hits / (said + real) if said + real else None
    return precision, recall, f1


def evaluate_facts(path: Path, folders: Sequence[Path]) -> FactEvaluation:
    reports = [analyze(article) for article in load(*(folders or [SAMPLE]))]
    pairs = fact_pairs(path, reports)
    precision, recall, f1 = grouping_scores(reports, pairs)
    return FactEvaluation(
        "facts", path.name, len(pairs), sum(same for _, _, same in pairs), precision, recall, f1
    )
