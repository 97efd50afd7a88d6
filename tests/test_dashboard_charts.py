"""Chart functions: DataFrames in, figures out, checked without a browser."""

import pandas as pd
import pytest

from dashboard import charts, tables

OUTLETS = ["Alpha", "Beta", "Gamma"]


@pytest.fixture(scope="module")
def seeds(seed_reports):
    labels = tables.article_labels([r.article for r in seed_reports])
    return seed_reports, labels, charts.outlet_colours(list(labels.values()))


def test_colours_follow_the_catalogue_not_the_selection():
    colours = charts.outlet_colours(OUTLETS)
    assert len(set(colours.values())) == 3
    assert charts.outlet_colours(OUTLETS)["Beta"] == colours["Beta"]


def test_interval_bars_start_at_a_shared_zero_and_draw_each_interval():
    df = pd.DataFrame(
        {
            "outlet": OUTLETS,
            "article": ["a", "b", "c"],
            "tone": [0.05, 0.1, -0.02],
            "tone_low": [0.0, 0.02, -0.1],
            "tone_high": [0.1, 0.3, 0.04],
        }
    )
    figure = charts.interval_bars(df, charts.outlet_colours(OUTLETS), "tone", "t", "tone")
    (bars,) = figure.data  # one trace, a bar per outlet in its colour
    assert list(bars.y) == OUTLETS
    assert list(bars.marker.color) == list(charts.outlet_colours(OUTLETS).values())
    low, high = figure.layout.xaxis.range
    assert low == -high and high >= 0.3  # symmetric around zero, wide enough for the CIs
    assert bars.error_x.array[1] == pytest.approx(0.2)  # Beta's interval
    assert bars.error_x.arrayminus[1] == pytest.approx(0.08)


def test_small_differences_are_not_blown_up_to_fill_the_axis():
    df = pd.DataFrame(
        {
            "outlet": OUTLETS,
            "article": ["a", "b", "c"],
            "tone": [0.01, 0.02, 0.03],
            "tone_low": [0] * 3,
            "tone_high": [0.04] * 3,
        }
    )
    figure = charts.interval_bars(df, charts.outlet_colours(OUTLETS), "tone", "t", "tone")
    assert figure.layout.xaxis.range[1] >= charts.TONE_FLOOR


def test_actor_heatmap_has_a_row_per_outlet_and_greys_thin_cells():
    df = pd.DataFrame(
        {
            "outlet": ["Alpha", "Alpha", "Beta"],
            "article": ["a", "a", "b"],
            "actor": ["India", "Russia", "India"],
            "id": ["IN", "RU", "IN"],
            "tone": [0.2, -0.3, 0.1],
            "sentences": [5, 2, 3],
        }
    )
    figure = charts.actor_heatmap(df, OUTLETS, ["India", "Russia"])
    grey, tone, _ = figure.data
    assert list(tone.y) == OUTLETS
    assert tone.zmid == 0
    assert list(tone.z[0]) == [0.2, None]  # Alpha–Russia rests on 2 sentences: not coloured
    assert list(grey.z[0]) == [None, 0]
    assert list(tone.z[2]) == [None, None]  # Gamma mentions nobody
    assert tone.text[0][1] == "n=2"


def test_tone_through_article_has_one_row_per_outlet_with_quoted_sentences_pale(seeds):
    reports, labels, colours = seeds
    df = tables.sentences_table(reports, labels, "TextBlob")
    outlets = [labels[r.article.id] for r in reports]
    figure = charts.tone_through_article(df, colours, outlets, "tone")
    assert [trace.name for trace in figure.data] == outlets
    for trace, report in zip(figure.data, reports, strict=True):
        assert len(trace.y) == len(report.document.sentences)
        quoted = [t.quoted_share >= 0.5 for t in report.sentiment.sentences]
        assert [opacity < 1 for opacity in trace.marker.opacity] == quoted
        assert not trace.marker.pattern.shape  # no fill pattern: one drawing per bar


def test_voice_dumbbell_leaves_out_an_outlet_voice_with_nothing_in_it():
    df = pd.DataFrame(
        {
            "outlet": ["Alpha", "Alpha", "Beta", "Beta"],
            "article": ["a", "a", "b", "b"],
            "voice": ["narration", "quoted", "narration", "quoted"],
            "tone": [0.1, 0.3, 0.0, None],
            "low": [0.0, 0.1, -0.1, None],
            "high": [0.2, 0.5, 0.1, None],
            "n": [10, 4, 8, 0],
        }
    )
    figure = charts.voice_dumbbell(df, charts.outlet_colours(OUTLETS), "tone")
    (trace,) = figure.data
    # Alpha's two marks, a gap, Beta's narration only, a gap
    assert list(trace.y) == ["Alpha", "Alpha", None, "Beta", None]
    assert list(trace.marker.symbol) == ["circle", "diamond", "circle", "circle", "circle"]
    assert list(trace.marker.color)[:2] == [charts.outlet_colours(OUTLETS)["Alpha"]] * 2


def test_user_text_in_charts_is_escaped_not_markup():
    outlet = "<b onmouseover=alert(1)>Evil</b>"
    df = pd.DataFrame(
        {"outlet": [outlet], "article": ["a"], "tone": [0.1], "tone_low": [0.0], "tone_high": [0.2]}
    )
    figure = charts.interval_bars(df, {outlet: "#000"}, "tone", "t", "tone")
    assert figure.data[0].y[0] == "&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt;"
    assert "<b onmouseover" not in figure.to_json()


def test_talked_about_and_heard_has_a_row_per_outlet_and_shares_that_sum_to_one(seeds):
    reports, labels, colours = seeds
    df = tables.talked_about_and_heard(reports, labels)
    outlets = [labels[r.article.id] for r in reports]
    sums = df.groupby("outlet")[["talked", "heard"]].sum().round(6)
    assert sums["talked"].eq(1).all()
    assert sums["heard"].isin([0, 1]).all()  # 0 for an outlet quoting nobody
    figure = charts.talked_about_and_heard(df, colours, outlets)
    assert [trace.legendgroup for trace in figure.data] == outlets  # one trace per panel
    first = figure.data[0]
    measures = [data[2] for data in first.customdata]
    countries = len(set(first.x))
    assert measures == ["talked"] * countries + ["heard"] * countries
    # talked about: an outline, left of the tick; heard: filled, right of it
    assert list(first.marker.color) == ["white"] * countries + [colours[outlets[0]]] * countries
    assert [offset < 0 for offset in first.offset] == [m == "talked" for m in measures]
    assert not first.marker.pattern.shape


def test_frame_heatmap_marks_the_dominant_frame_and_the_lede(seeds):
    reports, labels, _ = seeds
    df = tables.frame_table(reports, labels)
    outlets = [labels[r.article.id] for r in reports]
    frames = list(dict.fromkeys(df.frame))
    figure = charts.frame_heatmap(df, outlets, frames)
    heatmap, _ = figure.data  # the cells, and the squares that make them clickable
    assert list(heatmap.y) == outlets
    for row, report in zip(heatmap.text, reports, strict=True):
        stars = [frames[i] for i, text in enumerate(row) if "★" in text]
        dominant = [s.label for s in report.framing.frames if s.dominant]
        assert stars == dominant


def test_a_heatmap_of_many_outlets_keeps_its_numbers_in_the_hover_and_its_marks(seeds):
    """Above MAX_LABELLED_ROWS outlets the cells carry no text (the browser's drawing of it
    made the page slow): the share moves to the hover and the ★ ▲ marks to a text layer."""
    reports, labels, _ = seeds
    df = tables.frame_table(reports, labels)
    copies = range(charts.MAX_LABELLED_ROWS // len(reports) + 1)
    many = pd.concat([df.assign(outlet=df.outlet + f" {n}") for n in copies])
    outlets = list(dict.fromkeys(many.outlet))
    assert len(outlets) > charts.MAX_LABELLED_ROWS
    frames = list(dict.fromkeys(df.frame))
    heatmap, marks, click = charts.frame_heatmap(many, outlets, frames).data
    assert heatmap.text is None and heatmap.texttemplate is None
    dominant = {(r.outlet, r.frame) for r in many.itertuples() if r.dominant}
    starred = {(y, x) for x, y, t in zip(marks.x, marks.y, marks.text, strict=True) if "★" in t}
    assert starred == dominant
    for x, y, hover in zip(click.x, click.y, click.hovertext, strict=True):
        share = many[(many.outlet == y) & (many.frame == x)].share
        assert f"{share.iloc[0] if len(share) else 0:.0%} of sentences" in hover
        assert ("★" in hover) == ((y, x) in dominant)
    few = charts.frame_heatmap(df, [labels[r.article.id] for r in reports], frames).data
    assert len(few) == 2 and few[0].texttemplate  # the cells, and the click layer


def test_stacked_shares_split_each_outlet_to_one_hundred_percent(seeds):
    reports, labels, _ = seeds
    df = tables.source_mix_table(reports, labels, "type")
    outlets = [labels[r.article.id] for r in reports]
    kinds = [k for k in charts.SPEAKER_TYPE_COLOURS if k in set(df.category)]
    figure = charts.stacked_shares(df, outlets, kinds, charts.SPEAKER_TYPE_COLOURS, "share")
    (bars,) = figure.data  # one trace, a segment per outlet and kind
    assert list(dict.fromkeys(data[1] for data in bars.customdata)) == kinds
    assert all(kind in figure.layout.title.text for kind in kinds)  # the colour key
    for outlet, report in zip(outlets, reports, strict=True):
        segments = [
            (b, x) for y, b, x in zip(bars.y, bars.base, bars.x, strict=True) if y == outlet
        ]
        assert sum(x for _, x in segments) == pytest.approx(1 if report.sources.quotes else 0)
        ends = [b + x for b, x in segments]
        assert [b for b, _ in segments][1:] == pytest.approx(ends[:-1])  # end to end


def test_small_multiples_fit_many_outlets(seeds):
    reports, _, _ = seeds
    many = [f"Outlet {n}" for n in range(40)]
    colours = charts.outlet_colours(many)
    sentences = tables.sentence_table(reports[0], "TextBlob")
    df = pd.concat([sentences.assign(outlet=name) for name in many])
    assert len(charts.tone_through_article(df, colours, many, "tone").data) == 40
