"""Reading user-editable TOML data files with errors that name the file, line and key."""

import re
import tomllib
from typing import Any

from .errors import DataFileError


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error names the file and tomllib's line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{source}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nesting
        raise DataFileError(f"{source}: nested too deeply to be a data file") from None


def line_of(text: str, table: str, index: int, key: str = "", needle: str = "") -> int:
    """1-based line of `key` (or of the text `needle`) inside the index-th `[[table]]`.

    Falls back to the table's header line, or to line 1 when the table is missing, so an
    error always names a line.
    """
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
    starts = [number for number, line in enumerate(lines) if header.match(line)]
    if index >= len(starts):
        return 1
    start = starts[index]
    end = next(
        (n for n in range(start + 1, len(lines)) if re.match(r"^\s*\[", lines[n])), len(lines)
    )
    key_line = re.compile(rf"^\s*{re.escape(key)}\s*=") if key else None
    found = start
    for number in range(start + 1, end):
        if key_line and key_line.match(lines[number]):
            found = number
            if not needle:
                break
        if needle and needle in lines[number] and (not key_line or found > start):
            return number + 1
    return found + 1


def fail(source: str, line: int, where: str, problem: str) -> DataFileError:
    """A DataFileError worded the same way for every data file."""
    return DataFileError(f"{source}, line {line}: {where}: {problem}")
