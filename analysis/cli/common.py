"""What every command shares: exit codes, the message for an internal error, and the
reader's corrections to the actors."""

import argparse
import sys
from collections.abc import Sequence

from ..compare import share_descriptions
from ..compare.corrections import apply_corrections, load_corrections
from ..report import Report

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def internal_error(error: Exception) -> str:
    return (
        f"internal error while analysing ({type(error).__name__}: {error}); "
        "please report it with this file"
    )


def add_corrections_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corrections",
        metavar="FILE",
        help="a TOML file of corrections to the actors (merge, rename, hide, alias, apart, "
        "add), as the dashboard's Compare page downloads them",
    )


def as_selection(reports: Sequence[Report], path: str | None) -> list[Report]:
    """The reports read together, as the dashboard reads a selection: a speaker described
    in one article is known in the others (share_descriptions), then the corrections file
    is applied; a correction that does not apply to these articles is said on stderr. A
    malformed file raises DataFileError (a usage error)."""
    reports = share_descriptions(reports)
    if not path:
        return list(reports)
    result = apply_corrections(reports, load_corrections(path))
    for item, reason in result.unused:
        print(f"warning: {path}: not applied: {item.describe()}: {reason}", file=sys.stderr)
    return list(result.reports)
