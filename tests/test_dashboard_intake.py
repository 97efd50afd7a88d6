"""Checking the Add articles form, field by field."""

import pytest

from analysis import make_article
from dashboard import intake

TEXT = (
    "The ministry said on Tuesday that the agreement would be signed next month. "
    "Officials from both countries met in the capital to settle the last details, "
    "and observers expect the deal to change regional trade in the coming years."
)
GOOD = {"outlet": "The Daily", "date": "2020-02-29", "url": "https://example.org/a"}


@pytest.mark.parametrize(
    ("values", "field", "says"),
    [
        ({"outlet": ""}, "outlet", "outlet's name"),
        ({"outlet": "x" * 81}, "outlet", "under 80"),
        ({"outlet": "A", "date": "21/06/2019"}, "date", "YYYY-MM-DD"),
        ({"outlet": "A", "date": "2019-02-30"}, "date", "YYYY-MM-DD"),
        ({"outlet": "A", "url": "example.org"}, "url", "https://"),
        ({"outlet": "A", "url": "javascript:alert(1)"}, "url", "https://"),
        ({"outlet": "A", "title": "t" * 301}, "title", "under 300"),
    ],
)
def test_each_bad_field_gets_its_own_message(values, field, says):
    errors = intake.check_metadata(values)
    assert list(errors) == [field]
    assert says in errors[field]


def test_good_metadata_passes():
    assert intake.check_metadata(GOOD) == {}


def test_pasted_text_becomes_an_article_with_its_metadata():
    checked = intake.check(TEXT, None, GOOD)
    assert checked.errors == {}
    assert checked.article.outlet == "The Daily"
    assert checked.article.date == "2020-02-29"
    assert checked.article.text == TEXT


def test_pasted_html_stays_text():
    checked = intake.check("<p>" + TEXT + "</p><script>x()</script>", None, GOOD)
    assert "<script>x()</script>" in checked.article.text


def test_an_uploaded_html_page_is_extracted_and_the_form_wins_over_the_page():
    page = f"<html><head><title>Page title</title></head><body><article><p>{TEXT}</p>"
    page += "</article><script>x()</script></body></html>"
    upload = intake.Upload("story.html", page.encode())
    checked = intake.check("", upload, {**GOOD, "title": "Form title"})
    assert checked.errors == {}
    assert "x()" not in checked.article.text
    assert checked.article.title == "Form title"
    assert checked.article.file == "story.html"


@pytest.mark.parametrize(
    ("text", "upload", "field", "says"),
    [
        ("", None, "text", "Paste the article text"),
        (TEXT, intake.Upload("a.txt", TEXT.encode()), "text", "not both"),
        ("Too short to say anything.", None, "text", "at least 30"),
        ("", intake.Upload("a.txt", b"\x00\x01\x02PK\x03\x04" * 50), "upload", "binary"),
        ("", intake.Upload("a.txt", b""), "upload", "No article text"),
        ("", intake.Upload("a.txt", b"x" * 5_000_001), "upload", "limit"),
    ],
)
def test_unusable_text_is_reported_at_its_field(text, upload, field, says):
    checked = intake.check(text, upload, GOOD)
    assert checked.article is None
    assert says in checked.errors[field]


def test_the_same_text_twice_is_refused():
    existing = [make_article(TEXT, outlet="First", title="Story")]
    checked = intake.check(TEXT, None, GOOD, existing)
    assert "already in the collection as “First – Story”" in checked.errors["text"]


def test_an_edit_is_checked_like_a_new_article():
    assert intake.check_edit(TEXT, GOOD) == {}
    assert set(intake.check_edit("Short.", {"outlet": ""})) == {"text", "outlet"}


def test_the_upload_limit_stated_is_the_one_streamlit_enforces():
    import tomllib
    from pathlib import Path

    from analysis.corpus import MAX_FILE_BYTES

    config = Path(intake.__file__).parent / ".streamlit" / "config.toml"
    settings = tomllib.loads(config.read_text("utf-8"))
    assert settings["server"]["maxUploadSize"] * 1_000_000 >= MAX_FILE_BYTES
    assert intake.upload_limit() == f"{settings['server']['maxUploadSize']} MB"
    assert settings["server"]["headless"] is True
    assert settings["browser"]["gatherUsageStats"] is False
