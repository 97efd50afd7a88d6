"""Voices across outlets: who each outlet quotes, the speakers several outlets share, the
countries talked about but not heard, and the verbs each side's speakers get.
"""

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..knowledge import find_mentions, load_knowledge
from ..report import Report
from ..sources import Speaker
from .columns import MIN_COLUMNS, Evidence
from .entities import Cell, Form, by_count, column_cells


@dataclass(frozen=True)
class SharedSpeaker:
    """One speaker quoted by two or more columns (matched by name, or for an institution
    by the actor it names); each cell counts that column's quotes, with their sentences."""

    name: str
    speaker_type: str
    country: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class Voices:
    """Whom one column gives voice to, against the countries it talks about.

    `by_type` and `by_country` count distinct speakers (a named person quoted in two of
    an outlet's articles counts once); `mentioned` counts mentions of each country;
    `unheard` lists countries mentioned whose people or institutions are never quoted.
    """

    column: str
    quotes: int
    voices: int
    by_type: tuple[Count, ...]
    by_country: tuple[Count, ...]
    mentioned: tuple[Count, ...]
    unheard: tuple[str, ...]
    summary: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SideVerbs:
    """The reporting verbs each column uses to introduce the speakers of one country
    (`forms` per cell: the verb's base form, most used first)."""

    country: str
    name: str
    cells: tuple[Cell, ...]


# --- speakers and voices --------------------------------------------------------------


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def speaker_key(speaker: Speaker) -> str:
    """Who a speaker is across articles: a personal name, or the actor an institution
    names ("The US", "the United States" -> actor:US); '' when it cannot be told
    (an unnamed "senior official" in one article is not known to be the one in another).
    Accents are dropped: outlets spell one person `Pedro Sánchez` and `Pedro Sanchez`."""
    if speaker.named:
        return _without_accents(" ".join(speaker.name.split()).lower())
    if speaker.form == "institution":
        name = re.sub(r"^(?:the|The)\s+", "", speaker.name.strip())
        mentions = find_mentions(name)
        if len(mentions) == 1 and mentions[0].alias == name and mentions[0].kind != "person":
            return f"actor:{mentions[0].actor}"
    return ""


def shared_speakers(
    reports: Sequence[Report], column_of: dict[str, str]
) -> tuple[SharedSpeaker, ...]:
    """Speakers quoted by two or more columns: who quotes whom."""
    found: dict[str, dict[str, list[tuple[Report, Speaker]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for report in reports:
        for speaker in report.sources.speakers:
            key = speaker_key(speaker)
            if key:
                found[key][column_of[report.article.id]].append((report, speaker))
    result = []
    for columns in found.values():
        if len(columns) < MIN_COLUMNS:
            continue
        first = next(iter(columns.values()))[0][1]
        cells = tuple(
            Cell(
                column,
                sum(len(speaker.quotes) for _, speaker in uses),
                tuple(
                    Form(text, n)
                    for text, n in sorted(
                        Counter(speaker.name for _, speaker in uses).items(), key=by_count
                    )
                ),
                tuple(_quote_evidence(report, speaker) for report, speaker in uses),
            )
            for column, uses in columns.items()
        )
        result.append(SharedSpeaker(first.name, first.speaker_type, first.country, cells))
    return tuple(
        sorted(result, key=lambda s: (-len(s.cells), -sum(c.count for c in s.cells), s.name))
    )


def _quote_evidence(report: Report, speaker: Speaker) -> Evidence:
    quotes = report.sources.quotes
    return Evidence(report.article.id, tuple(sorted({quotes[i].sentence for i in speaker.quotes})))


def voices(
    reports: Sequence[Report], column_of: dict[str, str], column_keys: Sequence[str]
) -> tuple[Voices, ...]:
    """Per column: speakers by type and country, countries mentioned, and a summary line."""
    members: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        members[column_of[report.article.id]].append(report)
    return tuple(_voices(key, members[key]) for key in column_keys)


def _voices(column: str, reports: Sequence[Report]) -> Voices:
    speakers: dict[str, Speaker] = {}
    for report in reports:
        for speaker in report.sources.speakers:
            key = speaker_key(speaker) or f"{report.article.id}:{speaker.id}"
            speakers.setdefault(key, speaker)
    mentioned = Counter(
        m.country for report in reports for m in report.mentions if m.kind == "country"
    )
    by_country = Counter(s.country for s in speakers.values() if s.country)
    unheard = tuple(
        code for code, _ in sorted(mentioned.items(), key=by_count) if code not in by_country
    )
    by_type = Counter(s.speaker_type for s in speakers.values())
    evidence = tuple(
        Evidence(r.article.id, tuple(sorted({q.sentence for q in r.sources.quotes})))
        for r in reports
        if r.sources.quotes
    )
    return Voices(
        column,
        sum(len(r.sources.quotes) for r in reports),
        len(speakers),
        tuple(Count(k, n) for k, n in sorted(by_type.items(), key=by_count)),
        tuple(Count(k, n) for k, n in sorted(by_country.items(), key=by_count)),
        tuple(Count(k, n) for k, n in sorted(mentioned.items(), key=by_count)),
        unheard,
        voices_summary(list(speakers.values()), mentioned, unheard),
        evidence,
    )


def voices_summary(
    speakers: Sequence[Speaker], mentioned: Counter[str], unheard: Sequence[str]
) -> str:
    """One plain sentence: "Quotes 5 voices: 4 officials from the United States, 1 expert
    from India; no voice from Russia (mentioned 12 times)."""
    if not speakers:
        heard = "Quotes nobody"
    else:
        groups = Counter((s.speaker_type, s.country) for s in speakers)
        sorted_groups = sorted(
            ((n, group) for group, n in groups.items()), key=lambda g: (-g[0], g[1])
        )
        parts = [f"{n} {_plural(kind, n)} {_from(country)}" for n, (kind, country) in sorted_groups]
        heard = f"Quotes {len(speakers)} {_plural('voice', len(speakers))}: " + ", ".join(
            parts[:SUMMARY_GROUPS]
        )
        rest = sum(n for n, _ in sorted_groups[SUMMARY_GROUPS:])
        if rest:
            heard += f" and {rest} other {_plural('voice', rest)}"
    silent = [
        f"{_with_article(country_name(code))} (mentioned {mentioned[code]} "
        f"{_plural('time', mentioned[code])})"
        for code in unheard[:SUMMARY_GROUPS]
    ]
    if not silent:
        return heard + "."
    return (
        f"{heard}; no voice from "
        + ", ".join(silent[:-1])
        + (f" or {silent[-1]}" if len(silent) > 1 else silent[-1])
        + "."
    )


SUMMARY_GROUPS = 3  # groups of speakers and unheard countries named in a summary line


def _plural(word: str, count: int) -> str:
    if word == "media":
        return "media outlet" if count == 1 else "media outlets"
    if word == "other":
        return "other speaker" if count == 1 else "other speakers"
    return word if count == 1 else f"{word}s"


def _from(country: str) -> str:
    return f"from {_with_article(country_name(country))}" if country else "of unknown country"


def _with_article(name: str) -> str:
    """ "the United States", "the Philippines", but "India"."""
    return f"the {name}" if name.startswith("United ") or name.endswith("s") else name


def country_name(code: str) -> str:
    """The name of a country or international body by its code ("IN" -> "India")."""
    return load_knowledge().country_name(code)


def side_verbs(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[SideVerbs, ...]:
    """For each speakers' country, the reporting verbs each column introduces them with."""
    uses: dict[str, dict[str, list[tuple[Report, str, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for report in reports:
        for quote in report.sources.quotes:
            if quote.verb and quote.country:
                sentence_start = report.document.sentences[quote.sentence].start
                uses[quote.country][column_of[report.article.id]].append(
                    (report, quote.verb, sentence_start)
                )
    rows = [
        SideVerbs(code, country_name(code), column_cells(columns)) for code, columns in uses.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-sum(c.count for c in r.cells), r.country)))


@dataclass(frozen=True)
class Attention:
    """How much one article talks about a country, and how much it lets it speak: the
    country's share of the article's actor mentions and of its quotes."""

    article: str
    country: str
    mentions: int
    talked: float
    quotes: int
    heard: float


def talked_about_and_heard(report: Report) -> tuple[Attention, ...]:
    """Per country the article mentions or quotes: talked about vs heard."""
    mentioned = Counter(m.country for m in report.mentions if m.country)
    quoted = report.sources.source_mix.by_country
    mentions, quotes = sum(mentioned.values()), sum(quoted.values())
    return tuple(
        Attention(
            report.article.id,
            country,
            mentioned.get(country, 0),
            mentioned.get(country, 0) / mentions if mentions else 0.0,
            quoted.get(country, 0),
            quoted.get(country, 0) / quotes if quotes else 0.0,
        )
        for country in dict.fromkeys([*mentioned, *quoted])
    )


@dataclass(frozen=True)
class SpeakerAcross:
    """One speaker across the selected articles (matched as `speaker_key` matches them),
    with the first role, organisation, country and gender any article gives (with what
    showed the gender), every quote counted, and who they are in each article that quotes
    them: (article id, speaker id)."""

    name: str
    role: str
    organization: str
    speaker_type: str
    country: str
    named: bool
    quotes: int
    voices: tuple[tuple[str, int], ...]
    gender: str = ""
    gender_evidence: str = ""

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(article for article, _ in self.voices))


def speakers_across(reports: Sequence[Report]) -> tuple[SpeakerAcross, ...]:
    """Every speaker of the reports, one entry per person or institution, most quoted first."""
    groups: dict[str, list[tuple[Report, Speaker]]] = defaultdict(list)
    for report in reports:
        for speaker in report.sources.speakers:
            key = speaker_key(speaker) or f"{report.article.id}:{speaker.id}"
            groups[key].append((report, speaker))
    found = []
    for uses in groups.values():
        speakers = [speaker for _, speaker in uses]
        told = next((s for s in speakers if s.gender in ("female", "male")), None)
        gender = told or next((s for s in speakers if s.gender), speakers[0])
        found.append(
            SpeakerAcross(
                speakers[0].name,
                next((s.role for s in speakers if s.role), ""),
                next((s.organization for s in speakers if s.organization), ""),
                speakers[0].speaker_type,
                next((s.country for s in speakers if s.country), ""),
                any(s.named for s in speakers),
                sum(len(s.quotes) for s in speakers),
                tuple((report.article.id, speaker.id) for report, speaker in uses),
                gender.gender,
                gender.gender_evidence,
            )
        )
    return tuple(sorted(found, key=lambda s: (-s.quotes, s.name)))
