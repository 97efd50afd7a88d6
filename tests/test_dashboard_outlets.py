"""The Outlets page through Streamlit's AppTest: it reads stored reports only, counts the
rest as not analysed yet, shows an unknown interval for a one-article outlet, and keeps
hostile outlet names as text."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import analyze, load, make_article
from analysis.framing import load_codebook
from analysis.report import settings_key
from analysis.store import Store

from .apptest import open_page

PAGE = "views/outlets.py"
TIMEOUT = 90
HOSTILE = "<img src=x onerror=alert(1)> **Daily**"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    return tmp_path


def outlets_page(articles: list[str] | None = None) -> AppTest:
    return open_page(PAGE, [] if articles is None else articles, TIMEOUT)


def cache(store: Store, articles) -> None:
    key = settings_key(load_codebook("policy"))
    store.save_reports([analyze(article) for article in articles], key)


def test_nothing_analysed_yet_is_said_and_nothing_is_analysed(data_dir, monkeypatch):
    at = outlets_page()
    caption = at.caption[0].value
    assert "0 analysed" in caption and "5 not analysed yet" in caption
    assert "No article of the catalogue has been analysed yet." in at.info[0].value
    assert not Store(data_dir / "store.sqlite3").cached_keys(settings_key(load_codebook("policy")))


def test_profiles_of_the_cached_articles_with_an_unknown_interval(data_dir):
    store = Store(data_dir / "store.sqlite3")
    seeds = load()
    text = seeds[0].text
    added = [
        store.get(store.add(make_article(text + f"\n\nUpdate {n}.", outlet=HOSTILE, title=f"T{n}")))
        for n in range(2)
    ]
    cache(store, [*seeds[:2], *added])
    at = outlets_page()
    assert "4 analysed" in at.caption[0].value and "3 not analysed yet" in at.caption[0].value
    table = at.dataframe[0].value
    assert set(table["outlet"]) == {HOSTILE, seeds[0].outlet, seeds[1].outlet}
    rows = table.set_index("outlet")
    assert rows.loc[HOSTILE, "articles"] == 2
    assert rows.loc[HOSTILE, "95% interval"] != "unknown (one article)"
    assert rows.loc[seeds[0].outlet, "95% interval"] == "unknown (one article)"
    # The articles behind an outlet: pick it, and its two articles are listed.
    at.selectbox[0].set_value(HOSTILE).run()
    assert not at.exception, at.exception
    behind = at.dataframe[1].value
    assert sorted(behind["title"]) == ["T0", "T1"]
    assert at.metric[0].value == "2"
    shown = "\n".join(m.value for m in at.markdown)
    assert "<img" not in shown


def test_the_charts_escape_outlet_names(data_dir):
    from analysis.outlets import outlet_profiles, summaries_from_reports
    from dashboard import outlet_charts

    reports = [analyze(make_article(a.text, outlet=HOSTILE, id=a.id)) for a in load()[:2]]
    profiles = outlet_profiles(summaries_from_reports(reports))
    for figure in (
        outlet_charts.tone_figure(profiles),
        outlet_charts.speaker_type_figure(profiles),
    ):
        labels = [label for trace in figure.data for label in trace.y]
        assert labels and all("<img" not in label and "&lt;img" in label for label in labels)


STORM = (
    "Storm Ciarán closed hundreds of schools across Cornwall and Devon on Thursday as "
    "winds of up to 100 mph brought down trees and power lines, the Met Office said. "
    "“We have never seen damage like this,” said Ana Pérez, a council leader."
)


def test_one_story_shows_the_profiles_of_its_outlets_only(data_dir):
    store = Store(data_dir / "store.sqlite3")
    storm = [
        store.get(store.add(make_article(STORM + extra, outlet=outlet, title=f"Storm {n}")))
        for n, (outlet, extra) in enumerate(
            [("Western Morning", ""), ("Coast Herald", " Ferries were cancelled.")]
        )
    ]
    cache(store, [*load(), *storm])
    at = outlets_page()
    assert len(at.dataframe[0].value) == 7  # every outlet of the catalogue
    at.toggle(key="outlets_by_story").set_value(True).run()
    assert not at.exception, at.exception
    stories = at.selectbox(key="outlets_story")
    labels = list(stories.options)
    assert len(labels) >= 2
    storm_story = [n for n, label in enumerate(labels) if "(2 articles)" in label]
    assert len(storm_story) == 1, labels
    stories.select_index(storm_story[0]).run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert set(table["outlet"]) == {"Western Morning", "Coast Herald"}
    assert "2 articles on this story: 2 analysed" in at.caption[0].value
    # Back to the whole catalogue when the toggle is off.
    at.toggle(key="outlets_by_story").set_value(False).run()
    assert len(at.dataframe[0].value) == 7
