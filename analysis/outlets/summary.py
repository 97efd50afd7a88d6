"""Per-article summaries: the few numbers outlet profiles need, one row per article.

A summary is read from an article's flat row (`analysis.flat.article_row`, the columns
`batch` writes to Parquet), so a batch output, a JSON Lines file of reports and freshly
analysed articles all give the same table.
"""

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..flat import article_row
from ..report import Report

# Summary column: the flat report column it is read from.
SCALARS = {
    "words": "words",
    "tone": "sentiment.tone",
    "polarity": "sentiment.polarity",
    "subjectivity": "sentiment.subjectivity",
    "vader": "sentiment.vader",
    "narration_polarity": "sentiment.narration.polarity",
    "quoted_polarity": "sentiment.quoted.polarity",
    "quotes": "source_mix.quotes",
    "voices": "source_mix.voices",
    "named": "source_mix.named",
    "unnamed": "source_mix.unnamed",
    "unsourced": "source_mix.unsourced",
}
# Counts read as 0 when missing; the other scalars stay missing (a tone needs sentences).
COUNTS = ("words", "quotes", "voices", "named", "unnamed", "unsourced")
METADATA = ("id", "file", "outlet", "title", "date", "story")
# Summary column prefix: the flat columns (prefix + name [+ suffix]) it gathers, one per
# speaker type, quoted country or frame.
TYPE, COUNTRY, PRESENT = "type.", "country.", "present."
GROUPS = {
    TYPE: ("source_mix.by_type.", ""),
    COUNTRY: ("source_mix.by_country.", ""),
    PRESENT: ("frames.", ".present"),
}
DOMINANT = ("frames.", ".dominant")
NO_FRAME = "none"  # the dominant frame of an article in which no frame is dominant


# The parts of a JSON report a summary reads; the rest (the evidence: sentences, mentions,
# quotes, most of a report's size) is dropped before flattening and never held.
REPORT_PARTS = (*METADATA, "words", "sentiment", "source_mix", "frames")


def slim_report(report: dict[str, Any], keep_text: bool = False) -> dict[str, Any]:
    """The parts of a JSON report a summary reads (and its text, when words are counted)."""
    slim = {key: report[key] for key in REPORT_PARTS if key in report}
    if keep_text and "text" in report:
        slim["text"] = report["text"]
    sentiment = slim.get("sentiment")
    if isinstance(sentiment, dict):  # its sentences and actors are lists: evidence
        slim["sentiment"] = {k: v for k, v in sentiment.items() if not isinstance(v, list)}
    frames = slim.get("frames")
    if isinstance(frames, list):  # each frame's evidence and lede: kept only its numbers
        slim["frames"] = [
            {k: v for k, v in item.items() if not isinstance(v, list | dict)}
            if isinstance(item, dict)
            else item
            for item in frames
        ]
    return slim


def summary_row(report: dict[str, Any]) -> dict[str, Any]:
    """What the store keeps of a JSON report for profiles: the flat numbers `summarise`
    reads, without the metadata (the store's article gives those: an unchanged text may
    move outlet)."""
    row = article_row(slim_report(report))
    return {key: row[key] for key in wanted(row) if key not in METADATA}


def wanted(columns: Iterable[str]) -> list[str]:
    """The flat columns a summary reads, of those present (for reading Parquet selectively)."""
    sources = set(METADATA) | set(SCALARS.values())
    patterns = [*GROUPS.values(), DOMINANT]
    return [
        name
        for name in columns
        if name in sources or any(_member(name, prefix, suffix) for prefix, suffix in patterns)
    ]


def _member(name: str, prefix: str, suffix: str) -> bool:
    if not name.startswith(prefix) or not name.endswith(suffix):
        return False
    middle = name[len(prefix) : len(name) - len(suffix)]
    return bool(middle) and "." not in middle


def _middle(name: str, prefix: str, suffix: str) -> str:
    return name[len(prefix) : len(name) - len(suffix)]


def summarise(flat: pd.DataFrame) -> pd.DataFrame:
    """Per-article summaries from flat article rows (missing counts are zeros: a column
    a batch part lacks is a speaker type or country that part never quoted)."""
    rows = len(flat)
    out = pd.DataFrame(index=pd.RangeIndex(rows))
    for name in METADATA:
        values = flat[name] if name in flat else pd.Series([None] * rows)
        out[name] = values.astype("string").fillna("").str.strip().to_numpy()
    if (out["id"] == "").any():
        out["id"] = out["id"].mask(out["id"] == "", out["file"])
    out["outlet"] = outlet_labels(out["outlet"], out["id"])
    for name, source in SCALARS.items():
        values = (
            pd.to_numeric(flat[source], errors="coerce").to_numpy(float, copy=True)
            if source in flat
            else np.full(rows, np.nan)
        )
        values[~np.isfinite(values)] = np.nan  # strict JSON has no Infinity
        out[name] = np.nan_to_num(values) if name in COUNTS else values
    for prefix, (source, suffix) in GROUPS.items():
        for column in flat.columns:
            if _member(column, source, suffix):
                member = f"{prefix}{_middle(column, source, suffix)}"
                counts = pd.to_numeric(flat[column], errors="coerce").to_numpy(float)
                out[member] = np.where(np.isfinite(counts), counts, 0.0)
    out["dominant"] = dominant_frames(flat)
    return out


def outlet_labels(outlets: pd.Series, ids: pd.Series) -> pd.Series:
    """The outlet's name; an article without one is its own outlet, `article ID` (as the
    Compare page's columns name it), never pooled with other unnamed articles."""
    return outlets.mask(outlets == "", "article " + ids)


def dominant_frames(flat: pd.DataFrame) -> np.ndarray:
    """Each article's dominant frame id, or NO_FRAME."""
    prefix, suffix = DOMINANT
    columns = [c for c in flat.columns if _member(c, prefix, suffix)]
    if not columns:
        return np.full(len(flat), NO_FRAME, dtype=object)
    flags = flat[columns].fillna(False).astype(bool).to_numpy()
    names = np.array([_middle(c, prefix, suffix) for c in columns], dtype=object)
    return np.where(flags.any(axis=1), names[flags.argmax(axis=1)], NO_FRAME)


def summaries_from_dicts(reports: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Per-article summaries of JSON reports (`Report.to_dict()`, a `batch` JSON line)."""
    flat = pd.DataFrame([article_row(slim_report(report)) for report in reports])
    return summarise(flat)


def summaries_from_reports(reports: Sequence[Report]) -> pd.DataFrame:
    return summaries_from_dicts([report.to_dict() for report in reports])


def members(summaries: pd.DataFrame, prefix: str) -> list[str]:
    """The summary's columns of one group (TYPE, COUNTRY, PRESENT), by name."""
    return sorted(c for c in summaries.columns if c.startswith(prefix))
