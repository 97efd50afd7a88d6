"""The stories the story finder finds in the catalogue, found once per catalogue content
and shared by the pages that show them (Stories, Outlets)."""

from collections.abc import Sequence

import streamlit as st

from analysis import Article
from analysis.stories import Story, find_stories
from dashboard import state


def catalogue_key(articles: Sequence[Article]) -> tuple[tuple[str, str], ...]:
    """What the stories depend on: each article's id and text."""
    return tuple((a.id, a.content_hash) for a in articles)


def stories(key: tuple[tuple[str, str], ...], articles: tuple[Article, ...]) -> tuple[Story, ...]:
    """`analysis.stories.find_stories`, on the articles (`catalogue_key`), found once per
    process and shared by every session without a copy per run (a Story is immutable)."""
    with st.spinner("Finding stories…"):
        return state.shared("stories", key, lambda: find_stories(articles))
