"""A lesson plan: the teacher's edits to a generated lesson, as JSON that outlives a session.

The plan keeps decisions, not the lesson: the teaching order, the questions skipped, the
teacher's own questions and the answers or reveal texts they changed. It is applied to the
lesson generated afresh, so a better analyzer still improves the generated questions, and
a plan saved before an article joined the selection gains that article's questions at the
end. The format (version 1):

    {"format": "source-bias lesson plan", "version": 1,
     "order": ["<question id>", ...],              # teaching order
     "skipped": ["<question id>", ...],
     "own": [{"prompt": "...", "choices": ["..."], "answers": ["..."],
              "reveal": "...", "passage": "..."}],  # referred to by their custom-… id
     "edited": {"<question id>": {"answers": ["..."], "reveal": "..."}}}

A plan that cannot be read (damaged, hostile, from a newer version) raises PlanError
naming the field; a question the plan names that the lesson no longer has is dropped with
a note.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import PlanError
from .lesson import Lesson, Question, custom_question

__all__ = ["PLAN_FORMAT", "PLAN_VERSION", "PlannedLesson", "plan_json", "planned_lesson"]

PLAN_FORMAT = "source-bias lesson plan"
PLAN_VERSION = 1
MAX_PLAN_CHARS = 1_000_000
MAX_PLAN_QUESTIONS = 500
MAX_FIELD_CHARS = 5_000  # a prompt, choice, answer, reveal or passage
OWN_FIELDS = ("prompt", "choices", "answers", "reveal", "passage")
EDIT_FIELDS = ("answers", "reveal")


@dataclass(frozen=True)
class PlannedLesson:
    """The generated lesson with a plan applied, and what of the plan could not be kept."""

    lesson: Lesson
    notes: tuple[str, ...] = ()


def plan_json(lesson: Lesson, generated: Lesson) -> str:
    """The plan that turns `generated` into `lesson` (the teacher's edited one), as JSON."""
    before = {question.id: question for question in generated.questions + generated.skipped}
    everything = lesson.questions + lesson.skipped
    plan = {
        "format": PLAN_FORMAT,
        "version": PLAN_VERSION,
        "order": [question.id for question in lesson.questions],
        "skipped": [question.id for question in lesson.skipped],
        "own": [
            {name: getattr(question, name) for name in OWN_FIELDS}
            for question in everything
            if question.id not in before
        ],
        "edited": {
            question.id: {name: getattr(question, name) for name in EDIT_FIELDS}
            for question in everything
            if question.id in before
            and any(getattr(question, n) != getattr(before[question.id], n) for n in EDIT_FIELDS)
        },
    }
    return json.dumps(plan, ensure_ascii=False)


def planned_lesson(generated: Lesson, text: str) -> PlannedLesson:
    """`generated` with the plan in `text` applied; PlanError if the plan cannot be read."""
    plan = _parse(text)
    own = _own_questions(plan["own"])
    pool = {question.id: question for question in generated.questions} | own
    order, skipped = plan["order"], plan["skipped"]
    if both := set(order) & set(skipped):
        raise PlanError(f"lesson plan: {sorted(both)[0]!r} is both in the order and skipped")
    notes = []
    gone = [question_id for question_id in (*order, *skipped) if question_id not in pool]
    if gone:
        notes.append(
            f"{_count(len(gone), 'question')} of your plan no longer fit these articles "
            "and were left out"
        )
    placed = set(order) | set(skipped)
    new = [question for question in pool.values() if question.id not in placed]
    if new and (order or skipped):
        notes.append(f"{_count(len(new), 'new question')} added at the end")
    lesson = Lesson(
        generated.title,
        generated.articles,
        questions=(*(pool[i] for i in order if i in pool), *new),
        skipped=tuple(pool[i] for i in skipped if i in pool),
        cards=generated.cards,
    )
    for question_id, edit in plan["edited"].items():
        if question_id not in pool:
            continue
        try:
            lesson = lesson.edit(question_id, edit.get("answers"), edit.get("reveal"))
        except ValueError:
            notes.append(f"your answer to “{pool[question_id].prompt}” no longer fits its choices")
    return PlannedLesson(lesson, tuple(notes))


def _parse(text: str) -> dict[str, Any]:
    """The plan's JSON, checked field by field."""
    if len(text) > MAX_PLAN_CHARS:
        raise PlanError(f"lesson plan: {len(text):,} characters; the limit is {MAX_PLAN_CHARS:,}")
    try:
        plan = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise PlanError(f"lesson plan: not readable JSON ({error})") from None
    if not isinstance(plan, dict) or plan.get("format") != PLAN_FORMAT:
        raise PlanError(f'lesson plan: not a {PLAN_FORMAT} (no "format": {PLAN_FORMAT!r})')
    if plan.get("version") != PLAN_VERSION:
        raise PlanError(
            f"lesson plan: version {plan.get('version')!r}; this program reads version "
            f"{PLAN_VERSION}"
        )
    for name in ("order", "skipped"):
        plan[name] = _strings(plan.get(name, []), name, MAX_PLAN_QUESTIONS)
        if len(set(plan[name])) != len(plan[name]):
            raise PlanError(f"lesson plan: {name} names a question twice")
    own = plan.get("own", [])
    if not isinstance(own, list) or len(own) > MAX_PLAN_QUESTIONS:
        raise PlanError(f"lesson plan: own must be a list of at most {MAX_PLAN_QUESTIONS}")
    plan["own"] = [_fields(item, f"own[{index}]", OWN_FIELDS) for index, item in enumerate(own)]
    edited = plan.get("edited", {})
    if not isinstance(edited, dict) or len(edited) > MAX_PLAN_QUESTIONS:
        raise PlanError("lesson plan: edited must map question ids to their changes")
    plan["edited"] = {
        str(question_id): _fields(edit, f"edited[{question_id!r}]", EDIT_FIELDS)
        for question_id, edit in edited.items()
    }
    return plan


def _fields(item: object, where: str, names: Sequence[str]) -> dict[str, Any]:
    """An object of text fields (`answers`, `choices`: lists of text), none required."""
    if not isinstance(item, dict):
        raise PlanError(f"lesson plan: {where} must be an object")
    if unknown := set(item) - set(names):
        raise PlanError(f"lesson plan: {where} has unknown field {sorted(unknown)[0]!r}")
    fields: dict[str, Any] = {}
    for name, value in item.items():
        if name in ("choices", "answers"):
            fields[name] = _strings(value, f"{where}.{name}", MAX_PLAN_QUESTIONS)
        elif isinstance(value, str) and len(value) <= MAX_FIELD_CHARS:
            fields[name] = value
        else:
            raise PlanError(
                f"lesson plan: {where}.{name} must be text of at most {MAX_FIELD_CHARS:,} "
                "characters"
            )
    return fields


def _strings(value: object, where: str, limit: int) -> list[str]:
    if (
        not isinstance(value, list)
        or len(value) > limit
        or not all(isinstance(item, str) and len(item) <= MAX_FIELD_CHARS for item in value)
    ):
        raise PlanError(f"lesson plan: {where} must be a list of at most {limit} texts")
    return value


def _own_questions(own: Sequence[Mapping[str, Any]]) -> dict[str, Question]:
    questions: dict[str, Question] = {}
    for index, fields in enumerate(own):
        try:
            question = custom_question(**fields)
        except (TypeError, ValueError) as error:
            raise PlanError(f"lesson plan: own[{index}]: {error}") from None
        if question.id in questions:
            raise PlanError(f"lesson plan: own[{index}] repeats an earlier question")
        questions[question.id] = question
    return questions


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
