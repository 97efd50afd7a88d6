"""A speaker described in one article of a selection is known in the others
(analysis.compare.descriptions), on sentences written for one construction each."""

import pytest

from analysis import analyze, make_article, share_descriptions


def reports(*texts: str):
    return [
        analyze(make_article(text, id=f"a{i}", outlet=f"Outlet {i}"))
        for i, text in enumerate(texts)
    ]


def speaker(report, name: str):
    return next(s for s in report.sources.speakers if s.name == name)


DESCRIBED = "Kenyan President William Ruto said on Monday that the vote had been fair."
BARE = "William Ruto said on Monday that the count would be published in full."


def test_the_description_in_one_article_fills_the_blank_country_and_role_in_another():
    alone = reports(DESCRIBED, BARE)
    assert speaker(alone[1], "William Ruto").country == ""
    together = share_descriptions(alone)
    ruto = speaker(together[1], "William Ruto")
    described = speaker(alone[0], "William Ruto")
    assert (ruto.country, ruto.role, ruto.speaker_type) == (
        described.country,
        described.role,
        described.speaker_type,
    )
    assert ruto.country == "KE" and ruto.described_in == ("a0",)
    quote = together[1].sources.quotes[ruto.quotes[0]]
    assert quote.country == "KE"
    assert together[1].sources.source_mix.by_country == {"KE": 1}


def test_a_surname_alone_is_the_one_person_of_the_selection_with_that_surname():
    together = share_descriptions(reports(DESCRIBED, "Ruto said the count was complete."))
    assert speaker(together[1], "Ruto").country == "KE"


def test_a_name_spelt_without_its_accents_is_the_same_person():
    described = "Spanish Prime Minister Pedro Sánchez said on Monday that he would stay."
    together = share_descriptions(reports(described, "Pedro Sanchez said the campaign was a lie."))
    assert speaker(together[1], "Pedro Sanchez").country == "ES"


@pytest.mark.parametrize(
    "other, bare, name",
    [
        # two people of the selection share the surname
        (
            "Nigerian Senator Amina Ruto said the observers had left.",
            "Ruto said the count was complete.",
            "Ruto",
        ),
        # the other articles disagree about the person
        ("Ugandan President William Ruto said the border was open.", BARE, "William Ruto"),
    ],
)
def test_an_ambiguous_description_fills_nothing(other, bare, name):
    together = share_descriptions(reports(DESCRIBED, other, bare))
    assert speaker(together[2], name).country == ""


def test_what_an_article_says_itself_is_never_replaced():
    alone = reports(DESCRIBED, "Ugandan President William Ruto said the border was open.")
    together = share_descriptions(alone)
    assert [speaker(r, "William Ruto").country for r in together] == ["KE", "UG"]
    assert together == tuple(alone)


def test_one_article_alone_is_unchanged():
    alone = reports(BARE)
    assert share_descriptions(alone) == tuple(alone)
