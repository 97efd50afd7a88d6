"""The Outlets page with 5, 10,000 and 100,000 stored articles, in a real browser.

Run from the repository root:  python -m benchmarks.outlets_page [--sizes 10000 100000]

SYNTHETIC, TIMING ONLY: the store is built from the bundled sample's five real reports
(analysed once), replicated through SQL under many outlets, dates and headlines, each
copy with its own text key; the profiles' numbers mean nothing.
"""

import sqlite3
from dataclasses import replace
from pathlib import Path

from analysis import load
from analysis.framing import load_codebook
from analysis.knowledge import load_knowledge
from analysis.report import ANALYZER_VERSION, analyze, settings_key
from analysis.store import STORE_FILE, Store, content_key

OUTLETS = 200
WORDS = ("talks", "deal", "sanctions", "missiles", "visit", "warning", "purchase", "summit")
CHUNK = 2000


def dashboard_key() -> str:
    """The report cache's settings key of the dashboard's default codebook and pack."""
    return settings_key(load_codebook("policy"), load_knowledge(None))


def build_store(folder: Path, size: int) -> Path:
    """A store of `size` added articles with cached reports (the sample's, replicated)."""
    path = folder / STORE_FILE
    Store(path).remember_selection([a.id for a in load()])  # the sidebar opens on the five
    key = dashboard_key()
    sample = [(article, analyze(article).to_dict()) for article in load()]
    with sqlite3.connect(path) as db:
        for start in range(0, size, CHUNK):
            articles, reports = [], []
            for n in range(start, min(size, start + CHUNK)):
                base, report = sample[n % len(sample)]
                article = replace(
                    base,
                    id=f"a{n:07d}",
                    file="",
                    outlet=f"Outlet {n * 7919 % OUTLETS:03d}",
                    title=f"{base.title} {WORDS[n * 31 % len(WORDS)]} {n}",
                    date=f"20{18 + n % 7}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                )
                articles.append(
                    (
                        article.id,
                        article.text,
                        article.file,
                        article.outlet,
                        article.title,
                        article.date,
                        article.url,
                        article.outlet_country,
                        article.note,
                        "[]",
                    )
                )
                copy = report | {k: getattr(article, k) for k in ("id", "outlet", "title", "date")}
                reports.append((content_key(article), ANALYZER_VERSION, key, _dumps(copy)))
            db.executemany(
                "INSERT INTO articles (id, text, file, outlet, title, date, url, outlet_country,"
                " note, removed, added_at, updated_at) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'), datetime('now'))",
                articles,
            )
            db.executemany("INSERT INTO reports VALUES (?, ?, ?, ?, datetime('now'))", reports)
    return path


def _dumps(report):
    import json

    return json.dumps(report)
