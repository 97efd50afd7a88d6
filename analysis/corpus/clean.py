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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Literal

from .errors import InputError, ManifestError
from .resources import load_toml, load_tsv
from .text import WORD, count_words, find_paragraphs, stopwords

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "outlet", "title", "date", "url", "outlet_country", "note")
MAX_FILE_BYTES = 5_000_000
# Pasted text has the same limit, in characters: about a minute of analysis.
MAX_TEXT_CHARS = MAX_FILE_BYTES
# A metadata value (outlet, title, ...) longer than this is not metadata.
MAX_FIELD_CHARS = 1_000
# Manifest dates: a year, a month or a day, optionally with a time (ISO 8601).
DATE = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
# A declared encoding (byte-order mark) may have this share of undecodable characters,
# replaced by U+FFFD (a file cut off mid-character); more, and the file is refused.
MAX_REPLACED_SHARE = 0.001
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# UTF-16 without a mark: nearly all zero bytes fall on one side of each byte pair (the
# high byte of spaces, digits and Latin letters); in binary files they fall on both.
UTF16_ZERO_SIDE_SHARE = 0.95
# ... and at least this share of byte pairs hold a zero (the spaces of a Cyrillic or Greek
# text give ~15%; Latin text ~100%), so a stray NUL in a UTF-8 file is not read as UTF-16.
UTF16_MIN_ZERO_SHARE = 0.1
# An HTML page saved or pasted as text: it is reduced to its main text like a .html file.
HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# The language detector's probability above which a text is said to be in a language;
# below it (short or mixed texts) the language is "und", undetermined.
LANGUAGE_CONFIDENCE = 0.8
# A paragraph of an English article is checked for another language when it has at least
# FOREIGN_MIN_WORDS words, under FOREIGN_MAX_FUNCTION_WORDS of them English function
# words, and is flagged when the identifier is FOREIGN_CONFIDENCE sure.
FOREIGN_MIN_WORDS = 12
FOREIGN_MAX_FUNCTION_WORDS = 0.08
FOREIGN_CONFIDENCE = 0.95
ENGLISH = "en"
UNDETERMINED = "und"
# When at least this share of line breaks inside blocks fall mid-sentence (a word, then
# a lower-case word on the next line), the text was hard-wrapped and lines are joined.
HARD_WRAP_SHARE = 0.3
# Unicode spaces that pages use for layout; all become an ordinary space.
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Text with more control characters than this share is taken for a binary file.
MAX_CONTROL_SHARE = 0.01
BINARY = "this looks like a binary file (PDF, image, archive), not text"
# Above this share of non-ASCII letters, a Windows-1252 reading is taken to be wrong: French
# or Portuguese have under 10% accented letters, while Cyrillic or Greek text misread as
# Windows-1252 comes out nearly all accented Latin letters.
MAX_ACCENTED_SHARE = 0.25
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Control characters other than the line break carry no text, and terminals act on some
# of them (escape sequences) when a report is printed; lone surrogates cannot be saved.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
LINE_BREAKS = {"\u2029": "\n\n", "\u2028": "\n", "\x85": "\n", "\r\n": "\n", "\r": "\n"}

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
    """Like `load`, but returns the readable articles and an error for each failure.

    A malformed manifest is reported and its folder's articles are still read, without
    the manifest's metadata: nothing readable is dropped.
    """
    articles: list[Article] = []
    failures: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            folder = path
            files = sorted(_article_files(path))
            if not files:
                kinds = ", ".join(ARTICLE_SUFFIXES)
                failures.append(InputError(str(path), f"no article files ({kinds}) in this folder"))
                continue
        elif path.is_file():
            folder, files = path.parent, [path]
        else:
            failures.append(InputError(str(path), "no such file or folder"))
            continue
        manifest: dict[str, tuple[int, dict[str, str]]] = {}
        if (folder / MANIFEST).is_file():
            try:
                manifest = _read_manifest(folder / MANIFEST)
            except InputError as error:
                reason = f"{error.reason}; the articles were read without the manifest"
                failures.append(ManifestError(error.source, reason))
        if path.is_dir():
            failures.extend(_unmatched_entries(folder / MANIFEST, manifest, files))
        for file in files:
            try:
                articles.append(read_article(file, **manifest.get(file.name, (0, {}))[1]))
            except InputError as error:
                failures.append(error)
    return articles, failures


def _article_files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())


def _unmatched_entries(
    manifest_path: Path, manifest: dict[str, tuple[int, dict[str, str]]], files: list[Path]
) -> list[ManifestError]:
    """An error for each manifest row naming a file the folder does not hold (a typo
    there would silently drop that article's metadata)."""
    names = {file.name for file in files}
    return [
        ManifestError(
            str(manifest_path), f"line {line}, column `file`: no article file `{name}` here"
        )
        for name, (line, _) in manifest.items()
        if name not in names
    ]


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Metadata by file name from a manifest.csv; ManifestError names the line and column."""
    return {name: metadata for name, (_, metadata) in _read_manifest(path).items()}


def _read_manifest(path: Path) -> dict[str, tuple[int, dict[str, str]]]:
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
    """`url` if it is an http(s) address, else "" (a `javascript:` link must never be shown)."""
    return url if re.match(r"https?://[^\s<>\"]+\Z", url.strip(), re.IGNORECASE) else ""


def read_article(path: Path, **metadata: str) -> Article:
    """One file as an Article; manifest `metadata` wins over what the file itself says."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(source, _too_big(size))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read the file ({error.strerror or error})") from None
    return article_from_bytes(data, path.name, source, **metadata)


def article_from_bytes(data: bytes, name: str, source: str = "", **metadata: str) -> Article:
    """An uploaded or read file as an Article: size limit, encoding, HTML extraction and
    cleaning. `name` is the file name; `metadata` wins over what the file itself says."""
    source = source or name or "upload"
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, _too_big(len(data)))
    raw, guessed = _decode(data, source)
    warnings = (InputWarning("encoding", _guessed_message(guessed)),) if guessed else ()
    html = Path(name).suffix.lower() in HTML_SUFFIXES
    return _build(raw, source, html, {"file": name, "id": Path(name).stem, **metadata}, warnings)


def make_article(raw_text: str, source: str = "text", **metadata: str) -> Article:
    """Clean `raw_text` (an HTML page is reduced to its main text first) and wrap it with
    its metadata; the id defaults to a content hash."""
    return _build(raw_text, source, False, metadata, ())


def _build(
    raw: str,
    source: str,
    html: bool,
    metadata: dict[str, str],
    warnings: tuple[InputWarning, ...],
) -> Article:
    if len(raw) > MAX_TEXT_CHARS:
        raise InputError(
            source, f"text is {len(raw):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    found: dict[str, str] = {}
    if html or HTML_START.match(raw):
        found = extract_html(raw, source)
        raw = found.pop("text")
    text, removed, in_text = clean(raw)
    if not text.strip():
        raise InputError(source, "no article text left (the file is empty or only page furniture)")
    if not count_words(text):
        raise InputError(
            source, "no words to analyse: the text is only punctuation, quotation marks or symbols"
        )
    # The text's own date token, then the page's metadata, then the caller's: the later
    # wins wherever it has a value.
    fields = {
        key: clean_field(value)
        for given in (in_text, found, metadata)
        for key, value in given.items()
        if value
    }
    fields["url"] = safe_url(fields.get("url", ""))
    article = Article(text=text, removed=removed, warnings=warnings, **fields)
    article = with_language(article)
    return article if article.id else replace(article, id=article.content_hash)


def _too_big(size: int) -> str:
    return f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"


def _guessed_message(encoding: str) -> str:
    return (
        f"the file is not UTF-8 and its encoding was guessed as {encoding}; if letters look "
        "wrong, save the file as UTF-8 and add it again"
    )


def clean_field(value: str) -> str:
    """A metadata value on one line, without control or invisible characters."""
    return " ".join(normalize(str(value)).split())


# Language


def with_language(article: Article) -> Article:
    """The article with its detected language and, unless it is English, a warning that
    the analyzers are English-only (its scores are still computed and shown). An English
    article with whole paragraphs in another language is warned about too."""
    code = detect_language(article.text)
    if code not in (ENGLISH, UNDETERMINED) and _mostly_english(article.text):
        code = ENGLISH  # a long quote in another script can tip the guess on the whole text
    warnings = tuple(w for w in article.warnings if w.kind != "language")
    if code not in (ENGLISH, UNDETERMINED):
        warnings += (InputWarning("language", _language_message(code)),)
    elif foreign := foreign_paragraphs(article.text):
        warnings += (InputWarning("language", _mixed_message(foreign, count_words(article.text))),)
    return replace(article, lang=code, warnings=warnings)


def foreign_paragraphs(text: str) -> list[tuple[int, str, int]]:
    """(number from 1, language code, words) of each paragraph of `text` written in another
    language than English. Only a paragraph almost without English function words (English
    prose has 30-50%) is given to the language identifier, which must then be sure."""
    found = []
    for span in find_paragraphs(text):
        paragraph = text[span.start : span.end]
        words = WORD.findall(paragraph)
        if len(words) < FOREIGN_MIN_WORDS:
            continue
        english = sum(word.lower() in stopwords() for word in words) / len(words)
        if english >= FOREIGN_MAX_FUNCTION_WORDS:
            continue
        code, probability = _language_identifier().classify(paragraph)
        if code not in (ENGLISH, "zxx") and probability >= FOREIGN_CONFIDENCE:
            found.append((span.index + 1, code, len(words)))
    return found


def _mostly_english(text: str) -> bool:
    """Are most words in paragraphs identified as English?"""
    words: Counter[str] = Counter()
    for span in find_paragraphs(text):
        paragraph = text[span.start : span.end]
        count = count_words(paragraph)
        if count >= FOREIGN_MIN_WORDS:
            words[detect_language(paragraph)] += count
    return words[ENGLISH] > words.total() / 2


def _mixed_message(foreign: list[tuple[int, str, int]], total_words: int) -> str:
    numbers = ", ".join(str(number) for number, _, _ in foreign)
    languages = " and ".join(
        dict.fromkeys(f"{language_name(code)} ({code})" for _, code, _ in foreign)
    )
    words = sum(count for _, _, count in foreign)
    one = len(foreign) == 1
    return (
        f"paragraph{'' if one else 's'} {numbers} ({words} of {total_words} words) "
        f"look{'s' if one else ''} like {languages}, not English: the analyzers misread "
        "such text, so treat tone, quotes and frames found there as unreliable"
    )


def detect_language(text: str) -> str:
    """ISO 639 code of the language of `text`, or "und" when it cannot be told."""
    code, probability = _language_identifier().classify(text)
    return code if probability >= LANGUAGE_CONFIDENCE and code != "zxx" else UNDETERMINED


def language_name(code: str) -> str:
    """English name of a language code (the code itself when unknown)."""
    return dict(load_tsv("languages.tsv")).get(code, code)


def _language_message(code: str) -> str:
    return (
        f"this text looks like {language_name(code)} ({code}), not English. The analyzers "
        "are built for English: their word lists for tone, quotes and frames miss or misread "
        "most of it, so treat its scores as unreliable"
    )


@cache
def _language_identifier():
    """py3langid's bundled model (naive Bayes over byte n-grams, 1.6 s to load once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# Encodings


def decode(data: bytes, source: str) -> str:
    """Bytes to text: a byte-order mark's encoding, UTF-16 without one, UTF-8,
    Windows-1252, else the detected encoding.

    Refuses binary files (PDF, image, archive renamed .txt) and text whose encoding
    cannot be told, with a reason."""
    return _decode(data, source)[0]


def _decode(data: bytes, source: str) -> tuple[str, str | None]:
    """The text, and the encoding's name when it had to be guessed."""
    guessed = None
    for mark, encoding in BOMS:
        if data.startswith(mark):
            why = f"starts with a {encoding.upper()} byte-order mark"
            text = _decode_declared(data[len(mark) :], encoding, source, why)
            break
    else:
        text, guessed = _decode_unmarked(data, source)
    controls = sum(1 for char in text if unicodedata.category(char) in ("Cc", "Cs", "Co"))
    controls -= sum(text.count(char) for char in "\n\r\t\f\v")
    if controls > MAX_CONTROL_SHARE * max(1, len(text)):
        raise InputError(source, BINARY)
    return text, guessed


def _decode_unmarked(data: bytes, source: str) -> tuple[str, str | None]:
    if b"\x00" in data:
        encoding = _utf16_byte_order(data)
        if encoding is None:
            raise InputError(source, BINARY)
        why = "looks like UTF-16 without a byte-order mark"
        return _decode_declared(data, encoding, source, why), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    western = _decode_western(data)
    if western is not None:
        return western, None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding; save the file as UTF-8")
    return str(best), best.encoding


def _decode_declared(data: bytes, encoding: str, source: str, why: str) -> str:
    """Decode in an encoding the file declares (or shows); a few broken characters (a
    file cut off mid-character) become U+FFFD, more and the file is refused."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > max(1, MAX_REPLACED_SHARE * len(text)):
        raise InputError(
            source,
            f"the file {why} but {replaced:,} characters cannot be read in that encoding; "
            "save it again as UTF-8",
        )
    return text


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


def _utf16_byte_order(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" if the zero bytes look like UTF-16 text's, else None."""
    sample = data[: 1 << 16]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < UTF16_MIN_ZERO_SHARE * len(sample) / 2:
        return None
    if odd >= UTF16_ZERO_SIDE_SHARE * (even + odd):
        return "utf-16-le"
    if even >= UTF16_ZERO_SIDE_SHARE * (even + odd):
        return "utf-16-be"
    return None


def extract_html(html: str, source: str) -> dict[str, str]:
    """Main text, title and date of an HTML page, with trafilatura's extractor."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # a parser of untrusted pages: any failure means no text
        raise InputError(source, f"this HTML page cannot be read ({error})") from None
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
    """NFC, one kind of space and line ending; quotation marks and dashes are kept.

    Control characters and lone surrogates (from a broken paste) are dropped or replaced.
    """
    text = LONE_SURROGATES.sub("\ufffd", raw)
    for old, new in LINE_BREAKS.items():
        text = text.replace(old, new)
    text = unicodedata.normalize("NFC", text)
    text = CONTROLS.sub("", INVISIBLE.sub("", ODD_SPACES.sub(" ", text)))
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
            paragraph, tokens = _strip_metadata_tokens(paragraph)
            removed += [Removal(token.strip(), metadata_rule()["reason"], 0) for token in tokens]
            if tokens:
                found["date"] = _METADATA.match(tokens[0]).group("value")
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


def _strip_metadata_tokens(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without its leading metadata tokens (all of them: cleaning twice
    must give the same text), and the tokens."""
    tokens = []
    while match := _METADATA.match(paragraph):
        tokens.append(match.group())
        paragraph = paragraph[match.end() :]
    return paragraph, tokens
