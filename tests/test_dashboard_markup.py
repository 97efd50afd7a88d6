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


def test_quotes_are_coloured_by_speaker_type_with_the_speaker_on_hover(report):
    out = markup.article_html(report, ["quotes"])
    (quote,) = report.sources.quotes
    found = re.search(rf'<span class="q t-{quote.speaker_type}" title="([^"]*)">(.*?)</span>', out)
    assert visible_text(found.group(2)) == quote.text
    assert html.unescape(found.group(1)).startswith(f"{quote.speaker} ({quote.speaker_type}")


def test_mentions_and_scored_words_are_wrapped(report):
    out = markup.article_html(report, ["mentions", "words"])
    assert re.search(r'<span class="m" title="mentions India">India</span>', out)
    assert re.search(r'<span class="w" title="good: polarity \+0\.70[^"]*">good</span>', out)


def test_every_frame_cue_is_wrapped_with_its_frame_on_hover(report):
    out = markup.article_html(report, ["frames"])
    cues = [
        (score.label, cue)
        for score in report.framing.frames
        for evidence in score.evidence
        for cue in evidence.cues
    ]
    assert cues, "the test text should cue at least one frame"
    for label, cue in cues:
        piece = html.escape(report.document.text[cue.start : cue.end], quote=False)
        assert re.search(
            rf'<span class="f" title="[^"]*{re.escape(label)} frame[^"]*">{re.escape(piece)}</span>',
            out,
        )


def test_every_language_cue_is_wrapped_with_its_layer_on_hover(report):
    out = markup.article_html(report, ["language"])
    cues = [
        (layer.label, cue)
        for layer in report.framing.language.layers
        for evidence in layer.evidence
        for cue in evidence.cues
    ]
    assert cues, "the test text should have at least one hedge or loaded word"
    for label, cue in cues:
        piece = html.escape(report.document.text[cue.start : cue.end], quote=False)
        assert html.escape(f"{label}: “{cue.text}”", quote=True) in out
        assert f">{piece}</span>" in out


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
        "quotes": 1,
        "voices": 1,
        "named_share": 1.0,
        "speaker_types": ["<u>official</u>"],
        "dominant_frame": "<em>Economic</em>",
    }
    out = markup.headline_cards([row], {"<i>O</i>": "#000000"}, "TextBlob")
    assert "<script" not in out and "<i>" not in out and "<u>" not in out and "<em>" not in out
    assert "&lt;i&gt;O&lt;/i&gt;" in out
    assert "1 voice · 1 quote · 100% named" in out
