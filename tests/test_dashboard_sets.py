"""Story sets in the sidebar and lesson plans that keep, through AppTest: each `start` is a
new browser session on the same store."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import load, make_article
from analysis.store import Store, default_path
from dashboard import state

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
CLASSROOM = "views/classroom.py"
TIMEOUT = 120
SEEDS = [article.id for article in load()]
TEXT = (
    "The minister said the radar deal “is not finished” and talks would go on in Geneva.\n\n"
    "Officials in Ankara declined to comment on the purchase, which the opposition has "
    "called a costly mistake that leaves the country dependent on one supplier."
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))


def start(page: str | None = None, articles: list[str] | None = None) -> AppTest:
    """A new session (a fresh browser)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if articles is not None:
        at.session_state["articles"] = articles
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_a_large_catalogue_is_searched_not_listed(monkeypatch):
    """Above LISTED_MAX articles the list offers the chosen ones and the newest others
    that contain every word typed in Find (here the limit is 2 of the 5 sample articles)."""
    monkeypatch.setattr(state, "LISTED_MAX", 2)
    at = start(articles=[SEEDS[0]])
    listed = at.multiselect(key="articles").options
    assert listed == ["RT", "YourNewsWire", "Foreign Policy"]  # chosen, then newest first
    at.text_input(key="find_articles").input("Russian S-400").run()
    assert at.multiselect(key="articles").options == ["RT", "Asia Times"]
    at.text_input(key="find_articles").input("no such words").run()
    assert at.multiselect(key="articles").options == ["RT"]
    assert at.session_state["articles"] == [SEEDS[0]]  # the choice survives the search
    assert "1 of 5 selected." in [c.value for c in at.sidebar.caption]


def save_set(at: AppTest, name: str) -> AppTest:
    at.text_input(key="story_set_name").input(name)
    at.button(key="story_set_save").click().run()
    assert not at.exception, at.exception
    return at


def sidebar_text(at: AppTest) -> str:
    """The sidebar's messages, without the markdown escapes."""
    kinds = ("success", "info", "warning", "error")
    return "\n".join(e.value for kind in kinds for e in at.sidebar.get(kind)).replace("\\", "")


def test_a_saved_set_reopens_in_a_new_session():
    at = save_set(start(articles=SEEDS[:3]), "S-400, 2018–21")
    (saved,) = Store(default_path()).sets()
    assert saved.name == "S-400, 2018–21" and saved.article_ids == tuple(SEEDS[:3])
    assert at.selectbox(key="story_set").value == saved.id
    assert "Saved “S-400, 2018–21” (3 articles)" in sidebar_text(at)
    again = start()
    assert again.selectbox(key="story_set").value == saved.id
    assert again.session_state["articles"] == SEEDS[:3]


def test_choosing_a_set_selects_its_articles_and_changes_are_saved_in_it():
    at = save_set(start(articles=SEEDS[:2]), "Two")
    at.selectbox(key="story_set").select(None).run()
    at.multiselect(key="articles").set_value(SEEDS[3:]).run()
    assert Store(default_path()).get_set("Two").article_ids == tuple(SEEDS[:2])  # untouched
    two = Store(default_path()).get_set("Two")
    at.selectbox(key="story_set").select(two.id).run()
    assert at.session_state["articles"] == SEEDS[:2]
    at.multiselect(key="articles").set_value(SEEDS[:3]).run()
    assert Store(default_path()).get_set("Two").article_ids == tuple(SEEDS[:3])


def test_without_a_set_a_new_session_opens_the_last_selection():
    at = start(articles=SEEDS)
    at.multiselect(key="articles").set_value([SEEDS[1], SEEDS[4]]).run()
    again = start()
    assert again.selectbox(key="story_set").value is None
    assert again.session_state["articles"] == [SEEDS[1], SEEDS[4]]


def test_the_first_session_selects_the_seeds_and_every_added_article():
    added = Store(default_path()).add(make_article(TEXT, outlet="Own"))
    at = start()
    assert at.session_state["articles"] == [*SEEDS, added]


def test_an_added_article_joins_the_open_set_and_the_next_session():
    at = save_set(start(articles=SEEDS[:2]), "Growing")
    at.switch_page("views/add.py").run()
    at.text_area(key="add_text").input(TEXT)
    at.text_input(key="add_outlet").input("Own desk")
    next(b for b in at.button if b.label == "Analyse and add").click().run()
    assert not at.exception, at.exception
    (added,) = Store(default_path()).articles()
    assert Store(default_path()).get_set("Growing").article_ids == (*SEEDS[:2], added.id)
    assert start().session_state["articles"] == [*SEEDS[:2], added.id]


def test_a_deleted_article_is_left_out_of_its_set_with_a_note():
    store = Store(default_path())
    added = store.add(make_article(TEXT, outlet="Own"))
    kept = store.save_set("With mine", [SEEDS[0], added])
    store.delete(added)
    at = start(articles=SEEDS)
    at.selectbox(key="story_set").select(kept.id).run()
    assert not at.exception
    assert at.session_state["articles"] == [SEEDS[0]]
    assert "no longer exist" in sidebar_text(at)


@pytest.mark.parametrize("name", ["", "   ", "bidi\u202econtrol"])
def test_a_bad_name_is_reported_in_the_sidebar(name):
    at = start(articles=SEEDS[:2])
    at.text_input(key="story_set_name").input(name)
    at.button(key="story_set_save").click().run()
    assert not at.exception
    assert "Not saved" in sidebar_text(at)
    assert Store(default_path()).sets() == []


def test_a_hostile_name_is_shown_as_text():
    at = save_set(start(articles=SEEDS[:2]), "**<img src=x onerror=alert(1)>**")
    (note,) = at.sidebar.success
    assert "<img" not in note.value.replace("\\<img", "") and "\\*\\*" in note.value


def test_delete_asks_for_confirmation_and_keeps_the_articles():
    at = save_set(start(articles=SEEDS[:2]), "Short-lived")
    at.button(key="story_set_delete").click().run()
    assert "Tick the box" in sidebar_text(at)
    assert [s.name for s in Store(default_path()).sets()] == ["Short-lived"]
    at.checkbox(key="story_set_confirm").check().run()
    at.button(key="story_set_delete").click().run()
    assert Store(default_path()).sets() == []
    assert at.selectbox(key="story_set").value is None
    assert at.session_state["articles"] == SEEDS[:2]


def lesson_of(at: AppTest):
    """The lesson on the page: the open story set's (None: no set)."""
    open_set = at.session_state["story_set"]
    (lesson,) = (v for k, v in at.session_state["classroom_lessons"].items() if k[0] == open_set)
    return lesson


def plan_page(articles: list[str] | None = None) -> AppTest:
    at = start(articles=articles)
    at.session_state["classroom_mode"] = "Plan"
    at.switch_page(CLASSROOM).run()
    assert not at.exception, at.exception
    return at


def test_a_lesson_plan_is_kept_for_the_selection_across_sessions():
    at = plan_page(SEEDS)
    first, second = lesson_of(at).questions[:2]
    at.button(key=f"classroom_skip_{first.id}").click().run()
    at.text_input(key="classroom_add_prompt").input("Which headline would you click?")
    next(b for b in at.button if b.label == "Add question").click().run()
    at.button(key=f"classroom_down_{second.id}").click().run()
    edited = lesson_of(at)
    again = plan_page()  # a reload: a new session on the same store
    kept = lesson_of(again)
    assert kept == edited
    assert kept.skipped == (first,) and kept.questions[-1].prompt.startswith("Which headline")


def test_a_set_keeps_its_plan_and_takes_the_selections_plan_when_saved():
    at = plan_page(SEEDS)
    first = lesson_of(at).questions[0]
    at.button(key=f"classroom_skip_{first.id}").click().run()
    save_set(at, "Taught")
    store = Store(default_path())
    assert store.lesson_plan(store.get_set("Taught")) == store.lesson_plan(SEEDS)
    second = lesson_of(at).questions[0]
    at.button(key=f"classroom_skip_{second.id}").click().run()  # saved in the set now
    assert store.lesson_plan(store.get_set("Taught")) != store.lesson_plan(SEEDS)
    kept = lesson_of(plan_page())
    assert kept.skipped == (first, second)


def test_an_edited_answer_is_kept():
    at = plan_page(SEEDS)
    question = next(q for q in lesson_of(at).questions if len(q.choices) >= 2)
    other = next(c for c in question.choices if c not in question.answers)
    at.selectbox(key="classroom_edit_question").select(question.id).run()
    at.multiselect(key=f"classroom_edit_answers_{question.id}").set_value([other])
    at.text_area(key=f"classroom_edit_reveal_{question.id}").input("Our own reading.")
    next(b for b in at.button if b.label == "Save the answer").click().run()
    assert not at.exception, at.exception
    kept = lesson_of(plan_page()).question(question.id)
    assert kept.answers == (other,) and kept.reveal == "Our own reading."


def test_start_again_forgets_the_kept_plan_and_the_changed_answers():
    at = plan_page(SEEDS)
    question = next(q for q in lesson_of(at).questions if len(q.choices) >= 2)
    at.selectbox(key="classroom_edit_question").select(question.id).run()
    at.text_area(key=f"classroom_edit_reveal_{question.id}").input("Changed.")
    next(b for b in at.button if b.label == "Save the answer").click().run()
    at.button(key=f"classroom_skip_{lesson_of(at).questions[0].id}").click().run()
    next(b for b in at.button if b.label == "Start again from the generated lesson").click().run()
    assert not at.exception, at.exception
    assert Store(default_path()).lesson_plan(SEEDS) is None
    assert lesson_of(plan_page()).skipped == ()
    at.selectbox(key="classroom_edit_question").select(question.id).run()
    assert at.text_area(key=f"classroom_edit_reveal_{question.id}").value == question.reveal


@pytest.mark.parametrize(
    "damaged",
    ["{not json", '{"format": "source-bias lesson plan", "version": 7}', "[" * 50_000],
)
def test_a_damaged_plan_gives_a_message_and_a_fresh_lesson(damaged):
    Store(default_path()).save_lesson_plan(SEEDS, damaged)
    at = plan_page(SEEDS)
    assert not at.exception
    assert any("could not be read" in w.value for w in at.warning)
    assert lesson_of(at).skipped == ()
    at.button(key=f"classroom_skip_{lesson_of(at).questions[0].id}").click().run()
    assert not any("could not be read" in w.value for w in at.warning)  # saved afresh
    assert len(lesson_of(plan_page()).skipped) == 1
