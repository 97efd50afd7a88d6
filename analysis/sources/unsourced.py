"""Unsourced claims: statements attributed to nobody in particular (`reportedly`, `critics
say`, `it is understood`), found by the phrases in attribution.toml.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from ..knowledge.trie import trie_pattern
from ..knowledge.verbs import reporting_verbs
from .lexicon import words
from .model import Unsourced, UnsourcedKind
from .records import Context
from .tokens import word_screen

# --- unsourced claims --------------------------------------------------------------------


@dataclass(frozen=True)
class _UnsourcedRule:
    """One pattern of unsourced claims, and the phrases it cannot match without (one of
    each group, as sets of words), so that it only runs on sentences that have them."""

    kind: UnsourcedKind
    pattern: re.Pattern[str]
    needs: tuple[tuple[frozenset[str], ...], ...]
    screen: re.Pattern[str] | None = None  # part of every match, quicker to search for

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        if self.screen is None or self.screen.search(text):
            yield from self.pattern.finditer(text)

    def may_match(self, words: frozenset[str]) -> bool:
        return all(any(phrase <= words for phrase in group) for group in self.needs)

    def within(self, words: frozenset[str]) -> "_UnsourcedRule":
        """The rule needing only the phrases whose words are in `words` (the article's)."""
        needs = tuple(tuple(phrase for phrase in group if phrase <= words) for group in self.needs)
        return replace(self, needs=needs)


@cache
def _unsourced_rules() -> tuple[_UnsourcedRule, ...]:
    data = words()["unsourced"]

    def alternation(items: list[str]) -> str:
        """Any of `items`, longest first (a trie: one pass, not one try per item)."""
        return f"(?:{trie_pattern(item.lower() for item in items)})"

    def phrase_words(items: list[str]) -> tuple[frozenset[str], ...]:
        return tuple(word_screen(item) for item in items)

    auxiliaries = r"(?:(?:have|has|had|also|now|still|long|increasingly)\s+)*"
    modifier = r"(?:[\w.’'\-]+\s+){0,3}?"
    group_says = rf"{alternation(data['group'])}\s+{auxiliaries}{alternation(data['verbs'])}\b"
    group = rf"\b(?:{alternation(data['quantifier'])}\s+)?{modifier}{group_says}"
    beliefs = [verb for verb in data["verbs"] if verb.split()[0] not in reporting_verbs()]
    quantified = (
        rf"\b{alternation(data['quantifier'])}\s+{modifier}\w+s\s+{auxiliaries}"
        rf"{alternation(beliefs)}\b"
    )
    return (
        _UnsourcedRule(
            "adverb",
            re.compile(rf"\b{alternation(data['adverb'])}\b", re.IGNORECASE),
            (phrase_words(data["adverb"]),),
        ),
        _UnsourcedRule(
            "passive",
            re.compile(rf"\b{alternation(data['passive'])}\b", re.IGNORECASE),
            (phrase_words(data["passive"]),),
        ),
        _UnsourcedRule(
            "group",
            re.compile(group, re.IGNORECASE),
            (phrase_words(data["group"]), phrase_words(data["verbs"])),
            re.compile(group_says, re.IGNORECASE),
        ),
        _UnsourcedRule(
            "group",
            re.compile(quantified, re.IGNORECASE),
            (phrase_words(data["quantifier"]), phrase_words(beliefs)),
        ),
    )


def find_unsourced(context: Context) -> tuple[Unsourced, ...]:
    article = frozenset().union(*context.words)
    rules = [rule.within(article) for rule in _unsourced_rules() if rule.may_match(article)]
    found: dict[int, Unsourced] = {}
    for number, sentence in enumerate(context.document.sentences):
        text = context.masked[sentence.start : sentence.end]
        for rule in rules:
            if not rule.may_match(context.words[number]):
                continue
            for match in rule.matches(text):
                start = sentence.start + match.start()
                if not any(u.start <= start < u.end for u in found.values()):
                    found[start] = Unsourced(
                        start, sentence.start + match.end(), match.group(), rule.kind, number
                    )
    return tuple(found[start] for start in sorted(found))
