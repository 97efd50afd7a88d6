import csv
import io
import json

import jsonschema

from analysis.cli import main, schema

GOOD = "The ministry said on Monday that the talks had gone well. Both sides will meet again."


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_puts_the_five_seed_outlets_side_by_side(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    header = out.splitlines()[0]
    for outlet in ("RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"):
        assert outlet in header
    assert max(len(line) for line in out.splitlines()) <= 100


def test_json_output_validates_against_the_schema(capsys):
    code, out, _ = run(capsys, "--format", "json")
    assert code == 0
    report = json.loads(out)
    jsonschema.Draft202012Validator(schema()).validate(report)
    assert report["schema_version"] == 1
    for article in report["articles"]:
        text = article["text"]
        for sentence in article["sentences"]:
            assert 0 <= sentence["start"] < sentence["end"] <= len(text)


def test_csv_has_one_row_per_article(capsys):
    code, out, _ = run(capsys, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 5
    assert all(-1 <= float(row["polarity"]) <= 1 for row in rows)


def test_outlet_option_names_articles_without_a_manifest(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GOOD)
    code, out, _ = run(capsys, str(path), "--outlet", "Example Daily", "--format", "csv")
    assert code == 0
    assert next(csv.DictReader(io.StringIO(out)))["outlet"] == "Example Daily"


def test_bad_path_and_unknown_format_are_usage_errors(capsys):
    assert run(capsys, "no/such/folder")[0] == 2
    code, _, err = run(capsys, "--format", "xml")
    assert code == 2 and "invalid choice" in err


def test_unreadable_file_among_good_ones_exits_1_and_reports_the_rest(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    code, out, err = run(capsys, str(tmp_path), "--format", "json")
    assert code == 1
    assert len(json.loads(out)["articles"]) == 1
    assert "empty.txt" in err and "binary.txt" in err
    assert "Traceback" not in err
