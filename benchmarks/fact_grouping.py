"""How well does the coverage matrix group sentences into shared facts?

    python -m benchmarks.fact_grouping            # the default method and threshold
    python -m benchmarks.fact_grouping --sweep    # every method at several thresholds

Scores `analysis.compare`'s fact groups on hand-labelled sentence pairs: a pair counts as
predicted "same fact" when both sentences land in one group. Pair sets: the seed pairs
(tests/gold/fact_pairs.tsv) and, on whichever development folders are beside the
checkout, the pairs on real articles (tests/gold/real/fact_pairs_*.tsv), whose stories are
split into `tune` (the seed pairs and these may choose a threshold or a weight) and `test`
(only measured).
"""

import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import SAMPLE, Report, analyze, load
from analysis.compare.coverage import FACT_SIMILARITY, Similarity, tfidf_similarity
from analysis.evaluate.facts import FactPair, fact_pairs, grouping_scores, stories

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "fact_pairs.tsv"
REAL_GOLD = ROOT / "tests" / "gold" / "real"
REAL_FOLDERS = (
    ROOT.parent / "shared" / "devsets" / "articles",
    *(ROOT.parent / f"devsets-more{n}" / "articles" for n in ("", 3, 4, 5, 6, 7, 8)),
)
THRESHOLDS = (0.1, 0.15, 0.18, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35, 0.4)
METHODS: tuple[Similarity, ...] = (tfidf_similarity,)

PairSet = tuple[str, list[list[Report]], list[FactPair]]


def pair_sets() -> list[PairSet]:
    """(name, reports by story, pairs) of each pair set found."""
    seeds = [analyze(article) for article in load(SAMPLE)]
    found: list[PairSet] = [("seed", [seeds], fact_pairs(GOLD, seeds))]
    folders = [folder for folder in REAL_FOLDERS if folder.is_dir()]
    if not folders:
        return found
    reports = [analyze(article) for article in load(*folders)]
    by_story = stories(reports)
    pairs = []
    for gold in sorted(REAL_GOLD.glob("fact_pairs_*.tsv")):
        labelled = fact_pairs(gold, reports, folders, present_only=True)
        name = gold.stem.removeprefix("fact_pairs_")
        for part in ("tune", "test"):
            found.append((f"{name} {part}", by_story, [p for p in labelled if p.part == part]))
        pairs += labelled
    for part in ("tune", "test"):
        found.append((f"real {part}", by_story, [p for p in pairs if p.part == part]))
    found.append(("real, all", by_story, pairs))
    return found


def table(
    sets: Sequence[PairSet], methods: Sequence[Similarity], thresholds: Sequence[float]
) -> list[str]:
    """One line per pair set, method and threshold: precision, recall, F1."""
    lines = [f"{'pairs':<14}{'method':<22}{'threshold':>10}{'precision':>11}{'recall':>8}{'F1':>7}"]
    for name, by_story, pairs in sets:
        positives = sum(p.same for p in pairs)
        for method in methods:
            for threshold in thresholds:
                p, r, f = grouping_scores(by_story, pairs, similarity=method, threshold=threshold)
                lines.append(
                    f"{name:<14}{method.__name__:<22}{threshold:>10.2f}"
                    f"{p or 0:>11.2f}{r or 0:>8.2f}{f or 0:>7.2f}   ({len(pairs)} pairs, "
                    f"{positives} same)"
                )
    return lines


def main(argv: list[str]) -> None:
    sets = pair_sets()
    if argv[:1] == ["--sweep"]:
        print("\n".join(table(sets, METHODS, THRESHOLDS)))
    else:
        print("\n".join(table(sets, METHODS[:1], (FACT_SIMILARITY,))))


if __name__ == "__main__":
    main(sys.argv[1:])
