"""How do the story finder's time and peak memory grow from 10,000 to 100,000 articles?

    python -m benchmarks.stories_scale                 # 10,000, 30,000 and 100,000
    python -m benchmarks.stories_scale 2000 20000      # other sizes

For timing only, the corpus is synthetic: the paragraphs of the real dev-set articles
(../shared/devsets/articles and ../devsets-more/articles, read in place, never copied)
recombined. Each synthetic story takes one real article's paragraphs in a shuffled order,
less one, plus one paragraph of another article, under random outlets and dates within a
fortnight; stories are spread over ten years. Its groupings say nothing about accuracy
(every story made from one real article reads alike): the dev pile does that.

Each size runs in a fresh process, which times (CPU seconds: the machine may be shared)
the baseline, scikit-learn's `TfidfVectorizer` alone on the same texts, then
`find_stories`, and reports its peak resident memory. Texts are made as they are read, so
the memory is the finder's, not the corpus's. A last row runs the smallest size without
dates: undated articles are compared with every other one.
"""

import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.corpus import read_article
from analysis.stories import StoryInput, find_stories
from benchmarks.fact_grouping import ROOT

SIZES = (10_000, 30_000, 100_000)
FOLDERS = (
    ROOT.parent / "shared" / "devsets" / "articles",
    ROOT.parent / "devsets-more" / "articles",
)
ARTICLES_PER_STORY = 8
OUTLETS = 300
FIRST_DAY = date(2015, 1, 1)
SPREAD_DAYS = 3650
STORY_DAYS = 14
SEED = 21


@cache
def paragraphs() -> tuple[tuple[str, ...], ...]:
    """The paragraphs of each real dev-set article."""
    found = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            found.append(tuple(p for p in read_article(path).text.split("\n") if p.strip()))
    if not found:
        raise SystemExit("no dev-set folders beside the checkout: nothing to recombine")
    return tuple(found)


def corpus(size: int, dated: bool = True) -> Iterator[StoryInput]:
    """`size` synthetic articles, made one at a time (the same for the same size); without
    dates when not `dated`."""
    pool = paragraphs()
    chance = random.Random(SEED)
    for number in range(size):
        story = number // ARTICLES_PER_STORY
        base = pool[story % len(pool)]
        day = FIRST_DAY + timedelta(
            days=(story * 7919) % SPREAD_DAYS + chance.randrange(STORY_DAYS)
        )
        kept = chance.sample(base, max(1, len(base) - 1))
        kept.append(chance.choice(chance.choice(pool)))
        yield StoryInput(
            "\n\n".join(kept),
            id=f"a{number}",
            outlet=f"Outlet {chance.randrange(OUTLETS)}",
            date=day.isoformat() if dated else "",
        )


def _measure_here(size: int, dated: bool) -> dict[str, float]:
    start = time.process_time()
    TfidfVectorizer(sublinear_tf=True).fit_transform(item.text for item in corpus(size))
    baseline = time.process_time() - start
    start = time.process_time()
    stories = find_stories(corpus(size, dated))
    seconds = time.process_time() - start
    kib = 1 if sys.platform != "darwin" else 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib / 2**10
    return {"baseline": baseline, "seconds": seconds, "resident": resident, "stories": len(stories)}


def measure(size: int, dated: bool = True) -> dict[str, float]:
    run = [sys.executable, "-m", "benchmarks.stories_scale", "--one", str(size)]
    run += [] if dated else ["--undated"]
    return json.loads(subprocess.run(run, check=True, capture_output=True, text=True).stdout)


def measure_stories(sizes: tuple[int, ...] = SIZES) -> list[str]:
    """The Markdown section of benchmarks/performance.md: the finder at `sizes` articles."""
    lines = [
        "## Finding stories in a large pile (`python -m analysis stories`)",
        "",
        "Synthetic articles recombined from the dev sets' real paragraphs, for timing only "
        "(`python -m benchmarks.stories_scale`), each size in a fresh process: CPU seconds "
        "of scikit-learn's `TfidfVectorizer` alone on the same texts (the baseline), of "
        "`find_stories`, and the process's peak resident memory.",
        "",
        "| articles | baseline TF-IDF (CPU s) | find_stories (CPU s) | × baseline "
        "| peak resident (MiB) | stories |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    results = [measure(size) for size in sizes]
    undated = measure(sizes[0], dated=False)
    rows = [(f"{size:,}", found) for size, found in zip(sizes, results, strict=True)]
    for name, found in [*rows, (f"{sizes[0]:,}, undated", undated)]:
        lines.append(
            f"| {name} | {found['baseline']:.1f} | {found['seconds']:.1f} "
            f"| {found['seconds'] / found['baseline']:.2f} | {found['resident']:.0f} "
            f"| {found['stories']:,} |"
        )
    first, last = results[0], results[-1]
    growth = sizes[-1] / sizes[0]
    lines += [
        "",
        f"{sizes[0]:,} → {sizes[-1]:,} articles (× {growth:g}): time × "
        f"{last['seconds'] / first['seconds']:.1f} (the baseline × "
        f"{last['baseline'] / first['baseline']:.1f}), peak memory × "
        f"{last['resident'] / first['resident']:.1f}. Undated articles are compared with "
        "every other article (no time window to block on): the undated row shows the cost.",
    ]
    return lines


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(_measure_here(int(argv[1]), "--undated" not in argv)))
        return
    print("\n".join(measure_stories(tuple(int(arg) for arg in argv) or SIZES)))


if __name__ == "__main__":
    main(sys.argv[1:])
