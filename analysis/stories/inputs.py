"""The articles to group into stories: from article files, folders (with manifest.csv),
JSON Lines, CSV or Parquet corpora (read as the batch command reads them) and the store."""

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..batch import open_source, read_rows, row_metadata, row_text
from ..corpus import ARTICLE_SUFFIXES, read_article
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
    """One row of `read_rows` as an article to place (InputError when it has none). A data
    row's text is taken as it is: cleaning it would cost more than grouping it."""
    metadata = row_metadata(row)
    if "path" in row:
        article = read_article(Path(row["path"]), **metadata)
        return StoryInput(
            article.text, article.file, "", article.outlet, article.title, article.date
        )
    text = row_text(row)
    file = "" if metadata.get("id") else str(row["row"])
    return StoryInput(
        text,
        file,
        metadata.get("id", ""),
        metadata.get("outlet", ""),
        metadata.get("title", ""),
        metadata.get("date", ""),
    )
