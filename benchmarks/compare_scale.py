"""How do `compare`'s time and peak memory grow from 200 to 2,000 articles?

    python -m benchmarks.compare_scale            # 200 and 2,000 articles
    python -m benchmarks.compare_scale 50 500     # other sizes

Builds N articles from the seeds (each seed under several outlet names, one paragraph
left out per copy, as many copies as needed), analyses each distinct text once and gives
its report every copy's id and outlet, then times `compare` on the N reports (best of
`ROUNDS`, in CPU seconds: the machine may be shared) and measures its peak memory apart
(tracemalloc: what `compare` allocates beyond the reports, numpy and SciPy arrays
included). The target (issue 19): from 200 to 2,000 articles, time at most 12× and peak
memory at most 4×.
"""

import dataclasses
import sys
import time
import tracemalloc
from functools import cache

from analysis import Report, analyze, compare, load, make_article
from benchmarks.fact_grouping import ROOT

SIZES = (200, 2000)
ROUNDS = 3
TIME_TARGET, MEMORY_TARGET = 12.0, 4.0


@cache
def _analysed(seed_number: int, left_out: int) -> Report:
    """The report of seed `seed_number` without its paragraph `left_out` (-1: none)."""
    seed = load(ROOT / "seeds")[seed_number]
    paragraphs = seed.text.split("\n\n")
    text = "\n\n".join(p for i, p in enumerate(paragraphs) if i != left_out)
    return analyze(make_article(text, outlet=seed.outlet, id=seed.id))


def reports(size: int) -> list[Report]:
    """`size` reports: seed copies, each copy under its own outlet name and id."""
    seeds = load(ROOT / "seeds")
    found = []
    for number in range(size):
        seed_number, copy = number % len(seeds), number // len(seeds)
        paragraphs = len(seeds[seed_number].text.split("\n\n"))
        report = _analysed(seed_number, copy - 1 if copy <= paragraphs else -1)
        outlet = f"{seeds[seed_number].outlet} {copy}"
        article = dataclasses.replace(
            report.article, outlet=outlet, id=f"{outlet} {seeds[seed_number].id}"
        )
        found.append(dataclasses.replace(report, article=article))
    return found


def measure(size: int) -> tuple[float, float]:
    """CPU seconds (best of `ROUNDS`) and peak MiB that `compare` takes on `size` reports."""
    given = reports(size)
    seconds = []
    for _ in range(ROUNDS):
        start = time.process_time()
        result = compare(given)
        seconds.append(time.process_time() - start)
        assert not result.note and len(result.columns) == len({r.article.outlet for r in given})
        del result
    tracemalloc.start()
    compare(given)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return min(seconds), peak


def measure_compare(sizes: tuple[int, ...] = SIZES) -> list[str]:
    """The Markdown section of benchmarks/performance.md: `compare` at `sizes` articles."""
    lines = [
        "## Comparing many articles (`compare`)",
        "",
        "Seed copies under their own outlet names (`python -m benchmarks.compare_scale`); "
        f"CPU seconds, best of {ROUNDS}; peak memory traced while comparing (tracemalloc).",
        "",
        "| articles | compare (CPU s) | peak memory (MiB) | × time | × memory |",
        "|---:|---:|---:|---:|---:|",
    ]
    results = [measure(size) for size in sizes]
    (time0, peak0), (seconds, peak) = results[0], results[-1]
    for size, (s, p) in zip(sizes, results, strict=True):
        lines.append(f"| {size} | {s:.2f} | {p:.1f} | {s / time0:.2f} | {p / peak0:.2f} |")
    ok = seconds / time0 <= TIME_TARGET and peak / peak0 <= MEMORY_TARGET
    lines += [
        "",
        f"{sizes[0]} → {sizes[-1]} articles: time × {seconds / time0:.2f} "
        f"(target ≤ {TIME_TARGET:g}), memory × {peak / peak0:.2f} "
        f"(target ≤ {MEMORY_TARGET:g}): {'meets' if ok else 'misses'} the target.",
    ]
    return lines


def main(argv: list[str]) -> None:
    print("\n".join(measure_compare(tuple(int(arg) for arg in argv) or SIZES)))


if __name__ == "__main__":
    main(sys.argv[1:])
