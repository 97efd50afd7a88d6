"""Quotation marks: direct quotes, continuations and partial quotes, each paired with the
cue that attributes it.
"""

from ..text import Document
from .attribution import (
    add_chain,
    cue_after_quote,
    cue_before_quote,
    fragment_cue,
    speaker_line_before,
)
from .lexicon import word_set
from .model import QuoteKind
from .records import Context, Found
from .subjects import reporting_verb_at
from .tokens import Token, tokenize

MASK = "▮"


# --- quotation marks: direct, continuation, partial ---------------------------------------


def mask_quotations(document: Document) -> str:
    """The text with every quotation's inside replaced by MASK (offsets unchanged), so no
    rule mistakes quoted words for the author's."""
    pieces = []
    end = 0
    for quotation in document.quotations:
        pieces += [document.text[end : quotation.start], MASK * (quotation.end - quotation.start)]
        end = quotation.end
    return "".join([*pieces, document.text[end:]])


def marked_quotes(context: Context) -> list[Found]:
    document = context.document
    found: list[Found] = []
    quotations = document.quotations
    for number, quotation in enumerate(quotations):
        sentence = document.sentence_at(quotation.start)
        before = _window_before(context, number)
        after = _window_after(context, number)
        text = document.text[quotation.start : quotation.end]
        cue = (
            cue_after_quote(after, context)
            or cue_before_quote(before, context)
            or (None if before else speaker_line_before(context, sentence))
        )
        if cue and cue.rule == "cue_before_quote" and cue.speaker.speaker_type == "media":
            cue = cue_after_quote(after, context) or cue
        if _is_sentential(text, before, after):
            if cue:
                add_chain(cue, before, after, context)
                found.append(Found("direct", quotation.start, quotation.end, sentence, cue))
                continue
            found.append(Found("continuation", quotation.start, quotation.end, sentence, None))
            continue
        cue = cue or fragment_cue(context, sentence, quotation.start, text)
        if cue:
            add_chain(cue, before, after, context)
            kind: QuoteKind = "direct" if _clause_after_verb(text, before, after) else "partial"
            found.append(Found(kind, quotation.start, quotation.end, sentence, cue))
    return found


def _window_before(context: Context, number: int) -> list[Token]:
    """Tokens between the start of the quote's sentence (or the previous quote's closing
    mark in it) and the quote's opening mark."""
    document = context.document
    quotation = document.quotations[number]
    opening = quotation.start - len(quotation.opening)
    sentence = document.sentence_at(quotation.start)
    start = document.sentences[sentence].start
    if number:
        previous = document.quotations[number - 1]
        start = max(start, previous.end + len(previous.closing))
    return _tokens_between(context, sentence, start, max(start, opening))


def _window_after(context: Context, number: int) -> list[Token]:
    """Tokens between the quote's closing mark and the end of its sentence (or the next
    quote's opening mark)."""
    document = context.document
    quotation = document.quotations[number]
    start = quotation.end + len(quotation.closing)
    sentence = document.sentence_at(max(quotation.start, start - 1))
    end = document.sentences[sentence].end
    if number + 1 < len(document.quotations):
        following = document.quotations[number + 1]
        end = min(end, following.start - len(following.opening))
    return _tokens_between(context, sentence, start, max(start, end))


def _tokens_between(context: Context, sentence: int, start: int, end: int) -> list[Token]:
    """The tokens of masked[start:end]: those of `sentence` in that stretch, unless the
    stretch leaves the sentence or a token crosses its edge (`U.S.-'…`), where tokenizing
    the stretch alone would cut differently."""
    bounds = context.document.sentences[sentence]
    tokens = context.tokens(sentence)
    if (
        start < bounds.start
        or end > bounds.end
        or any(t.start < start < t.end or t.start < end < t.end for t in tokens)
    ):
        return tokenize(context.masked, start, end)
    return [t for t in tokens if start <= t.start and t.end <= end]


def _is_sentential(text: str, before: list[Token], after: list[Token]) -> bool:
    """Whether the quoted words stand as a sentence of their own (a direct quote) rather
    than as a fragment of the author's sentence (a partial quote or a scare quote): the
    quote opens the sentence or follows a colon or comma, and it ends the sentence or
    ends with a comma before its cue."""
    opens = not before or before[-1].text in ":,—–-"
    stripped = text.rstrip()
    closes = not after or stripped[-1:] in ",.?!…—–" or after[0].text in ",.?!;:—–"
    return opens and closes


# A quoted clause right after `said` stands as the statement (`he said “it just stuns
# me”.`) when it has at least this many words and a finite verb.
MIN_CLAUSE_WORDS = 3


def _clause_after_verb(text: str, before: list[Token], after: list[Token]) -> bool:
    """`X said “it just stuns me”.`: a whole clause in marks right after a verb of saying,
    ending the sentence, is a direct quote even without a colon or comma."""
    if not before or (after and after[0].text not in ".!?"):
        return False
    verb = reporting_verb_at(before, len(before) - 1)
    if verb is None or verb[0].complement != "clause" or verb[0].category == "sequence":
        return False
    words = tokenize(text)
    return len([w for w in words if w.text[0].isalnum()]) >= MIN_CLAUSE_WORDS and any(
        w.lower in word_set("finite") or w.lower.endswith(("ed", "s")) for w in words[1:]
    )


def attach_continuations(found: list[Found], context: Context) -> list[Found]:
    """Give each uncued quote the quote it continues: the one just before it, ending in the
    same or the previous sentence (`“…,” the official said. “…”`, `X said the talks
    failed. “We tried.”`). An uncued quote with none is not counted."""
    kept: list[Found] = []
    for item in found:
        if item.kind == "continuation":
            previous = kept[-1] if kept else None
            if previous is None:
                continue
            previous_end = context.document.sentence_at(max(previous.start, previous.end - 1))
            if item.sentence - previous_end > 1:
                continue
            item.follows = previous
        kept.append(item)
    return kept
