"""The story finder: which articles of a mixed pile cover the same story."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.cli.main import main
from analysis.corpus import make_article, read_article
from analysis.evaluate.stories import evaluate_folders, inverse_purity, purity, score_stories
from analysis.store import Store
from analysis.stories import StoryInput, find_stories
from analysis.stories.dates import parse_day
from analysis.stories.features import terms
from analysis.stories.find import MAX_APART_DAYS
from tests.conftest import DEVSETS

MORE = DEVSETS.parent.parent.parent / "devsets-more" / "articles"
TRUTH = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}


# The measures, on hand-made groupings


@pytest.mark.parametrize(
    ("found", "expected_purity", "expected_inverse"),
    [
        ([["a1", "a2", "a3"], ["b1", "b2"], ["c1"]], 1.0, 1.0),  # perfect
        ([["a1", "a2", "a3", "b1", "b2", "c1"]], 3 / 6, 1.0),  # everything one story
        ([["a1"], ["a2"], ["a3"], ["b1"], ["b2"], ["c1"]], 1.0, 3 / 6),  # every article alone
        ([["a1", "a2", "b1"], ["a3", "b2", "c1"]], (2 + 1) / 6, (2 + 1 + 1) / 6),
        ([["a1", "a2"], ["a3", "b1", "b2"], ["c1"]], (2 + 2 + 1) / 6, (2 + 2 + 1) / 6),
    ],
)
def test_purity_and_inverse_purity_of_hand_made_groupings(found, expected_purity, expected_inverse):
    assert purity(found, TRUTH) == pytest.approx(expected_purity)
    assert inverse_purity(found, TRUTH) == pytest.approx(expected_inverse)
    scores = score_stories(found, TRUTH)
    assert (scores.articles, scores.found, scores.true) == (6, len(found), 3)


def test_purity_of_no_articles_is_an_error():
    with pytest.raises(ValueError, match="no articles"):
        purity([], TRUTH)


# Terms


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Baltimore's Francis Scott Key Bridge fell.", "name:Francis Scott Key Bridge"),
        ("said Duncan Crabtree-Ireland, the negotiator", "name:Duncan Crabtree-Ireland"),
        ("In Sharm El-Sheikh, the talks ran late.", "name:Sharm El-Sheikh"),
        ("The Interior Ministry counted them.", "name:Interior Ministry"),  # `The` dropped
        ("The WHO declared an emergency.", "name:WHO"),
        ("The toll rose to 2,862 on Monday.", "number:2862"),
        ("It struck on September 8 at night.", "date:September 8"),
        ("It struck on 8 September at night.", "date:September 8"),
        ("The submersible imploded.", "submersible"),
    ],
)
def test_terms_of_a_text(text, term):
    assert term in terms(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Mexico's president spoke.", "name:Mexico's"),  # a possessive ends a name
        ("The 6.8 magnitude quake hit 3 towns.", "number:6"),  # single digits: everywhere
        ("The 6.8 magnitude quake hit.", "number:8"),
        ("Officials said on Monday that it was over.", "said"),  # news words
        ("On Monday it was over.", "name:On Monday"),
    ],
)
def test_what_is_not_a_term(text, absent):
    assert absent not in terms(text)


# Dates


@pytest.mark.parametrize(
    ("given", "text", "days"),
    [
        ("2023-06-14", "2023-06-14", 1),
        ("2023-06-14T08:30:00Z", "2023-06-14", 1),
        ("2023-06", "2023-06", 30),
        ("2024-02", "2024-02", 29),
        ("2023", "2023", 365),
    ],
)
def test_a_date_is_the_span_of_days_it_may_mean(given, text, days):
    day = parse_day(given)
    assert day is not None and day.text == text
    assert (day.last - day.first).days + 1 == days


@pytest.mark.parametrize("given", ["", "June 2023", "2023-13-01", "2023-02-30", "yesterday"])
def test_what_is_not_an_iso_date_is_no_date(given):
    assert parse_day(given) is None


# The finder on the dev pile


def needs(*folders):
    return pytest.mark.skipif(
        not all(folder.is_dir() for folder in folders), reason="dev set folders not present"
    )


@needs(DEVSETS, MORE)
def test_the_mixed_dev_pile_is_grouped_into_its_stories():
    scores, stories = evaluate_folders([DEVSETS, MORE])
    assert scores.articles == 40
    assert scores.purity >= 0.9 and scores.inverse_purity >= 0.9
    for story in stories:  # every story is told in words, and by the outlets that told it
        assert story.label
        assert set(story.outlets) == {m.outlet for m in story.members if m.outlet}


@needs(DEVSETS)
def test_a_story_spans_the_dates_of_its_articles():
    _, stories = evaluate_folders([DEVSETS])
    cma = next(s for s in stories if any(m.file == "17_telegraph.txt" for m in s.members))
    assert (cma.start, cma.end) == ("2023-04-26", "2023-04-27")
    assert "CMA" in cma.label
    kenya = next(s for s in stories if any(m.file == "01_kenyans-co-ke.txt" for m in s.members))
    assert (kenya.start, kenya.end) == (None, None)  # no article of it has a date


@needs(DEVSETS)
def test_the_time_bound_splits_the_same_words_years_apart():
    text = read_article(DEVSETS / "17_telegraph.txt").text
    again = text.replace("Microsoft", "Microsoft Corporation")  # not the very same text
    pair = [StoryInput(text, "then.txt", date="2023-04-26"), StoryInput(again, "now.txt")]
    assert len(find_stories(pair)) == 1  # one undated: grouped by content alone
    near = [pair[0], StoryInput(again, "now.txt", date="2023-05-20")]
    assert len(find_stories(near)) == 1
    far = [pair[0], StoryInput(again, "now.txt", date=f"{2023 + MAX_APART_DAYS // 365 + 2}-04")]
    assert [len(story.members) for story in find_stories(far)] == [1, 1]


@needs(DEVSETS)
def test_an_undated_article_does_not_chain_two_dated_ones_years_apart():
    text = read_article(DEVSETS / "17_telegraph.txt").text
    pile = [
        StoryInput(text, "2023.txt", date="2023-04-26"),
        StoryInput(text.replace("Microsoft", "Microsoft Corp"), "undated.txt"),
        StoryInput(text.replace("Activision", "Activision Blizzard"), "2027.txt", date="2027-04"),
    ]
    found = find_stories(pile)
    assert len(found) == 2  # linked all three through the undated one, then cut in time
    for story in found:
        assert story.start == story.end and len([m for m in story.members if m.date]) == 1


def test_one_article_is_one_story():
    text = "The central bank raised interest rates by half a point on Tuesday, Ms Lagarde said."
    (story,) = find_stories([{"text": text, "id": "ecb", "outlet": "Outlet", "date": "2023-07"}])
    assert [m.id for m in story.members] == ["ecb"]
    assert (story.outlets, story.start, story.end) == (("Outlet",), "2023-07", "2023-07")


def test_unrelated_articles_are_apart():
    texts = [
        "Heavy rain flooded the valley; farmers lost their harvest of wheat and barley.",
        "The orchestra premiered a symphony by a young composer in Vienna's concert hall.",
    ]
    assert len(find_stories([{"text": text} for text in texts])) == 2


# The command line


@needs(DEVSETS)
def test_cli_json_has_the_documented_shape(capsys):
    assert main(["stories", str(DEVSETS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["stories"]
    assert len(data["stories"]) == 6
    for story in data["stories"]:
        assert list(story) == ["id", "label", "articles", "outlets", "start", "end"]
        for article in story["articles"]:
            assert list(article) == ["file", "outlet", "title", "date"]
    assert sorted(a["file"] for s in data["stories"] for a in s["articles"]) == sorted(
        path.name for path in DEVSETS.glob("*.txt")
    )


@needs(DEVSETS)
def test_cli_table_has_a_block_per_story(capsys):
    assert main(["stories", str(DEVSETS)]) == 0
    out = capsys.readouterr().out
    assert out.count("Story ") == 6
    assert "17_telegraph.txt" in out


def test_cli_reads_a_parquet_corpus_and_names_rows_by_id(tmp_path, capsys):
    rows = [
        {
            "id": "a",
            "text": "Storm Ciarán closed schools across Cornwall and Devon.",
            "outlet": "X",
        },
        {
            "id": "b",
            "text": "Storm Ciarán closed schools in Cornwall and Devon today.",
            "outlet": "Y",
        },
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "pile.parquet")
    assert main(["stories", str(tmp_path / "pile.parquet"), "--format", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)["stories"]
    assert [a["id"] for a in story["articles"]] == ["a", "b"]
    assert story["outlets"] == ["X", "Y"] and story["start"] is None


def test_cli_reads_the_store(tmp_path, capsys):
    store = Store(tmp_path / "store.sqlite3")
    store.add(make_article("Storm Ciarán closed schools across Cornwall.", outlet="X"))
    assert main(["stories", "--store", str(store.path), "--format", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)["stories"]
    assert list(story["articles"][0]) == ["id", "outlet", "title", "date"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.jsonl", "", "no articles"),
        ("notext.jsonl", '{"title": "A headline"}\n', "no articles"),
        ("notext.csv", "title,outlet\nA headline,X\n", "no articles"),
        ("broken.jsonl", '{"text": "unfinished\n', "no articles"),
        ("binary.txt", "\x00\x01\x02PK\x03\x04" * 200, "no articles"),
        ("missing.jsonl", None, "no such file"),
        ("notes.docx", "text", "expected one of"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_code_2(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["stories", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_folder_with_nothing_to_read_and_no_paths_are_usage_errors(tmp_path, capsys):
    assert main(["stories", str(tmp_path)]) == 2
    assert main(["stories"]) == 2
    assert "name at least one PATH" in capsys.readouterr().err


def test_a_store_that_is_not_a_store_is_a_clear_message(tmp_path, capsys):
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"not a database" * 100)
    assert main(["stories", "--store", str(path)]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and str(path) in err and "Traceback" not in err


def test_the_dask_engine_finds_the_same_stories(tmp_path):
    from dask.distributed import LocalCluster

    texts = [
        "Storm Ciarán closed schools across Cornwall and Devon as winds reached 100 mph.",
        "Winds of 100 mph from Storm Ciarán shut schools in Cornwall and Devon.",
        "The orchestra premiered a symphony by a young composer in Vienna's concert hall.",
    ]
    rows = [{"text": text, "id": str(n)} for n, text in enumerate(texts)]
    local = find_stories(rows)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        distributed = find_stories(rows, engine="dask", scheduler=cluster.scheduler_address)
    assert distributed == local
    assert [[m.id for m in story.members] for story in local] == [["0", "1"], ["2"]]
