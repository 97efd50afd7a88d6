"""Classroom mode: a predict-then-reveal lesson generated from the analysis of any articles.

`build_lesson(reports)` gathers the questions the results support (analysis/questions.py)
and a source card for every quoted speaker (analysis/source_cards.py). A Lesson is
immutable; a teacher's edits (skip, restore, move, add, edit) return a new one, and
`analysis.classroom.plan` keeps them as a lesson plan that outlives the session.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..compare import Comparison, compare
from ..compare.columns import MIN_COLUMNS
from ..report import Report
from ..resources import load_toml
from .glossary import Term, glossary
from .questions import TEMPLATES_FILE, Evidence, Question, generate_questions
from .source_cards import Check, SourceCard, source_cards

__all__ = [
    "Check",
    "Evidence",
    "Lesson",
    "LessonArticle",
    "Question",
    "SourceCard",
    "article_labels",
    "build_lesson",
    "custom_question",
]


@dataclass(frozen=True)
class LessonArticle:
    id: str
    outlet: str
    title: str
    date: str
    url: str
    words: int
    text: str


@dataclass(frozen=True)
class Lesson:
    """Questions in teaching order, the ones skipped, the articles they are about, and a
    source card for every quoted speaker."""

    title: str
    articles: tuple[LessonArticle, ...]
    questions: tuple[Question, ...]
    skipped: tuple[Question, ...] = ()
    cards: tuple[SourceCard, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        """Glossary entries the questions and source cards use, in glossary order."""
        used = {term for question in self.questions for term in question.terms}
        for card in self.cards:
            used |= {check.id for check in card.checks} | {f"speaker.{card.speaker_type}"}
        return tuple(term for term_id, term in glossary().items() if term_id in used)

    def question(self, question_id: str) -> Question:
        for question in self.questions + self.skipped:
            if question.id == question_id:
                return question
        raise KeyError(f"no question {question_id!r} in this lesson")

    def skip(self, question_id: str) -> "Lesson":
        question = self.question(question_id)
        if question not in self.questions:
            return self
        return replace(
            self,
            questions=tuple(q for q in self.questions if q.id != question_id),
            skipped=(*self.skipped, question),
        )

    def restore(self, question_id: str, position: int | None = None) -> "Lesson":
        """Bring a skipped question back, at the end unless `position` is given."""
        question = self.question(question_id)
        if question not in self.skipped:
            return self
        lesson = replace(self, skipped=tuple(q for q in self.skipped if q.id != question_id))
        return lesson.add(question, position)

    def move(self, question_id: str, position: int) -> "Lesson":
        """Put a question at `position` (0-based, clamped to the list)."""
        question = self.question(question_id)
        rest = [q for q in self.questions if q.id != question_id]
        position = max(0, min(position, len(rest)))
        return replace(self, questions=(*rest[:position], question, *rest[position:]))

    def edit(
        self, question_id: str, answers: Sequence[str] | None = None, reveal: str | None = None
    ) -> "Lesson":
        """Change a question's right answers (among its choices) or what the reveal says."""
        question = self.question(question_id)
        answers = question.answers if answers is None else tuple(a.strip() for a in answers)
        if unknown := [answer for answer in answers if answer not in question.choices]:
            raise ValueError(f"answers must be among the choices: {', '.join(unknown)}")
        edited = replace(
            question,
            answers=tuple(dict.fromkeys(answers)),
            reveal=question.reveal if reveal is None else reveal.strip(),
        )
        return replace(
            self,
            questions=tuple(edited if q.id == question_id else q for q in self.questions),
            skipped=tuple(edited if q.id == question_id else q for q in self.skipped),
        )

    def add(self, question: Question, position: int | None = None) -> "Lesson":
        """Insert a question (e.g. a `custom_question`), at the end unless `position`."""
        if any(q.id == question.id for q in self.questions + self.skipped):
            raise ValueError(f"the lesson already has a question {question.id!r}")
        questions = list(self.questions)
        questions.insert(len(questions) if position is None else max(0, position), question)
        return replace(self, questions=tuple(questions))


def custom_question(
    prompt: str,
    choices: Sequence[str] = (),
    answers: Sequence[str] = (),
    reveal: str = "",
    passage: str = "",
) -> Question:
    """A teacher's own question; with no choices it is an open question for discussion."""
    prompt = prompt.strip()
    choices = tuple(choice.strip() for choice in choices if choice.strip())
    answers = tuple(answer.strip() for answer in answers if answer.strip())
    if not prompt:
        raise ValueError("a question needs a prompt")
    if len(set(choices)) != len(choices):
        raise ValueError("two choices have the same text")
    if unknown := [answer for answer in answers if answer not in choices]:
        raise ValueError(f"answers must be among the choices: {', '.join(unknown)}")
    digest = hashlib.sha1("\n".join((prompt, *choices)).encode("utf-8")).hexdigest()[:8]
    return Question(
        f"custom-{digest}",
        "custom",
        prompt,
        choices,
        answers,
        reveal.strip(),
        passage=passage.strip(),
    )


def build_lesson(
    reports: Sequence[Report],
    comparison: Comparison | None = None,
    title: str | None = None,
) -> Lesson:
    """A lesson on `reports`: every question kind whose results allow a fair question.

    `comparison` is `compare(reports)`, computed here when not given.
    """
    labels = article_labels(reports)
    if comparison is None and len(reports) >= MIN_COLUMNS:
        comparison = compare(reports)
    questions = generate_questions(reports, labels, comparison)
    articles = tuple(
        LessonArticle(
            r.article.id,
            labels[r.article.id],
            r.article.title,
            r.article.date,
            r.article.url,
            r.words,
            r.article.text,
        )
        for r in reports
    )
    default_title = load_toml(TEMPLATES_FILE)["title"].format(count=len(set(labels.values())))
    cards = source_cards(reports, labels)
    return Lesson(title or default_title, articles, questions, cards=cards)


def article_labels(reports: Sequence[Report]) -> dict[str, str]:
    """A distinct, readable label per article: the outlet, with the date if it repeats."""
    names = [r.article.outlet or r.article.title or r.article.id or "article" for r in reports]
    labels: dict[str, str] = {}
    for report, name in zip(reports, names, strict=True):
        label = name
        if names.count(name) > 1:
            label = f"{name} ({report.article.date or report.article.id})"
        while label in labels.values():
            label += "′"
        labels[report.article.id] = label
    return labels
