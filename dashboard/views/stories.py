"""Stories: which articles of the catalogue cover the same story, and which outlets
covered each (a blindspot is an outlet that did not).

The grouping comes from `analysis.stories`; this page lays it out, and a button makes a
story's articles the sidebar's selection.
"""

import streamlit as st

from dashboard import found_stories, state
from dashboard import story_charts as charts
from dashboard.markup import md_escape

articles = tuple(state.catalogue())
st.title("Stories")
st.caption(
    "The articles on offer (the bundled ones and those you added), grouped by the story "
    "they cover: the words, names, numbers and dates they share, within 180 days. The grid "
    "shows which outlets covered each story; an empty cell is a blindspot."
)
if not articles:
    st.info("No articles yet: add some on the Add articles page.")
    st.stop()

found = found_stories.stories(found_stories.catalogue_key(articles), articles)
state.plot(charts.coverage_grid(charts.coverage_frame(found)), "stories-coverage")
selected = set(st.session_state.get(state.ARTICLES_KEY, []))
for story in found:
    ids = [member.id for member in story.members]
    when = f"{story.start} – {story.end}" if story.start != story.end else story.start
    with st.container(border=True):
        st.markdown(f"**{md_escape(charts.story_name(story))}**")
        st.caption(
            md_escape(
                f"{len(ids)} article(s) · {len(story.outlets)} outlet(s)"
                + (f" · {when}" if when else " · undated")
            )
        )
        st.dataframe(charts.members_frame(story), hide_index=True, width="stretch")
        st.button(
            "Selected in the sidebar" if selected == set(ids) else "Select this story",
            key=f"story-select-{story.id}",
            on_click=state.select,
            args=(ids,),
            disabled=selected == set(ids),
            help="Makes this story's articles the sidebar's selection, for the other pages.",
        )
