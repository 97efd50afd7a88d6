"""Word and punctuation tokens with offsets, and the quick word screen that spares most
sentences from being tokenized at all.
"""

import re
from functools import cache
from typing import NamedTuple

from ..resources import load_toml


@cache
def _token_pattern() -> re.Pattern[str]:
    """Words, with the periods of initialisms and title abbreviations kept (`U.S.`,
    `Brig.`, `Sen.`: the sentence splitter's list of abbreviations that never end a
    sentence), masked quotations as one token, and punctuation marks one by one."""
    titles = sorted(load_toml("abbreviations.toml")["never_final"], key=len, reverse=True)
    titles = [re.escape(title) for title in titles if title[:1].isupper()]
    # The lookahead on first letters spares most words a try of every title.
    initials = "".join(sorted({title[0] for title in titles}))
    return re.compile(
        r"▮+"
        r"|(?:[A-Z]\.){2,}(?:-[\w’']+)*"
        rf"|(?<![\w.])(?=[{initials}])(?:{'|'.join(titles)})\.(?=\s)"
        r"|\w(?:[\w’'\-.&]*\w)?"
        r"|[^\w\s]"
    )


class Token(NamedTuple):
    """A word or punctuation mark with its offsets, lower-cased once: the rules look at
    `lower` thousands of times per article. A named tuple, as an article has hundreds of
    tokens and a frozen dataclass takes twice as long to build."""

    text: str
    start: int
    end: int
    lower: str
    capitalized: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    tokens = []
    for match in _token_pattern().finditer(text, start, end):
        word = match.group()
        tokens.append(Token(word, match.start(), match.end(), word.lower(), word[:1].isupper()))
    return tokens


_WORD_START = re.compile(r"\w")


def starts_word(token: str) -> bool:
    """Whether a token is a word (not punctuation or a masked quotation)."""
    return _WORD_START.match(token) is not None


_LETTERS_ONLY = bytes(c if ord("a") <= c <= ord("z") else ord(" ") for c in range(256))


def _fold(text: str) -> str:
    """`text` lower-cased as re.IGNORECASE compares it, one character for one: IGNORECASE
    also takes `ı` and `ſ` for `i` and `s`, and `İ` (which str.lower would make two
    characters) for `i` (checked against every code point)."""
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


def word_screen(text: str) -> frozenset[str]:
    """The runs of a–z in `text`, lower-cased as re.IGNORECASE compares it, found with string
    methods only. Every lower-case token made of letters is one, and wherever such a
    pattern matches an ASCII phrase between word boundaries or spaces, the phrase's words
    are among them: so a sentence without them is spared the tokens or the pattern."""
    letters = _fold(text).encode("ascii", "replace").translate(_LETTERS_ONLY)
    return frozenset(letters.decode().split())
