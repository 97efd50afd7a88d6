"""`python -m analysis suggest-cues [PATH ...] [--codebook policy|generic|PATH]`: words a
codebook's frames could add as cues, found in the user's own articles."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..compare.suggest import suggest_cues
from ..corpus import SAMPLE, load_each
from ..errors import AnalysisError
from ..framing import load_codebook
from ..report import analyze, as_json
from .common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def run_suggest(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis suggest-cues",
        description="Suggest cue words for each frame: words over-represented in the "
        "sentences that carry it (weighted log-odds), not yet among its cues.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="articles (default: the sample)")
    parser.add_argument("--codebook", default="policy", help="policy, generic or a .toml path")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if missing := [str(path) for path in args.paths if not path.exists()]:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        codebook = load_codebook(args.codebook)
        articles, failures = load_each(*(args.paths or [SAMPLE]))
        suggestions = suggest_cues([analyze(a, codebook) for a in articles], codebook)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    for failure in failures:
        print(f"skipped {failure}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(as_json(suggestions), indent=1))
    else:
        print(f"{'frame':22}{'suggested cue':24}{'z':>6}{'sentences':>11}")
        for s in suggestions:
            print(f"{s.frame[:21]:22}{s.term[:23]:24}{s.z:>6.2f}{s.count:>11}")
        if not suggestions:
            print("no suggestion: too few sentences carry a frame to tell a word from chance")
    return EXIT_SOME_FAILED if failures else EXIT_OK
