"""The store: articles a user added, cached reports, the reader's corrections to the
actors of each selection of articles, story sets (named selections) with their lesson
plans, and the selection last used, in one SQLite file.

The dashboard and the command line share it. Reports are cached by what produced them
(the analysed text and headline, `ANALYZER_VERSION`, the codebook), so unchanged text is
never analysed twice and any change to the analyzers invalidates the cache by itself.

Every write is one transaction. The file is in WAL mode, so readers never block the
writer, and writers from several threads or processes wait for each other (busy timeout)
instead of failing. Each operation opens its own short connection, so one `Store` can be
shared between threads. Files written by an older schema are migrated in place. A store
that cannot be written (a read-only disk or file) is still read; one whose folder was
deleted while in use is made again.
"""

import hashlib
import json
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, cast

from .compare.corrections import Correction, from_records, to_records
from .corpus import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Article,
    InputWarning,
    Page,
    Removal,
    clean,
    load,
    with_language,
)
from .errors import InputError, StoreError
from .framing import Codebook
from .knowledge import Knowledge
from .outlets.summary import summary_row
from .report import ANALYZER_VERSION, Report, analyze, report_from_dict, settings_key

DATA_ENV = "SOURCE_BIAS_DATA"
APP_DIR = "source-bias"
STORE_FILE = "store.sqlite3"
# Writers queue for up to this long before giving up; a batch transaction takes far less.
BUSY_TIMEOUT_S = 30.0
METADATA = ("file", "outlet", "title", "date", "url", "outlet_country", "note")
MAX_SET_NAME = 80
MAX_SET_ARTICLES = 2000
QUERY_KEYS = 500  # keys per `IN (...)` query: below SQLite's limit on parameters (999)
SUMMARY_CHUNK = 1000  # older reports summarised per transaction (each is about 70 KB)


def default_path() -> Path:
    """Where the store lives: $SOURCE_BIAS_DATA, else the platform's user data folder."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser() / STORE_FILE
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR / STORE_FILE


def content_key(article: Article) -> str:
    """Hash of what the analyzers read: the text and the headline (framing reads it)."""
    return hashlib.sha256(f"{article.title}\n\n{article.text}".encode()).hexdigest()


@dataclass(frozen=True)
class StorySet:
    """A named selection of articles (bundled and added ids), e.g. "S-400, 2018–21".

    `dropped` names the ids saved with the set that no longer exist (an added article
    deleted since): they are left out of `article_ids`.
    """

    id: int
    name: str
    article_ids: tuple[str, ...]
    created: str
    updated: str
    dropped: tuple[str, ...] = ()


@dataclass(frozen=True)
class LastSelection:
    """The articles chosen when the dashboard was last used, and the set they were."""

    article_ids: tuple[str, ...]
    story_set: StorySet | None = None


def _v1_articles(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, text TEXT NOT NULL, file TEXT, outlet TEXT, title TEXT,
            date TEXT, url TEXT, outlet_country TEXT, note TEXT, removed TEXT)"""
    )


def _v2_report_cache(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN added_at TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN updated_at TEXT")
    db.execute("UPDATE articles SET added_at = datetime('now'), updated_at = datetime('now')")
    db.execute(
        """CREATE TABLE reports (
            content_key TEXT NOT NULL, analyzer_version TEXT NOT NULL,
            codebook_hash TEXT NOT NULL, report TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (content_key, analyzer_version, codebook_hash))"""
    )


def _v3_corrections(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE corrections (
            selection TEXT PRIMARY KEY, corrections TEXT NOT NULL, updated_at TEXT NOT NULL)"""
    )


def _v4_pages(db: sqlite3.Connection) -> None:
    """The web page an article was fetched from, as received, so it can be read again
    offline (`corpus.article_from_page`)."""
    db.execute(
        """CREATE TABLE pages (
            article_id TEXT PRIMARY KEY, url TEXT NOT NULL, requested TEXT NOT NULL,
            content_type TEXT NOT NULL, fetched_at TEXT NOT NULL, data BLOB NOT NULL)"""
    )


def _v5_sets(db: sqlite3.Connection) -> None:
    """Named story sets, the teacher's lesson plans, and the selection a new session opens."""
    db.execute(
        """CREATE TABLE story_sets (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            articles TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE lesson_plans (
            owner TEXT PRIMARY KEY, plan TEXT NOT NULL, updated_at TEXT NOT NULL)"""
    )
    db.execute("CREATE TABLE last_selection (story_set INTEGER, articles TEXT NOT NULL)")


def _v6_language(db: sqlite3.Connection) -> None:
    """Each article's detected language and language warnings, kept so that a start does
    not detect them again (the identifier is the slowest step of reading a report back)."""
    db.execute("ALTER TABLE articles ADD COLUMN lang TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN warnings TEXT")
    rows = db.execute("SELECT id, text FROM articles").fetchall()
    for article_id, text in rows:
        db.execute(
            "UPDATE articles SET lang = ?, warnings = ? WHERE id = ?",
            (*_language_columns(Article(text=text)), article_id),
        )


def _v7_summaries(db: sqlite3.Connection) -> None:
    """Each cached report's summary (the few numbers outlet profiles read, see
    `analysis.outlets.summary.summary_row`), so that profiles of 100,000 articles never
    parse full reports; and a change counter, bumped by any change to the articles or the
    report cache, so that a page can tell in one query whether to read them again.
    Summaries of reports cached before are made when first asked for (`summaries`)."""
    db.execute(
        """CREATE TABLE summaries (
            content_key TEXT NOT NULL, analyzer_version TEXT NOT NULL,
            codebook_hash TEXT NOT NULL, summary TEXT NOT NULL,
            PRIMARY KEY (content_key, analyzer_version, codebook_hash))"""
    )
    # `store` tells apart two files at one path (a deleted store made again starts at 0).
    db.execute("CREATE TABLE revision (store TEXT NOT NULL, changes INTEGER NOT NULL)")
    db.execute("INSERT INTO revision VALUES (lower(hex(randomblob(8))), 0)")
    for table in ("articles", "reports"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"""CREATE TRIGGER {table}_{event.lower()}_counted AFTER {event} ON {table}
                BEGIN UPDATE revision SET changes = changes + 1; END"""
            )


# MIGRATIONS[n] turns a schema-version-n file into version n+1. Only ever append.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_articles,
    _v2_report_cache,
    _v3_corrections,
    _v4_pages,
    _v5_sets,
    _v6_language,
    _v7_summaries,
)
SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """Articles and cached reports in the SQLite file at `path` (created if missing)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.read_only = False
        self._mode = ""  # how a read-only store is opened (an SQLite URI parameter)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate()
        except (OSError, StoreError) as error:
            # A store on a read-only disk, or a file one may only read: its articles and
            # cached reports are still read; nothing is written.
            self.read_only = True
            self._mode = "mode=ro"
            if self.path.is_file() and self._version() is None:
                self._mode = "immutable=1"  # a read-only disk: no lock files can be made
            if not self.path.is_file() or self._version() != SCHEMA_VERSION:
                reason = error if isinstance(error, StoreError) else f"{self.path}: {error}"
                raise StoreError(f"cannot open the store: {reason}") from None

    def _version(self) -> int | None:
        try:
            return self.schema_version
        except StoreError:
            return None

    @contextmanager
    def _connect(self, fresh: bool = True) -> Iterator[sqlite3.Connection]:
        """A short connection; a database error (disk full, locked too long, a damaged
        file) becomes a StoreError naming the file, after any transaction rolled back.
        A read-only store is opened so; one whose file was deleted while in use is made
        again."""
        if fresh and not self.read_only and not self.path.exists():
            self._recreate()
        if self.read_only:
            target, uri = f"{self.path.resolve().as_uri()}?{self._mode}", True
        else:
            target, uri = str(self.path), False
        try:
            with closing(
                sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri)
            ) as db:
                db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                yield db
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {error}; nothing was changed") from error

    @contextmanager
    def _write(self, fresh: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction that takes the write lock up front (no upgrade deadlocks)."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store can only be read here; nothing was saved")
        with self._connect(fresh) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # SQLite has already rolled back after some errors
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _recreate(self) -> None:
        """The store's file was deleted while in use (its folder removed): make it again."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot make the store again ({error})") from None
        self._migrate()

    def _migrate(self) -> None:
        with self._connect(fresh=False) as db:
            db.execute("PRAGMA journal_mode = WAL")
        with self._write(fresh=False) as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer version of this program (store schema "
                    f"{version}, this one reads up to {SCHEMA_VERSION}); upgrade it"
                )
            for migration in MIGRATIONS[version:]:
                migration(db)
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))

    @property
    def revision(self) -> str:
        """Changes whenever an article or a cached report is added, changed or deleted
        (the store's identity and its change count): a cache key for what is read from
        them, got without reading them."""
        with self._connect() as db:
            store, changes = db.execute("SELECT store, changes FROM revision").fetchone()
        return f"{store}:{changes}"

    @property
    def schema_version(self) -> int:
        with self._connect() as db:
            return cast(int, db.execute("SELECT version FROM schema_version").fetchone()[0])

    # Articles

    def add(self, article: Article, page: Page | None = None) -> str:
        """Save `article` (and the web `page` it was fetched from); returns its id in the
        store (its own id, made unique)."""
        _check_size(article.id or article.file or "article", article.text)
        if page is not None and len(page.data) > MAX_FILE_BYTES:
            raise InputError(
                page.url, f"the page is {len(page.data):,} bytes; the limit is {MAX_FILE_BYTES:,}"
            )
        wanted = article.id or article.content_hash
        with self._write() as db:
            taken = {
                row[0]
                for row in db.execute(
                    "SELECT id FROM articles WHERE id = ? OR id LIKE ? ESCAPE '\\'",
                    (wanted, _like_prefix(wanted) + "-%"),
                )
            }
            store_id = _unique(wanted, taken)
            db.execute(
                f"""INSERT INTO articles (id, text, {", ".join(METADATA)}, removed,
                    added_at, updated_at, lang, warnings)
                    VALUES (?, ?, {", ".join("?" * len(METADATA))}, ?,
                    datetime('now'), datetime('now'), ?, ?)""",
                (
                    store_id,
                    article.text,
                    *(getattr(article, name) for name in METADATA),
                    _removed_json(article.removed),
                    *_language_columns(article),
                ),
            )
            if page is not None:
                db.execute(
                    "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        store_id,
                        page.url,
                        page.requested,
                        page.content_type,
                        page.fetched_at,
                        page.data,
                    ),
                )
        return store_id

    def update(self, article_id: str, **changes: str) -> Article:
        """Change metadata fields or the text (cleaned again) of a stored article."""
        unknown = set(changes) - {"text", *METADATA}
        if unknown:
            raise TypeError(f"cannot update {sorted(unknown)}; allowed: text, {METADATA}")
        values: dict[str, Any] = {name: changes[name] or "" for name in METADATA if name in changes}
        if "text" in changes:
            _check_size(article_id, changes["text"] or "")
            text, removed, _ = clean(changes["text"] or "")
            if not text.strip():
                raise InputError(article_id, "no article text left after the edit")
            lang, warnings = _language_columns(Article(text=text))
            values |= {
                "text": text,
                "removed": _removed_json(removed),
                "lang": lang,
                "warnings": warnings,
            }
        with self._write() as db:
            assignments = ", ".join(f"{name} = ?" for name in values)
            found = db.execute(
                f"UPDATE articles SET {assignments + ', ' if values else ''}"
                "updated_at = datetime('now') WHERE id = ?",
                (*values.values(), article_id),
            ).rowcount
        if not found:
            raise KeyError(article_id)
        return self.get(article_id)

    def delete(self, article_id: str) -> None:
        with self._write() as db:
            if not db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount:
                raise KeyError(article_id)
            db.execute("DELETE FROM pages WHERE article_id = ?", (article_id,))

    def get(self, article_id: str) -> Article:
        with self._connect() as db:
            row = db.execute(f"{_SELECT_ARTICLE} WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return _article(row)

    def articles(self) -> list[Article]:
        """Every stored article, oldest first."""
        with self._connect() as db:
            return [_article(row) for row in db.execute(f"{_SELECT_ARTICLE} ORDER BY rowid")]

    def page(self, article_id: str) -> Page:
        """The web page the article was fetched from (KeyError if it was not fetched)."""
        with self._connect() as db:
            row = db.execute(
                "SELECT url, requested, content_type, fetched_at, data FROM pages"
                " WHERE article_id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise KeyError(article_id)
        url, requested, content_type, fetched_at, data = row
        return Page(url, requested, content_type, fetched_at, bytes(data))

    def fetched(self) -> dict[str, tuple[str, str]]:
        """Where from and when each fetched article was fetched: article id -> (web
        address, UTC time in ISO 8601)."""
        with self._connect() as db:
            rows = db.execute("SELECT article_id, url, fetched_at FROM pages").fetchall()
        return {article_id: (url, when) for article_id, url, when in rows}

    # Report cache

    def cached_report(self, article: Article, codebook_hash: str) -> dict[str, Any] | None:
        """The JSON form of the article's report if this text was analysed before.

        The article's metadata replaces what was cached with the text (an unchanged text
        under a new outlet name is still not analysed again).
        """
        with self._connect() as db:
            row = db.execute(
                "SELECT report FROM reports WHERE content_key = ? AND analyzer_version = ?"
                " AND codebook_hash = ?",
                (content_key(article), ANALYZER_VERSION, codebook_hash),
            ).fetchone()
        if row is None:
            return None
        return cast(dict[str, Any], json.loads(row[0])) | _metadata(article)

    def cached_keys(self, codebook_hash: str) -> frozenset[str]:
        """The content keys (`content_key`) of every text with a cached report under these
        settings and this analyzer version: which articles have one, without reading any."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT content_key FROM reports WHERE analyzer_version = ? AND codebook_hash = ?",
                (ANALYZER_VERSION, codebook_hash),
            ).fetchall()
        return frozenset(row[0] for row in rows)

    def report(
        self, article: Article, codebook: Codebook, knowledge: Knowledge | None = None
    ) -> Report:
        """The article's report: read back from the cache when this text was analysed
        before (same analyzer version, codebook and knowledge pack), else analysed now and
        cached."""
        key = settings_key(codebook, knowledge)
        cached = self.cached_report(article, key)
        if cached is not None:
            try:
                return report_from_dict(article, cached)
            except (KeyError, TypeError, ValueError):
                pass  # a cache entry this version cannot read is analysed again
        report = analyze(article, codebook, knowledge)
        with suppress(StoreError):  # a store that cannot be written costs the cache only
            self.save_report(report, key)
        return report

    def save_report(self, report: Report | dict[str, Any], codebook_hash: str) -> None:
        """Cache a report (a Report or its JSON form) under its article's content key."""
        self.save_reports([report], codebook_hash)

    def save_reports(self, reports: Sequence[Report | dict[str, Any]], codebook_hash: str) -> None:
        """Cache many reports in one transaction (batch runs)."""
        rows, summaries = [], []
        for report in reports:
            data = report.to_dict() if isinstance(report, Report) else report
            article = Article(text=data["text"], title=data.get("title") or "")
            key = (content_key(article), ANALYZER_VERSION, codebook_hash)
            rows.append((*key, json.dumps(data)))
            summaries.append((*key, json.dumps(summary_row(data))))
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, datetime('now'))", rows
            )
            db.executemany("INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?)", summaries)

    def summaries(
        self, codebook_hash: str, keys: Iterable[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """Content key -> summary row (`analysis.outlets.summary.summary_row`) of every
        cached report under these settings (of those with `keys`, if given), without
        reading the reports. A report cached before summaries were kept is summarised now,
        once (kept when the store can be written); one that cannot be read has none."""
        made = self._summarise_older(codebook_hash)
        wanted = None if keys is None else list(keys)
        query = (
            "SELECT content_key, summary FROM summaries"
            " WHERE analyzer_version = ? AND codebook_hash = ?"
        )
        with self._connect() as db:
            if wanted is None:
                rows = db.execute(query, (ANALYZER_VERSION, codebook_hash)).fetchall()
            else:
                rows = []
                for start in range(0, len(wanted), QUERY_KEYS):
                    chunk = wanted[start : start + QUERY_KEYS]
                    rows += db.execute(
                        f"{query} AND content_key IN ({', '.join('?' * len(chunk))})",
                        (ANALYZER_VERSION, codebook_hash, *chunk),
                    ).fetchall()
        found = {key: json.loads(summary) for key, summary in rows}
        asked = None if wanted is None else set(wanted)
        return found | {k: row for k, row in made.items() if asked is None or k in asked}

    def _summarise_older(self, codebook_hash: str) -> dict[str, dict[str, Any]]:
        """Summaries of the cached reports that have none, made (and kept) SUMMARY_CHUNK
        at a time; returned too, for a store that cannot keep them."""
        query = """SELECT r.content_key, r.report FROM reports r LEFT JOIN summaries s
            ON s.content_key = r.content_key AND s.analyzer_version = r.analyzer_version
            AND s.codebook_hash = r.codebook_hash
            WHERE r.analyzer_version = ? AND r.codebook_hash = ? AND s.content_key IS NULL"""
        made: dict[str, dict[str, Any]] = {}
        with self._connect() as db:
            cursor = db.execute(query, (ANALYZER_VERSION, codebook_hash))
            while chunk := cursor.fetchmany(SUMMARY_CHUNK):
                rows = []
                for key, report in chunk:
                    with suppress(ValueError, TypeError, KeyError, RecursionError):
                        made[key] = summary_row(json.loads(report))
                        rows.append((key, ANALYZER_VERSION, codebook_hash, json.dumps(made[key])))
                if self.read_only:
                    continue  # made again next time: this store cannot keep them
                with suppress(StoreError), self._write() as writer:
                    writer.executemany("INSERT OR IGNORE INTO summaries VALUES (?, ?, ?, ?)", rows)
        return made

    # A reader's corrections to the actors, kept per selection of articles

    def corrections(self, article_ids: Iterable[str]) -> tuple[Correction, ...]:
        """The corrections made on this selection of articles (in any order), oldest first."""
        with self._connect() as db:
            row = db.execute(
                "SELECT corrections FROM corrections WHERE selection = ?",
                (selection_key(article_ids),),
            ).fetchone()
        if row is None:
            return ()
        try:
            return from_records(json.loads(row[0]))
        except ValueError:
            return ()  # a damaged row costs the corrections, not the page

    def save_corrections(
        self, article_ids: Iterable[str], corrections: Sequence[Correction]
    ) -> None:
        """Keep the selection's corrections (none: forget them)."""
        key = selection_key(article_ids)
        with self._write() as db:
            if not corrections:
                db.execute("DELETE FROM corrections WHERE selection = ?", (key,))
                return
            db.execute(
                "INSERT OR REPLACE INTO corrections VALUES (?, ?, datetime('now'))",
                (key, json.dumps(to_records(corrections), ensure_ascii=False)),
            )

    # Story sets, their lesson plans, and the selection last used

    def save_set(self, name: str, article_ids: Iterable[str], plan: str | None = None) -> StorySet:
        """Keep the articles under `name` (a set of that name, in any case, is replaced);
        `plan` (a lesson plan's JSON, see analysis.classroom.plan) is kept with it. Ids
        that do not exist are dropped (named in the result's `dropped`)."""
        name = _set_name(name)
        wanted = list(dict.fromkeys(article_ids))
        if len(wanted) > MAX_SET_ARTICLES:
            raise InputError(name, f"{len(wanted):,} articles; a set holds {MAX_SET_ARTICLES:,}")
        if plan is not None:
            _check_size("lesson plan", plan)
        with self._write() as db:
            known = self._known_ids(db)
            kept = json.dumps([i for i in wanted if i in known], ensure_ascii=False)
            db.execute(
                """INSERT INTO story_sets (name, articles, created_at, updated_at)
                VALUES (?, ?, datetime('now'), datetime('now'))
                ON CONFLICT (name) DO UPDATE SET name = excluded.name,
                articles = excluded.articles, updated_at = excluded.updated_at""",
                (name, kept),
            )
            found = self._set(db, name)
            if plan is not None:
                _save_plan(db, _set_owner(found.id), plan)
        return replace(found, dropped=tuple(i for i in wanted if i not in known))

    def sets(self) -> list[StorySet]:
        """Every story set, by name."""
        with self._connect() as db:
            known = self._known_ids(db)
            rows = db.execute(f"{_SELECT_SET} ORDER BY name COLLATE NOCASE").fetchall()
        return [_story_set(row, known) for row in rows]

    def get_set(self, name_or_id: str | int) -> StorySet:
        """The set of this name (any case) or id; KeyError if there is none."""
        with self._connect() as db:
            return self._set(db, name_or_id)

    def rename_set(self, name_or_id: str | int, name: str) -> StorySet:
        name = _set_name(name)
        with self._write() as db:
            found = self._set(db, name_or_id)
            taken = db.execute(
                "SELECT id FROM story_sets WHERE name = ? AND id != ?", (name, found.id)
            ).fetchone()
            if taken:
                raise InputError(name, "another story set has this name")
            db.execute(
                "UPDATE story_sets SET name = ?, updated_at = datetime('now') WHERE id = ?",
                (name, found.id),
            )
            return self._set(db, found.id)

    def delete_set(self, name_or_id: str | int) -> None:
        """Forget the set and its lesson plan (the articles stay)."""
        with self._write() as db:
            found = self._set(db, name_or_id)
            db.execute("DELETE FROM story_sets WHERE id = ?", (found.id,))
            db.execute("DELETE FROM lesson_plans WHERE owner = ?", (_set_owner(found.id),))
            db.execute(
                "UPDATE last_selection SET story_set = NULL WHERE story_set = ?", (found.id,)
            )

    def lesson_plan(self, of: StorySet | Iterable[str]) -> str | None:
        """The lesson plan (JSON) kept for a story set, or for a selection of article ids
        (in any order) that is no set."""
        with self._connect() as db:
            row = db.execute(
                "SELECT plan FROM lesson_plans WHERE owner = ?", (_plan_owner(of),)
            ).fetchone()
        return None if row is None else cast(str, row[0])

    def save_lesson_plan(self, of: StorySet | Iterable[str], plan: str | None) -> None:
        """Keep the lesson plan of a story set or a selection (None: forget it)."""
        owner = _plan_owner(of)
        if plan is not None:
            _check_size("lesson plan", plan)
        with self._write() as db:
            if plan is None:
                db.execute("DELETE FROM lesson_plans WHERE owner = ?", (owner,))
            else:
                _save_plan(db, owner, plan)

    def remember_selection(
        self, article_ids: Iterable[str], story_set: StorySet | None = None
    ) -> None:
        """Keep the articles chosen now (and the set they are) for the next session."""
        with self._write() as db:
            db.execute("DELETE FROM last_selection")
            db.execute(
                "INSERT INTO last_selection VALUES (?, ?)",
                (
                    story_set.id if story_set else None,
                    json.dumps(list(dict.fromkeys(article_ids)), ensure_ascii=False),
                ),
            )

    def last_selection(self) -> LastSelection | None:
        """What was chosen last (a set is read as it is now), None if nothing was kept.
        Articles that no longer exist are left out."""
        with self._connect() as db:
            row = db.execute("SELECT story_set, articles FROM last_selection").fetchone()
            if row is None:
                return None
            with suppress(KeyError):
                if row[0] is not None:
                    found = self._set(db, row[0])
                    return LastSelection(found.article_ids, found)
            known = self._known_ids(db)
        return LastSelection(tuple(i for i in _ids(row[1]) if i in known))

    def _set(self, db: sqlite3.Connection, name_or_id: str | int) -> StorySet:
        column = "id" if isinstance(name_or_id, int) else "name"
        row = db.execute(f"{_SELECT_SET} WHERE {column} = ?", (name_or_id,)).fetchone()
        if row is None:
            raise KeyError(name_or_id)
        return _story_set(row, self._known_ids(db))

    def _known_ids(self, db: sqlite3.Connection) -> frozenset[str]:
        """The ids a set may hold: the bundled articles' and the added ones'."""
        return _bundled_ids() | {row[0] for row in db.execute("SELECT id FROM articles")}


@cache
def _bundled_ids() -> frozenset[str]:
    return frozenset(article.id for article in load())


_SELECT_SET = "SELECT id, name, articles, created_at, updated_at FROM story_sets"


def _story_set(row: Sequence[Any], known: frozenset[str]) -> StorySet:
    set_id, name, articles, created, updated = row
    saved = _ids(articles)
    return StorySet(
        set_id,
        name,
        tuple(i for i in saved if i in known),
        created,
        updated,
        tuple(i for i in saved if i not in known),
    )


def _ids(text: str) -> list[str]:
    """A set's saved ids; a damaged row reads as no articles, not an error."""
    try:
        ids = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def _set_name(name: str) -> str:
    """A set's name, checked: one line of visible text, at most MAX_SET_NAME characters."""
    name = " ".join(str(name).split())
    if not name:
        raise InputError("story set", "a set needs a name")
    if len(name) > MAX_SET_NAME:
        raise InputError(name[:20] + "…", f"a set's name has at most {MAX_SET_NAME} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name):
        raise InputError(name, "a set's name cannot hold control characters")
    return name


def _set_owner(set_id: int) -> str:
    return f"set:{set_id}"


def _plan_owner(of: StorySet | Iterable[str]) -> str:
    return _set_owner(of.id) if isinstance(of, StorySet) else f"selection:{selection_key(of)}"


def _save_plan(db: sqlite3.Connection, owner: str, plan: str) -> None:
    db.execute("INSERT OR REPLACE INTO lesson_plans VALUES (?, ?, datetime('now'))", (owner, plan))


def selection_key(article_ids: Iterable[str]) -> str:
    """The same articles in any order are the same selection."""
    return hashlib.sha256("\n".join(sorted(set(article_ids))).encode()).hexdigest()


_SELECT_ARTICLE = f"SELECT id, text, {', '.join(METADATA)}, removed, lang, warnings FROM articles"


def _language_columns(article: Article) -> tuple[str, str]:
    """The article's language and its language warnings (JSON), detected unless known."""
    if not article.lang:
        article = with_language(article)
    warnings = [vars(w) for w in article.warnings if w.kind == "language"]
    return article.lang, json.dumps(warnings, ensure_ascii=False)


def _article(row: Sequence[Any]) -> Article:
    article_id, text, *metadata, removed, lang, warnings = row
    given: dict[str, Any] = {
        name: value or "" for name, value in zip(METADATA, metadata, strict=True)
    }
    return Article(
        text=text,
        id=article_id,
        **given,
        removed=tuple(Removal(**item) for item in json.loads(removed or "[]")),
        lang=lang or "",
        warnings=tuple(InputWarning(**item) for item in json.loads(warnings or "[]")),
    )


def _metadata(article: Article) -> dict[str, str]:
    return {"id": article.id} | {
        name: getattr(article, name) for name in METADATA if name != "note"
    }


def _removed_json(removed: Sequence[Removal]) -> str:
    return json.dumps([vars(item) for item in removed], ensure_ascii=False)


def _check_size(source: str, text: str) -> None:
    """Every way into the store keeps the size limit of a loaded article."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            source, f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _unique(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, … whichever is free."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"
