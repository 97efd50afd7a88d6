"""How well does the coverage matrix group sentences into shared facts?

    python -m benchmarks.fact_grouping

Groups the seed sentences with `analysis.compare` at several thresholds and similarity
methods and scores the result on hand-labelled sentence pairs (tests/gold/fact_pairs.tsv):
a pair counts as predicted "same fact" when both sentences land in one group.
"""

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis import SAMPLE, analyze, load
from analysis.compare import Vectors
from analysis.compare.coverage import FACT_SIMILARITY, tfidf_similarity
from analysis.evaluate.facts import fact_pairs, grouping_scores

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "fact_pairs.tsv"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.28, 0.3, 0.32, 0.35, 0.4)


def unweighted_entities(documents: Sequence[Sequence[str]]) -> Vectors | np.ndarray:
    """Entities counted once, like words."""
    return tfidf_similarity([list(dict.fromkeys(terms)) for terms in documents])


def main() -> None:
    reports = [analyze(article) for article in load(SAMPLE)]
    pairs = fact_pairs(GOLD, reports)
    positives = sum(same for _, _, same in pairs)
    print(f"{len(pairs)} labelled pairs ({positives} same fact); * = the default\n")
    print(f"{'method':<22}{'threshold':>10}{'precision':>11}{'recall':>8}{'F1':>7}")
    for method in (tfidf_similarity, unweighted_entities):
        for threshold in THRESHOLDS:
            p, r, f = grouping_scores(reports, pairs, similarity=method, threshold=threshold)
            chosen = " *" if threshold == FACT_SIMILARITY and method is tfidf_similarity else ""
            print(
                f"{method.__name__:<22}{threshold:>10.2f}{p or 0:>11.2f}{r or 0:>8.2f}{f or 0:>7.2f}{chosen}"
            )


if __name__ == "__main__":
    main()
