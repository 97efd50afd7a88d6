"""The dashboard's pages through Streamlit's AppTest: seeds, one article, none, added ones."""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts
from dashboard.markup import md_escape

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
PAGES = [
    "views/compare.py",
    "views/read.py",
    "views/sources.py",
    "views/differences.py",
    "views/method.py",
    "views/add.py",
]
# Pages about the whole catalogue, not the selection: their charts show every outlet.
CATALOGUE_PAGES = ["views/stories.py", "views/outlets.py"]
SEED_OUTLETS = ["RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"]
COMPARE_TITLE = "How the outlets covered the story"
SECTION_KEY = "compare_section"  # the Compare page's open section tab
TIMEOUT = 60
HOSTILE = (
    "<script>document.title='pwned'</script> The minister said on Monday that the talks "
    "“went well” and that both sides would meet again next month in the capital. "
    "<img src=x onerror=\"document.title='pwned'\"> Critics called the plan a costly "
    "mistake and warned that sanctions could follow within weeks if nothing changed."
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test gets its own empty store."""
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    return tmp_path


def start(page: str | None = None, articles: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if articles is not None:
        at.session_state["articles"] = articles
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def outlets_in(spec: dict) -> list[str]:
    """The outlets a chart shows: the panels of small multiples (a trace per outlet), the
    columns of the Differences page's grids and dots, or else the rows of a heatmap or of
    the one trace of bars or marks."""
    data = spec["data"]
    if "xaxis" in data[0]:  # small multiples: each panel's trace on its own axes
        return [trace["name"] for trace in data]
    if data[0].get("name") == "columns":  # a grid: rows × columns
        return list(dict.fromkeys(data[0]["x"]))
    if data[0].get("name") == "countries":  # dots coloured by column: the title's key
        return re.findall(r"</span> (.*?)(?=   |</sup>)", spec["layout"]["title"]["text"])
    return [y for y in dict.fromkeys(data[0]["y"]) if y is not None]


def chart_titled(at: AppTest, title: str) -> dict:
    return next(s for s in chart_specs(at) if s["layout"].get("title", {}).get("text") == title)


def open_section(at: AppTest, label: str) -> AppTest:
    """Open one of the Compare page's section tabs: only the open one is drawn."""
    at.session_state[SECTION_KEY] = label
    return at.run()


def every_chart(at: AppTest) -> list[dict]:
    """The page's charts; on Compare, each section's tab opened in turn."""
    if not at.title or at.title[0].value != COMPARE_TITLE:
        return chart_specs(at)
    return [spec for tab in at.tabs for spec in chart_specs(open_section(at, tab.label))]


def add_article(at: AppTest, text: str, **fields: str) -> AppTest:
    at.switch_page("views/add.py").run()
    at.text_area(key="add_text").input(text)
    for name, value in fields.items():
        at.text_input(key=f"add_{name}").input(value)
    next(b for b in at.button if b.label == "Analyse and add").click().run()
    assert not at.exception, at.exception
    return at


def seed_ids() -> list[str]:
    return start().session_state["articles"]


@pytest.mark.parametrize("page", PAGES + CATALOGUE_PAGES)
def test_every_page_renders_on_the_seeds_with_the_sidebar(page):
    at = start(page)
    assert at.title, "every page has a title"
    assert at.sidebar.multiselect[0].value == seed_ids()
    assert [radio.value for radio in at.sidebar.radio] == ["News"]  # the news lens is the default


def test_compare_shows_every_seed_outlet_in_every_chart_in_catalogue_order():
    at = start()
    specs = every_chart(at)
    assert len(specs) == 9
    for spec in specs:
        assert outlets_in(spec) == SEED_OUTLETS
    cards = "".join(element.proto.body for element in at.get("html"))
    for outlet in SEED_OUTLETS:
        assert f'<div class="outlet">{outlet}</div>' in cards


def test_compare_draws_only_the_open_section(monkeypatch):
    """The sections are tabs and only the open one is drawn; each shows every outlet, the
    small multiples at most MAX_PANELS (here 3 of the 5 seeds)."""
    monkeypatch.setattr(charts, "MAX_PANELS", 3)
    at = start()
    assert [tab.label for tab in at.tabs][:2] == ["Frame profile", "Who gets to speak"]
    assert [header.value for header in at.header] == ["Frame profile"]
    (frames,) = chart_specs(at)
    assert outlets_in(frames) == SEED_OUTLETS
    open_section(at, "Overall tone")
    assert [header.value for header in at.header] == ["Overall tone"]
    assert [outlets_in(spec) for spec in chart_specs(at)] == [SEED_OUTLETS] * 2
    open_section(at, "Tone through each article")
    (through,) = chart_specs(at)
    assert outlets_in(through) == SEED_OUTLETS[:3]
    assert at.multiselect(key="compare_panels").value == SEED_OUTLETS[:3]


def test_each_outlet_keeps_its_colour_when_the_selection_changes():
    def colours(at):
        spec = chart_titled(at, "Tone of the article")
        (bars,) = spec["data"]
        return dict(zip(bars["y"], bars["marker"]["color"], strict=True))

    everything = colours(open_section(start(), "Overall tone"))
    ids = seed_ids()
    fewer = colours(open_section(start(articles=[ids[3], ids[1]]), "Overall tone"))
    assert fewer == {name: everything[name] for name in fewer}
    assert list(fewer) == ["Hindustan Times", "Foreign Policy"]  # catalogue order kept


def test_the_vader_lens_redraws_the_tone_charts_with_vader_scores():
    at = open_section(start(), "Overall tone")
    textblob = chart_titled(at, "Tone of the article")["data"][0]["x"]
    at.sidebar.radio[0].set_value("VADER").run()
    vader = chart_titled(at, "Tone of the article")
    assert vader["data"][0]["x"] != textblob
    assert "VADER" in vader["layout"]["xaxis"]["title"]["text"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_with_one_article(page):
    at = start(page, articles=[seed_ids()[2]])
    for spec in every_chart(at):
        assert outlets_in(spec) == ["Asia Times"]


def test_compare_says_when_only_one_article_is_selected():
    at = start(articles=[seed_ids()[0]])
    assert any("Only one article" in info.value for info in at.info)


@pytest.mark.parametrize("page", ["views/compare.py", "views/read.py", "views/sources.py"])
def test_no_article_selected_gives_a_sentence_not_an_empty_chart(page):
    at = start(page, articles=[])
    assert not chart_specs(at)
    assert any("No article selected" in info.value for info in at.info)


def test_read_shows_escaped_text_with_quotes_and_removed_boilerplate():
    at = start("views/read.py")
    body = "".join(element.proto.body for element in at.get("html"))
    assert 'class="removed"' in body  # RT's seed has page furniture removed
    assert 'class="s"' in body


def test_choosing_a_sentence_shows_its_scores_and_scored_words():
    ids = seed_ids()
    at = start("views/read.py", articles=[ids[4]])
    table = next(frame for frame in at.dataframe if "subjectivity" in frame.value.columns)
    scored = table.value.index[table.value["subjectivity"] > 0][0]
    at.session_state[f"sentences_{ids[4]}"] = {"selection": {"rows": [int(scored)], "columns": []}}
    at.run()
    labels = [metric.label for metric in at.metric][:3]
    assert labels == ["News tone", "TextBlob polarity", "subjectivity"]
    tables = [frame.value for frame in at.dataframe]
    news = [t for t in tables if list(t.columns) == ["words", "weight", "from"]]
    tone = next(m for m in at.metric if m.label == "News tone").value
    assert len(news) == 1 or tone == "+0.00"  # the words behind a non-zero news tone
    words = [t for t in tables if list(t.columns) == ["words", "polarity", "subjectivity"]]
    assert len(words) == 1 and len(words[0]) > 0
    evidence = [t for t in tables if "layer" in t.columns]
    assert len(evidence) == 1 and "frame cue" in set(evidence[0]["layer"])
    body = "".join(element.proto.body for element in at.get("html"))
    assert 's chosen"' in body


def test_adding_an_article_checks_each_field_and_saves_nothing_on_error(data_dir):
    at = add_article(start(), "", outlet="", date="21/06/2019", url="example.org")
    shown = " ".join(error.value for error in at.error)  # markdown-escaped, links broken
    messages = shown.replace("\\", "").replace("\u2060", "")
    assert "Paste the article text" in messages
    assert "outlet" in messages
    assert "YYYY-MM-DD" in messages
    assert "https://" in messages
    assert start().sidebar.multiselect[0].options == SEED_OUTLETS


def test_an_added_article_joins_the_comparison_and_survives_a_restart(data_dir):
    at = add_article(start(), HOSTILE, outlet="Daily <b>Test</b>", date="2020-01-02")
    assert not at.error
    assert len(at.session_state["articles"]) == 6
    at.switch_page("views/compare.py").run()
    for spec in every_chart(at):
        assert outlets_in(spec)[-1] == "Daily &lt;b&gt;Test&lt;/b&gt;"

    at.switch_page("views/read.py").run()
    assert at.session_state["read_articles"] == _added_ids()  # Read opens on the new one

    restarted = start()
    assert restarted.sidebar.multiselect[0].options[-1] == "Daily <b>Test</b> · added"
    assert restarted.session_state["articles"] == seed_ids()  # on offer, not forced in
    for page in PAGES:
        at = start(page, articles=[*seed_ids(), *_added_ids()])
        for spec in every_chart(at):
            assert len(outlets_in(spec)) == 6


def _added_ids() -> list[str]:
    from analysis.store import Store, default_path

    return [article.id for article in Store(default_path()).articles()]


def test_pasted_markup_is_shown_as_text_never_as_markup(data_dir):
    at = add_article(start(), HOSTILE, outlet="Escaper")
    ids = _added_ids()
    at = start("views/read.py", articles=ids)
    body = "".join(element.proto.body for element in at.get("html"))
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in body
    assert "<script" not in body
    assert "<img" not in body
    assert "&lt;img src=x onerror=" in body


def test_an_added_article_can_be_edited_and_deleted(data_dir):
    add_article(start(), HOSTILE, outlet="Before")
    at = start("views/add.py")
    (article_id,) = _added_ids()
    at.text_input(key=f"edit_{article_id}_outlet").input("After")
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception
    assert "Changes to" in at.success[0].value and not at.get("page_link")
    assert start().sidebar.multiselect[0].options[-1] == "After · added"

    at = start("views/add.py")
    next(b for b in at.button if b.label == "Delete").click().run()
    assert any("confirm" in error.value for error in at.error)
    assert _added_ids() == [article_id]
    at.checkbox(key=f"edit_{article_id}_confirm").check()
    next(b for b in at.button if b.label == "Delete").click().run()
    assert _added_ids() == []
    assert "Deleted" in at.success[0].value
    assert start().sidebar.multiselect[0].options == SEED_OUTLETS


def test_the_add_page_says_where_articles_are_kept(data_dir):
    at = start("views/add.py")
    assert at.code[0].value == str(data_dir / "store.sqlite3")


def test_an_unusable_data_folder_is_reported_not_a_crash(data_dir, monkeypatch):
    blocker = data_dir / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(blocker))
    at = start("views/add.py")
    assert any("cannot be saved" in error.value for error in at.error)
    assert start().sidebar.multiselect[0].options == SEED_OUTLETS


def test_sources_lists_every_speaker_and_one_speakers_quotes():
    at = start("views/sources.py")
    table = at.dataframe[0].value
    assert {"name", "type", "country", "named", "quotes", "outlets"} <= set(table.columns)
    assert set(table["outlets"].str.split(", ").explode()) == set(SEED_OUTLETS)
    speaker = at.selectbox(key="sources_speaker").value
    body = "".join(element.proto.body for element in at.get("html"))
    expected = table.loc[table["name"] == speaker, "quotes"].iloc[0]
    assert body.count('class="quote ') == expected


def test_sources_counts_the_people_each_outlet_quotes_by_gender_with_the_evidence():
    at = start("views/sources.py")
    speakers, genders = at.dataframe[0].value, at.dataframe[1].value
    assert list(genders.columns) == ["outlet", "female", "male", "unknown"]
    assert set(genders["outlet"]) == set(SEED_OUTLETS)
    people = speakers[speakers["gender"] != ""]
    told = people[people["gender"].isin(["female", "male"])]
    assert not told.empty and (told["gender shown by"] != "").all()
    # institutions and groups have no gender; each person is counted once per outlet
    assert genders[["female", "male", "unknown"]].to_numpy().sum() >= len(people)


def test_switching_codebook_redraws_the_frame_profile():
    at = start()
    policy = chart_specs(at)[0]["data"][0]["x"]
    at.sidebar.selectbox(key="codebook").set_value("generic").run()
    generic = chart_specs(at)[0]["data"][0]["x"]
    assert generic != policy
    assert "Conflict" in generic


def test_a_broken_uploaded_codebook_is_reported_and_the_default_kept():
    at = start()
    at.sidebar.selectbox(key="codebook").set_value("uploaded").run()
    at.sidebar.file_uploader[0].set_value(("mine.toml", b"[codebook]\nid = 'x'\n", "text/plain"))
    at.run()
    assert not at.exception
    assert any("cannot be used" in error.value for error in at.sidebar.error)
    assert chart_specs(at)


def test_method_shows_the_measured_accuracy_per_gold_set_and_the_active_codebook():
    at = start("views/method.py")
    titles = [sub.value for sub in at.subheader]
    assert any("held out" in title for title in titles)
    assert any("sample" in title for title in titles)
    accuracy = at.dataframe[0].value
    assert list(accuracy.columns) == ["figure", "first run", "now"]
    measured = accuracy["now"].dropna()
    assert len(measured) > 5 and measured.between(-1, 1).all()
    assert accuracy["first run"].notna().any()  # a held-out set keeps its first run
    assert any(e.label == "Security and defense" for e in at.expander)


def _in_order(node):
    """Every element under `node`, in page order."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _in_order(child)


def test_method_names_every_gold_set_and_labels_the_figures_rules_were_written_on():
    from analysis.evaluate.figures import gold_sets

    at = start("views/method.py")
    sets = {md_escape(s.title): s for s in gold_sets()}
    tables, warnings, current = {}, {}, None
    for element in _in_order(at.main):
        kind = getattr(element, "type", "")
        if kind == "subheader":
            current = sets.get(element.value)
        elif current and kind == "dataframe":
            tables.setdefault(current.id, element.value)
        elif current and kind == "warning":
            warnings[current.id] = element.value
    assert set(tables) == {s.id for s in sets.values()}  # one table per set, each named
    assert all(s.title.split(":")[-1].strip()[0].isdigit() for s in sets.values())  # counted
    for gold_set in sets.values():
        table = tables[gold_set.id]
        assert list(table.columns) == ["figure", "first run", "now"]
        assert table["now"].notna().any()
        if gold_set.kind == "development":
            assert "not evidence of accuracy on new stories" in warnings[gold_set.id]
        elif gold_set.kind == "held out":
            assert gold_set.id not in warnings
            assert table["first run"].notna().any()  # the honest estimate, kept
    kinds = {s.kind for s in sets.values()}
    assert {"held out", "development", "written for the tests"} <= kinds


def test_pages_live_in_views_because_a_pages_folder_bypasses_the_entry_point():
    """Streamlit runs dashboard/pages/*.py without app.py (no sidebar) on a server's first
    request and in AppTest whenever that folder exists: add pages to dashboard/views/ and
    list them in app.py."""
    assert not (APP.parent / "pages").exists()


@pytest.mark.parametrize(
    ("page", "says"),
    [
        ("views/compare.py", "No quotes in: Quiet Times"),
        ("views/sources.py", "Nobody is quoted in the selected articles"),
        ("views/read.py", "No quotes found in this article"),
    ],
)
def test_an_article_without_quotes_says_so(page, says):
    from analysis import make_article
    from analysis.store import Store, default_path

    text = (
        "The council met on Tuesday to review the budget for the coming year. Members "
        "discussed road repairs, school funding and the library's opening hours at length. "
        "A vote on the final plan is expected before the end of the month."
    )
    article_id = Store(default_path()).add(make_article(text, outlet="Quiet Times"))
    at = start(page, articles=[article_id])
    if page == "views/compare.py":
        open_section(at, "Who gets to speak")
    shown = [e.value for e in (*at.caption, *at.info)]
    assert any(says in message.replace("\\", "") for message in shown), shown


def test_compare_opens_the_sentences_behind_a_frame_cell_and_an_actor_cell(seed_reports):
    rt = seed_reports[0]
    dominant = next(score for score in rt.framing.frames if score.dominant)
    toward = rt.sentiment.toward[0]

    def evidence(at: AppTest) -> tuple[list[int], list[str]]:
        bodies = [element.proto.body for element in at.get("html")]
        counts = [body.count('class="evidence"') for body in bodies if 'class="evidence"' in body]
        return counts, bodies

    at = start()
    at.selectbox(key="frame_cell_outlet").set_value("RT")
    at.selectbox(key="frame_cell_frame").set_value(dominant.label).run()
    carried = sum(1 for evidence in dominant.evidence if evidence.carries)
    assert evidence(at)[0] == [carried]
    open_section(at, "Actors")
    at.selectbox(key="actor_cell_outlet").set_value("RT")
    at.selectbox(key="actor_cell_actor").set_value(toward.name).run()
    counts, bodies = evidence(at)
    assert counts == [len(toward.sentences)]
    assert any(f'title="mentions {toward.name}"' in body for body in bodies)


def test_read_puts_two_articles_side_by_side():
    ids = seed_ids()
    at = start("views/read.py")
    at.multiselect(key="read_articles").set_value([ids[1], ids[3]]).run()
    assert [header.value for header in at.subheader] == ["Hindustan Times", "Foreign Policy"]
    bodies = [e.proto.body for e in at.get("html") if 'class="article"' in e.proto.body]
    assert len([b for b in bodies if "<p>" in b]) == 2


def test_reports_are_kept_in_the_store_so_a_restart_does_not_analyse_again(data_dir):
    import streamlit as st

    from analysis import load
    from analysis.framing import load_codebook
    from analysis.store import Store, default_path

    st.cache_data.clear()  # as after a restart: only the store remembers
    st.cache_resource.clear()
    start()
    store, policy = Store(default_path()), load_codebook("policy").hash
    seeds = load(APP.parent.parent / "seeds")
    assert all(store.cached_report(article, policy) for article in seeds)


def test_an_uploaded_knowledge_pack_adds_actors_and_a_broken_one_is_reported():
    at = start()
    uploader = next(u for u in at.sidebar.file_uploader if u.key == "knowledge_files")
    uploader.set_value(
        [("institutions.tsv", b"Example Policy Lab\tthink tank\tKE\n", "text/plain")]
    )
    at.run()
    assert not at.exception
    assert any("knowledge pack cannot be used" in error.value for error in at.sidebar.error)
    assert chart_specs(at)  # the built-in pack is used instead


def heatmap_actors(at: AppTest) -> list[str]:
    """The actors of the actor-tone heatmap (the one whose axis holds India)."""
    for spec in chart_specs(at):
        axes = list(spec["data"][0].get("x", [])) + list(spec["data"][0].get("y", []))
        if spec["data"][0]["type"] == "heatmap" and "India" in axes:
            return axes
    raise AssertionError("no actor heatmap")


def test_a_correction_to_the_actors_applies_and_survives_a_restart(data_dir):
    import streamlit as st

    at = open_section(start(), "Actors")  # the corrections panel is under the actor chart
    assert "James Mattis" in at.selectbox(key="correct_actor").options
    at.radio(key="correct_action").set_value("merge").run()
    at.selectbox(key="correct_actor").set_value("James Mattis")
    at.selectbox(key="correct_into").set_value("Jim Mattis")
    at.button(key="correct_apply").click().run()
    assert not at.exception
    assert "James Mattis" not in at.selectbox(key="correct_actor").options
    assert any("“James Mattis” merged into “Jim Mattis”" in m.value for m in at.markdown)
    assert "Jim Mattis" in heatmap_actors(at)  # a corrected actor is always shown

    st.cache_data.clear()
    st.cache_resource.clear()
    restarted = open_section(start(), "Actors")  # a new session over the same store
    assert "James Mattis" not in restarted.selectbox(key="correct_actor").options
    assert "Jim Mattis" in heatmap_actors(restarted)
    restarted.button(key="correct_undo_0").click().run()
    assert "James Mattis" in restarted.selectbox(key="correct_actor").options


def test_a_correction_that_names_nothing_is_refused_with_a_message():
    at = open_section(start(), "Actors")
    at.radio(key="correct_action").set_value("add").run()
    at.text_input(key="correct_name").set_value("   ")
    at.button(key="correct_apply").click().run()
    assert not at.exception
    assert any("name the actor" in e.value for e in at.error)
