"""Making an article from bytes or raw text: decoded, cleaned, its metadata checked and its
language detected."""

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..text import count_words
from .article import MAX_FILE_BYTES, MAX_TEXT_CHARS, Article, InputWarning
from .clean import HTML_START, clean, clean_field, extract_html, normalize
from .decode import decode_bytes, guessed_message
from .head import split_head
from .language import with_language
from .manifest import safe_url

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


HTML_SUFFIXES = (".html", ".htm")


def make_article(raw_text: str, source: str = "text", **metadata: str) -> Article:
    """Clean `raw_text` (an HTML page is reduced to its main text first) and wrap it with
    its metadata; the id defaults to a content hash."""
    return build(raw_text, source, False, metadata, ())


def build(
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
    raw, in_head, head_removed = split_head(normalize(raw))
    text, removed, in_text = clean(raw)
    removed = head_removed + removed
    if not text.strip():
        raise InputError(source, "no article text left (the file is empty or only page furniture)")
    if not count_words(text):
        raise InputError(
            source, "no words to analyse: the text is only punctuation, quotation marks or symbols"
        )
    # What the text itself says (a date token, its head), then the page's metadata, then
    # the caller's: the later wins wherever it has a value.
    fields = {
        key: clean_field(value)
        for given in (in_text, in_head, found, metadata)
        for key, value in given.items()
        if value
    }
    fields["url"] = safe_url(fields.get("url", ""))
    article = Article(text=text, removed=removed, warnings=warnings, **fields)
    article = with_language(article)
    return article if article.id else replace(article, id=article.content_hash)


def too_big(size: int) -> str:
    return f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"


def read_article(path: Path, **metadata: str) -> Article:
    """One file as an Article; manifest `metadata` wins over what the file itself says."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(source, too_big(size))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read the file ({error.strerror or error})") from None
    return article_from_bytes(data, path.name, source, **metadata)


def article_from_bytes(data: bytes, name: str, source: str = "", **metadata: str) -> Article:
    """An uploaded or read file as an Article: size limit, encoding, HTML extraction and
    cleaning. `name` is the file name; `metadata` wins over what the file itself says."""
    source = source or name or "upload"
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, too_big(len(data)))
    raw, guessed = decode_bytes(data, source)
    warnings = (InputWarning("encoding", guessed_message(guessed)),) if guessed else ()
    html = Path(name).suffix.lower() in HTML_SUFFIXES
    return build(raw, source, html, {"file": name, "id": Path(name).stem, **metadata}, warnings)
