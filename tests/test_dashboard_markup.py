"""The dashboard's HTML: user text escaped, every layer in the right place."""

import html
import re

import pytest

from analysis import analyze, make_article
from dashboard import markup

HOSTILE = (
    "Officials met on Monday. <script>alert('x')</script> “We will <b>not</b> back down,” "
    'said the minister. <img src=x onerror="alert(1)"> Talks were good & useful.\n\n'
    "A second paragraph names India and Russia."
)


def visible_text(markup_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup_text))


@pytest.fixture(scope="module")
def report():
    return analyze(make_article(HOSTILE, outlet="Test"))


def test_user_markup_is_escaped_on_every_layer(report):
    out = markup.article_html(report, markup.LAYERS, "TextBlob", chosen=0)
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out


def test_no_character_of_the_text_is_lost_or_added(report):
    out = markup.article_html(report, ["quotes", "mentions", "words", "tone"])
    paragraphs = re.findall(r"<p>(.*?)</p>", out)
    assert [visible_text(p) for p in paragraphs] == report.document.text.split("\n\n")


def test_quotes_mentions_and_scored_words_are_wrapped(report):
    out = markup.article_html(report, ["quotes", "mentions", "words"])
    quoted = re.findall(r'<span class="(?:[a-z] )*q(?: [a-z])*" title="[^"]*">(.*?)</span>', out)
    text = report.document.text
    assert visible_text("".join(quoted)) == "".join(
        text[q.start : q.end] for q in report.document.quotations
    )
    assert "We will <b>not</b> back down," in visible_text("".join(quoted))
    assert re.search(r'<span class="m" title="mentions India">India</span>', out)
    assert re.search(r'<span class="w" title="good: polarity \+0\.70[^"]*">good</span>', out)


def test_layers_that_are_off_are_not_drawn(report):
    out = markup.article_html(report, [])
    assert 'class="q"' not in out and 'class="m"' not in out
    assert "rgba(" not in out


def test_removed_boilerplate_is_shown_greyed_with_its_reason():
    text = "Read more: subscribe to our newsletter\n\nThe talks went well, officials said."
    report = analyze(make_article(text + "\n\nThe talks went well, officials said."))
    out = markup.article_html(report, ["removed"])
    assert 'class="removed"' in out
    assert "removed: repeated paragraph" in out


def test_sentence_tint_is_blue_for_positive_red_for_negative_none_for_zero():
    assert markup.POSITIVE_RGB in markup.tint(0.3)
    assert markup.NEGATIVE_RGB in markup.tint(-0.3)
    assert markup.tint(0) == "transparent"
    assert markup.tint(0.9) == markup.tint(2.0)  # saturates


@pytest.mark.parametrize(
    "text",
    ["[click](javascript:alert(1))", "**bold** _it_", ":red[alarm] :material/home:", "<b>x</b>"],
)
def test_markdown_escape_leaves_no_markdown_syntax(text):
    escaped = markup.md_escape(text)
    assert re.fullmatch(r"(?:\\[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~])*", escaped)
    assert escaped.replace("\\", "") == text


def test_cards_escape_outlet_and_title():
    row = {
        "outlet": "<i>O</i>",
        "title": "<script>x</script>",
        "date": "",
        "words": 120,
        "outlet_country": "",
        "tone": 0.1,
        "tone_low": 0.0,
        "tone_high": 0.2,
        "subjectivity": 0.4,
        "subjectivity_low": 0.3,
        "subjectivity_high": 0.5,
        "sentences": 6,
        "quotations": 1,
    }
    out = markup.headline_cards([row], {"<i>O</i>": "#000000"}, "TextBlob")
    assert "<script" not in out and "<i>" not in out
    assert "&lt;i&gt;O&lt;/i&gt;" in out
