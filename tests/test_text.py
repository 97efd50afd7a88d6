import pytest

from analysis.text import segment, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Defense Department said it would decide later.",
        "Sen. Bob Smith chairs the committee.",
        "Dr. Ana Pérez spoke on Jan. 5 in Washington.",
        "The deal, signed by J. R. Smith, is worth $5.5 billion.",
        "The acquisition of these systems is… beneficial to the government.",
        "He paused... and then went on.",
        "Talks with the U.K. government resumed in Washington, D.C. on Monday.",
        "Inflation rose 3.2 percent, the bureau said.",
        "“Is that right?” she asked.",
        "Gov.Newsom and the U.S.Navy visited Yahoo.com and node.js sites.",
    ],
)
def test_no_split_inside_abbreviations_initials_numbers_and_ellipses(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sanctions were imposed by the U.S. The next day, India replied.",
            ["The sanctions were imposed by the U.S.", "The next day, India replied."],
        ),
        (
            "She moved to Washington, D.C. It was 2019.",
            ["She moved to Washington, D.C.", "It was 2019."],
        ),
        ("“It is done.” The minister left.", ["“It is done.”", "The minister left."]),
        ("Is it over? No. It has just begun!", ["Is it over?", "No.", "It has just begun!"]),
        (
            "The deal was signed. 2020 saw deliveries.",
            ["The deal was signed.", "2020 saw deliveries."],
        ),
        # paragraphs a page glued together
        (
            "Greece declined to guess the count.By midday, 104 had been rescued.",
            ["Greece declined to guess the count.", "By midday, 104 had been rescued."],
        ),
        ("“We are ready.”The coach smiled.", ["“We are ready.”", "The coach smiled."]),
    ],
)
def test_splits_at_sentence_ends_including_a_final_abbreviation(text, expected):
    assert sentences(text) == expected


def test_sentence_offsets_lie_inside_the_text_and_in_order(seed_articles):
    for article in seed_articles:
        doc = segment(article.text)
        previous_end = 0
        for sentence in doc.sentences:
            assert previous_end <= sentence.start < sentence.end <= len(doc.text)
            piece = doc.text[sentence.start : sentence.end]
            assert piece.strip() == piece
            previous_end = sentence.end


def test_quotation_marks_pair_across_sentences():
    text = "“We are concerned. We will decide later,” the official said."
    quotes = segment(text).quotations
    assert [text[q.start : q.end] for q in quotes] == ["We are concerned. We will decide later,"]


def test_a_quote_over_several_paragraphs_is_one_quotation():
    text = "“The first part of the statement.\n\n“The second part, which ends here.”\n\nNarration."
    quotes = segment(text).quotations
    assert len(quotes) == 1 and quotes[0].closed
    assert text[quotes[0].start : quotes[0].end].endswith("which ends here.")


@pytest.mark.parametrize(
    "text",
    [
        "India’s officials can’t say; the officials’ view is clear.",
        "It’s the ’90s all over again, said the Pentagon’s spokesman.",
        "In the '90s the deal was signed; by '05 it was forgotten.",
        "Tell 'em it's rock 'n' roll, said the ‘80s star.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert segment(text).quotations == ()


def test_a_decade_before_a_quote_does_not_swallow_it():
    text = 'In the \'90s the deal was signed. "It was a good year," she said.'
    quoted = [text[q.start : q.end] for q in segment(text).quotations]
    assert quoted == ["It was a good year,"]


def test_mismatched_and_straight_marks_still_pair():
    text = "He called it \"a good deal” and left. She said 'maybe' twice."
    quoted = [text[q.start : q.end] for q in segment(text).quotations]
    assert quoted == ["a good deal", "maybe"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a single mark opens, a double one closes, and the other way round
        ('‘We will not stop," the minister said.', ["We will not stop,"]),
        ("“We will not stop,’ the minister said.", ["We will not stop,"]),
        ('She called it ‘a mistake". Nobody agreed.', ["a mistake"]),
        # apostrophes inside stay words, and a proper closing mark later wins
        ("“The 1990s’ boom is over,’ O’Brien said.", ["The 1990s’ boom is over,"]),
        ('‘We don’t stop," O’Brien said.', ["We don’t stop,"]),
        ("“He said ‘no,’ and left,” she said.", ["He said ‘no,’ and left,"]),
        ("“We will win,’ said O’Brien of the 1990s’ boom.", ["We will win,"]),
    ],
)
def test_a_quote_opened_with_one_kind_of_mark_closes_with_the_other(text, quoted):
    assert [text[q.start : q.end] for q in segment(text).quotations] == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('“They called it a "defensive" system,” he said.', 'They called it a "defensive" system,'),
        ('"He said “no” to us," she said.', "He said “no” to us,"),
        ('“Our answer is: "no",” he said.', 'Our answer is: "no",'),
        ('“He said "no, never,” she recalled.', 'He said "no, never,'),
    ],
)
def test_a_quote_inside_a_quote_does_not_end_it(text, quoted):
    assert [text[q.start : q.end] for q in segment(text).quotations] == [quoted]


def test_a_page_cut_off_mid_quote_keeps_the_open_quote_and_the_rest():
    text = "The minister spoke.\n\n“We will never accept this, and we\n\nA new paragraph without a mark."
    doc = segment(text)
    assert len(doc.sentences) == 3
    (quote,) = doc.quotations
    assert not quote.closed
    assert text[quote.start : quote.end] == "We will never accept this, and we"
