"""The Classroom page in a real Chromium at projector size (1280×720): walk a lesson with
the keyboard, reveal answers, and save a screenshot of each step under test-artifacts/."""

import pytest

from analysis.classroom.handout import CHROMIUM, CHROMIUM_FLAGS

from .conftest import ROOT
from .test_browser import server  # noqa: F401

ARTIFACTS = ROOT / "test-artifacts" / "classroom"
PROJECTOR = {"width": 1280, "height": 720}
STEP_TIMEOUT = 60_000  # ms: the first run analyses the five seeds

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(server):  # noqa: F811  (test_browser's server: the dashboard on a free port)
    return server


@pytest.fixture(scope="module")
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            yield browser.new_page(viewport=PROJECTOR)
        finally:
            browser.close()


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def press(page, key: str) -> None:
    """Press a shortcut key once the script run is over: a key pressed while a run is
    still drawing the page can be lost when that run replaces the buttons."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=STEP_TIMEOUT
    )
    page.keyboard.press(key)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_walk_through_a_lesson_with_the_keyboard(app_url, page):
    page.goto(f"{app_url}/classroom")
    counter = page.get_by_text("Question 1 of", exact=False)
    counter.wait_for(timeout=STEP_TIMEOUT)
    prompt = page.locator(".cm-prompt")
    first_prompt = prompt.inner_text()
    # The question and its Reveal/Next controls fit the projector without scrolling.
    for element in (prompt, page.get_by_role("button", name="Reveal")):
        box = element.bounding_box()
        assert box and box["y"] + box["height"] <= PROJECTOR["height"]
    _shot(page, "01-question")

    prompt.click()  # focus the page, not a widget
    press(page, "1")  # predict the first choice
    page.locator('.st-key-classroom_choice_1 button[kind="primary"]').wait_for(timeout=STEP_TIMEOUT)
    press(page, "Space")
    answer = page.locator(".cm-answer")
    answer.wait_for(timeout=STEP_TIMEOUT)
    assert answer.inner_text().startswith("Answer:")
    assert page.locator(".cm-evidence").count() >= 1
    marks = page.locator(".cm-evidence mark").count()
    _shot(page, "02-revealed")

    press(page, "ArrowRight")
    page.get_by_text("Question 2 of", exact=False).wait_for(timeout=STEP_TIMEOUT)
    expect(prompt).not_to_have_text(first_prompt)
    expect(page.locator(".cm-answer")).to_have_count(0)  # a new question starts hidden
    _shot(page, "03-next-question")

    for step in range(3, 6):
        press(page, "ArrowRight")
        page.get_by_text(f"Question {step} of", exact=False).wait_for(timeout=STEP_TIMEOUT)
        press(page, "Space")
        page.locator(".cm-answer").wait_for(timeout=STEP_TIMEOUT)
        marks += page.locator(".cm-evidence mark").count()
        _shot(page, f"0{step + 1}-question-{step}-revealed")
    assert marks, "revealed evidence should mark the words that decide the answer"

    press(page, "ArrowLeft")
    page.get_by_text("Question 4 of", exact=False).wait_for(timeout=STEP_TIMEOUT)


def test_source_cards_and_handout_views(app_url, page):
    page.goto(f"{app_url}/classroom")
    page.get_by_role("button", name="Reveal").wait_for(timeout=STEP_TIMEOUT)
    page.get_by_role("radio", name="Source cards").click()
    # The cards render one after another: wait for five rather than count the first.
    page.wait_for_function(
        "document.querySelectorAll('.cm-card').length >= 5", timeout=STEP_TIMEOUT
    )
    _shot(page, "10-source-cards")
    page.get_by_role("radio", name="Handout").click()
    page.get_by_role("button", name="Make the PDFs").click()
    page.get_by_role("button", name="Student sheet (PDF)").wait_for(timeout=STEP_TIMEOUT)
    with page.expect_download(timeout=STEP_TIMEOUT) as download:
        page.get_by_role("button", name="Student sheet (PDF)").click()
    assert download.value.path().read_bytes()[:4] == b"%PDF"
    _shot(page, "11-handout")
