"""Dashboard timings in a real browser: server start to the Compare page rendered, and the
re-render after the article selection changes, with the seeds and with 200 articles.

"Rendered" means Streamlit reports the script finished and every Plotly chart on the page
has drawn its SVG. The 195 extra articles (resampled seed paragraphs) are put in the
store, as the Add articles page would, and `select_all.py` preselects the whole catalogue
before running dashboard/app.py unchanged, as a user would by choosing them in the sidebar.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis import make_article
from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS
from analysis.store import STORE_FILE, Store

ROOT = Path(__file__).resolve().parent.parent
ENTRY = Path(__file__).with_name("select_all.py")
SERVER_WAIT_S = 60
RENDER_WAIT_MS = 300_000
SCENARIOS = (("the 5 seeds", 0), ("200 articles", 195))
# Notes when the next script run starts, however briefly it runs.
WATCH_RERUN = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.rerunStarted = false;
    new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') !== 'notRunning') window.rerunStarted = true;
    }).observe(app, {attributes: true});
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data: Path, port: int, entry: Path = ENTRY) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(entry),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    env = {**os.environ, "SOURCE_BIAS_DATA": str(data), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def open_when_up(page, url: str) -> None:
    deadline = time.monotonic() + SERVER_WAIT_S
    while True:
        try:
            page.goto(url)
            return
        except Exception:  # the server is not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def wait_rendered(page) -> None:
    """Until the script run is over and every chart has drawn."""
    page.wait_for_selector("h1", timeout=RENDER_WAIT_MS)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
            const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
            if (charts.length === 0) return false;
            return [...charts].every(c => c.querySelector('.main-svg'));
        }""",
        timeout=RENDER_WAIT_MS,
        polling=20,
    )
    failure = page.locator('[data-testid="stException"]')
    if failure.count():
        raise RuntimeError(failure.first.inner_text().splitlines()[0])


def time_scenario(
    folder: Path, extra: int, corpus: list[dict[str, str]]
) -> tuple[float, float, float]:
    """Seconds from server start to Compare rendered (nothing analysed yet), for one
    deselection's re-render, and from a restart to rendered (reports read from the store)."""
    from playwright.sync_api import sync_playwright

    data = folder / f"dashboard-{extra}"
    store = Store(data / STORE_FILE)
    for row in corpus[:extra]:
        store.add(make_article(row.pop("text"), **row))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            start = time.perf_counter()
            with served(data) as url:
                open_when_up(page, url)
                wait_rendered(page)
                first = time.perf_counter() - start
                page.wait_for_timeout(500)
                start = time.perf_counter()
                page.evaluate(WATCH_RERUN)
                page.locator(
                    '[data-testid="stMultiSelect"] button[aria-label^="Remove"]'
                ).first.click()
                page.wait_for_function("() => window.rerunStarted", timeout=RENDER_WAIT_MS)
                wait_rendered(page)
                again = time.perf_counter() - start
            start = time.perf_counter()
            with served(data) as url:
                open_when_up(page, url)
                wait_rendered(page)
                restart = time.perf_counter() - start
        finally:
            browser.close()
    return first, again, restart


@contextmanager
def served(data: Path, entry: Path = ENTRY) -> Iterator[str]:
    """A dashboard server (running `entry`) on a free local port, stopped on leaving."""
    port = free_port()
    server = start_server(data, port, entry)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(10)


def measure_dashboard(folder: Path) -> list[str]:
    from benchmarks.corpus import resampled_corpus

    corpus = resampled_corpus(max(extra for _, extra in SCENARIOS))
    lines = [
        "## Dashboard in Chromium",
        "",
        "Compare page, every catalogue article selected; re-render after removing one; "
        "restart: the server started again, its reports now in the store's cache.",
        "",
        "| articles | server start → rendered (s) | re-render after a selection change (s) "
        "| restart → rendered (s) |",
        "|---|---:|---:|---:|",
    ]
    timings = []
    for label, extra in SCENARIOS:
        try:
            first, again, restart = time_scenario(folder, extra, [dict(row) for row in corpus])
        except RuntimeError as error:  # the page showed an exception: say which
            lines.append(f"| {label} | fails: {error} | – | – |")
            continue
        timings.append((first, again))
        lines.append(f"| {label} | {first:.1f} | {again:.1f} | {restart:.1f} |")
    if len(timings) == len(SCENARIOS):
        (seed_first, seed_again), (many_first, many_again) = timings
        lines += [
            "",
            f"200 articles against the seeds: first render {many_first / seed_first:.1f}×, "
            f"re-render {many_again / seed_again:.1f}×.",
        ]
    return lines
