"""Every kind of question, by the id the templates in data/lesson.toml use, and
`generate_questions`: the questions the results support, in the templates' order.
"""

from collections.abc import Callable, Sequence
from typing import Any

from ...compare import Comparison
from ...compare.actors import story_actors
from ...report import Report
from ...resources import load_toml
from .base import TEMPLATES_FILE, Context, Question
from .coverage import distinctive_word, left_out, only_one_mentions, only_one_reports, trimmed_quote
from .frames import frame_only_one, language_only_one, lede_frame
from .sources import (
    anonymity,
    most_voices,
    no_official,
    second_hand,
    speaker_type_only_one,
    unheard,
)
from .tone import actor_tone, analyzer_disagreement, narration_subjectivity, narration_tone

QUESTION_KINDS: dict[str, Callable[[Context, dict[str, Any]], list[Question]]] = {
    "unheard": unheard,
    "no_official": no_official,
    "speaker_type_only_one": speaker_type_only_one,
    "most_voices": most_voices,
    "anonymity": anonymity,
    "second_hand": second_hand,
    "only_one_reports": only_one_reports,
    "left_out": left_out,
    "lede_frame": lede_frame,
    "frame_only_one": frame_only_one,
    "language_only_one": language_only_one,
    "narration_subjectivity": narration_subjectivity,
    "narration_tone": narration_tone,
    "actor_tone": actor_tone,
    "only_one_mentions": only_one_mentions,
    "distinctive_word": distinctive_word,
    "trimmed_quote": trimmed_quote,
    "analyzer_disagreement": analyzer_disagreement,
}


def generate_questions(
    reports: Sequence[Report], labels: dict[str, str], comparison: Comparison | None
) -> tuple[Question, ...]:
    """Every question the results support, in the order of the templates file.

    `labels` name each article (by id) in choices; `comparison` is `compare(reports)`.
    """
    context = Context(tuple(reports), labels, comparison, story_actors(reports))
    templates = load_toml(TEMPLATES_FILE)["question"]
    return tuple(
        question
        for kind, template in templates.items()
        for question in QUESTION_KINDS[kind](context, template)
    )
