"""Cleaning: the text normalised (spaces, line breaks, hard wraps, invisible characters) and
page furniture removed (repeated ledes, photo credits, teasers, newsletter footers,
comment counters), every removal recorded with its reason. The cleaned text is final:
every offset in a Report points into it.
"""

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any, cast

from ..errors import InputError
from ..resources import load_toml
from .article import Removal

# An HTML page saved or pasted as text: it is reduced to its main text like a .html file.
HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# When at least this share of line breaks inside blocks fall mid-sentence (a word, then
# a lower-case word on the next line), the text was hard-wrapped and lines are joined.
HARD_WRAP_SHARE = 0.3
# Unicode spaces that pages use for layout; all become an ordinary space.
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Invisible characters, and the bidirectional embeddings, overrides and isolates, which
# reorder how the text around them is displayed (U+202E shows "evil" as "live").
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
# Control characters other than the line break carry no text, and terminals act on some
# of them (escape sequences) when a report is printed; lone surrogates cannot be saved.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
LINE_BREAKS = {"\u2029": "\n\n", "\u2028": "\n", "\x85": "\n", "\r\n": "\n", "\r": "\n"}


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
    for paragraph in split_paragraphs(normalize(raw)):
        if not kept and "date" not in found:  # the text's start: after removed furniture too
            paragraph, tokens = _strip_metadata_tokens(paragraph)
            removed += [Removal(token.strip(), metadata_rule()["reason"], 0) for token in tokens]
            if tokens:
                match = _METADATA.match(tokens[0])
                assert match is not None  # tokens[0] is one of its matches
                found["date"] = match.group("value")
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
            return cast(str, rule["reason"])
    return None


def _fingerprint(paragraph: str) -> str:
    """Paragraph text with spacing and punctuation folded, so near-copies match."""
    return re.sub(r"[\W_]+", "", paragraph.casefold())


@cache
def boilerplate_rules() -> tuple[dict[str, Any], ...]:
    rules = load_toml("boilerplate.toml")["rule"]
    return tuple({**rule, "regex": re.compile(rule["pattern"], re.IGNORECASE)} for rule in rules)


@cache
def metadata_rule() -> dict[str, Any]:
    return cast(dict[str, Any], load_toml("boilerplate.toml")["metadata_token"])


_METADATA = re.compile(metadata_rule()["pattern"], re.IGNORECASE)


def _strip_metadata_tokens(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without its leading metadata tokens (all of them: cleaning twice
    must give the same text), and the tokens."""
    tokens = []
    while match := _METADATA.match(paragraph):
        tokens.append(match.group())
        paragraph = paragraph[match.end() :]
    return paragraph, tokens


def clean_field(value: str) -> str:
    """A metadata value on one line, without control or invisible characters."""
    return " ".join(normalize(str(value)).split())
