"""One article's memo: an article names the same few speakers again and again (`Okafor`,
`the official`); within `one_article()`, the phrase tests work each phrase out once.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar, cast

# --- one article's memo ------------------------------------------------------------------

# An article names the same few speakers again and again (`Okafor`, `the official`);
# within `one_article()`, `describe` and the tests it makes work each phrase out once.
_MEMO: ContextVar[dict[tuple[Callable[..., Any], tuple[str, ...]], Any] | None] = ContextVar(
    "speakers_memo", default=None
)
Result = TypeVar("Result")


# The words of the personal names the article's actor mentions give (`Otieno`), so that
# `Otieno’s chief agent` is not read as an organisation's post.
_PEOPLE: ContextVar[frozenset[str]] = ContextVar("speakers_people", default=frozenset())


@contextmanager
def one_article(people: frozenset[str] = frozenset()) -> Iterator[None]:
    """Remember what the phrases of one article describe, until the block ends."""
    reset = _MEMO.set({})
    reset_people = _PEOPLE.set(people)
    try:
        yield
    finally:
        _MEMO.reset(reset)
        _PEOPLE.reset(reset_people)


def personal_name_words() -> frozenset[str]:
    """The words of the people's names in the article being read."""
    return _PEOPLE.get()


def per_article(function: Callable[..., Result]) -> Callable[..., Result]:
    @wraps(function)
    def remembered(*args: str) -> Result:
        memo = _MEMO.get()
        if memo is None:
            return function(*args)
        key = (function, args)
        if key not in memo:
            memo[key] = function(*args)
        return cast(Result, memo[key])

    return remembered
