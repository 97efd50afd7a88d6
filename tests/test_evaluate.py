"""Quote and unsourced-claim evaluation (analysis/evaluate.py) on small gold files written
here."""

import pytest

from analysis.cli import main
from analysis.errors import DataFileError
from analysis.evaluate import evaluate, read_gold

ARTICLE = (
    "“We will not accept this,” the minister said. Officials said the talks would resume.\n\n"
    "The so-called “reset” failed, and the deal will reportedly be signed."
)
DIRECT = """
[[article.quote]]
kind = "direct"
text = "We will not accept this,"
speaker = "The minister"
speaker_type = "official"
"""
INDIRECT = """
[[article.quote]]
kind = "indirect"
text = "the talks would resume"
speaker = "officials"
speaker_type = "official"
"""


def gold_file(tmp_path, quotes: str, unsourced: str = ""):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "gold.toml"
    path.write_text(f'[[article]]\nfile = "story.txt"\n{quotes}{unsourced}', encoding="utf-8")
    return path


def results(path, articles=()):
    return {result.section: result for result in evaluate([path], articles)}


def test_perfect_agreement_scores_one(tmp_path):
    path = gold_file(tmp_path, DIRECT + INDIRECT, '[[article.unsourced]]\ncue = "reportedly"\n')
    scored = results(path)
    assert scored["quote"].detection_of("all").f1 == 1.0
    assert scored["quote"].agreement_of("speaker").accuracy == 1.0
    assert scored["unsourced"].detection.recall == 1.0


def test_a_missed_quote_lowers_recall_not_precision(tmp_path):
    missed = DIRECT.replace("direct", "partial").replace("We will not accept this,", "reset")
    quotes = results(gold_file(tmp_path, DIRECT + INDIRECT + missed))["quote"]
    found = quotes.detection_of("direct+partial")
    assert found.precision == 1.0 and found.recall == 0.5
    assert any("missed partial 'reset'" in error for error in quotes.errors)


def test_a_wrong_speaker_counts_against_speaker_accuracy(tmp_path):
    quotes = results(gold_file(tmp_path, DIRECT.replace("The minister", "the president")))["quote"]
    assert quotes.detection_of("direct").f1 == 1.0
    assert quotes.agreement_of("speaker").accuracy == 0.0


def test_gold_text_not_in_the_article_is_a_clear_error(tmp_path):
    path = gold_file(tmp_path, DIRECT.replace("We will not accept this,", "Never said"))
    with pytest.raises(DataFileError, match="text not found"):
        results(path)


def test_articles_can_come_from_another_folder_by_file_name(tmp_path):
    path = gold_file(tmp_path, DIRECT)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(ARTICLE.replace("the minister", "the envoy"), "utf-8")
    assert read_gold(path)[0].article.text == ARTICLE
    assert results(path, [elsewhere])["quote"].agreement_of("speaker").accuracy == 0.0


def test_command_prints_the_table_and_fails_cleanly(tmp_path, capsys):
    path = gold_file(tmp_path, DIRECT)
    assert main(["evaluate", str(path), str(tmp_path / "story.txt")]) == 0
    out = capsys.readouterr().out
    assert "direct+partial" in out and "speaker" in out
    assert main(["evaluate", str(tmp_path / "missing.toml")]) == 2
    assert "no such file" in capsys.readouterr().err


STORY = {
    "a.txt": "“We will appeal,” Kenyan Finance Minister Ana Roe said on Monday. "
    "Farmers in Nakuru said prices had doubled.",
    "b.txt": "Prices of maize doubled in Kenya this year. “We cannot pay,” said Joe Doe, a "
    "farmer in Nakuru.",
}


def story_gold(tmp_path, official_in_b: bool):
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,note\na.txt,Daily A,Maize prices; test\nb.txt,Daily B,Maize prices; test\n",
        encoding="utf-8",
    )
    b_type = "official" if official_in_b else "other"
    path = tmp_path / "gold.toml"
    path.write_text(
        '[[article]]\nfile = "a.txt"\n[[article.quote]]\nkind = "direct"\n'
        'text = "We will appeal,"\nspeaker = "Ana Roe"\nspeaker_type = "official"\n'
        'country = "KE"\n\n[[article]]\nfile = "b.txt"\n[[article.quote]]\nkind = "direct"\n'
        f'text = "We cannot pay,"\nspeaker = "Joe Doe"\nspeaker_type = "{b_type}"\n'
        'country = "KE"\n',
        encoding="utf-8",
    )
    return results(path, [tmp_path])["answer_keys"]


def test_answer_keys_are_checked_against_the_gold_speakers_of_each_story(tmp_path):
    keys = story_gold(tmp_path, official_in_b=False)
    asked = {check.question: check for check in keys.checks}
    # one outlet quotes a Kenyan official, the other a farmer: both the tool and the gold say so
    assert asked["no_official:KE"].answers == asked["no_official:KE"].gold == ("Daily B",)
    assert keys.stories == 1 and keys.accuracy == 1.0


def test_an_answer_key_the_gold_disagrees_with_is_counted_wrong(tmp_path):
    keys = story_gold(tmp_path, official_in_b=True)  # the annotator calls the farmer official
    check = next(c for c in keys.checks if c.question == "no_official:KE")
    assert check.gold == () and not check.right
    assert "no_official:KE" in keys.to_text()


def test_a_sets_figures_are_pooled_over_its_gold_files():
    from analysis.evaluate.figures import headline, pooled
    from analysis.evaluate.quotes import QuoteEvaluation

    from .conftest import ROOT

    files = [ROOT / "tests" / "gold" / f"quotes_outlets{n}.toml" for n in ("", "2", "3")]
    results = evaluate(files)
    quotes = [r for r in results if isinstance(r, QuoteEvaluation)]
    (both,) = [r for r in pooled(results) if isinstance(r, QuoteEvaluation)]
    speaker = [q.agreement_of("speaker") for q in quotes]
    assert both.agreement_of("speaker").total == sum(a.total for a in speaker) > speaker[-1].total
    assert headline(both)["speaker right"] == sum(a.correct for a in speaker) / sum(
        a.total for a in speaker
    )
    assert both.articles == sum(q.articles for q in quotes)


FACT_A = "Heavy rain flooded the valley.\n\nThe regulator  blocked the takeover on Monday."
FACT_B = "The watchdog prevented the acquisition on Monday. Shares fell."
PAIR_HEADER = "file_a\tstart_a\tend_a\tfile_b\tstart_b\tend_b\tsame\tset\n"


def fact_gold(tmp_path, row: str):
    """Two articles of one story and a fact-pair gold file naming sentences by offsets."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(FACT_A, "utf-8")
    (folder / "b.txt").write_text(FACT_B, "utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet,note\na.txt,Daily A,Story; x\nb.txt,Daily B,Story\n", "utf-8"
    )
    gold = tmp_path / "pairs.tsv"
    gold.write_text(f"# pairs\n{PAIR_HEADER}{row}\n", "utf-8")
    return gold, folder


def test_fact_pairs_by_offsets_find_their_sentences_and_stories(tmp_path):
    from analysis import analyze, load
    from analysis.evaluate.facts import fact_pairs, grouping_scores, stories

    start = FACT_A.index("The regulator")
    gold, folder = fact_gold(tmp_path, f"a.txt\t{start}\t{len(FACT_A)}\tb.txt\t0\t49\t1\ttest")
    reports = [analyze(article) for article in load(folder)]
    (pair,) = fact_pairs(gold, reports, [folder])
    assert (pair.first[1], pair.second[1], pair.same, pair.part) == (1, 0, True, "test")
    assert len(stories(reports)) == 1  # the note's text before ";" names the story
    assert grouping_scores(stories(reports), [pair])[1] == 1.0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a.txt\t9\t3\tb.txt\t0\t49\t1\ttest", "not a span"),
        ("a.txt\t0\t5\tb.txt\t0\t49\tyes\ttest", "`same` is 0 or 1"),
        ("c.txt\t0\t5\tb.txt\t0\t49\t1\ttest", "c.txt is not among the articles given"),
    ],
)
def test_a_bad_fact_pair_names_the_problem(tmp_path, row, message):
    from analysis import analyze, load
    from analysis.evaluate.facts import fact_pairs

    gold, folder = fact_gold(tmp_path, row)
    reports = [analyze(article) for article in load(folder)]
    with pytest.raises(DataFileError, match=message):
        fact_pairs(gold, reports, [folder])
