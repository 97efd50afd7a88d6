"""Does the Differences page open and stay usable with 1,000 selected articles?

Run from the repository root:  python -m benchmarks.differences_scale [--sizes 100 1000]
[--skip-browser]

SYNTHETIC, TIMING ONLY: N reports made as benchmarks/compare_scale.py makes them (seed
copies, each under its own outlet name: N columns by outlet and by article), saved with
their articles and the dashboard's report cache in a store in a temporary
SOURCE_BIAS_DATA folder (deleted at the end), all N selected.

(a) Streamlit's AppTest, in this process: the Differences page's first run with all N
selected (`compare` included), then a rerun (what each click on the page costs, the
comparison held), by outlet and by article; and what the run sends the browser: its
elements and the bytes of its Plotly figures.

(b) Chromium, against `streamlit run dashboard/app.py` on a free 127.0.0.1 port (stopped
at the end): the baseline is the Compare page's first render on a fresh server with the
five sample articles and an empty store (as benchmarks/outlets_page.py takes it). Then,
per size, on a fresh server opened on the Method page (the sidebar reads the N reports
there, not timed): the Differences page's first open, from the click on its link until
its charts are drawn (`compare` included), and its re-open after Method. Both as ratios
to the baseline.
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from streamlit.logger import set_log_level

from analysis.store import STORE_FILE, Store
from benchmarks.compare_scale import reports
from benchmarks.dashboard import METHOD, nav, new_page, rerun_and_wait, served, wait_rendered
from benchmarks.outlets_page import dashboard, dashboard_key, time_baseline

SIZES = (100, 1000)
PAGE = "views/differences.py"
TITLE = "Differences between outlets"
BY = ("Outlet", "Article")
TIMEOUT_S = 1200


def build_store(folder: Path, size: int) -> list[str]:
    """A store holding `size` synthetic articles and their cached reports, opening on all
    of them; their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder / STORE_FILE)
    given = reports(size)
    ids = [store.add(report.article) for report in given]
    assert ids == [report.article.id for report in given], "the store renamed an article"
    store.save_reports(given, dashboard_key())
    store.remember_selection(ids)
    return ids


def emitted(at) -> tuple[int, int]:
    """The elements one run of the page sends (blocks left out) and the bytes of its
    Plotly figures."""
    from streamlit.testing.v1.element_tree import Block

    nodes = [node for node in at.main if not isinstance(node, Block)]
    figures = sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))
    return len(nodes), figures


def timed_run(at) -> float:
    start = time.perf_counter()
    at.run()
    assert not at.exception, at.exception
    return time.perf_counter() - start


def time_apptest(ids: list[str]) -> dict[str, tuple[float, float, int, int]]:
    """By `BY` option: seconds of the page's first run and of a rerun, its elements and
    figure bytes."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest import APP

    found = {}
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.session_state["articles"] = ids
    at.run()  # the sidebar reads the reports: not timed
    for by in BY:
        if by == BY[0]:
            at.switch_page(PAGE)
        else:
            at.radio(key="differences_by").set_value(by)
        first = timed_run(at)
        again = timed_run(at)
        assert len(at.dataframe[0].value) == len(ids), "not every article is a column"
        found[by] = (first, again, *emitted(at))
    return found


def time_browser(browser, data: Path) -> tuple[float, float]:
    """The Differences page's first open and its re-open after Method, in seconds."""
    page = new_page(browser)
    try:
        with served(dashboard(data)) as url:
            page.goto(url + "method")
            wait_rendered(page, METHOD[1], charts=False)
            first = rerun_and_wait(page, nav(page, "Differences"), TITLE)
            rerun_and_wait(page, nav(page, METHOD[0]), METHOD[1], charts=False)
            again = rerun_and_wait(page, nav(page, "Differences"), TITLE)
    finally:
        page.close()
    return first, again


def measure_differences(sizes: tuple[int, ...], folder: Path, browser_too: bool) -> list[str]:
    server = [
        "| articles | by | first run (s) | rerun (s) | elements | Plotly figures (KB) |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    drawn = [
        "| articles | first open (s) | × Compare | re-opened (s) | × Compare |",
        "|---:|---:|---:|---:|---:|",
    ]
    stores = {size: folder / f"store-{size}" for size in sizes}
    for size, data in stores.items():
        ids = build_store(data, size)
        os.environ["SOURCE_BIAS_DATA"] = str(data)
        for by, (first, again, elements, figures) in time_apptest(ids).items():
            server.append(
                f"| {size:,} | {by} | {first:.1f} | {again:.2f} | {elements:,} "
                f"| {figures / 1e3:,.0f} |"
            )
            print(server[-1], flush=True)
    baseline = 0.0
    if browser_too:  # after AppTest: Playwright's sync API does not share its event loop
        from playwright.sync_api import sync_playwright

        from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS)
            )
            try:
                baseline = time_baseline(browser, folder)
                for size, data in stores.items():
                    first, again = time_browser(browser, data)
                    drawn.append(
                        f"| {size:,} | {first:.1f} | {first / baseline:.1f}× | {again:.1f} "
                        f"| {again / baseline:.1f}× |"
                    )
                    print(drawn[-1], flush=True)
            finally:
                browser.close()
    lines = [
        f"## The Differences page with {' and '.join(f'{n:,}' for n in sizes)} selected articles",
        "",
        "Synthetic selections (seed copies under their own outlet names, as "
        "`benchmarks/compare_scale.py` makes them; timing only, "
        "`python -m benchmarks.differences_scale`): N columns by outlet and by article. "
        "AppTest: the page's first run (`compare` included) and a rerun (the comparison "
        "held), wall seconds; what one run sends the browser.",
        "",
        *server,
    ]
    if browser_too:
        lines += [
            "",
            "Chromium: from the click on the page's link (the server having read the "
            "reports on the Method page) until its charts are drawn; re-opened after Method. "
            f"Baseline: the Compare page's first render, five sample articles, {baseline:.1f} s.",
            "",
            *drawn,
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--skip-browser", action="store_true", help="AppTest only")
    options = parser.parse_args()
    set_log_level("error")  # AppTest outside a server: warnings that there is none
    folder = Path(tempfile.mkdtemp(prefix="differences-scale-"))
    try:
        lines = measure_differences(tuple(options.sizes), folder, not options.skip_browser)
        print("\n".join(lines))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
