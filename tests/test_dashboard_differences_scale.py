"""The Differences page with a few hundred selected articles (synthetic: seed copies under
their own outlet names, as benchmarks/compare_scale.py makes them): it runs, and it draws
at most MAX_COLUMNS columns at once and says how many of how many it shows."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.differences_scale import build_store
from dashboard.compare_charts import COLUMNS_KEY, MAX_COLUMNS

from .apptest import open_page

PAGE = "views/differences.py"
ARTICLES = 240
TIMEOUT = 300


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A store of ARTICLES synthetic articles, all selected when a session opens."""
    found = tmp_path_factory.mktemp("differences-scale")
    build_store(found, ARTICLES)
    return found


@pytest.fixture(autouse=True)
def data_dir(folder, _own_store, monkeypatch) -> None:
    """Every run, the first and the reruns, reads that store (not the test's own)."""
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(folder))


@pytest.fixture(scope="module")
def page(folder) -> Iterator[AppTest]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_BIAS_DATA", str(folder))
        yield open_page(PAGE, None, TIMEOUT)


def captions(at: AppTest) -> str:
    return "\n".join(caption.value for caption in at.caption)


def charts_in(at: AppTest, tab: str) -> list[dict]:
    """The charts of the page with `tab` open (only the open tab is drawn)."""
    at.session_state["differences_tab"] = tab
    at.run()
    assert not at.exception, at.exception
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_every_article_is_a_column_of_the_counts(page):
    assert len(page.dataframe[0].value) == ARTICLES


def test_the_charts_draw_the_chosen_columns_and_say_so(page):
    chooser = page.multiselect(key=COLUMNS_KEY)
    assert len(chooser.value) == MAX_COLUMNS
    assert f"Showing {MAX_COLUMNS} of {ARTICLES} columns" in captions(page)
    (facts,) = charts_in(page, "Coverage")
    (entities,) = charts_in(page, "Entities and numbers")
    (voices,) = charts_in(page, "Voices")
    (words,) = charts_in(page, "Distinctive words")
    charts_in(page, "Coverage")  # as the other tests expect it
    for grid in (facts, entities):
        assert len(set(grid["data"][0]["x"])) == MAX_COLUMNS
    assert len({column for column, _, _ in voices["data"][0]["customdata"]}) <= MAX_COLUMNS
    assert len(words["data"]) == MAX_COLUMNS  # a panel per column


def test_sentence_lists_and_expanders_are_capped(page):
    blocks = [e.proto.body for e in page.get("html") if "· sentence" in e.proto.body]
    per_fact = MAX_COLUMNS * (4 + 2 * 25)  # facts, entities, speakers, actors; two expanders
    assert 0 < len(blocks) <= per_fact
    assert len(page.main.expander) <= 2  # the chosen column's "Only in" and "Not found in"
    assert "choose the columns drawn above" in captions(page)


def test_choosing_other_columns_redraws_them(page):
    chooser = page.multiselect(key=COLUMNS_KEY)
    others = chooser.options[-3:]
    chooser.set_value(others).run()
    assert not page.exception
    assert page.multiselect(key=COLUMNS_KEY).value == others
    assert f"Showing 3 of {ARTICLES} columns" in captions(page)
