"""The knowledge pack and the actors a text names (analysis/knowledge/), one kind of name
per test, on sentences written for these tests; and the story's actors across articles
(analysis/compare/actors.py)."""

import re

import pytest

from analysis import analyze, make_article
from analysis.compare.actors import story_actors
from analysis.errors import DataFileError
from analysis.knowledge import find_mentions, load_knowledge
from analysis.knowledge.trie import trie_pattern


def named(text: str) -> dict[str, tuple[str, str]]:
    """Each mention's words -> (kind, actor id)."""
    return {m.alias: (m.kind, m.actor) for m in find_mentions(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the US Army and the US", ["US Army", "US"]),
        ("USA and USAF", ["USA", "USAF"]),
        ("U", []),
        ("US Arm", ["US"]),
    ],
)
def test_trie_pattern_takes_the_longest_whole_word(text, found):
    pattern = re.compile(rf"\b{trie_pattern(['US', 'US Army', 'USA', 'USAF'])}(?!\w)")
    assert [m.group() for m in pattern.finditer(text)] == found


def test_mentions_prefer_the_longer_alias_and_need_word_edges():
    text = "New Delhi and Delhi's rivals; Indiana is not India."
    aliases = [m.alias for m in find_mentions(text)]
    assert "New Delhi" in aliases
    assert "Indiana" not in aliases
    assert aliases.count("India") == 1


@pytest.mark.parametrize(
    ("text", "alias", "code"),
    [
        ("Ankara said Türkiye would not sign.", "Türkiye", "TR"),
        ("Officials in the Russian Federation denied it.", "Russian Federation", "RU"),
        ("The Kremlin rejected the claim.", "Kremlin", "RU"),
        ("Downing Street said talks would go on.", "Downing Street", "GB"),
        ("A Taiwanese delegation arrived on Monday.", "Taiwanese", "TW"),
        ("Aid reached Gaza and Palestine's ministries.", "Palestine", "PS"),
        ("Kosovo and Serbia met in Brussels.", "Kosovo", "XK"),
        ("Hong Kong police made arrests.", "Hong Kong", "HK"),
        ("Kyiv and Kiev are two spellings.", "Kiev", "UA"),
    ],
)
def test_countries_by_name_short_name_demonym_capital_and_seat(text, alias, code):
    assert named(text)[alias] == ("country", code)


@pytest.mark.parametrize(
    ("text", "alias", "code"),
    [
        (
            "The World Health Organization declared an emergency.",
            "World Health Organization",
            "WHO",
        ),
        ("The U.N. Security Council met.", "U.N. Security Council", "UNSC"),
        ("NATO allies and the European Commission agreed.", "European Commission", "EC"),
    ],
)
def test_international_bodies_have_their_own_code(text, alias, code):
    kind, actor = named(text)[alias]
    assert kind == "international" and actor == code


def test_organisations_named_in_the_text_by_their_last_word_and_by_the_pack():
    found = named("Hamas, the Wagner Group and Nord Stream AG were named by Amnesty International.")
    assert found["Hamas"][0] == "organization"
    assert found["Wagner Group"] == ("organization", "org:wagner group")
    assert found["Nord Stream AG"] == ("organization", "org:nord stream ag")
    assert found["Amnesty International"][0] == "international"  # an NGO of the pack


def test_a_day_or_month_after_a_connector_is_not_part_of_a_name():
    found = named(
        "Traders watched the Bank of England on Friday and the Council on Foreign Relations."
    )
    assert set(found) == {"Bank of England", "Council on Foreign Relations"}


def test_an_acronym_defined_in_parentheses_is_the_organisation():
    text = "The Competition and Markets Authority (CMA) ruled. The CMA said it would not budge."
    ids = {m.actor for m in find_mentions(text) if m.kind == "organization"}
    assert ids == {"org:competition and markets authority"}


def test_a_person_with_a_title_then_by_surname_and_honorific():
    text = (
        "Speaker Nancy Pelosi arrived in Taipei on Tuesday. Pelosi said the visit mattered. "
        "Mrs Pelosi then left."
    )
    people = [m for m in find_mentions(text) if m.kind == "person"]
    assert {m.actor for m in people} == {"person:nancy pelosi"}
    assert [m.alias for m in people] == ["Nancy Pelosi", "Pelosi", "Pelosi"]
    assert people[0].role == "speaker"


def test_two_people_sharing_a_surname_are_not_merged_and_the_bare_surname_is_left_alone():
    text = "Ana Perez met Luis Perez in Lima. Perez said nothing more."
    people = {m.actor for m in find_mentions(text) if m.kind == "person"}
    assert people == {"person:ana perez", "person:luis perez"}
    assert all(m.alias != "Perez" for m in find_mentions(text))


def test_a_title_gives_the_person_country_and_role():
    found = find_mentions("Ukrainian President Volodymyr Zelensky spoke in Kyiv.")
    person = next(m for m in found if m.kind == "person")
    assert (person.name, person.country, person.role) == ("Volodymyr Zelensky", "UA", "president")


def test_a_city_is_a_place_never_a_person():
    found = find_mentions("Floods hit Derna on Monday. Derna was cut off, and Benghazi sent aid.")
    assert not [m for m in found if m.kind == "person"]


def test_social_groups_are_actors():
    found = named("Migrants and asylum seekers waited as nurses went on strike.")
    assert found["Migrants"] == ("group", "group:migrants")
    assert found["asylum seekers"] == ("group", "group:refugees")
    assert found["nurses"] == ("group", "group:nurses")


def test_an_institution_named_by_a_noun_takes_the_country_before_it():
    found = find_mentions("The Greek coast guard said the boat sank. The coast guard denied it.")
    guard = [m for m in found if m.kind == "organization"]
    assert [m.actor for m in guard] == ["org:GR coast guard", "org:coast guard"]


def story(*texts: str):
    return story_actors([analyze(make_article(text, id=f"a{i}")) for i, text in enumerate(texts)])


def test_the_same_person_in_two_outlets_is_one_actor_and_a_surname_joins_the_full_name():
    actors = story(
        "Kenyan President William Ruto said the vote was fair. Ruto thanked voters.",
        "Mr Ruto said on Tuesday that he would unite the country.",
    )
    ruto = [a for a in actors if a.kind == "person"]
    assert len(ruto) == 1 and ruto[0].articles == 2 and ruto[0].country == "KE"
    assert ruto[0].central


def test_a_transliteration_variant_is_one_person():
    actors = story(
        "President Volodymyr Zelensky said talks would resume. Zelensky thanked allies.",
        "President Volodymyr Zelenskyy said the talks failed. Zelenskyy left.",
    )
    assert len([a for a in actors if a.kind == "person"]) == 1


def test_people_who_share_a_surname_stay_apart_across_articles():
    actors = story(
        "Ana Perez, the trade minister, said exports grew. Perez smiled.",
        "Luis Perez, an economist, said exports fell. Perez frowned.",
    )
    assert {a.name for a in actors if a.kind == "person"} == {"Ana Perez", "Luis Perez"}


# --- the pack ------------------------------------------------------------------------


def pack_folder(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_a_users_pack_adds_an_institution(tmp_path):
    folder = pack_folder(tmp_path, "institutions.tsv", "Example Policy Lab\texpert\tKE\n")
    mentions = find_mentions("The Example Policy Lab said so.", load_knowledge(folder))
    assert any(m.alias == "Example Policy Lab" and m.country == "KE" for m in mentions)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("countries.tsv", "KE\tdemonym\n", "line 1"),
        ("countries.tsv", "QQ\tname\tQland\n", "not an ISO 3166-1"),
        ("countries.tsv", "KE\tnickname\tKenya-land\n", "kind 'nickname'"),
        ("institutions.tsv", "Example Lab\tthinktank\tKE\n", "type 'thinktank'"),
        ("international.tsv", "XYZ\tX Body\t\tclub\n", "kind 'club'"),
        ("international.tsv", "XYZ\tX Body\t\tinternational\tNOPE\n", "parent 'NOPE'"),
        ("names.toml", "titles = [1, 2]\n", "list of words"),
        ("names.toml", "titles = [" * 5000 + "]" * 5000, "not valid TOML"),
    ],
)
def test_a_malformed_pack_is_reported_with_file_and_line(tmp_path, name, text, message):
    folder = pack_folder(tmp_path, name, text)
    with pytest.raises(DataFileError, match=re.escape(message)):
        load_knowledge(folder)


def test_every_shipped_pack_file_loads_and_names_every_iso_country():
    import pycountry

    pack = load_knowledge()
    assert {c.alpha_2 for c in pycountry.countries} <= set(pack.countries)
    assert {"TW", "PS", "XK", "HK"} <= set(pack.countries)
    assert pack.countries["TW"].name == "Taiwan"
