"""Frames and language cues: cue matching, codebook files, scoring rules and invariances."""

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import DataFileError, analyze, make_article
from analysis.cli import main
from analysis.evaluate import evaluate
from analysis.evaluate.frames import counts
from analysis.framing import analyze_framing, load_codebook, parse_codebook
from analysis.framing.cues import Entry, Matcher, tokenize
from analysis.framing.frames import FRAME_PRESENT_MIN_SENTENCES, FRAME_STRONG_SENTENCE_WEIGHT
from analysis.framing.language import analyze_language
from analysis.knowledge import find_mentions
from analysis.text import segment

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
GOLD = ROOT / "tests" / "gold"


def matched(cue: str, text: str) -> list[str]:
    hits = Matcher([Entry(cue, "g")]).find(tokenize(text))
    return [text[hit.start : hit.end] for hit in hits]


@pytest.mark.parametrize(
    ("cue", "text", "expected"),
    [
        ("sanction", "The US sanctioned a Chinese agency.", ["sanctioned"]),
        ("sanction", "New sanctions and more SANCTIONING.", ["sanctions", "SANCTIONING"]),
        ("policy", "Two policies failed.", ["policies"]),
        ("plan", "It was planned and planning continues.", ["planned", "planning"]),
        ("raise", "Prices were raised; raising them again.", ["raised", "raising"]),
        ("war", "A warning is not a war.", ["war"]),
        ("law", "The lawyer cited the law.", ["law"]),
        ("human right", "human-rights groups and human rights", ["human-rights", "human rights"]),
        ("air defense", "an air-defense system", ["air-defense"]),
        ("econom*", "Economists said the economic cost", ["Economists", "economic"]),
        ("call on _ to", "They called on New Delhi to act.", ["called on New Delhi to"]),
        ("call on _ to", "They called on the four big member states to act.", []),
        ("=arms", "arm, arms and armed", ["arms"]),
        (
            "india economy",
            "India’s economy, India's economy",
            ["India’s economy", "India's economy"],
        ),
        ("may #", "in May 2019 it may rain", ["May 2019"]),
        ("deal worth", "a deal worth $5 billion", ["deal worth"]),
    ],
)
def test_cue_matching(cue, text, expected):
    assert matched(cue, text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aSsİΣ'’_ .1", max_size=24), st.integers(0, 24), st.integers(0, 24))
def test_tokens_are_the_words_but_a_possessive_s(text, start, end):
    start, end = min(start, end, len(text)), min(max(start, end), len(text))
    expected = [
        (match.group().lower(), match.start(), match.end())
        for match in re.compile(r"[^\W_]+").finditer(text, start, end)
        if not (
            match.group() in ("s", "S") and match.start() > 0 and text[match.start() - 1] in "'’"
        )
    ]
    tokens = tokenize(text, start, end)
    found = [(w, m.start(), m.end()) for w, m in zip(tokens.words, tokens.matches, strict=True)]
    assert found == expected


def test_longest_cue_wins_over_its_parts():
    matcher = Matcher([Entry("war", "economic"), Entry("trade war", "economic")])
    hits = matcher.find(tokenize("A trade war is not a war."))
    assert [hit.entry.cue for hit in hits] == ["trade war", "war"]


def test_groups_match_as_if_alone():
    text = "A trade war is not a war."
    entries = [Entry("war", "security"), Entry("trade war", "economic")]
    together = Matcher(entries).find(tokenize(text))
    alone = sorted(
        (hit for entry in entries for hit in Matcher([entry]).find(tokenize(text))),
        key=lambda hit: hit.start,
    )
    assert together == alone
    assert [(hit.entry.group, text[hit.start : hit.end]) for hit in together] == [
        ("economic", "trade war"),
        ("security", "war"),
        ("security", "war"),
    ]


def test_negative_cue_blocks_its_group_only():
    matcher = Matcher(
        [
            Entry("war", "security"),
            Entry("trade war", "security", negative=True),
            Entry("trade war", "economic"),
        ]
    )
    hits = matcher.find(tokenize("The trade war escalated."))
    assert [hit.entry.group for hit in hits] == ["economic"]


CUE_WORDS = ["trade", "war", "on", "prices"]
CUES = ["trade", "trade war", "war", "war on", "price war", "pric*", "trade _ on"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(CUE_WORDS), max_size=14),
    st.lists(
        st.tuples(
            st.sampled_from(CUES), st.sampled_from("ab"), st.booleans(), st.sampled_from([0.5, 1.0])
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_one_matcher_finds_what_a_matcher_per_group_finds(words, specs):
    entries = [Entry(cue, group, weight, negative) for cue, group, negative, weight in specs]
    tokens = tokenize(" ".join(words))
    for group in "ab":
        alone = Matcher([entry for entry in entries if entry.group == group]).find(tokens)
        together = [hit for hit in Matcher(entries).find(tokens) if hit.entry.group == group]
        assert together == alone


def test_a_frame_named_like_a_language_layer_keeps_apart_from_it():
    codebook = parse_codebook(MINIMAL.replace('id = "money"', 'id = "hedges"'))
    doc = segment("Prices may rise. Perhaps the price will fall.")
    framing = analyze_framing(doc, (), (), codebook)
    frame = next(score for score in framing.frames if score.frame == "hedges")
    assert [cue.cue for item in frame.evidence for cue in item.cues] == ["price", "price"]
    assert framing.language == analyze_language(doc, ())
    hedges = next(layer for layer in framing.language.layers if layer.layer == "hedges")
    assert [term.term for term in hedges.terms] == ["=may", "perhaps"]


MINIMAL = """
[codebook]
id = "mini"
name = "Minimal"

[[frame]]
id = "money"
label = "Money"
definition = "Prices and costs."
cues = ["price", { cue = "deal", weight = 0.5 }]

[[frame]]
id = "empty"
label = "Empty"
definition = "No cues at all."
cues = []
"""


@pytest.mark.parametrize(
    ("broken", "line", "words"),
    [
        (MINIMAL.replace('name = "Minimal"', 'name = "Minimal'), 4, ["not valid TOML"]),
        (MINIMAL.replace('label = "Money"\n', ""), 6, ["money", "label"]),
        (MINIMAL.replace("cues = []", 'cue = ["x"]'), 16, ["empty", "unknown key `cue`"]),
        (MINIMAL.replace('"price"', '"pr*"'), 10, ["money", "cues", "pr*"]),
        (MINIMAL.replace("weight = 0.5", "weight = 0"), 10, ["deal", "weight"]),
        (MINIMAL.replace('id = "empty"', 'id = "money"'), 13, ["money", "twice"]),
        (MINIMAL.replace('id = "empty"', 'id = "Empty Frame"'), 13, ["frame #2", "id"]),
        (MINIMAL.replace('cues = ["price"', 'cues = [42, "price"'), 10, ["money", "42"]),
        (MINIMAL.replace("cues = []", 'cues = "tax"'), 16, ["empty", "must be a list"]),
        (MINIMAL.replace("cues = []", "countries = -1"), 16, ["empty", "countries"]),
    ],
)
def test_malformed_codebook_names_line_and_key(broken, line, words):
    with pytest.raises(DataFileError) as error:
        parse_codebook(broken, "mini.toml")
    message = str(error.value)
    assert message.startswith("mini.toml")
    assert f"line {line}" in message
    for word in words:
        assert word in message


def test_codebook_without_frames_is_an_error():
    with pytest.raises(DataFileError, match="no frames"):
        parse_codebook('[codebook]\nid = "x"\nname = "X"\n', "x.toml")


def test_unknown_codebook_name_says_what_to_use():
    with pytest.raises(DataFileError, match="policy or generic"):
        load_codebook("no-such-codebook")


def test_edited_codebook_file_loads_without_code_change(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    first = load_codebook(path)
    path.write_text(MINIMAL.replace('"price"', '"price", "cost"'), encoding="utf-8")
    edited = load_codebook(str(path))
    assert [frame.id for frame in first.frames] == ["money", "empty"]
    assert first.hash != edited.hash
    report = analyze("It will cost a lot. The cost is high.", codebook=path)
    money = report.framing.frames[0]
    assert money.share == 1.0 and money.present and money.dominant


@pytest.mark.parametrize("name", ["policy", "generic"])
def test_built_in_codebooks_define_every_frame(name):
    codebook = load_codebook(name)
    assert codebook.id == name
    for frame in codebook.frames:
        assert frame.label and len(frame.definition) > 40
        if name == "generic":
            assert frame.questions, frame.id


def test_policy_codebook_has_the_fifteen_dimensions():
    assert len(load_codebook("policy").frames) == 15


def score(text: str, codebook="policy", title: str = ""):
    article = make_article(text, title=title)
    return {s.frame: s for s in analyze(article, codebook=codebook).framing.frames}


def test_empty_frame_scores_zero_on_every_seed(seed_reports):
    for report in seed_reports:
        other = next(s for s in report.framing.frames if s.frame == "other")
        assert (other.share, other.density, other.present, other.evidence) == (0, 0, False, ())


def test_empty_frame_scores_zero_in_a_custom_codebook():
    frames = score("No cues here. Prices rose. The price doubled.", parse_codebook(MINIMAL))
    assert frames["empty"].share == 0 and not frames["empty"].present
    assert frames["money"].sentences == 2


def test_one_sentence_is_a_passing_mention_not_a_frame():
    text = "The minister met farmers. They talked about the weather. A court met on it."
    legality = score(text)["legality"]
    assert legality.sentences == 1 < FRAME_PRESENT_MIN_SENTENCES
    assert not legality.present and not legality.dominant


def test_one_sentence_built_around_a_frame_is_enough():
    text = "The minister met farmers. They talked about the weather. The court ruled on it."
    legality = score(text)["legality"]
    assert legality.sentences == 1
    assert sum(cue.weight for cue in legality.evidence[0].cues) >= FRAME_STRONG_SENTENCE_WEIGHT
    assert legality.present


def test_weak_cues_need_company():
    frames = score("They signed a deal. The deal was a big sale.", parse_codebook(MINIMAL))
    evidence = frames["money"].evidence
    assert [item.carries for item in evidence] == [False, False]
    frames = score("The deal has a price.", parse_codebook(MINIMAL))
    assert frames["money"].sentences == 1


def test_headline_and_first_paragraph_are_the_lede():
    text = "Talks went on.\n\nThe court ruled against the law. Lawyers appealed."
    plain = score(text)["legality"]
    titled = score(text, title="Court strikes down sanctions law")["legality"]
    assert not plain.lede.present
    assert titled.lede.present
    assert [cue.text for cue in titled.lede.headline] == ["Court", "sanctions", "law"]
    assert all(cue.voice == "headline" for cue in titled.lede.headline)


NARRATED = (
    "Officials met on Monday. The sanctions law bars the sale under the treaty. "
    "The meeting ended early."
)
QUOTED = (
    "Officials met on Monday. “The sanctions law bars the sale under the treaty,” an "
    "official said. The meeting ended early."
)


def test_moving_a_sentence_into_quotes_moves_its_frame_to_quoted():
    narrated, quoted = score(NARRATED)["legality"], score(QUOTED)["legality"]
    assert narrated.narration_share > 0 and narrated.quoted_share is None
    assert quoted.narration_share == 0 and quoted.quoted_share == 1.0
    assert narrated.share == quoted.share
    assert {cue.voice for item in quoted.evidence for cue in item.cues} == {"quoted"}


def frame_summary(report):
    return [
        (s.frame, s.share, s.present, s.dominant, s.sentences, s.lede.present, cue_texts(s))
        for s in report.framing.frames
    ]


def cue_texts(frame_score):
    return [cue.text for item in frame_score.evidence for cue in item.cues]


def test_renaming_the_outlet_changes_nothing(seed_articles):
    for article in seed_articles:
        renamed = replace(article, outlet="Some Other Outlet", outlet_country="Nowhere")
        assert frame_summary(analyze(renamed)) == frame_summary(analyze(article))


@pytest.mark.parametrize("codebook", ["policy", "generic"])
def test_renaming_people_changes_nothing(codebook):
    text = (ARTICLES / "trade_dispute.txt").read_text(encoding="utf-8")
    renamed = text.replace("Claire Dubois", "Anna Kowalski").replace("Dubois", "Kowalski")
    renamed = renamed.replace("Marco Rossi", "Tom Baker")
    assert renamed != text
    original = analyze(make_article(text), codebook)
    other = analyze(make_article(renamed), codebook)
    assert frame_summary(other) == frame_summary(original)


def test_seeds_sanity(seed_reports):
    """The issue's expectations: sanctions law and security in every seed article; the
    human-rights (morality) frame only in the article that raises human rights."""
    for report in seed_reports:
        present = set(report.framing.present)
        assert {"legality", "security_defense"} <= present, report.article.outlet
        raises_rights = "human rights" in report.article.text
        assert ("morality" in present) == raises_rights, report.article.outlet


def test_hedges_and_attribution_layers():
    text = (
        "The minister claimed the plan may work. Officials said it was ready. "
        "In May 2019 the law changed."
    )
    doc = segment(text)
    layers = {layer.layer: layer for layer in analyze_language(doc, doc.quotations).layers}
    assert [t.term for t in layers["doubting_attribution"].terms] == ["claim"]
    assert [t.term for t in layers["neutral_attribution"].terms] == ["said"]
    assert [cue.text for item in layers["hedges"].evidence for cue in item.cues] == ["may"]


def test_actor_labels_count_each_form():
    text = (
        "Washington warned New Delhi. The Trump administration said Washington would act. "
        "“India will decide,” a minister said."
    )
    doc = segment(text)
    language = analyze_language(doc, doc.quotations, find_mentions(text))
    by_actor = {actor.actor: actor for actor in language.actor_labels}
    us = {label.label: label.count for label in by_actor["US"].labels}
    assert us == {"Washington": 2, "Trump administration": 1}
    india = {label.label: (label.narration, label.quoted) for label in by_actor["IN"].labels}
    assert india == {"New Delhi": (1, 0), "India": (0, 1)}


def test_frame_evidence_points_at_the_matched_words(seed_reports):
    for report in seed_reports:
        text = report.article.text
        for frame in report.framing.frames:
            for item in frame.evidence:
                sentence = report.document.sentences[item.sentence]
                for cue in item.cues:
                    assert text[cue.start : cue.end] == cue.text
                    assert sentence.start <= cue.start < cue.end <= sentence.end


def test_generic_codebook_scores_other_topics():
    text = (ARTICLES / "refugee_policy.txt").read_text(encoding="utf-8")
    framing = analyze(make_article(text), "generic").framing
    assert "human_interest" in framing.present and "morality" in framing.present


def test_framing_without_language_inputs_works():
    doc = segment("A short text about prices.")
    framing = analyze_framing(doc, (), (), "generic")
    assert framing.codebook.id == "generic" and framing.language.actor_labels == ()


def test_countries_weight_adds_to_sentences_naming_two_countries():
    book = parse_codebook(
        MINIMAL.replace("cues = []", 'cues = ["talks"]\ncountries = 1.0'), "mini.toml"
    )
    frames = score("India and Russia signed. Russia signed. India held talks.", book)
    evidence = frames["empty"].evidence
    assert [item.sentence for item in evidence if item.carries] == [0, 2]
    assert [cue.text for cue in evidence[0].cues] == ["India", "Russia"]
    assert sum(cue.weight for cue in evidence[0].cues) == 1.0


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(True, True), (True, False), (False, True), (False, False)], (0.5, 0.5, 0.5)),
        ([(True, True), (True, True), (True, False)], (1.0, 0.6667, 0.8)),
        ([(False, False), (False, False)], (None, None, None)),
        ([(True, False)], (None, 0.0, 0.0)),
        ([(False, True)], (0.0, None, 0.0)),
    ],
)
def test_precision_recall_counts(pairs, expected):
    row = counts("f", "F", pairs)
    assert (row.precision, row.recall, row.f1) == expected


@pytest.fixture(scope="module")
def frame_evaluations():
    return {result.codebook: result for result in evaluate([GOLD / "frames.toml"])}


@pytest.mark.parametrize("codebook", ["policy", "generic"])
def test_frames_agree_with_hand_annotation(frame_evaluations, codebook):
    """Floors, not measured values (README has those). Precision: a teacher should be
    able to trust a 'present' flag at least four times in five. Recall: the tool should
    find at least three in five annotated frames. F1 must beat, by a clear margin, the
    trivial tool that marks every frame present, computed from the same gold file."""
    result = frame_evaluations[codebook]
    assert result.articles == 7
    assert result.micro.precision >= 0.8
    assert result.micro.recall >= 0.6
    assert result.micro.f1 >= result.baseline_all_present.f1 + 0.05


def test_gold_names_only_frames_of_the_codebooks():
    gold = tomllib.loads((GOLD / "frames.toml").read_text(encoding="utf-8"))
    for entry in gold["article"]:
        for name, annotation in entry["frames"].items():
            ids = {frame.id for frame in load_codebook(name).frames}
            assert set(annotation["present"]) <= ids
            assert set(annotation["dominant"]) <= set(annotation["present"])


def test_evaluate_command_reports_frames_and_rejects_unknown_ids(tmp_path, capsys):
    assert main(["evaluate", str(GOLD / "frames.toml")]) == 0
    out = capsys.readouterr().out
    assert "frames.policy" in out and "frames.generic" in out and "micro-average" in out
    bad = tmp_path / "bad.toml"
    bad.write_text(
        f'base = "{ROOT.as_posix()}"\n[[article]]\nfile = "seeds/000_2678fe8018fd7754.txt"\n'
        '[article.frames.policy]\npresent = ["economics"]\ndominant = []\n',
        encoding="utf-8",
    )
    assert main(["evaluate", str(bad)]) == 2
    assert "frame ids" in capsys.readouterr().err


def test_report_table_csv_and_json_carry_frames(tmp_path, capsys):
    assert main(["--codebook", "generic", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert "dominant_frame" in header and "frame_conflict_share" in header
    assert main(["--codebook", str(tmp_path / "missing.toml")]) == 2
    assert "no such codebook" in capsys.readouterr().err


def test_renaming_people_in_a_seed_changes_nothing(seed_articles):
    """People who are not in the actor gazetteer (heads of government are: they count
    as their country) can be renamed without any frame changing."""
    article = next(a for a in seed_articles if "Tanvi Madan" in a.text)
    text = article.text.replace("Tanvi Madan", "Ruth Okafor").replace("Madan", "Okafor")
    text = text.replace("Eric Sayers", "Paul Lindqvist").replace("Sayers", "Lindqvist")
    renamed = replace(article, text=text)
    assert frame_summary(analyze(renamed)) == frame_summary(analyze(article))


WORDS = ["The", "court", "ruled", "prices", "rose", "troops", "moved", "India", "Russia", "talks"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=8),
    st.booleans(),
)
def test_scores_are_well_formed_on_any_text(sentences, quote_one):
    text = " ".join(" ".join(words) + "." for words in sentences)
    if quote_one:
        text = "“" + text + "” an official said."
    report = analyze(make_article(text, title="Talks on prices"))
    n = len(report.document.sentences)
    dominant = [s for s in report.framing.frames if s.dominant]
    assert len(dominant) <= 1 and all(s.present for s in dominant)
    for s in report.framing.frames:
        assert 0 <= s.share <= 1 and s.sentences <= n and s.density >= 0
        assert s.sentences == sum(1 for item in s.evidence if item.carries)
        for item in s.evidence:
            for cue in item.cues:
                assert text[cue.start : cue.end] == cue.text
    for layer in report.framing.language.layers:
        assert layer.count == layer.narration + layer.quoted
        assert layer.count == sum(term.count for term in layer.terms)


@pytest.mark.parametrize("codebook", ["policy", "generic"])
def test_docs_report_the_current_measurement(frame_evaluations, codebook):
    """The accuracy table of docs/framing.md (section 4) must be re-measured whenever cues
    or thresholds change."""
    result = frame_evaluations[codebook]
    row = next(
        line
        for line in (ROOT / "docs" / "framing.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| {codebook} (")
    )
    micro = result.micro
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1:5] == [
        f"{micro.precision:.2f}",
        f"{micro.recall:.2f}",
        f"{micro.f1:.2f}",
        f"{result.baseline_all_present.f1:.2f}",
    ]
    assert cells[5].startswith(f"{result.dominant_correct}/{result.articles}")


# One sentence per kind of news, written for these tests, each carried by cues added when
# the codebooks were extended beyond arms-deal stories (docs/framing.md, section 1).
@pytest.mark.parametrize(
    ("codebook", "frame", "sentence"),
    [
        ("policy", "political", "The incumbent faced a leadership contest after the reshuffle."),
        ("policy", "legality", "The company will appeal the verdict."),
        ("policy", "crime_punishment", "Two suspects were charged over the looting of shops."),
        ("policy", "health_safety", "Dozens drowned and others were treated for hypothermia."),
        ("policy", "health_safety", "Residents were evacuated as the wildfire spread."),
        ("policy", "policy_prescription", "Negotiators agreed a roadmap to phase out coal."),
        ("policy", "economic", "Depositors fled as the lender slid into insolvency."),
        ("policy", "economic", "The union rejected the pay offer."),
        ("policy", "capacity_resources", "Wards are short staffed and the waiting list grows."),
        ("policy", "public_opinion", "Thousands took to the streets and held a vigil."),
        ("policy", "external_regulation", "World leaders promised international aid."),
        ("policy", "security_defense", "Militia fighters besieged the town and bombed it."),
        ("policy", "cultural_identity", "The moon landing became a source of national pride."),
        ("policy", "morality", "Critics called the scheme dishonest and greedy."),
        ("policy", "fairness_equality", "The cuts favour the wealthy over the disadvantaged."),
        ("policy", "quality_of_life", "Households cannot make ends meet."),
        ("policy", "legality", "Applicants face deportation once their asylum claims fail."),
        ("generic", "conflict", "The company said it would appeal the ruling."),
        ("generic", "conflict", "Demonstrators staged a walkout."),
        ("generic", "responsibility", "Critics accused the board of negligence."),
        ("generic", "economic_consequences", "Depositors fled and the lender became insolvent."),
        ("generic", "human_interest", "A survivor said she had lost a loved one."),
        ("generic", "morality", "Protesters called the decision despicable."),
    ],
)
def test_cues_for_every_kind_of_news(codebook, frame, sentence):
    framing = analyze(make_article(sentence), codebook=codebook).framing
    assert frame in framing.by_sentence().get(0, ())


# Look-alikes: words of a frame used in another sense carry nothing (negative cues, weak
# weights for words that also name an actor or the topic of a story).
@pytest.mark.parametrize(
    ("codebook", "frame", "sentence"),
    [
        ("policy", "capacity_resources", "Time is running out for the talks."),
        ("policy", "economic", "He won 7.2 million votes."),
        ("policy", "health_safety", "Protesters stormed the parliament building."),
        ("policy", "security_defense", "A navy helicopter joined the search for survivors."),
        ("policy", "crime_punishment", "She spoke of her deeply held convictions."),
        ("generic", "economic_consequences", "The ruling is a loss for women everywhere."),
    ],
)
def test_look_alikes_do_not_carry_a_frame(codebook, frame, sentence):
    framing = analyze(make_article(sentence), codebook=codebook).framing
    assert frame not in framing.by_sentence().get(0, ())


def test_frames_by_sentence_lists_what_each_sentence_carries():
    framing = analyze(make_article("Prices rose. The court ruled. Nothing else."), "policy").framing
    by_sentence = framing.by_sentence()
    assert "economic" in by_sentence[0] and "legality" in by_sentence[1]
    assert 2 not in by_sentence
