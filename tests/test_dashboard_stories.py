"""The Stories page (AppTest) and its chart functions (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import load, make_article
from analysis.store import Store, default_path
from analysis.stories import find_stories
from dashboard import story_charts

from .apptest import open_page

PAGE = "views/stories.py"
TIMEOUT = 120
STORM = (
    "Storm Ciarán closed hundreds of schools across Cornwall and Devon on Thursday as "
    "winds of up to 100 mph brought down trees and power lines, the Met Office said."
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))


def start(articles: list[str] | None = None) -> AppTest:
    return open_page(PAGE, articles, TIMEOUT)


def test_the_coverage_grid_shows_blindspots():
    seeds = load()
    stories = find_stories([*seeds, make_article(STORM, id="storm", outlet="Western Morning")])
    frame = story_charts.coverage_frame(stories)
    outlets = {a.outlet for a in seeds} | {"Western Morning"}
    assert set(frame["outlet"]) == outlets
    assert len(frame) == len(outlets) * len(stories)  # every outlet × story, covered or not
    storm = next(s for s in stories if [m.id for m in s.members] == ["storm"])
    row = frame[frame["story"] == story_charts.story_name(storm)].set_index("outlet")
    assert row.loc["Western Morning", "articles"] == 1
    assert (row.drop(index="Western Morning")["articles"] == 0).all()  # blindspots
    figure = story_charts.coverage_grid(frame)
    (heatmap,) = figure.data
    assert len(heatmap.x) == len(stories) and len(heatmap.y) == len(outlets)
    assert sum(map(sum, heatmap.z)) == sum(len({m.outlet for m in s.members}) for s in stories)


def test_outlet_and_label_text_is_escaped_in_the_grid():
    hostile = make_article(STORM, id="x", outlet="<b>Bold</b> & Co")
    frame = story_charts.coverage_frame(find_stories([hostile]))
    (heatmap,) = story_charts.coverage_grid(frame).data
    assert list(heatmap.y) == ["&lt;b&gt;Bold&lt;/b&gt; &amp; Co"]


def test_the_page_lists_the_catalogue_stories_and_a_button_selects_one():
    Store(default_path()).add(make_article(STORM, id="storm", outlet="Western Morning"))
    seeds = [a.id for a in load()]
    at = start(articles=seeds[:1])
    found = find_stories([*load(), make_article(STORM, id="storm", outlet="Western Morning")])
    assert len(at.get("plotly_chart")) == 1
    assert len(at.dataframe) == len(found)
    storm = next(s for s in found if [m.id for m in s.members] == ["storm"])
    at.button(key=f"story-select-{storm.id}").click().run()
    assert not at.exception, at.exception
    assert at.session_state["articles"] == ["storm"]
    assert at.button(key=f"story-select-{storm.id}").disabled
    largest = found[0]
    at.button(key=f"story-select-{largest.id}").click().run()
    assert at.session_state["articles"] == [m.id for m in largest.members]
    assert Store(default_path()).last_selection().article_ids == tuple(
        m.id for m in largest.members
    )  # remembered for the next visit, as the sidebar's own choice is
