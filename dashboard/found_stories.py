"""The stories the story finder finds in the catalogue, found once per catalogue content
and shared by the pages that show them (Stories, Outlets)."""

from collections.abc import Sequence

import streamlit as st

from analysis import Article
from analysis.stories import Story, find_stories


def catalogue_key(articles: Sequence[Article]) -> tuple[tuple[str, str], ...]:
    """What the stories depend on: each article's id and text."""
    return tuple((a.id, a.content_hash) for a in articles)


@st.cache_data(show_spinner="Finding stories…", max_entries=16)
def stories(key: tuple[tuple[str, str], ...], _articles: tuple[Article, ...]) -> tuple[Story, ...]:
    """`analysis.stories.find_stories`, cached on the articles (`catalogue_key`)."""
    return find_stories(_articles)
