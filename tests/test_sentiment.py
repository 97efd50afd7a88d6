import numpy as np
import pytest
from textblob.en.sentiments import PatternAnalyzer

from analysis import analyze
from analysis.sentiment import LENSES, analyze_sentiment, score_text, summarize
from analysis.sentiment.intervals import BOOTSTRAP_SEED, bootstrap_intervals
from analysis.text import Span, segment


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The talks were a great success and both sides were happy.", 1),
        ("The visit was a terrible, humiliating failure.", -1),
        ("The ministry published the schedule on Monday.", 0),
    ],
)
def test_sentence_polarity_has_the_expected_direction(sentence, sign):
    tone = analyze(sentence).sentiment.sentences[0]
    assert (tone.polarity > 0.1) - (tone.polarity < -0.1) == sign
    assert (tone.vader > 0.05) - (tone.vader < -0.05) == sign


def test_assessments_name_the_words_that_drove_the_score():
    tone = analyze("It was an excellent plan with a terrible ending.").sentiment.sentences[0]
    words = {word for assessment in tone.assessments for word in assessment.words}
    assert {"excellent", "terrible"} <= words


def test_bootstrap_interval_is_reproducible_and_contains_the_mean(seed_reports):
    report = seed_reports[3]
    again = analyze(report.article).sentiment
    assert again.polarity_ci == report.sentiment.polarity_ci
    low, high = report.sentiment.polarity_ci
    assert low <= report.sentiment.polarity <= high


def test_interval_narrows_as_sentences_grow():
    rng = np.random.default_rng(1)
    small = bootstrap_intervals(rng.normal(0, 0.3, size=(10, 3)))[0]
    large = bootstrap_intervals(rng.normal(0, 0.3, size=(400, 3)))[0]
    assert large[1] - large[0] < small[1] - small[0]


@pytest.mark.parametrize("count", [7, 400, 2500])
def test_interval_is_the_percentile_bootstrap_of_resampled_means(count):
    """The fast path (cached draw counts, blocks for long articles) gives the textbook
    interval: means of rows resampled with replacement, 5th and 95th percentiles."""
    values = np.random.default_rng(count).normal(0, 0.3, size=(count, 3))
    picks = np.random.default_rng(BOOTSTRAP_SEED).integers(0, count, size=(2000, count))
    low, high = np.percentile(values[picks].mean(axis=1), [5, 95], axis=0)
    expected = np.column_stack([low, high])
    np.testing.assert_allclose(bootstrap_intervals(values), expected, atol=0.6e-4)


def test_no_sentences_gives_empty_summary_not_an_error():
    summary = summarize([])
    assert summary.n == 0 and summary.polarity is None and summary.polarity_ci is None


def test_quoted_text_is_scored_apart_from_narration():
    text = "The minister spoke calmly. “This is a wonderful, excellent day,” she said."
    sentiment = analyze(text).sentiment
    assert sentiment.quoted.polarity > 0.5
    assert sentiment.narration.polarity < sentiment.quoted.polarity


def test_tone_toward_actors_counts_mentioning_sentences():
    text = "Washington praised the excellent deal. India was silent. The U.S. and New Delhi met."
    toward = {tone.actor: tone for tone in analyze(text).sentiment.toward}
    assert toward["US"].sentences == (0, 2)
    assert toward["IN"].sentences == (1, 2)
    assert toward["US"].label == "tone of sentences mentioning United States"
    assert toward["US"].polarity > toward["IN"].polarity


def test_moving_a_sentence_into_quotes_changes_its_voice():
    doc = segment("The deal is excellent.")
    narration = analyze_sentiment(doc, [])
    quoted = analyze_sentiment(doc, [Span(0, len(doc.text))])
    assert (narration.narration.n, narration.quoted.n) == (1, 0)
    assert (quoted.narration.n, quoted.quoted.n) == (0, 1)
    assert quoted.quoted.polarity == narration.narration.polarity


def test_score_text_matches_textblobs_own_analyzer(seed_reports):
    report = seed_reports[0]
    for index in range(len(report.document.sentences)):
        text = report.document.sentence_text(index)
        expected = PatternAnalyzer().analyze(text, keep_assessments=True)
        polarity, subjectivity, _, assessments = score_text(text)
        assert (polarity, subjectivity) == (
            round(expected.polarity, 4),
            round(expected.subjectivity, 4),
        )
        assert [a.words for a in assessments] == [tuple(a[0]) for a in expected.assessments]


# --- the news lens -------------------------------------------------------------------


NEWS = LENSES["news"]


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("Rebels attacked the town and killed twelve civilians.", -1),  # verbs and nouns
        ("The flood destroyed hundreds of homes.", -1),
        ("The minister thanked the rescuers and praised their courage.", 1),
        ("Both sides welcomed the breakthrough.", 1),
        ("He warned that they would be made to pay.", -1),  # a threat in plain words
        ("The court released its ruling on Friday.", 0),  # procedure
    ],
)
def test_news_lens_reads_the_nouns_and_verbs_news_tone_is_carried_by(sentence, sign):
    assert NEWS.direction(NEWS.score(sentence)) == sign


def test_names_carry_no_tone():
    assert NEWS.score("The United Nations Security Council met on Monday.") == 0
    assert NEWS.score("The Peace Corps opened an office.") == 0


def test_negation_turns_a_news_word():
    assert NEWS.score("No one was killed.") > NEWS.score("Three people were killed.")


def test_what_follows_but_weighs_more_than_what_precedes_it():
    first = NEWS.score("The deal was a breakthrough but the talks failed.")
    second = NEWS.score("The talks failed but the deal was a breakthrough.")
    assert first < 0 < second


def test_a_conceded_clause_weighs_less():
    conceded = NEWS.score("Despite the threat of sanctions, they signed the agreement.")
    plain = NEWS.score("The threat of sanctions grew as they signed the agreement.")
    assert conceded > plain


def test_descriptive_words_have_no_tone_for_the_news_lens():
    assert NEWS.score("Many new members joined for the first time.") == 0


def test_every_sentence_keeps_the_words_behind_its_news_tone():
    report = analyze("Rebels attacked the town. The minister praised the rescuers.")
    first, second = report.sentiment.sentences
    assert first.tone < 0 < second.tone
    assert {w.text for w in first.words} >= {"attacked"}
    for tone in (first, second):
        for word in tone.words:
            assert report.article.text[word.start : word.end] == word.text


def test_the_textblob_scorer_is_textblobs_own_without_nltk(seed_articles):
    """Built from TextBlob's module without importing the package (and NLTK, SciPy), it
    scores every sentence of the sample exactly as `textblob.en.sentiment` does."""
    import subprocess
    import sys

    from textblob.en import sentiment

    from analysis.sentiment.lexicons import textblob_sentiment

    for article in seed_articles:
        document = segment(article.text)
        for index in range(len(document.sentences)):
            text = document.sentence_text(index)
            ours, theirs = textblob_sentiment()(text), sentiment(text)
            assert tuple(ours) == tuple(theirs) and ours.assessments == theirs.assessments
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from analysis import analyze; analyze('A good day.');"
            "print(sorted({'nltk', 'scipy', 'textblob'} & set(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert loaded.strip() == "[]"
