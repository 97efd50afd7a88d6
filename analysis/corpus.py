"""Articles: reading files and folders, their metadata, and cleaning their text.

Cleaning normalises the text and removes page furniture (repeated ledes, photo credits,
teasers, newsletter footers, comment counters), recording every removal with its reason.
The cleaned text is final: every offset in a Report points into it.
"""

import csv
import hashlib
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .errors import InputError, ManifestError
from .resources import load_toml

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "outlet", "title", "date", "url", "outlet_country", "note")
MAX_FILE_BYTES = 5_000_000
# When at least this share of line breaks inside blocks fall mid-sentence (a word, then
# a lower-case word on the next line), the text was hard-wrapped and lines are joined.
HARD_WRAP_SHARE = 0.3
# Unicode spaces that pages use for layout; all become an ordinary space.
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Text with more control characters than this share is taken for a binary file.
MAX_CONTROL_SHARE = 0.01
# Above this share of non-ASCII letters, a Windows-1252 reading is taken to be wrong.
MAX_ACCENTED_SHARE = 0.05
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


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

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


def load(*paths: str | Path) -> list[Article]:
    """Articles from files and folders (every .txt, .md, .html, .htm in a folder).

    A folder's `manifest.csv` (columns file, outlet, title, date, url, outlet_country,
    note; only `file` required) supplies metadata. Raises InputError for the first file
    that cannot be read; use `load_each` to collect failures instead.
    """
    articles, failures = load_each(*paths)
    if failures:
        raise failures[0]
    return articles


def load_each(*paths: str | Path) -> tuple[list[Article], list[InputError]]:
    """Like `load`, but returns the readable articles and an error for each failure."""
    articles: list[Article] = []
    failures: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            manifest = read_manifest(path / MANIFEST) if (path / MANIFEST).exists() else {}
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
        elif path.is_file():
            manifest_path = path.parent / MANIFEST
            manifest = read_manifest(manifest_path) if manifest_path.exists() else {}
            files = [path]
        else:
            failures.append(InputError(str(path), "no such file or folder"))
            continue
        for file in files:
            try:
                articles.append(read_article(file, **manifest.get(file.name, {})))
            except InputError as error:
                failures.append(error)
    return articles, failures


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Metadata by file name from a manifest.csv."""
    text = decode(path.read_bytes(), str(path))
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise ManifestError(str(path), "line 1: the header must name a `file` column")
    unknown = set(reader.fieldnames) - set(MANIFEST_COLUMNS)
    if unknown:
        raise ManifestError(
            str(path), f"line 1: unknown column(s) {sorted(unknown)}; allowed: {MANIFEST_COLUMNS}"
        )
    entries = {}
    for line, row in enumerate(reader, start=2):
        if None in row or not row.get("file"):
            raise ManifestError(
                str(path), f"line {line}: expected {len(reader.fieldnames)} fields with a file name"
            )
        entries[row["file"]] = {
            key: (value or "").strip() for key, value in row.items() if key != "file"
        }
    return entries


def read_article(path: Path, **metadata: str) -> Article:
    """One file as an Article; manifest `metadata` wins over what the file itself says."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(str(path), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    return article_from_bytes(
        path.read_bytes(), str(path), **{"file": path.name, "id": path.stem, **metadata}
    )


def article_from_bytes(data: bytes, name: str, **metadata: str) -> Article:
    """A file's content (`name` says its type: .html/.htm pages are extracted) as an
    Article; non-empty `metadata` wins over what the file itself says. Used for uploads."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    raw = decode(data, name)
    html = Path(name).suffix.lower() in (".html", ".htm")
    found = extract_html(raw, name) if html else {"text": raw}
    return make_article(
        found.pop("text"),
        source=name,
        **{**found, **{key: value for key, value in metadata.items() if value}},
    )


def make_article(raw_text: str, source: str = "text", **metadata: str) -> Article:
    """Clean `raw_text` and wrap it with its metadata; the id defaults to a content hash."""
    text, removed, found = clean(raw_text)
    if not text.strip():
        raise InputError(source, "no article text left (the file is empty or only page furniture)")
    article = Article(text=text, removed=removed, **{**found, **metadata})
    return article if article.id else replace(article, id=article.content_hash)


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 or UTF-16 with or without BOM, else the detected encoding.

    Refuses binary files (PDF, image, archive renamed .txt) with a reason."""
    text = _decode_bytes(data, source)
    controls = sum(1 for char in text if unicodedata.category(char) in ("Cc", "Cs", "Co"))
    controls -= sum(text.count(char) for char in "\n\r\t\f\v")
    if controls > MAX_CONTROL_SHARE * max(1, len(text)):
        raise InputError(source, "this looks like a binary file (PDF, image, archive), not text")
    return text


def _decode_bytes(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if b"\x00" in data[:4096]:
        if _looks_like_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        raise InputError(source, "this looks like a binary file (PDF, image, archive), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _decode_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding; save the file as UTF-8")
    return str(best)


def _decode_western(data: bytes) -> str | None:
    """Windows-1252 / Latin-1 text, if decoding so gives mostly plain Latin letters.

    Detectors guess poorly on short English text; English pages that are not UTF-8
    are nearly always in one of these two encodings.
    """
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = [char for char in text if char.isalpha()]
        accented = sum(1 for char in letters if not char.isascii())
        if letters and accented <= MAX_ACCENTED_SHARE * len(letters):
            return text
    return None


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)


def extract_html(html: str, source: str) -> dict[str, str]:
    """Main text, title and date of an HTML page, with trafilatura's extractor."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(result, "text", None) if result is not None else None
    if not text:
        raise InputError(source, "no article text found in this HTML page")
    return {
        "text": text,
        "title": getattr(result, "title", None) or "",
        "date": getattr(result, "date", None) or "",
        "url": getattr(result, "url", None) or "",
        "outlet": getattr(result, "sitename", None) or "",
    }


def normalize(raw: str) -> str:
    """NFC, one kind of space and line ending; quotation marks and dashes are kept."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = INVISIBLE.sub("", ODD_SPACES.sub(" ", text))
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def clean(raw: str) -> tuple[str, tuple[Removal, ...], dict[str, str]]:
    """Normalised article text, the removals, and metadata found in the text itself."""
    found: dict[str, str] = {}
    removed: list[Removal] = []
    kept: list[str] = []
    seen: set[str] = set()
    offset = 0
    for number, paragraph in enumerate(split_paragraphs(normalize(raw))):
        if number == 0:
            paragraph, token = _strip_metadata_token(paragraph)
            if token:
                removed.append(Removal(token.strip(), metadata_rule()["reason"], 0))
                found["date"] = _METADATA.match(token).group("value")
        reason = boilerplate_reason(paragraph, seen)
        seen.add(_fingerprint(paragraph))
        if reason:
            removed.append(Removal(paragraph, reason, offset))
            continue
        kept.append(paragraph)
        offset += len(paragraph) + 2
    text = "\n\n".join(kept)
    return text, tuple(replace(r, at=min(r.at, len(text))) for r in removed), found


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines, each line its own paragraph, unless the
    text is hard-wrapped (lines broken mid-sentence), when a block's lines are joined."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    breaks = [
        (line, following)
        for block in blocks
        for line, following in itertools.pairwise(block.split("\n"))
        if line and following
    ]
    mid_sentence = sum(
        1 for line, following in breaks if line[-1].isalnum() and following[0].islower()
    )
    if breaks and mid_sentence >= HARD_WRAP_SHARE * len(breaks):
        return [" ".join(block.split("\n")) for block in blocks]
    return [line for block in blocks for line in block.split("\n") if line.strip()]


def boilerplate_reason(paragraph: str, seen: Iterable[str]) -> str | None:
    """Why `paragraph` is not article text, or None when it is."""
    if _fingerprint(paragraph) in seen:
        return "repeated paragraph"
    words = len(paragraph.split())
    for rule in boilerplate_rules():
        if words <= rule["max_words"] and rule["regex"].search(paragraph):
            return rule["reason"]
    return None


def _fingerprint(paragraph: str) -> str:
    """Paragraph text with spacing and punctuation folded, so near-copies match."""
    return re.sub(r"[\W_]+", "", paragraph.casefold())


@cache
def boilerplate_rules() -> tuple[dict, ...]:
    rules = load_toml("boilerplate.toml")["rule"]
    return tuple({**rule, "regex": re.compile(rule["pattern"], re.IGNORECASE)} for rule in rules)


@cache
def metadata_rule() -> dict:
    return load_toml("boilerplate.toml")["metadata_token"]


_METADATA = re.compile(metadata_rule()["pattern"], re.IGNORECASE)


def _strip_metadata_token(paragraph: str) -> tuple[str, str]:
    match = _METADATA.match(paragraph)
    if not match:
        return paragraph, ""
    return paragraph[match.end() :], match.group()
