"""The command line: `python -m analysis [PATH ...] [--format table|json|csv] [--outlet NAME]
[--codebook policy|generic|PATH]`."""

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from .batch import run_batch
from .corpus import Article, clean_field, load_each
from .errors import AnalysisError, InputError, StoreError
from .evaluate import run_evaluate
from .framing import Codebook, load_codebook
from .handout import run_handout
from .report import Report, analyze, to_json
from .sources import QUOTE_KINDS, SPEAKER_TYPES, SourceMix
from .store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
TABLE_WIDTH = 100
LABEL_WIDTH = 20
COLUMN_WIDTH = 15
# A CSV cell starting with one of these is a formula to Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _number(value: float | None, signed: bool = True) -> str:
    return "–" if value is None else f"{value:+.2f}" if signed else f"{value:.2f}"


def _interval(ci: tuple[float, float] | None, signed: bool = True) -> str:
    return "–" if ci is None else f"{_number(ci[0], signed)}…{_number(ci[1], signed)}"


def _top_actor(report: Report, rank: int) -> str:
    toward = report.sentiment.toward
    if len(toward) <= rank:
        return "–"
    actor = toward[rank]
    return f"{actor.actor} {_number(actor.polarity)} ({len(actor.sentences)})"


def _frame(report: Report, rank: int) -> str:
    """The rank-th present frame by share, as `security 79%` (`*` marks the dominant one)."""
    present = sorted(
        (score for score in report.framing.frames if score.present), key=lambda s: -s.share
    )
    if len(present) <= rank:
        return "–"
    score = present[rank]
    return f"{score.frame.split('_')[0][:10]} {score.share:.0%}{'*' if score.dominant else ''}"


def _layer(report: Report, layer: str) -> str:
    count = next(c for c in report.framing.language.layers if c.layer == layer)
    return f"{count.narration}+{count.quoted}q"


def _quote_counts(mix: SourceMix) -> str:
    """`12 (8 in marks)`: all quotes, and how many of them are in quotation marks."""
    marked = sum(mix.by_kind.get(kind, 0) for kind in ("direct", "continuation", "partial"))
    return f"{mix.quotes} ({marked} marked)"


def _named_voices(report: Report) -> int:
    return sum(1 for speaker in report.sources.speakers if speaker.named)


def _type_share(mix: SourceMix, speaker_type: str) -> str:
    count = mix.by_type.get(speaker_type, 0)
    return f"{count} ({mix.type_shares.get(speaker_type, 0):.0%})" if count else "–"


# Each row: (label, value for one report). Metric rows read like the JSON field names.
TABLE_ROWS: list[tuple[str, Callable[[Report], str]]] = [
    ("date", lambda r: r.article.date or "–"),
    ("outlet country", lambda r: r.article.outlet_country or "–"),
    ("words", lambda r: str(r.words)),
    ("sentences", lambda r: str(len(r.document.sentences))),
    ("removed (boilerplate)", lambda r: str(len(r.article.removed))),
    ("polarity", lambda r: _number(r.sentiment.polarity)),
    ("  90% interval", lambda r: _interval(r.sentiment.polarity_ci)),
    ("subjectivity", lambda r: _number(r.sentiment.subjectivity, signed=False)),
    ("  90% interval", lambda r: _interval(r.sentiment.subjectivity_ci, signed=False)),
    ("VADER (sentence mean)", lambda r: _number(r.sentiment.vader)),
    ("narration polarity", lambda r: _number(r.sentiment.narration.polarity)),
    ("quoted polarity", lambda r: _number(r.sentiment.quoted.polarity)),
    ("quotes", lambda r: _quote_counts(r.sources.source_mix)),
    ("voices (named)", lambda r: f"{r.sources.source_mix.voices} ({_named_voices(r)})"),
    ("officials", lambda r: _type_share(r.sources.source_mix, "official")),
    ("legislators", lambda r: _type_share(r.sources.source_mix, "legislator")),
    ("experts", lambda r: _type_share(r.sources.source_mix, "expert")),
    ("media", lambda r: _type_share(r.sources.source_mix, "media")),
    ("other sources", lambda r: _type_share(r.sources.source_mix, "other")),
    ("quoted countries", lambda r: " ".join(r.sources.source_mix.countries_quoted) or "–"),
    ("mentioned, unheard", lambda r: " ".join(r.sources.source_mix.countries_unheard) or "–"),
    ("quoted words", lambda r: f"{r.sources.source_mix.quoted_word_share:.0%}"),
    ("unsourced claims", lambda r: str(r.sources.source_mix.unsourced)),
    ("tone mentioning #1", lambda r: _top_actor(r, 0)),
    ("tone mentioning #2", lambda r: _top_actor(r, 1)),
    ("tone mentioning #3", lambda r: _top_actor(r, 2)),
    ("codebook", lambda r: r.framing.codebook.id),
    ("dominant frame", lambda r: r.framing.dominant or "–"),
    ("frames present", lambda r: str(len(r.framing.present))),
    ("frame #1", lambda r: _frame(r, 0)),
    ("frame #2", lambda r: _frame(r, 1)),
    ("frame #3", lambda r: _frame(r, 2)),
    ("frame #4", lambda r: _frame(r, 3)),
    ("hedges", lambda r: _layer(r, "hedges")),
    ("loaded words", lambda r: _layer(r, "loaded")),
    ("doubting verbs", lambda r: _layer(r, "doubting_attribution")),
    ("neutral verbs", lambda r: _layer(r, "neutral_attribution")),
]


def format_table(reports: Sequence[Report]) -> str:
    """Outlets as columns, metrics as rows, wrapped into blocks that fit 100 columns."""
    column = COLUMN_WIDTH
    per_block = max(1, (TABLE_WIDTH - LABEL_WIDTH) // (column + 1))
    blocks = []
    for first in range(0, len(reports), per_block):
        chunk = reports[first : first + per_block]
        header = [""] + [(r.article.outlet or r.article.id)[:column] for r in chunk]
        rows = [header] + [
            [label] + [value(r)[:column] for r in chunk] for label, value in TABLE_ROWS
        ]
        blocks.append(
            "\n".join(
                row[0].ljust(LABEL_WIDTH) + " ".join(cell.rjust(column) for cell in row[1:])
                for row in rows
            )
        )
    return "\n\n".join(blocks)


def flat_metrics(report: Report) -> dict[str, object]:
    """One CSV row: the article's metadata and its headline numbers."""
    article, tone = report.article, report.sentiment
    return {
        "id": article.id,
        "file": article.file,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "outlet_country": article.outlet_country,
        "words": report.words,
        "sentences": len(report.document.sentences),
        "removed": len(article.removed),
        "polarity": tone.polarity,
        "polarity_ci_low": (tone.polarity_ci or (None, None))[0],
        "polarity_ci_high": (tone.polarity_ci or (None, None))[1],
        "subjectivity": tone.subjectivity,
        "subjectivity_ci_low": (tone.subjectivity_ci or (None, None))[0],
        "subjectivity_ci_high": (tone.subjectivity_ci or (None, None))[1],
        "vader": tone.vader,
        "narration_polarity": tone.narration.polarity,
        "quoted_polarity": tone.quoted.polarity,
        "narration_subjectivity": tone.narration.subjectivity,
        "quoted_subjectivity": tone.quoted.subjectivity,
        **report.framing.flat(),
        **_flat_source_mix(report.sources.source_mix),
    }


def _flat_source_mix(mix: SourceMix) -> dict[str, object]:
    """The source mix as CSV columns: counts and shares per speaker type, named share, …"""
    row: dict[str, object] = {
        "quotes": mix.quotes,
        **{f"quotes_{kind}": mix.by_kind.get(kind, 0) for kind in QUOTE_KINDS},
        "voices": mix.voices,
        "named_share": mix.named_share,
        "anonymous_voices": mix.anonymous,
        "quoted_word_share": mix.quoted_word_share,
        "unsourced": mix.unsourced,
    }
    for speaker_type in SPEAKER_TYPES:
        row[f"{speaker_type}_quotes"] = mix.by_type.get(speaker_type, 0)
        row[f"{speaker_type}_share"] = mix.type_shares.get(speaker_type, 0.0)
    row["countries_quoted"] = " ".join(mix.countries_quoted)
    row["countries_unheard"] = " ".join(mix.countries_unheard)
    return row


def format_csv(reports: Sequence[Report]) -> str:
    rows = [
        {key: spreadsheet_safe(value) for key, value in flat_metrics(report).items()}
        for report in reports
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula (`=HYPERLINK(…)` as an outlet name)
    gets a leading apostrophe, which spreadsheets show as text; numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


FORMATS = {
    "table": format_table,
    "json": lambda reports: json.dumps(to_json(reports), ensure_ascii=False, indent=1),
    "csv": format_csv,
}


def report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse news articles: tone, quoted sources and framing, side by side.",
        epilog="Subcommands: `evaluate GOLD [PATH]` (accuracy against hand annotation), "
        "`batch INPUT -o OUTPUT` (large corpora; see `batch --help`), "
        "`handout [PATH ...] -o OUTPUT.html|.pdf` (a classroom lesson to print).",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="article files or folders (default: the bundled seeds)"
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
    paths = args.paths or [SEEDS]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    codebook = load_codebook(args.codebook)
    try:
        store = Store(args.store or None) if args.store is not None else None
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    articles, failures = load_each(*paths)
    reports = []
    for article in articles:
        if args.outlet and not article.outlet:
            article = replace(article, outlet=clean_field(args.outlet))
        try:
            reports.append(
                _cached_report(article, codebook, store) if store else analyze(article, codebook)
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
    print(FORMATS[args.format](reports))
    return EXIT_SOME_FAILED if failures or warned else EXIT_OK


def _cached_report(article: Article, codebook: Codebook, store: Store) -> Report:
    """From the store's report cache; a store that cannot be used costs the cache, not the
    report."""
    try:
        return store.report(article, codebook)
    except StoreError as error:
        print(f"warning: {error}; this article was analysed without the store", file=sys.stderr)
        return analyze(article, codebook)


def internal_error(error: Exception) -> str:
    return (
        f"internal error while analysing ({type(error).__name__}: {error}); "
        "please report it with this file"
    )


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


def schema() -> dict:
    return json.loads(files("analysis").joinpath("schema/report.schema.json").read_text("utf-8"))
