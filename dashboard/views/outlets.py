"""Outlets: every outlet across the catalogue, from the reports already analysed.

Nothing is analysed here: an article without a report in the store's cache (under the
sidebar's codebook and knowledge pack) is counted as not analysed yet. The per-article
summaries (kept in the store beside the report cache) and the profiles are built once
per process for each content of the store (its revision) and settings; a story's once
per story too."""

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis import Article
from analysis.errors import StoreError
from analysis.knowledge import load_knowledge
from analysis.outlets import OutletProfiles, outlet_profiles
from analysis.outlets.read import summaries_from_store
from analysis.report import settings_key
from analysis.stories import Story
from dashboard import found_stories, markup, outlet_charts, state
from dashboard.story_charts import story_name

OUTLET_KEY = "outlets_outlet"
TABLE_KEY = "outlets_table"
BY_STORY_KEY = "outlets_by_story"
STORY_KEY = "outlets_story"
SHOWN_WORDS = 10


@st.cache_resource(show_spinner="Reading the analysed articles…", max_entries=8)
def profiles_of(
    content: str, key: str, _articles: Sequence[Article], _story: Story | None = None
) -> tuple[pd.DataFrame, OutletProfiles, int]:
    """Summaries, profiles and the count of articles not analysed yet, of the articles
    (those of `_story`, if given), built once per `content` (the store's revision, the
    settings and the story: the articles are not hashed)."""
    chosen, stories = _articles, None
    if _story is not None:
        ids = {member.id for member in _story.members}
        chosen = [article for article in _articles if article.id in ids]
        stories = dict.fromkeys(ids, story_name(_story))
    summaries, missing = summaries_from_store(chosen, state.store(), key, stories)
    profiles = outlet_profiles(summaries.frame, summaries.terms, summaries.words_from)
    return summaries.frame, profiles, len(missing)


def chosen_story(articles: Sequence[Article]) -> Story | None:
    """The story the reader chose, when they asked for one and the catalogue holds several
    (found as the Stories page finds them)."""
    if not st.toggle(
        "One story only",
        key=BY_STORY_KEY,
        help="Find the stories in the catalogue, as the Stories page does (this takes a "
        "while for many articles), and profile the outlets on one of them.",
    ):
        return None
    found = found_stories.stories(found_stories.catalogue_key(articles), tuple(articles))
    if len(found) < 2:
        st.info("The catalogue holds one story only: every outlet is profiled on it.")
        return None
    by_id = {story.id: story for story in found}
    if st.session_state.get(STORY_KEY) not in by_id:
        st.session_state[STORY_KEY] = found[0].id
    chosen = st.selectbox(
        "Story",
        list(by_id),
        key=STORY_KEY,
        format_func=lambda i: f"{story_name(by_id[i])} ({len(by_id[i].members)} articles)",
    )
    return by_id[chosen]


def _pick(source: str, outlet: str) -> None:
    """Show this outlet's articles when a click or a row selection is new (a chart keeps
    its selection across reruns: an old click must not undo a later choice)."""
    seen = f"_outlets_seen_{source}"
    if st.session_state.get(seen) != outlet:
        st.session_state[seen] = outlet
        st.session_state[OUTLET_KEY] = outlet


st.title("Outlets across the catalogue")
codebook_name, codebook_text = state.codebook_choice()
codebook = state.active_codebook(codebook_name, codebook_text)
key = settings_key(codebook, load_knowledge(state.knowledge_choice() or None))
articles = state.catalogue()
story = chosen_story(articles)
try:
    content = f"{key}:{state.store().revision}:{story.id if story else ''}"
    summaries, profiles, missing = profiles_of(content, key, articles, story)
except StoreError as error:
    st.error(markup.md_escape(f"The analysed articles cannot be read: {error}"))
    st.stop()

shown = len(story.members) if story else len(articles)
st.caption(
    (f"{shown} articles on this story" if story else f"{shown} articles in the catalogue")
    + f": {shown - missing} analysed, "
    f"**{missing} not analysed yet** (this page reads stored results and analyses nothing: "
    "select articles in the sidebar to analyse them, or run `python -m analysis batch "
    "--store`). Each outlet's tone is the mean of its articles' tone, with a 95% interval "
    "that resamples its articles; with one article the interval is unknown. Shares of "
    "speakers pool all the outlet's quotes. Pick an outlet below to see the articles "
    "behind its numbers."
)
if not profiles.outlets:
    st.info(f"No article of {'this story' if story else 'the catalogue'} has been analysed yet.")
    st.stop()

table = outlet_charts.profile_table(profiles)
event = st.dataframe(
    table,
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key=TABLE_KEY,
    column_config={
        "tone": st.column_config.NumberColumn(format="%+.2f"),
        "named": st.column_config.NumberColumn(
            format="percent", help="quotes with a named speaker"
        ),
        "voices / article": st.column_config.NumberColumn(format="%.1f"),
        "quotes / article": st.column_config.NumberColumn(format="%.1f"),
        "unsourced / article": st.column_config.NumberColumn(format="%.1f"),
    },
)
outlets = list(table["outlet"])
rows = (event or {}).get("selection", {}).get("rows") if event else None
if rows and rows[0] < len(outlets):  # a row picked before another story was chosen: gone
    _pick("table", outlets[rows[0]])

st.header("Tone, with its interval over articles")
st.caption("Click an outlet's dot to see its articles. An open dot: the interval is unknown.")
for data in state.plot(outlet_charts.tone_figure(profiles), "outlets-tone", clickable=True):
    _pick("tone", str(data[0]))

st.header("Who speaks")
for data in state.plot(
    outlet_charts.speaker_type_figure(profiles), "outlets-speakers", clickable=True
):
    _pick("speakers", str(data[0]))

st.header("The articles behind an outlet")
if st.session_state.get(OUTLET_KEY) not in outlets:
    st.session_state[OUTLET_KEY] = outlets[0]
outlet = st.selectbox("Outlet", outlets, key=OUTLET_KEY)
profile = profiles.outlets[outlets.index(outlet)]
left, middle, right = st.columns(3)
left.metric("articles", profile.articles)
middle.metric("tone", "–" if profile.tone is None else f"{profile.tone:+.2f}")
right.metric("95% interval", outlet_charts.interval_text(profile))
with st.expander("Speakers, countries and frames"):
    st.markdown(
        markup.md_escape(
            "Speaker types: "
            + (", ".join(f"{k} {v:.0%}" for k, v in profile.speaker_types.items() if v) or "none")
            + ". Countries: "
            + (", ".join(f"{k} {v:.0%}" for k, v in profile.countries.items()) or "none")
            + ". Dominant frame: "
            + ", ".join(f"{k} {v:.0%}" for k, v in profile.dominant_frames.items())
            + "."
        )
    )
with st.expander("Distinctive words (against the other outlets)"):
    words = profile.distinctive[:SHOWN_WORDS]
    st.markdown(
        markup.md_escape(
            ", ".join(f"{t.term} (z {t.z:.1f}, {t.count}×)" for t in words)
            or "None: too few words, or no other outlet to compare with."
        )
    )
st.dataframe(
    outlet_charts.article_table(summaries, outlet),
    hide_index=True,
    column_config={"tone": st.column_config.NumberColumn(format="%+.2f")},
)
