"""Lesson plans: the teacher's edits as JSON, applied again to a generated lesson."""

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.classroom.lesson import build_lesson, custom_question
from analysis.classroom.plan import PLAN_FORMAT, PLAN_VERSION, plan_json, planned_lesson
from analysis.errors import PlanError

OWN = custom_question("Which headline would you click?", ["First", "Second"], ["Second"])


@pytest.fixture(scope="module")
def generated(seed_reports):
    return build_lesson(seed_reports)


@pytest.fixture(scope="module")
def edited(generated):
    """Skip the first question, move the last to the front, add one, change an answer."""
    first, *_, last = generated.questions
    with_choices = next(q for q in generated.questions[1:] if len(q.choices) >= 2)
    other = next(c for c in with_choices.choices if c not in with_choices.answers)
    return (
        generated.skip(first.id)
        .move(last.id, 0)
        .add(OWN, 1)
        .edit(with_choices.id, answers=[other], reveal="We decided otherwise.")
    )


def test_a_plan_round_trip_gives_the_teachers_lesson_back(generated, edited):
    text = plan_json(edited, generated)
    planned = planned_lesson(generated, text)
    assert planned.lesson == edited
    assert planned.notes == ()


def test_the_untouched_lesson_has_an_empty_plan(generated):
    plan = json.loads(plan_json(generated, generated))
    assert plan["format"] == PLAN_FORMAT and plan["version"] == PLAN_VERSION
    assert plan["skipped"] == [] and plan["own"] == [] and plan["edited"] == {}
    assert planned_lesson(generated, plan_json(generated, generated)).lesson == generated


def test_the_plan_keeps_decisions_not_the_generated_text(generated, edited):
    plan = json.loads(plan_json(edited, generated))
    assert plan["skipped"] == [generated.questions[0].id]
    assert plan["order"][:2] == [generated.questions[-1].id, OWN.id]
    assert plan["own"] == [
        {
            "prompt": OWN.prompt,
            "choices": list(OWN.choices),
            "answers": list(OWN.answers),
            "reveal": "",
            "passage": "",
        }
    ]
    ((question_id, change),) = plan["edited"].items()
    assert change["reveal"] == "We decided otherwise."
    assert question_id in {q.id for q in generated.questions}
    assert "evidence" not in json.dumps(plan)


def test_questions_the_articles_no_longer_give_are_dropped_with_a_note(generated, edited):
    text = plan_json(edited, generated)
    fewer = replace(generated, questions=generated.questions[2:])  # e.g. an article left
    planned = planned_lesson(fewer, text)
    assert {q.id for q in planned.lesson.questions + planned.lesson.skipped} <= {
        q.id for q in fewer.questions
    } | {OWN.id}
    assert generated.questions[0] not in planned.lesson.skipped
    assert any("no longer fit" in note for note in planned.notes)
    assert planned.lesson.questions[1] == OWN  # the rest of the plan still holds


def test_new_questions_join_at_the_end_with_a_note(generated):
    fewer = replace(generated, questions=generated.questions[1:])
    lesson = fewer.move(fewer.questions[-1].id, 0)
    planned = planned_lesson(generated, plan_json(lesson, fewer))
    assert planned.lesson.questions[-1] == generated.questions[0]
    assert planned.lesson.questions[0] == fewer.questions[-1]
    assert planned.notes == ("1 new question added at the end",)


def test_an_edited_answer_that_no_longer_fits_its_choices_is_noted(generated, edited):
    plan = json.loads(plan_json(edited, generated))
    ((question_id, change),) = plan["edited"].items()
    change["answers"] = ["a choice the question does not have"]
    planned = planned_lesson(generated, json.dumps(plan))
    assert planned.lesson.question(question_id) == generated.question(question_id)
    assert any("no longer fits its choices" in note for note in planned.notes)


def _plan(**changes) -> str:
    return json.dumps(
        {"format": PLAN_FORMAT, "version": PLAN_VERSION, "order": [], "skipped": []} | changes
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not readable JSON"),
        ("{'single': 'quotes'}", "not readable JSON"),
        ("[" * 100_000 + "]" * 100_000, "not readable JSON|limit"),
        ("x" * 2_000_000, "limit"),
        ("[]", "not a source-bias lesson plan"),
        ('{"format": "something else"}', "not a source-bias lesson plan"),
        (json.dumps({"format": PLAN_FORMAT, "version": 99}), "version 99"),
        (json.dumps({"format": PLAN_FORMAT}), "version None"),
        (_plan(order="q1"), "order must be a list"),
        (_plan(order=[1, 2]), "order must be a list"),
        (_plan(order=["a", "a"]), "order names a question twice"),
        (_plan(order=["a"], skipped=["a"]), "both in the order and skipped"),
        (_plan(skipped=["x"] * 10_000), "skipped must be a list"),
        (_plan(own={"prompt": "x"}), "own must be a list"),
        (_plan(own=["a question"]), r"own\[0\] must be an object"),
        (_plan(own=[{"prompt": ""}]), r"own\[0\]: a question needs a prompt"),
        (_plan(own=[{"choices": ["a"]}]), r"own\[0\]"),
        (_plan(own=[{"prompt": "x", "script": "<script>"}]), "unknown field 'script'"),
        (_plan(own=[{"prompt": "x", "reveal": 3}]), r"own\[0\]\.reveal must be text"),
        (_plan(own=[{"prompt": "x" * 6000}]), "at most 5,000 characters"),
        (_plan(own=[{"prompt": "x"}, {"prompt": "x"}]), "repeats an earlier question"),
        (_plan(own=[{"prompt": "x", "choices": ["a"], "answers": ["b"]}]), "among the choices"),
        (_plan(edited=["q1"]), "edited must map"),
        (_plan(edited={"q1": {"answers": "a"}}), "answers must be a list"),
        (_plan(edited={"q1": {"prompt": "new"}}), "unknown field 'prompt'"),
    ],
)
def test_a_plan_that_cannot_be_read_raises_a_clear_error(generated, text, message):
    with pytest.raises(PlanError, match=message):
        planned_lesson(generated, text)


def test_an_unknown_question_id_is_noted_not_an_error(generated):
    planned = planned_lesson(generated, _plan(order=["nothing:here"], skipped=["gone:too"]))
    assert planned.lesson.questions == generated.questions
    assert planned.notes[0].startswith("2 questions of your plan no longer fit")


def test_hostile_text_in_an_own_question_is_kept_as_text(generated):
    hostile = "<script>alert(1)</script>"
    planned = planned_lesson(generated, _plan(own=[{"prompt": hostile, "reveal": hostile}]))
    assert planned.lesson.questions[-1].prompt == hostile


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
PLAN_FIELDS = st.fixed_dictionaries(
    {"format": st.just(PLAN_FORMAT), "version": st.just(PLAN_VERSION)},
    optional={name: JSON for name in ("order", "skipped", "own", "edited")},
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(JSON, PLAN_FIELDS))
def test_any_json_gives_a_lesson_or_a_plan_error(generated, value):
    try:
        planned = planned_lesson(generated, json.dumps(value))
    except PlanError:
        return
    ids = [q.id for q in planned.lesson.questions + planned.lesson.skipped]
    assert len(ids) == len(set(ids))
    assert {q.id for q in generated.questions} <= set(ids)
