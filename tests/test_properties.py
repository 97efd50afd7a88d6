"""Invariants over random and adversarial text (hypothesis).

Whatever a user pastes or uploads: loading either gives an Article or an InputError with
a reason; analysing never raises; every offset lies inside the text (headline evidence
inside the title); every quote's `text` is the slice it points to; shares sum to 1; the
comparison does not depend on the order the articles come in; the JSON always validates.

The example count is modest here; `tests/fuzz/` runs the same checks far longer under a
coverage-guided fuzzer.
"""

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import InputError, analyze, article_from_bytes, compare, make_article
from analysis.corpus import clean, normalize, read_manifest
from analysis.report import as_json

from .invariants import check_json, check_report, refused_with_a_reason

# Pieces that exercise every rule: quotation marks of each kind, apostrophes,
# abbreviations, actor names, reporting verbs, markup of several languages, odd Unicode.
# fmt: off
FRAGMENTS = (
    "The minister", "said", "told reporters", "according to", "officials", "Dr. Rao",
    "U.S.", "the US", "India", "Russia", "Washington", "the Pentagon", "NATO", "sanctions",
    "S-400", "$5 billion", "a deal", "good", "terrible", "not bad", "he added", "she said",
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "India’s", "don't", "’90s",
    ". ", "! ", "? ", "… ", "...", ", ", "; ", ": ", " — ", "–", "(", ")", "[", "]",
    "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\u200b", "\u00ad", "\ufeff",
    "<script>alert(1)</script>", "<b>", "</p>", "<img src=x onerror=alert(1)>", "&amp;",
    "**bold**", "_x_", "# ", "[link](javascript:alert(1))", ":red[x]", "$$", "$x$", "`code`",
    "e\u0301", "\u202e", "🙂", "中文", "Привет", "١٢٣", "date 2019-03-04 ", "READ MORE: ",
    "Photo: AP", "Subscribe to our newsletter", "© 2021 Example", "1.", "2.5", "A.B.C.",
)
# fmt: on
words = st.sampled_from(FRAGMENTS)
texts = st.one_of(
    st.lists(words, max_size=60).map(" ".join),
    st.lists(words, max_size=60).map("".join),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def article_or_none(text: str, **metadata: str):
    """The Article, or None when the text is refused, which must be with a reason."""
    try:
        return make_article(text, **metadata)
    except InputError as error:
        refused_with_a_reason(error)
        return None


@SETTINGS
@given(texts, texts)
def test_analysing_any_text_never_raises_and_keeps_every_invariant(text, title):
    """Offsets inside the text, quotes equal to their slices, shares of a whole summing
    to 1, every share between 0 and 1 (tests/invariants.py)."""
    article = article_or_none(text, title=title)
    if article is not None:
        check_report(analyze(article), schema=False)


@SETTINGS
@given(st.lists(texts, min_size=1, max_size=3), st.randoms(use_true_random=False))
@example(["The minister", "The minister The minister"], random.Random(0))  # one-word vocabulary
def test_the_json_report_always_validates_and_is_strict_json(batch, rng):
    outlets = ["Daily <b>News</b>", ":red[Times]", "", "$$Post$$"]
    articles = [article_or_none(text, outlet=rng.choice(outlets)) for text in batch]
    check_json([analyze(article) for article in articles if article is not None])


@settings(SETTINGS, max_examples=25)
@given(st.lists(texts, min_size=2, max_size=4), st.randoms(use_true_random=False))
@example(["The minister", "The minister"], random.Random(1))  # one text under two outlets
def test_the_comparison_does_not_depend_on_the_order_of_the_articles(batch, rng):
    outlets = ["A", "B", "A", ""]
    articles = [article_or_none(text, outlet=outlets[i]) for i, text in enumerate(batch)]
    reports = [analyze(article) for article in articles if article is not None]
    shuffled = reports[:]
    rng.shuffle(shuffled)
    assert as_json(compare(shuffled)) == as_json(compare(reports))
    assert as_json(compare(shuffled, by="article")) == as_json(compare(reports, by="article"))


def test_articles_that_share_an_id_are_compared_whatever_their_order():
    """Two files called story.txt from two folders have the same id."""
    first = make_article("The US said the deal was good. India agreed.", id="story", outlet="A")
    second = make_article("Russia said the deal was bad. India wavered.", id="story", outlet="B")
    forward = compare([analyze(first), analyze(second)])
    backward = compare([analyze(second), analyze(first)])
    assert as_json(forward) == as_json(backward)
    assert len(forward.columns) == 2


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "b.html", "c.md", "", "x.htm"]))
def test_loading_any_bytes_gives_an_article_or_a_reason(data, name):
    try:
        article = article_from_bytes(data, name)
    except InputError as error:
        refused_with_a_reason(error)
        return
    assert article.text.strip() and article.id
    assert article.text == normalize(article.text)


@SETTINGS
@given(texts)
def test_cleaning_is_final_so_an_unchanged_edit_changes_nothing(text):
    article = article_or_none(text)
    if article is None:
        return
    assert clean(article.text)[0] == article.text


@SETTINGS
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_reading_any_manifest_gives_metadata_or_a_reason(tmp_path_factory, text, encoding):
    path = tmp_path_factory.mktemp("manifest") / "manifest.csv"
    path.write_bytes(("file,outlet,date\n" + text).encode(encoding, errors="replace"))
    try:
        entries = read_manifest(path)
    except InputError as error:
        assert error.reason.startswith(("line ", "this looks", "cannot", "the file"))
        return
    assert all(name and "\n" not in name for name in entries)


@SETTINGS
@given(texts, st.sampled_from(["outlet", "title", "url", "date", "note"]))
def test_metadata_is_one_clean_line(text, key):
    article = article_or_none("The minister said the talks went well.", **{key: text})
    value = getattr(article, key)
    assert value == " ".join(value.split())
    assert not any(ord(char) < 32 or 127 <= ord(char) < 160 for char in value)
    if key == "url":
        assert value == "" or value.startswith(("http://", "https://"))


def test_a_shuffled_seed_corpus_compares_the_same(seed_reports):
    shuffled = seed_reports[:]
    random.Random(3).shuffle(shuffled)
    assert as_json(compare(shuffled)) == as_json(compare(seed_reports))
