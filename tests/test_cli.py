import csv
import io
import json
import re

import jsonschema
import pytest

from analysis.cli import main
from analysis.export import schema

GOOD = "The ministry said on Monday that the talks had gone well. Both sides will meet again."


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_puts_the_five_seed_outlets_side_by_side(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    headers = " ".join(block.splitlines()[0] for block in out.split("\n\n"))
    for outlet in ("RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"):
        assert outlet in headers
    assert max(len(line) for line in out.splitlines()) <= 100


def test_table_keeps_frame_ids_whole_and_columns_apart(capsys):
    _, out, _ = run(capsys)
    _, table, _ = run(capsys, "--format", "csv")
    rows = {row["outlet"]: row for row in csv.DictReader(io.StringIO(table))}
    for block in out.split("\n\n"):
        lines = block.splitlines()
        outlets = re.split(r"\s{2,}", lines[0].strip())
        cells = {line[:21].strip(): re.split(r"\s{2,}", line[21:].strip()) for line in lines[1:]}
        for outlet, dominant, unheard in zip(
            outlets, cells["dominant frame"], cells["mentioned, unheard"], strict=True
        ):
            assert dominant == rows[outlet]["dominant_frame"]
            full = rows[outlet]["countries_unheard"]  # a long list ends in `…`, said so
            assert unheard == full or (unheard.endswith("…") and full.startswith(unheard[:-1]))


def test_csv_ends_with_its_last_row(capsys):
    _, out, _ = run(capsys, "--format", "csv")
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        f"{sys.executable} -m analysis --format json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout == '{\n "schema' and done.stderr == ""


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


FRENCH = (
    "Le gouvernement indien a annoncé lundi qu’il poursuivrait l’achat du système russe, "
    "malgré les pressions américaines. « Nous ne céderons pas », a déclaré le ministre."
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "no article text"),
        ("blank.txt", b" \n\t \n", "no article text"),
        ("scan.txt", b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe" * 50, "binary"),
        ("gibberish.txt", bytes(0x80 + (i * 37) % 120 for i in range(3000)), "encoding"),
        ("marks.txt", "“”“” \"\" ''".encode(), "no words"),
        ("scripts.html", b"<html><script>alert(1)</script></html>", "no article text"),
    ],
)
def test_each_bad_file_exits_1_naming_the_file_without_a_traceback(
    capsys, tmp_path, name, data, reason
):
    (tmp_path / name).write_bytes(data)
    code, out, err = run(capsys, str(tmp_path / name), "--format", "json")
    assert code == 1
    assert name in err and reason in err
    assert "Traceback" not in err
    assert json.loads(out)["articles"] == []


def test_a_non_english_article_is_reported_with_a_warning_and_exit_1(capsys, tmp_path):
    (tmp_path / "french.txt").write_text(FRENCH)
    code, out, err = run(capsys, str(tmp_path / "french.txt"), "--format", "json")
    assert code == 1
    assert "warning: french.txt" in err and "French" in err
    report = json.loads(out)
    jsonschema.Draft202012Validator(schema()).validate(report)
    (article,) = report["articles"]
    assert article["lang"] == "fr"
    assert [w["kind"] for w in article["warnings"]] == ["language"]
    assert article["sentences"]


def test_a_malformed_manifest_exits_1_naming_line_and_column(capsys, tmp_path):
    (tmp_path / "manifest.csv").write_text("file,date\ngood.txt,June 2019\n")
    (tmp_path / "good.txt").write_text(GOOD)
    code, out, err = run(capsys, str(tmp_path), "--format", "csv")
    assert code == 1
    assert "manifest.csv: line 2, column `date`" in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 1


def test_hostile_metadata_cannot_reach_the_terminal(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    code, out, _ = run(capsys, str(tmp_path), "--outlet", "Evil\x1b[2J\x1b]0;x\x07 News")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil[2J]0;x" in out


def test_a_bug_in_an_analyzer_costs_only_that_article(capsys, tmp_path, monkeypatch):
    from analysis.cli import report as cli

    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + " Something else happened.")
    real = cli.analyze

    def flaky(article, *settings):
        if article.file == "a.txt":
            raise ZeroDivisionError("division by zero")
        return real(article, *settings)

    monkeypatch.setattr(cli, "analyze", flaky)
    code, out, err = run(capsys, str(tmp_path), "--format", "csv")
    assert code == 1
    assert "a.txt: internal error" in err and "Traceback" not in err
    assert [row["file"] for row in csv.DictReader(io.StringIO(out))] == ["b.txt"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_text(capsys, tmp_path):
    (tmp_path / "manifest.csv").write_text(
        'file,outlet,title\ngood.txt,"=HYPERLINK(""https://evil.example"",""x"")",@SUM(A1)\n'
    )
    (tmp_path / "good.txt").write_text("The ministry said the talks went badly. It was a failure.")
    code, out, _ = run(capsys, str(tmp_path), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert row["outlet"] == '\'=HYPERLINK("https://evil.example","x")'
    assert row["title"] == "'@SUM(A1)"
    assert float(row["polarity"]) < 0  # a negative number is not a formula


def test_store_option_fills_the_report_cache_the_dashboard_reads(capsys, tmp_path, monkeypatch):
    import analysis.store as store_module

    path = tmp_path / "shared.sqlite3"
    code, first, _ = run(capsys, "--format", "json", "--store", str(path))
    assert code == 0
    monkeypatch.setattr(store_module, "analyze", lambda *a: pytest.fail("analysed again"))
    code, again, _ = run(capsys, "--format", "json", "--store", str(path))
    assert code == 0 and json.loads(again) == json.loads(first)


def test_a_knowledge_pack_adds_an_actor_and_a_malformed_one_is_a_usage_error(capsys, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "institutions.tsv").write_text("Example Policy Lab\texpert\tKE\n", "utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The Example Policy Lab said the vote was fair. It asked for calm.")
    code, out, _ = run(capsys, str(story), "--knowledge", str(pack), "--format", "json")
    mentions = json.loads(out)["articles"][0]["mentions"]
    assert code == 0 and {m["name"] for m in mentions} == {"Example Policy Lab"}
    (pack / "institutions.tsv").write_text("Example Policy Lab\tthink tank\tKE\n", "utf-8")
    code, _, err = run(capsys, str(story), "--knowledge", str(pack))
    assert code == 2 and "institutions.tsv, line 1" in err
