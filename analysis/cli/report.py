"""`python -m analysis [PATH|URL ...] [--format table|json|csv] [--outlet NAME] [--codebook
policy|generic|PATH] [--store [PATH]]`: the articles' reports, side by side.
"""

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..compare.corrections import load_corrections
from ..corpus import SAMPLE, Article, clean_field, load_each
from ..corpus.fetch import ALLOW_PRIVATE_ENV, is_web_address
from ..errors import AnalysisError, InputError, StoreError
from ..export import FORMATS
from ..framing import Codebook, load_codebook
from ..knowledge import Knowledge, load_knowledge
from ..report import Report, analyze
from ..store import Store
from .common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    add_corrections_option,
    as_selection,
    internal_error,
)


def report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse news articles: tone, quoted sources and framing, side by side.",
        epilog="Subcommands: `evaluate GOLD [PATH]` (accuracy against hand annotation), "
        "`batch INPUT -o OUTPUT` (large corpora; see `batch --help`), "
        "`handout [PATH ...] -o OUTPUT.html|.pdf` (a classroom lesson to print), "
        "`outlets PATH ...` (each outlet's profile over many articles).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files, folders or web addresses (http/https; addresses on a private "
        f"network are refused unless {ALLOW_PRIVATE_ENV}=1) (default: the bundled seeds)",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="table")
    parser.add_argument("--outlet", help="outlet name for articles that have none (no manifest)")
    parser.add_argument(
        "--codebook",
        default="policy",
        metavar="policy|generic|PATH",
        help="frames to score: a built-in codebook or a codebook .toml file (default: policy)",
    )
    parser.add_argument(
        "--knowledge",
        metavar="FOLDER",
        help="a knowledge pack folder whose rows are added to the built-in pack "
        "(countries.tsv, international.tsv, institutions.tsv, groups.tsv, names.toml)",
    )
    add_corrections_option(parser)
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        metavar="PATH",
        help="reuse and fill the report cache in this store, the one the dashboard and "
        "`batch --store` use (its default location if no PATH)",
    )
    return parser


def run_report(argv: Sequence[str]) -> int:
    args = report_parser().parse_args(argv)
    paths = args.paths or [SAMPLE]
    missing = [
        str(path) for path in paths if not is_web_address(str(path)) and not Path(path).exists()
    ]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    codebook = load_codebook(args.codebook)
    knowledge = load_knowledge(args.knowledge)
    if args.corrections:
        load_corrections(args.corrections)  # a malformed file is a usage error, before any work
    try:
        store = Store(args.store or None) if args.store is not None else None
    except StoreError as error:  # costs the cache, not the report
        print(f"warning: {error}; the articles are analysed without the store", file=sys.stderr)
        store = None
    articles, read_failures = load_each(*paths)
    failures: list[AnalysisError] = list(read_failures)
    reports = []
    for article in articles:
        if args.outlet and not article.outlet:
            article = replace(article, outlet=clean_field(args.outlet))
        try:
            reports.append(
                _cached_report(article, codebook, knowledge, store)
                if store
                else analyze(article, codebook, knowledge)
            )
        except AnalysisError as error:
            failures.append(error)
        except Exception as error:  # a bug must not cost the other articles their report
            failures.append(InputError(article.file or article.id, internal_error(error)))
    for failure in failures:
        print(f"skipped {failure}", file=sys.stderr)
    warned = [report for report in reports if report.warnings]
    for report in warned:
        for warning in report.warnings:
            print(
                f"warning: {report.article.file or report.article.id}: {warning.message}",
                file=sys.stderr,
            )
    output = FORMATS[args.format](as_selection(reports, args.corrections))
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return EXIT_SOME_FAILED if failures or warned else EXIT_OK


def _cached_report(
    article: Article, codebook: Codebook, knowledge: Knowledge, store: Store
) -> Report:
    """From the store's report cache; a store that cannot be used costs the cache, not the
    report."""
    try:
        return store.report(article, codebook, knowledge)
    except StoreError as error:
        print(f"warning: {error}; this article was analysed without the store", file=sys.stderr)
        return analyze(article, codebook, knowledge)
