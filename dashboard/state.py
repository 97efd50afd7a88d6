"""What every page shares: the articles on offer, cached analysis, and the sidebar.

The catalogue is the bundled seeds (read-only) followed by the articles the user added
(kept in `analysis.store`). Reports come from `analysis.analyze` through `st.cache_data`,
keyed on the article (its text and metadata) and the codebook, so switching pages or
selections never analyses an unchanged text twice.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis import AnalysisError, Article, Report, analyze, load
from analysis.cli import FORMATS, SEEDS
from analysis.errors import StoreError
from analysis.store import Store, default_path

from . import charts
from .tables import LENSES, Lens, article_labels

ARTICLES_KEY = "articles"
LENS_KEY = "lens"
SELECTION_KEY = "_selection"
LENS_HELP = (
    "TextBlob: mean polarity of the words it knows (−1 negative … +1 positive). "
    "VADER: a second lexicon built for short social-media text, compound score −1 … +1. "
    "Where the two disagree, read the sentences."
)
# The report fields the framing and sources analyzers add; absent until they land.
REPORT_FIELDS = {field.name for field in dataclasses.fields(Report)}
HAS_FRAMING = "framing" in REPORT_FIELDS
HAS_SOURCES = "sources" in REPORT_FIELDS
NOT_YET = "not available yet: this analysis is still being built"


@dataclass(frozen=True)
class Selection:
    """The articles chosen in the sidebar, analysed, with their labels and colours."""

    reports: tuple[Report, ...]
    labels: dict[str, str]  # article id -> short unique outlet label (whole catalogue)
    colours: dict[str, str]  # label -> fixed colour
    lens: Lens
    codebook: str

    @property
    def outlets(self) -> list[str]:
        return [self.labels[report.article.id] for report in self.reports]

    def label(self, report: Report) -> str:
        return self.labels[report.article.id]


@st.cache_data(show_spinner=False)
def seed_articles() -> list[Article]:
    return load(SEEDS)


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The user's store at its current location ($SOURCE_BIAS_DATA or the user data folder)."""
    return _open_store(str(default_path()))


def store_path() -> Path:
    return default_path()


def added_articles() -> list[Article]:
    """Articles the user added; an unreadable store is reported, not fatal."""
    try:
        return store().articles()
    except StoreError as error:
        st.sidebar.warning(f"Your added articles cannot be read: {error}")
        return []


def catalogue() -> list[Article]:
    """Every article on offer: seeds first (manifest order), then added ones, oldest first."""
    return seed_articles() + added_articles()


@st.cache_data(show_spinner="Analysing…", max_entries=2000)
def report(article: Article, codebook: str) -> Report:
    """`analysis.analyze`, cached on the article and the codebook."""
    return analyze(article)


def sidebar() -> Selection:
    """Article choice, codebook and tone lens, and the downloads of what they select.

    The pages read the result with `current()`.
    """
    articles = catalogue()
    labels = article_labels(articles)
    seeds = {a.id for a in seed_articles()}
    options = [a.id for a in articles]
    chosen = st.session_state.setdefault(ARTICLES_KEY, [a.id for a in seed_articles()])
    st.session_state[ARTICLES_KEY] = [i for i in chosen if i in labels]
    st.sidebar.multiselect(
        "Articles",
        options,
        key=ARTICLES_KEY,
        format_func=lambda i: labels[i] + ("" if i in seeds else " · added"),
        help="Default: the five bundled articles. Add your own on the Add articles page.",
        placeholder="Choose articles to compare",
    )
    st.sidebar.caption(f"{len(st.session_state[ARTICLES_KEY])} of {len(options)} selected.")
    st.sidebar.selectbox(
        "Codebook",
        ["—"],
        disabled=True,
        help="The list of frames (with their cue words) used to score framing.",
    )
    st.sidebar.caption(f"Framing: {NOT_YET}.")
    st.sidebar.radio("Tone lens", LENSES, key=LENS_KEY, horizontal=True, help=LENS_HELP)
    chosen = selection(articles, labels)
    st.session_state[SELECTION_KEY] = chosen
    downloads(chosen)
    return chosen


def current() -> Selection:
    """What the sidebar selected in this run (app.py draws the sidebar before the page)."""
    return st.session_state[SELECTION_KEY]


def selection(articles: Sequence[Article], labels: dict[str, str]) -> Selection:
    """The sidebar's current choice, analysed (from the cache when seen before)."""
    wanted = set(st.session_state.get(ARTICLES_KEY, []))
    chosen = [article for article in articles if article.id in wanted]  # catalogue order
    reports = []
    for article in chosen:
        try:
            reports.append(report(article, ""))
        except AnalysisError as error:
            st.warning(f"{labels[article.id]} could not be analysed: {error}")
    return Selection(
        reports=tuple(reports),
        labels=labels,
        colours=charts.outlet_colours([labels[a.id] for a in articles]),
        lens=st.session_state.get(LENS_KEY, LENSES[0]),
        codebook="",
    )


def downloads(chosen: Selection) -> None:
    """CSV of the comparison and the full JSON report, as `python -m analysis` writes them."""
    reports: Sequence[Report] = chosen.reports
    st.sidebar.download_button(
        "Comparison (CSV)",
        lambda: FORMATS["csv"](reports),
        file_name="comparison.csv",
        mime="text/csv",
        disabled=not reports,
        icon=":material/download:",
        width="stretch",
    )
    st.sidebar.download_button(
        "Full report (JSON)",
        lambda: FORMATS["json"](reports),
        file_name="report.json",
        mime="application/json",
        disabled=not reports,
        icon=":material/download:",
        width="stretch",
    )


def plot(figure, name: str) -> None:
    """A chart with a PNG download in its toolbar and no Plotly logo."""
    st.plotly_chart(
        figure,
        width="stretch",
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        },
    )
