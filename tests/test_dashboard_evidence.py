"""A click on a chart -> the sentences or quotes behind it (dashboard/evidence.py).

Each test draws the chart the page draws, clicks every element the way Streamlit reports
a click (the point's `customdata` in the selection event), and checks the evidence
against what the report itself says about that element, found from the element's
outlet and category labels, not from its customdata.
"""

import pytest

from analysis import analyze, compare
from analysis.compare.actors import story_actors
from analysis.compare.voices import country_name
from dashboard import charts, compare_charts, markup, tables
from dashboard.evidence import Behind, clicked, evidence_for, labelled


@pytest.fixture(scope="module")
def seeds(seed_reports):
    labels = tables.article_labels([r.article for r in seed_reports])
    by_label = {labels[r.article.id]: r for r in seed_reports}
    return seed_reports, labels, by_label


def click(trace, index: int) -> list[list]:
    """What Streamlit hands the page when the reader clicks point `index` of `trace`."""
    event = {"selection": {"points": [{"customdata": trace.customdata[index]}]}}
    return clicked(event)


def only(found: tuple[Behind, ...]) -> Behind:
    assert len(found) == 1
    return found[0]


def test_a_frame_cell_opens_the_sentences_of_that_outlet_carrying_that_frame(seeds):
    reports, labels, by_label = seeds
    df = tables.frame_table(reports, labels)
    outlets, frames = list(labels.values()), list(dict.fromkeys(df.frame))
    layer = charts.frame_heatmap(df, outlets, frames).data[-1]
    assert len(layer.x) == len(outlets) * len(frames)  # every cell can be clicked
    opened = 0
    for index, (frame, outlet) in enumerate(zip(layer.x, layer.y, strict=True)):
        report = by_label[outlet]
        score = next(s for s in report.framing.frames if s.label == frame)
        carrying = {e.sentence for e in score.evidence if e.carries}
        behind = only(evidence_for("frames", click(layer, index)[0], reports))
        assert set(behind.sentences) == carrying
        assert len(behind.sentences) == score.sentences  # the number the cell shows
        assert behind.article == report.article.id and behind.layer == "frame"
        assert labelled(behind, labels).startswith(f"{outlet}: {score.sentences or 'no'} ")
        opened += bool(carrying)
    assert opened  # the seeds carry frames: not every cell is empty


@pytest.mark.parametrize("by", ["type", "country"])
def test_a_source_mix_segment_opens_the_quotes_of_that_outlet_from_that_category(seeds, by):
    reports, labels, by_label = seeds
    df = tables.source_mix_table(reports, labels, by)
    outlets = list(labels.values())
    categories = list(dict.fromkeys(df.category))
    figure = charts.stacked_shares(df, outlets, categories, charts.category_colours(categories), "")
    chart = f"source-mix-{by}"
    (trace,) = figure.data  # one trace: every segment carries its category
    for index, outlet in enumerate(trace.y):
        category = trace.customdata[index][3]
        report = by_label[outlet]
        quotes = report.sources.quotes

        def shown(quote, category=category):
            if by == "type":
                return (quote.speaker_type or "other") == category
            return (country_name(quote.country) if quote.country else "unknown") == category

        behind = only(evidence_for(chart, click(trace, index)[0], reports))
        assert [quotes[i] for i in behind.quotes] == [q for q in quotes if shown(q)]
        mix = (
            report.sources.source_mix.by_type
            if by == "type"
            else {
                country_name(k) if k != "unknown" else k: n
                for k, n in report.sources.source_mix.by_country.items()
            }
        )
        assert len(behind.quotes) == mix.get(category, 0)


def test_a_tone_bar_opens_every_sentence_whose_mean_it_shows(seeds):
    reports, labels, by_label = seeds
    headline = tables.headline_table(reports, labels, "TextBlob")
    figure = charts.interval_bars(headline, {o: "#000" for o in labels.values()}, "tone", "", "")
    (trace,) = figure.data
    for index, outlet in enumerate(trace.y):
        report = by_label[outlet]
        behind = only(evidence_for("tone", click(trace, index)[0], reports))
        tones = [report.sentiment.sentences[i].polarity for i in behind.sentences]
        assert sorted(behind.sentences) == list(range(len(report.document.sentences)))
        assert sum(tones) / len(tones) == pytest.approx(trace.x[index], abs=1e-4)


def test_a_narration_or_quoted_mark_opens_the_sentences_with_that_voice(seeds):
    reports, labels, by_label = seeds
    voices = tables.voice_table(reports, labels, "TextBlob")
    figure = charts.voice_dumbbell(voices, {o: "#000" for o in labels.values()}, "")
    (trace,) = figure.data
    marks = [(i, outlet) for i, outlet in enumerate(trace.y) if outlet is not None]  # no gaps
    assert len(marks) == voices["tone"].notna().sum()
    for index, outlet in marks:
        report = by_label[outlet]
        data = click(trace, index)[0]
        behind = only(evidence_for("narration-vs-quotes", data, reports))
        voice = "quoted" if trace.marker.symbol[index] == "diamond" else "narration"
        parts = [
            p
            for i in behind.sentences
            for p in report.sentiment.sentences[i].parts
            if p.voice == voice
        ]
        assert len(parts) == getattr(report.sentiment, voice).n  # the pieces averaged


def test_an_actor_cell_opens_the_sentences_naming_the_actor(seeds):
    reports, labels, by_label = seeds
    actors = story_actors(reports)
    df = tables.actor_tone_table(reports, actors, labels, "TextBlob")
    names = list(dict.fromkeys(df.actor))
    layer = charts.actor_heatmap(df, list(labels.values()), names).data[-1]
    assert len(layer.x) == len(df)  # a square on every cell with sentences, none elsewhere
    for index, (name, outlet) in enumerate(zip(layer.x, layer.y, strict=True)):
        report = by_label[outlet]
        behind = only(evidence_for("actor-tone", click(layer, index)[0], reports))
        row = df[(df.outlet == outlet) & (df.actor == name)]
        named = {
            s.index
            for s in report.document.sentences
            for m in report.mentions
            if m.actor == row["id"].iloc[0] and s.start <= m.start < s.end
        }
        assert set(behind.sentences) == named
        assert len(behind.sentences) == row.sentences.iloc[0]


def test_a_talked_about_bar_opens_the_sentences_naming_the_country_and_heard_its_quotes(seeds):
    reports, labels, by_label = seeds
    df = tables.talked_about_and_heard(reports, labels)
    outlets = list(labels.values())
    figure = charts.talked_about_and_heard(df, {o: "#000" for o in outlets}, outlets)
    for trace in figure.data:
        report = by_label[trace.legendgroup]
        for index, country in enumerate(trace.x):
            data = click(trace, index)[0]
            behind = only(evidence_for("talked-about-heard", data, reports))
            row = df[(df.outlet == trace.legendgroup) & (df.country == country)]
            count = int(row.mentions.sum())
            if trace.customdata[index][2] == "heard":
                assert len(behind.quotes) == int(row.quotes.sum())
                continue
            mentions = [
                m
                for m in report.mentions
                if m.country
                and country_name(m.country) == country
                and any(
                    report.document.sentences[i].start <= m.start < report.document.sentences[i].end
                    for i in behind.sentences
                )
            ]
            assert len(mentions) == count  # every mention counted lies in a sentence shown


def test_a_coverage_dot_opens_the_sentences_of_that_column_for_that_fact(seeds):
    reports, labels, _ = seeds
    comparison = compare(reports)
    names = compare_charts.column_names(comparison, labels)
    figure = compare_charts.coverage_grid(comparison, names, {})
    shared = compare_charts.shared_facts(comparison)
    columns = {c.key: c for c in comparison.columns}
    opened = 0
    for trace in figure.data:
        for index, label in enumerate(trace.y):
            points = click(trace, index)
            fact = next(f for f in shared if compare_charts.fact_label(f) == label)
            key = trace.customdata[index][1]
            assert compare_charts.plain(names[key]) == trace.x[index]
            if key not in fact.columns:
                assert evidence_for("coverage-grid", points[0], reports, comparison) == ()
                continue
            found = evidence_for("coverage-grid", points[0], reports, comparison)
            cell = next(c for c in fact.cells if c.column == key)
            assert {(b.article, s) for b in found for s in b.sentences} == {
                (e.article, s) for e in cell.evidence for s in e.sentences
            }
            assert {b.article for b in found} <= set(columns[key].articles)
            opened += 1
    assert opened


def test_a_bar_of_tone_through_the_article_opens_its_one_sentence(seeds):
    reports, labels, by_label = seeds
    df = tables.sentences_table(reports, labels, "TextBlob")
    outlets = list(labels.values())
    figure = charts.tone_through_article(df, {o: "#000" for o in outlets}, outlets, "")
    trace = figure.data[0]
    report = by_label[trace.name]
    behind = only(evidence_for("tone-through", click(trace, 3)[0], reports))
    assert behind.sentences == (3,)
    assert report.sentiment.sentences[3].polarity == pytest.approx(trace.y[3])


def test_a_stale_or_empty_click_opens_nothing(seeds):
    reports, _, _ = seeds
    assert evidence_for("frames", ["no-such-article", "economic"], reports) == ()
    assert evidence_for("no-such-chart", [reports[0].article.id], reports) == ()
    assert evidence_for("coverage-grid", [0, "x"], reports, None) == ()
    assert clicked(None) == []
    assert clicked({"selection": {"points": [{"x": 1}]}}) == []


def test_the_evidence_is_drawn_with_its_marks(seeds):
    reports, _, _ = seeds
    report = reports[0]
    score = next(s for s in report.framing.frames if s.sentences)
    behind = only(evidence_for("frames", [report.article.id, score.frame], reports))
    page = markup.evidence_html(behind, report)
    assert page.count('class="evidence"') == score.sentences
    assert 'class="f"' in page
    kind = next(iter(report.sources.source_mix.by_type))
    quotes = only(evidence_for("source-mix-type", [report.article.id, kind], reports))
    assert markup.evidence_html(quotes, report).count(f"quote t-{kind}") == len(quotes.quotes)


def test_the_evidence_of_a_hostile_text_is_escaped():
    report = analyze(
        "“<img src=x onerror=alert(1)> must go now,” said John Smith, the foreign minister. "
        "The <b>talks</b> failed badly."
    )
    reports = [report]
    for chart, data in (("source-mix-type", "official"), ("tone", "")):
        behind = only(evidence_for(chart, [report.article.id, data], reports))
        assert not behind.empty
        page = markup.evidence_html(behind, report)
        assert "<img" not in page and "<b>" not in page
        assert "&lt;img" in page


def test_a_dot_of_talked_about_vs_heard_opens_the_country_s_sentences_and_quotes(seeds):
    reports, labels, _ = seeds
    comparison = compare(reports, by="article")
    names = compare_charts.column_names(comparison, labels)
    figure = compare_charts.heard_vs_mentioned(comparison, names, {})
    by_id = {r.article.id: r for r in reports}
    for trace in figure.data:
        for index in range(len(trace.x)):
            talked, heard = evidence_for(
                "talked-about-vs-heard", click(trace, index)[0], reports, comparison
            )
            report = by_id[talked.article]
            sentences = [report.document.sentences[i] for i in talked.sentences]
            country = trace.text[index]  # the dot's label: the country's code
            named = [
                m
                for m in report.mentions
                if m.kind == "country"
                and m.country == country
                and any(s.start <= m.start < s.end for s in sentences)
            ]
            assert len(named) == trace.x[index]  # the mentions the dot stands at
            quotes = report.sources.quotes
            speakers = {quotes[i].speaker_id for i in heard.quotes}
            assert len(speakers) == trace.y[index]  # the voices it stands at


def test_a_distinctive_word_bar_opens_the_column_s_sentences_using_it(seeds):
    reports, labels, _ = seeds
    comparison = compare(reports, by="article")
    names = compare_charts.column_names(comparison, labels)
    figure = compare_charts.distinctive_bars(comparison, names, {})
    by_id = {r.article.id: r for r in reports}
    for trace in figure.data:
        for index in range(len(trace.y)):
            found = evidence_for("distinctive-words", click(trace, index)[0], reports, comparison)
            assert found
            for behind in found:
                text = " ".join(
                    by_id[behind.article].document.sentence_text(i) for i in behind.sentences
                ).lower()
                word = trace.y[index].split()[0].lower()  # a phrase: its first word
                assert word[:4] in text  # stems: "sanction" in "sanctions"
            assert sum(len(b.sentences) for b in found) <= trace.customdata[index][2]


@pytest.mark.parametrize("lens", ["News", "TextBlob"])
def test_a_tone_bar_marks_the_words_its_lens_scored(seeds, lens):
    reports, _, _ = seeds
    report = reports[0]
    behind = only(evidence_for("tone", [report.article.id], reports))
    marks = markup.evidence_marks(behind, report, lens)
    assert marks
    if lens == "News":
        scored = {(w.start, w.end) for t in report.sentiment.sentences for w in t.words}
        assert {(m.start, m.end) for m in marks} == scored
    else:
        text = report.document.text
        scored = {a.words[-1].lower() for t in report.sentiment.sentences for a in t.assessments}
        assert {text[m.start : m.end].lower() for m in marks} <= scored
