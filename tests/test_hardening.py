"""Regression tests for the second hardening round (issue 20): each finding's hostile input,
kept in tests/data/hostile/ or built here, and the behaviour that replaced the failure."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import DataFileError, InputError, StoreError, analyze, load_codebook, make_article
from analysis.batch import open_source
from analysis.corpus import OUTSIDE, article_from_bytes, load_each
from analysis.corpus.clean import clean_field
from analysis.corpus.manifest import safe_url
from analysis.framing.codebook import MAX_FRAMES, parse_codebook
from analysis.store import Store
from dashboard.intake import check_edit
from dashboard.markup import md_escape

HOSTILE = Path(__file__).parent / "data" / "hostile"
ROOT = Path(__file__).parent.parent
CODEBOOK_HEAD = '[codebook]\nid = "t"\nname = "T"\n\n'


def frame(identifier: str, cues: str) -> str:
    return f'[[frame]]\nid = "{identifier}"\nlabel = "L"\ndefinition = "D"\ncues = {cues}\n'


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("cue_gaps.toml", "at most 4 `_` gaps"),
        ("nan_weight.toml", "`weight` must be a number above 0"),
        ("inf_countries.toml", "`countries` must be a number, 0 or more"),
        ("deep.toml", "nested too deeply"),
    ],
)
def test_a_hostile_codebook_is_refused_with_its_reason(name, message):
    with pytest.raises(DataFileError, match=message.replace("`", ".").replace("(", r"\(")):
        load_codebook(HOSTILE / name)


def test_a_cue_with_gaps_still_matches_and_a_long_sentence_cannot_make_it_slow():
    codebook = parse_codebook(CODEBOOK_HEAD + frame("gap", '["imposed _ _ _ _ on"]'))
    hit = analyze("Washington imposed heavy new trade sanctions on the refinery.", codebook)
    assert hit.framing.frames[0].sentences == 1
    # every word could start a match and every gap could take 1 to 3 words: with a memo
    # this is linear; without one it did not finish
    long = "imposed " + "the " * 3000 + "end."
    assert analyze(long, codebook).framing.frames[0].sentences == 0


def test_a_codebook_with_too_many_frames_is_refused_before_it_is_read():
    text = CODEBOOK_HEAD + "".join(frame(f"f{i}", '["w"]') for i in range(MAX_FRAMES + 1))
    with pytest.raises(DataFileError, match=f"more than {MAX_FRAMES} frames"):
        parse_codebook(text)
    huge = CODEBOOK_HEAD + "".join(frame(f"f{i}", '["w"]') for i in range(10_000))
    with pytest.raises(DataFileError):
        parse_codebook(huge)


def test_a_report_is_strict_json_whatever_a_number_became(tmp_path):
    report = analyze("Officials said the sanctions were a mistake.")
    from analysis.report import as_json

    assert as_json(float("nan")) is None and as_json(float("inf")) is None
    json.dumps(report.to_dict(), allow_nan=False)


def test_a_web_address_in_any_user_text_never_becomes_a_link():
    for hostile in ("_www.evil.example/x2", "see www.evil.example", "http://evil.example", "a@b.c"):
        escaped = md_escape(hostile)
        assert "www." not in escaped and "://" not in escaped
        assert "@" not in escaped.replace("\u2060\\@", "")


def test_bidirectional_controls_are_removed_from_outlet_and_title():
    assert clean_field("\u202eTR daily\u202c") == "TR daily"
    assert clean_field("\u2066Reversed\u2069 title") == "Reversed title"
    article = make_article("Officials said so.", outlet="\u202eevil", title="a\u2067b\u2069")
    assert article.outlet == "evil" and article.title == "ab"


def test_an_edit_is_held_to_the_size_limit():
    from analysis.corpus import MAX_TEXT_CHARS

    errors = check_edit("x" * (MAX_TEXT_CHARS + 1), {"outlet": "Outlet"})
    assert "limit" in errors["text"]


def test_the_store_refuses_an_article_over_the_size_limit(tmp_path):
    from analysis.corpus import MAX_TEXT_CHARS

    store = Store(tmp_path / "store.db")
    article = make_article("Officials said so.", outlet="O", title="T")
    huge = article.__class__(**{**article.__dict__, "text": "x" * (MAX_TEXT_CHARS + 1)})
    with pytest.raises(InputError, match="the limit is"):
        store.add(huge)
    assert store.articles() == []


def test_a_utf8_file_with_one_stray_windows_1252_byte_is_decoded_with_a_warning():
    article = article_from_bytes((HOSTILE / "stray_cp1252.txt").read_bytes(), "s.txt")
    assert "isn’t final" in article.text and "minister’s" in article.text
    assert any("Windows-1252" in warning.message for warning in article.warnings)


def test_a_web_address_with_quotes_or_brackets_is_kept_encoded_not_dropped():
    assert safe_url('https://example.org/a"b<c>') == "https://example.org/a%22b%3Cc%3E"
    assert safe_url("javascript:alert(1)") == ""


def test_files_and_manifests_linked_from_outside_the_folder_are_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret minister said nothing at all.")
    (outside / "manifest.csv").write_text("file,outlet\nsecret.txt,Evil\n")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text("Officials said the talks would go on next week.")
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    articles, errors = load_each(folder)
    assert [a.file for a in articles] == ["story.txt"]
    assert any(OUTSIDE in str(error) for error in errors)
    source = open_source(folder)
    assert [path.name for path in source.files] == ["story.txt"]
    assert ("passwd.txt", OUTSIDE) in source.problems  # batch reports it as a failed row
    (folder / "manifest.csv").symlink_to(outside / "manifest.csv")
    with pytest.raises(InputError, match=OUTSIDE):
        open_source(folder)


def test_a_damaged_store_costs_the_cache_not_the_report(tmp_path):
    damaged = tmp_path / "store.db"
    damaged.write_bytes(b"this is not a database" * 100)
    sample = ROOT / "tests" / "articles"
    article = next(p for p in sorted(sample.rglob("*.txt")))
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "--store", str(damaged), "--format", "json", article],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "store" in done.stderr.lower()
    assert json.loads(done.stdout)


def test_a_store_that_cannot_be_written_is_still_read(tmp_path, monkeypatch):
    store = Store(tmp_path / "store.db")
    saved = store.add(make_article("Officials said the talks would go on.", outlet="O"))

    def refuse(self, *args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(Store, "_migrate", refuse)
    read_only = Store(tmp_path / "store.db")
    assert read_only.read_only
    assert [a.id for a in read_only.articles()] == [saved]
    with pytest.raises(StoreError, match="can only be read"):
        read_only.add(make_article("Another text said here.", outlet="P"))


def test_a_store_whose_file_was_deleted_while_in_use_is_made_again(tmp_path):
    store = Store(tmp_path / "data" / "store.db")
    store.add(make_article("Officials said the talks would go on.", outlet="O"))
    for path in (tmp_path / "data").iterdir():
        path.unlink()
    (tmp_path / "data").rmdir()
    store.add(make_article("Officials said the talks would end.", outlet="P"))
    assert len(store.articles()) == 1


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_batch_workers_die_with_their_parent(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (ROOT / "tests" / "gold" / "sentences.txt").read_text(encoding="utf-8")
    for index in range(400):
        (folder / f"{index:03}.txt").write_text(text[: 2000 + index])
    batch = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis",
            "batch",
            str(folder),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--jobs",
            "2",
            "--chunk-size",
            "5",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = children(batch.pid)
    assert len(workers) >= 2, "the batch never started its workers"
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived their parent"


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        if f"PPid:\t{pid}" in lines:
            found.append(int(status.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state
