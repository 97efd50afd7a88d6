"""Does the Outlets page open in under 2 s once loaded, with 100,000 stored articles?

Run from the repository root:  python -m benchmarks.outlets_page [--sizes 10000 100000]
[--folder /tmp/outlets-page]

SYNTHETIC, TIMING ONLY: each store holds the bundled sample's five real reports (analysed
once), replicated through SQL as N added articles under 200 outlets, many dates and
headlines (each copy its own text key, so its own cached report and summary, as
`Store.save_reports` writes them); the profiles' numbers mean nothing. The stores go to
a temporary folder (about 80 KB per article), deleted at the end.

In Chromium, against `streamlit run dashboard/app.py` on a free 127.0.0.1 port (stopped
at the end): the baseline is the Compare page's first render on a fresh server with the
five sample articles and an empty store (they are analysed in that run). Then, for each
size, on a fresh server: Compare opened first (the sidebar opens on the five sample
articles), then (a) the Outlets page's first load, from the click on its link until its
charts are drawn, (b) Compare again, then Outlets again ("once loaded"). Both as ratios
to the baseline.
"""

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from analysis import load
from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS
from analysis.framing import load_codebook
from analysis.knowledge import load_knowledge
from analysis.outlets.summary import summary_row
from analysis.report import ANALYZER_VERSION, analyze, settings_key
from analysis.store import STORE_FILE, Store, content_key
from benchmarks.dashboard import (
    METHOD,
    ROOT,
    App,
    nav,
    new_page,
    rerun_and_wait,
    served,
    wait_rendered,
)

APP = ROOT / "dashboard" / "app.py"
SIZES = (10_000, 100_000)
OUTLETS = 200
WORDS = ("talks", "deal", "sanctions", "missiles", "visit", "warning", "purchase", "summit")
CHUNK = 2000  # articles inserted per transaction
TARGET_S = 2.0  # the target for re-opening the page at 100,000 articles
COMPARE_TITLE, OUTLETS_TITLE = "How the outlets covered the story", "Outlets across the catalogue"
WAIT_MS = 600_000
VARIED = ("id", "outlet", "title", "date")  # what each copy of a report changes


def dashboard_key() -> str:
    """The report cache's settings key of the dashboard's default codebook and pack."""
    return settings_key(load_codebook("policy"), load_knowledge(None))


def build_store(folder: Path, size: int) -> Path:
    """A store of the sample's cached reports and `size` added articles with theirs (the
    sample's, replicated), whose sidebar opens on the five sample articles."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder / STORE_FILE)
    key = dashboard_key()
    sample = load()
    reports = [analyze(article) for article in sample]
    store.save_reports(reports, key)
    store.remember_selection([article.id for article in sample])
    # Each report's JSON without the fields a copy changes, dumped once (70 KB each).
    bases = []
    for article, report in zip(sample, reports, strict=True):
        data = report.to_dict()
        rest = json.dumps({k: v for k, v in data.items() if k not in VARIED})
        bases.append((article, rest[:-1], json.dumps(summary_row(data))))
    with closing(sqlite3.connect(store.path)) as db:
        for start in range(0, size, CHUNK):
            articles, cached, summaries = [], [], []
            for n in range(start, min(size, start + CHUNK)):
                base, rest, summary = bases[n % len(bases)]
                article = replace(
                    base,
                    id=f"a{n:07d}",
                    file="",
                    outlet=f"Outlet {n * 7919 % OUTLETS:03d}",
                    title=f"{base.title} {WORDS[n * 31 % len(WORDS)]} {n}",
                    date=f"20{18 + n % 7}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                )
                fields = [getattr(article, name) for name in VARIED]
                articles.append((*fields, article.text))
                varied = json.dumps(dict(zip(VARIED, fields, strict=True)))[1:]
                text_key = (content_key(article), ANALYZER_VERSION, key)
                cached.append((*text_key, f"{rest}, {varied}"))
                summaries.append((*text_key, summary))
            db.executemany(
                "INSERT INTO articles (id, outlet, title, date, text, file, url,"
                " outlet_country, note, removed, added_at, updated_at) VALUES (?, ?, ?, ?, ?,"
                " '', '', '', '', '[]', datetime('now'), datetime('now'))",
                articles,
            )
            db.executemany("INSERT INTO reports VALUES (?, ?, ?, ?, datetime('now'))", cached)
            db.executemany("INSERT INTO summaries VALUES (?, ?, ?, ?)", summaries)
            db.commit()  # one transaction per chunk: the WAL stays small
    return store.path


def go_to(page, link: str, heading: str) -> float:
    """Seconds from a click on the sidebar's `link` until that page's run is over and its
    charts are drawn."""
    return rerun_and_wait(page, nav(page, link), heading, timeout_ms=WAIT_MS)


def check_shown(page, articles: int) -> None:
    """The page profiled every article (a store the server could not read would show the
    five sample articles only, and time nothing worth reporting)."""
    caption = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="analysed")
    wanted = f"{articles} articles in the catalogue: {articles} analysed"
    if wanted not in caption.first.inner_text():
        raise RuntimeError(f"the Outlets page does not show {wanted!r}")


def time_size(browser, folder: Path, added: int) -> tuple[float, float]:
    """The Outlets page's first load and its re-open, with `added` articles stored
    beside the five sample articles."""
    data = folder / f"store-{added}"
    build_store(data, added)
    page = new_page(browser)
    try:
        with served(dashboard(data)) as url:
            page.goto(url)
            wait_rendered(page, COMPARE_TITLE)
            first = go_to(page, "Outlets", OUTLETS_TITLE)
            go_to(page, "Compare", COMPARE_TITLE)
            again = go_to(page, "Outlets", OUTLETS_TITLE)
            check_shown(page, added + len(load()))
    finally:
        page.close()
        shutil.rmtree(data)
    return first, again


def dashboard(data: Path) -> App:
    """The dashboard on the store in `data`."""
    return App(
        "dashboard", APP, {"SOURCE_BIAS_DATA": str(data)}, ("Compare", COMPARE_TITLE), METHOD
    )


def time_baseline(browser, folder: Path) -> float:
    """The Compare page's first render on a fresh server, five sample articles, empty store."""
    data = folder / "baseline"
    page = new_page(browser)
    try:
        with served(dashboard(data)) as url:
            start = time.perf_counter()
            page.goto(url)
            wait_rendered(page, COMPARE_TITLE)
            first = time.perf_counter() - start
    finally:
        page.close()
        shutil.rmtree(data, ignore_errors=True)
    return first


def measure_outlets_page(sizes: tuple[int, ...], folder: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    lines = [
        "| stored articles | Outlets first load (s) | × Compare | Outlets re-opened (s) "
        "| × Compare |",
        "|---:|---:|---:|---:|---:|",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            baseline = time_baseline(browser, folder)
            for added in (0, *sizes):
                first, again = time_size(browser, folder, added)
                lines.append(
                    f"| {added + len(load()):,} | {first:.1f} | {first / baseline:.1f}× | {again:.2f} "
                    f"| {again / baseline:.2f}× |"
                )
                print(lines[-1], flush=True)
        finally:
            browser.close()
    return [
        "## The Outlets page in Chromium, 5 to 100,000 stored articles",
        "",
        "Synthetic stores (the sample's five real reports replicated under 200 outlets; "
        "timing only, `python -m benchmarks.outlets_page`). First load: from the click on "
        "the page's link, the server having shown Compare, until its charts are drawn; "
        "re-opened: the same after going to Compare and back.",
        "",
        f"Baseline: the Compare page's first render, five sample articles, {baseline:.1f} s.",
        "",
        *lines,
        "",
        f"Target: re-opened under {TARGET_S:.0f} s at 100,000 articles.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--folder", type=Path, help="where the stores are built (a temp folder)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="outlets-page-", dir=options.folder))
    try:
        print("\n".join(measure_outlets_page(tuple(options.sizes), folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
