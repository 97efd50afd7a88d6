"""Entry point: `streamlit run dashboard/app.py`. Builds the navigation and the sidebar.

Each page is one module in dashboard/views/ (listed below); they share the sidebar's choice
of articles, codebook and tone lens through `dashboard.state`. The folder must not be
called `pages/`: Streamlit would then run a page without this entry point (no sidebar) on
a server's first request and in every AppTest run.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only this folder on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import markup, state  # noqa: E402

VIEWS = Path(__file__).resolve().parent / "views"

st.set_page_config(
    page_title="Coverage compared",
    page_icon=str(Path(__file__).resolve().parent / "icon.png"),  # local: no request to a CDN
    layout="wide",
    initial_sidebar_state="expanded",
)
navigation = st.navigation(
    [
        st.Page(VIEWS / "compare.py", title="Compare", icon=":material/view_column:", default=True),
        st.Page(VIEWS / "read.py", title="Read", icon=":material/article:"),
        st.Page(VIEWS / "sources.py", title="Sources", icon=":material/record_voice_over:"),
        st.Page(VIEWS / "differences.py", title="Differences", icon=":material/difference:"),
        st.Page(VIEWS / "stories.py", title="Stories", icon=":material/hub:"),
        st.Page(VIEWS / "outlets.py", title="Outlets", icon=":material/newspaper:"),
        st.Page(VIEWS / "classroom.py", title="Classroom", icon=":material/co_present:"),
        st.Page(VIEWS / "method.py", title="Method", icon=":material/school:"),
        st.Page(VIEWS / "add.py", title="Add articles", icon=":material/add_notes:"),
    ]
)
st.html(markup.SCREEN_STYLE)
state.sidebar()
navigation.run()
