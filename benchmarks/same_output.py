"""Did a speed-up change any result? Reports of a broad corpus, before and after.

    python -m benchmarks.same_output write before.jsonl   # on the old code
    python -m benchmarks.same_output check before.jsonl   # on the new code

The corpus: the seeds, the held-out test articles, the real articles of the development
set where it is beside the checkout (../shared/devsets), 150 articles resampled from the
seeds' paragraphs and the gold sentences, each analysed with both built-in codebooks. Then
`compare` on the seeds (by outlet and by article), on each story of the development set
(its manifest's note names the story) and on the resampled articles. `check` lists the
first differences of each result that changed and exits 1 if any did.
"""

import csv
import dataclasses
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analysis import Article, analyze, compare, load
from analysis.corpus import make_article
from benchmarks.corpus import resampled_corpus
from benchmarks.performance import ROOT, SEEDS

HELD_OUT = ("tests/articles", "tests/data/quotes", "tests/data/quotes2", "tests/data/quotes3")
DEVSETS = ROOT.parent / "shared" / "devsets" / "articles"
RESAMPLED = 150
SHOWN = 8


def corpus() -> Iterator[Article]:
    yield from load(SEEDS)
    for folder in HELD_OUT:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".txt", ".md"}:
                yield make_article(path.read_text(encoding="utf-8"), source=path.name)
    for path in sorted(DEVSETS.glob("*.txt")):
        yield make_article(path.read_text(encoding="utf-8"), source=path.name)
    for row in resampled_corpus(RESAMPLED, seed=7):
        yield make_article(row["text"], source=row["title"])
    for chunk in (ROOT / "tests/gold/sentences.txt").read_text(encoding="utf-8").split("\n\n"):
        if chunk.strip():
            yield make_article(chunk, source="gold sentences")


def reports() -> Iterator[str]:
    for article in corpus():
        for codebook in ("policy", "generic"):
            yield json.dumps(analyze(article, codebook).to_dict(), sort_keys=True)


def comparisons() -> Iterator[str]:
    """`compare` on the seeds, on each development story and on the resampled articles."""
    seeds = [analyze(article) for article in load(SEEDS)]
    groups = [("outlet", seeds), ("article", seeds)]
    if DEVSETS.is_dir():
        with (DEVSETS / "manifest.csv").open(encoding="utf-8") as rows:
            story = {row["file"]: row["note"].split(";")[0] for row in csv.DictReader(rows)}
        stories: dict[str, list] = defaultdict(list)
        for article in load(DEVSETS):
            stories[story[article.file]].append(analyze(article))
        groups += [("outlet", reports) for _, reports in sorted(stories.items())]
    resampled = [
        analyze(make_article(row["text"], outlet=row["outlet"], id=row["title"]))
        for row in resampled_corpus(RESAMPLED, seed=7)
    ]
    groups.append(("outlet", resampled))
    for by, reports in groups:
        result = dataclasses.asdict(compare(reports, by=by))
        yield json.dumps(result, sort_keys=True, default=str)


def differences(old: Any, new: Any, path: str = "") -> list[str]:
    """Where two JSON values differ, as `path: old != new` lines."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys = sorted(old.keys() | new.keys())
        return [line for k in keys for line in differences(old.get(k), new.get(k), f"{path}.{k}")]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            line
            for i, pair in enumerate(zip(old, new, strict=True))
            for line in differences(*pair, f"{path}[{i}]")
        ]
    return [] if old == new else [f"{path}: {old!r:.120} != {new!r:.120}"]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, reference = argv[0], Path(argv[1])
    if command == "write":
        lines = [*reports(), *comparisons()]
        reference.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    changed = 0
    before = reference.read_text(encoding="utf-8").splitlines()
    for number, (old, new) in enumerate(zip(before, [*reports(), *comparisons()], strict=True)):
        if old != new:
            changed += 1
            found = differences(json.loads(old), json.loads(new))
            print(f"report {number}: {len(found)} differences", *found[:SHOWN], sep="\n  ")
    print(f"{len(before)} reports and comparisons, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
