"""`compare(reports) -> Comparison`: what outlets include, leave out, and how they word it.

Every part points back to sentences: an `Evidence` is an article id and the indices of
its sentences, so the dashboard can open the text behind each cell. Columns are outlets
(each outlet's articles pooled) or single articles, and the result does not depend on
the order the reports are given in. Methods, thresholds and their reasons are in the
README ("Comparing outlets") and on the dashboard's Method page.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise
from typing import Literal

import numpy as np

from .actors import find_mentions, gazetteer
from .entities import EntityKind, EntityMention, key_entities
from .report import Report
from .sources import Speaker
from .text import WORD, stopwords

By = Literal["article", "outlet"]
Direction = Literal["positive", "negative", "neutral"]
Similarity = Callable[[Sequence[Sequence[str]]], np.ndarray]

MIN_COLUMNS = 2
# Sentences are one fact while the mean TF-IDF cosine within their group stays at or above
# this. Chosen on 56 hand-labelled cross-outlet sentence pairs (tests/gold/fact_pairs.tsv,
# `python -m benchmarks.fact_grouping`): precision is 0.86 on a plateau from 0.28 to 0.32
# and falls below 0.5 under 0.27, where sentences sharing only the story's vocabulary
# (India, Russia, sanctions) start to merge. Recall is low (0.27): paraphrases with few
# shared words are missed, so "only" and "omitted" are lexical, not semantic, findings.
FACT_SIMILARITY = 0.3
ENTITY_WEIGHT = 2
MIN_FACT_WORDS = 4  # content words a sentence needs to be a fact (drops "Read more.")
OMITTED_SHARE = 0.5  # an outlet leaves out a fact when more than half the others report it
MIN_QUOTE_WORDS = 3  # quotations shorter than this are scare quotes or terms, not quotes
# Two quotations are one when the words they share in a row make up at least three
# quarters of the shorter (a trimmed quote lies wholly in the longer one), or are this
# many words long whatever their share. A stock phrase shared by two different statements
# ("all of our allies and partners" in 24 words, "partners like India" in 6) is neither.
SHARED_QUOTE_SHARE = 0.75
SHARED_QUOTE_WORDS = 8
# Monroe, Colaresi & Quinn (2008): the informative Dirichlet prior is the pooled counts of
# all selected articles times this scale (1: the prior weighs as much as the articles).
PRIOR_SCALE = 1.0
Z_SIGNIFICANT = 1.96  # |z| above this: a difference unlikely by chance (two-sided 5%)
DISTINCTIVE_TOP = 15
MIN_TERM_COUNT = 2
# VADER's documented neutral band for the compound score (Hutto & Gilbert 2014); the same
# band is used for TextBlob's polarity, whose documentation sets none.
NEUTRAL_BAND = 0.05


@dataclass(frozen=True)
class Evidence:
    """The sentences of one article behind a number or a cell."""

    article: str
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class Column:
    """One column of the comparison: an outlet (its articles pooled) or one article."""

    key: str
    label: str
    outlet: str
    articles: tuple[str, ...]
    words: int


@dataclass(frozen=True)
class Form:
    """The exact words used for an entity or actor, and how often."""

    text: str
    count: int


@dataclass(frozen=True)
class Cell:
    """What one column says about one row: how often, in which words, and where."""

    column: str
    count: int
    forms: tuple[Form, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Spread:
    """A mean over an outlet's articles weighted by their words, with the lowest and
    highest article values (equal when the outlet has one article)."""

    mean: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class OutletProfile:
    outlet: str
    articles: tuple[str, ...]
    words: int
    polarity: Spread
    subjectivity: Spread
    vader: Spread
    narration_polarity: Spread
    quoted_polarity: Spread


@dataclass(frozen=True)
class Fact:
    """Sentences from one or more columns that say the same thing.

    `text` is the most central sentence of the group; `cohesion` is the mean similarity
    between the group's sentences from different columns (1.0 for a single sentence).
    """

    id: int
    text: str
    columns: tuple[str, ...]
    cohesion: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ColumnFacts:
    column: str
    facts: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    """Facts × columns. `only`: facts one column alone reports. `omitted`: facts a
    column leaves out that more than half of the other columns report."""

    method: str
    threshold: float
    facts: tuple[Fact, ...]
    only: tuple[ColumnFacts, ...]
    omitted: tuple[ColumnFacts, ...]


@dataclass(frozen=True)
class EntityRow:
    """A key entity or number and the columns that name it."""

    key: str
    kind: EntityKind | Literal["country", "organization"]
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class QuoteUse:
    """One column's version of a shared quotation."""

    column: str
    article: str
    sentence: int
    start: int
    end: int
    text: str
    words: int
    speaker: str
    speaker_type: str
    country: str


@dataclass(frozen=True)
class SharedQuote:
    """The same quotation in several columns; `trimmed` when the versions differ in length
    or extent, `common` the longest run of words all versions share."""

    common: str
    columns: tuple[str, ...]
    trimmed: bool
    uses: tuple[QuoteUse, ...]


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


@dataclass(frozen=True)
class Term:
    """A word or two-word phrase and how much more (z > 0) or less one column uses it."""

    term: str
    z: float
    log_odds: float
    count: int
    others: int
    significant: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class DistinctiveWords:
    column: str
    more: tuple[Term, ...]
    less: tuple[Term, ...]


@dataclass(frozen=True)
class ActorLabels:
    """The names each column uses for one actor (`forms` per cell, most used first)."""

    actor: str
    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Disagreement:
    """A sentence TextBlob and VADER read in opposite directions."""

    column: str
    article: str
    sentence: int
    text: str
    polarity: float
    vader: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class DisagreementRate:
    column: str
    sentences: int
    opposite: int


@dataclass(frozen=True)
class Comparison:
    """Everything `compare` found; `note` says why parts are empty (too few columns)."""

    by: By
    note: str
    columns: tuple[Column, ...]
    outlets: tuple[OutletProfile, ...]
    coverage: Coverage
    entities: tuple[EntityRow, ...]
    quotes: tuple[SharedQuote, ...]
    speakers: tuple[SharedSpeaker, ...]
    voices: tuple[Voices, ...]
    distinctive: tuple[DistinctiveWords, ...]
    labels: tuple[ActorLabels, ...]
    verbs: tuple[SideVerbs, ...]
    disagreement: tuple[Disagreement, ...]
    disagreement_rates: tuple[DisagreementRate, ...]


def compare(
    reports: Iterable[Report],
    by: By = "outlet",
    similarity: Similarity | None = None,
    threshold: float = FACT_SIMILARITY,
) -> Comparison:
    """Line up 2 or more analysed articles, by outlet (default) or by article.

    `similarity` maps the sentences' terms to a square similarity matrix (default:
    TF-IDF cosine); `threshold` is the similarity at which sentences are one fact.
    """
    reports = _canonical(reports)
    columns = make_columns(reports, by)
    similarity = similarity or tfidf_similarity
    method = similarity.__name__
    note = too_few(reports, columns, by)
    if note:
        return _empty(by, note, columns, Coverage(method, threshold, (), (), ()))
    column_of = {article: column.key for column in columns for article in column.articles}
    keys = [column.key for column in columns]
    entities = key_entities([report.article.text for report in reports])
    return Comparison(
        by=by,
        note="",
        columns=columns,
        outlets=outlet_profiles(reports),
        coverage=coverage(reports, entities, column_of, keys, similarity, threshold),
        entities=entity_matrix(reports, entities, column_of),
        quotes=shared_quotes(reports, column_of),
        speakers=shared_speakers(reports, column_of),
        voices=voices(reports, column_of, keys),
        distinctive=distinctive_words(reports, entities, column_of, keys),
        labels=actor_labels(reports, column_of),
        verbs=side_verbs(reports, column_of),
        disagreement=disagreements(reports, column_of),
        disagreement_rates=disagreement_rates(reports, column_of, keys),
    )


def _empty(by: By, note: str, columns: tuple[Column, ...], coverage: Coverage) -> Comparison:
    """A comparison with every part empty, saying in `note` why."""
    parts = {field.name: () for field in fields(Comparison)}
    return Comparison(**{**parts, "by": by, "note": note, "columns": columns, "coverage": coverage})


def _canonical(reports: Iterable[Report]) -> list[Report]:
    """Reports in a fixed order (outlet, date, id, then the rest), each article once.

    Two different articles with one id (`story.txt` from two folders, one text under two
    outlets) are both kept, the later in that order renamed `id-2`, `id-3`, …, so the
    result never depends on the order the reports came in.
    """
    unique = {_identity(report): report for report in reports}
    ordered = [unique[key] for key in sorted(unique)]
    taken = {report.article.id for report in ordered}
    used: set[str] = set()
    result = []
    for report in ordered:
        article_id, number = report.article.id, 1
        while article_id in used:
            number += 1
            article_id = f"{report.article.id}-{number}"
            if article_id in taken:
                article_id = report.article.id  # another article's own id: try the next
        used.add(article_id)
        if article_id != report.article.id:
            report = replace(report, article=replace(report.article, id=article_id))
        result.append(report)
    return result


def _identity(report: Report) -> tuple[str, ...]:
    article = report.article
    return (article.outlet, article.date, article.id, article.title, article.file, article.text)


def too_few(reports: Sequence[Report], columns: Sequence[Column], by: By) -> str:
    """Why a comparison cannot be made, in words a user can act on ('' when it can)."""
    if len(reports) < MIN_COLUMNS:
        return (
            f"A comparison needs at least {MIN_COLUMNS} articles; {len(reports)} selected. "
            "Select another article."
        )
    if len(columns) < MIN_COLUMNS:
        return (
            f"All {len(reports)} selected articles come from one outlet "
            f"({columns[0].label}); compare them by article, or select another outlet."
        )
    return ""


def make_columns(reports: Sequence[Report], by: By) -> tuple[Column, ...]:
    """Columns in a fixed order; an article with no outlet is an outlet of its own."""
    groups: dict[str, list[Report]] = defaultdict(list)
    labels: dict[str, str] = {}
    for report in reports:
        article = report.article
        name = article.title or article.file or article.id
        if by == "article":
            key = article.id
            labels[key] = f"{article.outlet}: {name}" if article.outlet else name
        else:
            key = article.outlet or f"article {article.id}"
            labels[key] = article.outlet or name
        groups[key].append(report)
    return tuple(
        Column(
            key,
            labels[key],
            members[0].article.outlet,
            tuple(r.article.id for r in members),
            sum(r.words for r in members),
        )
        for key, members in groups.items()
    )


# --- outlet profiles ------------------------------------------------------------------


def outlet_profiles(reports: Sequence[Report]) -> tuple[OutletProfile, ...]:
    """Each outlet's tone, its articles weighted by their words, with the spread between them."""
    by_outlet: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_outlet[report.article.outlet or f"article {report.article.id}"].append(report)
    return tuple(
        OutletProfile(
            outlet,
            tuple(r.article.id for r in members),
            sum(r.words for r in members),
            spread(members, lambda r: r.sentiment.polarity),
            spread(members, lambda r: r.sentiment.subjectivity),
            spread(members, lambda r: r.sentiment.vader),
            spread(members, lambda r: r.sentiment.narration.polarity),
            spread(members, lambda r: r.sentiment.quoted.polarity),
        )
        for outlet, members in by_outlet.items()
    )


def spread(reports: Sequence[Report], value: Callable[[Report], float | None]) -> Spread:
    """Word-weighted mean of `value` over the reports that have one, with its range."""
    pairs = [(value(r), r.words) for r in reports if value(r) is not None]
    if not pairs:
        return Spread(None, None, None)
    values = [v for v, _ in pairs]
    weights = [max(1, w) for _, w in pairs]
    mean = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
    return Spread(round(mean, 4), min(values), max(values))


# --- terms ----------------------------------------------------------------------------


@cache
def normal_word(word: str) -> str:
    """Lower case (acronyms keep their capitals: US is not us; S-400s is S-400), straight
    apostrophes, possessive `'s` removed."""
    word = re.sub(r"[’']s$", "", word.replace("’", "'"))
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    return word if len(word) > 1 and word.isupper() else word.lower()


def sentence_terms(
    text: str, start: int, end: int, masked: Sequence[tuple[int, int]] = ()
) -> list[str]:
    """Content words of text[start:end] and the two-word phrases they form.

    Stop-words and words inside `masked` spans (people's names, the outlet's own name)
    are left out; a phrase is two content words with only spaces or a hyphen between.
    """
    spans = [(a, b) for a, b in masked if a < end and b > start]
    words = []
    for match in WORD.finditer(text, start, end):
        inside = any(a <= match.start() < b for a, b in spans)
        word = normal_word(match.group())
        words.append((word, match.start(), match.end(), inside or word in stopwords()))
    terms = [word for word, _, _, skip in words if not skip]
    for (first, _, first_end, skip1), (second, second_start, _, skip2) in pairwise(words):
        if not (skip1 or skip2) and text[first_end:second_start].strip(" -") == "":
            terms.append(f"{first} {second}")
    return terms


def tfidf_similarity(documents: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors (sublinear term frequency, smoothed idf)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(documents):
        return np.eye(len(documents))
    vectors = TfidfVectorizer(analyzer=list, sublinear_tf=True).fit_transform(documents)
    return (vectors @ vectors.T).toarray()


# --- coverage -------------------------------------------------------------------------


def coverage(
    reports: Sequence[Report],
    entities: Sequence[Sequence[EntityMention]],
    column_of: dict[str, str],
    column_keys: Sequence[str],
    similarity: Similarity,
    threshold: float,
) -> Coverage:
    """Group sentences into facts by average-linkage clustering on `similarity`."""
    units: list[tuple[Report, int]] = []
    terms: list[list[str]] = []
    for report, found in zip(reports, entities, strict=True):
        for sentence in report.document.sentences:
            words = fact_terms(report, sentence.start, sentence.end, found)
            if sum(" " not in term for term in words) >= MIN_FACT_WORDS:
                units.append((report, sentence.index))
                terms.append(words)
    matrix = similarity(terms) if units else np.zeros((0, 0))
    groups = cluster(matrix, threshold)
    facts = [_fact(members, units, matrix, column_of) for members in groups]
    facts.sort(key=lambda f: (-len(f.columns), -f.cohesion, _first_location(f)))
    facts = [_renumber(fact, number) for number, fact in enumerate(facts, 1)]
    only = tuple(
        ColumnFacts(key, tuple(f.id for f in facts if f.columns == (key,))) for key in column_keys
    )
    omitted = tuple(
        ColumnFacts(key, tuple(f.id for f in facts if _omits(f, key, len(column_keys))))
        for key in column_keys
    )
    return Coverage(similarity.__name__, threshold, tuple(facts), only, omitted)


def fact_terms(
    report: Report, start: int, end: int, entities: Sequence[EntityMention]
) -> list[str]:
    """A sentence's terms for fact matching: stemmed content words, and each entity and
    actor once by its key (entities twice: a shared amount, law or person says more about
    a shared fact than a shared word does).

    `Washington` and `the United States` become one term `actor:US`; a law's five-word
    name one term, so names neither split into many shared words nor hide a paraphrase.
    """
    inside = [m for m in entities if start <= m.start < end]
    actors = [m for m in report.mentions if start <= m.start < end]
    masked = [(m.start, m.end) for m in inside] + [(m.start, m.end) for m in actors]
    words = [
        _stem(term)
        for term in sentence_terms(report.article.text, start, end, masked)
        if " " not in term
    ]
    keys = [f"{m.kind}:{m.key}" for m in inside] * ENTITY_WEIGHT
    return words + keys + [f"actor:{m.actor}" for m in actors]


@cache
def _stem(word: str) -> str:
    """Snowball (Porter 2) English stem, so `sanctions`, `sanctioned` match."""
    return word if word.isupper() else _stemmer().stemWord(word)


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _renumber(fact: Fact, number: int) -> Fact:
    return Fact(number, fact.text, fact.columns, fact.cohesion, fact.cells)


def _first_location(fact: Fact) -> tuple[str, int]:
    evidence = fact.cells[0].evidence[0]
    return evidence.article, evidence.sentences[0]


def _omits(fact: Fact, column: str, columns: int) -> bool:
    others = columns - 1
    return column not in fact.columns and len(fact.columns) > OMITTED_SHARE * others


def cluster(matrix: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage groups whose mean pairwise similarity stays at or above `threshold`."""
    n = len(matrix)
    if n < 2:
        return [[i] for i in range(n)]
    from sklearn.cluster import AgglomerativeClustering

    distance = np.clip(1.0 - matrix, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold + 1e-9,
    ).fit_predict(distance)
    groups: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[label].append(index)
    return sorted(groups.values())


def _fact(
    members: Sequence[int],
    units: Sequence[tuple[Report, int]],
    matrix: np.ndarray,
    column_of: dict[str, str],
) -> Fact:
    by_column: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        report, index = units[m]
        by_column[column_of[report.article.id]][report.article.id].append(index)
    central = max(members, key=lambda m: (matrix[m, members].sum(), -m))
    report, index = units[central]
    cross = [
        matrix[a, b]
        for a in members
        for b in members
        if a < b and column_of[units[a][0].article.id] != column_of[units[b][0].article.id]
    ]
    cells = tuple(
        Cell(
            column,
            sum(len(s) for s in articles.values()),
            (),
            tuple(Evidence(a, tuple(sorted(s))) for a, s in articles.items()),
        )
        for column, articles in by_column.items()
    )
    return Fact(
        0,
        report.document.sentence_text(index),
        tuple(by_column),
        round(float(np.mean(cross)), 4) if cross else 1.0,
        cells,
    )


# --- key entities and numbers ---------------------------------------------------------


def entity_matrix(
    reports: Sequence[Report],
    entities: Sequence[Sequence[EntityMention]],
    column_of: dict[str, str],
) -> tuple[EntityRow, ...]:
    """Amounts, numbers, laws, acronyms, people and actors × the columns naming them."""
    uses: dict[tuple[str, str], dict[str, list[tuple[Report, str, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    actors = gazetteer()
    for report, found in zip(reports, entities, strict=True):
        column = column_of[report.article.id]
        for entity in found:
            row = (entity.kind, entity.key)
            uses[row][column].append((report, entity.form, entity.start))
            labels[row][entity.form if entity.kind != "person" else entity.key] += 1
        for mention in report.mentions:
            actor = actors[mention.actor]
            row = (actor.kind, actor.id)
            uses[row][column].append((report, mention.alias, mention.start))
            labels[row][actor.name] += 1
    rows = [
        EntityRow(key, kind, _label(kind, key, labels[(kind, key)]), _cells(columns))
        for (kind, key), columns in uses.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-len(r.cells), KIND_ORDER.index(r.kind), r.key)))


KIND_ORDER = ("money", "number", "law", "acronym", "country", "organization", "person")


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _label(kind: str, key: str, forms: Counter) -> str:
    if kind in ("money", "number"):
        return key
    if kind == "law":
        return forms.most_common(1)[0][0]
    return forms.most_common(1)[0][0] if kind in ("country", "organization") else key


def _cells(columns: dict[str, list[tuple[Report, str, int]]]) -> tuple[Cell, ...]:
    """One cell per column: mentions counted, forms most used first, sentences as evidence."""
    cells = []
    for column, uses in columns.items():
        forms = Counter(form for _, form, _ in uses)
        sentences: dict[str, set[int]] = defaultdict(set)
        for report, _, offset in uses:
            sentences[report.article.id].add(report.document.sentence_at(offset))
        cells.append(
            Cell(
                column,
                len(uses),
                tuple(Form(text, n) for text, n in sorted(forms.items(), key=_by_count)),
                tuple(Evidence(a, tuple(sorted(s))) for a, s in sentences.items()),
            )
        )
    return tuple(cells)


# --- shared quotes --------------------------------------------------------------------


def _quote_words(text: str) -> list[str]:
    return [normal_word(m.group()).lower() for m in WORD.finditer(text)]


def shared_quotes(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[SharedQuote, ...]:
    """The same quotation in two or more columns, matched on a long enough run of words
    (see `same_quotation`). Quotes come from `analysis.sources` (words inside quotation
    marks that have a speaker; scare quotes are not quotes), each with its speaker."""
    uses: list[QuoteUse] = []
    words: list[list[str]] = []
    for report in reports:
        for quote in report.sources.quotes:
            quoted = _quote_words(quote.text)
            if quote.kind == "indirect" or len(quoted) < MIN_QUOTE_WORDS:
                continue
            uses.append(
                QuoteUse(
                    column_of[report.article.id],
                    report.article.id,
                    quote.sentence,
                    quote.start,
                    quote.end,
                    quote.text,
                    len(quoted),
                    quote.speaker,
                    quote.speaker_type or "",
                    quote.country,
                )
            )
            words.append(quoted)
    parent = list(range(len(uses)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidate_pairs(words):
        if uses[a].column != uses[b].column and same_quotation(words[a], words[b]):
            parent[root(b)] = root(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(uses)):
        groups[root(index)].append(index)
    result = []
    for members in groups.values():
        columns = tuple(dict.fromkeys(uses[m].column for m in members))
        if len(columns) < MIN_COLUMNS:
            continue
        versions = {tuple(words[m]) for m in members}
        result.append(
            SharedQuote(
                " ".join(common_run([words[m] for m in members])),
                columns,
                len(versions) > 1,
                tuple(uses[m] for m in members),
            )
        )
    return tuple(
        sorted(result, key=lambda q: (-len(q.columns), q.uses[0].article, q.uses[0].start))
    )


def _candidate_pairs(words: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Pairs of quotations sharing a run of `MIN_QUOTE_WORDS` words: only they can match."""
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for number, quoted in enumerate(words):
        for i in range(len(quoted) - MIN_QUOTE_WORDS + 1):
            index[tuple(quoted[i : i + MIN_QUOTE_WORDS])].add(number)
    return sorted({(a, b) for found in index.values() for a in found for b in found if a < b})


def same_quotation(first: Sequence[str], second: Sequence[str]) -> bool:
    """Do two quotations (as word lists) share enough consecutive words to be one?"""
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match()
    shorter = min(len(first), len(second))
    return match.size >= SHARED_QUOTE_WORDS or (
        match.size >= MIN_QUOTE_WORDS and match.size >= SHARED_QUOTE_SHARE * shorter
    )


def common_run(versions: Sequence[Sequence[str]]) -> list[str]:
    """The longest run of consecutive words found in every version."""
    common = list(versions[0])
    for version in versions[1:]:
        match = SequenceMatcher(None, common, version, autojunk=False).find_longest_match()
        common = common[match.a : match.a + match.size]
    return common


# --- speakers and voices --------------------------------------------------------------


def speaker_key(speaker: Speaker) -> str:
    """Who a speaker is across articles: a personal name, or the actor an institution
    names ("The US", "the United States" -> actor:US); '' when it cannot be told
    (an unnamed "senior official" in one article is not known to be the one in another)."""
    if speaker.named:
        return " ".join(speaker.name.split()).lower()
    if speaker.form == "institution":
        name = re.sub(r"^(?:the|The)\s+", "", speaker.name.strip())
        mentions = find_mentions(name)
        if len(mentions) == 1 and mentions[0].alias == name:
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
                        Counter(speaker.name for _, speaker in uses).items(), key=_by_count
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
    actors = gazetteer()
    mentioned = Counter(
        actors[m.actor].country
        for report in reports
        for m in report.mentions
        if actors[m.actor].kind == "country" and actors[m.actor].country
    )
    by_country = Counter(s.country for s in speakers.values() if s.country)
    unheard = tuple(
        code for code, _ in sorted(mentioned.items(), key=_by_count) if code not in by_country
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
        tuple(Count(k, n) for k, n in sorted(by_type.items(), key=_by_count)),
        tuple(Count(k, n) for k, n in sorted(by_country.items(), key=_by_count)),
        tuple(Count(k, n) for k, n in sorted(mentioned.items(), key=_by_count)),
        unheard,
        voices_summary(list(speakers.values()), mentioned, unheard),
        evidence,
    )


def voices_summary(speakers: Sequence[Speaker], mentioned: Counter, unheard: Sequence[str]) -> str:
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
    """The gazetteer's name for an ISO country code ("IN" -> "India"), else the code."""
    for actor in gazetteer().values():
        if actor.kind == "country" and actor.country == code:
            return actor.name
    return code


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
    rows = [SideVerbs(code, country_name(code), _cells(columns)) for code, columns in uses.items()]
    return tuple(sorted(rows, key=lambda r: (-sum(c.count for c in r.cells), r.country)))


# --- distinctive words ----------------------------------------------------------------


def _masked_spans(report: Report, people: Iterable[EntityMention]) -> list[tuple[int, int]]:
    """People's names and the outlet's own name: they say whom an article quotes or who
    published it, not how it words the story."""
    spans = [(m.start, m.end) for m in people if m.kind == "person"]
    outlet = report.article.outlet
    if outlet:
        spans += [m.span() for m in re.finditer(re.escape(outlet), report.article.text)]
    return spans


def distinctive_words(
    reports: Sequence[Report],
    entities: Sequence[Sequence[EntityMention]],
    column_of: dict[str, str],
    column_keys: Sequence[str],
) -> tuple[DistinctiveWords, ...]:
    """Each column's words against all other columns: weighted log-odds ratios with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as z-scores."""
    counts: dict[str, Counter] = {key: Counter() for key in column_keys}
    where: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for report, found in zip(reports, entities, strict=True):
        column = column_of[report.article.id]
        masked = _masked_spans(report, found)
        for sentence in report.document.sentences:
            for term in sentence_terms(report.article.text, sentence.start, sentence.end, masked):
                if any(c.isalpha() for c in term):
                    counts[column][term] += 1
                    where[(column, term)][report.article.id].add(sentence.index)
    total = sum(counts.values(), Counter())
    return tuple(
        _column_terms(key, counts[key], total - counts[key], total, where) for key in column_keys
    )


def log_odds_z(
    own: Counter, others: Counter, prior: Counter, scale: float = PRIOR_SCALE
) -> dict[str, tuple[float, float]]:
    """Term -> (log-odds ratio, z-score) of `own` against `others` (Monroe et al. eq. 16, 19)."""
    alpha = {term: scale * count for term, count in prior.items() if count}
    alpha0 = sum(alpha.values())
    n_own, n_others = sum(own.values()), sum(others.values())
    scores = {}
    for term, a in alpha.items():
        y_own, y_others = own[term], others[term]
        rest_own, rest_others = n_own + alpha0 - y_own - a, n_others + alpha0 - y_others - a
        if rest_own <= 0 or rest_others <= 0:
            continue  # the only word in the vocabulary: no other words to set odds against
        delta = math.log((y_own + a) / rest_own) - math.log((y_others + a) / rest_others)
        variance = 1 / (y_own + a) + 1 / (y_others + a)
        scores[term] = (delta, delta / math.sqrt(variance))
    return scores


def _column_terms(
    column: str,
    own: Counter,
    others: Counter,
    total: Counter,
    where: dict[tuple[str, str], dict[str, set[int]]],
) -> DistinctiveWords:
    scores = log_odds_z(own, others, total)

    def term(word: str) -> Term:
        delta, z = scores[word]
        evidence = tuple(
            Evidence(article, tuple(sorted(sentences)))
            for article, sentences in where.get((column, word), {}).items()
        )
        return Term(
            word,
            round(z, 3),
            round(delta, 4),
            own[word],
            others[word],
            abs(z) > Z_SIGNIFICANT,
            evidence,
        )

    more = sorted((w for w in scores if own[w] >= MIN_TERM_COUNT), key=lambda w: (-scores[w][1], w))
    less = sorted(
        (w for w in scores if others[w] >= MIN_TERM_COUNT and scores[w][1] < 0),
        key=lambda w: (scores[w][1], w),
    )
    return DistinctiveWords(
        column,
        tuple(term(w) for w in more[:DISTINCTIVE_TOP] if scores[w][1] > 0),
        tuple(term(w) for w in less[:DISTINCTIVE_TOP]),
    )


# --- labels ---------------------------------------------------------------------------


def actor_labels(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[ActorLabels, ...]:
    """For each actor, the words (aliases) each column names it with, most used first."""
    uses: dict[str, dict[str, list[tuple[Report, str, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for report in reports:
        for mention in report.mentions:
            uses[mention.actor][column_of[report.article.id]].append(
                (report, mention.alias, mention.start)
            )
    actors = gazetteer()
    rows = [
        ActorLabels(actor, actors[actor].name, _cells(columns)) for actor, columns in uses.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-sum(c.count for c in r.cells), r.actor)))


# --- analyzer disagreement ------------------------------------------------------------


def direction(score: float) -> Direction:
    if score > NEUTRAL_BAND:
        return "positive"
    return "negative" if score < -NEUTRAL_BAND else "neutral"


def opposite(polarity: float, vader: float) -> bool:
    """TextBlob and VADER point in opposite directions, both outside the neutral band."""
    return {direction(polarity), direction(vader)} == {"positive", "negative"}


def disagreements(reports: Sequence[Report], column_of: dict[str, str]) -> tuple[Disagreement, ...]:
    """Sentences TextBlob and VADER read in opposite directions, with TextBlob's words."""
    return tuple(
        Disagreement(
            column_of[report.article.id],
            report.article.id,
            tone.sentence,
            report.document.sentence_text(tone.sentence),
            tone.polarity,
            tone.vader,
            tuple(word for assessment in tone.assessments for word in assessment.words),
        )
        for report in reports
        for tone in report.sentiment.sentences
        if opposite(tone.polarity, tone.vader)
    )


def disagreement_rates(
    reports: Sequence[Report], column_of: dict[str, str], column_keys: Sequence[str]
) -> tuple[DisagreementRate, ...]:
    sentences: Counter = Counter()
    opposed: Counter = Counter()
    for report in reports:
        column = column_of[report.article.id]
        for tone in report.sentiment.sentences:
            sentences[column] += 1
            opposed[column] += opposite(tone.polarity, tone.vader)
    return tuple(DisagreementRate(key, sentences[key], opposed[key]) for key in column_keys)
