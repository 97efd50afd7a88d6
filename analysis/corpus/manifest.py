"""manifest.csv: each article file's outlet, title, date, web address and outlet country,
checked cell by cell so an error names its line and column.
"""

import csv
import io
import re
from pathlib import Path

from ..errors import ManifestError
from .article import MAX_FIELD_CHARS
from .clean import clean_field
from .decode import decode

MANIFEST = "manifest.csv"
UNSAFE_URL_CHARACTERS = re.compile(r'["<>`{}|\\^]')
MANIFEST_COLUMNS = ("file", "outlet", "title", "date", "url", "outlet_country", "note")
# Manifest dates: a year, a month or a day, optionally with a time (ISO 8601).
DATE = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Metadata by file name from a manifest.csv; ManifestError names the line and column."""
    return {name: metadata for name, (_, metadata) in manifest_rows(path).items()}


def manifest_rows(path: Path) -> dict[str, tuple[int, dict[str, str]]]:
    """(line, metadata) by file name."""
    source = str(path)
    try:
        text = decode(path.read_bytes(), source)
    except OSError as error:
        raise ManifestError(source, f"cannot read the file ({error.strerror or error})") from None
    rows = csv.reader(io.StringIO(text), strict=True)
    entries: dict[str, tuple[int, dict[str, str]]] = {}
    line = 1
    try:
        header = [name.strip() for name in next(rows, [])]
        _check_header(source, header)
        while (row := next(rows, None)) is not None:
            if any(cell.strip() for cell in row):
                name, metadata = _manifest_row(source, line + 1, header, row)
                if name in entries:
                    raise ManifestError(
                        source,
                        f"line {line + 1}, column `file`: `{name}` is already listed on line "
                        f"{entries[name][0]}",
                    )
                entries[name] = (line + 1, metadata)
            line = rows.line_num
    except csv.Error as error:
        raise ManifestError(
            source,
            f"line {line + 1}: not valid CSV ({error}); a value in double quotes must end "
            "with a double quote, and a quote inside it is written twice",
        ) from None
    return entries


def _check_header(source: str, header: list[str]) -> None:
    if not header:
        raise ManifestError(source, "line 1: the manifest is empty; line 1 names the columns")
    if "file" not in header:
        raise ManifestError(
            source, f"line 1: the header must name a `file` column; allowed: {MANIFEST_COLUMNS}"
        )
    for column, name in enumerate(header, start=1):
        if name not in MANIFEST_COLUMNS:
            raise ManifestError(
                source,
                f"line 1, column {column}: unknown column `{name}`; allowed: {MANIFEST_COLUMNS}",
            )
        if header.index(name) < column - 1:
            raise ManifestError(source, f"line 1, column {column}: `{name}` appears twice")


def _manifest_row(
    source: str, line: int, header: list[str], row: list[str]
) -> tuple[str, dict[str, str]]:
    """The file name and metadata of one manifest row, each value checked."""
    extra = row[len(header) :]
    if any(cell.strip() for cell in extra):
        raise ManifestError(
            source,
            f"line {line}: {len(row)} values but the header names {len(header)} columns "
            "(put a value that contains a comma in double quotes)",
        )
    values = dict(zip(header, [*row, *[""] * len(header)], strict=False))
    for column, value in values.items():
        problem = _field_problem(column, value.strip())
        if problem:
            raise ManifestError(source, f"line {line}, column `{column}`: {problem}")
    metadata = {key: clean_field(value) for key, value in values.items() if key != "file"}
    return values["file"].strip(), metadata


def _field_problem(column: str, value: str) -> str | None:
    """What is wrong with one manifest value, or None."""
    if column == "file" and not value:
        return "empty; every row names an article file"
    if len(value) > MAX_FIELD_CHARS:
        return f"{len(value):,} characters; the limit is {MAX_FIELD_CHARS:,}"
    if column == "date" and value and not DATE.fullmatch(value):
        return f"`{value}` is not a date; write it as YYYY-MM-DD"
    if column == "url" and value and not safe_url(value):
        return f"`{value}` is not a web address; it must start with http:// or https://"
    return None


def safe_url(url: str) -> str:
    """`url` if it is an http(s) address, else "" (a `javascript:` link must never be
    shown). Characters a web address may not hold as they are (`"`, `<`, `>`, …) are
    percent-encoded, as a browser would send them, so the address is kept, not dropped."""
    url = url.strip()
    if not re.match(r"https?://[^\s]+\Z", url, re.IGNORECASE):
        return ""
    return UNSAFE_URL_CHARACTERS.sub(lambda m: f"%{ord(m.group()):02X}", url)
