"""How does `compare` scale from 2 to 50 articles?

    python -m benchmarks.compare_scale

Builds N articles from the seeds (each seed under several outlet names, one paragraph
left out per copy) and times `compare` against the baseline of analysing the same
articles, in the same run.
"""

import time

from analysis import analyze, compare, load, make_article
from benchmarks.fact_grouping import ROOT

SIZES = (2, 5, 10, 25, 50)


def corpus(size: int) -> list:
    seeds = load(ROOT / "seeds")
    articles = []
    for number in range(size):
        seed = seeds[number % len(seeds)]
        copy = number // len(seeds)
        paragraphs = seed.text.split("\n\n")
        text = "\n\n".join(p for i, p in enumerate(paragraphs) if i != copy - 1)
        outlet = f"{seed.outlet} {copy}"
        articles.append(make_article(text, outlet=outlet, id=f"{outlet} {seed.id}"))
    return articles


def main() -> None:
    print(f"{'articles':>8}{'analyse (s)':>13}{'compare (s)':>13}{'ratio':>8}")
    for size in SIZES:
        articles = corpus(size)
        start = time.perf_counter()
        reports = [analyze(article) for article in articles]
        analysed = time.perf_counter() - start
        start = time.perf_counter()
        result = compare(reports)
        compared = time.perf_counter() - start
        assert not result.note and len(result.columns) == size
        print(f"{size:>8}{analysed:>13.2f}{compared:>13.2f}{compared / analysed:>8.2f}")


if __name__ == "__main__":
    main()
