"""Does the Read page's markup grow linearly with an article's length? (It grew
quadratically before the marks were swept once per article: 1.25 MB took 19.6 s.)

Run from the repository root:  python -m benchmarks.read_scale [--sizes 0.5 1 2 4]
For articles of 0.5, 1, 2 and 4 MB built from the seeds' paragraphs (numbered, so none
is removed as a repeat), prints the time to analyse and the time to draw the article with
every layer on, per megabyte as a ratio to the smallest (about 1 at every size: linear),
and drawing as a ratio to analysing (the target: under 3 at 5 MB).
"""

import argparse
import time

from analysis import analyze, load, make_article
from analysis.corpus import SAMPLE
from dashboard.markup import MARKERS, article_html

LAYERS = (*MARKERS, "tone", "removed")


def article_of(megabytes: float, paragraphs: list[str]) -> str:
    wanted, parts, number = int(megabytes * 1_000_000), [], 0
    while sum(len(p) + 2 for p in parts) < wanted:
        parts.append(f"{paragraphs[number % len(paragraphs)]} (part {number}).")
        number += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[0.5, 1, 2, 4])
    sizes = parser.parse_args().sizes
    paragraphs = [p for a in load(SAMPLE) for p in a.text.split("\n\n") if p.strip()]
    analyze(make_article(paragraphs[0]))  # load the lexicons and models first
    print("| MB | analyse s | draw s | draw s per MB, × smallest | draw ÷ analyse |")
    print("|---:|---:|---:|---:|---:|")
    baseline = None
    for size in sizes:
        article = make_article(article_of(size, paragraphs))
        start = time.perf_counter()
        report = analyze(article)
        analysed = time.perf_counter() - start
        start = time.perf_counter()
        article_html(report, LAYERS)
        drawn = time.perf_counter() - start
        per_mb = drawn / size
        baseline = baseline or per_mb
        print(
            f"| {len(article.text) / 1e6:.2f} | {analysed:.1f} | {drawn:.2f} "
            f"| {per_mb / baseline:.2f} | {drawn / analysed:.2f} |"
        )


if __name__ == "__main__":
    main()
