"""A story set with its lesson plan survives a server restart, in a real Chromium.

The dashboard runs on a free 127.0.0.1 port with its own data folder; it is stopped and
started again on the same folder, as a teacher's computer would be the next morning.
Screenshots go to test-artifacts/sets/.
"""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS

from .conftest import ROOT
from .test_browser import RENDER_MS, SERVER_START_S, free_port, screenshot

ARTIFACTS = ROOT / "test-artifacts" / "sets"
VIEWPORT = {"width": 1400, "height": 1000}
SET_NAME = "S-400, 2018–21"
OWN_QUESTION = "Which headline would you click first?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium"),
]


class Dashboard:
    """`streamlit run` on a data folder; stop and start it again like a user would."""

    def __init__(self, data: str):
        self.data = data
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> str:
        port = free_port()
        command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py"]
        command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        command += ["--server.headless", "true"]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "SOURCE_BIAS_DATA": self.data},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_START_S
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self.url
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("the dashboard server did not start") from None
                time.sleep(0.3)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@pytest.fixture
def dashboard(tmp_path):
    server = Dashboard(str(tmp_path / "data"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            yield chromium
        finally:
            chromium.close()


def fresh_page(browser):
    """A new browser profile: nothing of an earlier session is left."""
    return browser.new_context(viewport=VIEWPORT).new_page()


def shot(page, name: str) -> None:
    """The whole page (test_browser's helper: Streamlit scrolls inside its main block)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot(page, f"{ARTIFACTS.name}/{name}")


def choose(page, label: str, option: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    idle(page)


def idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=RENDER_MS
    )


def plan_view(page, url: str) -> None:
    page.goto(f"{url}/classroom")
    page.get_by_role("radio", name="Plan").wait_for(timeout=RENDER_MS)
    idle(page)
    page.get_by_role("radio", name="Plan").click()
    page.get_by_role("heading", name="Questions, in teaching order").wait_for(timeout=RENDER_MS)
    idle(page)


def first_prompt(page) -> str:
    row = page.get_by_test_id("stMarkdownContainer").filter(has_text="1.").first
    return row.inner_text().split("\n")[0].removeprefix("1.").strip()


def test_a_set_with_its_lesson_plan_survives_a_restart(dashboard, browser):
    url = dashboard.start()
    page = fresh_page(browser)
    page.goto(f"{url}/classroom")
    page.get_by_text("Question 1 of", exact=False).wait_for(timeout=RENDER_MS)
    idle(page)

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Save selection as set…").click()
    sidebar.get_by_role("textbox", name="Name").fill(SET_NAME)
    sidebar.get_by_role("button", name="Save set").click()
    sidebar.get_by_text(f"Saved “{SET_NAME}” (5 articles)").wait_for(timeout=RENDER_MS)
    idle(page)

    page.get_by_role("radio", name="Plan").click()
    page.get_by_role("heading", name="Questions, in teaching order").wait_for(timeout=RENDER_MS)
    idle(page)
    skipped = first_prompt(page)
    page.get_by_role("button", name="Skip").first.click()
    page.get_by_role("heading", name="Skipped").wait_for(timeout=RENDER_MS)
    idle(page)
    page.get_by_role("textbox", name="Question", exact=True).fill(OWN_QUESTION)
    page.get_by_role("button", name="Add question").click()
    page.get_by_text(OWN_QUESTION).first.wait_for(timeout=RENDER_MS)
    idle(page)
    shot(page, "plan-before-restart")
    choose(page, "Story set", "(none: a free selection)")  # leave the set before closing
    page.context.close()

    dashboard.stop()
    url = dashboard.start()  # the next morning: a new server, a new browser
    page = fresh_page(browser)
    plan_view(page, url)
    assert page.get_by_role("heading", name="Skipped").count() == 0  # the free selection
    choose(page, "Story set", SET_NAME)
    page.get_by_role("heading", name="Skipped").wait_for(timeout=RENDER_MS)
    idle(page)
    planned, after = page.get_by_test_id("stMain").inner_text().split("Skipped", 1)
    assert skipped in after and skipped not in planned
    assert OWN_QUESTION in planned
    shot(page, "plan-after-restart")
    page.context.close()
