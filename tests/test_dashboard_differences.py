"""The Differences page through Streamlit's AppTest: seeds, by outlet and by article, too
few articles, and an added article whose hostile text must stay text."""

import pytest
from streamlit.testing.v1 import AppTest

from .apptest import open_page

PAGE = "views/differences.py"
TIMEOUT = 90
SEED_OUTLETS = ["RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"]
TABS = [
    "Coverage",
    "Entities and numbers",
    "Shared quotes",
    "Voices",
    "Distinctive words",
    "Labels",
    "Analyzer disagreement",
    "Outlet profiles",
]


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    return tmp_path


def start(articles: list[str] | None = None) -> AppTest:
    return open_page(PAGE, articles, TIMEOUT)


def open_tab(at: AppTest, label: str) -> AppTest:
    """The page with the tab `label` open (only the open tab's content is drawn)."""
    at.session_state["differences_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [e.proto.body for e in at.get("html")]
    return "\n".join(parts)


def test_differences_on_the_seeds_by_outlet():
    at = start()
    assert at.title[0].value == "Differences between outlets"
    assert [tab.label for tab in at.tabs] == TABS
    counts = at.dataframe[0].value
    assert list(counts["column"]) == SEED_OUTLETS  # the dashboard's outlet order
    assert counts["shared facts it reports"].sum() >= 2
    assert len(at.get("plotly_chart")) == 1  # the coverage grid: only the open tab is drawn
    for tab in ("Entities and numbers", "Distinctive words"):
        assert len(open_tab(at, tab).get("plotly_chart")) >= 1, tab
    assert not any("shared facts it reports" in table.value for table in at.dataframe)


def test_voices_give_a_summary_line_per_outlet_and_one_trace_per_outlet():
    at = open_tab(start(), "Voices")
    lines = [e.proto.body for e in at.get("html") if "Quotes " in e.proto.body]
    assert len(lines) == len(SEED_OUTLETS)
    assert all("<script" not in line for line in lines)


def test_opening_a_fact_shows_its_sentences_from_each_column():
    at = start()
    box = at.selectbox(key="open_fact")
    box.select_index(len(box.options) - 1).run()
    assert not at.exception
    fact = at.selectbox(key="open_fact").value
    assert fact != box.options[0]
    blocks = [e.proto.body for e in at.get("html") if "· sentence" in e.proto.body]
    assert len(blocks) >= 2  # one per column that reports the fact


def test_by_article_gives_one_column_per_article():
    at = start()
    at.radio(key="differences_by").set_value("Article").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 5


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_articles_says_so(count):
    ids = start().session_state["articles"][:count]
    at = start(ids)
    assert "at least two articles" in text_of(at)
    assert not at.tabs


def test_an_added_article_with_markup_stays_text(data_dir):
    from analysis import make_article
    from analysis.store import Store, default_path

    hostile = (
        "<script>document.title='pwned'</script> The defence ministry said “we will not "
        "accept any pressure from outside on our defence purchases” on Monday. "
        '<img src=x onerror="alert(1)"> Washington warned India again.'
    )
    added = Store(default_path()).add(make_article(hostile, outlet="Pasted <b>", title="x"))
    seed = start().session_state["articles"][0]
    at = start([seed, added])
    assert set(at.dataframe[0].value["column"]) == {"RT", "Pasted <b>"}
    for element in at.get("html"):
        assert "<script" not in element.proto.body and "<img" not in element.proto.body


@pytest.mark.parametrize(
    ("tab", "key", "columns"),
    [("Shared quotes", "open_speaker", 2), ("Labels", "open_actor", 1)],  # shared: 2 or more
)
def test_opening_a_speaker_or_an_actor_shows_its_sentences_per_column(tab, key, columns):
    at = open_tab(start(), tab)
    box = at.selectbox(key=key)
    box.select_index(len(box.options) - 1).run()
    assert not at.exception, at.exception
    headings = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<b>")]
    assert len(headings) >= columns  # one heading per column that quotes or names it
    assert all(any(outlet in h for outlet in SEED_OUTLETS) for h in headings)
