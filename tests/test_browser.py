"""The dashboard in a real browser: what only a browser shows.

One `streamlit run` server on a free 127.0.0.1 port (stopped at the end, whatever
happens) with an empty store, driven by Playwright with Debian's Chromium. Screenshots
of every page go to test-artifacts/.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SEED_OUTLETS = ["RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"]
SERVER_START_S = 60
RENDER_MS = 90_000
VIEWPORT = {"width": 1500, "height": 1000}
HOSTILE = (
    "<script>window.pwned = 1; document.title = 'pwned'</script> The minister said on Monday "
    "that the talks “went very well” and that both sides would meet again next month. "
    "<img src=x onerror=\"window.pwned = 2; document.title = 'pwned'\"> Critics called the "
    "plan a costly mistake and warned that sanctions could follow within weeks."
)

# True once `count` Plotly charts are on the page and each has drawn its data.
DRAWN = """count => {
    const charts = [...document.querySelectorAll('.js-plotly-plot')];
    return charts.length === count
        && charts.every(chart => chart.querySelector('g.trace, g.hm image'));
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The dashboard as a user starts it, on its own port and with an empty data folder."""
    with dashboard_server(tmp_path_factory.mktemp("data")) as url:
        yield url


@contextlib.contextmanager
def dashboard_server(data: Path, **env: str) -> Iterator[str]:
    """`streamlit run` on a free port with the store in `data` and `env` added to its
    environment; its address while the block runs, stopped at the end whatever happens."""
    port = free_port()
    env = {**os.environ, "SOURCE_BIAS_DATA": str(data), **env}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the dashboard server did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def settle(page, heading: str, ready: str = "") -> None:
    """Wait for the page's heading, for Streamlit to finish running the script and for
    the `ready` element (the page's last to draw) to appear."""
    page.get_by_role("heading", name=heading).first.wait_for(timeout=RENDER_MS)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=RENDER_MS
    )
    if ready:
        page.locator(ready).first.wait_for(timeout=RENDER_MS)


def screenshot(page, name: str) -> None:
    """The whole page, not just the viewport: Streamlit scrolls inside its main block."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(height + 40, 8000)})
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png")
    page.set_viewport_size(VIEWPORT)


def test_compare_shows_the_five_outlets_and_draws_a_section_when_its_tab_opens(server, page):
    page.goto(server)
    settle(page, "How the outlets covered the story")
    assert page.locator(".card .outlet").all_inner_texts() == SEED_OUTLETS
    page.wait_for_function(DRAWN, arg=1, timeout=RENDER_MS)  # the open tab's: Frame profile
    screenshot(page, "compare")
    page.get_by_role("tab", name="Overall tone").click()
    page.get_by_role("heading", name="Overall tone").wait_for(timeout=RENDER_MS)
    page.wait_for_function(DRAWN, arg=2, timeout=RENDER_MS)  # only this tab's charts
    tone = page.locator(".js-plotly-plot").filter(has_text="Tone of the article")
    assert tone.locator(".ytick text").all_text_contents() == SEED_OUTLETS[::-1]
    screenshot(page, "compare-tone")


def test_read_highlights_quotes_with_their_speaker(server, page):
    page.goto(f"{server}/read")
    settle(page, "Read the articles", ".article p .q")
    quotes = page.locator(".article p .q")
    assert quotes.count() > 0
    assert quotes.first.is_visible()
    assert "(official" in quotes.first.get_attribute("title")
    screenshot(page, "read")


@pytest.mark.parametrize(
    ("path", "heading", "ready"),
    [
        ("sources", "Who is quoted", ".quote"),
        ("differences", "Differences between outlets", ".js-plotly-plot"),
        ("method", "How the numbers are made", "text=The active codebook"),
    ],
)
def test_the_other_pages_render(server, page, path, heading, ready):
    page.goto(f"{server}/{path}")
    settle(page, heading, ready)
    assert not page.locator('[data-testid="stException"]').count()
    screenshot(page, path)


def test_a_pasted_article_with_markup_shows_as_text_and_runs_nothing(server, page):
    page.goto(f"{server}/add")
    settle(page, "Add articles")
    page.get_by_label("Article text").first.fill(HOSTILE)
    page.get_by_label("Outlet *").first.fill("<b>Hostile</b> Daily")
    page.get_by_role("button", name="Analyse and add").click()
    page.get_by_text("Saved “").wait_for(timeout=RENDER_MS)  # not "a saved .html page"
    settle(page, "Add articles")
    screenshot(page, "add")

    page.get_by_role("link", name="Read it with its evidence").click()
    try:
        settle(page, "Read the articles", ".article")
    finally:
        screenshot(page, "read-added")
    article = page.locator(".article").filter(has_text="The minister said")
    assert "<script>window.pwned = 1;" in article.inner_text()
    assert "<img src=x onerror=" in article.inner_text()
    assert page.get_by_role("heading", name="<b>Hostile</b> Daily").count() == 1
    assert page.evaluate("window.pwned") is None
    assert page.title() != "pwned"
    assert page.dialogs == []
    assert page.locator(".article script, .article img").count() == 0
    screenshot(page, "read-added")


def test_a_visit_of_every_page_asks_nothing_of_any_other_host(server, page):
    """A school's dashboard makes no third-party request: no font, icon or script from a
    CDN. Every request of a full visit, failed ones too, goes to the server itself."""
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(request.url))
    visits = [
        ("", "heading", "How the outlets covered the story"),
        ("read", "heading", "Read the articles"),
        ("sources", "heading", "Who is quoted"),
        ("differences", "heading", "Differences between outlets"),
        ("classroom", "text", "Question 1 of"),
        ("method", "heading", "How the numbers are made"),
        ("add", "heading", "Add articles"),
    ]
    for path, kind, name in visits:
        page.goto(f"{server}/{path}")
        if kind == "heading":
            settle(page, name)
        else:
            page.get_by_text(name, exact=False).first.wait_for(timeout=RENDER_MS)
    page.wait_for_timeout(1000)  # the favicon and late fonts
    outside = sorted(
        {url for url in hosts if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))}
    )
    assert hosts and not outside, outside
