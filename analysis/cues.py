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
from typing import Literal

from .text import Document, Span, covers

TOKEN = re.compile(r"[^\W_]+")
APOSTROPHES = "'’"
VOWELS = "aeiou"
MIN_INFLECTED_LENGTH = 3  # "us", "un": too short to inflect safely
MIN_PREFIX_LENGTH = 3
MAX_GAP_WORDS = 3
GAP, NUMBER, PREFIX_MARK, EXACT_MARK = "_", "#", "*", "="
Voice = Literal["narration", "quoted", "headline"]


class CueSyntaxError(ValueError):
    """A cue string that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Token:
    """One word of the text, lower-cased, with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Entry:
    """A cue as written in a data file, owned by a group (a frame or a lexicon layer)."""

    cue: str
    group: str
    weight: float = 1.0
    negative: bool = False


@dataclass(frozen=True)
class Hit:
    """One entry matched at [start, end) of the text."""

    entry: Entry
    start: int
    end: int


@dataclass(frozen=True)
class CueMatch:
    """Words that matched a cue, as evidence: offsets into the article (or the headline)."""

    cue: str
    text: str
    start: int
    end: int
    weight: float
    voice: Voice


def as_evidence(text: str, hits: Iterable[Hit], quoted: Sequence[Span]) -> tuple[CueMatch, ...]:
    """Hits as CueMatch evidence, each marked narration or quoted by where it starts."""
    return tuple(
        CueMatch(
            hit.entry.cue,
            text[hit.start : hit.end],
            hit.start,
            hit.end,
            hit.entry.weight,
            "quoted" if covers(quoted, hit.start) else "narration",
        )
        for hit in hits
    )


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Lower-cased words of text[start:end]; the `s` of a possessive is dropped."""
    end = len(text) if end is None else end
    tokens = []
    for match in TOKEN.finditer(text, start, end):
        word = match.group().lower()
        if word == "s" and match.start() > 0 and text[match.start() - 1] in APOSTROPHES:
            continue
        tokens.append(Token(word, match.start(), match.end()))
    return tokens


def sentence_tokens(doc: Document) -> tuple[list[Token], ...]:
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
    a, b, c = word[-3:]
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
            words = [token.text for token in tokenize(chunk[1:])]
            parts.extend(Part(forms=frozenset([word])) for word in words)
        else:
            words = [token.text for token in tokenize(chunk)]
            parts.extend(Part(forms=inflections(word)) for word in words)
    if not any(part.forms or part.prefix for part in parts):
        raise CueSyntaxError(f"cue {cue!r} has no words")
    if parts[0].gap or parts[-1].gap:
        raise CueSyntaxError(f"cue {cue!r}: `_` must stand between words")
    return tuple(parts)


class Matcher:
    """Finds entries in text, each group on its own; see `find`."""

    def __init__(self, entries: Iterable[Entry]):
        self._compiled: list[tuple[Entry, tuple[Part, ...]]] = []
        self._by_form: dict[str, list[int]] = {}
        # `*` cues by their first MIN_PREFIX_LENGTH letters: a word is checked against
        # the few that can match it, not every `*` cue of the codebook.
        self._by_prefix: dict[str, list[tuple[str, int]]] = {}
        self._by_number: list[int] = []
        for entry in entries:
            parts = compile_cue(entry.cue)
            index = len(self._compiled)
            self._compiled.append((entry, parts))
            for form in parts[0].forms:
                self._by_form.setdefault(form, []).append(index)
            if parts[0].prefix:
                stem = parts[0].prefix
                self._by_prefix.setdefault(stem[:MIN_PREFIX_LENGTH], []).append((stem, index))
            if parts[0].number:
                self._by_number.append(index)

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """Positive hits in text order, as if each group had a matcher of its own.

        A group's scan runs left to right and takes the longest of its cues at each
        position, then resumes after it; groups never hide each other's cues. Entries of
        equal length count once (the heaviest); a negative entry that wins a span blocks
        its group there (`trade war` listed as negative under security stops the `war`
        in it from counting).
        """
        hits: list[Hit] = []
        resume: dict[str, int] = {}  # per group, the first position its scan has not passed
        forms, prefixes, numbers = self._by_form, self._by_prefix, bool(self._by_number)
        for position, token in enumerate(tokens):
            word = token.text
            # Most words start no cue: rule them out before listing candidates (hot loop).
            if not (
                word in forms
                or word[:MIN_PREFIX_LENGTH] in prefixes
                or (numbers and word.isdigit())
            ):
                continue
            longest: dict[str, tuple[int, list[Entry]]] = {}
            for index in self._candidates(word):
                entry, parts = self._compiled[index]
                if resume.get(entry.group, 0) > position:
                    continue
                covered = _covered(parts, tokens, position)
                if not covered:
                    continue
                length, best = longest.get(entry.group, (0, []))
                if covered > length:
                    longest[entry.group] = (covered, [entry])
                elif covered == length:
                    best.append(entry)
            for group, (length, best) in longest.items():
                resume[group] = position + length
                winner = _winner(best)
                if winner:
                    hits.append(Hit(winner, token.start, tokens[position + length - 1].end))
        return hits

    def find_each(self, sentences: Sequence[Sequence[Token]]) -> dict[str, dict[int, list[Hit]]]:
        """Per group, the hits of every sentence that has some, by sentence index."""
        found: dict[str, dict[int, list[Hit]]] = {}
        for index, tokens in enumerate(sentences):
            for hit in self.find(tokens):
                found.setdefault(hit.entry.group, {}).setdefault(index, []).append(hit)
        return found

    def _candidates(self, word: str) -> list[int]:
        found = list(self._by_form.get(word, ()))
        bucket = self._by_prefix.get(word[:MIN_PREFIX_LENGTH], ())
        found += [index for prefix, index in bucket if word.startswith(prefix)]
        if word.isdigit():
            found += self._by_number
        return found


def _winner(entries: Sequence[Entry]) -> Entry | None:
    """The heaviest of one group's entries matching a span (the first of equals): words
    count once per frame or layer. None when one of them is negative."""
    if any(entry.negative for entry in entries):
        return None
    return max(entries, key=lambda entry: entry.weight)


def _covered(parts: Sequence[Part], tokens: Sequence[Token], position: int) -> int:
    """How many tokens the cue parts cover when matched from `position` (0: no match)."""
    part, rest = parts[0], parts[1:]
    if part.gap:
        for skip in range(1, MAX_GAP_WORDS + 1):
            covered = _covered(rest, tokens, position + skip)
            if covered:
                return skip + covered
        return 0
    if position >= len(tokens) or not part.accepts(tokens[position].text):
        return 0
    if not rest:
        return 1
    covered = _covered(rest, tokens, position + 1)
    return 1 + covered if covered else 0
