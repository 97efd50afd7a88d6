"""`python -m analysis evaluate GOLD [PATH ...]`: the analyzers measured against hand
annotation.
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import AnalysisError
from ..evaluate.gold import GOLD
from ..evaluate.scoring import evaluate
from ..report import as_json

EXIT_OK, EXIT_USAGE = 0, 2


def run_evaluate(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis evaluate",
        description="Measure the analyzers against hand-annotated gold files.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help=f"gold .toml files (default: every one in {GOLD}), then article files or folders "
        "to take the annotated articles from (default: the gold files' own paths)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    gold = [path for path in args.paths if path.suffix == ".toml"]
    articles = [path for path in args.paths if path.suffix != ".toml"]
    paths = gold or sorted(GOLD.glob("*.toml"))
    missing = [str(path) for path in paths if not path.is_file()]
    missing += [str(path) for path in articles if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = evaluate(paths, articles)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(as_json(results), indent=1))
    else:
        print("\n\n".join(result.to_text() for result in results))
    return EXIT_OK
