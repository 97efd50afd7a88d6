"""What outlet profiles are computed from: a `batch` output (its Parquet article table,
or JSON Lines of full reports) or article files and folders, analysed now or read from
the store's report cache. Every input is read in chunks into per-article summaries and
term counts, so memory grows with the number of articles' summary rows only."""

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from ..corpus import Article, load_each
from ..errors import AnalysisError, InputError
from ..flat import article_row
from ..framing import Codebook, load_codebook
from ..report import analyze, settings_key
from ..store import Store, content_key
from .stories import assign_stories
from .summary import METADATA, slim_report, summarise, wanted
from .words import TermCounts, without_own_names

PARQUET = (".parquet", ".pq")
JSON_LINES = (".jsonl", ".ndjson")
QUOTES_TABLE = ".quotes.parquet"  # batch's table of quotes, beside its article table
CHUNK_ROWS = 4096  # summary rows made at once from a table (and their headlines held)
REPORT_CHUNK = 1024  # reports (cut to their numbers and text) held at once from JSON Lines
ARTICLE_CHUNK = 64  # full reports held at once (each holds its text and evidence)
# Up to this many articles, only their summaries are read from the store; more, all of them.
FEW_ARTICLES = 2000
REQUIRED = ("id", "sentiment.tone")  # columns that mark a Parquet as batch's article table
Item = TypeVar("Item")


@dataclass(frozen=True)
class Summaries:
    """Per-article summaries, the term counts of their text, and what could not be read.

    `words_from` is `text`, or `headlines` when an input (a batch Parquet table) holds
    no text: the words of all articles are then counted in headlines, so that outlets
    are compared on the same footing."""

    frame: pd.DataFrame
    terms: TermCounts
    words_from: str
    skipped: tuple[str, ...]


class _Collector:
    """Summaries and term counts, gathered chunk by chunk."""

    def __init__(self, stories: Mapping[str, str], words_from: str) -> None:
        self.stories = stories
        self.words_from = words_from
        self.frames: list[pd.DataFrame] = []
        self.terms = TermCounts()
        self.skipped: list[str] = []

    def add(self, flat: pd.DataFrame, texts: pd.Series) -> None:
        if flat.empty:
            return
        frame = assign_stories(summarise(flat), self.stories)
        named = frame["outlet"].where(frame["outlet"] != "article " + frame["id"], "")
        words = without_own_names(texts.astype("string").fillna(""), named).tolist()
        self.terms.add(words, list(zip(frame["outlet"], frame["story"], strict=True)))
        self.frames.append(frame)

    def summaries(self) -> Summaries:
        frame = (
            pd.concat(self.frames, ignore_index=True) if self.frames else summarise(pd.DataFrame())
        )
        return Summaries(frame, self.terms, self.words_from, tuple(self.skipped))


def read_summaries(
    paths: Sequence[str | Path],
    stories: Mapping[str, str] | None = None,
    store: Store | None = None,
    codebook: str | Path | Codebook = "policy",
) -> Summaries:
    """Per-article summaries of every input: `.parquet` (batch's article table), `.jsonl`
    (batch's reports), or article files and folders (analysed, or read from `store`'s
    report cache). A file that cannot be read at all raises InputError; an article or
    line that cannot is listed in `skipped`."""
    given = [Path(path) for path in paths]
    for path in given:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
    parquet = [p for p in given if p.is_file() and p.suffix.lower() in PARQUET]
    lines = [p for p in given if p.is_file() and p.suffix.lower() in JSON_LINES]
    articles = [p for p in given if p not in parquet and p not in lines]
    # `results*.parquet` names a batch output's quotes table too: its article table is read.
    tables = [p for p in parquet if _article_table(p) not in parquet]
    collector = _Collector(stories or {}, "headlines" if tables else "text")
    for path in tables:
        _read_table(path, collector)
    for path in lines:
        _read_lines(path, collector)
    if articles:
        _read_articles(articles, collector, store, load_codebook(codebook))
    return collector.summaries()


def _article_table(path: Path) -> Path | None:
    """The article table beside a batch quotes table (None for any other file)."""
    if not path.name.endswith(QUOTES_TABLE):
        return None
    return path.with_name(path.name[: -len(QUOTES_TABLE)] + ".parquet")


def _read_table(path: Path, collector: _Collector) -> None:
    """Batch's Parquet article table, a row group's worth of chosen columns at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path.name.endswith(QUOTES_TABLE):
        raise InputError(
            str(path), "this is batch's table of quotes; give its article table (NAME.parquet)"
        )
    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise InputError(str(path), f"not a readable Parquet file ({error})") from None
    names = table.schema_arrow.names
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise InputError(
            str(path),
            f"no {', '.join(missing)} column: not an output of `python -m analysis batch` "
            "(run it on the articles first)",
        )
    columns = wanted(names)
    try:
        for batch in table.iter_batches(batch_size=CHUNK_ROWS, columns=columns):
            flat = batch.to_pandas()
            collector.add(flat, flat.get("title", pd.Series([""] * len(flat))))
    except (pa.ArrowException, OSError) as error:
        raise InputError(str(path), f"the Parquet file is damaged ({error})") from None


def _read_lines(path: Path, collector: _Collector) -> None:
    """Batch's JSON Lines of full reports; a line that is no report is skipped."""
    keep_text = collector.words_from == "text"
    for chunk in _chunks(_reports(path, collector.skipped, keep_text), REPORT_CHUNK):
        _add_reports(chunk, collector)


def _reports(path: Path, skipped: list[str], keep_text: bool) -> Iterator[dict[str, Any]]:
    """The line's reports, each cut to what a summary reads as soon as it is parsed."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                report, problem = _report(line)
                if report is None:
                    skipped.append(f"{path.name}:{number}: {problem}")
                else:
                    yield slim_report(report, keep_text)
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from None


def _report(line: str) -> tuple[dict[str, Any] | None, str]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg})"
    except RecursionError:
        return None, "nested too deeply to be a report"
    if not isinstance(value, dict) or not {"id", "sentiment", "source_mix"} <= value.keys():
        return None, "not a report (run `python -m analysis batch -o NAME.jsonl` first)"
    return value, ""


def _add_reports(reports: list[dict[str, Any]], collector: _Collector) -> None:
    try:
        flat = pd.DataFrame([article_row(slim_report(report)) for report in reports])
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(reports[0].get("row", "report"), f"malformed report ({error})") from None
    key = "text" if collector.words_from == "text" else "title"
    collector.add(flat, pd.Series([str(r.get(key) or "") for r in reports]))


def _read_articles(
    paths: Sequence[Path], collector: _Collector, store: Store | None, codebook: Codebook
) -> None:
    """Article files and folders, analysed (or read from the store's report cache)."""
    articles, failures = load_each(*paths)
    collector.skipped.extend(str(failure) for failure in failures)
    key = settings_key(codebook)
    for chunk in _chunks(articles, ARTICLE_CHUNK):
        reports = []
        for article in chunk:
            try:
                reports.append(_report_of(article, codebook, key, store))
            except AnalysisError as error:
                collector.skipped.append(str(error))
        if reports:
            _add_reports(reports, collector)


def _report_of(
    article: Article, codebook: Codebook, key: str, store: Store | None
) -> dict[str, Any]:
    cached = store.cached_report(article, key) if store else None
    if cached is not None:
        return cached
    report = analyze(article, codebook).to_dict()
    if store:
        store.save_report(report, key)
    return report


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def summaries_from_store(
    articles: Sequence[Article],
    store: Store,
    key: str,
    stories: Mapping[str, str] | None = None,
) -> tuple[Summaries, tuple[Article, ...]]:
    """Summaries of the articles whose report is in the store's cache under settings
    `key` (read from the store's summaries: no report is parsed), and the articles that
    have none (not analysed yet): nothing is analysed. `stories` maps article ids to
    stories, as `read_summaries`' does."""
    keys = [content_key(article) for article in articles]
    rows = store.summaries(key, keys if len(keys) <= FEW_ARTICLES else None)
    found = [(a, rows[k]) for a, k in zip(articles, keys, strict=True) if k in rows]
    missing = tuple(a for a, k in zip(articles, keys, strict=True) if k not in rows)
    collector = _Collector(stories or {}, "text")
    for chunk in _chunks(found, CHUNK_ROWS):
        flat = pd.DataFrame(
            [
                row | {name: getattr(article, name, "") for name in METADATA}
                for article, row in chunk
            ]
        )
        collector.add(flat, pd.Series([article.text for article, _ in chunk]))
    return collector.summaries(), missing
