"""Codebooks: the frames to look for, each with a definition and weighted cue words, read
from a TOML file (data/codebooks/ or the user's own) and checked line by line, so a
mistake is reported with its file, line and key.
"""

import hashlib
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..datafile import fail, line_of, parse_toml
from ..errors import DataFileError
from ..resources import DATA
from .cues import (
    CueSyntaxError,
    Entry,
    Matcher,
    compile_cue,
)
from .language import layer_entries

BUILT_IN = ("policy", "generic")
FRAME_KEYS = {"id", "label", "definition", "questions", "cues", "negative", "countries"}
CODEBOOK_KEYS = {"id", "name", "citation", "about"}
FRAME_ID = re.compile(r"[a-z][a-z0-9_]*")
# A codebook is a coder's list of frames, not a corpus: beyond these it is refused with a
# message rather than tying up the dashboard (the built-in ones are far below).
MAX_CODEBOOK_CHARS = 500_000
MAX_FRAMES = 60
MAX_CUES = 5_000


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame of a codebook: what it means, the questions coders ask, and its cues."""

    id: str
    label: str
    definition: str
    questions: tuple[str, ...]
    cues: tuple[Cue, ...]
    negative: tuple[str, ...]
    countries: float = 0.0


@dataclass(frozen=True)
class Codebook:
    """A list of frames read from a TOML file; `hash` identifies the exact file content."""

    id: str
    name: str
    citation: str
    about: str
    source: str
    hash: str
    frames: tuple[Frame, ...]

    @cached_property
    def matcher(self) -> Matcher:
        """One matcher for the cues of all frames and the words of the language layers, so
        each sentence is scanned once; every frame and layer is a group of its own."""
        frames = [entry for frame in self.frames for entry in _entries(frame)]
        return Matcher(frames + list(layer_entries()))

    def frame(self, frame_id: str) -> Frame:
        return next(frame for frame in self.frames if frame.id == frame_id)


# --- codebooks ----------------------------------------------------------------------


def load_codebook(codebook: "str | Path | Codebook" = "policy") -> Codebook:
    """A built-in codebook by name ("policy", "generic"), a codebook file, or `codebook`."""
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, str) and codebook in BUILT_IN:
        return _built_in(codebook)
    path = Path(codebook)
    if not path.is_file():
        raise DataFileError(
            f"{codebook}: no such codebook; use {' or '.join(BUILT_IN)} or a path to a .toml file"
        )
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot read codebook: {error}") from None
    return parse_codebook(text, str(path))


@cache
def _built_in(name: str) -> Codebook:
    source = f"codebooks/{name}.toml"
    return parse_codebook(DATA.joinpath(source).read_text("utf-8"), source)


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    """Build a Codebook from TOML text, checking every key; errors name line and key."""
    if len(text) > MAX_CODEBOOK_CHARS:
        raise fail(source, 1, "codebook", f"longer than {MAX_CODEBOOK_CHARS:,} characters")
    data = parse_toml(text, source)
    header = data.get("codebook")
    if not isinstance(header, dict):
        raise fail(source, 1, "[codebook]", "missing table; it needs at least `id` and `name`")
    unknown = sorted(set(header) - CODEBOOK_KEYS)
    if unknown:
        line = _key_line(text, unknown[0])
        raise fail(source, line, "[codebook]", _unknown_key(unknown[0], CODEBOOK_KEYS))
    for key in ("id", "name"):
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise fail(source, _table_line(text, "codebook"), "[codebook]", f"`{key}` missing")
    raw_frames = data.get("frame")
    if not isinstance(raw_frames, list) or not raw_frames:
        raise fail(source, 1, "[[frame]]", "no frames; add at least one [[frame]] table")
    unknown_tables = set(data) - {"codebook", "frame"}
    if unknown_tables:
        key = sorted(unknown_tables)[0]
        raise fail(source, _top_level_line(text, key), key, "unknown table or key")
    if len(raw_frames) > MAX_FRAMES:
        line = line_of(text, "frame", MAX_FRAMES)
        raise fail(source, line, "[[frame]]", f"more than {MAX_FRAMES} frames")
    frames = tuple(_parse_frame(raw, n, text, source) for n, raw in enumerate(raw_frames))
    if sum(len(frame.cues) + len(frame.negative) for frame in frames) > MAX_CUES:
        raise fail(source, 1, "cues", f"more than {MAX_CUES:,} cues in all")
    ids = [frame.id for frame in frames]
    for index, frame_id in enumerate(ids):
        if frame_id in ids[:index]:
            line = line_of(text, "frame", index, "id")
            raise fail(source, line, f"frame {frame_id!r}", "`id` used twice")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Codebook(
        id=header["id"],
        name=header["name"],
        citation=str(header.get("citation", "")),
        about=str(header.get("about", "")),
        source=source,
        hash=digest,
        frames=frames,
    )


def _parse_frame(raw: Any, index: int, text: str, source: str) -> Frame:
    if not isinstance(raw, dict):
        raise fail(source, line_of(text, "frame", index), f"frame #{index + 1}", "not a table")
    frame_id = raw.get("id")
    if not isinstance(frame_id, str) or not FRAME_ID.fullmatch(frame_id):
        raise fail(
            source,
            line_of(text, "frame", index, "id"),
            f"frame #{index + 1}",
            "`id` must be lower-case letters, digits and _ (like `security_defense`)",
        )
    where = f"frame {frame_id!r}"
    unknown = sorted(set(raw) - FRAME_KEYS)
    if unknown:
        line = line_of(text, "frame", index, unknown[0])
        raise fail(source, line, where, _unknown_key(unknown[0], FRAME_KEYS))
    for key in ("label", "definition"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            line = line_of(text, "frame", index, key)
            raise fail(source, line, where, f"`{key}` missing or empty")
    questions = raw.get("questions", [])
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        line = line_of(text, "frame", index, "questions")
        raise fail(source, line, where, "`questions` must be a list of strings")
    raw_cues = raw.get("cues", [])
    if not isinstance(raw_cues, list):
        line = line_of(text, "frame", index, "cues")
        raise fail(source, line, where, "`cues` must be a list (it may be empty: `cues = []`)")
    cues = tuple(_parse_cue(item, index, text, source, where) for item in raw_cues)
    negative = raw.get("negative", [])
    if not isinstance(negative, list) or not all(isinstance(item, str) for item in negative):
        line = line_of(text, "frame", index, "negative")
        raise fail(source, line, where, "`negative` must be a list of strings")
    for item in negative:
        _check_cue_syntax(item, index, text, source, where, "negative")
    countries = raw.get("countries", 0.0)
    if not _finite(countries) or countries < 0:
        line = line_of(text, "frame", index, "countries")
        raise fail(source, line, where, "`countries` must be a number, 0 or more")
    return Frame(
        frame_id,
        raw["label"],
        raw["definition"].strip(),
        tuple(questions),
        cues,
        tuple(negative),
        float(countries),
    )


def _parse_cue(item: Any, index: int, text: str, source: str, where: str) -> Cue:
    if isinstance(item, str):
        cue = Cue(item)
    elif isinstance(item, dict) and set(item) <= {"cue", "weight"} and "cue" in item:
        weight = item.get("weight", 1.0)
        if not _finite(weight) or weight <= 0:
            line = line_of(text, "frame", index, "cues", needle=str(item["cue"]))
            raise fail(
                source, line, where, f"cue {item['cue']!r}: `weight` must be a number above 0"
            )
        cue = Cue(str(item["cue"]), float(weight))
    else:
        line = line_of(text, "frame", index, "cues")
        raise fail(
            source,
            line,
            where,
            f"`cues` entries are strings or {{cue = ..., weight = ...}}: {item!r}",
        )
    _check_cue_syntax(cue.text, index, text, source, where, "cues")
    return cue


def _finite(value: Any) -> bool:
    """A number TOML allows and JSON can write: not a boolean, `nan` or `inf`."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_cue_syntax(cue: str, index: int, text: str, source: str, where: str, key: str) -> None:
    try:
        compile_cue(cue)
    except CueSyntaxError as error:
        line = line_of(text, "frame", index, key, needle=cue)
        raise fail(source, line, f"{where} `{key}`", str(error)) from None


def _unknown_key(key: str, allowed: set[str]) -> str:
    return f"unknown key `{key}` (allowed: {', '.join(sorted(allowed))})"


def _table_line(text: str, table: str) -> int:
    return _first_line(text, rf"^\s*\[\s*{re.escape(table)}\s*\]")


def _top_level_line(text: str, key: str) -> int:
    return _first_line(text, rf"^\s*\[*\s*{re.escape(key)}\b")


def _key_line(text: str, key: str) -> int:
    return _first_line(text, rf"^\s*{re.escape(key)}\s*=")


def _first_line(text: str, pattern: str) -> int:
    regex = re.compile(pattern)
    return next((n + 1 for n, line in enumerate(text.splitlines()) if regex.match(line)), 1)


def _entries(frame: Frame) -> list[Entry]:
    entries = [Entry(cue.text, frame.id, cue.weight) for cue in frame.cues]
    return entries + [Entry(cue, frame.id, negative=True) for cue in frame.negative]
