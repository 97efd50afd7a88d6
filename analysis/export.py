"""The report's output formats: the whole JSON report (with the comparison), one CSV row
per article, and a table with outlets as columns; exactly what the command line prints
and the dashboard downloads.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from importlib.resources import files
from typing import Any

from .compare import compare
from .report import SCHEMA_VERSION, Report, as_json
from .sources import QUOTE_KINDS, SPEAKER_TYPES, SourceMix

TABLE_WIDTH = 100
LABEL_WIDTH = 21
MAX_COLUMN_WIDTH = 19  # the longest built-in frame id, external_regulation, fits
GAP = 2
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
    return f"{actor.name} {_number(actor.tone)} ({len(actor.sentences)})"


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
    ("tone (news lens)", lambda r: _number(r.sentiment.tone)),
    ("  90% interval", lambda r: _interval(r.sentiment.tone_ci)),
    ("polarity", lambda r: _number(r.sentiment.polarity)),
    ("  90% interval", lambda r: _interval(r.sentiment.polarity_ci)),
    ("subjectivity", lambda r: _number(r.sentiment.subjectivity, signed=False)),
    ("  90% interval", lambda r: _interval(r.sentiment.subjectivity_ci, signed=False)),
    ("VADER (sentence mean)", lambda r: _number(r.sentiment.vader)),
    ("narration tone", lambda r: _number(r.sentiment.narration.tone)),
    ("quoted tone", lambda r: _number(r.sentiment.quoted.tone)),
    ("quotes", lambda r: _quote_counts(r.sources.source_mix)),
    ("voices (named)", lambda r: f"{r.sources.source_mix.voices} ({_named_voices(r)})"),
    ("officials", lambda r: _type_share(r.sources.source_mix, "official")),
    ("legislators", lambda r: _type_share(r.sources.source_mix, "legislator")),
    ("experts", lambda r: _type_share(r.sources.source_mix, "expert")),
    ("media", lambda r: _type_share(r.sources.source_mix, "media")),
    ("civil society", lambda r: _type_share(r.sources.source_mix, "civil_society")),
    ("international bodies", lambda r: _type_share(r.sources.source_mix, "international")),
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
    """Outlets as columns, metrics as rows, wrapped into blocks that fit 100 columns.

    A column is as wide as its longest value (at most MAX_COLUMN_WIDTH); a longer value
    ends in `…` so it is never cut silently, and columns stand GAP spaces apart."""
    cells = [
        [_fit(r.article.outlet or r.article.id)] + [_fit(value(r)) for _, value in TABLE_ROWS]
        for r in reports
    ]
    widths = [max(map(len, column)) for column in cells]
    blocks, first = [], 0
    while first < len(reports):
        last, used = first + 1, LABEL_WIDTH + GAP + widths[first]
        while last < len(reports) and used + GAP + widths[last] <= TABLE_WIDTH:
            used += GAP + widths[last]
            last += 1
        labels = ["", *(label for label, _ in TABLE_ROWS)]
        lines = [
            label.ljust(LABEL_WIDTH)
            + "".join(
                " " * GAP + cells[i][row].rjust(widths[i]) for i in range(first, last)
            ).rstrip()
            for row, label in enumerate(labels)
        ]
        blocks.append("\n".join(line.rstrip() for line in lines))
        first = last
    return "\n\n".join(blocks)


def _fit(value: str) -> str:
    return value if len(value) <= MAX_COLUMN_WIDTH else value[: MAX_COLUMN_WIDTH - 1] + "…"


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
        "tone": tone.tone,
        "tone_ci_low": (tone.tone_ci or (None, None))[0],
        "tone_ci_high": (tone.tone_ci or (None, None))[1],
        "polarity": tone.polarity,
        "polarity_ci_low": (tone.polarity_ci or (None, None))[0],
        "polarity_ci_high": (tone.polarity_ci or (None, None))[1],
        "subjectivity": tone.subjectivity,
        "subjectivity_ci_low": (tone.subjectivity_ci or (None, None))[0],
        "subjectivity_ci_high": (tone.subjectivity_ci or (None, None))[1],
        "vader": tone.vader,
        "narration_tone": tone.narration.tone,
        "quoted_tone": tone.quoted.tone,
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
    "json": lambda reports: json.dumps(
        to_json(reports), ensure_ascii=False, indent=1, allow_nan=False
    ),
    "csv": format_csv,
}


def schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report (docs/schema.md)."""
    text = files("analysis").joinpath("schema/report.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def to_json(reports: Iterable[Report]) -> dict[str, Any]:
    """The whole JSON report: `{"schema_version": 1, "articles": [...], "comparison": {...}}`."""
    reports = list(reports)
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [report.to_dict() for report in reports],
        "comparison": as_json(compare(reports)),
    }
