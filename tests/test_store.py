import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import ANALYZER_VERSION, analyze, load, make_article
from analysis.errors import InputError, StoreError
from analysis.framing import load_codebook
from analysis.report import report_from_dict
from analysis.store import SCHEMA_VERSION, Store, default_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
POLICY = load_codebook("policy").hash
TEXT = "The minister said the deal “is not finished” and talks would go on.\n\nNothing else."


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "store.sqlite3")


def test_add_get_round_trip_keeps_metadata_and_removals(store):
    article = load(SEEDS)[0]
    stored_id = store.add(article)
    assert stored_id == article.id
    assert store.get(stored_id) == article
    assert store.articles() == [article]


def test_adding_the_same_article_twice_keeps_both_under_distinct_ids(store):
    article = make_article(TEXT, outlet="A")
    first, second = store.add(article), store.add(article)
    assert first != second
    assert second.startswith(first)
    assert [a.id for a in store.articles()] == [first, second]


def test_a_failed_add_leaves_nothing_and_releases_the_write_lock(store):
    class Unwritable(str):
        def __conform__(self, protocol):
            raise RuntimeError("disk went away")

    good = make_article(TEXT, outlet="A")
    store.add(good)
    with pytest.raises(RuntimeError):
        store.add(replace(make_article(TEXT), outlet=Unwritable("B")))
    assert store.articles() == [good]
    assert store.add(make_article(TEXT, outlet="C")) != good.id


def test_update_changes_metadata_and_recleans_text(store):
    article_id = store.add(make_article(TEXT, outlet="A"))
    updated = store.update(article_id, outlet="B", text="New   text here.\r\n\r\nSecond.")
    assert updated.outlet == "B"
    assert updated.text == "New text here.\n\nSecond."
    assert store.get(article_id) == updated


def test_update_refuses_unknown_fields_empty_text_and_missing_ids(store):
    article_id = store.add(make_article(TEXT))
    with pytest.raises(TypeError, match="colour"):
        store.update(article_id, colour="red")
    with pytest.raises(InputError):
        store.update(article_id, text="   ")
    with pytest.raises(KeyError):
        store.update("nope", outlet="B")
    assert store.get(article_id).text == TEXT


def test_delete(store):
    keep, drop = store.add(make_article(TEXT, id="keep")), store.add(make_article(TEXT, id="x"))
    store.delete(drop)
    assert [a.id for a in store.articles()] == [keep]
    with pytest.raises(KeyError):
        store.delete(drop)
    with pytest.raises(KeyError):
        store.get(drop)


def test_store_is_in_wal_mode_with_a_schema_version(store):
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == SCHEMA_VERSION


def test_report_cache_hits_for_unchanged_text_only(store):
    article = make_article(TEXT, outlet="A", title="Deal")
    assert store.cached_report(article, POLICY) is None
    store.save_report(analyze(article), POLICY)
    cached = store.cached_report(article, POLICY)
    assert cached == json.loads(json.dumps(analyze(article).to_dict()))
    renamed = make_article(TEXT, outlet="Renamed", title="Deal")
    assert store.cached_report(renamed, POLICY)["outlet"] == "Renamed"
    assert store.cached_report(make_article(TEXT + " More.", title="Deal"), POLICY) is None
    assert store.cached_report(make_article(TEXT, title="Other headline"), POLICY) is None
    assert store.cached_report(article, load_codebook("generic").hash) is None


def test_a_cached_report_reads_back_as_the_report_analysis_gives(store, seed_reports):
    for report in seed_reports:
        assert report_from_dict(report.article, json.loads(json.dumps(report.to_dict()))) == report


def test_store_report_analyses_a_text_once_then_reads_it_back(store, monkeypatch):
    import analysis.store as store_module

    calls = []
    monkeypatch.setattr(store_module, "analyze", lambda *a: calls.append(a) or analyze(*a))
    article, policy = make_article(TEXT, outlet="A"), load_codebook("policy")
    first = store.report(article, policy)
    again = store.report(replace(article, outlet="Renamed"), policy)
    assert len(calls) == 1
    assert again == replace(first, article=replace(article, outlet="Renamed"))
    store.report(article, load_codebook("generic"))
    assert len(calls) == 2  # another codebook is another analysis


def test_a_cache_entry_that_cannot_be_read_back_is_analysed_again(store):
    article, policy = make_article(TEXT), load_codebook("policy")
    store.save_report({**analyze(article).to_dict(), "sentiment": {"n": 3}}, policy.hash)
    assert store.report(article, policy) == analyze(article)


def test_reports_of_another_analyzer_version_are_not_served(store):
    article = make_article(TEXT)
    store.save_report(analyze(article), POLICY)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE reports SET analyzer_version = 'old'")
    assert ANALYZER_VERSION != "old"
    assert store.cached_report(article, POLICY) is None


# Writers run as separate Python processes (not multiprocessing: a spawned child re-runs
# whatever `__main__` is, which other tests may have replaced).
WRITER = """
import sys, time
from analysis.corpus import Article
from analysis.store import Store

path, writer, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = Store(path)
print("ready", flush=True)
for number in range(count):
    store.add(Article(text=f"Article {number} from {writer}.", id=f"{writer}-{number}"))
    print(number, flush=True)
"""
# Blocks inside an add's transaction, after the row is written and before the commit.
STALLED_ADD = """
import sys, time
from analysis.corpus import Article
from analysis.store import Store

class Stall(str):
    def __conform__(self, protocol):
        print("inside the transaction", flush=True)
        time.sleep(600)

Store(sys.argv[1]).add(Article(text="Never committed.", id="lost", outlet=Stall("x")))
"""
# Caches three reports in one transaction and blocks after the first two rows are written.
STALLED_BATCH = """
import sys, time
from analysis.store import Store

class StallOnThirdRow(str):
    rows = 0

    def __conform__(self, protocol):
        StallOnThirdRow.rows += 1
        if StallOnThirdRow.rows == 3:
            print("two rows written", flush=True)
            time.sleep(600)
        return str(self)

reports = [{"text": f"Report {n}.", "title": ""} for n in range(3)]
Store(sys.argv[1]).save_reports(reports, StallOnThirdRow("codebook"))
"""
# Runs the real migrations, then blocks before their transaction commits.
STALLED_MIGRATION = """
import sys, time
import analysis.store as store

def stall(db):
    print("migrating", flush=True)
    time.sleep(600)

store.MIGRATIONS = (*store.MIGRATIONS, stall)
store.SCHEMA_VERSION = len(store.MIGRATIONS)
store.Store(sys.argv[1])
"""


def python(code: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, text=True
    )


def kill_when(process: subprocess.Popen, line: str) -> None:
    """SIGKILL `process` as soon as it prints `line` (no clean-up runs: a power cut)."""
    try:
        for output in process.stdout:
            if output.strip() == line:
                break
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
        process.stdout.close()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_concurrent_writers_in_two_processes_keep_all_their_articles(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    writers = [python(WRITER, path, name, "40") for name in "ab"]
    for process in writers:
        process.communicate(timeout=300)
        assert process.returncode == 0
    ids = {article.id for article in Store(path).articles()}
    assert ids == {f"{name}-{n}" for name in "ab" for n in range(40)}


def test_a_process_killed_inside_an_add_leaves_the_store_consistent_and_unlocked(tmp_path):
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    kept = store.add(make_article(TEXT, outlet="A"))
    kill_when(python(STALLED_ADD, str(path)), "inside the transaction")
    assert integrity(path) == "ok"
    assert [a.id for a in Store(path).articles()] == [kept]
    assert store.add(make_article(TEXT, outlet="B")) != kept  # the dead writer's lock is gone


def test_a_batch_killed_halfway_is_all_or_nothing(tmp_path):
    path = tmp_path / "store.sqlite3"
    Store(path)
    kill_when(python(STALLED_BATCH, str(path)), "two rows written")
    assert integrity(path) == "ok"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM reports").fetchone() == (0,)


def test_a_writer_killed_at_any_moment_loses_only_the_add_in_flight(tmp_path):
    path = tmp_path / "store.sqlite3"
    Store(path)
    kill_when(python(WRITER, str(path), "w", "10000"), "25")
    articles = Store(path).articles()
    assert integrity(path) == "ok"
    assert len(articles) >= 26  # every add it reported as done
    assert [a.id for a in articles] == [f"w-{n}" for n in range(len(articles))]
    assert all(a.text == f"Article {n} from w." for n, a in enumerate(articles))


def test_a_migration_killed_halfway_leaves_the_old_store_to_migrate_again(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
    kill_when(python(STALLED_MIGRATION, str(path)), "migrating")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchone() == (1,)
    assert integrity(path) == "ok"
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.get("old-1").note == "added by hand"


def test_a_write_the_disk_refuses_is_a_store_error_and_changes_nothing(store):
    class DiskFull(str):
        def __conform__(self, protocol):
            raise sqlite3.OperationalError("database or disk is full")

    kept = store.add(make_article(TEXT, outlet="A"))
    with pytest.raises(StoreError, match=r"store\.sqlite3: database or disk is full"):
        store.add(replace(make_article(TEXT), outlet=DiskFull("B")))
    assert [a.id for a in store.articles()] == [kept]


def test_concurrent_threads_adding_the_same_id_get_distinct_ids(tmp_path):
    store = Store(tmp_path / "store.sqlite3")
    article = make_article(TEXT, id="same")
    threads = [
        threading.Thread(target=lambda: [store.add(article) for _ in range(10)]) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [a.id for a in store.articles()]
    assert len(ids) == len(set(ids)) == 20


V1_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, file TEXT, outlet TEXT, title TEXT,
    date TEXT, url TEXT, outlet_country TEXT, note TEXT, removed TEXT);
INSERT INTO articles VALUES ('old-1', 'Text kept from the first release.', 'a.txt', 'Outlet',
    'Title', '2019-01-01', '', 'India', 'added by hand', '[]');
"""


def test_a_store_from_schema_version_1_is_migrated_not_discarded(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION > 1
    old = store.get("old-1")
    assert (old.text, old.outlet, old.note) == (
        "Text kept from the first release.",
        "Outlet",
        "added by hand",
    )
    store.save_report(analyze(old), POLICY)
    assert store.cached_report(old, POLICY)["id"] == "old-1"
    assert Store(path).schema_version == SCHEMA_VERSION  # reopening does not migrate again


def test_a_store_from_a_newer_version_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "new.sqlite3"
    Store(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 999")
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match=str(path)):
        Store(path)


def test_default_path_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    assert default_path().parent == tmp_path
    assert Store().path == default_path()


SPANISH = (
    "El ministro dijo el lunes que las conversaciones con sus vecinos fueron muy buenas y "
    "que las dos partes volverán a reunirse el mes que viene en la capital."
)


def test_a_schema_version_5_store_is_upgraded_and_keeps_each_article_s_language(tmp_path):
    from analysis.store import MIGRATIONS

    path = tmp_path / "v5.sqlite3"
    with sqlite3.connect(path) as db:
        for migration in MIGRATIONS[:5]:
            migration(db)
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (5)")
        for article_id, text in (("en-1", TEXT), ("es-1", SPANISH)):
            db.execute(
                "INSERT INTO articles (id, text, outlet, removed) VALUES (?, ?, 'Outlet', '[]')",
                (article_id, text),
            )
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 7
    english, spanish = store.get("en-1"), store.get("es-1")
    assert (english.lang, english.warnings) == ("en", ())
    assert spanish.lang == "es"
    assert [w.kind for w in spanish.warnings] == ["language"]
    assert spanish.warnings == make_article(SPANISH).warnings  # as detected on loading


def test_a_stored_article_s_language_is_not_detected_again(store, monkeypatch):
    import analysis.report

    first = store.get(store.add(make_article(SPANISH, outlet="A")))
    report = store.report(first, load_codebook("policy"))

    def detect(article):
        raise AssertionError("the language was detected again")

    monkeypatch.setattr(analysis.report, "with_language", detect)
    again = store.get(first.id)
    assert (again.lang, again.warnings) == (first.lang, first.warnings) == ("es", first.warnings)
    assert store.report(again, load_codebook("policy")).to_dict() == report.to_dict()


def test_an_edited_text_gets_its_language_again(store):
    article_id = store.add(make_article(TEXT, outlet="A"))
    assert store.get(article_id).lang == "en"
    assert store.update(article_id, text=SPANISH).lang == "es"


def v5_store(path: Path, report: dict) -> None:
    """A store as schema version 5 left it, with one cached report."""
    from analysis import store as module
    from analysis.store import content_key

    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (5)")
        for migration in module.MIGRATIONS[:5]:
            migration(db)
        key = content_key(make_article(report["text"], title=report["title"]))
        db.execute(
            "INSERT INTO reports VALUES (?, ?, ?, ?, datetime('now'))",
            (key, ANALYZER_VERSION, POLICY, json.dumps(report)),
        )
        db.execute(
            "INSERT INTO reports VALUES ('damaged', ?, ?, '{not json', datetime('now'))",
            (ANALYZER_VERSION, POLICY),
        )


def test_a_v5_store_gets_summaries_of_its_cached_reports_when_first_asked(tmp_path):
    from analysis.outlets.summary import summary_row
    from analysis.store import content_key

    article = load(SEEDS)[3]
    report = analyze(article).to_dict()
    v5_store(tmp_path / "old.sqlite3", report)
    store = Store(tmp_path / "old.sqlite3")
    assert store.schema_version == SCHEMA_VERSION
    summaries = store.summaries(POLICY)
    # The damaged cache entry has no summary; the readable one has its report's numbers.
    assert summaries == {content_key(article): summary_row(report)}
    assert summaries[content_key(article)]["source_mix.quotes"] == len(report["quotes"])
    assert "outlet" not in summaries[content_key(article)]  # the article gives metadata
    with sqlite3.connect(store.path) as db:  # kept: not made again next time
        assert db.execute("SELECT count(*) FROM summaries").fetchone()[0] == 1
    assert store.summaries(POLICY, [content_key(article), "other"]) == summaries
    assert store.summaries(load_codebook("generic").hash) == {}


def test_caching_a_report_keeps_its_summary(store):
    from analysis.outlets.summary import summary_row

    report = analyze(make_article(TEXT, outlet="A"))
    store.save_report(report, POLICY)
    assert list(store.summaries(POLICY).values()) == [summary_row(report.to_dict())]


def test_the_revision_changes_with_every_change_to_articles_or_cached_reports(store):
    seen = [store.revision]
    article_id = store.add(make_article(TEXT, outlet="A"))
    seen.append(store.revision)
    store.update(article_id, outlet="B")
    seen.append(store.revision)
    store.save_report(analyze(store.get(article_id)), POLICY)
    seen.append(store.revision)
    store.delete(article_id)
    seen.append(store.revision)
    assert len(set(seen)) == len(seen)
    store.save_set("A set", [])  # not what profiles read: no change
    assert store.revision == seen[-1]
    # Another store at the same path, made again after its file was deleted, is another.
    first = store.revision
    for file in store.path.parent.glob(f"{store.path.name}*"):
        file.unlink()
    assert Store(store.path).revision != first


def test_a_store_that_cannot_be_written_still_summarises_its_older_reports(tmp_path):
    from analysis.store import content_key

    article = load(SEEDS)[0]
    v5_store(tmp_path / "old.sqlite3", analyze(article).to_dict())
    store = Store(tmp_path / "old.sqlite3")  # migrated; then only read, as from a CD
    store.read_only, store._mode = True, "mode=ro"
    assert set(store.summaries(POLICY)) == {content_key(article)}
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM summaries").fetchone()[0] == 0
