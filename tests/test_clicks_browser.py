"""Click a chart, read the sentences: in a real Chromium, a click on a frame cell of the
Compare page and on a speaker-type bar of the Sources page opens the sentences or
quotes behind it, marked. Screenshots under test-artifacts/clicks/."""

import re

import pytest

from .conftest import ROOT
from .test_browser import DRAWN, RENDER_MS, browser, page, server, settle  # noqa: F401

ARTIFACTS = ROOT / "test-artifacts" / "clicks"
COMPARE_CHARTS = 1  # the open section's: Frame profile

pytestmark = pytest.mark.browser


def shoot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def click(tab, point) -> None:
    """Move to the element's centre, as a reader's mouse would (Plotly finds the point
    under the cursor on hover), then click there."""
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    tab.mouse.move(x, y)
    tab.wait_for_timeout(300)
    tab.mouse.click(x, y)


def trace_data(tab, chart: str, curve: int) -> dict:
    """customdata and hover text of one trace of a chart, as the browser holds them."""
    return tab.evaluate(
        """([chart, curve]) => {
            const plot = document.querySelector(`.st-key-chart-${chart} .js-plotly-plot`);
            const trace = plot.data[curve];
            return {customdata: trace.customdata, hovertext: trace.hovertext || null,
                    y: trace.y};
        }""",
        [chart, curve],
    )


def test_a_click_on_a_frame_cell_opens_its_sentences_with_the_cues_marked(server, page):  # noqa: F811
    page.goto(server)
    settle(page, "How the outlets covered the story")
    page.wait_for_function(DRAWN, arg=COMPARE_CHARTS, timeout=RENDER_MS)
    # the heatmap's clickable layer: the last trace of the frames chart
    layer = trace_data(page, "frames", 1)
    squares = page.locator(".st-key-chart-frames g.trace.scatter path.point")
    assert squares.count() == len(layer["customdata"])
    # a cell with sentences behind it: its hover says "(n)" with n > 0
    index, hover = next((i, h) for i, h in enumerate(layer["hovertext"]) if not h.endswith("(0)"))
    outlet = re.search(r"<b>(.*?)</b>", hover).group(1)
    frame = re.search(r"· (.*?)<br>", hover).group(1)
    expected = int(re.search(r"\((\d+)\)$", hover).group(1))
    click(page, squares.nth(index))
    panel = page.locator(".st-key-evidence-frames-click")
    panel.wait_for(timeout=RENDER_MS)
    settle(page, "How the outlets covered the story")
    heading = panel.locator("strong").first.inner_text()
    assert heading.startswith(f"{outlet}: {expected} sentence")
    assert frame in heading
    assert panel.locator(".evidence").count() == expected
    assert panel.locator(".evidence .f").count() >= expected  # each carries cue words
    panel.scroll_into_view_if_needed()
    page.mouse.wheel(0, -300)  # the clicked chart above its panel
    page.wait_for_timeout(300)
    shoot(page, "compare-frame-cell")


def test_a_click_on_a_speaker_type_bar_opens_its_quotes(server, page):  # noqa: F811
    page.goto(f"{server}/sources")
    settle(page, "Who is quoted", ".st-key-chart-source-mix-type .js-plotly-plot g.trace")
    segments = trace_data(page, "source-mix-type", 0)  # one trace: every kind's segments
    bars = page.locator(".st-key-chart-source-mix-type g.trace.bars").first.locator("path")
    index = next(
        i for i, (_, kind, n, _) in enumerate(segments["customdata"]) if kind == "official" and n
    )
    expected = segments["customdata"][index][2]
    outlet = segments["y"][index]
    click(page, bars.nth(index))
    panel = page.locator(".st-key-evidence-source-mix-type-click")
    panel.wait_for(timeout=RENDER_MS)
    settle(page, "Who is quoted")
    heading = panel.locator("strong").first.inner_text()
    assert heading.startswith(f"{outlet}: {expected} quote"), heading
    assert heading.endswith("from official speakers"), heading
    quotes = panel.locator(".quote.t-official")
    assert quotes.count() == expected
    panel.scroll_into_view_if_needed()
    page.mouse.wheel(0, -300)  # the clicked chart above its panel
    page.wait_for_timeout(300)
    shoot(page, "sources-speaker-type-bar")
