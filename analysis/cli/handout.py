"""`python -m analysis handout [PATH ...] -o OUTPUT.html|.pdf`: a classroom lesson to print."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..classroom.handout import handout_html, handout_pdf
from ..classroom.lesson import build_lesson
from ..corpus import SAMPLE, load_each
from ..errors import AnalysisError
from ..knowledge import load_knowledge
from ..outlets import outlet_profiles, summaries_from_reports
from ..report import analyze
from .common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, add_corrections_option, as_selection


def handout_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis handout",
        description="Write a classroom lesson on the articles as a printable HTML page or PDF.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="article files or folders (default: the bundled seeds)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="OUTPUT.html|.pdf")
    parser.add_argument("--students", action="store_true", help="questions only, no answers")
    parser.add_argument("--no-texts", action="store_true", help="leave out the article texts")
    parser.add_argument("--outlet-cards", action="store_true", help="add a profile card per outlet")
    parser.add_argument("--codebook", default="policy", help="policy, generic or a .toml path")
    parser.add_argument("--knowledge", metavar="FOLDER", help="a knowledge pack folder to add")
    add_corrections_option(parser)
    return parser


def run_handout(argv: Sequence[str]) -> int:
    """Entry point of the `handout` subcommand; exit codes as for the report."""

    try:
        args = handout_parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    suffix = args.output.suffix.lower()
    if suffix not in (".html", ".pdf"):
        print("error: OUTPUT must end in .html or .pdf", file=sys.stderr)
        return EXIT_USAGE
    paths = args.paths or [SAMPLE]
    if missing := [str(path) for path in paths if not path.exists()]:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    articles, failures = load_each(*paths)
    try:
        knowledge = load_knowledge(args.knowledge)
        reports = [analyze(article, args.codebook, knowledge) for article in articles]
        reports = as_selection(reports, args.corrections)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    for failure in failures:
        print(f"skipped {failure}", file=sys.stderr)
    lesson = build_lesson(reports)
    profiles = (
        outlet_profiles(summaries_from_reports(reports)) if args.outlet_cards and reports else None
    )
    answers, texts = not args.students, not args.no_texts
    if suffix == ".pdf":
        args.output.write_bytes(handout_pdf(lesson, answers, texts, profiles))
    else:
        args.output.write_text(handout_html(lesson, answers, texts, profiles), "utf-8")
    print(f"{args.output}: {len(lesson.questions)} questions on {len(reports)} articles")
    return EXIT_SOME_FAILED if failures else EXIT_OK
