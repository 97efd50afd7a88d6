"""Cue matching for codebooks and word lexicons: whole words, any case, common endings.

A cue is written as plain words (`sanction`, `human right`, `price tag`) and matches
them at word boundaries in any case, with regular plural and verb endings
(`sanction` matches sanctions, sanctioned, sanctioning). Four marks make simple
patterns: `econom*` matches any word starting with `econom`; `_` stands for one to three
words (`call on _ to` matches "called on New Delhi to"); `#` stands for a number
(`may #` matches "May 2019"); `=word` matches that exact word form only. Hyphens count as spaces ("air-defense" matches the cue `air defense`) and a
possessive 's is ignored ("India's economy" matches `india economy`).

Each group of cues (a frame, a lexicon layer) is matched on its own: at each position its
longest cue wins, so `trade war` is one match, not `trade` plus `war`. One Matcher holds
all groups, so a text is scanned once however many frames a codebook has.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal, NamedTuple

from ..text import Document, SpanSet, voice_at

TOKEN = re.compile(r"[^\W_]+")
# A token, unless it is the `s` of a possessive ("India's"), which cues ignore: that is the
# one token that can end in an s right after an apostrophe.
WORD = re.compile(r"[^\W_]+(?<!['’][sS])")
VOWELS = "aeiou"
MIN_INFLECTED_LENGTH = 3  # "us", "un": too short to inflect safely
MIN_PREFIX_LENGTH = 3
MAX_GAP_WORDS = 3
# A cue is a phrase: longer ones, or more gaps, are refused when the codebook is loaded.
MAX_CUE_POSITIONS = 12
MAX_CUE_GAPS = 4
# Where a cue was matched: in narration, in a quotation, or in the headline.
CueVoice = Literal["narration", "quoted", "headline"]
GAP, NUMBER, PREFIX_MARK, EXACT_MARK = "_", "#", "*", "="


class CueSyntaxError(ValueError):
    """A cue string that cannot be compiled; the message says why."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a stretch of text, lower-cased, and the regex matches that found them
    (for their offsets)."""

    words: tuple[str, ...]
    matches: tuple[re.Match[str], ...]


@dataclass(frozen=True, slots=True)
class Part:
    """One position of a compiled cue: a set of word forms, a prefix, a number, or a gap."""

    forms: frozenset[str] = frozenset()
    prefix: str = ""
    number: bool = False
    gap: bool = False

    def accepts(self, word: str) -> bool:
        if self.number:
            return word.isdigit()
        return word in self.forms or (bool(self.prefix) and word.startswith(self.prefix))


@dataclass(frozen=True, slots=True)
class Entry:
    """A cue as written in a data file, owned by a group (a frame or a lexicon layer)."""

    cue: str
    group: str
    weight: float = 1.0
    negative: bool = False


class Hit(NamedTuple):
    """One entry matched at [start, end) of the text (a tuple: made by the hundred)."""

    entry: Entry
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CueMatch:
    """Words that matched a cue, as evidence: offsets into the article (or the headline)."""

    cue: str
    text: str
    start: int
    end: int
    weight: float
    voice: CueVoice


def as_evidence(text: str, hits: Iterable[Hit], quoted: SpanSet) -> tuple[CueMatch, ...]:
    """Hits as CueMatch evidence, each marked narration or quoted by where it starts."""
    return tuple(
        [
            CueMatch(entry.cue, text[start:end], start, end, entry.weight, voice_at(quoted, start))
            for entry, start, end in hits
        ]
    )


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The words of text[start:end]; the `s` of a possessive is dropped."""
    matches = tuple(WORD.finditer(text, start, len(text) if end is None else end))
    return Tokens(tuple(map(str.lower, map(re.Match.group, matches))), matches)


def sentence_tokens(doc: Document) -> tuple[Tokens, ...]:
    """The words of each sentence, tokenized once for every matcher that reads them."""
    return tuple(tokenize(doc.text, sentence.start, sentence.end) for sentence in doc.sentences)


def inflections(word: str) -> frozenset[str]:
    """The word and its regular plural, third-person, past and -ing forms."""
    forms = {word}
    if len(word) < MIN_INFLECTED_LENGTH or not word.isalpha():
        return frozenset(forms)
    consonant_y = word.endswith("y") and word[-2] not in VOWELS
    if consonant_y:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    elif word.endswith("ie"):
        forms |= {word + "s", word + "d", word[:-2] + "ying"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
    if _ends_consonant_vowel_consonant(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


def _ends_consonant_vowel_consonant(word: str) -> bool:
    a, b, c = tuple(word[-3:])
    return a not in VOWELS and b in VOWELS and c not in VOWELS + "wxy"


def compile_cue(cue: str) -> tuple[Part, ...]:
    """The parts of a cue string; raises CueSyntaxError for an unusable cue."""
    parts: list[Part] = []
    for chunk in cue.replace("-", " ").split():
        if chunk == GAP:
            parts.append(Part(gap=True))
        elif chunk == NUMBER:
            parts.append(Part(number=True))
        elif chunk.endswith(PREFIX_MARK):
            stem = chunk[:-1].lower()
            if len(stem) < MIN_PREFIX_LENGTH or not TOKEN.fullmatch(stem):
                raise CueSyntaxError(
                    f"cue {cue!r}: a `*` pattern needs {MIN_PREFIX_LENGTH}+ letters before it"
                )
            parts.append(Part(prefix=stem))
        elif chunk.startswith(EXACT_MARK):
            parts.extend(Part(forms=frozenset([word])) for word in tokenize(chunk[1:]).words)
        else:
            parts.extend(Part(forms=inflections(word)) for word in tokenize(chunk).words)
    if not any(part.forms or part.prefix for part in parts):
        raise CueSyntaxError(f"cue {cue!r} has no words")
    if parts[0].gap or parts[-1].gap:
        raise CueSyntaxError(f"cue {cue!r}: `_` must stand between words")
    if len(parts) > MAX_CUE_POSITIONS or sum(part.gap for part in parts) > MAX_CUE_GAPS:
        raise CueSyntaxError(
            f"cue {cue[:60]!r}: a cue is a phrase of at most {MAX_CUE_POSITIONS} words "
            f"with at most {MAX_CUE_GAPS} `_` gaps"
        )
    return tuple(parts)


_Compiled = tuple[int, Entry, tuple[Part, ...]]  # with the entry's place in the list


class Matcher:
    """Finds entries in text, each group on its own; see `find`."""

    def __init__(self, entries: Iterable[Entry]):
        # Compiled entries by what their first words can be: a word form, the first
        # MIN_PREFIX_LENGTH letters of a `*` stem, or any number. Cues that begin with two
        # word forms are filed under both ("the public"), so a "the" alone tries nothing.
        self._by_form: dict[str, list[_Compiled]] = {}
        self._by_pair: dict[str, dict[str, list[_Compiled]]] = {}
        self._by_prefix: dict[str, list[tuple[str, _Compiled]]] = {}
        self._by_number: list[_Compiled] = []
        for index, entry in enumerate(entries):
            parts = compile_cue(entry.cue)
            compiled = (index, entry, parts)
            first, second = parts[0], parts[1] if len(parts) > 1 else Part()
            for form in first.forms:
                if second.forms:
                    following = self._by_pair.setdefault(form, {})
                    for next_form in second.forms:
                        following.setdefault(next_form, []).append(compiled)
                else:
                    self._by_form.setdefault(form, []).append(compiled)
            if first.prefix:
                bucket = self._by_prefix.setdefault(first.prefix[:MIN_PREFIX_LENGTH], [])
                bucket.append((first.prefix, compiled))
            if first.number:
                self._by_number.append(compiled)

    def find(self, tokens: Tokens) -> list[Hit]:
        """Positive hits in text order, as if each group had a matcher of its own.

        A group's scan runs left to right and takes the longest of its cues at each
        position, then resumes after it; groups never hide each other's cues. Entries of
        equal length count once (the heaviest); a negative entry that wins a span blocks
        its group there (`trade war` listed as negative under security stops the `war`
        in it from counting).
        """
        hits: list[Hit] = []
        resume: dict[str, int] = {}  # per group, the first position its scan has not passed
        words, matches = tokens.words, tokens.matches
        forms, pairs, prefixes = self._by_form, self._by_pair, self._by_prefix
        numbers = bool(self._by_number)
        for position, (word, after) in enumerate(pairwise((*words, ""))):
            # Most words start no cue: rule them out before listing candidates (hot loop).
            if not (
                word in forms
                or (word in pairs and after in pairs[word])
                or word[:MIN_PREFIX_LENGTH] in prefixes
                or (numbers and word.isdigit())
            ):
                continue
            longest: dict[str, tuple[int, list[Entry]]] = {}
            for _, entry, parts in self._candidates(word, after):
                group = entry.group
                if resume.get(group, 0) > position:
                    continue
                # A candidate's first word matches by construction, and most cues are one word.
                covered = _covered(parts, words, position) if len(parts) > 1 else 1
                if not covered:
                    continue
                best = longest.get(group)
                if best is None or covered > best[0]:
                    longest[group] = (covered, [entry])
                elif covered == best[0]:
                    best[1].append(entry)
            for group, (length, entries) in longest.items():
                resume[group] = position + length
                winner = _winner(entries)
                if winner:
                    end = matches[position + length - 1].end()
                    hits.append(Hit(winner, matches[position].start(), end))
        return hits

    def find_each(self, sentences: Sequence[Tokens]) -> dict[str, dict[int, list[Hit]]]:
        """Per group, the hits of every sentence that has some, by sentence index."""
        found: dict[str, dict[int, list[Hit]]] = {}
        for index, tokens in enumerate(sentences):
            for hit in self.find(tokens):
                found.setdefault(hit.entry.group, {}).setdefault(index, []).append(hit)
        return found

    def _candidates(self, word: str, after: str) -> list[_Compiled]:
        """The entries whose first words match `word` (and `after` it), in the order they
        were given among those starting with a word form, then `*` cues, then number cues."""
        found = self._by_form.get(word, [])
        pairs = self._by_pair.get(word, {}).get(after)
        if pairs:
            found = sorted(found + pairs) if found else pairs
        bucket = self._by_prefix.get(word[:MIN_PREFIX_LENGTH])
        if bucket:
            found = found + [compiled for stem, compiled in bucket if word.startswith(stem)]
        if self._by_number and word.isdigit():
            found = found + self._by_number
        return found


def _winner(entries: Sequence[Entry]) -> Entry | None:
    """The heaviest of one group's entries matching a span (the first of equals): words
    count once per frame or layer. None when one of them is negative."""
    winner = entries[0]
    for entry in entries:
        if entry.negative:
            return None
        if entry.weight > winner.weight:
            winner = entry
    return winner


def _covered(parts: Sequence[Part], words: Sequence[str], position: int) -> int:
    """How many words the parts cover when matched from `position` (0: no match). A gap
    takes the fewest words (1 to MAX_GAP_WORDS) that let the rest match; each (part,
    position) is tried once, so the time is linear in the cue's length, whatever its gaps."""
    memo: dict[tuple[int, int], int] = {}

    def cover(index: int, at: int) -> int:  # -1: no match
        if index == len(parts):
            return 0
        if (index, at) in memo:
            return memo[index, at]
        found, part = -1, parts[index]
        if part.gap:
            for skip in range(1, MAX_GAP_WORDS + 1):
                if (rest := cover(index + 1, at + skip)) >= 0:
                    found = skip + rest
                    break
        elif (
            at < len(words) and part.accepts(words[at]) and (rest := cover(index + 1, at + 1)) >= 0
        ):
            found = 1 + rest
        memo[index, at] = found
        return found

    return max(0, cover(0, position))
