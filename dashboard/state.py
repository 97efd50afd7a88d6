"""What every page shares: the articles on offer, cached analysis, and the sidebar.

The catalogue is the bundled seeds (read-only) followed by the articles the user added
(kept in `analysis.store`). Reports come from the store's report cache (shared with the
command line) and are held once per process (`st.cache_resource`), keyed on the article
(its text and metadata) and the codebook, so switching pages or selections, or
restarting, never analyses an unchanged text twice, and a rerun neither copies nor
hashes them. What depends only on the selection (its reports, comparison and figures) is
computed once and shared by every session (`shared`, keyed on `Selection.key`): results
are frozen dataclasses and figures are only read, never changed by a page. The reader's corrections to the actors (kept in the store with the
selection) are applied to the reports here, so every page and download shows them.

The selection is kept in the store too: a story set (a named selection) is saved as it
changes, an article added while it is open joins it, and a new session opens what was
chosen last (the set, as it is now, or the free selection); the very first time, the
bundled five and every added article.
"""

import hashlib
import tempfile
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import streamlit as st

from analysis import AnalysisError, Article, Report, analyze, load, share_descriptions
from analysis.compare.corrections import Correction, apply_corrections
from analysis.corpus import SAMPLE, decode
from analysis.errors import DataFileError, InputError, StoreError
from analysis.evaluate.figures import GoldSet, gold_sets
from analysis.export import FORMATS
from analysis.framing import BUILT_IN, Codebook, load_codebook, parse_codebook
from analysis.knowledge import load_knowledge
from analysis.knowledge.pack import PACK_FILES
from analysis.store import (
    MAX_SET_NAME,
    METADATA,
    Store,
    StorySet,
    content_key,
    default_path,
    selection_key,
)

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
SET_KEY = "story_set"  # the open story set's id; None: a free selection
SET_NAME_KEY = "story_set_name"
SET_CONFIRM_KEY = "story_set_confirm"
SET_NOTE_KEY = "_story_set_note"  # (kind, message) of the last set action, for the sidebar
NO_SET = "(none: a free selection)"
FIND_KEY = "find_articles"
# The most articles the sidebar's list offers at once: a list of 100,000 is megabytes sent
# to the browser on every run. A larger catalogue is searched by title, outlet and date.
LISTED_MAX = 1000
# Reports held in memory: a few codebooks over a large catalogue (a report of a 700-word
# article takes about 1 MB in memory).
MAX_REPORTS = 2000
# Selections whose reports, comparison and figures are held: enough for a class
# switching between a few story sets, each under both lenses.
MAX_SHARED = 64
T = TypeVar("T")


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
    key: str = ""  # the same articles, texts, codebook, pack and corrections: the same key

    @property
    def outlets(self) -> list[str]:
        return [self.labels[report.article.id] for report in self.reports]

    def label(self, report: Report) -> str:
        return self.labels[report.article.id]


@st.cache_resource(show_spinner=False)
def _seed_articles() -> tuple[Article, ...]:
    return tuple(load(SAMPLE))


def seed_articles() -> list[Article]:
    return list(_seed_articles())


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The user's store at its current location ($SOURCE_BIAS_DATA or the user data folder)."""
    return _open_store(str(default_path()))


def added_articles() -> list[Article]:
    """Articles the user added (read again only when the store changed: 100,000 of them
    take seconds); an unreadable store is reported, not fatal."""
    try:
        return list(_stored_articles(str(store().path), store().revision))
    except StoreError as error:
        st.sidebar.warning(md_escape(f"Your added articles cannot be read: {error}"))
        return []


@st.cache_resource(show_spinner=False, max_entries=2)
def _stored_articles(path: str, revision: str) -> tuple[Article, ...]:
    return tuple(store().articles())


def catalogue() -> list[Article]:
    """Every article on offer: seeds first (manifest order), then added ones, oldest first."""
    return seed_articles() + added_articles()


def article_key(article: Article) -> str:
    """What a report depends on in an article: its text, headline and metadata."""
    metadata = (article.id, *(getattr(article, name) for name in METADATA), article.removed)
    return hashlib.sha256(f"{content_key(article)}{metadata!r}".encode()).hexdigest()


def report(article: Article, codebook: str, codebook_text: str = "", pack: str = "") -> Report:
    """The article's report, held once per process on the article and the codebook (a
    built-in codebook's name, or an uploaded one's file name and TOML text) and in the
    store's report cache, so that a restarted dashboard, `python -m analysis --store` and
    `batch --store` do not analyse the same text again."""
    return _report(article_key(article), codebook, codebook_text, pack, article)


@st.cache_resource(show_spinner="Analysing…", max_entries=MAX_REPORTS)
def _report(key: str, codebook: str, codebook_text: str, pack: str, _article: Article) -> Report:
    """`report`, cached on `key` (article_key) without hashing the article each run. A
    store that cannot be used costs the cache, not the report."""
    article = _article
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
    """Story set, article choice, codebook and tone lens, and the downloads of what they
    select.

    The pages read the result with `current()`.
    """
    articles = catalogue()
    labels = labels_of(articles)
    seeds = {a.id for a in seed_articles()}
    options = [a.id for a in articles]
    if ARTICLES_KEY not in st.session_state:
        st.session_state[ARTICLES_KEY] = _opening_selection(options)
    chosen = st.session_state[ARTICLES_KEY]
    st.session_state[ARTICLES_KEY] = [i for i in chosen if i in labels]
    story_sets()
    st.sidebar.multiselect(
        "Articles",
        _listed(articles, labels, st.session_state[ARTICLES_KEY]),
        key=ARTICLES_KEY,
        on_change=_selection_changed,
        format_func=lambda i: labels[i] + ("" if i in seeds else " · added"),
        help="Kept for your next visit; in the open story set, if any. First visit: the "
        "five bundled articles and yours. Add your own on the Add articles page.",
        placeholder="Choose articles to compare",
    )
    st.sidebar.caption(f"{len(st.session_state[ARTICLES_KEY])} of {len(options):,} selected.")
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


def labels_of(articles: Sequence[Article]) -> dict[str, str]:
    """`article_labels` of the catalogue, made once per store revision (100,000 articles
    take a noticeable part of a second); made each run when the store cannot be used."""
    try:
        revision = store().revision
    except StoreError:
        return article_labels(articles)
    return _labels(revision, len(articles), articles)


@st.cache_resource(show_spinner=False, max_entries=2)
def _labels(revision: str, count: int, _articles: Sequence[Article]) -> dict[str, str]:
    return article_labels(_articles)


def _listed(articles: Sequence[Article], labels: dict[str, str], chosen: list[str]) -> list[str]:
    """The ids the Articles list offers: all of them in a catalogue of up to LISTED_MAX;
    in a larger one, the chosen ones and then, newest first, up to LISTED_MAX of those
    whose label, headline or date contain every word typed in the Find box."""
    if len(articles) <= LISTED_MAX:
        return [a.id for a in articles]
    words = (
        st.sidebar.text_input(
            "Find articles",
            key=FIND_KEY,
            placeholder="Outlet, headline words or date",
            help=f"{len(articles):,} articles are stored: the list below offers the "
            f"{LISTED_MAX:,} newest that contain every word typed here.",
        )
        .casefold()
        .split()
    )
    listed = list(chosen)
    taken = set(chosen)
    for article in reversed(articles):
        if len(listed) - len(chosen) >= LISTED_MAX:
            break
        if article.id in taken:
            continue
        text = f"{labels[article.id]} {article.title} {article.date}".casefold()
        if all(word in text for word in words):
            listed.append(article.id)
    return listed


def _opening_selection(options: Sequence[str]) -> list[str]:
    """A new session's articles: those chosen last (the set they were, as it is now), or
    the first time every article on offer (the bundled sample where there are more than
    the list offers)."""
    try:
        last = store().last_selection()
    except StoreError:
        last = None
    if last is None:
        return list(options) if len(options) <= LISTED_MAX else [a.id for a in seed_articles()]
    st.session_state[SET_KEY] = last.story_set.id if last.story_set else None
    offered = set(options)
    return [i for i in last.article_ids if i in offered]


def story_sets() -> None:
    """The sidebar's story set: reopen one, save the selection as one, delete the open one."""
    try:
        saved = {story_set.id: story_set for story_set in store().sets()}
    except StoreError as error:
        st.sidebar.caption(md_escape(f"Story sets cannot be read: {error}"))
        return
    if st.session_state.get(SET_KEY) not in saved:
        st.session_state[SET_KEY] = None
    st.sidebar.selectbox(
        "Story set",
        [None, *saved],
        key=SET_KEY,
        on_change=_open_set,
        format_func=lambda i: NO_SET if i is None else saved[i].name,
        help="A named selection of articles, kept with its lesson plan. Changes to the "
        "articles while a set is open are saved in it.",
    )
    note = st.session_state.pop(SET_NOTE_KEY, None)
    if note:
        kind, message = note
        getattr(st.sidebar, kind)(md_escape(message))
    with st.sidebar.expander("Save selection as set…"):
        st.text_input(
            "Name", key=SET_NAME_KEY, max_chars=MAX_SET_NAME, placeholder="e.g. S-400, 2018–21"
        )
        st.button(
            "Save set", on_click=_save_set, icon=":material/bookmark_add:", key="story_set_save"
        )
        open_set = saved.get(st.session_state[SET_KEY])
        if open_set is not None:
            st.checkbox(f"Yes, delete “{md_escape(open_set.name)}”", key=SET_CONFIRM_KEY)
            st.button(
                "Delete set", on_click=_delete_set, icon=":material/delete:", key="story_set_delete"
            )


def _note(kind: str, message: str) -> None:
    st.session_state[SET_NOTE_KEY] = (kind, message)


def open_set() -> StorySet | None:
    """The story set open in this session, as the store has it now."""
    set_id = st.session_state.get(SET_KEY)
    if set_id is None:
        return None
    try:
        return store().get_set(set_id)
    except (KeyError, StoreError):
        return None


def select(article_ids: Sequence[str]) -> None:
    """Choose these articles: saved in the open story set, and remembered for next time."""
    st.session_state[ARTICLES_KEY] = list(article_ids)
    story_set = open_set()
    try:
        if story_set is not None:
            story_set = store().save_set(story_set.name, article_ids)
        store().remember_selection(article_ids, story_set)
    except (InputError, StoreError) as error:
        _note("warning", f"The selection is kept for this session only: {error}")


def _selection_changed() -> None:
    select(st.session_state[ARTICLES_KEY])


def _open_set() -> None:
    """Sidebar callback: the chosen set's articles become the selection."""
    story_set = open_set()
    if story_set is None:  # back to a free selection, with the articles as they are
        select(st.session_state.get(ARTICLES_KEY, []))
        return
    st.session_state[ARTICLES_KEY] = list(story_set.article_ids)
    if story_set.dropped:
        _note(
            "info",
            f"{len(story_set.dropped)} article(s) of “{story_set.name}” no longer exist and "
            "were left out.",
        )
    select(story_set.article_ids)


def _save_set() -> None:
    """Sidebar callback: the selection (and its lesson plan) saved under the name given."""
    article_ids = st.session_state.get(ARTICLES_KEY, [])
    try:
        plan = store().lesson_plan(plan_owner(article_ids))
        story_set = store().save_set(st.session_state.get(SET_NAME_KEY) or "", article_ids, plan)
    except (InputError, StoreError) as error:
        _note("error", f"Not saved: {error}")
        return
    st.session_state[SET_KEY] = story_set.id
    st.session_state[SET_NAME_KEY] = ""
    select(story_set.article_ids)
    _note("success", f"Saved “{story_set.name}” ({len(story_set.article_ids)} articles).")


def _delete_set() -> None:
    story_set = open_set()
    if story_set is None:
        return
    if not st.session_state.get(SET_CONFIRM_KEY):
        _note("warning", "Tick the box to confirm.")
        return
    try:
        store().delete_set(story_set.id)
    except (KeyError, StoreError) as error:
        _note("error", f"Not deleted: {error}")
        return
    st.session_state[SET_KEY] = None
    st.session_state[SET_CONFIRM_KEY] = False
    select(st.session_state.get(ARTICLES_KEY, []))
    _note("success", f"Deleted the set “{story_set.name}”; its articles stay selected.")


def plan_owner(article_ids: Sequence[str]) -> StorySet | Sequence[str]:
    """Whose lesson plan these articles have: the open story set's, else the selection's."""
    return open_set() or article_ids


def lesson_plan(article_ids: Sequence[str]) -> str | None:
    """The lesson plan (JSON) kept for these articles; None if none or the store fails."""
    try:
        return store().lesson_plan(plan_owner(article_ids))
    except StoreError:
        return None


def save_lesson_plan(article_ids: Sequence[str], plan: str | None) -> str:
    """Keep the lesson plan of these articles; returns why it could not be kept, or ""."""
    try:
        store().save_lesson_plan(plan_owner(article_ids), plan)
    except (InputError, StoreError) as error:
        return f"Your lesson plan is kept for this session only: {error}"
    return ""


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
    key = hashlib.sha256(
        repr(
            (
                [article_key(r.article) for r in reports],
                codebook,
                codebook_text,
                pack,
                corrections,
            )
        ).encode()
    ).hexdigest()
    corrected = shared(
        "corrected", key, lambda: apply_corrections(share_descriptions(reports), corrections)
    )
    return Selection(
        reports=corrected.reports,
        corrections=corrections,
        unused=corrected.unused,
        labels=labels,
        colours=charts.outlet_colours([labels[a.id] for a in articles]),
        lens=st.session_state.get(LENS_KEY, LENSES[0]),
        codebook=active_codebook(codebook, codebook_text),
        key=key,
    )


def shared(kind: str, key: Hashable, build: Callable[[], T]) -> T:
    """`build()`, computed once per process for this `kind` and `key` and shared by every
    session: for what depends only on the selection (its `Selection.key`) and the page's
    choices in `key`. The result must be immutable, or only read (a figure)."""
    return _shared(kind, key, build)


@st.cache_resource(show_spinner=False, max_entries=MAX_SHARED * 16)
def _shared(kind: str, key: Hashable, _build: Callable[[], T]) -> T:
    return _build()


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
