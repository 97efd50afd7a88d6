"""Adding articles by web address and a text file with its head, in a real browser: the
dashboard (started with SOURCE_BIAS_ALLOW_PRIVATE_URLS=1, so it may fetch from the local
test server) adds the good page, selects it, and lists the failed addresses with their
reasons. Screenshots in test-artifacts/url/."""

from pathlib import Path

import pytest

from analysis.classroom.handout import CHROMIUM
from analysis.corpus.fetch import ALLOW_PRIVATE_ENV

from . import test_browser
from .test_browser import ARTIFACTS, RENDER_MS, dashboard_server, screenshot, settle
from .webserver import serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]
browser, page = test_browser.browser, test_browser.page  # the fixtures, shared
HEAD = "Harbour council approves the new budget"
BODY = " ".join(
    [
        "The harbour council approved the new budget on Monday after a long debate.",
        "The mayor said the plan would pay for repairs to the old quay and two new ferries.",
        "Critics on the council said the ferries were too expensive and asked for a review.",
    ]
)


@pytest.fixture(scope="module")
def web():
    with serving() as base:
        yield base


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with dashboard_server(tmp_path_factory.mktemp("data"), **{ALLOW_PRIVATE_ENV: "1"}) as url:
        yield url


def shown(element) -> str:
    """An element's text as a reader sees it (without the invisible joiners that keep
    Markdown from turning addresses into links)."""
    return element.inner_text().replace("\u2060", "").strip()


def shot(page, name: str) -> None:
    (ARTIFACTS / "url").mkdir(parents=True, exist_ok=True)
    screenshot(page, f"url/{name}")


def test_three_addresses_one_added_and_selected_two_refused_with_reasons(server, web, page):
    page.goto(f"{server}/add")
    settle(page, "Add articles")
    urls = [f"{web}/a.html", f"{web}/missing.html", f"{web}/logo.png"]
    page.get_by_label("Web addresses, one per line").fill("\n".join(urls))
    page.get_by_role("button", name="Fetch and add").click()
    page.get_by_text("Added 1 article from the web").wait_for(timeout=RENDER_MS)
    settle(page, "Add articles")
    shot(page, "fetched")

    alerts = page.locator('[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')
    texts = [shown(alerts.nth(i)) for i in range(alerts.count())]
    assert f"Not added: {urls[1]} – 404 Not Found." in texts
    assert f"Not added: {urls[2]} – A PNG image, not a web page." in texts
    assert not any(urls[0] in text for text in texts)
    chosen = shown(page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]'))
    assert "The Harbour Ledger · added" in chosen  # only the chosen articles are shown
    captions = page.locator('[data-testid="stCaptionContainer"]')
    assert any(
        shown(captions.nth(i)).startswith(f"Fetched from {urls[0]} on ")
        for i in range(captions.count())
    )
    outlet = page.get_by_label("Outlet *").nth(1)  # the new article's, opened below
    assert outlet.input_value() == "The Harbour Ledger"


def test_an_uploaded_text_file_keeps_its_headline_and_date(server, page, tmp_path):
    file = tmp_path / "budget.txt"
    file.write_text(f"{HEAD}\n\ndate 2024-06-02\n\n{BODY}\n", encoding="utf-8")
    page.goto(f"{server}/add")
    settle(page, "Add articles")
    page.locator('[data-testid="stFileUploader"]').filter(has_text="…or upload a file").locator(
        'input[type="file"]'
    ).set_input_files(str(file))
    page.get_by_label("Outlet *").first.fill("Harbour Weekly")
    page.get_by_role("button", name="Analyse and add").click()
    page.get_by_text("Saved “Harbour Weekly”").wait_for(timeout=RENDER_MS)
    settle(page, "Add articles")
    page.get_by_text(f"Harbour Weekly – {HEAD}").click()
    expander = page.locator('[data-testid="stExpander"]').filter(
        has_text=f"Harbour Weekly – {HEAD}"
    )
    assert expander.get_by_label("Title").input_value() == HEAD
    assert expander.get_by_label("Date (YYYY-MM-DD)").input_value() == "2024-06-02"
    assert expander.get_by_label("Article text").input_value() == f"{HEAD}\n\n{BODY}"
    shot(page, "uploaded-text")
