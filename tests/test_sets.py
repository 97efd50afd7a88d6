"""Story sets, their lesson plans and the last selection, kept in the store."""

import sqlite3
from contextlib import closing

import pytest

from analysis import load, make_article
from analysis.errors import InputError, StoreError
from analysis.store import MAX_SET_NAME, MIGRATIONS, SCHEMA_VERSION, Store

TEXT = "The minister said the deal “is not finished” and talks would go on.\n\nNothing else."
BUNDLED = [article.id for article in load()]


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "store.sqlite3")


def test_a_saved_set_reopens_after_a_restart_with_its_articles_in_order(store):
    added = store.add(make_article(TEXT, outlet="Own"))
    saved = store.save_set("S-400, 2018–21", [added, BUNDLED[2], BUNDLED[0]])
    reopened = Store(store.path)  # a restart
    (found,) = reopened.sets()
    assert found == reopened.get_set("S-400, 2018–21") == reopened.get_set(saved.id)
    assert found.name == "S-400, 2018–21"
    assert found.article_ids == (added, BUNDLED[2], BUNDLED[0])
    assert found.created and found.updated and found.dropped == ()


def test_saving_under_a_name_again_replaces_that_set_in_any_case(store):
    first = store.save_set("Trade", BUNDLED[:2])
    second = store.save_set("trade", BUNDLED[3:])
    assert second.id == first.id and second.created == first.created
    assert [(s.name, s.article_ids) for s in store.sets()] == [("trade", tuple(BUNDLED[3:]))]


def test_sets_are_listed_by_name(store):
    for name in ("beta", "Alpha", "gamma"):
        store.save_set(name, BUNDLED[:1])
    assert [s.name for s in store.sets()] == ["Alpha", "beta", "gamma"]


@pytest.mark.parametrize(
    "name", ["", "   ", "\n\t", "x" * (MAX_SET_NAME + 1), "bad\u202ename", "nul\x00"]
)
def test_a_bad_name_is_refused_with_a_message(store, name):
    with pytest.raises(InputError, match="name"):
        store.save_set(name, BUNDLED[:1])
    assert store.sets() == []


def test_a_name_is_one_line_without_extra_spaces(store):
    assert store.save_set("  two\n words ", BUNDLED[:1]).name == "two words"


def test_ids_that_do_not_exist_are_dropped_with_a_note(store):
    added = store.add(make_article(TEXT, outlet="Own"))
    saved = store.save_set("Mixed", [BUNDLED[0], "no-such-article", added])
    assert saved.article_ids == (BUNDLED[0], added)
    assert saved.dropped == ("no-such-article",)
    store.delete(added)  # an article deleted after the set was saved
    found = store.get_set("Mixed")
    assert found.article_ids == (BUNDLED[0],) and found.dropped == (added,)


def test_a_damaged_set_row_reads_as_an_empty_set_not_an_error(store):
    store.save_set("Damaged", BUNDLED[:2])
    with closing(sqlite3.connect(store.path)) as db, db:
        db.execute("UPDATE story_sets SET articles = '[[[[' WHERE name = 'Damaged'")
    assert store.get_set("Damaged").article_ids == ()


def test_rename_and_delete(store):
    saved = store.save_set("Old", BUNDLED[:2], plan='{"plan": 1}')
    other = store.save_set("Other", BUNDLED[:1])
    renamed = store.rename_set("Old", "New")
    assert renamed.id == saved.id and renamed.article_ids == saved.article_ids
    with pytest.raises(InputError, match="another story set"):
        store.rename_set("New", "OTHER")
    store.delete_set("New")
    assert store.sets() == [other]
    assert store.lesson_plan(saved) is None  # the plan went with its set
    with pytest.raises(KeyError):
        store.get_set("New")
    with pytest.raises(KeyError):
        store.delete_set(saved.id)


def test_a_plan_is_kept_with_its_set_or_with_a_selection(store):
    story_set = store.save_set("Plans", BUNDLED[:3], plan='{"a": 1}')
    assert store.lesson_plan(story_set) == '{"a": 1}'
    assert store.lesson_plan(BUNDLED[:3]) is None  # the set's plan is not the selection's
    store.save_lesson_plan(list(reversed(BUNDLED[:3])), '{"b": 2}')
    assert Store(store.path).lesson_plan(BUNDLED[:3]) == '{"b": 2}'  # any order, restart
    store.save_lesson_plan(story_set, '{"c": 3}')
    assert store.lesson_plan(story_set) == '{"c": 3}'
    store.save_lesson_plan(story_set, None)
    assert store.lesson_plan(story_set) is None


def test_the_last_selection_reopens_as_it_was(store):
    assert store.last_selection() is None
    added = store.add(make_article(TEXT, outlet="Own"))
    store.remember_selection([BUNDLED[1], added])
    last = Store(store.path).last_selection()
    assert last is not None
    assert last.article_ids == (BUNDLED[1], added) and last.story_set is None
    story_set = store.save_set("Kept", BUNDLED[:2])
    store.remember_selection(story_set.article_ids, story_set)
    store.save_set("Kept", [*BUNDLED[:2], added])  # the set changed since
    last = store.last_selection()
    assert last is not None and last.story_set is not None
    assert last.story_set.name == "Kept" and last.article_ids == (*BUNDLED[:2], added)
    store.delete_set("Kept")
    last = store.last_selection()
    assert last is not None and last.story_set is None
    assert last.article_ids == tuple(BUNDLED[:2])  # what was remembered with the set
    store.delete(added)


def test_a_read_only_store_reads_sets_and_refuses_to_save(tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    Store(path).save_set("Kept", BUNDLED[:2])

    def refuse(self, *args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(Store, "_migrate", refuse)
    reader = Store(path)
    assert reader.read_only and [s.name for s in reader.sets()] == ["Kept"]
    with pytest.raises(StoreError, match="nothing was saved"):
        reader.save_set("New", BUNDLED[:1])


def test_a_store_from_before_sets_is_migrated(tmp_path):
    path = tmp_path / "store.sqlite3"
    with closing(sqlite3.connect(path)) as db:  # the version before story sets
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        before = len(MIGRATIONS) - 1
        for migration in MIGRATIONS[:before]:
            migration(db)
        db.execute("INSERT INTO schema_version VALUES (?)", (before,))
        db.commit()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.save_set("New", BUNDLED[:1]).article_ids == tuple(BUNDLED[:1])
