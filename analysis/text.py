"""Paragraphs, sentences, words and quotation marks, all as character offsets into one text.

Every later layer (sentiment, sources, framing, the dashboard's highlighting) points into
the cleaned article text through these offsets, so nothing here changes the text.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from .resources import load_toml, load_tsv

OPENING_MARKS = "“‘«‹„‚"
CLOSING_MARKS = "”’»›“‘"
STRAIGHT_MARKS = "\"'"
# Every character that can open or close a quotation: the only places pairing looks at.
QUOTE_MARK = re.compile(f"[{re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARKS)}]")
# Which closing marks may end a quote that opened with a given mark. Real pages mix
# curly and straight marks ("…” or “…"), so a double mark closes any double opener.
CLOSERS = {
    "“": '”"“',
    "„": '“”"',
    "«": '»"',
    "‹": "›'",
    "‘": "’'",
    "‚": "‘’'",
    '"': '"”',
    "'": "'’",
}
# A quote opened with one kind of mark and closed with the other (‘…" or “…’), as pages
# typed in two editors print them: such a mark closes only where it stands against
# punctuation (`stop,’`, `mistake".`), so that an apostrophe (the 1990s’ boom) never does,
# and only when no mark of the quote's own kind closes it later in the paragraph.
MISMATCHED_CLOSERS = {"“": "’", "‘": '"”'}
CLAUSE_PUNCTUATION = ",.;:!?…)"
# A double quote inside a double quote, “They called it "defensive",” closes only with
# its own kind of mark, so that its closing mark does not end the outer quote.
INNER_CLOSERS = {'"': '"', "“": "”", "„": "“", "«": "»"}
# What follows an apostrophe that opens a word rather than a quote: a decade ('90s,
# ‘19) or a common elision ('em, 'til, 'cause, rock 'n' roll).
ELISION = re.compile(r"\d\d(?:s\b|\b)|(?:em|til|cause|n)\b", re.IGNORECASE)
SENTENCE_END = ".!?"
TRAILING_CLOSERS = "”’\"')]»›"
WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
# Sentence-final punctuation, closing marks after it, and the space that must follow.
OPENER_WORD = re.compile(r"[\w’']+")  # the word after a maybe-final abbreviation
# a sentence end: before white space or, where a page's paragraphs were glued together
# (`passenger count.By midday`), between a lower-case word and a capitalised one
SENTENCE_FINAL = re.compile(r"[.!?…]+[”’\"')\]»›]*(?=\s)|(?<=[a-z]{2})[.!?][”’\"]?(?=[A-Z][a-z])")

# Who is speaking in a stretch of text: the outlet, a quoted speaker, or the headline.

Voice = Literal["narration", "quoted", "headline"]


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the article text."""

    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlap(self, other: "Span") -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


class SpanSet(tuple[Span, ...]):
    """Spans merged and sorted, answering "is this offset inside one?" and "which touch
    this sentence?" by bisection: a long article with many quotes stays linear."""

    _starts: list[int]
    _ends: list[int]

    def __new__(cls, spans: "Iterable[Span]" = ()) -> "SpanSet":
        merged: list[Span] = []
        for span in sorted(spans, key=lambda s: (s.start, s.end)):
            if merged and span.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
            elif span.end > span.start:
                merged.append(Span(span.start, span.end))
        made = super().__new__(cls, merged)
        made._starts = [span.start for span in merged]
        made._ends = [span.end for span in merged]
        return made

    def covers(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def touches(self, start: int, end: int) -> bool:
        """Whether [start, end) shares at least one character with one of the spans."""
        index = bisect_right(self._ends, start)
        return index < len(self._starts) and self._starts[index] < end

    def overlapping(self, span: Span) -> "SpanSet":
        """The spans that share at least one character with `span`."""
        return SpanSet(
            self[bisect_right(self._ends, span.start) : bisect_left(self._starts, span.end)]
        )


def covers(spans: "Sequence[Span]", offset: int) -> bool:
    """Whether any of `spans` contains `offset` (fast when `spans` is a SpanSet)."""
    if isinstance(spans, SpanSet):
        return spans.covers(offset)
    return any(offset in span for span in spans)


@dataclass(frozen=True)
class Paragraph(Span):
    index: int


@dataclass(frozen=True)
class Sentence(Span):
    index: int
    paragraph: int


@dataclass(frozen=True)
class Quotation(Span):
    """Text between a pair of quotation marks; start/end exclude the marks.

    `closed` is False when the text ran out before a closing mark (a page cut off
    mid-quote); the span then ends at the end of its last paragraph.
    """

    opening: str
    closing: str
    closed: bool = True


@dataclass(frozen=True)
class Document:
    """A text cut into paragraphs and sentences, with its paired quotation marks."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...]

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the last one before it)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @cached_property
    def word_count(self) -> int:
        return count_words(self.text)


def segment(text: str) -> Document:
    """Cut `text` (paragraphs separated by blank lines) into paragraphs and sentences."""
    paragraphs = find_paragraphs(text)
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        for start, end in split_sentences(text, paragraph.start, paragraph.end):
            sentences.append(Sentence(start, end, len(sentences), paragraph.index))
    return Document(text, paragraphs, tuple(sentences), pair_quotation_marks(text, paragraphs))


def find_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs of `text`: runs of lines between blank lines."""
    return tuple(
        Paragraph(match.start(), match.end(), index)
        for index, match in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text))
        if match.group().strip()
    )


@cache
def stopwords() -> frozenset[str]:
    """English function words (data/stopwords.tsv): what carries no choice of wording, and
    what any English paragraph is full of."""
    return frozenset(row[0] for row in load_tsv("stopwords.tsv"))


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    return [
        Span(m.start(), m.end())
        for m in WORD.finditer(text, start, len(text) if end is None else end)
    ]


@cache
def _abbreviations() -> tuple[frozenset[str], ...]:
    data = load_toml("abbreviations.toml")
    keys = ("never_final", "maybe_final", "sentence_openers", "before_number")
    return tuple(frozenset(data[key]) for key in keys)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within text[start:end], one paragraph at a time.

    A sentence ends at . ! or ? (plus any closing quotes or brackets) followed by white
    space and a capital letter, digit or opening quote, unless the period belongs to an
    abbreviation, an initial, or an ellipsis; or, with no space, between a lower-case
    word and a capitalised one (paragraphs a page glued together). See docs/method.md for the measured accuracy.
    """
    end = len(text) if end is None else end
    bounds: list[tuple[int, int]] = []
    sentence_start = _skip_space(text, start, end)
    for match in SENTENCE_FINAL.finditer(text, sentence_start, end):
        if match.start() < sentence_start:
            continue
        next_start = _skip_space(text, match.end(), end)
        if next_start >= end or not _is_boundary(text, match, next_start):
            continue
        bounds.append((sentence_start, match.end()))
        sentence_start = next_start
    if sentence_start < end and text[sentence_start:end].strip():
        bounds.append((sentence_start, sentence_start + len(text[sentence_start:end].rstrip())))
    return bounds


def _skip_space(text: str, offset: int, end: int) -> int:
    while offset < end and text[offset].isspace():
        offset += 1
    return offset


def _is_boundary(text: str, match: re.Match[str], next_start: int) -> bool:
    punctuation = match.group().rstrip(TRAILING_CLOSERS)
    following = text[next_start]
    if not (following.isupper() or following.isdigit() or following in OPENING_MARKS + "\"'(["):
        return False
    if "…" in punctuation or punctuation.endswith(".."):
        return False
    if punctuation != ".":
        return True
    if match.group() != punctuation:  # a period inside closing quotes: `… end.” Next`
        return True
    token = _token_before(text, match.start())
    never_final, maybe_final, openers, before_number = _abbreviations()
    if token in never_final or re.fullmatch(r"[A-Z]", token):
        return False
    if token in before_number and following.isdigit():
        return False
    if token in maybe_final or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        next_word = OPENER_WORD.match(text, next_start)
        return next_word is not None and next_word.group() in openers
    return True


def _token_before(text: str, period: int) -> str:
    start = period
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '("“‘—–':
        start -= 1
    return text[start:period]


def pair_quotation_marks(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Quotation, ...]:
    """Pair opening and closing quotation marks, across sentences and paragraphs.

    A quote that runs over several paragraphs (each opening with a mark, only the last
    closing) is one Quotation. Apostrophes (India’s, can’t) are not quotation marks.
    A quote left open at the end of a paragraph that the next paragraph does not
    continue ends at that paragraph's end, marked `closed=False`.
    """
    quotations: list[Quotation] = []
    open_at: int | None = None
    opening = ""
    for number, paragraph in enumerate(paragraphs):
        if open_at is not None and not _opens_with_mark(text, paragraph):
            quotations.append(Quotation(open_at, paragraphs[number - 1].end, opening, "", False))
            open_at = None
        inner = ""  # the mark that opened a quote inside the open one
        for mark in QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
            position, char = mark.start(), mark.group()
            if open_at is None:
                if _is_opening(text, position, paragraph):
                    open_at, opening = position + 1, char
            elif inner and char == INNER_CLOSERS[inner] and _is_closing(text, position, paragraph):
                inner = ""
            elif (
                char in CLOSERS[opening]
                or (
                    char in MISMATCHED_CLOSERS.get(opening, "")
                    and _closes_mismatched(text, position, paragraph, opening)
                )
            ) and _is_closing(text, position, paragraph):
                quotations.append(Quotation(open_at, position, opening, char))
                open_at, inner = None, ""
            elif (
                position > paragraph.start  # there, a mark re-opens the quote it continues
                and opening in INNER_CLOSERS
                and char in INNER_CLOSERS
                and _is_opening(text, position, paragraph)
            ):
                inner = char
    if open_at is not None:
        quotations.append(Quotation(open_at, paragraphs[-1].end, opening, "", False))
    return tuple(quotation for quotation in quotations if quotation.end > quotation.start)


def _closes_mismatched(text: str, position: int, paragraph: Paragraph, opening: str) -> bool:
    """Whether the mark at `position`, of the other kind than `opening`, closes its quote:
    it stands against punctuation and the paragraph has no closing mark of the quote's
    own kind after it."""
    before = text[position - 1] if position > paragraph.start else " "
    after = text[position + 1] if position + 1 < paragraph.end else " "
    if before not in CLAUSE_PUNCTUATION and after not in CLAUSE_PUNCTUATION:
        return False
    return not any(
        mark.group() in CLOSERS[opening] and _is_closing(text, mark.start(), paragraph)
        for mark in QUOTE_MARK.finditer(text, position + 1, paragraph.end)
    )


def _opens_with_mark(text: str, paragraph: Paragraph) -> bool:
    return _is_opening(text, paragraph.start, paragraph)


def _is_opening(text: str, position: int, paragraph: Paragraph) -> bool:
    char = text[position]
    if char not in OPENING_MARKS + STRAIGHT_MARKS or char in "’":
        return False
    before = text[position - 1] if position > paragraph.start else " "
    after = text[position + 1] if position + 1 < paragraph.end else " "
    if after.isspace():
        return False
    if char in "'‘‚" and (before.isalnum() or ELISION.match(text, position + 1)):
        return False
    return char in "“«‹„" or before.isspace() or before in "([{—–-/:"


def _is_closing(text: str, position: int, paragraph: Paragraph) -> bool:
    char = text[position]
    before = text[position - 1] if position > paragraph.start else " "
    after = text[position + 1] if position + 1 < paragraph.end else " "
    if before.isspace() and char not in "”»›":
        return False
    if char in "'’" and after.isalpha():
        return False  # an apostrophe: don’t, India’s
    return not after.isalnum() or char in "”»›"


def voice_at(quoted: SpanSet, offset: int) -> Voice:
    """Whether the word at `offset` is in a quotation or in the outlet's narration."""
    return "quoted" if quoted.covers(offset) else "narration"


def voice_pieces(text: str, sentence: Span, quoted: Sequence[Span]) -> list[tuple[Voice, int, int]]:
    """The sentence cut into narration and quoted stretches that contain words.

    Stretches of bare punctuation between quotes (`,” “`) are dropped.
    """
    pieces: list[tuple[Voice, int, int]] = []
    position = sentence.start
    for span in sorted(quoted, key=lambda s: s.start):
        start, end = max(span.start, sentence.start), min(span.end, sentence.end)
        if start >= end:
            continue
        if start > position:
            pieces.append(("narration", position, start))
        pieces.append(("quoted", start, end))
        position = end
    if position < sentence.end:
        pieces.append(("narration", position, sentence.end))
    return [piece for piece in pieces if any(c.isalnum() for c in text[piece[1] : piece[2]])]
