"""Did a speed-up change any result? Reports of a broad corpus, before and after.

    python -m benchmarks.same_output write before.jsonl   # on the old code
    python -m benchmarks.same_output check before.jsonl   # on the new code

The corpus: the seeds, the held-out test articles, the real articles of the development
set where it is beside the checkout (../shared/devsets), 150 articles resampled from the
seeds' paragraphs and the gold sentences, each analysed with both built-in codebooks. `check` lists the first differences of each report that changed and
exits 1 if any did.
"""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analysis import Article, analyze, load
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
        reference.write_text("\n".join(reports()) + "\n", encoding="utf-8")
        return 0
    changed = 0
    before = reference.read_text(encoding="utf-8").splitlines()
    for number, (old, new) in enumerate(zip(before, reports(), strict=True)):
        if old != new:
            changed += 1
            found = differences(json.loads(old), json.loads(new))
            print(f"report {number}: {len(found)} differences", *found[:SHOWN], sep="\n  ")
    print(f"{len(before)} reports, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
