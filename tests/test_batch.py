import json
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import SCHEMA_VERSION, analyze, load
from analysis import batch as batch_module
from analysis.cli import main
from analysis.cli.batch import run_batch
from analysis.export import schema
from analysis.flat import flatten
from analysis.framing import load_codebook
from analysis.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_rows():
    return [
        {"text": a.text, "outlet": a.outlet, "title": a.title, "date": a.date, "url": a.url}
        for a in load(SEEDS)
    ]


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def count_analyses(monkeypatch):
    """Count the articles actually analysed (not served from cache or skipped)."""
    calls = []

    def counted(article, *codebook):
        calls.append(article.id)
        return analyze(article, *codebook)

    monkeypatch.setattr(batch_module, "analyze", counted)
    return calls


def test_folder_of_articles_to_parquet_has_the_same_numbers_as_analyze(tmp_path):
    output = tmp_path / "out.parquet"
    assert main(["batch", str(SEEDS), "-o", str(output), "--jobs", "1"]) == 0
    table = pd.read_parquet(output)
    expected = [analyze(article) for article in load(SEEDS)]
    assert list(table["id"]) == [report.article.id for report in expected]
    assert list(table["outlet"]) == [report.article.outlet for report in expected]
    assert list(table["sentiment.polarity"]) == [r.sentiment.polarity for r in expected]
    assert list(table["n_sentences"]) == [len(r.document.sentences) for r in expected]
    assert "text" not in table.columns
    assert not (tmp_path / "out.parquet.partial").exists()
    quotes = pd.read_parquet(tmp_path / "out.quotes.parquet")
    assert list(quotes["id"].value_counts().sort_index()) == [
        len(r.sources.quotes)
        for r in sorted(expected, key=lambda r: r.article.id)
        if r.sources.quotes
    ]
    first = expected[0].sources.quotes[0]
    assert (quotes["text"][0], quotes["speaker"][0]) == (first.text, first.speaker)


def test_jsonl_input_skips_and_reports_bad_rows(tmp_path, seed_rows, capsys):
    rows = [
        json.dumps(seed_rows[0]),
        "{not json",
        json.dumps({"outlet": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps(seed_rows[1]),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert run_batch([str(source), "-o", str(output), "--jobs", "1", "--chunk-size", "2"]) == 1
    reports = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in reports] == ["in.jsonl:1", "in.jsonl:6"]
    assert [r["outlet"] for r in reports] == [seed_rows[0]["outlet"], seed_rows[1]["outlet"]]
    jsonschema.validate({"schema_version": SCHEMA_VERSION, "articles": reports}, schema())
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").open()]
    assert [e["row"] for e in errors] == [f"in.jsonl:{n}" for n in (2, 3, 4, 5)]
    assert "JSON" in errors[0]["reason"] and "text" in errors[1]["reason"]
    err = capsys.readouterr().err
    assert "skipped 4 bad row(s)" in err and "Traceback" not in err


def test_csv_input_with_newlines_inside_fields(tmp_path, seed_rows):
    source = tmp_path / "in.csv"
    pd.DataFrame(seed_rows[:3]).to_csv(source, index=False)
    output = tmp_path / "out.parquet"
    assert run_batch([str(source), "-o", str(output), "--jobs", "1"]) == 0
    table = pd.read_parquet(output)
    assert list(table["title"]) == [row["title"] for row in seed_rows[:3]]
    assert list(table["n_paragraphs"]) == [
        len(analyze(row["text"]).document.paragraphs) for row in seed_rows[:3]
    ]


def test_resume_after_an_interruption_redoes_no_finished_chunk(
    tmp_path, seed_rows, monkeypatch, count_analyses
):
    source = write_jsonl(tmp_path / "in.jsonl", seed_rows)
    output = tmp_path / "out.parquet"
    args = [str(source), "-o", str(output), "--jobs", "1", "--chunk-size", "2"]
    real = batch_module.process_chunk

    def interrupted_at_chunk_1(index, rows, options):
        if index == 1:
            raise KeyboardInterrupt
        return real(index, rows, options)

    monkeypatch.setattr(batch_module, "process_chunk", interrupted_at_chunk_1)
    assert run_batch(args) == 130
    assert not output.exists()
    assert len(count_analyses) == 2
    monkeypatch.setattr(batch_module, "process_chunk", real)
    assert run_batch(args) == 0
    assert len(count_analyses) == 5  # the first chunk's 2 articles were not analysed again
    table = pd.read_parquet(output)
    assert list(table["row"]) == [f"in.jsonl:{n}" for n in range(1, 6)]


def test_resume_with_other_settings_is_refused(tmp_path, seed_rows, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", seed_rows[:1])
    output = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").mkdir()
    (tmp_path / "out.jsonl.partial" / "state.json").write_text('{"chunk_size": 1}')
    assert run_batch([str(source), "-o", str(output)]) == 2
    assert "--restart" in capsys.readouterr().err
    assert run_batch([str(source), "-o", str(output), "--restart", "--jobs", "1"]) == 0


def test_two_processes_give_the_same_output_as_one(tmp_path, seed_rows):
    source = write_jsonl(tmp_path / "in.jsonl", seed_rows * 2)
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    assert run_batch([str(source), "-o", str(one), "--jobs", "1", "--chunk-size", "3"]) == 0
    assert run_batch([str(source), "-o", str(two), "--jobs", "2", "--chunk-size", "3"]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(one), pd.read_parquet(two))


def test_store_serves_unchanged_texts_from_its_cache(tmp_path, seed_rows, count_analyses):
    source = write_jsonl(tmp_path / "in.jsonl", seed_rows[:3])
    store = tmp_path / "store.sqlite3"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run_batch([str(source), "-o", str(first), "--jobs", "1", "--store", str(store)]) == 0
    assert len(count_analyses) == 3
    assert run_batch([str(source), "-o", str(second), "--jobs", "1", "--store", str(store)]) == 0
    assert len(count_analyses) == 3
    assert first.read_text() == second.read_text()
    generic = [str(source), "-o", str(tmp_path / "generic.jsonl"), "--codebook", "generic"]
    assert run_batch([*generic, "--jobs", "1", "--store", str(store)]) == 0
    assert len(count_analyses) == 6  # another codebook: analysed again
    cached = Store(store).cached_report(load(SEEDS)[0], load_codebook("policy").hash)
    assert cached["outlet"] == seed_rows[0]["outlet"]


def test_dask_engine_on_a_local_cluster_reads_parquet_partitions(tmp_path, seed_rows):
    from dask.distributed import LocalCluster

    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(seed_rows[:4]), source, row_group_size=2)
    local, distributed = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert run_batch([str(source), "-o", str(local), "--jobs", "1"]) == 0
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        args = [str(source), "-o", str(distributed), "--engine", "dask"]
        assert run_batch([*args, "--scheduler", cluster.scheduler_address]) == 0
    by_dask = pd.read_parquet(distributed)
    assert sorted(by_dask["row"]) == [
        "partition 0:1",
        "partition 0:2",
        "partition 1:1",
        "partition 1:2",
    ]  # one partition per row group
    pd.testing.assert_frame_equal(
        by_dask.drop(columns="row"), pd.read_parquet(local).drop(columns="row")
    )


def test_usage_errors_are_messages_not_tracebacks(tmp_path, capsys):
    assert run_batch([str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert run_batch([str(SEEDS), "-o", str(tmp_path / "out.csv")]) == 2
    (tmp_path / "notes.docx").write_text("x")
    assert run_batch([str(tmp_path / "notes.docx"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("report", "flat"),
    [
        ({"id": "a", "words": 3}, {"id": "a", "words": 3}),
        ({"sentences": [{}, {}]}, {"n_sentences": 2}),
        (
            {"tone": {"polarity_ci": [0.1, 0.2]}},
            {"tone.polarity_ci_low": 0.1, "tone.polarity_ci_high": 0.2},
        ),
        (
            {"tone": {"polarity_ci": None}},
            {"tone.polarity_ci_low": None, "tone.polarity_ci_high": None},
        ),
        ({"sources": {"mix": {"official": 0.5}}}, {"sources.mix.official": 0.5}),
        (
            {"frames": [{"frame": "economic", "label": "Economic", "share": 0.2, "cues": [{}]}]},
            {"frames.economic.share": 0.2, "frames.economic.n_cues": 1},
        ),
        ({"mentions": [{"actor": "US"}, {"actor": "US"}]}, {"n_mentions": 2}),
        ({"removed": [{"text": "Read more here", "at": 0}]}, {"n_removed": 1}),
    ],
)
def test_flatten(report, flat):
    assert flatten(report) == flat
