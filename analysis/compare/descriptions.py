"""A person described once is known in every article of the selection.

One outlet writes "Kenyan President William Ruto said", another only "Ruto said". Read
alone, the second article leaves the speaker's country, role and type blank; read beside
the first, it need not. `share_descriptions` fills what a named speaker's own article
leaves blank from the same person in the other articles, when those articles agree, and
records where the description came from (`Speaker.described_in`), so the dashboard can show
it and a reader can check it. Nothing is filled from world knowledge, and a value the
article itself gives is never replaced.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..report import Report
from ..sources import Quote, Sources, Speaker
from ..sources.mix import source_mix
from .voices import speaker_key

# What a speaker's description is made of, filled together so that a role never comes
# from one article and its organisation from another.
ROLE_FIELDS = ("role", "organization", "speaker_type")

Described = dict[str, list[tuple[str, Speaker]]]  # person -> (article id, speaker) each


def share_descriptions(reports: Sequence[Report]) -> tuple[Report, ...]:
    """The reports with each named speaker's blank country and role (with its organisation
    and type) filled from the other reports' descriptions of the same
    person; unchanged when no other report describes them or the others disagree."""
    named = [(r.article.id, s) for r in reports for s in r.sources.speakers if s.named]
    person = _person_keys({speaker_key(s) for _, s in named})
    described: Described = defaultdict(list)
    for article, speaker in named:
        described[person[speaker_key(speaker)]].append((article, speaker))
    return tuple(_completed(report, described, person) for report in reports)


def _person_keys(keys: set[str]) -> dict[str, str]:
    """Each name's person: a surname alone ("Ruto") is the full name another article gives
    ("William Ruto") when only one person of the selection has that surname."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if " " in key:
            by_surname[key.rsplit(" ", 1)[1]].add(key)
    return {
        key: next(iter(full)) if len(full := by_surname.get(key, set())) == 1 else key
        for key in keys
    }


def _completed(report: Report, described: Described, person: dict[str, str]) -> Report:
    article = report.article.id
    speakers = tuple(
        _complete(
            speaker, [(a, s) for a, s in described[person[speaker_key(speaker)]] if a != article]
        )
        if speaker.named
        else speaker
        for speaker in report.sources.speakers
    )
    if speakers == report.sources.speakers:
        return report
    quotes = tuple(_requoted(quote, speakers) for quote in report.sources.quotes)
    sources = report.sources
    mix = source_mix(report.document, quotes, speakers, sources.unsourced, report.mentions)
    return replace(report, sources=Sources(quotes, speakers, sources.unsourced, mix))


def _complete(speaker: Speaker, others: list[tuple[str, Speaker]]) -> Speaker:
    changes: dict[str, Any] = {}
    sources: list[str] = []
    if not speaker.country:
        found = _agreed(others, lambda s: (s.country,) if s.country else None)
        if found:
            changes["country"] = found[1][0]
            sources.append(found[0])
    if not speaker.role and speaker.speaker_type == "other":
        found = _agreed(
            others, lambda s: (s.role, s.organization, s.speaker_type) if s.role else None
        )
        if found:
            changes.update(zip(ROLE_FIELDS, found[1], strict=True))
            sources.append(found[0])
    if not changes:
        return speaker
    return replace(speaker, **changes, described_in=tuple(dict.fromkeys(sources)))


def _agreed(
    others: list[tuple[str, Speaker]], value: Callable[[Speaker], tuple[str, ...] | None]
) -> tuple[str, tuple[str, ...]] | None:
    """The one value the other articles give (with the first article giving it), or
    None when none gives one or they give different ones."""
    found = [(article, v) for article, s in others if (v := value(s)) is not None]
    if not found or len({v for _, v in found}) > 1:
        return None
    return found[0]


def _requoted(quote: Quote, speakers: tuple[Speaker, ...]) -> Quote:
    if quote.speaker_id is None:
        return quote
    speaker = speakers[quote.speaker_id]
    if (quote.country, quote.speaker_type) == (speaker.country, speaker.speaker_type):
        return quote
    return replace(quote, country=speaker.country, speaker_type=speaker.speaker_type)
