"""A class at once: ten browser sessions switching pages on one dashboard server.

    python -m benchmarks.sessions [--sessions 10] [--seconds 120] [--think 0 3]

One server (dashboard/app.py, the five bundled articles, a fresh store) on a free
127.0.0.1 port; a first session visits every timed page once (the reports and the
selection's figures are then in the process's shared caches, as after the teacher's own
first look). Then, in Chromium, each session goes round Compare → Sources → Differences →
Method → Compare…, timing each page switch from the click on the page's link until the
page's script run is over and its charts are drawn (`benchmarks.dashboard.rerun_and_wait`).
First one session alone for `seconds / 2`, then `--sessions` sessions at once, each in
its own browser and thread, for `seconds` from the moment all have loaded their first
page (ten browsers starting on one machine at once is not a page switch); with `--think S`, each session waits S seconds
between switches (a student reading), with 0 every session clicks again at once (the
worst case). A page that shows an exception, or a switch that never finishes, is counted
as an error. The server's CPU seconds per switch (read from /proc) tell how much of a
switch is the server's work, whatever the browsers cost.

The issue's target (19): median page switch with ten sessions at most 2× one session's,
none over 10 s, no error. The ten browsers run on the same machine as the server, so
their drawing competes with it for the same cores (a class's browsers would not).
"""

import argparse
import functools
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS
from benchmarks.dashboard import (
    COMPARE,
    METHOD,
    ROOT,
    App,
    nav,
    new_page,
    rerun_and_wait,
    served,
    wait_rendered,
)

ROUND = (("Sources", "Who is quoted"), ("Differences", "Differences between outlets"), METHOD)
TARGET_RATIO, TARGET_MAX_S = 2.0, 10.0
GIVE_UP_MS = 60_000
# What the page shows when a switch gave up: the script's state, the title, the charts
# drawn of those on the page.
SEEN = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    const h1 = document.querySelector('h1');
    return `script ${app && app.getAttribute('data-test-script-state')}, ` +
        `title ${h1 ? h1.innerText.slice(0, 30) : '-'}, ` +
        `charts ${charts.filter(c => c.querySelector('.main-svg')).length}/${charts.length}`;
}"""  # a switch not drawn in a minute is an error, not a time


class Session(threading.Thread):
    """One browser session going round the pages for `seconds` once every session of
    `started` has loaded its first page, and at least `at_least` switches."""

    def __init__(
        self,
        url: str,
        started: threading.Barrier,
        seconds: float,
        think: float,
        at_least: int = 0,
    ):
        super().__init__(daemon=True)
        self.url, self.started, self.seconds = url, started, seconds
        self.think, self.at_least = think, at_least
        self.first = float("nan")
        self.switches: list[float] = []
        self.errors: list[str] = []

    def run(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS)
            )
            try:
                page = new_page(browser)
                start = time.perf_counter()
                try:
                    page.goto(self.url)
                    wait_rendered(page, COMPARE[1], timeout_ms=GIVE_UP_MS * 3)
                except (RuntimeError, Error) as error:
                    self.errors.append(f"first load: {str(error).splitlines()[0]}")
                    return
                finally:
                    self.started.wait()
                self.first = time.perf_counter() - start
                until = time.monotonic() + self.seconds
                pages = [*ROUND, COMPARE]
                step = 0
                while step < self.at_least or time.monotonic() < until:
                    link, title = pages[step % len(pages)]
                    step += 1
                    try:
                        self.switches.append(
                            rerun_and_wait(
                                page, nav(page, link), title, link == COMPARE[0], GIVE_UP_MS
                            )
                        )
                    except (RuntimeError, Error) as error:
                        try:
                            seen = page.evaluate(SEEN)
                        except Error:
                            seen = "page not readable"
                        self.errors.append(f"{link}: {str(error).splitlines()[0]} ({seen})")
                        page.goto(self.url)
                        wait_rendered(page, COMPARE[1], timeout_ms=GIVE_UP_MS * 3)
                        step = 0
                    time.sleep(self.think)
            finally:
                browser.close()


def sessions(
    url: str, count: int, seconds: float, think: float, at_least: int = 0
) -> list[Session]:
    """`count` sessions started together, timed for `seconds` once all have loaded their
    first page (ten browsers starting at once on one machine is not a page switch), joined."""
    barrier = threading.Barrier(count)
    started = [Session(url, barrier, seconds, think, at_least) for _ in range(count)]
    for session in started:
        session.start()
    for session in started:
        session.join()
    return started


def server_cpu(url: str) -> float:
    """CPU seconds the server process (the `streamlit run` on `url`'s port) has used, read
    from /proc (Linux)."""
    port = url.rstrip("/").rsplit(":", 1)[1]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
            if f"--server.port={port}".encode() in command:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:  # a process that ended meanwhile
            continue
    raise RuntimeError(f"no server process on port {port}")


def row(label: str, found: list[Session], alone: float | None, cpu: float) -> str:
    switches = [s for session in found for s in session.switches]
    errors = sum(len(session.errors) for session in found)
    median = statistics.median(switches) if switches else float("nan")
    ratio = f"{median / alone:.2f}×" if alone else "1×"
    firsts = [session.first for session in found]
    return (
        f"| {label} | {len(switches)} | {median:.2f} s | {ratio} | "
        f"{max(switches, default=float('nan')):.2f} s | "
        f"{min(firsts):.1f}–{max(firsts):.1f} s | {errors} | "
        f"{cpu / max(1, len(switches)):.2f} s |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", type=float, nargs="+", default=[0.0, 3.0])
    args = parser.parse_args(argv)
    say = functools.partial(print, flush=True)  # each row as it is measured
    say(
        f"## {args.sessions} browser sessions at once (`python -m benchmarks.sessions`)\n\n"
        "Page switches round Compare → Sources → Differences → Method on one server with the "
        "five bundled articles; seconds from the click to the page drawn.\n\n"
        "| sessions | switches | median | × one session | slowest | first loads | errors | "
        "server CPU per switch (first loads in) |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    with tempfile.TemporaryDirectory() as data:
        env = {"SOURCE_BIAS_DATA": data}
        app = App("dashboard", ROOT / "dashboard" / "app.py", env, COMPARE, METHOD)
        with served(app) as url:
            sessions(url, 1, 0, 0, at_least=len(ROUND) + 1)  # one round: fills the shared caches
            cpu = server_cpu(url)
            (alone,) = sessions(url, 1, args.seconds / 2, 0)
            base = statistics.median(alone.switches)
            now = server_cpu(url)
            used, cpu = now - cpu, now
            say(row("1", [alone], None, used))
            for think in args.think:
                found = sessions(url, args.sessions, args.seconds, think)
                now = server_cpu(url)
                used, cpu = now - cpu, now
                say(row(f"{args.sessions}, {think:g} s between clicks", found, base, used))
                for session in found:
                    for error in session.errors[:3]:
                        say(f"  - error: {error}")
    say(
        f"\nTarget: median ≤ {TARGET_RATIO:g}× one session's, none over {TARGET_MAX_S:g} s, "
        "no error."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
