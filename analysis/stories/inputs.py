"""The articles to group into stories: from article files, folders (with manifest.csv),
JSON Lines, CSV or Parquet corpora (read as the batch command reads them) and the store."""

import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..batch import METADATA_COLUMNS, open_source, read_rows
from ..corpus import ARTICLE_SUFFIXES, MAX_FILE_BYTES, read_article
from ..errors import InputError
from ..store import Store
from .find import StoryInput

Skip = Callable[[str, str], None]  # told (row, reason) for each article left out


def read_inputs(
    paths: Sequence[Path], store: Store | None = None, skip: Skip | None = None
) -> Iterator[StoryInput]:
    """Every article of the paths, then of the store; a row that cannot be read is told to
    `skip` (or raises InputError when there is no `skip`)."""
    for path in paths:
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            rows: Iterator[dict[str, Any]] = iter([{"row": path.name, "path": str(path)}])
        else:
            rows = read_rows(open_source(path))
        for row in rows:
            try:
                yield _input(row)
            except InputError as error:
                if skip is None:
                    raise
                skip(str(row["row"]), error.reason)
    for article in store.articles() if store else ():
        yield StoryInput(article.text, "", article.id, article.outlet, article.title, article.date)


def _input(row: dict[str, Any]) -> StoryInput:
    """One row of `read_rows` as an article to place (InputError when it has none)."""
    if "error" in row:
        raise InputError(row["row"], row["error"])
    metadata = {name: str(row[name]) for name in METADATA_COLUMNS if not _missing(row.get(name))}
    if "path" in row:
        article = read_article(Path(row["path"]), **metadata)
        return StoryInput(
            article.text, article.file, "", article.outlet, article.title, article.date
        )
    text = row.get("text")
    if _missing(text) or not isinstance(text, str):
        raise InputError(row["row"], "no `text` in this row")
    if len(text) > MAX_FILE_BYTES:
        raise InputError(
            row["row"], f"text is {len(text):,} characters; the limit is {MAX_FILE_BYTES:,}"
        )
    file = "" if metadata.get("id") else str(row["row"])
    return StoryInput(
        text,
        file,
        metadata.get("id", ""),
        metadata.get("outlet", ""),
        metadata.get("title", ""),
        metadata.get("date", ""),
    )


def _missing(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))
