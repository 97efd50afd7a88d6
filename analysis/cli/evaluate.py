"""`python -m analysis evaluate GOLD [PATH ...]`: the analyzers measured against hand
annotation.
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import AnalysisError
from ..evaluate.scoring import GOLD_SUFFIXES, evaluate
from ..report import as_json
from .common import EXIT_OK, EXIT_USAGE


def run_evaluate(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis evaluate",
        description="Measure the analyzers against hand-annotated gold files.",
        epilog="Example: python -m analysis evaluate tests/gold/real/quotes_devsets.toml "
        "../shared/devsets/articles",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="GOLD|PATH",
        help="gold files (.toml, .tsv), then the article files or folders to take the "
        "annotated articles from, by file name (default: the gold files' own paths)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    gold = [path for path in args.paths if path.suffix in GOLD_SUFFIXES]
    articles = [path for path in args.paths if path.suffix not in GOLD_SUFFIXES]
    if not gold:
        print("error: name at least one gold file (.toml or .tsv)", file=sys.stderr)
        return EXIT_USAGE
    missing = [str(path) for path in gold if not path.is_file()]
    missing += [str(path) for path in articles if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = evaluate(gold, articles)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(as_json(results), indent=1))
    else:
        print("\n\n".join(result.to_text() for result in results))
    return EXIT_OK
