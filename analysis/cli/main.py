"""The command line's entry point: `python -m analysis [SUBCOMMAND] ...`."""

import os
import sys
from collections.abc import Callable, Sequence

from ..errors import AnalysisError
from .batch import run_batch
from .common import EXIT_OK, EXIT_USAGE
from .evaluate import run_evaluate
from .handout import run_handout
from .outlets import run_outlets
from .report import run_report
from .stories import run_stories
from .suggest import run_suggest

SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "batch": run_batch,
    "evaluate": run_evaluate,
    "handout": run_handout,
    "stories": run_stories,
    "outlets": run_outlets,
    "suggest-cues": run_suggest,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return SUBCOMMANDS[argv[0]](argv[1:])
        return run_report(argv)
    except SystemExit as exit_:  # argparse: usage errors are exit code 2
        return EXIT_USAGE if exit_.code else EXIT_OK
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader stopped reading (`… | head`): end quietly, as the pipe's other end
        # wanted. Python would report the flush at exit as an error, so stdout is pointed
        # at the null device first (the Python documentation's recipe, signal module).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
