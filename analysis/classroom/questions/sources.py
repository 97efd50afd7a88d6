"""Questions on sources: whose voices are missing, which outlet quotes no official, one
kind of speaker, the most voices, anonymous or second-hand sources.
"""

from typing import Any

from ...report import Report
from ...sources import Quote, Speaker
from ...text import Span
from ..glossary import glossary
from .base import (
    EVIDENCE_PER_OUTLET,
    Context,
    Evidence,
    Question,
    country_mentions,
    country_name,
    evidence_of,
    join_names,
    make_question,
)

# Country choices in "whose voices are missing": enough for the story's main actors.
MAX_COUNTRY_CHOICES = 5
# Speakers named in a reveal before "and N more".
MAX_NAMES = 4
# "Which outlet quotes the most voices" is asked only when the leader quotes at least
# MIN_VOICES and VOICES_RATIO times as many as the next: a clear gap, not a near tie.
MIN_VOICES = 3
VOICES_RATIO = 2


def unheard(context: Context, template: dict[str, Any]) -> list[Question]:
    """Countries most articles talk about, and which of them anyone quotes."""
    if len(context.reports) < 2:
        return []
    mentioned: dict[str, int] = {}
    for report in context.reports:
        for code in report.sources.source_mix.countries_mentioned:
            mentioned[code] = mentioned.get(code, 0) + 1
    talked = [
        code
        for code in sorted(
            mentioned, key=lambda c: (-mentioned[c], -country_mentions(context, c), c)
        )
        if 2 * mentioned[code] >= len(context.reports)
    ][:MAX_COUNTRY_CHOICES]
    names = {code: country_name(code) for code in talked}
    quoted = {code for r in context.reports for code in r.sources.source_mix.countries_quoted}
    heard = [code for code in talked if code in quoted]
    silent = [code for code in talked if code not in quoted]
    if not silent:
        return []
    answers = tuple(names[code] for code in heard) or (template["none"],)
    values = {
        "heard": f"{join_names([names[c] for c in heard])}: quoted"
        if heard
        else "None of them is quoted",
        "unheard": join_names([names[c] for c in silent]),
    }
    evidence = [
        _quote_evidence(context, report, quote)
        for code in heard
        for report, quote in _quotes_from(context, code)[:EVIDENCE_PER_OUTLET]
    ]
    for report in context.reports[: EVIDENCE_PER_OUTLET + 1]:
        mentions = [m for m in report.mentions if m.country == silent[0]]
        if mentions:
            sentence = report.document.sentence_at(mentions[0].start)
            spans = [Span(m.start, m.end) for m in mentions]
            evidence.append(
                evidence_of(context, report, sentence, spans, f"mentions {names[silent[0]]}")
            )
    return [
        make_question(
            "unheard",
            template,
            values,
            (*(names[code] for code in talked), template["none"]),
            answers,
            evidence,
        )
    ]


def no_official(context: Context, template: dict[str, Any]) -> list[Question]:
    """A country whose officials some outlets quote and others never do."""
    if len(context.reports) < 2:
        return []
    quoting: dict[str, list[Report]] = {}
    for report in context.reports:
        for code in {s.country for s in report.sources.speakers if s.speaker_type == "official"}:
            if code:
                quoting.setdefault(code, []).append(report)
    partial = [code for code, reports in quoting.items() if len(reports) < len(context.reports)]
    if not partial:
        return []
    code = max(partial, key=lambda c: (len(quoting[c]), -country_mentions(context, c), c))
    names = {code: country_name(code)}
    without = tuple(context.label(r) for r in context.reports if r not in quoting[code])
    values = {
        "country": names[code],
        "answer": join_names(without),
        "others": join_names([context.label(r) for r in quoting[code]]),
    }
    evidence = tuple(
        _quote_evidence(context, report, quote)
        for report in quoting[code]
        for quote in [next(q for q in report.sources.quotes if _is_official_of(report, q, code))]
    )
    return [
        make_question(
            f"no_official:{code}", template, values, context.labels.values(), without, evidence
        )
    ]


def speaker_type_only_one(context: Context, template: dict[str, Any]) -> list[Question]:
    """The first kind of voice (in the template's order) that one outlet alone quotes."""
    if len(context.reports) < 2:
        return []
    for kind, plural in template["plural"].items():
        having = [
            r for r in context.reports if any(s.speaker_type == kind for s in r.sources.speakers)
        ]
        if len(having) != 1:
            continue
        report = having[0]
        speakers = [s for s in report.sources.speakers if s.speaker_type == kind]
        values = {
            "type": plural,
            "answer": context.label(report),
            "names": join_names([_speaker_phrase(s) for s in speakers[:MAX_NAMES]])
            + (f" and {len(speakers) - MAX_NAMES} more" if len(speakers) > MAX_NAMES else ""),
            "definition": glossary()[f"speaker.{kind}"].definition,
        }
        evidence = tuple(
            _quote_evidence(context, report, report.sources.quotes[s.quotes[0]])
            for s in speakers[: EVIDENCE_PER_OUTLET + 1]
        )
        return [
            make_question(
                f"speaker_type_only_one:{kind}",
                template,
                values,
                context.labels.values(),
                (context.label(report),),
                evidence,
                (f"speaker.{kind}",),
            )
        ]
    return []


def most_voices(context: Context, template: dict[str, Any]) -> list[Question]:
    """The outlet quoting far more distinct voices than any other."""
    if len(context.reports) < 2:
        return []
    ranked = sorted(context.reports, key=lambda r: -r.sources.source_mix.voices)
    first, second = ranked[0], ranked[1]
    count, second_count = first.sources.source_mix.voices, second.sources.source_mix.voices
    if count < MIN_VOICES or count < VOICES_RATIO * second_count:
        return []
    answer = context.label(first)
    values = {
        "answer": answer,
        "count": count,
        "second": context.label(second),
        "second_count": second_count,
    }
    evidence = tuple(
        _quote_evidence(context, first, first.sources.quotes[s.quotes[0]])
        for s in first.sources.speakers[: EVIDENCE_PER_OUTLET + 1]
    )
    return [
        make_question("most_voices", template, values, context.labels.values(), (answer,), evidence)
    ]


def anonymity(context: Context, template: dict[str, Any]) -> list[Question]:
    """The one outlet that quotes a source it grants anonymity."""
    if len(context.reports) < 2:
        return []
    granting = [r for r in context.reports if any(s.anonymous for s in r.sources.speakers)]
    if len(granting) != 1:
        return []
    report = granting[0]
    speakers = [s for s in report.sources.speakers if s.anonymous]
    values = {
        "answer": context.label(report),
        "names": join_names([f"“{s.name}”" for s in speakers]),
    }
    evidence = tuple(
        _quote_evidence(context, report, report.sources.quotes[s.quotes[0]]) for s in speakers
    )
    return [
        make_question(
            "anonymity", template, values, context.labels.values(), (values["answer"],), evidence
        )
    ]


def second_hand(context: Context, template: dict[str, Any]) -> list[Question]:
    """Outlets that pass on quotes taken from other outlets (when not all of them do)."""
    if len(context.reports) < 2:
        return []
    relayed = {r.article.id: [q for q in r.sources.quotes if q.chain] for r in context.reports}
    passing = [r for r in context.reports if relayed[r.article.id]]
    if not passing or len(passing) == len(context.reports):
        return []
    chains = [
        f"{context.label(r)} via {join_names(list(dict.fromkeys(o for q in relayed[r.article.id] for o in q.chain)))}"
        for r in passing
    ]
    values = {
        "answer": join_names([context.label(r) for r in passing]),
        "chains": "; ".join(chains),
    }
    evidence = tuple(_quote_evidence(context, r, relayed[r.article.id][0]) for r in passing)
    return [
        make_question(
            "second_hand",
            template,
            values,
            context.labels.values(),
            (context.label(r) for r in passing),
            evidence,
        )
    ]


# --- sources ---------------------------------------------------------------------------


def _quote_evidence(context: Context, report: Report, quote: Quote) -> Evidence:
    """The sentence of a quote with the quote marked, and who said it."""
    note = f"{quote.speaker}, {quote.kind} quote" if quote.speaker else f"{quote.kind} quote"
    return evidence_of(context, report, quote.sentence, [Span(quote.start, quote.end)], note)


def _quotes_from(context: Context, code: str) -> list[tuple[Report, Quote]]:
    """Quotes whose speaker belongs to country `code`, one per article first."""
    found = [
        (report, next(q for q in report.sources.quotes if q.country == code))
        for report in context.reports
        if any(q.country == code for q in report.sources.quotes)
    ]
    return found


def _is_official_of(report: Report, quote: Quote, code: str) -> bool:
    return quote.speaker_type == "official" and quote.country == code


def _speaker_phrase(speaker: Speaker) -> str:
    """ "Ana Pérez (scholar, Brookings Institution)" or the description as printed."""
    details = ", ".join(part for part in (speaker.role, speaker.organization) if part)
    if speaker.named and details:
        return f"{speaker.name} ({details})"
    return speaker.name
