"""`python -m analysis batch INPUT -o OUTPUT`: analyse a large corpus, resumably.

INPUT is a folder of article files (with an optional manifest.csv), a JSON Lines, CSV or
Parquet file with a `text` column and optional metadata columns, or a folder of such
files. The corpus is read and analysed in chunks of `--chunk-size` rows: memory does not
grow with its size. Each finished chunk is written at once to `OUTPUT.partial/`, so an
interrupted run started again with the same command skips the chunks it finished; the
parts are joined into OUTPUT at the end. Rows that cannot be analysed are skipped and
listed in `OUTPUT.errors.jsonl`.

OUTPUT `.parquet`: one row of flat metrics per article (the scalar fields of the JSON
report, nested names joined with dots) and a table of every quote beside it
(`NAME.quotes.parquet`). OUTPUT `.jsonl`: one full JSON report per line.
"""

import csv
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal, cast

from .corpus import (
    MANIFEST,
    MAX_FILE_BYTES,
    OUTSIDE,
    folder_files,
    make_article,
    manifest_rows,
    read_article,
    unmatched_entries,
    within,
)
from .errors import InputError
from .flat import article_row, quote_rows
from .framing import Codebook
from .knowledge import load_knowledge
from .report import analyze, settings_key
from .store import Store

Kind = Literal["files", "jsonl", "csv", "parquet"]
Engine = Literal["local", "dask"]
OutputFormat = Literal["parquet", "jsonl"]
SUFFIX_KINDS: dict[str, Kind] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
METADATA_COLUMNS = ("id", "outlet", "title", "date", "url", "outlet_country", "note")
DEFAULT_CHUNK = 64
# Chunks in flight per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# dask reads JSON Lines in byte blocks of this size (one partition each).
DASK_BLOCKSIZE = 16_000_000
SHOWN_ERRORS = 10
# Rows per Parquet row group in the output. The writer keeps every row group's metadata
# until it closes, so one small group per chunk would make memory grow with the corpus.
ROW_GROUP_ROWS = 4096
# A worker checks this often whether the batch that started it is still alive.
PARENT_CHECK_S = 1.0
EXIT_ORPHANED = 3


@dataclass(frozen=True)
class Source:
    """What to read: the input's kind and its files, in order."""

    kind: Kind
    files: tuple[Path, ...]
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: tuple[tuple[str, str], ...] = ()  # (row, reason): read as failed rows


@dataclass(frozen=True)
class Options:
    """What every worker needs to know besides its rows."""

    work: Path
    output_format: OutputFormat
    codebook: Codebook
    store: Path | None = None
    knowledge: str = ""  # a knowledge pack folder added to the built-in one ("": none)


@dataclass(frozen=True)
class Chunk:
    """A chunk's outcome: a JSON report per good row, an error per bad one."""

    index: int
    reports: list[dict[str, Any]]
    errors: list[dict[str, str]]


# Reading


def open_source(path: Path) -> Source:
    """Recognise INPUT: a folder of articles, a data file, or a folder of data files."""
    if path.is_file():
        kind = SUFFIX_KINDS.get(path.suffix.lower())
        if kind is None:
            raise InputError(str(path), f"expected one of {sorted(SUFFIX_KINDS)} or a folder")
        return Source(kind, (path,))
    if not path.is_dir():
        raise InputError(str(path), "no such file or folder")
    articles, outside = folder_files(path)
    if articles or outside:
        problems = [(file.name, OUTSIDE) for file in outside]
        manifest: dict[str, tuple[int, dict[str, str]]] = {}
        if (path / MANIFEST).exists():
            if not within(path, path / MANIFEST):
                raise InputError(str(path / MANIFEST), OUTSIDE)
            manifest = manifest_rows(path / MANIFEST)
            unmatched = unmatched_entries(path / MANIFEST, manifest, articles + outside)
            problems += [(MANIFEST, error.reason) for error in unmatched]
        metadata = {name: values for name, (_, values) in manifest.items()}
        return Source("files", tuple(articles), metadata, tuple(problems))
    entries = sorted(p for p in path.iterdir() if p.is_file() and within(path, p))
    kinds = {SUFFIX_KINDS[p.suffix.lower()] for p in entries if p.suffix.lower() in SUFFIX_KINDS}
    if len(kinds) != 1:
        raise InputError(str(path), "the folder holds no articles and no one kind of data file")
    kind = kinds.pop()
    return Source(kind, tuple(p for p in entries if SUFFIX_KINDS.get(p.suffix.lower()) == kind))


def read_rows(source: Source) -> Iterator[dict[str, Any]]:
    """Every row of the input as a dict with a `row` key naming where it came from (and
    an `error` row for each file refused and each manifest row that names no file)."""
    for row, reason in source.problems:
        yield {"row": row, "error": reason}
    for path in source.files:
        if source.kind == "files":
            yield {"row": path.name, "path": str(path), **source.manifest.get(path.name, {})}
        elif source.kind == "jsonl":
            yield from _jsonl_rows(path)
        elif source.kind == "csv":
            yield from _csv_rows(path)
        else:
            yield from _parquet_rows(path)


def _jsonl_rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            row = f"{path.name}:{number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield {"row": row, "error": f"not valid JSON ({error.msg})"}
                continue
            except RecursionError:
                yield {"row": row, "error": "nested too deeply to be an article"}
                continue
            yield (
                {**value, "row": row}
                if isinstance(value, dict)
                else {
                    "row": row,
                    "error": "a line must hold one JSON object",
                }
            )


def _csv_rows(path: Path) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(MAX_FILE_BYTES * 4)
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as lines:
        reader = csv.DictReader(lines)
        for number, values in enumerate(reader, start=1):
            row = f"{path.name}:{number}"
            if None in values:
                assert reader.fieldnames is not None  # read with the first row
                yield {
                    "row": row,
                    "error": f"more fields than the {len(reader.fieldnames)} columns",
                }
            else:
                yield {**values, "row": row}


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    data = pq.ParquetFile(path)
    wanted = [name for name in ("text", *METADATA_COLUMNS) if name in data.schema_arrow.names]
    number = 0
    for batch in data.iter_batches(batch_size=DEFAULT_CHUNK, columns=wanted):
        for values in batch.to_pylist():
            number += 1
            yield {**values, "row": f"{path.name}:{number}"}


def count_rows(source: Source) -> int:
    """How many rows the input has (for the progress bar), without keeping any."""
    if source.kind == "files":
        return len(source.files)
    if source.kind == "parquet":
        import pyarrow.parquet as pq

        return sum(pq.ParquetFile(path).metadata.num_rows for path in source.files)
    if source.kind == "csv":
        csv.field_size_limit(MAX_FILE_BYTES * 4)
        total = 0
        for path in source.files:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as lines:
                total += sum(1 for _ in csv.reader(lines)) - 1
        return max(0, total)
    total = 0
    for path in source.files:
        with path.open("rb") as lines:
            total += sum(1 for line in lines if line.strip())
    return total


def chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


# Analysing


def analyze_row(
    row: dict[str, Any], codebook: Codebook, store: Store | None = None, knowledge: str = ""
) -> tuple[dict[str, Any], bool]:
    """The JSON report of one input row, and whether it came from the store's cache."""
    metadata = row_metadata(row)
    if "path" in row:
        article = read_article(Path(row["path"]), **metadata)
    else:
        article = make_article(row_text(row), source=row["row"], **metadata)
    pack = load_knowledge(knowledge or None)
    key = settings_key(codebook, pack)
    cached = store.cached_report(article, key) if store else None
    report = cached or analyze(article, codebook, pack).to_dict()
    return {"row": row["row"], **report}, cached is not None


def row_metadata(row: dict[str, Any]) -> dict[str, str]:
    """The metadata of one input row that has a value, as text; InputError for a row that
    could not be read."""
    if "error" in row:
        raise InputError(row["row"], row["error"])
    return {name: str(value) for name in METADATA_COLUMNS if not _missing(value := row.get(name))}


def row_text(row: dict[str, Any]) -> str:
    """The `text` of one row of a data file; InputError when it has none or too much."""
    text = row.get("text")
    if _missing(text) or not isinstance(text, str):
        raise InputError(row["row"], "no `text` in this row")
    if len(text) > MAX_FILE_BYTES:
        raise InputError(
            row["row"], f"text is {len(text):,} characters; the limit is {MAX_FILE_BYTES:,}"
        )
    return text


def _missing(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def process_chunk(index: int, rows: Sequence[dict[str, Any]], options: Options) -> Chunk:
    """Analyse one chunk of rows; a row that fails becomes an error, never an exception."""
    store = Store(options.store) if options.store else None
    reports, errors, fresh = [], [], []
    for row in rows:
        try:
            report, cached = analyze_row(row, options.codebook, store, options.knowledge)
        except InputError as error:
            errors.append({"row": row["row"], "reason": error.reason})
        # One article that trips a bug must not stop a run over millions: it is listed
        # with the error's type and message in the errors file instead.
        except Exception as error:
            errors.append({"row": row["row"], "reason": f"{type(error).__name__}: {error}"})
        else:
            reports.append(report)
            if not cached:
                fresh.append(report)
    if store and fresh:
        store.save_reports(
            fresh, settings_key(options.codebook, load_knowledge(options.knowledge or None))
        )
    return Chunk(index, reports, errors)


def process_and_write(index: int, rows: Sequence[dict[str, Any]], options: Options) -> None:
    """A local worker's job: analyse the chunk and write its parts (the parent gets none)."""
    write_chunk(process_chunk(index, rows, options), options)


def process_frame(index: int, frame: Any, options: Options) -> Chunk:
    """A dask worker's job: one partition (a pandas DataFrame) of the input."""
    rows = frame.to_dict("records")
    for number, row in enumerate(rows, start=1):
        row["row"] = f"partition {index}:{number}"
    return process_chunk(index, rows, options)


# Writing


def write_chunk(chunk: Chunk, options: Options) -> None:
    """Write a chunk's parts, then its `done` marker: a chunk is finished or absent."""
    work, stem = options.work, f"{chunk.index:07d}"
    if options.output_format == "jsonl":
        _write_lines(work / f"reports-{stem}.jsonl", chunk.reports)
    else:
        _write_table(work / f"articles-{stem}.parquet", [article_row(r) for r in chunk.reports])
        _write_table(
            work / f"quotes-{stem}.parquet", [q for r in chunk.reports for q in quote_rows(r)]
        )
    _write_lines(work / f"errors-{stem}.jsonl", chunk.errors)
    _write_lines(work / f"done-{stem}", [{"rows": len(chunk.reports) + len(chunk.errors)}])


def _write_lines(path: Path, items: Sequence[dict[str, Any]]) -> None:
    """JSON Lines, written whole or not at all; nothing for no items."""
    if not items:
        return
    partial = path.with_name(path.name + ".tmp")
    with partial.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    os.replace(partial, path)


def _write_table(path: Path, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(dict.fromkeys(name for row in rows for name in row))
    table = pa.table({name: [row.get(name) for row in rows] for name in names})
    partial = path.with_name(path.name + ".tmp")
    pq.write_table(table, partial)
    os.replace(partial, path)


def finished_chunks(work: Path) -> set[int]:
    return {int(path.name.removeprefix("done-")) for path in work.glob("done-*")}


def join_parts(work: Path, output: Path, output_format: OutputFormat) -> tuple[Path, ...]:
    """Join the parts into the output files, one part in memory at a time."""
    written = []
    if output_format == "jsonl":
        _concatenate(sorted(work.glob("reports-*.jsonl")), output)
        written.append(output)
    else:
        _join_tables(sorted(work.glob("articles-*.parquet")), output)
        written.append(output)
        quotes = sorted(work.glob("quotes-*.parquet"))
        if quotes:
            _join_tables(quotes, quotes_path(output))
            written.append(quotes_path(output))
    errors = sorted(work.glob("errors-*.jsonl"))
    errors_file = errors_path(output)
    if errors:
        _concatenate(errors, errors_file)
        written.append(errors_file)
    else:
        errors_file.unlink(missing_ok=True)
    return tuple(written)


def _concatenate(parts: Sequence[Path], output: Path) -> None:
    partial = output.with_name(output.name + ".tmp")
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as data:
                shutil.copyfileobj(data, out)
    os.replace(partial, output)


def _join_tables(parts: Sequence[Path], output: Path) -> None:
    """One Parquet file from the parts, ROW_GROUP_ROWS rows at a time; a column missing
    from a part is null there."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = (
        pa.unify_schemas([pq.read_schema(part) for part in parts], promote_options="permissive")
        if parts
        else pa.schema([("id", pa.string())])
    )
    partial = output.with_name(output.name + ".tmp")
    pending: list[pa.Table] = []
    with pq.ParquetWriter(partial, schema) as writer:
        for part in parts:
            table = pq.read_table(part)
            for name in schema.names:
                if name not in table.column_names:
                    table = table.append_column(name, pa.nulls(len(table), schema.field(name).type))
            pending.append(table.select(schema.names).cast(schema))
            if sum(len(table) for table in pending) >= ROW_GROUP_ROWS:
                writer.write_table(pa.concat_tables(pending))
                pending = []
        if pending:
            writer.write_table(pa.concat_tables(pending))
    os.replace(partial, output)


def quotes_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}.quotes{output.suffix}")


def errors_path(output: Path) -> Path:
    return output.with_name(f"{output.name}.errors.jsonl")


def work_path(output: Path) -> Path:
    return output.with_name(f"{output.name}.partial")


# Running


def _progress(total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def run_local(source: Source, options: Options, chunk_size: int, jobs: int) -> None:
    """Chunks over a pool of `jobs` processes (in this process when jobs is 1)."""
    done = finished_chunks(options.work)
    with _progress(count_rows(source)) as bar:
        todo = _unfinished(chunks(read_rows(source), chunk_size), done, bar)
        if jobs == 1:
            for index, rows in todo:
                process_and_write(index, rows, options)
                bar.update(len(rows))
            return
        warm_up(options)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_leave_interrupts_to_parent) as pool:
            pending: dict[Future[None], int] = {}
            try:
                for index, rows in todo:
                    pending[pool.submit(process_and_write, index, rows, options)] = len(rows)
                    if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                        _collect(pending, bar)
                while pending:
                    _collect(pending, bar)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


def warm_up(options: Options) -> None:
    """Load the analyzers' models and lexicons and the output writer once, before the pool
    forks its workers, which then share them instead of each spending seconds loading."""
    analyze(make_article("Officials said the talks were “useful”."), options.codebook)
    if options.output_format == "parquet":
        import pyarrow.parquet  # noqa: F401


def _leave_interrupts_to_parent() -> None:
    """Ctrl-C reaches every process; only the parent acts on it (and stops the pool). A
    worker whose parent is gone (killed with -9) stops too, instead of running on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """Watch the parent: once it has died the worker is re-parented, and exits at once."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(EXIT_ORPHANED)


def _unfinished(
    all_chunks: Iterable[list[dict[str, Any]]], done: set[int], bar: Any
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Numbered chunks, skipping (and counting as progress) those finished earlier."""
    for index, rows in enumerate(all_chunks):
        if index in done:
            bar.update(len(rows))
        else:
            yield index, rows


def _collect(pending: dict[Future[None], int], bar: Any) -> None:
    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in finished:
        bar.update(pending.pop(future))
        future.result()  # a worker that died raises here


def run_dask(
    source: Source, options: Options, chunk_size: int, jobs: int, scheduler: str | None
) -> None:
    """The same per-chunk function over a dask.distributed cluster reading partitions.

    Workers read their own partition of the input (Parquet row groups, JSON Lines byte
    blocks, one CSV file each, or a list of article files) and return reports; this
    process writes them, so only the input must be reachable from the workers.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    done = finished_chunks(options.work)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        tasks = [
            (index, task)
            for index, task in enumerate(_dask_tasks(source, chunk_size, options))
            if index not in done
        ]
        limit = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        with _progress(count_rows(source)) as bar:
            bar.update(sum(_rows_done(options.work, index) for index in done))
            queue = iter(tasks)
            running = as_completed(client.compute([task for _, task in islice(queue, limit)]))
            for future in running:
                chunk = future.result()
                write_chunk(chunk, options)
                bar.update(len(chunk.reports) + len(chunk.errors))
                future.release()
                for _, task in islice(queue, 1):
                    running.add(client.compute(task))
    if cluster is not None:
        cluster.close()


def _rows_done(work: Path, index: int) -> int:
    return cast(int, json.loads((work / f"done-{index:07d}").read_text())["rows"])


def _dask_tasks(source: Source, chunk_size: int, options: Options) -> list[Any]:
    import dask.dataframe as dd
    from dask.delayed import delayed

    files = [str(path) for path in source.files]
    if source.kind == "files":
        return [
            delayed(process_chunk)(index, rows, options)
            for index, rows in enumerate(chunks(read_rows(source), chunk_size))
        ]
    if source.kind == "parquet":
        import pyarrow.parquet as pq

        present = pq.read_schema(files[0]).names
        wanted = [name for name in ("text", *METADATA_COLUMNS) if name in present]
        frame = dd.read_parquet(files, columns=wanted, split_row_groups=True)
    elif source.kind == "jsonl":
        frame = dd.read_json(
            files, lines=True, blocksize=DASK_BLOCKSIZE, convert_dates=False, dtype=False
        )
    else:  # CSV fields may hold newlines, so a CSV file is never split
        frame = dd.read_csv(files, blocksize=None, dtype=str, keep_default_na=False)
    return [
        delayed(process_frame)(index, part, options)
        for index, part in enumerate(frame.to_delayed())
    ]
