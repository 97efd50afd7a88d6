"""The source mix of one article: who gets to speak, by kind, type, country and name."""

from collections import Counter
from collections.abc import Sequence

from ..knowledge import Mention
from ..text import Document, Span, count_words
from .model import MARKED_KINDS, SPEAKER_TYPES, Quote, SourceMix, Speaker, Unsourced

# --- source mix --------------------------------------------------------------------------


def _shares(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


def source_mix(
    document: Document,
    quotes: Sequence[Quote],
    speakers: Sequence[Speaker],
    unsourced: Sequence[Unsourced],
    mentions: Sequence[Mention],
) -> SourceMix:
    """Counts and shares of who speaks, and who is talked about but never heard."""
    by_type: Counter[str] = Counter(q.speaker_type or "other" for q in quotes)
    by_country = Counter(q.country or "unknown" for q in quotes)
    named = sum(1 for q in quotes if q.named)
    marked = _merged([Span(q.start, q.end) for q in quotes if q.kind in MARKED_KINDS])
    quoted_words = sum(count_words(document.text[s.start : s.end]) for s in marked)
    mentioned = Counter(m.country for m in mentions if m.kind == "country")
    countries_quoted = tuple(dict.fromkeys(s.country for s in speakers if s.country))
    countries_mentioned = tuple(country for country, _ in mentioned.most_common())
    verbs = Counter(q.verb for q in quotes if q.verb)
    return SourceMix(
        quotes=len(quotes),
        by_kind=dict(Counter(q.kind for q in quotes)),
        voices=len(speakers),
        by_type={t: by_type[t] for t in SPEAKER_TYPES if by_type[t]},
        type_shares=_shares(by_type),
        voices_by_type=dict(Counter(s.speaker_type for s in speakers)),
        by_gender={
            gender: count
            for gender in ("female", "male", "unknown")
            if (count := sum(1 for s in speakers if s.gender == gender))
        },
        by_country=dict(by_country.most_common()),
        country_shares=_shares(by_country),
        named=named,
        unnamed=len(quotes) - named,
        named_share=named / len(quotes) if quotes else None,
        anonymous=sum(1 for s in speakers if s.anonymous),
        quoted_words=quoted_words,
        quoted_word_share=quoted_words / document.word_count if document.word_count else 0.0,
        countries_mentioned=countries_mentioned,
        countries_quoted=countries_quoted,
        countries_unheard=tuple(c for c in countries_mentioned if c not in countries_quoted),
        verbs=dict(verbs.most_common()),
        verb_categories=dict(
            Counter(q.verb_category for q in quotes if q.verb_category).most_common()
        ),
        unsourced=len(unsourced),
    )


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
