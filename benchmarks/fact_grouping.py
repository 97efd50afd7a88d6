"""How well does the coverage matrix group sentences into shared facts?

    python -m benchmarks.fact_grouping

Groups the seed sentences with `analysis.compare` at several thresholds and similarity
methods and scores the result on hand-labelled sentence pairs (tests/gold/fact_pairs.tsv):
a pair counts as predicted "same fact" when both sentences land in one group.
"""

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis import analyze, compare, load
from analysis.compare.coverage import FACT_SIMILARITY, tfidf_similarity

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "fact_pairs.tsv"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.28, 0.3, 0.32, 0.35, 0.4)


def gold_pairs(reports) -> list[tuple[tuple[str, int], tuple[str, int], bool]]:
    """The labelled pairs as ((article id, sentence), (article id, sentence), same)."""
    by_file = {report.article.file: report for report in reports}

    def locate(file: str, start: str) -> tuple[str, int]:
        report = by_file[file]
        for index in range(len(report.document.sentences)):
            if report.document.sentence_text(index).startswith(start):
                return report.article.id, index
        raise ValueError(f"{GOLD.name}: no sentence starting {start!r} in {file}")

    rows = csv.reader(
        (line for line in GOLD.read_text("utf-8").splitlines() if not line.startswith("#")),
        delimiter="\t",
    )
    return [(locate(a, sa), locate(b, sb), same == "1") for a, sa, b, sb, same in rows]


def score(reports, pairs, **options) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of the fact groups on the labelled pairs."""
    comparison = compare(reports, by="article", **options)
    group = {
        (evidence.article, sentence): fact.id
        for fact in comparison.coverage.facts
        for cell in fact.cells
        for evidence in cell.evidence
        for sentence in evidence.sentences
    }
    predicted = [group.get(a, -1) == group.get(b, -2) for a, b, _ in pairs]
    gold = [same for _, _, same in pairs]
    hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
    precision = hits / max(1, sum(predicted))
    recall = hits / max(1, sum(gold))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1


def unweighted_entities(documents: Sequence[Sequence[str]]) -> np.ndarray:
    """Entities counted once, like words."""
    return tfidf_similarity([list(dict.fromkeys(terms)) for terms in documents])


def main() -> None:
    reports = [analyze(article) for article in load(ROOT / "seeds")]
    pairs = gold_pairs(reports)
    positives = sum(same for _, _, same in pairs)
    print(f"{len(pairs)} labelled pairs ({positives} same fact); * = the default\n")
    print(f"{'method':<22}{'threshold':>10}{'precision':>11}{'recall':>8}{'F1':>7}")
    for method in (tfidf_similarity, unweighted_entities):
        for threshold in THRESHOLDS:
            p, r, f = score(reports, pairs, similarity=method, threshold=threshold)
            chosen = " *" if threshold == FACT_SIMILARITY and method is tfidf_similarity else ""
            print(f"{method.__name__:<22}{threshold:>10.2f}{p:>11.2f}{r:>8.2f}{f:>7.2f}{chosen}")


if __name__ == "__main__":
    main()
