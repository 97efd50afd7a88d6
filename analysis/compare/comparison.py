"""`compare(reports) -> Comparison`: what outlets include, leave out, and how they word it.

Every part points back to sentences: an `Evidence` is an article id and the indices of
its sentences, so the dashboard can open the text behind each cell. Methods, thresholds
and their reasons are in the README ("Comparing outlets") and on the dashboard's Method
page.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from ..report import Report
from .actors import story_actors
from .columns import By, Column, canonical, make_columns, too_few
from .coverage import FACT_SIMILARITY, Coverage, Similarity, coverage, tfidf_similarity
from .disagreement import Disagreement, DisagreementRate, disagreement_rates, disagreements
from .entities import EntityRow, entity_matrix, key_entities
from .profiles import ToneProfile, tone_profiles
from .quotes import SharedQuote, shared_quotes
from .voices import SharedSpeaker, SideVerbs, Voices, shared_speakers, side_verbs, voices
from .words import ActorLabels, DistinctiveWords, actor_labels, distinctive_words


@dataclass(frozen=True)
class Comparison:
    """Everything `compare` found; `note` says why parts are empty (too few columns)."""

    by: By
    note: str
    columns: tuple[Column, ...]
    outlets: tuple[ToneProfile, ...]
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

    `similarity` maps the sentences' terms to unit-length vectors or a square similarity
    matrix (default: TF-IDF vectors, cosine); `threshold` is the similarity at which
    sentences are one fact.
    """
    reports = canonical(reports)
    columns = make_columns(reports, by)
    similarity = similarity or tfidf_similarity
    method = similarity.__name__
    note = too_few(reports, columns, by)
    if note:
        return _empty(by, note, columns, Coverage(method, threshold, (), (), ()))
    column_of = {article: column.key for column in columns for article in column.articles}
    keys = [column.key for column in columns]
    entities = key_entities(reports)
    actors = story_actors(reports)
    return Comparison(
        by=by,
        note="",
        columns=columns,
        outlets=tone_profiles(reports),
        coverage=coverage(reports, entities, column_of, keys, similarity, threshold),
        entities=entity_matrix(reports, entities, actors, column_of),
        quotes=shared_quotes(reports, column_of),
        speakers=shared_speakers(reports, column_of),
        voices=voices(reports, column_of, keys),
        distinctive=distinctive_words(reports, column_of, keys),
        labels=actor_labels(reports, actors, column_of),
        verbs=side_verbs(reports, column_of),
        disagreement=disagreements(reports, column_of),
        disagreement_rates=disagreement_rates(reports, column_of, keys),
    )


def _empty(by: By, note: str, columns: tuple[Column, ...], coverage: Coverage) -> Comparison:
    """A comparison with every part empty, saying in `note` why."""
    parts: dict[str, Any] = {field.name: () for field in fields(Comparison)}
    return Comparison(**{**parts, "by": by, "note": note, "columns": columns, "coverage": coverage})
