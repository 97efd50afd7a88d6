"""Articles: reading files and folders, their metadata, and cleaning their text.

`files` reads files and folders (with a `manifest`) and web addresses (fetched by
`fetch`), `make` turns bytes or raw text into
an `Article` (decoded by `decode`, cleaned by `clean`, its language checked by
`language`). Cleaning records every removal with its reason; the cleaned text is final:
every offset in a Report points into it.
"""

from .article import MAX_FILE_BYTES, MAX_TEXT_CHARS, Article, InputWarning, Removal
from .clean import clean, clean_field, normalize
from .decode import decode
from .fetch import Page, article_from_page, fetch_article, fetch_each, fetch_page, is_web_address
from .files import OUTSIDE, SAMPLE, folder_files, load, load_each, unmatched_entries, within
from .language import with_language
from .make import ARTICLE_SUFFIXES, article_from_bytes, make_article, read_article
from .manifest import MANIFEST, manifest_rows, read_manifest

__all__ = [
    "ARTICLE_SUFFIXES",
    "MANIFEST",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "OUTSIDE",
    "SAMPLE",
    "Article",
    "InputWarning",
    "Page",
    "Removal",
    "article_from_bytes",
    "article_from_page",
    "clean",
    "clean_field",
    "decode",
    "fetch_article",
    "fetch_each",
    "fetch_page",
    "folder_files",
    "is_web_address",
    "load",
    "load_each",
    "make_article",
    "manifest_rows",
    "normalize",
    "read_article",
    "read_manifest",
    "unmatched_entries",
    "with_language",
    "within",
]
