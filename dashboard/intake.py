"""Checking what a user typed or uploaded on the Add articles page, field by field.

`check` returns either an Article ready for the store or a message per form field, so
the page can put each message next to its field. Nothing here touches Streamlit.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from analysis import Article, InputError, make_article
from analysis.corpus import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Page,
    article_from_bytes,
    fetch_each,
    is_web_address,
)
from analysis.corpus.manifest import safe_url
from analysis.text import count_words

UPLOAD_TYPES = ("txt", "md", "html", "htm")
MIN_WORDS = 30  # fewer words give too few sentences for a tone interval worth reading
MAX_OUTLET = 80
MAX_TITLE = 300
MAX_NOTE = 500
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
METADATA_FIELDS = ("outlet", "title", "date", "url", "outlet_country", "note")
# Addresses fetched per press of "Fetch and add": a class's set of outlets, and at most a
# minute or so of waiting when some sites are slow.
MAX_ADDRESSES = 12


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Checked:
    """The outcome of a check: an article, or error messages keyed by form field."""

    article: Article | None = None
    errors: dict[str, str] = field(default_factory=dict)


def check_metadata(values: dict[str, str]) -> dict[str, str]:
    """Messages for the metadata fields that are wrong; empty when all are fine."""
    errors = {}
    outlet = values.get("outlet", "").strip()
    if not outlet:
        errors["outlet"] = "Enter the outlet's name (for example: The Hindu). Charts need it."
    elif len(outlet) > MAX_OUTLET:
        errors["outlet"] = f"Keep the outlet name under {MAX_OUTLET} characters."
    if len(values.get("title", "")) > MAX_TITLE:
        errors["title"] = f"Keep the title under {MAX_TITLE} characters."
    if len(values.get("note", "")) > MAX_NOTE:
        errors["note"] = f"Keep the note under {MAX_NOTE} characters."
    when = values.get("date", "").strip()
    if when and not _is_date(when):
        errors["date"] = "Write the date as YYYY-MM-DD (for example 2019-06-21), or leave it empty."
    url = values.get("url", "").strip()
    if url and not _is_url(url):
        errors["url"] = (
            "Enter a full web address starting with http:// or https://, or leave it empty."
        )
    return errors


def _is_date(text: str) -> bool:
    if not ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_url(text: str) -> bool:
    """An address the article keeps (analysis.corpus.manifest.safe_url) on a named host."""
    return bool(safe_url(text)) and "." in urlparse(text).netloc


def check(
    text: str, upload: Upload | None, values: dict[str, str], existing: Sequence[Article] = ()
) -> Checked:
    """Validate a new article: pasted `text` or an `upload` (not both), and its metadata.

    Pasted text is always taken as plain text (HTML in it is shown as written); uploaded
    .html pages are extracted to their article text. `existing` articles are checked for
    the same text, so nothing is added twice.
    """
    errors = check_metadata(values)
    metadata = {name: values.get(name, "").strip() for name in METADATA_FIELDS}
    if text.strip() and upload:
        errors["text"] = "Paste the text or upload a file, not both: clear one of them."
        return Checked(errors=errors)
    if not text.strip() and not upload:
        errors["text"] = "Paste the article text here, or upload a file below."
        return Checked(errors=errors)
    source = "upload" if upload else "text"
    try:
        if upload:
            article = article_from_bytes(upload.data, upload.name, file=upload.name, **metadata)
        else:
            article = make_article(text, source="pasted text", **metadata)
    except InputError as error:
        errors[source] = _reason(error)
        return Checked(errors=errors)
    words = count_words(article.text)
    if words < MIN_WORDS:
        errors[source] = (
            f"Only {words} words of article text: at least {MIN_WORDS} are needed for "
            "a tone worth reading."
        )
    twin = next((a for a in existing if a.text == article.text), None)
    if twin:
        errors[source] = (
            f"This text is already in the collection as “{twin.outlet or twin.id}"
            f"{' – ' + twin.title if twin.title else ''}”."
        )
    return Checked(errors=errors) if errors else Checked(article=article)


@dataclass(frozen=True)
class Fetched:
    """The outcome of "Fetch and add": articles ready for the store with the pages they
    were read from, and (address, reason) for each address that could not be added; or
    a message for the address box as a whole."""

    articles: tuple[tuple[Article, Page], ...] = ()
    failures: tuple[tuple[str, str], ...] = ()
    error: str = ""


def addresses(text: str) -> list[str]:
    """The web addresses in `text`, one per line, each once, in order."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def fetch(text: str, existing: Sequence[Article] = ()) -> Fetched:
    """Fetch the pages at the addresses in `text` (one per line), each checked like an
    added article; addresses on a private network are refused unless the server was
    started with SOURCE_BIAS_ALLOW_PRIVATE_URLS=1."""
    wanted = addresses(text)
    if not wanted:
        return Fetched(error="Paste one or more web addresses, one per line.")
    if len(wanted) > MAX_ADDRESSES:
        return Fetched(error=f"{len(wanted)} addresses: fetch at most {MAX_ADDRESSES} at a time.")
    failures = [
        (url, "Not a web address: it must start with http:// or https://.")
        for url in wanted
        if not is_web_address(url)
    ]
    fetched, errors = fetch_each(url for url in wanted if is_web_address(url))
    failures += [(error.source, _reason(error)) for error in errors]
    accepted: list[tuple[Article, Page]] = []
    for article, page in fetched:
        problem = _fetched_problem(article, [*existing, *(a for a, _ in accepted)])
        if problem:
            failures.append((page.requested, problem))
        else:
            accepted.append((article, page))
    order = {url: index for index, url in enumerate(wanted)}
    failures.sort(key=lambda failure: order.get(failure[0], len(order)))
    return Fetched(tuple(accepted), tuple(failures))


def _fetched_problem(article: Article, existing: Sequence[Article]) -> str:
    """Why a fetched article cannot be added as it is, or ""."""
    words = count_words(article.text)
    if words < MIN_WORDS:
        return (
            f"Only {words} words of article text found on the page: at least {MIN_WORDS} "
            "are needed (copy the text and paste it instead)."
        )
    twin = next((a for a in existing if a.text == article.text), None)
    if twin:
        return (
            f"Already in the collection as “{twin.outlet or twin.id}"
            f"{' – ' + twin.title if twin.title else ''}”."
        )
    problems = check_metadata({name: getattr(article, name) for name in METADATA_FIELDS})
    return " ".join(problems.values())


def _reason(error: InputError) -> str:
    return error.reason[:1].upper() + error.reason[1:] + "."


def upload_limit() -> str:
    return f"{MAX_FILE_BYTES / 1_000_000:.0f} MB"


def check_edit(text: str, values: dict[str, str]) -> dict[str, str]:
    """Messages for an edited article's fields (the store cleans the new text again)."""
    errors = check_metadata(values)
    if len(text) > MAX_TEXT_CHARS:
        errors["text"] = f"{len(text):,} characters: the limit is {MAX_TEXT_CHARS:,}."
        return errors
    words = count_words(text)
    if words < MIN_WORDS:
        errors["text"] = f"Only {words} words: an article needs at least {MIN_WORDS}."
    return errors
