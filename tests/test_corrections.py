"""A reader's corrections to the story's actors, on the bundled articles: each correction
changes the actors every page reads, a file holds them for the command line, and the store
keeps them with the selection."""

import json
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from analysis import analyze, load
from analysis.compare.actors import USER, story_actors, tone_of
from analysis.compare.corrections import (
    apply_corrections,
    correction,
    corrections_toml,
    parse_corrections,
)
from analysis.errors import DataFileError
from analysis.store import MIGRATIONS, SCHEMA_VERSION, Store


@pytest.fixture(scope="module")
def reports():
    return [analyze(article) for article in load()]


def actor(reports, name):
    return next(a for a in story_actors(reports) if a.name == name)


def sentences(report, story_actor):
    tone = tone_of(report, story_actor)
    return set(tone.sentences) if tone else set()


def test_one_person_under_two_names_is_merged(reports):
    assert {"Jim Mattis", "James Mattis"} <= {a.name for a in story_actors(reports)}
    result = apply_corrections(reports, [correction("merge", "James Mattis", "Jim Mattis")])
    mattis = actor(result.reports, "Jim Mattis")
    assert mattis.articles == 3 and {"James Mattis", "Jim Mattis", "Mattis"} <= set(mattis.aliases)


def test_a_merged_actor_is_one_row_over_the_sentences_naming_either(reports):
    india, pakistan = actor(reports, "India"), actor(reports, "Pakistan")
    result = apply_corrections(reports, [correction("merge", "Pakistan", "India")])
    assert not result.unused
    merged = actor(result.reports, "India")
    assert merged.key == USER + india.key and merged.central
    assert "Pakistan" in merged.aliases
    assert all(a.name != "Pakistan" for a in story_actors(result.reports))
    for before, after in zip(reports, result.reports, strict=True):
        assert sentences(after, merged) == sentences(before, india) | sentences(before, pakistan)
    # nothing else changed
    us = actor(reports, "United States")
    assert [sentences(r, us) for r in reports] == [
        sentences(r, actor(result.reports, "United States")) for r in result.reports
    ]


def test_rename_hide_and_the_order_they_were_made_in(reports):
    result = apply_corrections(
        reports,
        [
            correction("rename", "Vladimir Putin", "President Putin"),
            correction("hide", "President Putin"),  # the name the rename gave
        ],
    )
    assert not result.unused
    names = {a.name for a in story_actors(result.reports)}
    assert "Vladimir Putin" not in names and "President Putin" not in names
    assert not any(m.alias == "Vladimir Putin" for r in result.reports for m in r.mentions)


def test_words_kept_apart_become_their_own_actor(reports):
    russia = actor(reports, "Russia")
    assert "Moscow" in russia.aliases
    result = apply_corrections(reports, [correction("apart", "Russia", "Moscow")])
    moscow = actor(result.reports, "Moscow")
    written = sum(m.alias == "Moscow" for r in reports for m in r.mentions)
    assert moscow.mentions == written and moscow.aliases == ("Moscow",)
    assert "Moscow" not in actor(result.reports, "Russia").aliases


def test_an_alias_and_an_added_actor_are_found_wherever_the_words_appear(reports):
    texts = [r.article.text for r in reports]
    assert any("Almaz-Antey" in text for text in texts)  # the S-400's maker, no actor yet
    result = apply_corrections(
        reports,
        [
            correction("add", "Almaz-Antey", "organization"),
            correction("alias", "Almaz-Antey", "the S-400's maker"),
            correction("alias", "Narendra Modi", "Indian government"),
        ],
    )
    assert result.unused == (
        (
            correction("alias", "Almaz-Antey", "the S-400's maker"),
            "these articles never use those words",
        ),
    )
    maker = actor(result.reports, "Almaz-Antey")
    assert maker.kind == "organization" and maker.central
    assert maker.mentions == sum(text.count("Almaz-Antey") for text in texts)
    modi, india = actor(result.reports, "Narendra Modi"), actor(result.reports, "India")
    assert "Indian government" in modi.aliases  # the words now name Modi, not India
    assert modi.mentions == actor(reports, "Narendra Modi").mentions + 1
    assert india.mentions == actor(reports, "India").mentions - 1
    for report in result.reports:
        tone = tone_of(report, maker)
        if "Almaz-Antey" in report.article.text:
            expected = {
                report.document.sentence_at(m.start)
                for m in report.mentions
                if m.alias == "Almaz-Antey"
            }
            assert tone is not None and set(tone.sentences) == expected


def test_corrections_that_do_not_fit_these_articles_are_said_not_dropped(reports):
    made = [
        correction("merge", "Kremlin", "Russia"),
        correction("merge", "Russia", "Russia"),
        correction("apart", "India", "Narnia"),
        correction("add", "India", "country"),
    ]
    result = apply_corrections(reports, made)
    assert [item for item, _ in result.unused] == made
    assert [a.name for a in story_actors(result.reports)] == [a.name for a in story_actors(reports)]


def test_the_corrections_file_reads_back_what_was_written():
    made = (
        correction("merge", "Kremlin", "Russia"),
        correction("rename", "Ruto", 'President "Ruto"'),
        correction("hide", "Reuters"),
        correction("alias", "Benjamin Netanyahu", "Bibi"),
        correction("apart", "William Ruto", "Ruto"),
        correction("add", "Extinction Rebellion", "organization"),
    )
    text = corrections_toml(made)
    assert 'alias = "Bibi"\nof = "Benjamin Netanyahu"' in text
    assert parse_corrections(text, "c.toml") == made


@pytest.mark.parametrize(
    "text, problem",
    [
        ('[[correction]]\nmerge = "Kremlin"\n', "line 2: correction 1: merge needs 'into'"),
        (
            '[[correction]]\nhide = "A"\n\n[[correction]]\nadd = "X"\nkind = "thing"\n',
            "line 6: correction 2.kind: one of country",
        ),
        ('[[correction]]\nhide = "A"\nto = "B"\n', "line 3: correction 1.to: not a key of hide"),
        ("[[correction]]\nhide = 3\n", "names are text in quotes"),
        ('[[correction]]\nhide = "A"\nrename = "B"\n', "needs exactly one of"),
        ("[corrections]\n", "unknown table"),
        ('[[correction]]\nhide = "a\\u0007b"\n', "control characters"),
        ("[[correction\n", "not valid TOML"),
    ],
)
def test_a_malformed_corrections_file_names_the_line_and_the_problem(text, problem):
    with pytest.raises(DataFileError, match=r"c\.toml") as error:
        parse_corrections(text, "c.toml")
    assert problem in str(error.value)


def test_the_store_keeps_corrections_with_the_selection(tmp_path):
    path = tmp_path / "store.sqlite3"
    made = [correction("merge", "Kremlin", "Russia"), correction("hide", "Reuters")]
    Store(path).save_corrections(["b", "a"], made)
    reopened = Store(path)  # a restart
    assert reopened.corrections(["a", "b"]) == tuple(made)
    assert reopened.corrections(["a"]) == ()  # another selection has its own
    reopened.save_corrections(["a", "b"], [])
    assert Store(path).corrections(["b", "a"]) == ()


def test_a_store_from_before_corrections_is_migrated(tmp_path):
    path = tmp_path / "store.sqlite3"
    with closing(sqlite3.connect(path)) as db:  # a version-2 file: articles and reports only
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for migration in MIGRATIONS[:2]:
            migration(db)
        db.execute("INSERT INTO schema_version VALUES (2)")
        db.commit()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    store.save_corrections(["a"], [correction("hide", "X")])
    assert store.corrections(["a"]) == (correction("hide", "X"),)


def test_the_command_line_reads_corrections_from_a_file(tmp_path):
    corrections = tmp_path / "corrections.toml"
    corrections.write_text(
        '[[correction]]\nrename = "India"\nto = "Bharat"\n\n[[correction]]\nhide = "Kremlin"\n'
    )
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--format", "json", "--corrections", str(corrections)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    articles = json.loads(run.stdout)["articles"]
    names = {row["name"] for article in articles for row in article["sentiment"]["toward"]}
    assert "Bharat" in names and "India" not in names
    assert all(
        m["name"] == "Bharat" for a in articles for m in a["mentions"] if m["alias"] == "India"
    )
    assert "not applied: “Kremlin” hidden: no actor of that name" in run.stderr
    corrections.write_text('[[correction]]\nmerge = "India"\n')
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--corrections", str(corrections)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2 and "line 2: correction 1: merge needs 'into'" in run.stderr
