"""Dashboard timings in a real browser, as ratios to a minimal Streamlit app
(benchmarks/minimal_app.py: the same texts, TextBlob's document sentiment, five Plotly
bar charts) measured in the same run, with 5 and 100 articles:

- first render: a new session on a started server, page opened to every chart drawn;
- re-render after removing one article from the sidebar's selection;
- page switch: back to the chart page (Compare; the minimal app's Charts) from another.

"Rendered" means Streamlit reports the script finished and every Plotly chart on the page
has drawn its SVG. The articles beyond the five seeds (resampled seed paragraphs) are put
in the store, as the Add articles page would, and `select_all.py` preselects the whole
catalogue before running dashboard/app.py unchanged. A first session on a first server
fills the store's report cache (not timed): the timed server reads the reports back, as a
restarted dashboard does. `--before DIR` times the dashboard of another checkout (e.g.
`git archive 942678a | tar -x -C DIR`) in the same run.

    python -m benchmarks.dashboard [--before DIR] [--write]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis import SAMPLE, load
from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).with_name("minimal_app.py")
SERVER_WAIT_S = 120
RENDER_WAIT_MS = 600_000
SIZES = (5, 100)
REPEATS = 3  # re-renders and page switches timed per server; the median is kept
VIEWPORT = {"width": 1400, "height": 1000}
# Counts, in the page, the script runs the server finishes: Streamlit's own message
# (ForwardMsg field 6, `script_finished`, a status other than 2, "early for a rerun") on
# the page's websocket, read by walking the message's top-level protobuf fields. The DOM
# cannot tell: React batches a quick run's `running` and `notRunning` into one render, so
# the app's script-state attribute may never change.
COUNT_RUNS = """(() => {
    window.runsFinished = 0;
    const finished = bytes => {
        let i = 0;
        const varint = () => {
            let value = 0, shift = 0, byte;
            do { byte = bytes[i++]; value += (byte & 127) * 2 ** shift; shift += 7; }
            while (byte & 128);
            return value;
        };
        while (i < bytes.length) {
            const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
            if (wire === 0) { const value = varint(); if (field === 6) return value !== 2; }
            else if (wire === 2) { const length = varint(); i += length; }
            else if (wire === 1) i += 8;
            else if (wire === 5) i += 4;
            else return false;
        }
        return false;
    };
    const count = data => { if (finished(new Uint8Array(data))) window.runsFinished++; };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', event => {
                if (event.data instanceof ArrayBuffer) count(event.data);
                else if (event.data instanceof Blob) event.data.arrayBuffer().then(count);
            });
        }
    };
})()"""
# The script run is over, the page's title is `title`, and every chart has drawn (at
# least one on a chart page).
RENDERED = """([title, charts]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    const h1 = document.querySelector('h1');
    if (!h1 || !h1.innerText.startsWith(title)) return false;
    const drawn = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (charts && drawn.length === 0) return false;
    return drawn.every(c => c.querySelector('.main-svg'));
}"""
# Run in a checkout: its store gets the rows of a JSON file beyond the first n (the seeds).
FILL_STORE = """import json, sys
from analysis import make_article
from analysis.store import Store
rows = json.load(open(sys.argv[1], encoding="utf-8"))[int(sys.argv[2]):]
store = Store()
for row in rows:
    store.add(make_article(row["text"], outlet=row["outlet"], title=row["title"]))
"""
COMPARE = ("Compare", "How the outlets covered the story")
METHOD = ("Method", "How the numbers are made")
REMOVE = '[data-testid="stSidebar"] [data-testid="stMultiSelect"] button[aria-label^="Remove"]'


class App:
    """One app to time: how to start it, its chart page and the page switched from, each
    (navigation link, page title)."""

    def __init__(
        self,
        name: str,
        entry: Path,
        env: dict[str, str],
        chart_page: tuple[str, str],
        other: tuple[str, str],
    ):
        self.name, self.entry, self.env = name, entry, env
        self.chart_page, self.other = chart_page, other


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(app: App) -> Iterator[str]:
    """The app's server on a free local port, up and answering; stopped on leaving."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app.entry),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    server = subprocess.Popen(
        command,
        cwd=app.entry.parent,
        env={**os.environ, **app.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + SERVER_WAIT_S
        while True:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"{app.name}: the server did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(10)


def wait_rendered(
    page, title: str, charts: bool = True, timeout_ms: float = RENDER_WAIT_MS
) -> None:
    """Until the script run is over and every chart has drawn; an exception on the page
    is raised."""
    page.wait_for_function(RENDERED, arg=[title, charts], timeout=timeout_ms, polling=20)
    failure = page.locator('[data-testid="stException"]')
    if failure.count():
        raise RuntimeError(failure.first.inner_text().splitlines()[0])


def new_page(browser, viewport: dict[str, int] = VIEWPORT):
    """A page that counts the script runs its server finishes (`window.runsFinished`)."""
    page = browser.new_page(viewport=viewport)
    page.add_init_script(COUNT_RUNS)
    return page


def rerun_and_wait(
    page, action, title: str, charts: bool = True, timeout_ms: float = RENDER_WAIT_MS
) -> float:
    """Seconds from `action()` to the script run it starts finished and drawn (`page`
    from `new_page`)."""
    page.wait_for_timeout(300)
    before = page.evaluate("window.runsFinished")
    start = time.perf_counter()
    action()
    page.wait_for_function(
        "before => window.runsFinished > before", arg=before, timeout=timeout_ms, polling=10
    )
    wait_rendered(page, title, charts, timeout_ms)
    return time.perf_counter() - start


def nav(page, link: str):
    return lambda: page.locator('[data-testid="stSidebarNavLink"]', has_text=link).first.click()


def time_app(browser, app: App) -> dict[str, float]:
    """First render, re-render after a selection change and page switch, in seconds."""
    with served(app) as url:  # fills the store's report cache: not timed
        page = new_page(browser)
        page.goto(url)
        wait_rendered(page, app.chart_page[1])
        page.close()
    with served(app) as url:
        page = new_page(browser)
        start = time.perf_counter()
        page.goto(url)
        wait_rendered(page, app.chart_page[1])
        first = time.perf_counter() - start
        remove = page.locator(REMOVE).first
        again = [rerun_and_wait(page, remove.click, app.chart_page[1]) for _ in range(REPEATS)]
        switch = []
        for _ in range(REPEATS):
            rerun_and_wait(page, nav(page, app.other[0]), app.other[1], charts=False)
            switch.append(rerun_and_wait(page, nav(page, app.chart_page[0]), app.chart_page[1]))
        page.close()
    return {"first": first, "again": statistics.median(again), "switch": statistics.median(switch)}


def corpus(size: int) -> list[dict[str, str]]:
    """`size` article rows: the seeds, then resampled seed paragraphs."""
    from benchmarks.corpus import resampled_corpus

    seeds = [
        {"text": a.text, "outlet": a.outlet, "title": a.title, "date": a.date} for a in load(SAMPLE)
    ]
    return (seeds + resampled_corpus(max(0, size - len(seeds))))[:size]


def apps(folder: Path, size: int, roots: dict[str, Path]) -> list[App]:
    """The minimal app and each dashboard checkout, on `size` articles."""
    rows = corpus(size)
    texts = folder / f"texts-{size}.json"
    texts.write_text(json.dumps(rows), encoding="utf-8")
    found = [
        App("minimal app", MINIMAL, {"MINIMAL_TEXTS": str(texts)}, ("Charts",) * 2, ("Texts",) * 2)
    ]
    for name, root in roots.items():
        data = folder / f"{name}-{size}"
        env = {"SOURCE_BIAS_DATA": str(data), "PYTHONPATH": str(root)}
        # the checkout's own code writes its store (another schema version, maybe)
        subprocess.run(
            [sys.executable, "-c", FILL_STORE, str(texts), str(len(load(SAMPLE)))],
            cwd=root,
            env={**os.environ, **env},
            check=True,
        )
        entry = root / "benchmarks" / "select_all.py"
        found.append(App(name, entry, env, COMPARE, METHOD))
    return found


MEASURES = (
    ("first", "first render"),
    ("again", "re-render after a selection change"),
    ("switch", "page switch back"),
)


def measure_dashboard(folder: Path, before: Path | None = None) -> list[str]:
    from playwright.sync_api import sync_playwright

    roots = {"dashboard": ROOT} | ({"before": before} if before else {})
    lines = [
        "## Dashboard in Chromium",
        "",
        "Compare page (the minimal app's chart page), every catalogue article selected "
        "(`python -m benchmarks.dashboard`). First render: a new session on a started "
        "server, reports in the store. Re-render: one article removed from the selection "
        f"(median of {REPEATS}). Page switch: back from Method (minimal app: from its "
        f"second page; median of {REPEATS}). Seconds, and × the minimal app in the same run.",
        "",
        "| articles | app | " + " | ".join(label for _, label in MEASURES) + " |",
        "|---:|---|" + "---:|" * len(MEASURES),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            for size in SIZES:
                timed = {}
                for app in apps(folder, size, roots):
                    try:
                        timed[app.name] = time_app(browser, app)
                    except RuntimeError as error:  # the page showed an exception: say which
                        lines.append(f"| {size} | {app.name} | fails: {error} | – | – |")
                base = timed.get("minimal app")
                for name, found in timed.items():
                    cells = [
                        f"{found[key]:.2f} s"
                        + (
                            ""
                            if base is None or name == "minimal app"
                            else f" ({found[key] / base[key]:.1f}×)"
                        )
                        for key, _ in MEASURES
                    ]
                    lines.append(f"| {size} | {name} | " + " | ".join(cells) + " |")
        finally:
            browser.close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout's root to time too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        print("\n".join(measure_dashboard(Path(folder), args.before)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
