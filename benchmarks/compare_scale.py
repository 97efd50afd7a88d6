"""How do `compare`'s time and peak memory grow from 200 to 2,000 articles?

    python -m benchmarks.compare_scale            # 200 and 2,000 articles
    python -m benchmarks.compare_scale 50 500     # other sizes

Builds N articles from the seeds (each seed under several outlet names, one paragraph
left out per copy, as many copies as needed), analyses each distinct text once and gives
its report every copy's id and outlet. Each size runs in a fresh process, which times
`compare` on the N reports (best of `ROUNDS`, in CPU seconds: the machine may be shared),
then reads its own peak resident memory (the issue's 1 GiB at 200 articles was this) and
last traces what `compare` itself allocates (tracemalloc, numpy and SciPy arrays
included). The target (issue 19): from 200 to 2,000 articles, time at most 12× and peak
memory at most 4×.
"""

import dataclasses
import json
import resource
import subprocess
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


def measure(size: int) -> tuple[float, float, float]:
    """CPU seconds (best of `ROUNDS`) that `compare` takes on `size` reports, the peak
    resident memory (MiB) of a fresh process that builds the reports and compares them,
    and the peak MiB that `compare` itself allocates (tracemalloc)."""
    run = [sys.executable, "-m", "benchmarks.compare_scale", "--one", str(size)]
    found = json.loads(subprocess.run(run, check=True, capture_output=True, text=True).stdout)
    return found["seconds"], found["resident"], found["traced"]


def _measure_here(size: int) -> dict[str, float]:
    given = reports(size)
    seconds = []
    for _ in range(ROUNDS):
        start = time.process_time()
        result = compare(given)
        seconds.append(time.process_time() - start)
        assert not result.note and len(result.columns) == len({r.article.outlet for r in given})
        del result
    kib = 1 if sys.platform != "darwin" else 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib / 2**10
    tracemalloc.start()
    compare(given)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"seconds": min(seconds), "resident": resident, "traced": traced}


def measure_compare(sizes: tuple[int, ...] = SIZES) -> list[str]:
    """The Markdown section of benchmarks/performance.md: `compare` at `sizes` articles."""
    lines = [
        "## Comparing many articles (`compare`)",
        "",
        "Seed copies under their own outlet names (`python -m benchmarks.compare_scale`), "
        f"each size in a fresh process: CPU seconds of `compare`, best of {ROUNDS}; the "
        "process's peak resident memory (the reports built, then compared); what `compare` "
        "itself allocates at its peak (tracemalloc).",
        "",
        "| articles | compare (CPU s) | peak resident (MiB) | compare allocates (MiB) "
        "| × time | × resident | × allocated |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    results = [measure(size) for size in sizes]
    first, last = results[0], results[-1]
    for size, found in zip(sizes, results, strict=True):
        ratios = " | ".join(f"{value / base:.2f}" for value, base in zip(found, first, strict=True))
        lines.append(f"| {size} | {found[0]:.2f} | {found[1]:.0f} | {found[2]:.1f} | {ratios} |")
    time_ratio, memory_ratio = last[0] / first[0], last[1] / first[1]
    ok = time_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET
    lines += [
        "",
        f"{sizes[0]} → {sizes[-1]} articles: time × {time_ratio:.2f} (target ≤ {TIME_TARGET:g}),"
        f" peak memory × {memory_ratio:.2f} (target ≤ {MEMORY_TARGET:g}): "
        f"{'meets' if ok else 'misses'} the target.",
    ]
    return lines


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(_measure_here(int(argv[1]))))
        return
    print("\n".join(measure_compare(tuple(int(arg) for arg in argv) or SIZES)))


if __name__ == "__main__":
    main(sys.argv[1:])
