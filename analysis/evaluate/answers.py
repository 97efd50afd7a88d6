"""The Classroom's answer keys about sources, checked against the hand-annotated speakers.

A teacher reads out the answer key, so a wrong speaker country or type becomes a wrong
answer in front of the class. For each story of a gold set (its articles grouped by the
story their manifest note names first: `Kenya 2022 presidential result; excerpt`), the
lesson is built as the Classroom page builds it, and each question about who speaks is
answered again from the gold speakers of the same articles.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..classroom.lesson import article_labels, build_lesson
from ..classroom.questions import Question
from ..compare.voices import country_name
from .gold import GoldArticle, analyzed_by_story, fmt, story_of

# The gold speakers of each article, by the article's label in the lesson.
Speakers = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class AnswerCheck:
    """One question's answer key beside the answer the gold speakers give."""

    story: str
    question: str
    answers: tuple[str, ...]
    gold: tuple[str, ...]

    @property
    def right(self) -> bool:
        return set(self.answers) == set(self.gold)


@dataclass(frozen=True)
class AnswerKeyEvaluation:
    stories: int
    checks: tuple[AnswerCheck, ...]
    section: str = "answer_keys"

    @property
    def accuracy(self) -> float | None:
        return sum(c.right for c in self.checks) / len(self.checks) if self.checks else None

    def to_text(self) -> str:
        lines = [
            f"answer keys on sources: {len(self.checks)} questions on {self.stories} stories, "
            f"right {fmt(self.accuracy)}"
        ]
        lines += [
            f"  {c.story}: {c.question}: key {', '.join(c.answers)}; gold {', '.join(c.gold)}"
            for c in self.checks
            if not c.right
        ]
        return "\n".join(lines)


def _no_official(question: Question, speakers: Speakers) -> tuple[str, ...]:
    code = question.id.split(":", 1)[1]
    return tuple(
        label
        for label, quoted in speakers.items()
        if not any(s["speaker_type"] == "official" and s["country"] == code for s in quoted)
    )


def _speaker_type_only_one(question: Question, speakers: Speakers) -> tuple[str, ...]:
    kind = question.id.split(":", 1)[1]
    return tuple(
        label
        for label, quoted in speakers.items()
        if any(s["speaker_type"] == kind for s in quoted)
    )


def _unheard(question: Question, speakers: Speakers) -> tuple[str, ...]:
    heard = {country_name(s["country"]) for quoted in speakers.values() for s in quoted}
    *countries, none = question.choices  # the last choice is "none of them"
    return tuple(c for c in countries if c in heard) or (none,)


def _most_voices(question: Question, speakers: Speakers) -> tuple[str, ...]:
    voices = {label: len({s["speaker"] for s in quoted}) for label, quoted in speakers.items()}
    return (max(voices, key=lambda label: voices[label]),)


# Question kinds whose answer the gold speakers decide, and how.
GOLD_ANSWERS: dict[str, Callable[[Question, Speakers], tuple[str, ...]]] = {
    "no_official": _no_official,
    "speaker_type_only_one": _speaker_type_only_one,
    "unheard": _unheard,
    "most_voices": _most_voices,
}


def evaluate_answer_keys(section: str, items: Sequence[GoldArticle]) -> AnswerKeyEvaluation:
    """Build a lesson per story of two or more articles; check every sources question
    against the speakers of gold `section` (the quotes)."""
    stories: dict[str, list[GoldArticle]] = defaultdict(list)
    for item in items:
        if story_of(item):
            stories[story_of(item)].append(item)
    checks: list[AnswerCheck] = []
    asked = {story: group for story, group in stories.items() if len(group) >= 2}
    for story, group in asked.items():
        together = analyzed_by_story(group)
        reports = [together[item.article.file] for item in group]
        labels = article_labels(reports)
        speakers = {
            labels[report.article.id]: item.sections.get(section, [])
            for report, item in zip(reports, group, strict=True)
        }
        for question in build_lesson(reports).questions:
            if question.kind in GOLD_ANSWERS:
                gold = GOLD_ANSWERS[question.kind](question, speakers)
                checks.append(AnswerCheck(story, question.id, question.answers, gold))
    return AnswerKeyEvaluation(len(asked), tuple(checks))
