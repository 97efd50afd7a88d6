"""What stands behind a clicked bar, cell or point: the sentences or quotes that made it.

Every clickable chart puts, in each element's `customdata`, the article id first and then
what the element counts (a frame, a speaker type, a country…), so a click maps to its
evidence without relying on trace or point numbers. `evidence_for` reads that back from
the reports (and, for the Differences page's charts, from the `Comparison`), using only
the fields `analysis` filled when it computed the number: pure, so it is tested without
a browser. The chart ids are the names the pages give `state.plot`.
"""

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from analysis import Comparison, Report
from analysis.compare.voices import country_name
from analysis.sources import Quote

# Which evidence a sentence list is drawn with (markup.evidence_marks).
Layer = Literal["none", "frame", "mentions", "words", "quotes"]
OTHER_TYPE = "other"  # quotes without a speaker type count as "other" in the source mix
UNKNOWN_COUNTRY = "unknown"  # … and those without a country as "unknown"


@dataclass(frozen=True)
class Behind:
    """The sentences (or quotes: indices into `report.sources.quotes`) of one article
    behind a clicked element, what they are, and the layer of marks to draw on them."""

    article: str
    what: str
    sentences: tuple[int, ...] = ()
    quotes: tuple[int, ...] = ()
    layer: Layer = "none"
    keys: tuple[str, ...] = ()  # the frame id, or the actor ids, the marks are for

    @property
    def empty(self) -> bool:
        return not self.sentences and not self.quotes


def clicked(event: Any) -> list[list]:
    """The `customdata` of every point a Streamlit chart event selected (points without
    customdata left out; a grid's empty dot, row -1, kept: its click says so)."""
    selection = (event or {}).get("selection") or {}
    found = []
    for point in selection.get("points") or []:
        data = point.get("customdata")
        if data is None:
            continue
        data = list(data) if isinstance(data, list | tuple) else [data]
        if data:
            found.append(data)
    return found


def evidence_for(
    chart: str,
    data: Sequence,
    reports: Sequence[Report],
    comparison: Comparison | None = None,
) -> tuple[Behind, ...]:
    """The evidence behind one element of `chart` with this `customdata`; empty when the
    chart or the article is not known (a stale click after the selection changed)."""
    if chart in BY_COLUMN:
        if comparison is None or len(data) < 2:
            return ()
        return BY_COLUMN[chart](data, reports, comparison)
    report = next((r for r in reports if data and r.article.id == data[0]), None)
    rule = RULES.get(chart)
    if report is None or rule is None:
        return ()
    return (rule(report, [str(d) for d in data[1:]]),)


def _frame(report: Report, data: list[str]) -> Behind:
    score = next((s for s in report.framing.frames if s.frame == data[0]), None)
    if score is None:
        return Behind(report.article.id, f"sentences carrying the frame {data[0]}")
    return Behind(
        report.article.id,
        f"sentences carrying the {score.label} frame",
        sentences=tuple(e.sentence for e in score.evidence if e.carries),
        layer="frame",
        keys=(score.frame,),
    )


def _speaker_type(report: Report, data: list[str]) -> Behind:
    kind = data[0]
    return _quotes_where(
        report,
        f"quotes from {kind.replace('_', ' ')} speakers",
        lambda quote: (quote.speaker_type or OTHER_TYPE) == kind,
    )


def _speaker_country(report: Report, data: list[str]) -> Behind:
    code = data[0]
    return _quotes_where(
        report,
        f"quotes from speakers of {_country(code)}",
        lambda quote: (quote.country or UNKNOWN_COUNTRY) == code,
    )


def _quotes_where(report: Report, what: str, keep: Callable[[Quote], bool]) -> Behind:
    """The report's quotes that `keep` picks, by their index."""
    quotes = report.sources.quotes
    return Behind(report.article.id, what, quotes=tuple(i for i, q in enumerate(quotes) if keep(q)))


def _talked_or_heard(report: Report, data: list[str], only_country: bool = False) -> Behind:
    """Talked about: the sentences naming the country (its mentions in bold), or also
    its people and bodies unless `only_country`; heard: the quotes of its speakers."""
    code, measure = data[0], data[1]
    if measure == "heard":
        return _speaker_country(report, [code])
    mentions = [
        m
        for m in report.mentions
        if m.country == code and (m.kind == "country" or not only_country)
    ]
    return Behind(
        report.article.id,
        f"sentences naming {_country(code)}"
        + ("" if only_country else " or its people and bodies"),
        sentences=_sentences_of(report, (m.start for m in mentions)),
        layer="mentions",
        keys=tuple(dict.fromkeys(m.actor for m in mentions)),
    )


def _whole_article(report: Report, data: list[str]) -> Behind:
    return Behind(
        report.article.id,
        "sentences (every one counts in the mean)",
        sentences=tuple(t.sentence for t in report.sentiment.sentences),
        layer="words",
    )


def _voice(report: Report, data: list[str]) -> Behind:
    """Narration or quoted: the sentences with a part in that voice (the quotes marked)."""
    voice = data[0]
    return Behind(
        report.article.id,
        f"sentences with {'quoted text' if voice == 'quoted' else 'narration'}",
        sentences=tuple(
            t.sentence for t in report.sentiment.sentences if any(p.voice == voice for p in t.parts)
        ),
        layer="quotes",
    )


def _actor(report: Report, data: list[str]) -> Behind:
    toward = next((t for t in report.sentiment.toward if t.actor == data[0]), None)
    if toward is None:
        return Behind(report.article.id, "sentences naming that actor")
    return Behind(
        report.article.id,
        f"sentences naming {toward.name}",
        sentences=toward.sentences,
        layer="mentions",
        keys=(toward.actor,),
    )


def _sentence(report: Report, data: list[str]) -> Behind:
    number = int(data[0])  # as shown: counted from 1
    inside = 1 <= number <= len(report.document.sentences)
    return Behind(
        report.article.id,
        f"sentence (number {number})",
        sentences=(number - 1,) if inside else (),
        layer="words",
    )


def _fact(data: Sequence, reports: Sequence[Report], comparison: Comparison) -> tuple[Behind, ...]:
    """A dot of the coverage grid: (row of the shared facts, column key)."""
    shared = [fact for fact in comparison.coverage.facts if len(fact.columns) > 1]
    return _cell(data, shared, "sentences reporting the fact")


def _entity(
    data: Sequence, reports: Sequence[Report], comparison: Comparison
) -> tuple[Behind, ...]:
    """A dot of the entity grid: (row of the entities, column key)."""
    return _cell(data, comparison.entities, "sentences naming it")


def _cell(data: Sequence, rows: Sequence, what: str) -> tuple[Behind, ...]:
    """That column's sentences for the row, one `Behind` per article of the column; none
    for an empty dot (row -1)."""
    row, column = int(data[0]), str(data[1])
    if not 0 <= row < len(rows):
        return ()
    cell = next((c for c in rows[row].cells if c.column == column), None)
    if cell is None:
        return ()
    return tuple(Behind(e.article, what, sentences=e.sentences) for e in cell.evidence)


def _column_country(
    data: Sequence, reports: Sequence[Report], comparison: Comparison
) -> tuple[Behind, ...]:
    """A dot of talked about vs heard, by column: (column key, country) -> for each
    article of the column, the sentences naming the country, then its speakers' quotes."""
    column = next((c for c in comparison.columns if c.key == data[0]), None)
    by_id = {report.article.id: report for report in reports}
    members = [by_id[a] for a in (column.articles if column else ()) if a in by_id]
    return tuple(
        _talked_or_heard(report, [str(data[1]), measure], only_country=True)
        for report in members
        for measure in ("talked", "heard")
    )


def _term(data: Sequence, reports: Sequence[Report], comparison: Comparison) -> tuple[Behind, ...]:
    """A bar of the distinctive words: (column key, term) -> the column's sentences
    using the term."""
    entry = next((e for e in comparison.distinctive if e.column == data[0]), None)
    term = next((t for t in (entry.more if entry else ()) if t.term == data[1]), None)
    if term is None:
        return ()
    what = f"sentences using “{term.term}”"
    return tuple(Behind(e.article, what, sentences=e.sentences) for e in term.evidence)


def _sentences_of(report: Report, starts: Iterable[int]) -> tuple[int, ...]:
    """The sentences containing these offsets, each once, in reading order."""
    sentences = report.document.sentences
    begins = [s.start for s in sentences]
    found = set()
    for start in starts:
        place = bisect_right(begins, start) - 1
        if place >= 0 and start < sentences[place].end:
            found.add(sentences[place].index)
    return tuple(sorted(found))


def _country(code: str) -> str:
    return "unknown countries" if code == UNKNOWN_COUNTRY else country_name(code)


RULES = {
    "frames": _frame,
    "source-mix-type": _speaker_type,
    "source-mix-country": _speaker_country,
    "talked-about-heard": _talked_or_heard,
    "tone": _whole_article,
    "subjectivity": _whole_article,
    "narration-vs-quotes": _voice,
    "actor-tone": _actor,
    "tone-through": _sentence,
}
# The Differences page's charts, whose elements are columns of a `Comparison`.
BY_COLUMN = {
    "coverage-grid": _fact,
    "entity-grid": _entity,
    "talked-about-vs-heard": _column_country,
    "distinctive-words": _term,
}


def labelled(behind: Behind, labels: Mapping[str, str]) -> str:
    """`RT: 4 sentences carrying the Security frame` (or `RT: no …` when empty)."""
    count = len(behind.quotes or behind.sentences)
    what = behind.what
    if count == 1:
        what = re.sub(r"^(sentence|quote)s", r"\1", what)
    return f"{labels.get(behind.article, behind.article)}: {count or 'no'} {what}"
