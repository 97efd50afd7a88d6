"""The Classroom page through AppTest, and its HTML builders on hostile text."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import analyze, make_article
from analysis.classroom.lesson import build_lesson, custom_question
from dashboard import presenter

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
PAGE = "views/classroom.py"
TIMEOUT = 120
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))


def start(mode: str = "Present", articles: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if articles is not None:
        at.session_state["articles"] = articles
    at.run()
    at.session_state["classroom_mode"] = mode
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def html_of(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def lesson_of(at: AppTest):
    (lesson,) = at.session_state["classroom_lessons"].values()
    return lesson


def test_present_one_question_then_reveal_and_move_on():
    at = start()
    lesson = lesson_of(at)
    assert f"Question 1 of {len(lesson.questions)}" in html_of(at)
    assert 'class="cm-answer' not in html_of(at)
    first = lesson.questions[0]
    assert len([b for b in at.button if b.key.startswith("classroom_choice_")]) == len(
        first.choices
    )
    at.button(key="classroom_choice_1").click().run()
    assert at.session_state["classroom_pick"] == first.choices[0]
    at.button(key="classroom_reveal").click().run()
    page = html_of(at)
    assert 'class="cm-answer' in page and 'class="cm-evidence"' in page
    at.button(key="classroom_next").click().run()
    assert "Question 2 of" in html_of(at) and 'class="cm-answer' not in html_of(at)
    at.button(key="classroom_previous").click().run()
    assert "Question 1 of" in html_of(at)
    assert not at.exception


def test_every_term_shown_has_its_definition_as_a_tooltip():
    at = start()
    helps = {m.help for m in at.markdown if m.help}
    question = lesson_of(at).questions[0]
    from analysis.classroom.glossary import glossary

    assert {glossary()[term].definition for term in question.terms} <= helps


def test_plan_skips_moves_and_adds_questions():
    at = start("Plan")
    lesson = lesson_of(at)
    first, second = lesson.questions[:2]
    at.button(key=f"classroom_skip_{first.id}").click().run()
    lesson = lesson_of(at)
    assert first not in lesson.questions and lesson.skipped == (first,)
    at.button(key=f"classroom_down_{second.id}").click().run()
    assert lesson_of(at).questions[1] == second
    at.button(key=f"classroom_restore_{first.id}").click().run()
    assert lesson_of(at).questions[-1] == first

    at.text_input(key="classroom_add_prompt").input("Which headline would you click?")
    at.text_area(key="classroom_add_choices").input("RT\nAsia Times")
    at.text_area(key="classroom_add_answers").input("Pravda")
    at.button(key="FormSubmitter:classroom_add-Add question").click().run()
    assert any("answers must be among the choices" in e.value for e in at.error)
    at.text_input(key="classroom_add_prompt").input("Which headline would you click?")
    at.text_area(key="classroom_add_choices").input("RT\nAsia Times")
    at.button(key="FormSubmitter:classroom_add-Add question").click().run()
    assert lesson_of(at).questions[-1].prompt == "Which headline would you click?"
    assert not at.exception


def test_source_cards_and_handout_views():
    at = start("Source cards")
    assert html_of(at).count('class="cm-card"') == len(lesson_of(at).cards) > 0
    at = start("Handout")
    labels = {button.label for button in at.get("download_button")}
    assert "Student sheet (HTML)" in labels and "Handout with answers (PDF)" not in labels
    next(b for b in at.button if b.label == "Make the PDFs").click().run()
    labels = {button.label for button in at.get("download_button")}
    assert {"Handout with answers (PDF)", "Student sheet (PDF)"} <= labels
    assert not at.exception


def test_empty_and_single_article_selections_say_what_to_do():
    at = start(articles=[])
    assert any("No article selected" in info.value for info in at.info)
    at = start(articles=[start().session_state["articles"][0]])
    assert any("One article selected" in info.value for info in at.info)


def test_presenter_html_escapes_every_piece_of_text():
    reports = [
        analyze(make_article(f"Islamabad said {HOSTILE} was awful.", id="a", outlet=HOSTILE)),
        analyze(make_article("The ministry published the schedule on Monday.", id="b")),
    ]
    lesson = build_lesson(reports).add(
        custom_question(
            f"Is {HOSTILE} safe?", ["<b>no</b>", "yes"], ["<b>no</b>"], HOSTILE, HOSTILE
        )
    )
    pieces = [presenter.prompt_html(q) + presenter.reveal_html(q) for q in lesson.questions]
    pieces += [presenter.card_html(card) for card in lesson.cards]
    for piece in pieces:
        assert "<script" not in piece and "<img" not in piece and "<b>" not in piece
    assert "&lt;script&gt;" in "".join(pieces)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("*Daily*", "1 · \\*Daily\\*"),
        ("[x](y)", "1 · \\[x\\]\\(y\\)"),
        ("RT", "1 · RT · ✓ right answer"),
        ("", "1 · ✓ right answer"),  # a listed long choice: its button shows the number
    ],
)
def test_choice_labels_show_markdown_as_typed(choice, expected):
    mark = presenter.RIGHT if choice in ("RT", "") else ""
    assert presenter.choice_label(1, choice, mark) == expected


def test_the_right_answer_is_named_in_words_and_a_long_choice_listed_as_text():
    question = custom_question("Which?", ["a" * 50, "<b>short</b>"], ["a" * 50])
    assert presenter.listed(question)
    assert presenter.mark(question, "a" * 50, None) == presenter.RIGHT
    assert presenter.mark(question, "<b>short</b>", "<b>short</b>") == presenter.WRONG
    assert presenter.mark(question, "<b>short</b>", "a" * 50) == ""
    hidden, shown = (presenter.choices_html(question, revealed) for revealed in (False, True))
    assert presenter.RIGHT not in hidden and "&lt;b&gt;short&lt;/b&gt;" in hidden
    assert shown.count(presenter.RIGHT) == 1 and 'class="right"' in shown
    assert not presenter.listed(custom_question("Which?", ["RT", "Asia Times"], ["RT"]))
