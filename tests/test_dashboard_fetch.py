"""Adding articles by web address on the Add page (dashboard.intake.fetch and the page
through AppTest), against a local web server."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import make_article
from analysis.corpus.fetch import ALLOW_PRIVATE_ENV
from analysis.store import Store, default_path
from dashboard import intake

from .test_dashboard import APP, SEED_OUTLETS, TIMEOUT
from .webserver import serving


@pytest.fixture(scope="module")
def web():
    with serving() as base:
        yield base


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    return tmp_path


def test_addresses_are_one_per_line_each_once():
    text = " https://a.example/1 \n\nhttps://b.example/2\nhttps://a.example/1\n"
    assert intake.addresses(text) == ["https://a.example/1", "https://b.example/2"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("  \n ", "one or more web addresses"),
        ("\n".join(f"https://e.org/{n}" for n in range(13)), "at most 12"),
    ],
)
def test_an_empty_or_too_long_list_is_refused_as_a_whole(text, says):
    fetched = intake.fetch(text)
    assert says in fetched.error
    assert fetched.articles == () and fetched.failures == ()


def test_each_address_is_added_or_has_its_reason(web):
    urls = [f"{web}/missing.html", "www.example.org/story", f"{web}/a.html", f"{web}/logo.png"]
    fetched = intake.fetch("\n".join(urls))
    [(article, page)] = fetched.articles
    assert (article.outlet, article.title, article.date) == (
        "The Harbour Ledger",
        "Trade talks resume after a long pause",
        "2024-05-01",
    )
    assert page.url == f"{web}/a.html"
    assert fetched.failures == (
        (urls[0], "404 Not Found."),
        (urls[1], "Not a web address: it must start with http:// or https://."),
        (urls[3], "A PNG image, not a web page."),
    )


def test_a_page_already_in_the_collection_is_not_added_twice(web):
    ((article, _),) = intake.fetch(f"{web}/a.html").articles
    again = intake.fetch(f"{web}/a.html\n{web}/moved", [article])
    assert again.articles == ()
    assert [reason[:40] for _, reason in again.failures] == [
        "Already in the collection as “The Harbou"
    ] * 2


def test_a_page_with_too_little_text_is_refused(web):
    fetched = intake.fetch(f"{web}/short.txt")
    assert fetched.articles == ()
    ((_, reason),) = fetched.failures
    assert reason.startswith("Only ")
    assert f"words of article text found on the page: at least {intake.MIN_WORDS}" in reason


def test_private_addresses_are_refused_unless_the_server_allows_them(web, monkeypatch):
    monkeypatch.delenv(ALLOW_PRIVATE_ENV)
    ((_, reason),) = intake.fetch(f"{web}/a.html").failures
    assert reason.startswith("Refused: a private network address (127.0.0.1, loopback)")


def test_the_add_page_fetches_adds_selects_and_lists_failures(web):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("views/add.py").run()
    urls = [f"{web}/a.html", f"{web}/missing.html", f"{web}/logo.png"]
    at.text_area(key="add_urls").input("\n".join(urls))
    next(b for b in at.button if b.label == "Fetch and add").click().run()
    assert not at.exception, at.exception

    (stored,) = Store(default_path()).articles()
    assert stored.outlet == "The Harbour Ledger"
    assert at.session_state["articles"][-1] == stored.id
    assert "Added 1 article from the web" in at.success[0].value
    errors = " ".join(error.value for error in at.error).replace("\\", "").replace("\u2060", "")
    assert "404 Not Found" in errors and "A PNG image, not a web page" in errors
    assert at.text_area(key="add_urls").value == "\n".join(urls[1:])  # to correct or retry
    assert any("Fetched from" in caption.value for caption in at.caption)
    assert at.text_input(key=f"edit_{stored.id}_outlet").value == "The Harbour Ledger"
    assert at.sidebar.multiselect[0].options == [*SEED_OUTLETS, "The Harbour Ledger · added"]


def test_pasted_text_keeps_its_headline_and_date_unless_typed(web):
    body = " ".join(["The harbour council approved the new budget on Monday."] * 6)
    text = f"Harbour council approves the budget\n\ndate 2024-06-02\n\n{body}"
    checked = intake.check(text, None, {"outlet": "Ledger"})
    assert (checked.article.title, checked.article.date) == (
        "Harbour council approves the budget",
        "2024-06-02",
    )
    typed = intake.check(text, None, {"outlet": "Ledger", "title": "Typed"}).article
    assert (typed.title, typed.date) == ("Typed", "2024-06-02")
    assert make_article(text).text == typed.text == f"Harbour council approves the budget\n\n{body}"
