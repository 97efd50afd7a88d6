"""The command line's entry point: `python -m analysis [SUBCOMMAND] ...`."""

import sys
from collections.abc import Callable, Sequence

from ..errors import AnalysisError
from .batch import run_batch
from .common import EXIT_OK, EXIT_USAGE
from .evaluate import run_evaluate
from .handout import run_handout
from .report import run_report

SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "batch": run_batch,
    "evaluate": run_evaluate,
    "handout": run_handout,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]](argv[1:])
    try:
        return run_report(argv)
    except SystemExit as exit_:  # argparse: usage errors are exit code 2
        return EXIT_USAGE if exit_.code else EXIT_OK
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
