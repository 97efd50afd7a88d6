"""A text's head (analysis.corpus.head): a headline first line becomes the title (and stays
in the text) and a date line the date (removed from the text); explicit metadata still
wins."""

import pytest

from analysis import article_from_bytes, make_article
from analysis.corpus.head import looks_like_headline

BODY = (
    "The harbour council approved the new budget on Monday after a long debate. The mayor "
    "said the plan would pay for repairs to the old quay and two new ferries."
)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour council approves the new budget",
        "Will the ferries run again?",
        "“Historic” deal signed in Geneva",
        "2024 budget passes after all-night debate",
        "Minister: “We will not back down”",
    ],
)
def test_a_short_line_that_does_not_end_like_a_sentence_is_a_headline(line):
    assert looks_like_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved the budget on Monday.",  # a sentence
        "“We will not back down,” the minister said.",
        "“We are close to a deal.”",  # a quoted sentence
        "The mayor said:",  # runs on
        "Politics",  # one word: a section label
        "the budget passed",  # no capital
        "By Mara Olsen",  # a byline
        "Photo: Reuters",  # page furniture
        " ".join(["word"] * 21).capitalize(),  # too long for a headline
    ],
)
def test_a_sentence_or_a_label_is_not_a_headline(line):
    assert not looks_like_headline(line)


def test_a_headline_and_a_date_line_become_title_and_date():
    article = make_article(f"Harbour council approves the new budget\n\nDate: 2024-06-02\n\n{BODY}")
    assert article.title == "Harbour council approves the new budget"
    assert article.date == "2024-06-02"
    assert article.text == f"Harbour council approves the new budget\n\n{BODY}"  # read too
    assert [(r.text, r.reason) for r in article.removed] == [("Date: 2024-06-02", "date line")]


@pytest.mark.parametrize(
    "head",
    [
        "date 2024-06-02\nHarbour council approves the new budget\n\n",
        "# Harbour council approves the new budget\ndate 2024-06-02\n\n",
        "\n\n  Harbour council approves the new budget  \r\n\r\nDATE: 2024-06-02\r\n\r\n",
    ],
)
def test_the_head_may_come_in_either_order_and_form(head):
    article = make_article(head + BODY)
    assert (article.title, article.date, article.text) == (
        "Harbour council approves the new budget",
        "2024-06-02",
        f"Harbour council approves the new budget\n\n{BODY}",
    )


@pytest.mark.parametrize(
    "text",
    [
        f"The council met on Monday.\n\n{BODY}",  # a first sentence
        f"Harbour council approves the new budget\n{BODY}",  # no blank line: a wrapped line
        "The harbour council approved the new budget on Monday after\n\na long debate.",
        "Harbour council approves the new budget",  # nothing else: the text itself
    ],
)
def test_a_first_line_that_is_not_a_headline_stays_in_the_text(text):
    article = make_article(text)
    assert article.title == ""
    assert article.text.startswith(text.split()[0])


def test_a_date_line_must_be_a_date_near_the_top():
    assert make_article(f"Date: 2024-13-45\n\n{BODY}").date == ""
    lines = "\n\n".join(f"Line {n} of the text is here." for n in range(6))
    assert make_article(f"{lines}\n\nDate: 2024-06-02\n\n{BODY}").date == ""


def test_explicit_metadata_wins_over_the_head():
    text = f"Harbour council approves the new budget\n\ndate 2024-06-02\n\n{BODY}"
    article = make_article(text, title="Budget passes", date="2024-06-03")
    assert (article.title, article.date) == ("Budget passes", "2024-06-03")


def test_a_text_file_and_a_markdown_file_keep_their_metadata():
    data = f"# Harbour council approves the new budget\n\ndate 2024-06-02\n\n{BODY}".encode()
    for name in ("budget.md", "budget.txt"):
        article = article_from_bytes(data, name)
        assert (article.title, article.date, article.text) == (
            "Harbour council approves the new budget",
            "2024-06-02",
            f"Harbour council approves the new budget\n\n{BODY}",  # without the `#`
        )
    manifest = article_from_bytes(data, "budget.txt", title="From the manifest")
    assert manifest.title == "From the manifest"
