"""Read the package's data files (lexicons, gazetteers, rules) once, with importlib.resources."""

import csv
import hashlib
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from .errors import DataFileError

DATA = files("analysis") / "data"


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse data file `name` as TOML, naming the file and line if it is malformed."""
    try:
        return tomllib.loads(DATA.joinpath(name).read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{name}: {error}") from None


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file, skipping blank lines and `#` comments."""
    lines = DATA.joinpath(name).read_text("utf-8").splitlines()
    rows = (line for line in lines if line.strip() and not line.startswith("#"))
    return tuple(tuple(cell.strip() for cell in row) for row in csv.reader(rows, delimiter="\t"))


@cache
def package_digest() -> str:
    """Short hash of the package's code and data files: changes whenever any of them does."""
    digest = hashlib.sha256()
    pending = [files("analysis")]
    while pending:
        for entry in sorted(pending.pop().iterdir(), key=lambda e: e.name):
            if entry.is_dir() and entry.name != "__pycache__":
                pending.append(entry)
            elif entry.name.endswith((".py", ".toml", ".tsv", ".json")):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:12]
