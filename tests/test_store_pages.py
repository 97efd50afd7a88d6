"""Fetched pages in the store (analysis.store, migration _v4_pages): kept with their
article, read back for analysis offline, deleted with it."""

import sqlite3

import pytest

from analysis.corpus import Page, article_from_page
from analysis.store import MIGRATIONS, SCHEMA_VERSION, Store

from .webserver import WEB

PAGE = Page(
    url="https://harbour-ledger.example/world/trade-talks-resume",
    requested="http://harbour-ledger.example/talks",
    content_type="text/html; charset=utf-8",
    fetched_at="2024-05-01T09:30:00+00:00",
    data=(WEB / "talks.html").read_bytes(),
)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "store.sqlite3")


def test_a_fetched_article_keeps_its_page_and_is_read_again_offline(store):
    article = article_from_page(PAGE)
    article_id = store.add(article, PAGE)
    assert store.page(article_id) == PAGE
    assert store.fetched() == {article_id: (PAGE.url, PAGE.fetched_at)}
    again = article_from_page(store.page(article_id))
    assert (again.text, again.outlet, again.title) == (article.text, article.outlet, article.title)


def test_an_article_not_fetched_has_no_page(store):
    article_id = store.add(article_from_page(PAGE))
    with pytest.raises(KeyError):
        store.page(article_id)
    assert store.fetched() == {}


def test_deleting_an_article_deletes_its_page(store):
    article_id = store.add(article_from_page(PAGE), PAGE)
    store.delete(article_id)
    with pytest.raises(KeyError):
        store.page(article_id)


def test_a_schema_3_store_gains_the_pages_table(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # a version-3 file: articles, reports, corrections
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for migration in MIGRATIONS[:3]:
            migration(db)
        db.execute("INSERT INTO schema_version VALUES (3)")
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    article_id = store.add(article_from_page(PAGE), PAGE)
    assert store.page(article_id).data == PAGE.data
