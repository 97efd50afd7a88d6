"""Do outlet profiles of a 100,000-article batch output finish in minutes, in bounded memory?

Run from the repository root:  python -m benchmarks.outlets_scale [--sizes 10000 100000]
[--outlets 200] [--jsonl 5000]

The batch output is made by running `python -m analysis batch` on the bundled sample
(five real articles) and replicating its Parquet rows under varied outlets, dates, ids
and headlines: TIMING ONLY, the numbers of the profiles mean nothing. For each size it
times, each in a fresh process, the baseline (pandas reading the whole Parquet file) and
`python -m analysis outlets FILE --format json` (start-up included), with each
process's peak resident memory; then the ratios. `--jsonl N` does the same for batch's
JSON Lines output (full reports, about 70 KB each: N = 100,000 would be 7 GB), against
parsing every line with the json module alone.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.corpus import SAMPLE

ROW_GROUP = 4096  # as batch writes its output
WORDS = ("talks", "deal", "sanctions", "missiles", "visit", "warning", "purchase", "summit")


def sample_reports(folder: Path) -> list[str]:
    """The sample's real batch reports (JSON Lines), one line each."""
    output = folder / "sample.jsonl"
    subprocess.run(
        [sys.executable, "-m", "analysis", "batch", str(SAMPLE), "-o", str(output), "--jobs", "1"],
        check=True,
        capture_output=True,
    )
    return output.read_text("utf-8").splitlines()


def replicate_lines(lines: list[str], size: int, outlets: int, path: Path) -> None:
    """`size` reports cycling through the real ones under their own ids and outlets."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            report = json.loads(lines[n % len(lines)])
            report |= {"id": f"a{n:07d}", "outlet": f"Outlet {n * 7919 % outlets:03d}"}
            out.write(json.dumps(report, ensure_ascii=False) + "\n")


def batch_rows(folder: Path) -> pa.Table:
    """The sample's real batch rows (its article table)."""
    output = folder / "sample.parquet"
    subprocess.run(
        [sys.executable, "-m", "analysis", "batch", str(SAMPLE), "-o", str(output), "--jobs", "1"],
        check=True,
        capture_output=True,
    )
    return pq.read_table(output)


def replicate(rows: pa.Table, size: int, outlets: int, path: Path) -> None:
    """`size` rows cycling through the real ones, each under its own id, one of `outlets`
    outlets, a date and a headline with a varied word; written in batch's row groups."""
    with pq.ParquetWriter(path, rows.schema) as writer:
        for start in range(0, size, ROW_GROUP):
            count = min(ROW_GROUP, size - start)
            numbers = range(start, start + count)
            part = rows.take([n % rows.num_rows for n in numbers]).to_pandas()
            part["id"] = [f"a{n:07d}" for n in numbers]
            part["row"] = part["id"]
            part["outlet"] = [f"Outlet {n * 7919 % outlets:03d}" for n in numbers]
            part["date"] = [f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}" for n in numbers]
            part["title"] = part["title"] + [f" {WORDS[n * 31 % len(WORDS)]}" for n in numbers]
            writer.write_table(pa.Table.from_pandas(part, schema=rows.schema, preserve_index=False))


def timed(code: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of a fresh Python process running `code`."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *code], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    return seconds, float(done.stderr.strip().splitlines()[-1])


# Runs argv[1:] as a module or a snippet and prints the process's peak memory (MiB) last.
PEAK_WRAPPER = """
import resource, runpy, sys
kind, what, *rest = sys.argv[1:]
sys.argv = [what, *rest]
if kind == "module":
    try:
        runpy.run_module(what, run_name="__main__")
    except SystemExit:
        pass
else:
    exec(what)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--jsonl", type=int, default=0, help="reports in a JSON Lines run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = batch_rows(folder)
        print(
            "| articles | read Parquet (s) | outlets command (s) | × read | "
            "peak MiB read | peak MiB outlets | × time of smallest |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|")
        first = None
        for size in args.sizes:
            path = folder / f"batch-{size}.parquet"
            replicate(rows, size, args.outlets, path)
            read_s, read_mib = timed(["code", f"import pandas; pandas.read_parquet({str(path)!r})"])
            out_s, out_mib = timed(["module", "analysis", "outlets", str(path), "--format", "json"])
            first = first or out_s
            print(
                f"| {size:,} | {read_s:.1f} | {out_s:.1f} | {out_s / read_s:.1f} "
                f"| {read_mib:.0f} | {out_mib:.0f} | {out_s / first:.2f} |"
            )
        if args.jsonl:
            path = folder / f"batch-{args.jsonl}.jsonl"
            replicate_lines(sample_reports(folder), args.jsonl, args.outlets, path)
            parse = f"import json\nfor line in open({str(path)!r}): json.loads(line)"
            read_s, read_mib = timed(["code", parse])
            out_s, out_mib = timed(["module", "analysis", "outlets", str(path), "--format", "json"])
            print(
                f"\nJSON Lines, {args.jsonl:,} reports ({path.stat().st_size / 2**20:,.0f} MiB): "
                f"parsing every line {read_s:.1f} s ({read_mib:.0f} MiB peak), outlets "
                f"{out_s:.1f} s ({out_mib:.0f} MiB peak), {out_s / read_s:.1f}× parsing."
            )


if __name__ == "__main__":
    main()
