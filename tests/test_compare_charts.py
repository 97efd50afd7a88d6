"""The Differences page's pure table and chart builders, without Streamlit."""

from dataclasses import replace

import pytest

from analysis import analyze, compare, make_article
from dashboard import compare_charts as charts

HOSTILE = "<script>alert(1)</script>"
QUOTE = "“We will not accept any pressure from outside on our defence purchases,” he said."
SHORT = f"The minister said they “will not accept any pressure from outside”. {HOSTILE}"


def report(text: str, outlet: str, id: str):
    return analyze(make_article(text, outlet=outlet, id=id, title=id))


@pytest.fixture(scope="module")
def comparison():
    return compare(
        [
            report(
                f"The defence ministry signed a contract for twelve patrol boats on Monday. "
                f"Washington warned India. Washington said more. {QUOTE}",
                "Daily A",
                "a",
            ),
            report(
                "On Monday the ministry of defence signed a contract to buy twelve patrol boats. "
                f"The US warned India. {SHORT}",
                "Daily B",
                "b",
            ),
        ]
    )


@pytest.fixture(scope="module")
def names(comparison):
    return charts.column_names(comparison, {"a": "A", "b": "B"})


def test_columns_are_named_by_outlet_or_by_the_dashboards_article_label(comparison):
    assert charts.column_names(comparison, {}) == {"Daily A": "Daily A", "Daily B": "Daily B"}
    by_article = compare([report("One.", "X", "x"), report("Two.", "X", "y")], by="article")
    assert charts.column_names(by_article, {"x": "X (1)", "y": "X (2)"}) == {
        "x": "X (1)",
        "y": "X (2)",
    }


def test_coverage_grid_has_a_trace_per_column_and_clickable_cells(comparison, names):
    figure = charts.coverage_grid(comparison, names, {"Daily A": "#111111"})
    (dots,) = figure.data  # one trace: a dot per fact and column
    shared = charts.shared_facts(comparison)
    assert len(dots.y) == 2 * len(shared)
    first = [i for i, x in enumerate(dots.x) if x == "Daily A"]
    assert [list(dots.customdata[i]) for i in first] == [[i, "Daily A"] for i in range(len(shared))]
    assert {dots.marker.color[i] for i in first} == {"#111111"}


def test_grid_escapes_names_and_leaves_empty_cells_unclickable():
    comparison = compare(
        [report("China and India met.", "Daily A", "a"), report("India met.", "Daily B", "b")]
    )
    names = {"Daily A": "A <b>", "Daily B": "B"}
    figure = charts.entity_grid(comparison, names, {})
    assert set(figure.data[0].x) == {"A &lt;b&gt;", "B"}
    empty = [tuple(c) for trace in figure.data for c in trace.customdata if c[0] == -1]
    assert empty == [(-1, "Daily B")]  # B does not name China


def test_coverage_counts_per_column(comparison, names):
    table = charts.coverage_counts(comparison, names).set_index("column")
    shared = len(charts.shared_facts(comparison))
    assert list(table["shared facts it reports"]) == [shared, shared]


def test_quote_html_escapes_the_text_and_bolds_the_common_words(comparison, names):
    (quote,) = comparison.quotes
    markup = charts.quote_html(quote, names)
    assert "<b>will not accept any pressure from outside</b>" in markup
    assert "trimmed differently" in markup
    hostile_use = replace(quote.uses[0], text=f"{HOSTILE} will not accept")
    hostile = charts.quote_html(replace(quote, uses=(hostile_use,)), names)
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


def test_plain_escapes_and_shortens_hover_text():
    assert charts.plain(HOSTILE) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert len(charts.plain("word " * 100, 20)) == 20


def test_label_table_shows_each_columns_names_with_counts(comparison, names):
    table = charts.label_table(comparison, names).set_index("actor")
    assert table.loc["United States", "Daily A"] == "Washington ×2"
    assert table.loc["United States", "Daily B"] == "US ×1"


def test_columns_follow_the_dashboards_order(comparison):
    assert list(charts.column_names(comparison, {}, ["b", "a"])) == ["Daily B", "Daily A"]


def test_sentences_html_is_escaped_and_numbered_from_one():
    from analysis.compare import Evidence

    markup = charts.sentences_html([Evidence("a", (1,))], {"a": ["s0", HOSTILE]}, {"a": "A<i>"})
    assert "sentence 2" in markup and "&lt;script&gt;" in markup and "A&lt;i&gt;" in markup
    assert "<script>" not in markup and "<i>" not in markup


def test_distinctive_bars_one_trace_per_column_chance_differences_grey(comparison, names):
    figure = charts.distinctive_bars(comparison, names, {"Daily A": "#123456"})
    assert [trace.name for trace in figure.data] == ["Daily A", "Daily B"]
    entry = comparison.distinctive[0]
    shown = list(entry.more[: charts.DISTINCTIVE_SHOWN])[::-1]
    colours = list(figure.data[0].marker.color)
    assert colours == ["#123456" if t.significant else charts.INSIGNIFICANT for t in shown]


def test_tables_for_disagreement_and_profiles(comparison, names):
    rates = charts.disagreement_rates(comparison, names)
    assert list(rates["column"]) == ["Daily A", "Daily B"]
    profiles = charts.profile_table(comparison)
    assert list(profiles["outlet"]) == ["Daily A", "Daily B"]
    assert list(charts.disagreement_table(comparison, names, {}).columns)[:3] == [
        "column",
        "article",
        "sentence",
    ]


VOICED_A = (
    "“We will not accept any pressure on our defence purchases,” said Ana Ruiz, the "
    "defence minister of India. Russia and India signed."
)
VOICED_B = (
    "“We will not accept any pressure on our defence purchases,” Ana Ruiz, the defence "
    "minister of India, told reporters. Russia welcomed it."
)


@pytest.fixture(scope="module")
def voiced():
    return compare([report(VOICED_A, "A <i>", "a"), report(VOICED_B, "B", "b")])


def test_voices_table_and_the_heard_vs_mentioned_chart(voiced):
    names = charts.column_names(voiced, {})
    table = charts.voices_table(voiced, names).set_index("column")
    assert table.loc["A <i>", "voices"] == 1
    assert table.loc["A <i>", "countries heard"] == "IN 1"
    assert table.loc["A <i>", "mentioned, never heard"] == "RU"
    figure = charts.heard_vs_mentioned(voiced, names, {})
    (dots,) = figure.data  # one trace, the columns by colour and named in the title
    assert "A &lt;i&gt;" in figure.layout.title.text and "<i>" not in figure.layout.title.text
    first = {
        text: (x, y)
        for text, x, y, data in zip(dots.text, dots.x, dots.y, dots.customdata, strict=True)
        if data[0] == "A <i>"
    }
    assert first == {"IN": (2, 1), "RU": (1, 0)}


def test_speakers_and_verbs_tables(voiced):
    names = charts.column_names(voiced, {})
    speakers = charts.speakers_table(voiced, names)
    assert speakers.to_dict("records") == [
        {"speaker": "Ana Ruiz", "type": "official", "country": "IN", "A <i>": 1, "B": 1}
    ]
    verbs = charts.verbs_table(voiced, names).set_index("speakers from")
    assert verbs.loc["India", "A <i>"] == "say ×1" and verbs.loc["India", "B"] == "tell ×1"


@pytest.mark.parametrize(
    ("columns", "drawn", "limit", "listed"),
    [
        ("abc", "abc", 12, "abc"),  # all drawn, under the limit: all, as they came
        ("abcdef", "eb", 3, "abe"),  # the drawn first, then others, in their order
        ("abcdef", "", 2, "ab"),
        ("abcdef", "fedc", 2, "cd"),
    ],
)
def test_first_columns_lists_the_drawn_columns_first_up_to_the_limit(columns, drawn, limit, listed):
    from types import SimpleNamespace

    items = [SimpleNamespace(column=c) for c in columns]
    found = charts.first_columns(items, set(drawn), limit)
    assert "".join(item.column for item in found) == listed
