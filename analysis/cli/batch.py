"""`python -m analysis batch INPUT -o OUTPUT`: analyse a large corpus, resumably."""

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..batch import (
    DEFAULT_CHUNK,
    SHOWN_ERRORS,
    Options,
    OutputFormat,
    errors_path,
    join_parts,
    open_source,
    run_dask,
    run_local,
    work_path,
)
from ..errors import AnalysisError
from ..framing import load_codebook
from ..knowledge import load_knowledge
from ..store import Store
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis batch",
        description="Analyse a large corpus into Parquet or JSON Lines; resumable.",
    )
    parser.add_argument("input", type=Path, help="folder of articles, or .jsonl/.csv/.parquet")
    parser.add_argument("-o", "--output", type=Path, required=True, help="OUTPUT.parquet|.jsonl")
    parser.add_argument(
        "--jobs", type=int, default=usable_cores(), help="processes (default: all cores)"
    )
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK, help="rows per chunk")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        type=str,
        help="reuse and fill the report cache in this store (default location if no PATH)",
    )
    parser.add_argument(
        "--codebook",
        default="policy",
        help="frames to score: a built-in codebook or a codebook .toml file (default: policy)",
    )
    parser.add_argument("--knowledge", metavar="FOLDER", help="a knowledge pack folder to add")
    parser.add_argument("--restart", action="store_true", help="discard an unfinished run")
    return parser


def run_batch(argv: Sequence[str]) -> int:
    """Entry point of the `batch` subcommand."""
    try:
        args = batch_parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    output: Path = args.output
    formats: dict[str, OutputFormat] = {".parquet": "parquet", ".jsonl": "jsonl"}
    output_format = formats.get(output.suffix.lower())
    if output_format is None:
        print("error: OUTPUT must end in .parquet or .jsonl", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 1 or args.chunk_size < 1:
        print("error: --jobs and --chunk-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "dask" and args.store is not None:
        print(
            "error: --store works with the local engine only (SQLite needs a local disk)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        source = open_source(args.input)
        codebook = load_codebook(args.codebook)
        load_knowledge(args.knowledge)  # a malformed pack is a usage error, before any work
        store = Store(args.store or None).path if args.store is not None else None
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    options = Options(work_path(output), output_format, codebook, store, args.knowledge or "")
    settings = {
        "input": str(args.input.resolve()),
        "codebook": codebook.hash,
        "knowledge": args.knowledge or "",
        "chunk_size": args.chunk_size,
        "engine": args.engine,
        "format": output_format,
    }
    problem = prepare_work(options.work, settings, args.restart)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.engine == "dask":
            run_dask(source, options, args.chunk_size, args.jobs, args.scheduler)
        else:
            run_local(source, options, args.chunk_size, args.jobs)
    except KeyboardInterrupt:
        print(
            f"\ninterrupted: finished chunks are kept in {options.work}; "
            "run the same command again to resume",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    written = join_parts(options.work, output, output_format)
    shutil.rmtree(options.work)
    return report_outcome(written, errors_path(output))


def prepare_work(work: Path, settings: dict[str, Any], restart: bool) -> str | None:
    """Create the work folder, or check that the one left by an earlier run matches."""
    state = work / "state.json"
    if restart and work.exists():
        shutil.rmtree(work)
    if state.exists():
        earlier = json.loads(state.read_text())
        if earlier != settings:
            return (
                f"{work} was left by an unfinished run with other settings ({earlier}); "
                "run that command again to resume it, or add --restart to discard it"
            )
        return None
    work.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps(settings))
    return None


def report_outcome(written: Sequence[Path], errors_file: Path) -> int:
    """Say what was written and show the first bad rows; the exit code."""
    print(f"wrote {', '.join(map(str, written))}", file=sys.stderr)
    if not errors_file.exists():
        return EXIT_OK
    with errors_file.open(encoding="utf-8") as lines:
        count = 0
        for count, line in enumerate(lines, start=1):
            if count <= SHOWN_ERRORS:
                error = json.loads(line)
                print(f"  skipped {error['row']}: {error['reason']}", file=sys.stderr)
    print(f"skipped {count} bad row(s), all listed in {errors_file}", file=sys.stderr)
    return EXIT_SOME_FAILED
