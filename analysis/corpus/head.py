"""The head of an article's text: a headline on its first line and a date line near the
top, taken as the article's title and date. The date line is removed from the text (it is
no sentence); the headline stays, since it is what every reader sees first and its
quotes and tone count (as in a manifest's article whose title the text repeats).

A text file has no other place for its metadata; explicit metadata (a manifest, the
fields a user typed) still wins over what the head says.
"""

import re
from datetime import date

from .article import Removal
from .clean import boilerplate_reason

# A headline is short: news headlines run 6 to 14 words; a lede sentence runs 20 to 40.
MIN_HEADLINE_WORDS = 2
MAX_HEADLINE_WORDS = 20
# A line ending so is a sentence or runs on into the next (a headline may ask a question).
SENTENCE_END = tuple(".,;:…")
CLOSING_QUOTES = "\"'”’»)"
BYLINE = re.compile(r"by\s", re.IGNORECASE)
# `date 2024-05-01`, `Date: 2024-05-01` (also published/updated) alone on a line, among
# the first HEAD_LINES lines with text.
DATE_LINE = re.compile(
    r"(?:date|published|updated)\s*:?\s*(?P<value>\d{4}-\d{2}-\d{2})", re.IGNORECASE
)
HEAD_LINES = 5
MARKDOWN_HEADING = re.compile(r"\A#{1,6}\s+")
HEADING = "Markdown heading mark"
DATE_REASON = "date line"


def split_head(text: str) -> tuple[str, dict[str, str], tuple[Removal, ...]]:
    """`text` (normalised) without its date line (and a Markdown heading's `#`), the
    metadata the head gives (`title`, `date`), and the removals.

    The first line with text is the headline when it looks like one
    (`looks_like_headline`), a blank line follows it and the next text does not continue
    it in lower case; the rest of the text must not be empty.
    """
    lines = text.split("\n")
    found: dict[str, str] = {}
    removed: list[Removal] = []
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for index in filled[:HEAD_LINES]:
        match = DATE_LINE.fullmatch(lines[index].strip())
        if match and _is_date(match.group("value")):
            found["date"] = match.group("value")
            removed.append(Removal(lines[index].strip(), DATE_REASON, 0))
            lines[index] = ""
            break
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if len(filled) >= 2:
        first = filled[0]
        line = MARKDOWN_HEADING.sub("", lines[first].strip())
        blank_after = first + 1 < len(lines) and not lines[first + 1].strip()
        # A next paragraph that starts in lower case continues a sentence broken by a
        # stray blank line.
        continued = lines[filled[1]].lstrip()[:1].islower()
        if blank_after and not continued and looks_like_headline(line):
            found["title"] = line
            if line != lines[first].strip():
                removed.insert(0, Removal(lines[first].strip()[: -len(line)].strip(), HEADING, 0))
                lines[first] = line
    if not removed:
        return text, found, ()
    return "\n".join(lines), found, tuple(removed)


def looks_like_headline(line: str) -> bool:
    """A short line (MIN_HEADLINE_WORDS to MAX_HEADLINE_WORDS words) that starts with a
    capital or a digit and does not end like a sentence; not a byline or page furniture."""
    words = line.split()
    first = next((char for char in line if char.isalnum()), "")
    return (
        MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        and (first.isupper() or first.isdigit())
        and not line.rstrip(CLOSING_QUOTES).endswith(SENTENCE_END)
        and not BYLINE.match(line)
        and boilerplate_reason(line, ()) is None
    )


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
