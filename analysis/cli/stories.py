"""`python -m analysis stories PATH…`: which articles of a mixed pile cover the same story."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import AnalysisError
from ..store import Store
from ..stories import Story, find_stories, read_inputs
from .common import EXIT_OK, EXIT_USAGE

SHOWN_SKIPPED = 10


def stories_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis stories",
        description="Group a mixed pile of articles into the stories they cover.",
        epilog="Example: python -m analysis stories ../shared/devsets/articles --format json",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files, folders (with manifest.csv), or .jsonl/.csv/.parquet corpora",
    )
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        type=str,
        help="also the articles of this store (default location if no PATH)",
    )
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    return parser


def run_stories(argv: Sequence[str]) -> int:
    """Entry point of the `stories` subcommand."""
    try:
        args = stories_parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if not args.paths and args.store is None:
        print("error: name at least one PATH, or --store", file=sys.stderr)
        return EXIT_USAGE
    skipped: list[tuple[str, str]] = []
    try:
        store = Store(args.store or None) if args.store is not None else None
        articles = read_inputs(args.paths, store, lambda row, why: skipped.append((row, why)))
        stories = find_stories(articles, args.engine, args.scheduler)
    except AnalysisError as error:
        _tell_skipped(skipped)
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    _tell_skipped(skipped)
    if args.format == "json":
        print(json.dumps({"stories": [s.to_dict() for s in stories]}, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(story_block(story) for story in stories))
    return EXIT_OK


def _tell_skipped(skipped: Sequence[tuple[str, str]]) -> None:
    for row, reason in skipped[:SHOWN_SKIPPED]:
        print(f"warning: skipped {row}: {reason}", file=sys.stderr)
    if len(skipped) > SHOWN_SKIPPED:
        print(f"warning: … and {len(skipped) - SHOWN_SKIPPED} more skipped", file=sys.stderr)


def story_block(story: Story) -> str:
    """One story as a block of text: its label, when, who covered it, its articles."""
    when = (
        f"{story.start} – {story.end}" if story.start and story.start != story.end else story.start
    )
    count = len(story.members)
    head = [
        f"Story {story.id}: {story.label or '(no distinctive words)'}",
        f"  {count} article{'s' if count != 1 else ''}, {len(story.outlets)} outlet"
        f"{'s' if len(story.outlets) != 1 else ''}" + (f", {when}" if when else ", undated"),
    ]
    lines = [
        f"  - {m.file or m.id}  {m.outlet or '?'}  {m.date or '-'}  {m.title}".rstrip()
        for m in story.members
    ]
    return "\n".join(head + lines)
