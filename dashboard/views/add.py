"""Add articles: by web address, pasted or uploaded, checked field by field, kept across
restarts."""

import streamlit as st

from analysis import Article
from analysis.errors import InputError, StoreError
from analysis.store import default_path
from dashboard import intake, markup, state

ERRORS_KEY = "add_errors"
DONE_KEY = "add_done"  # (what was done, whether to offer the Read page) for the next run
WARNINGS_KEY = "add_warnings"
UPLOADS_KEY = "add_upload_round"  # a new uploader key empties the uploader after saving
URLS_KEY = "add_urls"
FAILED_KEY = "add_failed"  # (address, reason) of each address the last fetch could not add
FETCHED_KEY = "add_fetched"  # ids of the articles the last fetch added: shown opened
LABELS = {
    "outlet": "Outlet *",
    "title": "Title",
    "date": "Date (YYYY-MM-DD)",
    "url": "Web address",
    "outlet_country": "Outlet's country",
    "note": "Note",
}


def _key(name: str, article_id: str = "") -> str:
    return f"edit_{article_id}_{name}" if article_id else f"add_{name}"


def _upload_key() -> str:
    return f"add_file_{st.session_state.get(UPLOADS_KEY, 0)}"


def _values(article_id: str = "") -> dict[str, str]:
    return {name: st.session_state.get(_key(name, article_id)) or "" for name in LABELS}


def _save_new() -> None:
    """Form callback: check the fields, store the article, select it, empty the form."""
    uploaded = st.session_state.get(_upload_key())
    upload = intake.Upload(uploaded.name, uploaded.getvalue()) if uploaded else None
    checked = intake.check(
        st.session_state.get(_key("text")) or "", upload, _values(), state.catalogue()
    )
    st.session_state[ERRORS_KEY] = checked.errors
    if checked.errors:
        return
    try:
        article_id = state.store().add(checked.article)
    except StoreError as error:
        st.session_state[ERRORS_KEY] = {"form": f"Could not save: {error}"}
        return
    state.select([*st.session_state.get(state.ARTICLES_KEY, []), article_id])
    st.session_state[state.READ_NEXT_KEY] = article_id
    st.session_state[WARNINGS_KEY] = [warning.message for warning in checked.article.warnings]
    for name in ("text", *LABELS):
        st.session_state[_key(name)] = ""
    st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
    st.session_state[DONE_KEY] = (
        f"Saved “{checked.article.outlet}”. It is selected in the sidebar (and joins the "
        "open story set), joins the Compare page, and opens first on the Read page.",
        True,
    )


def _fetch_new() -> None:
    """Form callback: fetch each address, store and select the articles read, keep the
    addresses that failed (with their reasons) in the box to correct or try again."""
    with st.spinner("Fetching the pages…"):
        fetched = intake.fetch(st.session_state.get(URLS_KEY) or "", state.catalogue())
    st.session_state[ERRORS_KEY] = {"urls": fetched.error} if fetched.error else {}
    failures = list(fetched.failures)
    added: list[tuple[str, Article]] = []
    for article, page in fetched.articles:
        try:
            added.append((state.store().add(article, page), article))
        except (InputError, StoreError) as error:
            failures.append((page.requested, f"Could not save: {error}"))
    st.session_state[FAILED_KEY] = failures
    st.session_state[URLS_KEY] = "\n".join(url for url, _ in failures)
    st.session_state[FETCHED_KEY] = [article_id for article_id, _ in added]
    if not added:
        return
    st.session_state[state.ARTICLES_KEY] = [
        *st.session_state.get(state.ARTICLES_KEY, []),
        *(article_id for article_id, _ in added),
    ]
    st.session_state[state.READ_NEXT_KEY] = added[0][0]
    st.session_state[WARNINGS_KEY] = [
        f"{article.outlet}: {warning.message}"
        for _, article in added
        for warning in article.warnings
    ]
    outlets = ", ".join(f"“{article.outlet}”" for _, article in added)
    st.session_state[DONE_KEY] = (
        f"Added {len(added)} article{'s' if len(added) > 1 else ''} from the web: {outlets}. "
        "They are selected in the sidebar. The outlet is the name each site gives itself: "
        "check it under Your articles below, and correct it there if needed.",
        True,
    )


def _save_edit(article_id: str) -> None:
    text = st.session_state.get(_key("text", article_id)) or ""
    values = _values(article_id)
    errors = intake.check_edit(text, values)
    if not errors:
        try:
            state.store().update(article_id, text=text, **{n: v.strip() for n, v in values.items()})
        except (InputError, StoreError) as error:
            errors = {"text": f"Could not save: {error}"}
    st.session_state[ERRORS_KEY] = {f"{article_id}:{name}": m for name, m in errors.items()}
    if not errors:
        st.session_state[DONE_KEY] = (f"Changes to “{values['outlet'].strip()}” saved.", False)


def _delete(article_id: str) -> None:
    if not st.session_state.get(_key("confirm", article_id)):
        st.session_state[ERRORS_KEY] = {f"{article_id}:confirm": "Tick the box to confirm."}
        return
    outlet = st.session_state.get(_key("outlet", article_id)) or article_id
    state.store().delete(article_id)
    st.session_state[ERRORS_KEY] = {}
    st.session_state[DONE_KEY] = (f"Deleted “{outlet}”.", False)


def _error_under(field: str) -> None:
    message = st.session_state.get(ERRORS_KEY, {}).get(field)
    if message:  # it may quote the user's outlet or file name
        st.error(markup.md_escape(message), icon=":material/error:")


def _metadata_fields(article_id: str = "") -> None:
    prefix = f"{article_id}:" if article_id else ""
    first, second = st.columns(2)
    for index, (name, label) in enumerate(LABELS.items()):
        with first if index % 2 == 0 else second:
            st.text_input(label, key=_key(name, article_id))
            _error_under(prefix + name)


st.title("Add articles")
st.caption(
    "Articles you add are analysed at once, join the comparison, and are kept on this "
    "computer in the file below (set the environment variable `SOURCE_BIAS_DATA` to a "
    "folder to keep them elsewhere). The five bundled articles are read-only."
)
st.code(str(default_path()), language=None)
try:
    state.store()
except StoreError as error:
    st.error(markup.md_escape(f"Articles cannot be saved there: {error}"), icon=":material/error:")
    st.stop()
if st.session_state.get(DONE_KEY):
    done, offer_reading = st.session_state.pop(DONE_KEY)
    st.success(markup.md_escape(done), icon=":material/check_circle:")
    for message in st.session_state.pop(WARNINGS_KEY, []):  # not English, a guessed encoding
        st.warning(
            markup.md_escape(message[:1].upper() + message[1:] + "."), icon=":material/warning:"
        )
    if offer_reading:
        st.page_link("views/read.py", label="Read it with its evidence", icon=":material/article:")

with st.form("add_by_address", border=True):
    st.subheader("From web addresses", anchor=False)
    st.text_area(
        f"Web addresses, one per line (up to {intake.MAX_ADDRESSES})",
        key=URLS_KEY,
        height=110,
        placeholder="https://www.example-news.com/2024/05/01/story.html",
    )
    _error_under("urls")
    for url, reason in st.session_state.get(FAILED_KEY, []):  # the address is the user's
        st.error(markup.md_escape(f"Not added: {url} – {reason}"), icon=":material/link_off:")
    st.caption(
        "Each page is fetched, its article text, title, date and the site's name (the "
        "outlet) read from it, and the page kept with the article."
    )
    st.form_submit_button("Fetch and add", type="primary", on_click=_fetch_new)

with st.form("add", clear_on_submit=False, border=True):
    st.subheader("A new article", anchor=False)
    st.text_area(
        "Article text",
        key=_key("text"),
        height=220,
        placeholder="Paste the article's text here (plain text; HTML is shown as written).",
    )
    _error_under("text")
    st.file_uploader(
        f"…or upload a file (.txt, .md or a saved .html page, up to {intake.upload_limit()})",
        type=list(intake.UPLOAD_TYPES),
        key=_upload_key(),
    )
    _error_under("upload")
    _metadata_fields()
    _error_under("form")
    st.form_submit_button("Analyse and add", type="primary", on_click=_save_new)

st.header("Your articles")
try:
    added = state.store().articles()
except StoreError as error:
    st.error(markup.md_escape(f"Your added articles cannot be read: {error}"))
    added = []
if not added:
    st.caption("None yet.")
try:
    fetched = state.store().fetched()
except StoreError:
    fetched = {}
just_fetched = set(st.session_state.get(FETCHED_KEY, []))
for article in added:
    label = f"{article.outlet or '(no outlet)'} – {article.title or '(no title)'}"
    with st.expander(markup.md_escape(label), expanded=article.id in just_fetched):
        if article.id in fetched:
            url, when = fetched[article.id]
            st.caption(markup.md_escape(f"Fetched from {url} on {when[:10]}"))
        for name in LABELS:
            st.session_state.setdefault(_key(name, article.id), getattr(article, name))
        st.session_state.setdefault(_key("text", article.id), article.text)
        with st.form(f"edit_{article.id}", border=False):
            st.text_area("Article text", key=_key("text", article.id), height=200)
            _error_under(f"{article.id}:text")
            _metadata_fields(article.id)
            save, delete, confirm = st.columns([1, 1, 2], vertical_alignment="center")
            save.form_submit_button("Save changes", on_click=_save_edit, args=(article.id,))
            confirm.checkbox("Yes, delete this article", key=_key("confirm", article.id))
            delete.form_submit_button("Delete", on_click=_delete, args=(article.id,))
            _error_under(f"{article.id}:confirm")
