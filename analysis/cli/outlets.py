"""`python -m analysis outlets PATH… [--format table|json|csv] [--stories FILE] [--store
[PATH]]`: each outlet's profile over many articles (and per story where stories are known).
"""

import argparse
import sys
from collections.abc import Sequence

from ..errors import AnalysisError, StoreError
from ..framing import load_codebook
from ..outlets import outlet_profiles
from ..outlets.export import FORMATS
from ..outlets.profile import SEED
from ..outlets.read import read_summaries
from ..outlets.stories import read_stories
from ..store import Store
from .common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, internal_error

SHOWN_SKIPPED = 10


def outlets_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis outlets",
        description="Profile each outlet over many articles: tone with a 95%% interval over "
        "its articles, frames, source mix, unsourced claims and distinctive words.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="`batch` outputs (NAME.parquet, NAME.jsonl) or article files and folders",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="table")
    parser.add_argument(
        "--stories",
        metavar="FILE",
        help="the story finder's JSON: profiles per outlet and story too (joined on file/id)",
    )
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        metavar="PATH",
        help="read (and fill) the report cache of this store for article files",
    )
    parser.add_argument(
        "--codebook",
        default="policy",
        metavar="policy|generic|PATH",
        help="frames to score in article files (default: policy)",
    )
    parser.add_argument("--seed", type=int, default=SEED, help="the bootstrap's seed")
    return parser


def run_outlets(argv: Sequence[str]) -> int:
    """Entry point of the `outlets` subcommand."""
    args = outlets_parser().parse_args(argv)
    try:
        stories = read_stories(args.stories) if args.stories else {}
        codebook = load_codebook(args.codebook)
        store = Store(args.store or None) if args.store is not None else None
    except StoreError as error:
        print(f"warning: {error}; article files are analysed without the store", file=sys.stderr)
        store = None
    try:
        summaries = read_summaries(args.paths, stories, store, codebook)
        if summaries.frame.empty:
            print(
                f"error: no article could be read from {', '.join(args.paths)}; nothing to profile",
                file=sys.stderr,
            )
            _show_skipped(summaries.skipped)
            return EXIT_USAGE
        profiles = outlet_profiles(
            summaries.frame, summaries.terms, summaries.words_from, args.seed
        )
    except AnalysisError:
        raise  # the entry point says it and exits with EXIT_USAGE
    except Exception as error:  # a bug must end in a message, not a traceback
        print(f"error: {internal_error(error)}", file=sys.stderr)
        return EXIT_USAGE
    _show_skipped(summaries.skipped)
    if profiles.articles == 1:
        print("note: one article: there is nothing to compare it with", file=sys.stderr)
    unknown = profiles.unknown_intervals
    if unknown:
        print(
            f"note: {len(unknown)} outlet(s) with fewer than two articles with a tone "
            "(their tone interval is unknown): "
            + ", ".join(unknown[:SHOWN_SKIPPED])
            + (" …" if len(unknown) > SHOWN_SKIPPED else ""),
            file=sys.stderr,
        )
    output = FORMATS[args.format](profiles)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return EXIT_SOME_FAILED if summaries.skipped else EXIT_OK


def _show_skipped(skipped: Sequence[str]) -> None:
    for problem in skipped[:SHOWN_SKIPPED]:
        print(f"skipped {problem}", file=sys.stderr)
    if len(skipped) > SHOWN_SKIPPED:
        print(f"… and {len(skipped) - SHOWN_SKIPPED} more skipped", file=sys.stderr)
