"""Shared quotes: the same statement quoted by several outlets, and how each cut it."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..report import Report
from ..text import WORD
from .columns import MIN_COLUMNS
from .coverage import normal_word

MIN_QUOTE_WORDS = 3  # quotations shorter than this are scare quotes or terms, not quotes
# Two quotations are one when the words they share in a row make up at least three
# quarters of the shorter (a trimmed quote lies wholly in the longer one), or are this
# many words long whatever their share. A stock phrase shared by two different statements
# ("all of our allies and partners" in 24 words, "partners like India" in 6) is neither.
SHARED_QUOTE_SHARE = 0.75
SHARED_QUOTE_WORDS = 8


@dataclass(frozen=True)
class QuoteUse:
    """One column's version of a shared quotation."""

    column: str
    article: str
    sentence: int
    start: int
    end: int
    text: str
    words: int
    speaker: str
    speaker_type: str
    country: str


@dataclass(frozen=True)
class SharedQuote:
    """The same quotation in several columns; `trimmed` when the versions differ in length
    or extent, `common` the longest run of words all versions share."""

    common: str
    columns: tuple[str, ...]
    trimmed: bool
    uses: tuple[QuoteUse, ...]


# --- shared quotes --------------------------------------------------------------------


def _quote_words(text: str) -> list[str]:
    return [normal_word(m.group()).lower() for m in WORD.finditer(text)]


def shared_quotes(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[SharedQuote, ...]:
    """The same quotation in two or more columns, matched on a long enough run of words
    (see `same_quotation`). Quotes come from `analysis.sources` (words inside quotation
    marks that have a speaker; scare quotes are not quotes), each with its speaker."""
    uses: list[QuoteUse] = []
    words: list[list[str]] = []
    for report in reports:
        for quote in report.sources.quotes:
            quoted = _quote_words(quote.text)
            if quote.kind == "indirect" or len(quoted) < MIN_QUOTE_WORDS:
                continue
            uses.append(
                QuoteUse(
                    column_of[report.article.id],
                    report.article.id,
                    quote.sentence,
                    quote.start,
                    quote.end,
                    quote.text,
                    len(quoted),
                    quote.speaker,
                    quote.speaker_type or "",
                    quote.country,
                )
            )
            words.append(quoted)
    # one version per distinct wording: its copies in other columns are the same quotation
    version_of: dict[tuple[str, ...], int] = {}
    versions: list[list[int]] = []
    for index, quoted in enumerate(words):
        number = version_of.setdefault(tuple(quoted), len(versions))
        if number == len(versions):
            versions.append([])
        versions[number].append(index)
    columns_of = [{uses[m].column for m in members} for members in versions]
    parent = list(range(len(versions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Uses are joined when they are in different columns and the same quotation. Two
    # matching versions' uses then form a complete multipartite graph by column: one
    # component when they span two columns, otherwise no edge at all.
    wordings = [words[members[0]] for members in versions]
    for a, b in _candidate_pairs(wordings):
        if (
            root(a) != root(b)
            and len(columns_of[a] | columns_of[b]) >= MIN_COLUMNS
            and same_quotation(wordings[a], wordings[b])
        ):
            parent[root(b)] = root(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(versions)):
        groups[root(number)].append(number)
    result = []
    for numbers in sorted(groups.values(), key=lambda found: versions[found[0]][0]):
        members = sorted(m for number in numbers for m in versions[number])
        columns = tuple(dict.fromkeys(uses[m].column for m in members))
        if len(columns) < MIN_COLUMNS:
            continue
        result.append(
            SharedQuote(
                " ".join(common_run([wordings[number] for number in sorted(numbers)])),
                columns,
                len(numbers) > 1,
                tuple(uses[m] for m in members),
            )
        )
    return tuple(
        sorted(result, key=lambda q: (-len(q.columns), q.uses[0].article, q.uses[0].start))
    )


def _candidate_pairs(words: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Pairs of quotations sharing a run of `MIN_QUOTE_WORDS` words: only they can match."""
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for number, quoted in enumerate(words):
        for i in range(len(quoted) - MIN_QUOTE_WORDS + 1):
            index[tuple(quoted[i : i + MIN_QUOTE_WORDS])].add(number)
    return sorted({(a, b) for found in index.values() for a in found for b in found if a < b})


def same_quotation(first: Sequence[str], second: Sequence[str]) -> bool:
    """Do two quotations (as word lists) share enough consecutive words to be one?"""
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match()
    shorter = min(len(first), len(second))
    return match.size >= SHARED_QUOTE_WORDS or (
        match.size >= MIN_QUOTE_WORDS and match.size >= SHARED_QUOTE_SHARE * shorter
    )


def common_run(versions: Sequence[Sequence[str]]) -> list[str]:
    """The longest run of consecutive words found in every version."""
    common = list(versions[0])
    for version in versions[1:]:
        match = SequenceMatcher(None, common, version, autojunk=False).find_longest_match()
        common = common[match.a : match.a + match.size]
    return common
