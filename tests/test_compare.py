import re
from collections import Counter

import pytest

from analysis import analyze, make_article
from analysis.compare import Comparison, compare
from analysis.compare.coverage import sentence_terms
from analysis.compare.disagreement import opposite
from analysis.compare.quotes import same_quotation
from analysis.compare.words import log_odds_z

from .conftest import GOLD


def report(text: str, outlet: str, id: str, title: str = "") -> object:
    return analyze(make_article(text, outlet=outlet, id=id, title=title or id))


def cell_of(row, column: str):
    return next((cell for cell in row.cells if cell.column == column), None)


SHARED = {
    "a": "The defence ministry signed a contract for twelve patrol boats on Monday.",
    "b": "On Monday the ministry of defence signed a contract to buy twelve patrol boats.",
}
ONLY_A = "Heavy flooding closed three schools in the northern province."
ONLY_B = "The opposition leader demanded an inquiry into election spending."


@pytest.fixture(scope="module")
def two_outlets():
    return [
        report(f"{SHARED['a']} {ONLY_A}", "Daily A", "a1"),
        report(f"{SHARED['b']}\n\n{ONLY_B}", "Daily B", "b1"),
    ]


def test_two_articles_share_one_fact_and_differ_on_another(two_outlets):
    coverage = compare(two_outlets).coverage
    shared = [fact for fact in coverage.facts if len(fact.columns) == 2]
    assert len(shared) == 1
    fact = shared[0]
    assert fact.columns == ("Daily A", "Daily B")
    assert {(e.article, e.sentences) for c in fact.cells for e in c.evidence} == {
        ("a1", (0,)),
        ("b1", (0,)),
    }
    facts = {fact.id: fact for fact in coverage.facts}
    only = {entry.column: [facts[i].text for i in entry.facts] for entry in coverage.only}
    assert only == {"Daily A": [ONLY_A], "Daily B": [ONLY_B]}
    omitted = {entry.column: [facts[i].text for i in entry.facts] for entry in coverage.omitted}
    assert omitted == {"Daily A": [ONLY_B], "Daily B": [ONLY_A]}


def test_a_fact_most_others_report_is_omitted_only_where_missing():
    fact = "The central bank raised its main interest rate to six percent on Tuesday."
    reports = [
        report(f"{fact} Exports grew strongly in the spring quarter.", "A", "a"),
        report(f"{fact} Farmers protested against new fuel taxes.", "B", "b"),
        report(f"{fact} The football league postponed the final.", "C", "c"),
        report("A storm damaged power lines along the eastern coast.", "D", "d"),
    ]
    coverage = compare(reports).coverage
    omitted = {entry.column: entry.facts for entry in coverage.omitted}
    rate = next(f for f in coverage.facts if len(f.columns) == 3)
    assert rate.columns == ("A", "B", "C")
    assert omitted["D"] == (rate.id,)
    assert rate.id not in omitted["A"] + omitted["B"] + omitted["C"]


def test_similarity_method_and_threshold_are_swappable(two_outlets):
    def nothing_alike(documents):
        import numpy as np

        return np.eye(len(documents))

    coverage = compare(two_outlets, similarity=nothing_alike).coverage
    assert coverage.method == "nothing_alike"
    assert all(len(fact.columns) == 1 for fact in coverage.facts)
    strict = compare(two_outlets, threshold=0.99).coverage
    assert strict.threshold == 0.99 and all(len(f.columns) == 1 for f in strict.facts)


def test_stop_words_and_masked_names_are_not_terms():
    text = "Minister Ana Ruiz said the talks were useful."
    start = text.index("Ana")
    terms = sentence_terms(text, 0, len(text), [(start, start + len("Ana Ruiz"))])
    assert "the" not in terms and "ana" not in terms and "ruiz" not in terms
    assert {"minister", "said", "talks", "useful"} <= set(terms)
    assert "said talks" not in terms  # a stop-word between: not a phrase


def test_two_adjacent_content_words_make_a_phrase():
    text = "The sanctions relief came, and the long-range missile arrived."
    terms = sentence_terms(text, 0, len(text))
    assert {"sanctions relief", "relief came", "long-range missile"} <= set(terms)
    assert "came long-range" not in terms  # words on both sides of a comma


def test_us_the_country_is_not_us_the_pronoun():
    text = "The US told us nothing."
    assert "US" in sentence_terms(text, 0, len(text))


QUOTE_LONG = (
    "“We will not accept any pressure from outside on our defence purchases,” "
    "the minister said on Friday."
)
QUOTE_SHORT = "The minister said the country “will not accept any pressure from outside”."


def test_a_quote_trimmed_differently_is_one_shared_quote():
    reports = [report(QUOTE_LONG, "A", "a"), report(QUOTE_SHORT, "B", "b")]
    quotes = compare(reports).quotes
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.trimmed and quote.columns == ("A", "B")
    assert quote.common == "will not accept any pressure from outside"
    assert sorted(use.words for use in quote.uses) == [7, 12]
    for use in quote.uses:
        text = reports[0 if use.article == "a" else 1].article.text
        assert text[use.start : use.end] == use.text


def test_the_same_quote_word_for_word_is_not_trimmed():
    reports = [
        report(QUOTE_LONG, "A", "a"),
        report(QUOTE_LONG.replace("Friday", "Monday"), "B", "b"),
    ]
    (quote,) = compare(reports).quotes
    assert not quote.trimmed


def test_scare_quotes_and_unrelated_quotes_are_not_shared():
    reports = [
        report(
            "India is a “strategic partner”, officials said. “Prices will rise,” she said.",
            "A",
            "a",
        ),
        report(
            "Officials called India a “strategic partner”. “The talks went well,” he said.",
            "B",
            "b",
        ),
    ]
    assert compare(reports).quotes == ()


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("we will act now on this", "we will act now on this", True),
        ("b c d", "a b c d e", True),  # a short quote inside a longer one
        ("a b c d e f g", "c d e f g y", True),  # five of six words in a row
        ("p q partners like india", "x y z partners like india w", False),  # three of six
        ("a b c d e f g h i j k l", "v w x y z c d e f g q r", False),  # a stock phrase
        ("a b c d e f g h i j k l", "x b c d e f g h i y z q r s t u", True),  # eight in a row
        ("a b", "a b", False),  # too short to be a quote
    ],
)
def test_same_quotation_needs_a_long_enough_run(first, second, same):
    assert same_quotation(first.split(), second.split()) is same


def test_an_outlet_that_uses_one_label_consistently():
    reports = [
        report(
            "Washington said the talks would continue. Later Washington warned of sanctions. "
            "Analysts said Washington wanted a deal.",
            "A",
            "a",
        ),
        report(
            "The United States said the talks would continue. Later the US warned of "
            "sanctions. Analysts said Washington wanted a deal.",
            "B",
            "b",
        ),
    ]
    labels = {row.actor: row for row in compare(reports).labels}
    consistent = cell_of(labels["US"], "A")
    assert [(f.text, f.count) for f in consistent.forms] == [("Washington", 3)]
    assert consistent.count == 3
    assert [e.sentences for e in consistent.evidence] == [(0, 1, 2)]
    assert {f.text for f in cell_of(labels["US"], "B").forms} == {
        "United States",
        "US",
        "Washington",
    }


def test_log_odds_z_points_toward_the_group_that_uses_a_word_more():
    own = Counter({"regime": 8, "government": 1, "talks": 5})
    others = Counter({"regime": 1, "government": 9, "talks": 5})
    scores = log_odds_z(own, others, own + others)
    assert scores["regime"][1] > 1.96 > 0 > -1.96 > scores["government"][1]
    assert abs(scores["talks"][1]) < 0.5
    swapped = log_odds_z(others, own, own + others)
    assert swapped["regime"][1] == pytest.approx(-scores["regime"][1])


def test_more_evidence_gives_a_larger_z_for_the_same_proportions():
    small = log_odds_z(Counter(a=4, b=2), Counter(a=2, b=4), Counter(a=6, b=6))
    large = log_odds_z(Counter(a=40, b=20), Counter(a=20, b=40), Counter(a=60, b=60))
    assert large["a"][1] > small["a"][1] > 0


def test_distinctive_words_of_each_outlet():
    regime = "The regime rejected the offer. The regime said sanctions were unfair. "
    government = "The government rejected the offer. The government said sanctions were unfair. "
    reports = [
        report(regime * 3, "A", "a"),
        report(government * 3, "B", "b"),
        report(government * 3, "C", "c"),
    ]
    distinctive = {entry.column: entry for entry in compare(reports).distinctive}
    top = distinctive["A"].more[0]
    assert top.term == "regime" and top.z > 1.96 and top.significant
    assert top.count == 6 and top.others == 0
    assert [e.sentences for e in top.evidence] == [(0, 1, 2, 3, 4, 5)]
    assert "regime" in {term.term for term in distinctive["B"].less}
    assert all(term.z < 0 for term in distinctive["B"].less)


def test_names_and_the_outlets_own_name_are_not_distinctive_words():
    a = "Minister Ana Ruiz said the plan works, Ana Ruiz told Daily A. Ruiz smiled."
    reports = [
        report(a * 2, "Daily A", "a"),
        report("The minister said the plan works. " * 2, "B", "b"),
    ]
    (entry_a, _) = compare(reports).distinctive
    terms = {term.term for term in entry_a.more}
    assert not terms & {"ana", "ruiz", "ana ruiz", "daily", "a"}


def test_analyzer_disagreement_lists_opposite_directions_only():
    reports = [
        report("The crisis offered a rare opportunity. The talks were a great success.", "A", "a"),
        report("The ministry published the schedule on Monday.", "B", "b"),
    ]
    comparison = compare(reports)
    assert [(d.article, d.sentence) for d in comparison.disagreement] == [("a", 0)]
    found = comparison.disagreement[0]
    assert found.polarity > 0 > found.vader and found.words == ("rare",)
    rates = {rate.column: (rate.sentences, rate.opposite) for rate in comparison.disagreement_rates}
    assert rates == {"A": (2, 1), "B": (1, 0)}


@pytest.mark.parametrize(
    ("polarity", "vader", "expected"),
    [
        (0.3, -0.3, True),
        (-0.2, 0.5, True),
        (0.3, 0.0, False),
        (0.04, -0.9, False),
        (0.5, 0.5, False),
    ],
)
def test_opposite_needs_both_outside_the_neutral_band(polarity, vader, expected):
    assert opposite(polarity, vader) is expected


def test_outlet_profile_weights_articles_by_words():
    happy = "The excellent talks were a wonderful success. " * 9
    sad = "The awful talks were a terrible failure. "
    reports = [report(happy, "A", "a1"), report(sad, "A", "a2"), report(sad, "B", "b")]
    profiles = {profile.outlet: profile for profile in compare(reports).outlets}
    a = profiles["A"]
    assert a.articles == ("a1", "a2")
    assert a.polarity.low < 0 < a.polarity.high
    assert a.polarity.mean > (a.polarity.low + a.polarity.high) / 2
    b = profiles["B"]
    assert b.polarity.low == b.polarity.mean == b.polarity.high


def test_columns_by_outlet_pool_articles_and_by_article_keep_them_apart():
    reports = [
        report(SHARED["a"], "A", "a1"),
        report(ONLY_A, "A", "a2"),
        report(SHARED["b"], "B", "b1"),
    ]
    by_outlet = compare(reports)
    assert [(c.key, c.articles) for c in by_outlet.columns] == [("A", ("a1", "a2")), ("B", ("b1",))]
    by_article = compare(reports, by="article")
    assert [c.key for c in by_article.columns] == ["a1", "a2", "b1"]
    assert {c for f in by_article.coverage.facts for c in f.columns} == {"a1", "a2", "b1"}


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_articles_gives_a_note_not_an_error(count):
    reports = [report(SHARED["a"], "A", "a")][:count]
    comparison = compare(reports)
    assert "at least 2 articles" in comparison.note
    assert comparison.coverage.facts == () and comparison.quotes == ()


def test_two_articles_of_one_outlet_suggest_comparing_by_article():
    reports = [report(SHARED["a"], "A", "a1"), report(SHARED["b"], "A", "a2")]
    assert "by article" in compare(reports).note
    assert compare(reports, by="article").note == ""


def test_result_does_not_depend_on_the_order_of_articles(seed_reports):
    forward = compare(seed_reports)
    assert isinstance(forward, Comparison) and forward.note == ""
    assert compare(list(reversed(seed_reports))) == forward
    shuffled = seed_reports[2:] + seed_reports[:2]
    assert compare(shuffled, by="article") == compare(seed_reports, by="article")


def test_every_evidence_sentence_exists(seed_reports):
    sentences = {r.article.id: len(r.document.sentences) for r in seed_reports}
    comparison = compare(seed_reports)
    cells = [cell for fact in comparison.coverage.facts for cell in fact.cells]
    cells += [cell for row in comparison.entities for cell in row.cells]
    cells += [cell for row in comparison.labels for cell in row.cells]
    evidence = [e for cell in cells for e in cell.evidence]
    evidence += [e for entry in comparison.distinctive for t in entry.more for e in t.evidence]
    assert evidence
    for item in evidence:
        assert item.sentences and all(0 <= i < sentences[item.article] for i in item.sentences)


@pytest.mark.parametrize("count", [1, 2])
def test_json_report_with_comparison_validates_against_the_schema(count, two_outlets):
    import jsonschema

    from analysis import to_json
    from analysis.export import schema

    report = to_json(two_outlets[:count])
    jsonschema.Draft202012Validator(schema()).validate(report)
    assert bool(report["comparison"]["note"]) is (count == 1)


def test_fact_grouping_keeps_its_measured_precision_on_the_labelled_seed_pairs(seed_reports):
    """A floor under the figures in the README (benchmarks/fact_grouping.py): a change
    that merges sentences sharing only the story's vocabulary fails here."""
    from analysis.evaluate.facts import fact_pairs, grouping_scores

    pairs = fact_pairs(GOLD / "fact_pairs.tsv", seed_reports)
    precision, recall, _ = grouping_scores([seed_reports], pairs)
    # 0.62 and 0.45 since fact terms read predicates and figures (recall was 0.27 with
    # words alone, precision 0.75)
    assert precision is not None and precision >= 0.55
    assert recall is not None and recall >= 0.4


# Floors under the README's figures on real articles, per pair file and part: (precision,
# recall). First runs: recall 0.13 on the devsets pairs, 0.33 and 0.21 on the `more` pairs'
# tune and test stories. A file is measured only when all its folders are here: a part of
# a file's stories can fall far from the file's figure (one folder's test stories alone:
# precision 0.50).
REAL_PAIR_FLOORS = {
    "devsets": ({"tune": (0.75, 0.45), "test": (0.75, 0.25)}, ("shared/devsets",)),
    "more": (
        {"tune": (0.75, 0.28), "test": (0.65, 0.18)},
        tuple(f"devsets-more{n}" for n in range(3, 9)),
    ),
}


@pytest.mark.parametrize("name", list(REAL_PAIR_FLOORS))
def test_fact_grouping_finds_paraphrases_on_the_labelled_real_pairs(name):
    """Paraphrased same-fact pairs are grouped without merging pairs that only share
    names."""
    from analysis.evaluate.facts import grouping_scores
    from benchmarks.fact_grouping import ROOT, pair_sets

    floors, folders = REAL_PAIR_FLOORS[name]
    if not all((ROOT.parent / folder / "articles").is_dir() for folder in folders):
        pytest.skip("development articles not beside the checkout")
    found = {set_name: (by_story, pairs) for set_name, by_story, pairs in pair_sets()}
    for part, (precision_floor, recall_floor) in floors.items():
        precision, recall, _ = grouping_scores(*found[f"{name} {part}"])
        assert precision is not None and precision >= precision_floor, part
        assert recall is not None and recall >= recall_floor, part


def test_every_outlet_of_the_sample_shares_a_fact_with_another(seed_reports):
    """All five outlets report the waiver debate: each shares at least one fact (RT shared
    none when facts were matched by their words alone)."""
    facts = compare(seed_reports).coverage.facts
    sharing = {column for fact in facts if len(fact.columns) > 1 for column in fact.columns}
    assert sharing == {report.article.outlet for report in seed_reports}


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        # a predicate in other words
        (
            "The regulator blocked the takeover.",
            "The watchdog prevented the acquisition.",
            {"predicate:block", "predicate:acquire"},
        ),
        (
            "China was sanctioned under the law.",
            "China was penalised under the law.",
            {"predicate:sanction"},
        ),
        ("The boat capsized near the coast.", "The boat sank near the coast.", {"predicate:sink"}),
        (
            "The former president was found guilty on all counts.",
            "A jury convicted the former president on all counts.",
            {"predicate:convict"},
        ),
        (
            "Rescuers said the fatality count rose overnight.",
            "Rescuers said the death toll rose overnight.",
            {"predicate:die"},
        ),
        (
            "A faulty update knocked computers offline.",
            "A glitch in an update caused an outage.",
            {"predicate:malfunction", "predicate:outage"},
        ),
        # a person by surname, whether or not a rule recognised the name
        (
            "Prime Minister Anthony Albanese welcomed the deal.",
            "The deal was welcomed by Albanese.",
            {"albanes"},
        ),
        # a figure in other forms
        ("Ruto won 7,176,141 votes.", "Ruto won 7.18 million votes.", {"number:7.2 million"}),
        ("Five people were aboard.", "There were 5 people aboard.", {"number:5"}),
        (
            "The toll passed 5,000 on Tuesday.",
            "More than 5,000 died, officials said.",
            {"number:5,000", "predicate:die"},
        ),
    ],
)
def test_fact_terms_match_a_fact_told_in_other_words(first, second, shared):
    from analysis.compare.coverage import fact_terms
    from analysis.compare.entities import key_entities

    reports = [report(first, "A", "a"), report(second, "B", "b")]
    terms = [
        set(fact_terms(r, 0, len(r.article.text), found))
        for r, found in zip(reports, key_entities(reports), strict=True)
    ]
    assert shared <= terms[0] & terms[1]


def test_attribution_is_not_a_fact_term_and_a_year_stays_whole():
    from analysis.compare.coverage import fact_terms

    r = report("The law was passed in 2017, officials said.", "A", "a")
    terms = fact_terms(r, 0, len(r.article.text), [])
    assert "number:2017" in terms
    assert not {"said", "say"} & set(terms)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[numbers]\nreason = 'r'\nfive = 5\n", "[attribution]"),
        (
            "[attribution]\nreason = 'r'\nwords = ['say']\n[numbers]\nreason = 'r'\n"
            "[[predicate]]\nname = 'say'\nwords = ['says']\nreason = 'r'\n",
            "already read by [attribution]",
        ),
        (
            "[attribution]\nreason = 'r'\nwords = ['said']\n[numbers]\nreason = 'r'\n"
            "[[predicate]]\nname = 'block'\nwords = ['Block']\nreason = 'r'\n",
            "line 6",
        ),
        (
            "[attribution]\nreason = 'r'\nwords = []\n[numbers]\nreason = 'r'\nten = -1\n",
            "needs a number > 0",
        ),
        (
            "[attribution]\nreason = 'r'\nwords = []\n[numbers]\nreason = 'r'\n"
            "[[predicate]]\nname = 'block'\nwords = ['block']\n",
            "needs a `name` and a `reason`",
        ),
    ],
)
def test_a_bad_fact_lexicon_names_the_entry(text, message):
    from analysis.compare.fact_lexicon import parse_fact_lexicon
    from analysis.errors import DataFileError

    with pytest.raises(DataFileError, match=re.escape(message)):
        parse_fact_lexicon(text, "lexicon.toml")


VOICES_A = (
    "“We will not accept any pressure on our defence purchases,” said Ana Ruiz, the "
    "defence minister of India. Washington warned India again. India and Russia signed the "
    "deal. “The talks were useful,” said Tom Hale, a scholar at the Brookings Institution."
)
VOICES_B = (
    "“We will not accept any pressure on our defence purchases,” Ana Ruiz, the defence "
    "minister of India, told reporters. Russia welcomed the deal. Officials in Washington "
    "claimed the deal was a mistake, said Mark Lowe, a US State Department spokesman."
)


@pytest.fixture(scope="module")
def voiced():
    return compare([report(VOICES_A, "A", "a"), report(VOICES_B, "B", "b")])


def test_the_same_speaker_quoted_by_two_outlets(voiced):
    names = {speaker.name: speaker for speaker in voiced.speakers}
    assert list(names) == ["Ana Ruiz"]
    ruiz = names["Ana Ruiz"]
    assert [(cell.column, cell.count) for cell in ruiz.cells] == [("A", 1), ("B", 1)]
    assert [e.sentences for cell in ruiz.cells for e in cell.evidence] == [(0,), (0,)]


def test_voices_count_speakers_by_type_and_country_against_countries_mentioned(voiced):
    a = next(v for v in voiced.voices if v.column == "A")
    assert a.voices == 2 and a.quotes >= 2
    assert {c.key: c.count for c in a.by_type} == {"official": 1, "expert": 1}
    assert {c.key: c.count for c in a.mentioned}["IN"] == 3
    assert "RU" in a.unheard and "IN" not in a.unheard
    assert a.summary.startswith("Quotes 2 voices:")
    assert "1 official from India" in a.summary and "no voice from Russia" in a.summary


def test_voices_summary_of_an_outlet_that_quotes_nobody():
    comparison = compare([report("India met Russia.", "A", "a"), report(VOICES_A, "B", "b")])
    silent = comparison.voices[0]
    assert silent.voices == 0
    assert silent.summary.startswith("Quotes nobody; no voice from India (mentioned 1 time)")


def test_reporting_verbs_per_side_and_outlet(voiced):
    sides = {side.country: side for side in voiced.verbs}
    india = {cell.column: [(f.text, f.count) for f in cell.forms] for cell in sides["IN"].cells}
    assert india == {"A": [("say", 1)], "B": [("tell", 1)]}


def test_talked_about_and_heard_shares_each_add_up_to_one(seed_reports):
    from analysis.compare.voices import talked_about_and_heard

    for report in seed_reports:
        rows = talked_about_and_heard(report)
        assert sum(r.talked for r in rows) == pytest.approx(1.0)
        if report.sources.quotes:
            assert sum(r.heard for r in rows) == pytest.approx(1.0)
        quoted = {r.country: r.quotes for r in rows if r.quotes}
        assert quoted == report.sources.source_mix.by_country


def test_a_speaker_quoted_by_two_outlets_is_one_voice_with_both():
    from analysis.compare.voices import speakers_across

    first = analyze(make_article('"We will not sign," said Ana Pérez, the trade minister.', id="a"))
    second = analyze(
        make_article('Ana Pérez said on Monday that talks would resume. "Soon," she added.', id="b")
    )
    found = [s for s in speakers_across([first, second]) if s.name == "Ana Pérez"]
    assert len(found) == 1
    assert found[0].articles == ("a", "b") and found[0].quotes == 3
    assert found[0].role  # the first article's description is kept


def test_cue_suggestions_are_words_of_carrying_sentences_not_yet_cues():
    from analysis.compare.suggest import suggest_cues
    from analysis.framing import load_codebook

    codebook = load_codebook("policy")
    text = (
        "The court ruled the law unconstitutional, and litigants wept. "
        "Litigants filed appeals in the court. The judge told litigants to wait. "
        "Weather was mild. Shops opened late. Buses ran on time."
    )
    reports = [analyze(make_article(text, id=str(i)), codebook) for i in range(4)]
    suggestions = suggest_cues(reports, codebook)
    legality = {s.term for s in suggestions if s.frame == "legality"}
    cues = {
        w
        for frame in codebook.frames
        if frame.id == "legality"
        for c in frame.cues
        for w in c.text.split()
    }
    assert "litigants" in legality and not legality & cues
