"""The evaluate subcommand (analysis/evaluate.py) on small gold files written here."""

import pytest

from analysis.cli import main
from analysis.errors import InputError
from analysis.evaluate import evaluate, read_gold

ARTICLE = (
    "“We will not accept this,” the minister said. Officials said the talks would resume.\n\n"
    "The so-called “reset” failed, and the deal will reportedly be signed."
)


def gold_file(tmp_path, quotes: str, unsourced: str = "") -> str:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "gold.toml"
    path.write_text(f'[[article]]\nfile = "story.txt"\n{quotes}{unsourced}', encoding="utf-8")
    return str(path)


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


def test_perfect_agreement_scores_one(tmp_path):
    path = gold_file(tmp_path, DIRECT + INDIRECT, '[[article.unsourced]]\ncue = "reportedly"\n')
    results = evaluate(path, [tmp_path])
    quotes = results["quote"]
    assert quotes.detection_of("all").f1 == 1.0
    assert quotes.agreement_of("speaker").accuracy == 1.0
    assert results["unsourced"].detection.recall == 1.0


def test_a_missed_quote_lowers_recall_not_precision(tmp_path):
    missed = DIRECT.replace("direct", "partial").replace("We will not accept this,", "reset")
    path = gold_file(tmp_path, DIRECT + INDIRECT + missed)
    quotes = evaluate(path, [tmp_path])["quote"]
    detection = quotes.detection_of("direct+partial")
    assert detection.precision == 1.0 and detection.recall == 0.5
    assert any("missed partial 'reset'" in error for error in quotes.errors)


def test_a_wrong_speaker_counts_against_speaker_accuracy(tmp_path):
    path = gold_file(tmp_path, DIRECT.replace("The minister", "the president"))
    quotes = evaluate(path, [tmp_path])["quote"]
    assert quotes.detection_of("direct").f1 == 1.0
    assert quotes.agreement_of("speaker").accuracy == 0.0


def test_gold_text_not_in_the_article_is_a_clear_error(tmp_path):
    path = gold_file(tmp_path, DIRECT.replace("We will not accept this,", "Never said"))
    with pytest.raises(InputError, match="text not found"):
        evaluate(path, [tmp_path])


def test_sections_without_an_evaluator_are_left_alone(tmp_path):
    path = gold_file(tmp_path, "[article.frames.policy]\npresent = []\n")
    assert read_gold(path, [tmp_path])[0].annotations == {"frames": {"policy": {"present": []}}}


def test_command_prints_the_table_and_fails_cleanly(tmp_path, capsys):
    path = gold_file(tmp_path, DIRECT)
    assert main(["evaluate", path, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "direct+partial" in out and "speaker" in out
    assert main(["evaluate", str(tmp_path / "missing.toml")]) == 2
    assert "cannot read" in capsys.readouterr().err
