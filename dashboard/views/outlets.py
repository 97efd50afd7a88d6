"""Outlets: every outlet across the catalogue, from the reports already analysed.

Nothing is analysed here: an article without a report in the store's cache (under the
sidebar's codebook and knowledge pack) is counted as not analysed yet. The per-article
summaries and profiles are built once per process for each content of the store."""

import hashlib
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis import Article
from analysis.errors import StoreError
from analysis.knowledge import load_knowledge
from analysis.outlets import OutletProfiles, outlet_profiles
from analysis.outlets.read import summaries_from_store
from analysis.report import settings_key
from analysis.store import content_key
from dashboard import markup, outlet_charts, state

OUTLET_KEY = "outlets_outlet"
TABLE_KEY = "outlets_table"
SHOWN_WORDS = 10


def fingerprint(articles: Sequence[Article], cached: frozenset[str], key: str) -> str:
    """What the profiles depend on: each article's text and metadata, whether it has a
    cached report, and the analysis settings."""
    digest = hashlib.sha256(key.encode())
    for article in articles:
        text_key = content_key(article)
        fields = (article.id, article.file, article.outlet, article.title, article.date)
        digest.update("\0".join((*fields, text_key, str(text_key in cached), "\n")).encode())
    return digest.hexdigest()


@st.cache_resource(show_spinner="Reading the analysed articles…", max_entries=4)
def profiles_of(
    content: str, key: str, _articles: Sequence[Article]
) -> tuple[pd.DataFrame, OutletProfiles, int]:
    """Summaries, profiles and the count of articles not analysed yet, built once per
    content of the store (`content`, the fingerprint, is the cache key; the articles are
    not hashed again)."""
    summaries, missing = summaries_from_store(_articles, state.store(), key)
    profiles = outlet_profiles(summaries.frame, summaries.terms, summaries.words_from)
    return summaries.frame, profiles, len(missing)


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
try:
    cached = state.store().cached_keys(key)
    summaries, profiles, missing = profiles_of(fingerprint(articles, cached, key), key, articles)
except StoreError as error:
    st.error(markup.md_escape(f"The analysed articles cannot be read: {error}"))
    st.stop()

st.caption(
    f"{len(articles)} articles in the catalogue: {len(articles) - missing} analysed, "
    f"**{missing} not analysed yet** (this page reads stored results and analyses nothing: "
    "select articles in the sidebar to analyse them, or run `python -m analysis batch "
    "--store`). Each outlet's tone is the mean of its articles' tone, with a 95% interval "
    "that resamples its articles; with one article the interval is unknown. Shares of "
    "speakers pool all the outlet's quotes. Pick an outlet below to see the articles "
    "behind its numbers."
)
if not profiles.outlets:
    st.info("No article of the catalogue has been analysed yet.")
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
if rows:
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
