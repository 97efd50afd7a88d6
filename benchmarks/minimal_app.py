"""The dashboard benchmark's baseline: the smallest Streamlit app doing the same kind of
work. The texts (a JSON list of {"title", "text"} named by $MINIMAL_TEXTS), chosen in a
sidebar multiselect, get TextBlob's document sentiment (cached) and five Plotly bar
charts of one trace each; a second page lists them, to time a page switch.

    MINIMAL_TEXTS=texts.json streamlit run benchmarks/minimal_app.py
"""

import json
import os

import plotly.graph_objects as go
import streamlit as st
from textblob import TextBlob

CHOSEN_KEY = "chosen"


@st.cache_data
def texts() -> dict[str, str]:
    with open(os.environ["MINIMAL_TEXTS"], encoding="utf-8") as file:
        return {row["title"]: row["text"] for row in json.load(file)}


@st.cache_data
def measures(text: str) -> dict[str, float]:
    sentiment = TextBlob(text).sentiment
    return {
        "polarity": sentiment.polarity,
        "subjectivity": sentiment.subjectivity,
        "words": len(text.split()),
        "characters": len(text),
        "paragraphs": text.count("\n\n") + 1,
    }


def chosen() -> list[str]:
    return [title for title in st.session_state[CHOSEN_KEY] if title in texts()]


def charts_page() -> None:
    st.title("Charts")
    titles = chosen()
    rows = [measures(texts()[title]) for title in titles]
    for name in ("polarity", "subjectivity", "words", "characters", "paragraphs"):
        bars = go.Bar(x=[row[name] for row in rows], y=titles, orientation="h")
        st.plotly_chart(go.Figure(bars, layout={"title": name}), width="stretch")


def texts_page() -> None:
    st.title("Texts")
    st.dataframe([{"title": title, **measures(texts()[title])} for title in chosen()])


if CHOSEN_KEY not in st.session_state:
    st.session_state[CHOSEN_KEY] = list(texts())
st.sidebar.multiselect("Texts", list(texts()), key=CHOSEN_KEY)
navigation = st.navigation(
    [st.Page(charts_page, title="Charts", default=True), st.Page(texts_page, title="Texts")]
)
navigation.run()
