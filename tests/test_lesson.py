import dataclasses
import re

import pytest

from analysis import analyze, make_article
from analysis.classroom.glossary import define, glossary
from analysis.classroom.lesson import Lesson, build_lesson, custom_question
from analysis.compare.actors import story_actors

# A crafted story in four outlets, written so the right answers are known:
# - "The Scold" narrates in loaded, negative words; the others in flat, factual ones
#   (TextBlob scores every one of their sentences 0), so The Scold's narration is the
#   most subjective and the most negative, and so are its sentences naming China;
# - only "Border Post" mentions Pakistan.
FACTUAL = [
    "China moved ships to the strait on Monday.",
    "Officials in Beijing published the schedule of the talks.",
    "The ministry said China would send a delegation.",
    "The delegation from China will arrive in Tokyo on Friday.",
    "The talks will cover fishing rights.",
    "The meeting was set for ten days.",
]
LOADED = [
    "China made a terrible, humiliating mistake.",
    "The awful plan by Beijing is a disgraceful failure.",
    "Chinese diplomats gave a shameful, pathetic answer.",
    "The whole affair is absolutely horrible.",
    "It is a sad and ugly day.",
    "The stupid response of the ministry was outrageous.",
]
PAKISTAN = ["Islamabad sent an observer to the talks.", "Pakistan said it would watch the talks."]


# A second crafted story for the questions across outlets:
# - three outlets report SIGNED, "Regime Watch" leaves it out;
# - only "Evening Bell" gives the contract's value;
# - "Regime Watch" says "regime" six times, nobody else does;
# - two outlets quote the minister, "Morning Star" at greater length.
SIGNED = "The defence ministry signed the contract for the radar system on Tuesday."
TALKS = "Talks between the two governments will resume in Geneva next month."
MONEY = "The deal is worth $4.2 billion, according to the finance ministry."
COVERAGE = {
    "Morning Star": [
        SIGNED,
        TALKS,
        "“We will not accept any pressure from abroad on this purchase,” the minister said.",
        "The radar will be delivered in stages.",
    ],
    "Evening Bell": [
        SIGNED,
        TALKS,
        "The minister said: “We will not accept any pressure from abroad.”",
        MONEY,
    ],
    "Harbour News": [SIGNED, TALKS, "Engineers will install the radar near the coast."],
    "Regime Watch": [
        TALKS,
        "The regime in the capital bought the radar.",
        "The regime hides the cost.",
        "Critics of the regime protested.",
        "The regime did not answer questions.",
        "Officials of the regime declined to comment.",
        "The regime has bought weapons before.",
    ],
}


# A third crafted story for framing and word choice: only "Market Daily" opens with money
# (the economic frame, in its lede and throughout) and writes "claimed" in its narration.
FRAMED = {
    "Market Daily": [
        "Prices rose after the trade deal cost the government billions of dollars.",
        "The ministry claimed the budget would cover the cost.",
        "Exporters expect higher profits and new jobs.",
        "The meeting was set for ten days.",
    ],
    "Plain Times": [
        "The meeting was set for ten days.",
        "The ministry said the talks would resume on Monday.",
        "The delegation will arrive on Friday.",
    ],
    "Quiet Herald": [
        "The delegation will arrive on Friday.",
        "The talks will resume on Monday, the ministry said.",
        "The meeting was set for ten days.",
    ],
}


# A fourth crafted story for sources: who is quoted, and the source cards.
# - US officials speak in Capital Courier and Harbor Gazette, not in Steppe Wire;
# - only Capital Courier quotes an expert, and it quotes 4 voices (the others 2 and 1);
# - only Harbor Gazette grants anonymity; only Steppe Wire relays a quote via an agency;
# - China is talked about in most articles but nobody from China is quoted.
SOURCED = {
    "Capital Courier": [
        "India and the United States met in Delhi to discuss the missile deal with Russia.",
        "“We will buy what we need,” said Rajnath Singh, India's defence minister.",
        "“Sanctions remain possible,” a US State Department spokesperson said.",
        "“The deal is done,” said Ana Perez, an analyst at the Brookings Institution.",
        "“Prices will rise,” said Ravi Kumar, a trader in Mumbai.",
        "China watched the talks closely.",
    ],
    "Harbor Gazette": [
        "The United States warned India over its missile deal with Russia.",
        "“We urge India to reconsider,” said John Smith, the US ambassador to India.",
        "A senior official, speaking on condition of anonymity, claimed the talks were difficult.",
        "China has bought the same system.",
    ],
    "Steppe Wire": [
        "Russia will deliver the missile system to India on time.",
        "“The contract will be honoured,” Kremlin spokesman Dmitry Peskov confirmed, according to TASS.",
        "The United States has threatened sanctions.",
    ],
}


def _article(outlet: str, sentences: list[str], article_id: str):
    text = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
    return make_article(text, id=article_id, outlet=outlet, title=f"{outlet} on the talks")


@pytest.fixture(scope="module")
def crafted_reports():
    articles = [
        _article("Daily Ledger", FACTUAL, "ledger"),
        _article("The Scold", LOADED, "scold"),
        _article("Border Post", FACTUAL + PAKISTAN, "border"),
        _article("Wire Service", FACTUAL[::-1], "wire"),
    ]
    return [analyze(article) for article in articles]


@pytest.fixture(scope="module")
def crafted_lesson(crafted_reports):
    return build_lesson(crafted_reports)


@pytest.fixture(scope="module")
def coverage_lesson():
    reports = [
        analyze(_article(outlet, sentences, outlet.lower().replace(" ", "-")))
        for outlet, sentences in COVERAGE.items()
    ]
    return build_lesson(reports)


@pytest.fixture(scope="module")
def seed_lesson(seed_reports):
    return build_lesson(seed_reports)


def _by_id(lesson: Lesson):
    return {question.id: question for question in lesson.questions}


def test_crafted_answers_are_right_by_construction(crafted_lesson):
    questions = _by_id(crafted_lesson)
    assert questions["narration_subjectivity"].answers == ("The Scold",)
    assert "subjective" in questions["narration_subjectivity"].prompt
    assert questions["narration_tone"].answers == ("The Scold",)
    assert "negative" in questions["narration_tone"].prompt
    assert questions["actor_tone:CN"].answers == ("The Scold",)
    assert "China" in questions["actor_tone:CN"].prompt
    assert questions["only_one_mentions:PK"].answers == ("Border Post",)
    assert "Pakistan" in questions["only_one_mentions:PK"].prompt


def test_crafted_answers_across_outlets_are_right_by_construction(coverage_lesson):
    questions = {question.kind: question for question in coverage_lesson.questions}
    assert questions["left_out"].passage == SIGNED
    assert questions["left_out"].answers == ("Regime Watch",)
    assert questions["only_one_reports"].answers == (MONEY,)
    assert "Evening Bell" in questions["only_one_reports"].reveal
    assert len(questions["only_one_reports"].choices) == 4  # MONEY, SIGNED, TALKS, the quote
    assert questions["distinctive_word"].answers == ("Regime Watch",)
    assert "“regime”" in questions["distinctive_word"].prompt
    assert questions["trimmed_quote"].answers == ("Morning Star",)
    assert set(questions["trimmed_quote"].choices) == {"Morning Star", "Evening Bell"}


def test_crafted_frame_and_word_choice_answers_are_right_by_construction():
    reports = [
        analyze(make_article("\n\n".join(sentences), id=outlet, outlet=outlet, title="Talks"))
        for outlet, sentences in FRAMED.items()
    ]
    questions = _by_id(build_lesson(reports))
    for question_id in ("lede_frame:economic", "frame_only_one:economic"):
        assert questions[question_id].answers == ("Market Daily",)
        assert "economic" in questions[question_id].prompt
        assert "frame.economic" in questions[question_id].terms
    doubt = questions["language_only_one:doubting_attribution"]
    assert doubt.answers == ("Market Daily",)
    marked = {
        e.text[h.start - e.start : h.end - e.start] for e in doubt.evidence for h in e.highlights
    }
    assert marked == {"claimed"}


@pytest.fixture(scope="module")
def sourced_lesson():
    reports = [
        analyze(make_article("\n\n".join(sentences), id=outlet, outlet=outlet, title="Talks"))
        for outlet, sentences in SOURCED.items()
    ]
    return build_lesson(reports)


def test_crafted_source_answers_are_right_by_construction(sourced_lesson):
    questions = _by_id(sourced_lesson)
    unheard = questions["unheard"]
    assert "China" in unheard.choices and "China" not in unheard.answers
    assert set(unheard.answers) == {"India", "United States", "Russia"}
    assert questions["no_official:US"].answers == ("Steppe Wire",)
    assert questions["speaker_type_only_one:expert"].answers == ("Capital Courier",)
    assert questions["most_voices"].answers == ("Capital Courier",)
    assert questions["anonymity"].answers == ("Harbor Gazette",)
    assert questions["second_hand"].answers == ("Steppe Wire",)
    assert "TASS" in questions["second_hand"].reveal


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        (
            "Rajnath Singh",
            {
                "independent": "No",
                "multiple": "Yes",
                "authoritative": "Authoritative",
                "named": "Yes",
            },
        ),
        ("Ana Perez", {"independent": "", "authoritative": "Informed", "named": "Yes"}),
        ("A senior official", {"verifies": "Asserts", "named": "No"}),
        ("Dmitry Peskov", {"multiple": "No", "verifies": "Verifies", "independent": "No"}),
        ("Ravi Kumar", {"authoritative": "", "verifies": ""}),
    ],
)
def test_source_cards_fill_only_what_the_text_tells(sourced_lesson, speaker, expected):
    card = next(card for card in sourced_lesson.cards if card.speaker == speaker)
    answers = {check.id.removeprefix("check."): check.answer for check in card.checks}
    assert {key: answers[key] for key in expected} == expected
    for check in card.checks:
        assert check.reason
        assert check.filled or check.reason.startswith("For students")
    assert card.quotes and all(e.highlights for e in card.quotes)


def test_every_speaker_gets_a_card(sourced_lesson, seed_reports, seed_lesson):
    assert len(sourced_lesson.cards) == 4 + 2 + 1
    assert len(seed_lesson.cards) == sum(len(r.sources.speakers) for r in seed_reports)


def test_a_shared_phrase_is_not_a_trimmed_quote():
    """Two different statements that share five words are not one quotation cut twice."""
    first = "“We urge all of our allies and partners to wait for the review before they sign,” the envoy said."
    second = "“Sanctions will hit all of our allies and partners hard next year,” he said."
    reports = [
        analyze(_article("First Daily", [first, TALKS], "first")),
        analyze(_article("Second Daily", [second, TALKS], "second")),
    ]
    assert "trimmed_quote" not in {question.kind for question in build_lesson(reports).questions}


def test_analyzer_question_answers_with_vaders_own_reading(seed_reports, seed_lesson):
    question = next(q for q in seed_lesson.questions if q.kind == "analyzer_disagreement")
    evidence = question.evidence[0]
    report = next(r for r in seed_reports if r.article.id == evidence.article)
    tone = report.sentiment.sentences[evidence.sentence]
    assert question.passage == evidence.text
    expected = "Positive" if tone.vader > 0 else "Negative"
    assert question.answers == (expected,)
    assert (tone.polarity > 0) == (expected == "Negative")  # the two lexicons disagree


def test_seed_and_crafted_lessons_ask_different_questions(seed_lesson, crafted_lesson):
    seed = {(q.prompt, q.passage, q.choices) for q in seed_lesson.questions}
    crafted = {(q.prompt, q.passage, q.choices) for q in crafted_lesson.questions}
    assert seed and crafted
    assert not seed & crafted


def test_seed_lesson_is_right_about_its_own_results(seed_reports, seed_lesson):
    """Each seed answer re-derived from the reports, independently of the generator."""
    by_outlet = {r.article.outlet: r for r in seed_reports}
    for question in seed_lesson.questions:
        if question.kind == "only_one_mentions":
            key = question.id.split(":", 1)[1]
            # the story's actor with that key, and the mention ids it joins in each article
            actor = next(a for a in story_actors(seed_reports) if a.key == key)
            mentioning = [
                o
                for o, r in by_outlet.items()
                if any((r.article.id, m.actor) in actor.ids for m in r.mentions)
            ]
            assert question.answers == tuple(mentioning)
        if question.id.endswith(":pair"):
            first, second = (by_outlet[label] for label in question.choices[:2])
            metric = "subjectivity" if "subjectivity" in question.kind else "polarity"
            ci = [getattr(r.sentiment.narration, f"{metric}_ci") for r in (first, second)]
            overlap = ci[0][0] <= ci[1][1] and ci[1][0] <= ci[0][1]
            assert (question.answers == (question.choices[2],)) == overlap


def test_no_difference_is_claimed_where_intervals_overlap():
    """Two outlets with the same kind of narration: the answer is that we can't tell."""
    reports = [
        analyze(_article("Left Paper", FACTUAL + LOADED[:2], "left")),
        analyze(_article("Right Paper", FACTUAL[::-1] + LOADED[2:4], "right")),
    ]
    question = _by_id(build_lesson(reports))["narration_subjectivity:pair"]
    assert question.answers == (question.choices[2],)
    assert question.answers[0].startswith("Can't tell")


def test_two_clearly_different_outlets_get_a_pair_question_with_an_answer(crafted_reports):
    question = _by_id(build_lesson(crafted_reports[:2]))["narration_subjectivity:pair"]
    assert question.answers == ("The Scold",)


@pytest.mark.parametrize("lesson_name", ["seed_lesson", "crafted_lesson", "coverage_lesson"])
def test_questions_are_well_formed_with_evidence_in_the_text(request, lesson_name):
    lesson = request.getfixturevalue(lesson_name)
    texts = {article.id: article.text for article in lesson.articles}
    assert len({q.id for q in lesson.questions}) == len(lesson.questions)
    for question in lesson.questions:
        assert "{" not in question.prompt + question.reveal
        assert question.answers and set(question.answers) <= set(question.choices)
        assert set(question.terms) <= set(glossary())
        assert question.evidence
        for evidence in question.evidence:
            assert texts[evidence.article][evidence.start : evidence.end] == evidence.text
            for span in evidence.highlights:
                assert evidence.start <= span.start < span.end <= evidence.end


def test_evidence_highlights_the_words_that_drove_the_answer(crafted_lesson):
    questions = _by_id(crafted_lesson)
    mentions = questions["only_one_mentions:PK"].evidence
    marked = {e.text[h.start - e.start : h.end - e.start] for e in mentions for h in e.highlights}
    assert marked == {"Islamabad", "Pakistan"}
    subjective = questions["narration_subjectivity"].evidence
    assert {e.article for e in subjective} == {"scold"}
    words = {e.text[h.start - e.start : h.end - e.start] for e in subjective for h in e.highlights}
    assert words & {"terrible", "humiliating", "sad", "ugly", "stupid", "outrageous"}


def test_with_two_outlets_nothing_is_left_out_by_most():
    reports = [
        analyze(_article("First Daily", [SIGNED, TALKS], "first")),
        analyze(_article("Second Daily", [TALKS, MONEY], "second")),
    ]
    assert "left_out" not in {question.kind for question in build_lesson(reports).questions}


def test_one_article_gives_no_comparison_questions(crafted_reports):
    assert build_lesson(crafted_reports[:1]).questions == ()


def test_outlets_with_several_articles_get_distinct_labels(crafted_reports):
    twin = analyze(_article("The Scold", LOADED[::-1], "scold-2"))
    lesson = build_lesson([*crafted_reports, twin])
    labels = [article.outlet for article in lesson.articles]
    assert len(set(labels)) == len(labels)


def test_teacher_edits_return_new_lessons(crafted_lesson):
    first, second = crafted_lesson.questions[:2]
    skipped = crafted_lesson.skip(first.id)
    assert first not in skipped.questions and skipped.skipped == (first,)
    assert first in crafted_lesson.questions  # the original is untouched
    assert skipped.restore(first.id, 0).questions == crafted_lesson.questions
    moved = crafted_lesson.move(second.id, 0)
    assert moved.questions[:2] == (second, first)
    assert crafted_lesson.move(first.id, 99).questions[-1] == first
    own = custom_question("Which headline would you trust most?", ["A", "B"], ["B"], "Discuss.")
    added = crafted_lesson.add(own, position=1)
    assert added.questions[1] == own and own.kind == "custom"
    with pytest.raises(ValueError, match="already has"):
        added.add(own)
    with pytest.raises(dataclasses.FrozenInstanceError):
        crafted_lesson.title = "changed"


@pytest.mark.parametrize(
    ("prompt", "choices", "answers", "message"),
    [
        ("  ", (), (), "needs a prompt"),
        ("Which?", ("A", "A"), (), "same text"),
        ("Which?", ("A", "B"), ("C",), "among the choices"),
    ],
)
def test_custom_questions_are_validated(prompt, choices, answers, message):
    with pytest.raises(ValueError, match=message):
        custom_question(prompt, choices, answers)


def test_open_custom_question_needs_no_choices():
    question = custom_question("What would you ask the reporter?")
    assert question.choices == () and question.answers == ()


def test_lesson_glossary_lists_the_terms_its_questions_use(crafted_lesson):
    used = {term for question in crafted_lesson.questions for term in question.terms}
    for card in crafted_lesson.cards:
        used |= {check.id for check in card.checks} | {f"speaker.{card.speaker_type}"}
    assert {term.id for term in crafted_lesson.terms} == used


def test_every_glossary_definition_is_one_sentence():
    for term in glossary().values():
        assert term.definition.endswith((".", "?")), term.id
        assert not re.search(r"[.?!] [A-Z]", term.definition), term.id


def test_every_frame_cue_layer_and_speaker_type_has_a_definition():
    from analysis.framing import BUILT_IN, load_codebook
    from analysis.framing.language import layers

    ids = {f"frame.{frame.id}" for name in BUILT_IN for frame in load_codebook(name).frames}
    ids |= {f"cue.{layer.id}" for layer in layers()}
    ids |= {f"speaker.{kind}" for kind in ("official", "legislator", "expert", "media", "other")}
    assert ids - set(glossary()) == set()


def test_define_names_a_missing_term():
    assert "opinion" in define("subjectivity")
    with pytest.raises(KeyError, match="no glossary entry"):
        define("no-such-metric")


def test_edit_changes_answers_and_reveal_and_checks_the_choices(seed_lesson):
    question = next(q for q in seed_lesson.questions if len(q.choices) >= 2)
    other = next(c for c in question.choices if c not in question.answers)
    edited = seed_lesson.edit(question.id, answers=[other], reveal=" Said otherwise. ")
    changed = edited.question(question.id)
    assert changed.answers == (other,) and changed.reveal == "Said otherwise."
    assert changed.evidence == question.evidence
    assert edited.questions.index(changed) == seed_lesson.questions.index(question)
    assert edited.skip(question.id).edit(question.id, reveal="x").skipped[0].reveal == "x"
    with pytest.raises(ValueError, match="among the choices"):
        seed_lesson.edit(question.id, answers=["not a choice"])
