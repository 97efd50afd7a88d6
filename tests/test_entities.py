import pytest

from analysis import analyze, make_article
from analysis.compare.entities import find_entities, key_entities
from analysis.knowledge import find_mentions


def keys(text: str, kind: str) -> set[str]:
    return {m.key for m in find_entities(text) if m.kind == kind}


def people(text: str) -> set[str]:
    """People are actors now (analysis.knowledge), not key entities: the same rules."""
    return {m.name for m in find_mentions(text) if m.kind == "person"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("a deal worth $5.43 billion", "USD 5.4 billion"),
        ("a deal worth US$5.4bn", "USD 5.4 billion"),
        ("a deal worth 5.4 billion dollars", "USD 5.4 billion"),
        ("Rs 40,000 crore", "INR 400 billion"),
        ("€300 million in aid", "EUR 300 million"),
        ("a $3 billion purchase", "USD 3 billion"),
    ],
)
def test_amounts_of_money_share_a_key_across_forms(text, key):
    assert keys(text, "money") == {key}


def test_percentages_and_large_numbers():
    text = "Prices rose 12 percent, and 40 million people voted; 3.5% said no."
    assert keys(text, "number") == {"12%", "3.5%", "40 million"}


def test_a_law_written_out_in_one_text_and_abbreviated_in_another_is_one_entity():
    first = "It violates the Countering America’s Adversaries Through Sanctions Act (CAATSA)."
    second = "Washington’s Countering America’s Adversaries Through Sanctions Act applies."
    third = "CAATSA sanctions may follow."
    found = key_entities(
        [analyze(make_article(t, id=str(i))) for i, t in enumerate([first, second, third])]
    )
    for mentions in found:
        assert {m.key for m in mentions if m.kind in ("law", "acronym")} == {"CAATSA"}


def test_acronyms_and_designators_but_not_actor_aliases():
    text = "The S-400s and F/A-18 jets, THAAD and the US, NATO and TV crews."
    assert keys(text, "acronym") == {"S-400", "F/A-18", "THAAD"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Defense Secretary Jim Mattis spoke.", "Jim Mattis"),
        ("“No,” said Tanvi Madan, a scholar at the institute.", "Tanvi Madan"),
        ("Eric Sayers said it was late.", "Eric Sayers"),
        ("Ana Ruiz arrived. Later Ruiz left.", "Ana Ruiz"),
        ("Indian Prime Minister Narendra Modi’s visit began.", "Narendra Modi"),
    ],
)
def test_people_need_a_title_apposition_reporting_verb_or_surname(text, name):
    assert people(text) == {name}


@pytest.mark.parametrize(
    "text",
    [
        "Patriot Advanced Capability systems were offered.",
        "Ships crossed the Persian Gulf. The Gulf was calm.",
        "Troops held the Line of Actual Control. Control was lost.",
        "Though India objected, New Delhi signed. India signed again.",
        "The Brookings Institution, a think tank, said so.",
    ],
)
def test_places_organisations_and_sentence_openers_are_not_people(text):
    assert people(text) == set()


def test_offsets_point_at_the_form():
    text = "Analysts expect a $2 billion deal with Defense Secretary Jim Mattis present."
    for mention in find_entities(text):
        assert text[mention.start : mention.end] == mention.form
