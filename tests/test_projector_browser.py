"""Every page at the two screens classrooms have: a 1024×768 projector and a 1440×900
laptop. Chart text is large enough to read from the back of the room and never cut off;
the Classroom controls stay on one line and a revealed answer shows without scrolling,
in a colour that does not read as "wrong". Screenshots go to test-artifacts/projector/."""

import pytest

from dashboard import presenter

from .conftest import ROOT
from .test_browser import DRAWN, RENDER_MS, browser, server, settle  # noqa: F401

ARTIFACTS = ROOT / "test-artifacts" / "projector"
SIZES = {"1024x768": (1024, 768), "1440x900": (1440, 900)}
MIN_FONT_PX = 12
CLASSROOM_QUESTIONS = 4  # the seeds' first: long choices listed, then outlets as choices
PAGES = [  # path, heading, the element that draws last, charts on the first screen
    ("", "How the outlets covered the story", "", 1),
    ("read", "Read the articles", ".article p .q", 0),
    ("sources", "Who is quoted", ".quote", 0),
    ("differences", "Differences between outlets", ".js-plotly-plot", 0),
    ("method", "How the numbers are made", "text=The active codebook", 0),
    ("add", "Add articles", "", 0),
]
# The tabs, beyond the first, whose charts are drawn when opened: per page path.
TABS_WITH_CHARTS = {
    "": (
        "Who gets to speak",
        "Talked about vs heard",
        "Overall tone",
        "Narration vs quotes",
        "Actors",
        "Tone through each article",
    ),
    "differences": ("Entities and numbers", "Voices", "Distinctive words"),
}
# True once every chart on screen (other tabs' are hidden) has drawn its data.
SHOWN_DRAWN = """() => {
    const charts = [...document.querySelectorAll('.js-plotly-plot')]
        .filter(chart => chart.getBoundingClientRect().width > 0);
    return charts.length > 0 && charts.every(chart => chart.querySelector('g.trace, g.hm image'));
}"""

# True once the dashboard's own styles have arrived (Streamlit draws st.html a moment after
# the script ends) and every table on screen has drawn its rows.
STYLED_AND_DRAWN = """() => [...document.querySelectorAll('style')]
        .some(style => style.textContent.includes('stMainBlockContainer'))
    && [...document.querySelectorAll('[data-testid="stDataFrame"]')]
        .filter(table => table.getClientRects().length)
        .every(table => table.getBoundingClientRect().height > 60)"""

NO_PLACEHOLDER = "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"

# Every visible text node of the charts on the page: its font size and whether its box
# lies inside the chart's own box (a label cut by the chart's edge sticks out of it).
CHART_TEXT = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter(chart => chart.getBoundingClientRect().width > 0)
    .flatMap(chart => {
        const frame = chart.querySelector('svg.main-svg').getBoundingClientRect();
        return [...chart.querySelectorAll('svg.main-svg text')]
            .filter(node => !node.closest('.hoverlayer') && node.textContent.trim())
            .map(node => {
                const box = node.getBoundingClientRect();
                return {
                    text: node.textContent,
                    size: parseFloat(getComputedStyle(node).fontSize),
                    inside: box.left >= frame.left - 1 && box.right <= frame.right + 1
                        && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1,
                    shown: box.width > 0 && box.height > 0,
                };
            })
            .filter(node => node.shown);
    })"""

# The button's label sits on one line: its height is one line of its text.
ONE_LINE = """button => {
    const label = button.querySelector('p') || button;
    const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
    return label.getBoundingClientRect().height < 1.5 * lineHeight;
}"""

pytestmark = pytest.mark.browser


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def page(request, browser):  # noqa: F811  (test_browser's Chromium)
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.size = request.param
    yield page
    context.close()


def shot(page, name: str, whole: bool = True) -> None:
    """The screen as projected (`whole=False`) or the whole page at the screen's width."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{page.size}.png"
    if not whole:
        page.screenshot(path=path)
        return
    screen = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": screen["width"], "height": min(height + 40, 8000)})
    # Streamlit draws an element (a table) only once it is on screen: wait for them all.
    page.wait_for_function(NO_PLACEHOLDER, timeout=RENDER_MS)
    page.wait_for_timeout(500)
    page.screenshot(path=path)
    page.set_viewport_size(screen)


def idle(page) -> None:
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=RENDER_MS
    )
    page.wait_for_timeout(300)


def chart_text_problems(page) -> list[str]:
    return [
        f"{node['text']!r}: {node['size']}px" + ("" if node["inside"] else ", cut off")
        for node in page.evaluate(CHART_TEXT)
        if node["size"] < MIN_FONT_PX or not node["inside"]
    ]


@pytest.mark.parametrize(
    ("path", "heading", "ready", "charts"), PAGES, ids=[p[0] or "compare" for p in PAGES]
)
def test_every_page_fits_the_screen_with_readable_whole_chart_labels(
    server,  # noqa: F811
    page,
    path,
    heading,
    ready,
    charts,
):
    page.goto(f"{server}/{path}")
    settle(page, heading, ready)
    page.wait_for_function(STYLED_AND_DRAWN, timeout=RENDER_MS)
    if charts:
        page.wait_for_function(DRAWN, arg=charts, timeout=RENDER_MS)
    if ready == ".js-plotly-plot":
        page.wait_for_function(SHOWN_DRAWN, timeout=RENDER_MS)
    assert not page.locator('[data-testid="stException"]').count()
    main = page.locator('[data-testid="stMain"]')
    assert main.evaluate("m => m.scrollWidth <= m.clientWidth + 1"), "scrolls sideways"
    problems = chart_text_problems(page)
    shot(page, path or "compare")
    for tab in TABS_WITH_CHARTS.get(path, ()):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_function(SHOWN_DRAWN, timeout=RENDER_MS)
        idle(page)
        problems += chart_text_problems(page)
        shot(page, f"{path or 'compare'}-{tab.split()[0].lower()}")
    assert not problems, "\n".join(problems)


def test_classroom_controls_stay_on_one_line_and_the_answer_shows_without_scrolling(
    server,  # noqa: F811
    page,
):
    page.goto(f"{server}/classroom")
    for number in range(1, CLASSROOM_QUESTIONS + 1):
        page.get_by_text(f"Question {number} of", exact=False).wait_for(timeout=RENDER_MS)
        choices = page.locator(".st-key-classroom-choices button")
        choices.first.wait_for(timeout=RENDER_MS)
        idle(page)
        shot(page, f"classroom-{number}-question", whole=False)
        nav = [page.get_by_role("button", name=name) for name in ("Previous", "Reveal", "Next")]
        assert choices.count() >= 2
        for button in [*nav, *choices.all()]:
            assert button.evaluate(ONE_LINE), f"wraps: {button.inner_text()!r}"
        middles = {round(b["y"] + b["height"] / 2) for b in (n.bounding_box() for n in nav)}
        assert max(middles) - min(middles) <= 2, "Previous, Reveal and Next are not in one row"

        page.locator(".cm-prompt").click()  # focus the page, not a widget
        page.keyboard.press("Space")
        answer = page.locator(".cm-answer")
        answer.wait_for(timeout=RENDER_MS)
        idle(page)
        screen = page.viewport_size
        for element in (answer, page.locator(".cm-evidence").first):
            box = element.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= screen["height"]
        right = page.locator(".st-key-classroom-choices button", has_text=presenter.RIGHT)
        assert right.count() >= 1, "the right answer is named in words, not colour alone"
        red, green, blue = right.first.evaluate(
            "b => getComputedStyle(b).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
        )
        assert green > red and green > blue, "the right answer is not shown green"
        for button in choices.all():
            assert button.evaluate(ONE_LINE), f"wraps after the reveal: {button.inner_text()!r}"
        shot(page, f"classroom-{number}-revealed", whole=False)
        page.keyboard.press("ArrowRight")
    for mode in ("Plan", "Source cards", "Handout"):
        page.get_by_role("radio", name=mode).click()
        page.wait_for_timeout(500)
        idle(page)
        shot(page, f"classroom-{mode.split()[0].lower()}")
