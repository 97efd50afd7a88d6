"""An article: its cleaned text, its metadata, what cleaning removed and what a reader must
be warned about; built from raw text by `make_article`.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Literal

MAX_FILE_BYTES = 5_000_000
# Pasted text has the same limit, in characters: about a minute of analysis.
MAX_TEXT_CHARS = MAX_FILE_BYTES
# A metadata value (outlet, title, ...) longer than this is not metadata.
MAX_FIELD_CHARS = 1_000

WarningKind = Literal["language", "encoding", "quotes"]


@dataclass(frozen=True)
class InputWarning:
    """Something the reader of a report must know: the text was analysed, but the
    numbers may mislead (not English, a guessed encoding, unbalanced quotation marks)."""

    kind: WarningKind
    message: str


@dataclass(frozen=True)
class Removal:
    """A piece of the source text that is not article text, and why it was removed.

    `at` is the offset in the cleaned text where the piece stood.
    """

    text: str
    reason: str
    at: int


@dataclass(frozen=True)
class Article:
    """One article: its metadata and its cleaned text."""

    text: str
    id: str = ""
    file: str = ""
    outlet: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    outlet_country: str = ""
    note: str = ""
    removed: tuple[Removal, ...] = field(default=(), repr=False)
    # Found from the text, not part of what the user gave (so not compared): the ISO 639
    # code of its language ("und" when it cannot be told, "" before detection) and warnings.
    lang: str = field(default="", compare=False)
    warnings: tuple[InputWarning, ...] = field(default=(), repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
