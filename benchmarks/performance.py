"""Performance of the analysis at scale, as ratios measured in one run on this machine.

Run from the repository root:  python -m benchmarks.performance [--quick] [--skip-dashboard]
Writes benchmarks/performance.md (the figures) and benchmarks/profile.txt (pyinstrument).

- cost: time per article of `analyze` (and of each stage) against TextBlob's document
  sentiment alone on the same texts; target at most 3x.
- throughput: `python -m analysis batch` with --jobs 1 and --jobs 2, articles/s/core.
- memory: peak resident memory of `batch` on corpora of N, 10N and 100N articles.
- dashboard: first render, re-render after a change of selection and page switch of the
  Compare page in Chromium, with 5 and 100 articles, as ratios to a minimal Streamlit app
  in the same run (benchmarks/dashboard.py; needs dashboard/app.py).
- dashboard: server start to Compare page rendered in Chromium, and re-render after a
  change of selection, on the seeds and on 200 articles (needs dashboard/app.py); the
  Outlets page's first load and re-open with 10,000 and 100,000 stored articles
  (benchmarks/outlets_page.py: 8 GB of temporary store at 100,000).

Large corpora are built by resampling paragraphs of the seed articles (each article takes a
seed's length and metadata and draws that many paragraphs at random from all the seeds),
so their texts are realistic news prose but not real articles.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from analysis import Article, analyze, load
from analysis.corpus import make_article
from benchmarks.compare_scale import SIZES, measure_compare
from benchmarks.corpus import resampled_corpus
from benchmarks.stories_scale import FOLDERS as STORY_FOLDERS
from benchmarks.stories_scale import SIZES as STORY_SIZES
from benchmarks.stories_scale import measure_stories

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RESULTS = Path(__file__).with_name("performance.md")
PROFILE = Path(__file__).with_name("profile.txt")
COST_TARGET = 3.0
# The reading of the target: everything but sentiment within twice TextBlob's cost.
RULES_TARGET = 2.0
SEGMENT = "segment (paragraphs, sentences, quote marks)"
MENTIONS = "actor mentions"
SOURCES = "sources (quotes, speakers)"
FRAMING = "framing (frames and language layers)"
RULE_LAYERS = (SEGMENT, MENTIONS, SOURCES, FRAMING)
BASELINE = "TextBlob document sentiment (baseline)"
FULL = "full analysis (`analyze`)"
# Articles in the run that measures batch start-up alone.
STARTUP_ROWS = 20


def write_jsonl(rows: Sequence[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)
    return path


def best_times(works: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Least wall time of each work over `repeats` rounds that run every work in turn, so
    that load from other processes hits the baseline and the others alike."""
    times: dict[str, float] = dict.fromkeys(works, float("inf"))
    for _ in range(repeats):
        for name, work in works.items():
            start = time.perf_counter()
            work()
            times[name] = min(times[name], time.perf_counter() - start)
    return times


def stages(articles: Sequence[Article]) -> dict[str, Callable[[Article], object]]:
    """Each layer of `analyze` on its own, given the other layers' results as inputs."""
    from analysis.framing import analyze_framing, load_codebook
    from analysis.framing.language import analyze_language
    from analysis.knowledge import find_mentions
    from analysis.sentiment import analyze_sentiment
    from analysis.sources import analyze_sources
    from analysis.text import segment

    reports = {article.text: analyze(article) for article in articles}
    codebook = load_codebook("policy")

    def framing(article: Article) -> object:
        r = reports[article.text]
        quoted = r.sources.quoted_spans
        return analyze_framing(r.document, quoted, r.mentions, codebook, article.title)

    return {
        "clean (make_article)": lambda a: make_article(a.text),
        SEGMENT: lambda a: segment(a.text),
        MENTIONS: lambda a: find_mentions(a.text),
        SOURCES: lambda a: analyze_sources(reports[a.text].document, reports[a.text].mentions),
        "sentiment (TextBlob + VADER per sentence, CIs)": lambda a: analyze_sentiment(
            reports[a.text].document,
            reports[a.text].sources.quoted_spans,
            reports[a.text].mentions,
        ),
        FRAMING: framing,
        "  of which language layers": lambda a: analyze_language(
            reports[a.text].document, reports[a.text].sources.quoted_spans, reports[a.text].mentions
        ),
        "JSON form (to_dict)": lambda a: reports[a.text].to_dict(),
    }


def measure_cost(articles: Sequence[Article], repeats: int) -> list[str]:
    from textblob import TextBlob

    texts = [article.text for article in articles]
    for article in articles:  # warm caches and lazy imports
        analyze(article)
        assert TextBlob(article.text).sentiment
    works: dict[str, Callable[[], object]] = {
        BASELINE: lambda: [TextBlob(text).sentiment for text in texts],
        FULL: lambda: [analyze(article) for article in articles],
    }
    for name, layer in stages(articles).items():
        works[name] = lambda layer=layer: [layer(article) for article in articles]
    times = best_times(works, repeats)
    baseline, per = times[BASELINE], 1000 / len(articles)
    ratio = times[FULL] / baseline
    lines = [
        "## Cost per article against TextBlob's document sentiment",
        "",
        f"{len(articles)} articles (the seeds, mean {_mean_words(articles):.0f} words), best of "
        f"{repeats} interleaved rounds. Baseline: `TextBlob(text).sentiment` on the whole "
        "text. Each layer is timed alone, given the other layers' results.",
        "",
        "| what | ms per article | × TextBlob |",
        "|---|---:|---:|",
    ]
    for name, spent in times.items():
        shown = f"**{name}**" if name == FULL else name
        lines.append(f"| {shown} | {spent * per:.1f} | {spent / baseline:.2f} |")
    rules = sum(times[name] for name in RULE_LAYERS) / baseline
    lines += [
        "",
        f"Full analysis costs {ratio:.2f}× TextBlob: {_verdict(ratio, COST_TARGET)} the "
        f"≤ {COST_TARGET:.0f}× target.",
        f"Segmentation, actor mentions, quotes and framing together cost {rules:.2f}×: "
        f"{_verdict(rules, RULES_TARGET)} the ≤ {RULES_TARGET:.0f}× share the target leaves them.",
    ]
    return lines


def _verdict(ratio: float, target: float) -> str:
    return "meets" if ratio <= target else "misses"


def _mean_words(articles: Sequence[Article]) -> float:
    return sum(len(a.text.split()) for a in articles) / len(articles)


def run_batch(corpus: Path, output: Path, jobs: int) -> tuple[float, int]:
    """Wall time and peak memory (KiB, largest process) of one `batch` run."""
    probe = (
        "import resource, subprocess, sys;"
        "code = subprocess.call(sys.argv[1:], stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
    )
    command = [sys.executable, "-m", "analysis", "batch", str(corpus), "-o", str(output)]
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", probe, *command, "--jobs", str(jobs), "--restart"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise RuntimeError(f"batch failed: {result.stderr}")
    return elapsed, int(result.stdout.split()[-1])


def measure_throughput(folder: Path, size: int) -> list[str]:
    corpus = write_jsonl(resampled_corpus(size), folder / "throughput.jsonl")
    tiny = write_jsonl(resampled_corpus(STARTUP_ROWS), folder / "startup.jsonl")
    lines = [
        "## Throughput and scaling (`python -m analysis batch`)",
        "",
        f"{size} resampled articles, JSON Lines to Parquet. Wall time includes start-up "
        f"(imports, loading the models), measured apart as a {STARTUP_ROWS}-article run; the "
        "last column leaves it out.",
        "",
        "| jobs | seconds | articles/s | articles/s per core | start-up (s) "
        "| articles/s without start-up |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    steady = {}
    for jobs in (1, 2):
        wall, _ = run_batch(corpus, folder / f"jobs-{jobs}.parquet", jobs=jobs)
        startup, _ = run_batch(tiny, folder / f"startup-{jobs}.parquet", jobs=jobs)
        steady[jobs] = (size - STARTUP_ROWS) / max(wall - startup, 1e-9)
        lines.append(
            f"| {jobs} | {wall:.1f} | {size / wall:.1f} | {size / wall / jobs:.1f} "
            f"| {startup:.1f} | {steady[jobs]:.1f} |"
        )
    return [
        *lines,
        "",
        f"Speed-up from 1 to 2 processes: {steady[2] / steady[1]:.2f}× without start-up "
        f"(ideal 2.00×; this machine has {os.cpu_count()} cores).",
    ]


def measure_memory(folder: Path, base: int) -> list[str]:
    lines = [
        "## Peak memory while streaming (`batch --jobs 1`)",
        "",
        "| articles | peak resident memory (MiB) | × smallest |",
        "|---:|---:|---:|",
    ]
    first = None
    for factor in (1, 10, 100):
        corpus = write_jsonl(resampled_corpus(base * factor), folder / f"memory-{factor}.jsonl")
        _, peak = run_batch(corpus, folder / f"memory-{factor}.parquet", jobs=1)
        first = first or peak
        lines.append(f"| {base * factor} | {peak / 1024:.0f} | {peak / first:.2f} |")
    return lines


def write_profile(articles: Sequence[Article]) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(20):
        for article in articles:
            analyze(article)
    profiler.stop()
    PROFILE.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, fewer repeats")
    parser.add_argument("--skip-dashboard", action="store_true")
    args = parser.parse_args(argv)
    repeats, size, base = (3, 40, 10) if args.quick else (7, 1000, 40)
    articles = load(SEEDS)
    sections = [
        "# Performance",
        "",
        f"Measured by `python -m benchmarks.performance` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}. "
        "Absolute times vary with the machine; the ratios are the result.",
        "Large corpora are the seed articles' paragraphs resampled at random (see the script).",
        "",
    ]
    sections += [*measure_cost(articles, repeats), ""]
    sections += [*measure_compare((20, 200) if args.quick else SIZES), ""]
    if all(folder.is_dir() for folder in STORY_FOLDERS):  # recombines the dev sets' text
        sections += [*measure_stories((1000, 5000) if args.quick else STORY_SIZES), ""]
    write_profile(articles)
    with tempfile.TemporaryDirectory() as folder:
        sections += [*measure_throughput(Path(folder), size), ""]
        sections += [*measure_memory(Path(folder), base), ""]
        if not args.skip_dashboard and (ROOT / "dashboard" / "app.py").exists():
            from benchmarks.dashboard import measure_dashboard
            from benchmarks.outlets_page import SIZES as OUTLET_SIZES
            from benchmarks.outlets_page import measure_outlets_page

            sections += [*measure_dashboard(Path(folder)), ""]
            sizes = (1000,) if args.quick else OUTLET_SIZES
            sections += [*measure_outlets_page(sizes, Path(folder)), ""]
    busy = os.getloadavg()[1] if hasattr(os, "getloadavg") else float("nan")
    cores = os.cpu_count() or 1
    crowded = (
        "above the core count: other processes competed and timings are noisier"
        if busy > cores
        else "at most the core count: the machine was otherwise idle"
    )
    sections.insert(
        3, f"Load average over the run's last 5 minutes: {busy:.1f} on {cores} cores ({crowded})."
    )
    RESULTS.write_text("\n".join(sections), encoding="utf-8")
    print("\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
