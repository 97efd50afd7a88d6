"""Hostile input in a real browser: two articles whose text, outlet and title carry
HTML, JavaScript, Markdown and Streamlit markup are pasted on the Add page, a codebook
with the same in its labels is uploaded, and every page is visited in that session.

On each page: no script ran (no flag set, no dialog, the title unchanged), no injected
element exists (ids, images, links, maths), and the outlet name is on screen as typed,
tags and all, in the page text and in the charts. tests/test_dashboard_hostile.py checks
the same pages element by element without a browser.
"""

import pytest

from .test_browser import CHROMIUM, CHROMIUM_FLAGS, RENDER_MS, VIEWPORT, screenshot, settle
from .test_browser import server as server  # the dashboard on a free 127.0.0.1 port
from .test_dashboard_hostile import CODEBOOK

pytestmark = [pytest.mark.browser]

ARTICLES = [
    (
        '<b id="pwn-o">Red</b> :red[Daily] $$x$$',
        "**Title** <img src=x onerror=\"window.pwned='title'\"> [l](https://evil.example/t)",
        'The minister said <b id="pwn">today</b> that the talks :red[went well] and both '
        "sides will meet again next month, $$x^2$$ officials added. “We <script>window.pwned="
        "'text'</script> will act soon,” said Lopez_Garcia, a **bold** minister. <img src=x "
        "onerror=\"window.pwned='img'\"> Critics called the plan a costly mistake and warned "
        "that sanctions could follow within weeks. ![t](https://evil.example/track.png) "
        "[Link](https://evil.example/l) The US and India disagree about the deal.",
    ),
    (
        "[Link](https://evil.example/o) _Post_",
        "$$T$$ <svg onload=\"window.pwned='svg'\">",
        "Russia said on Tuesday that the S-400 deal was good for trade and security. "
        "“The <iframe src=\"javascript:window.pwned='iframe'\"></iframe> deal stands,” said "
        "Dr. Evil_Under_Score, the head of :blue[Corp]. India :skull: will decide, a senior "
        "official told reporters, and the Pentagon warned of sanctions next year.",
    ),
]
PAGES = [
    ("Compare", "How the outlets covered the story", ".js-plotly-plot"),
    ("Read", "Read the articles", ".article"),
    ("Sources", "Who is quoted", ""),
    ("Differences", "Differences between outlets", ""),
    ("Stories", "Stories", ""),
    ("Outlets", "Outlets across the catalogue", ""),
    ("Classroom", "", ""),
    ("Method", "How the numbers are made", ""),
    ("Add articles", "Add articles", ""),
]
HEADINGS = {"Actors": "Tone of sentences mentioning each actor"}  # Compare's tab → heading
INJECTED = (
    "#pwn, #pwn-o, #pwn-c, #pwn-f, img[src='x'], svg[onload], iframe[src^='javascript'],"
    " a[href*='evil.example'], img[src*='evil.example'], .katex, .stMarkdown script"
)
RAN = "[...document.scripts].filter(s => s.textContent.includes('pwned')).length"


@pytest.fixture(scope="module")
def session(server, tmp_path_factory):
    """One browser session that added the hostile articles and uploaded the codebook."""
    from playwright.sync_api import sync_playwright

    codebook = tmp_path_factory.mktemp("codebook") / "hostile <i>x<i> :red[y].toml"
    codebook.write_text(CODEBOOK)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(f"{server}/add")
            for outlet, title, text in ARTICLES:
                settle(page, "Add articles")
                page.get_by_label("Article text").first.fill(text)
                page.get_by_label("Outlet *").first.fill(outlet)
                page.get_by_label("Title").first.fill(title)
                page.get_by_role("button", name="Analyse and add").click()
                page.get_by_text(f"Saved “{outlet[:6]}").wait_for(timeout=RENDER_MS)
            sidebar = page.locator('[data-testid="stSidebar"]')
            sidebar.get_by_role("combobox", name="Codebook").click()
            page.get_by_role("option", name="Your own codebook file…").click()
            uploader = sidebar.get_by_test_id("stFileUploader").filter(has_text="Codebook (")
            uploader.locator("input[type=file]").set_input_files(codebook)
            sidebar.get_by_text("red[y].toml").wait_for(timeout=RENDER_MS)
            yield page
        finally:
            browser.close()


def injected(page) -> dict[str, object]:
    """Everything hostile text could have done, in the page and in any frame."""
    frames = [frame.evaluate("window.pwned ?? null") for frame in page.frames]
    return {
        "flags": [flag for flag in frames if flag is not None],
        "dialogs": page.dialogs,
        "title": page.title(),
        "elements": page.locator(INJECTED).count(),
        "scripts": page.evaluate(RAN),
    }


@pytest.mark.parametrize(("link", "heading", "ready"), PAGES, ids=[p[0] for p in PAGES])
def test_no_script_runs_and_no_element_is_injected_on_any_page(session, link, heading, ready):
    page = session
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=link).click()
    if heading:
        settle(page, heading, ready)
    else:
        page.wait_for_timeout(2000)
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=RENDER_MS
        )
    screenshot(page, f"hostile-{link.split()[0].lower()}")
    assert not page.locator('[data-testid="stException"]').count()
    assert injected(page) == {
        "flags": [],
        "dialogs": [],
        "title": page.title(),
        "elements": 0,
        "scripts": 0,
    }
    assert "pwned" not in page.title()


def test_outlet_names_show_their_markup_as_text_in_page_and_charts(session):
    page = session
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Compare").click()
    settle(page, "How the outlets covered the story", ".js-plotly-plot")
    main = page.locator('[data-testid="stMain"]')
    shown = '<b id="pwn-o">Red</b> :red[D'  # the outlet, cut to the dashboard's label length
    assert shown in main.inner_text()
    labels = page.locator(".js-plotly-plot text").all_text_contents()
    for tab in page.get_by_role("tab").all_inner_texts()[1:]:  # each section drawn when open
        page.get_by_role("tab", name=tab).click()
        settle(page, HEADINGS.get(tab, tab), ".js-plotly-plot")
        labels += page.locator(".js-plotly-plot text").all_text_contents()
        assert injected(page)["elements"] == 0
    hostile = [label for label in labels if ":red[D" in label]
    assert hostile and all(shown in label for label in hostile), hostile
