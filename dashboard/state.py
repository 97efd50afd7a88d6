"""What every page shares: the articles on offer, cached analysis, and the sidebar.

The catalogue is the bundled seeds (read-only) followed by the articles the user added
(kept in `analysis.store`). Reports come from the store's report cache (shared with the
command line) through `st.cache_data`, keyed on the article (its text and metadata) and
the codebook, so switching pages or selections, or restarting, never analyses an
unchanged text twice. The reader's corrections to the actors (kept in the store with the
selection) are applied to the reports here, so every page and download shows them.
"""

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis import AnalysisError, Article, Report, analyze, load
from analysis.compare.corrections import Correction, apply_corrections
from analysis.corpus import SAMPLE, decode
from analysis.errors import DataFileError, StoreError
from analysis.evaluate.figures import GoldSet, gold_sets
from analysis.export import FORMATS
from analysis.framing import BUILT_IN, Codebook, load_codebook, parse_codebook
from analysis.knowledge import load_knowledge
from analysis.knowledge.pack import PACK_FILES
from analysis.store import Store, default_path, selection_key

from . import charts
from .evidence import clicked
from .markup import md_escape
from .tables import LENSES, Lens, article_labels

ARTICLES_KEY = "articles"
LENS_KEY = "lens"
SELECTION_KEY = "_selection"
READ_NEXT_KEY = "_read_next"  # an article the Read page should open with (just added)
LENS_HELP = (
    "News (the default): the news lens, built on TextBlob with the words news tone is "
    "carried by (conflict, harm, cooperation, praise); names carry no tone. "
    "TextBlob: mean polarity of the words it knows (−1 negative … +1 positive). "
    "VADER: a second lexicon built for short social-media text, compound score −1 … +1. "
    "Where the two disagree, read the sentences."
)
CODEBOOK_KEY = "codebook"
CODEBOOK_FILE_KEY = "codebook_file"
KNOWLEDGE_KEY = "knowledge_files"
UPLOADED = "uploaded"  # the codebook option that reads the user's own file
CORRECTIONS_KEY = "_corrections"  # selection key -> corrections, when the store fails
CORRECTIONS_ERROR_KEY = "_corrections_error"


@dataclass(frozen=True)
class Selection:
    """The articles chosen in the sidebar, analysed, with their labels and colours."""

    reports: tuple[Report, ...]
    labels: dict[str, str]  # article id -> short unique outlet label (whole catalogue)
    colours: dict[str, str]  # label -> fixed colour
    lens: Lens
    codebook: Codebook
    corrections: tuple[Correction, ...] = ()  # the reader's, already applied to `reports`
    unused: tuple[tuple[Correction, str], ...] = ()  # corrections these articles do not fit

    @property
    def outlets(self) -> list[str]:
        return [self.labels[report.article.id] for report in self.reports]

    def label(self, report: Report) -> str:
        return self.labels[report.article.id]


@st.cache_data(show_spinner=False)
def seed_articles() -> list[Article]:
    return load(SAMPLE)


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The user's store at its current location ($SOURCE_BIAS_DATA or the user data folder)."""
    return _open_store(str(default_path()))


def added_articles() -> list[Article]:
    """Articles the user added; an unreadable store is reported, not fatal."""
    try:
        return store().articles()
    except StoreError as error:
        st.sidebar.warning(md_escape(f"Your added articles cannot be read: {error}"))
        return []


def catalogue() -> list[Article]:
    """Every article on offer: seeds first (manifest order), then added ones, oldest first."""
    return seed_articles() + added_articles()


@st.cache_data(show_spinner="Analysing…", max_entries=2000)
def report(article: Article, codebook: str, codebook_text: str = "", pack: str = "") -> Report:
    """The article's report, cached in memory on the article and the codebook (a built-in
    codebook's name, or an uploaded one's file name and TOML text) and in the store's
    report cache, so that a restarted dashboard, `python -m analysis --store` and `batch
    --store` do not analyse the same text again. A store that cannot be used costs the
    cache, not the report."""
    chosen = active_codebook(codebook, codebook_text)
    knowledge = load_knowledge(pack or None)
    try:
        return store().report(article, chosen, knowledge)
    except StoreError:
        return analyze(article, chosen, knowledge)


def active_codebook(codebook: str, codebook_text: str = "") -> Codebook:
    """A built-in codebook by name, or an uploaded one parsed from its text."""
    return _uploaded_codebook(codebook_text, codebook) if codebook_text else load_codebook(codebook)


@st.cache_resource(show_spinner=False, max_entries=20)
def _uploaded_codebook(text: str, name: str) -> Codebook:
    return parse_codebook(text, name)


def codebook_choice() -> tuple[str, str]:
    """The sidebar's codebook: (built-in name or file name, uploaded TOML text or "")."""
    choice = st.session_state.get(CODEBOOK_KEY, BUILT_IN[0])
    upload = st.session_state.get(CODEBOOK_FILE_KEY)
    if choice != UPLOADED or upload is None:
        return (choice if choice in BUILT_IN else BUILT_IN[0]), ""
    try:
        text = decode(upload.getvalue(), upload.name)
        _uploaded_codebook(text, upload.name)
    except (DataFileError, AnalysisError) as error:
        st.sidebar.error(
            md_escape(f"This codebook cannot be used: {error}"), icon=":material/error:"
        )
        return BUILT_IN[0], ""
    return upload.name, text


def knowledge_choice() -> str:
    """The folder of the knowledge pack files the user uploaded ("" for the built-in pack
    only). The files are kept under a name made of their contents, so the same files are
    one pack; a malformed pack is reported in the sidebar and the built-in one used."""
    uploads = st.session_state.get(KNOWLEDGE_KEY) or []
    if not uploads:
        return ""
    digest = hashlib.sha256()
    for upload in sorted(uploads, key=lambda u: u.name):
        digest.update(upload.name.encode() + b"\0" + upload.getvalue())
    folder = Path(tempfile.gettempdir()) / "source-bias-packs" / digest.hexdigest()[:16]
    unknown = [u.name for u in uploads if u.name not in PACK_FILES]
    try:
        if unknown:
            raise DataFileError(
                f"{', '.join(unknown)}: a pack file is one of {', '.join(PACK_FILES)}"
            )
        folder.mkdir(parents=True, exist_ok=True)
        for upload in uploads:
            (folder / upload.name).write_bytes(upload.getvalue())
        load_knowledge(folder)
    except (DataFileError, OSError) as error:
        st.sidebar.error(
            md_escape(f"This knowledge pack cannot be used: {error}"), icon=":material/error:"
        )
        return ""
    return str(folder)


def _codebook_label(option: str) -> str:
    return "Your own codebook file…" if option == UPLOADED else load_codebook(option).name


@st.cache_data
def accuracy() -> tuple[GoldSet, ...]:
    """The measured accuracy per gold set (analysis/data/accuracy.json)."""
    return gold_sets()


def figures(gold_set: str) -> dict[str, float | None]:
    """One gold set's current figures, by metric (empty when it was never measured)."""
    found = next((s for s in accuracy() if s.id == gold_set), None)
    return {f.metric: f.current for f in found.figures} if found else {}


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
        [*BUILT_IN, UPLOADED],
        key=CODEBOOK_KEY,
        format_func=_codebook_label,
        help="The list of frames, with their cue words, that framing is scored against. "
        "The Method page shows the active one.",
    )
    if st.session_state[CODEBOOK_KEY] == UPLOADED:
        st.sidebar.file_uploader(
            "Codebook (.toml, the layout of the built-in ones, see docs/framing.md)",
            type=["toml"],
            key=CODEBOOK_FILE_KEY,
        )
    with st.sidebar.expander("Knowledge pack"):
        st.file_uploader(
            "Your own pack files, added to the built-in ones",
            type=["tsv", "toml"],
            accept_multiple_files=True,
            key=KNOWLEDGE_KEY,
            help="countries.tsv, international.tsv, institutions.tsv, groups.tsv or "
            "names.toml, in the layout of the built-in files (analysis/data/knowledge/): "
            "add a think tank, a party or a name the analyzers do not know.",
        )
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
    codebook, codebook_text = codebook_choice()
    pack = knowledge_choice()
    reports = []
    for article in chosen:
        try:
            reports.append(report(article, codebook, codebook_text, pack))
        except AnalysisError as error:
            st.warning(md_escape(f"{labels[article.id]} could not be analysed: {error}"))
    corrections = corrections_of([report.article.id for report in reports])
    corrected = apply_corrections(reports, corrections)
    return Selection(
        reports=corrected.reports,
        corrections=corrections,
        unused=corrected.unused,
        labels=labels,
        colours=charts.outlet_colours([labels[a.id] for a in articles]),
        lens=st.session_state.get(LENS_KEY, LENSES[0]),
        codebook=active_codebook(codebook, codebook_text),
    )


def corrections_of(article_ids: Sequence[str]) -> tuple[Correction, ...]:
    """The reader's corrections to the actors of this selection of articles: from the
    store, or from this session when the store cannot be used."""
    kept = st.session_state.setdefault(CORRECTIONS_KEY, {})
    try:
        return store().corrections(article_ids)
    except StoreError:
        return tuple(kept.get(selection_key(article_ids), ()))


def save_corrections(article_ids: Sequence[str], corrections: Sequence[Correction]) -> None:
    """Keep the selection's corrections in the store (and in this session, so that a store
    that cannot be written costs the restart, not the corrections)."""
    st.session_state.setdefault(CORRECTIONS_KEY, {})[selection_key(article_ids)] = tuple(
        corrections
    )
    try:
        store().save_corrections(article_ids, corrections)
    except StoreError as error:
        st.session_state[CORRECTIONS_ERROR_KEY] = (
            f"Your corrections are kept for this session only: {error}"
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


def plot(figure, name: str, clickable: bool = False) -> list[list]:
    """A chart with a PNG download in its toolbar and no Plotly logo. A clickable one
    reruns the page when the reader clicks a bar, cell or point, and returns the clicked
    elements' `customdata` (see dashboard/evidence.py)."""
    selectable: dict = (
        {"on_select": "rerun", "selection_mode": ("points",), "key": f"chart-{name}"}
        if clickable
        else {}
    )
    event = st.plotly_chart(
        figure,
        width="stretch",
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        },
        **selectable,
    )
    return clicked(event) if clickable else []
