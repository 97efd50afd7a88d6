"""What the coverage matrix reads in a sentence besides its words, so one fact told in
other words still matches: predicates in one class (`blocked` = `prevented`), attribution
left out (`said`), numbers in one form (`7,176,141` = `7.18 million`, `five` = `5`).
The word lists are data/fact_lexicon.toml, validated when loaded.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..datafile import fail, line_of, parse_toml
from ..resources import DATA
from .entities import NUMBER, _lexicon, _rounded, _value

LEXICON = "fact_lexicon.toml"
# A four-digit whole number in this range is a year: kept exact, not rounded to 2,000
YEARS = range(1800, 2200)


@dataclass(frozen=True)
class FactLexicon:
    """Stems left out (attribution), stems read as a predicate, number words' values."""

    attribution: frozenset[str]
    predicates: dict[str, str]
    numbers: dict[str, float]


def fact_term(stem: str, lexicon: FactLexicon) -> str | None:
    """A stemmed word as a fact term: its predicate class, itself, or None (attribution)."""
    if stem in lexicon.attribution:
        return None
    if stem in lexicon.predicates:
        return f"predicate:{lexicon.predicates[stem]}"
    if stem in lexicon.numbers:
        return number_key(lexicon.numbers[stem])
    return stem


def number_terms(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[str]:
    """The figures of text[start:end] outside `taken` spans (amounts and percentages, which
    are entities already), as keys that other ways of writing the figure share."""
    found = []
    for match in _figure().finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(number_key(_value(match[1], match[2]), exact=match[2] is None))
    return found


def number_key(value: float, exact: bool = True) -> str:
    """`number:` and the value to two significant digits, as the entity matrix keys large
    numbers (`7.2 million`); a year stays whole (`2023`, not `2,000`)."""
    if exact and value.is_integer() and int(value) in YEARS:
        return f"number:{int(value)}"
    return f"number:{_rounded(value)}"


def is_figure(word: str) -> bool:
    """A word that is only digits with separators (`5,000`, `50.49`): `number_terms` reads it."""
    return bool(re.fullmatch(r"[\d.,]+", word))


@cache
def _figure() -> re.Pattern[str]:
    """A figure, with its magnitude word when one follows (`7.18 million`)."""
    scales = "|".join(word for word in _lexicon()["magnitudes"] if len(word) > 2)
    return re.compile(rf"(?<![\w.,])({NUMBER})(?:\s({scales})\b)?")


@cache
def stem(word: str) -> str:
    """Snowball (Porter 2) English stem, so `sanctions`, `sanctioned` match; acronyms as
    they are."""
    return word if word.isupper() else _stemmer().stemWord(word)


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cache
def fact_lexicon() -> FactLexicon:
    """The package's fact lexicon (data/fact_lexicon.toml)."""
    return parse_fact_lexicon(DATA.joinpath(LEXICON).read_text("utf-8"), LEXICON)


def parse_fact_lexicon(text: str, source: str) -> FactLexicon:
    """A fact lexicon from TOML text; a DataFileError names the line of any bad entry."""
    data = parse_toml(text, source)
    owner: dict[str, str] = {}

    def claim(word: Any, where: str, line: int) -> str:
        if not (isinstance(word, str) and word.strip() and word == word.lower()):
            raise fail(source, line, where, f"{word!r} is not a lower-case word")
        key = stem(word)
        if owner.setdefault(key, where) != where:
            raise fail(source, line, where, f"{word!r} is already read by {owner[key]}")
        return key

    attribution = _table(data, "attribution", source)
    words = attribution.get("words")
    if not isinstance(words, list):
        raise fail(source, _line(text, "attribution"), "[attribution]", "needs `words = [...]`")
    stems = frozenset(claim(w, "[attribution]", _line(text, "attribution")) for w in words)
    numbers: dict[str, float] = {}
    for word, value in _table(data, "numbers", source).items():
        if word == "reason":
            continue
        if not (isinstance(value, int | float) and value > 0):
            raise fail(source, _line(text, "numbers"), f"[numbers] {word}", "needs a number > 0")
        numbers[claim(word, "[numbers]", _line(text, "numbers"))] = float(value)
    predicates: dict[str, str] = {}
    entries = data.get("predicate", [])
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        line = line_of(text, "predicate", index)
        name, members = entry.get("name"), entry.get("words")
        if not (isinstance(name, str) and name and isinstance(entry.get("reason"), str)):
            raise fail(source, line, "[[predicate]]", "needs a `name` and a `reason`")
        if not (isinstance(members, list) and members):
            raise fail(source, line, f"predicate {name}", "needs `words = [...]`")
        for word in members:
            predicates[claim(word, f"predicate {name}", line)] = name
    return FactLexicon(stems, predicates, numbers)


def _table(data: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    table = data.get(name)
    if not (isinstance(table, dict) and isinstance(table.get("reason"), str)):
        raise fail(source, 1, f"[{name}]", "needs the table with a `reason`")
    return table


def _line(text: str, table: str) -> int:
    lines = text.splitlines()
    return next((n + 1 for n, line in enumerate(lines) if line.strip() == f"[{table}]"), 1)
