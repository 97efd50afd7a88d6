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


@contextmanager
def one_article() -> Iterator[None]:
    """Remember what the phrases of one article describe, until the block ends."""
    reset = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(reset)


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
