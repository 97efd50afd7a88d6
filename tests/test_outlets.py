"""Outlet profiles over many articles (analysis/outlets/, `python -m analysis outlets`)."""

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import SAMPLE, analyze, load
from analysis.cli import main
from analysis.outlets import bootstrap_ci, outlet_profiles, summaries_from_dicts, summarise
from analysis.outlets.export import schema
from analysis.outlets.read import read_summaries
from analysis.outlets.stories import read_stories

from .conftest import DEVSETS

SAMPLE_OUTLETS = ["Daily A", "Daily A", "Daily A", "Weekly B", "Weekly B"]


def generated(outlets: dict[str, int], seed: int = 7) -> pd.DataFrame:
    """Seeded per-article summaries: `n` articles per outlet, tones around 0.1, random
    quote counts by speaker type and country, one dominant frame or none."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, n in outlets.items():
        for i in range(n):
            official, expert = rng.integers(0, 6, size=2)
            rows.append(
                {
                    "id": f"{outlet}-{i}",
                    "outlet": outlet,
                    "sentiment.tone": float(np.clip(rng.normal(0.1, 0.3), -1, 1)),
                    "source_mix.quotes": official + expert,
                    "source_mix.voices": rng.integers(0, 4),
                    "source_mix.named": official,
                    "source_mix.unnamed": expert,
                    "source_mix.unsourced": rng.integers(0, 3),
                    "source_mix.by_type.official": official,
                    "source_mix.by_type.expert": expert,
                    "source_mix.by_country.US": official,
                    "source_mix.by_country.unknown": expert,
                    "frames.economic.dominant": bool(i % 3 == 0),
                    "frames.political.dominant": bool(i % 3 == 1),
                    "frames.economic.present": bool(i % 2),
                }
            )
    return summarise(pd.DataFrame(rows))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_interval_contains_the_mean_and_shrinks_as_articles_grow(seed):
    rng = np.random.default_rng(seed)
    widths = []
    for n in (10, 100, 1000):
        tones = rng.normal(0.1, 0.3, size=n)
        low, high = bootstrap_ci(tones, np.random.default_rng(0))
        assert low < tones.mean() < high
        widths.append(high - low)
    assert widths[0] > widths[1] > widths[2]
    # The standard error shrinks as 1/sqrt(n): ten times the articles, about a third.
    assert 0.2 < widths[2] / widths[1] < 0.5


def test_interval_is_over_articles_and_reproducible_whatever_the_row_order():
    summaries = generated({"A": 30, "B": 12})
    first = outlet_profiles(summaries)
    shuffled = outlet_profiles(summaries.sample(frac=1, random_state=3).reset_index(drop=True))
    assert [p.tone_ci for p in first.outlets] == [p.tone_ci for p in shuffled.outlets]
    alone = outlet_profiles(summaries[summaries["outlet"] == "B"])
    assert alone.outlets[0].tone_ci == first.outlets[1].tone_ci
    other_seed = outlet_profiles(summaries, seed=1)
    assert other_seed.outlets[0].tone_ci != first.outlets[0].tone_ci
    a = first.outlets[0]
    assert a.articles == a.tone_articles == 30
    tones = summaries.loc[summaries["outlet"] == "A", "tone"]
    assert a.tone == pytest.approx(tones.mean(), abs=1e-4)


def test_an_outlet_with_one_article_has_an_unknown_interval_never_a_zero_wide_one():
    profiles = outlet_profiles(generated({"A": 1, "B": 2}))
    one, two = profiles.outlets
    assert one.articles == 1 and one.tone_ci is None and one.tone is not None
    assert two.tone_ci is not None and two.tone_ci[0] < two.tone_ci[1]
    assert profiles.unknown_intervals == ("A",)


def test_an_article_without_a_tone_is_left_out_of_the_interval():
    summaries = generated({"A": 3})
    summaries.loc[[0, 1], "tone"] = np.nan
    (profile,) = outlet_profiles(summaries).outlets
    assert profile.articles == 3 and profile.tone_articles == 1 and profile.tone_ci is None


ARTICLE = st.tuples(
    st.sampled_from(["A", "B", "C"]),  # outlet
    st.integers(0, 9),  # official quotes
    st.integers(0, 9),  # expert quotes
    st.sampled_from(["economic", "political", ""]),  # dominant frame ("": none)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ARTICLE, min_size=1, max_size=40))
def test_shares_sum_to_one_and_each_article_counts_once(articles):
    rows = [
        {
            "id": f"a{i}",
            "outlet": outlet,
            "source_mix.quotes": official + expert,
            "source_mix.by_type.official": official,
            "source_mix.by_type.expert": expert,
            "source_mix.by_country.US": official,
            "source_mix.by_country.unknown": expert,
            "frames.economic.dominant": frame == "economic",
            "frames.political.dominant": frame == "political",
        }
        for i, (outlet, official, expert, frame) in enumerate(articles)
    ]
    profiles = outlet_profiles(summarise(pd.DataFrame(rows)), resamples=50)
    assert sum(p.articles for p in profiles.outlets) == len(articles)
    for profile in profiles.outlets:
        assert sum(profile.dominant_frames.values()) == pytest.approx(1, abs=1e-3)
        assert profile.dominant_frames.keys() <= {"economic", "political", "none"}
        quoted = sum(o + e for name, o, e, _ in articles if name == profile.outlet)
        for shares in (profile.speaker_types, profile.countries):
            assert sum(shares.values()) == pytest.approx(1 if quoted else 0, abs=1e-3)


def test_quote_shares_pool_the_quotes_of_every_article():
    summaries = generated({"A": 20})
    (profile,) = outlet_profiles(summaries).outlets
    official = summaries["type.official"].sum() / summaries["quotes"].sum()
    assert profile.speaker_types["official"] == pytest.approx(official, abs=1e-4)
    assert profile.named_share == pytest.approx(official, abs=1e-4)
    assert profile.voices_per_article == pytest.approx(summaries["voices"].mean(), abs=1e-4)


# --- on analysed articles -------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_reports():
    reports = [analyze(article).to_dict() for article in load()]
    for report, outlet in zip(reports, SAMPLE_OUTLETS, strict=True):
        report["outlet"] = outlet
    return reports


def test_sample_profiles_match_their_articles(sample_reports):
    profiles = outlet_profiles(summaries_from_dicts(sample_reports))
    a, b = profiles.outlets
    assert (a.outlet, a.articles, b.outlet, b.articles) == ("Daily A", 3, "Weekly B", 2)
    tones = [r["sentiment"]["tone"] for r in sample_reports[:3]]
    assert a.tone == pytest.approx(sum(tones) / 3, abs=1e-4)
    assert min(tones) <= a.tone_ci[0] < a.tone_ci[1] <= max(tones)
    quotes = sum(r["source_mix"]["quotes"] for r in sample_reports[3:])
    assert b.quotes_per_article == quotes / 2
    unsourced = [r["source_mix"]["unsourced"] for r in sample_reports[:3]]
    assert a.unsourced_per_article == pytest.approx(sum(unsourced) / 3, abs=1e-4)


@pytest.fixture(scope="module")
def batch_outputs(tmp_path_factory, sample_reports):
    """The sample with two outlets as batch input (JSON Lines), run through `batch` into
    Parquet and into JSON Lines."""
    folder = tmp_path_factory.mktemp("batch")
    rows = [
        {"id": a.id, "text": a.text, "title": a.title, "outlet": outlet}
        for a, outlet in zip(load(), SAMPLE_OUTLETS, strict=True)
    ]
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    for name in ("out.parquet", "out.jsonl"):
        assert main(["batch", str(source), "-o", str(folder / name), "--jobs", "1"]) == 0
    return folder


def run(capsys, *argv):
    code = main(["outlets", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_batch_outputs_round_trip_to_the_same_profiles(batch_outputs, sample_reports, capsys):
    direct = outlet_profiles(summaries_from_dicts(sample_reports))
    for name, words_from in (("out.parquet", "headlines"), ("out.jsonl", "text")):
        code, out, err = run(capsys, batch_outputs / name, "--format", "json")
        assert code == 0, err
        data = json.loads(out)
        jsonschema.validate(data, schema())
        assert data["method"]["distinctive"]["words_from"] == words_from
        for profile, expected in zip(data["outlets"], direct.outlets, strict=True):
            assert profile["outlet"] == expected.outlet
            assert profile["articles"] == expected.articles
            assert profile["tone"] == expected.tone
            assert tuple(profile["tone_ci"]) == expected.tone_ci
            assert profile["speaker_types"] == expected.speaker_types
            assert profile["dominant_frames"] == expected.dominant_frames


def test_the_quotes_table_alone_is_refused_with_what_to_give_instead(batch_outputs, capsys):
    code, out, err = run(capsys, batch_outputs / "out.quotes.parquet")
    assert code == 2 and out == ""
    assert "table of quotes" in err and "NAME.parquet" in err and "Traceback" not in err
    both = sorted(batch_outputs.glob("out*.parquet"))  # as the shell expands out*.parquet
    code, out, _ = run(capsys, *both, "--format", "json")
    assert code == 0 and json.loads(out)["articles"] == len(SAMPLE_OUTLETS)


def test_a_story_key_in_the_reports_gives_profiles_per_story(sample_reports, tmp_path, capsys):
    lines = tmp_path / "stories.jsonl"
    stories = ["deal", "deal", "visit", "deal", ""]
    lines.write_text(
        "".join(
            json.dumps(r | {"story": s}) + "\n"
            for r, s in zip(sample_reports, stories, strict=True)
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, lines, "--format", "json")
    by_story = {(p["outlet"], p["story"]): p["articles"] for p in json.loads(out)["by_story"]}
    assert code == 0
    assert by_story == {("Daily A", "deal"): 2, ("Daily A", "visit"): 1, ("Weekly B", "deal"): 1}


def test_store_summaries_read_cached_reports_only(tmp_path):
    from analysis.outlets.read import summaries_from_store

    store = _store(tmp_path / "store.sqlite3")
    articles = load()
    read_summaries([SAMPLE], store=store)  # analyses and caches the sample
    fresh = load(SAMPLE)[0].__class__(text="A new text nobody analysed.", id="new", outlet="X")
    summaries, missing = summaries_from_store([*articles, fresh], store, _policy_key())
    assert [a.id for a in missing] == ["new"]
    assert sorted(summaries.frame["id"]) == sorted(a.id for a in articles)


def test_store_summaries_equal_those_of_the_full_reports(tmp_path):
    """The store's compact summaries give the table parsing the full reports gives."""
    from analysis.outlets.read import summaries_from_store

    store = _store(tmp_path / "store.sqlite3")
    articles = load()
    reports = [analyze(article) for article in articles]
    store.save_reports(reports, _policy_key())
    compact = summaries_from_store(articles, store, _policy_key())[0].frame
    full = summaries_from_dicts([report.to_dict() for report in reports])
    pd.testing.assert_frame_equal(compact, full, check_like=True, check_dtype=False)
    assert compact["quotes"].sum() == sum(len(r.sources.quotes) for r in reports) > 0


def _policy_key():
    from analysis.framing import load_codebook
    from analysis.report import settings_key

    return settings_key(load_codebook("policy"))


def test_json_words_are_distinctive_words_of_the_text_highest_first(batch_outputs, capsys):
    code, out, _ = run(capsys, batch_outputs / "out.jsonl", "--format", "json")
    assert code == 0
    data = json.loads(out)
    texts = [a.text.lower() for a in load()]
    for profile, outlet in zip(data["outlets"], ("Daily A", "Weekly B"), strict=True):
        own = " ".join(t for t, name in zip(texts, SAMPLE_OUTLETS, strict=True) if name == outlet)
        zs = [t["z"] for t in profile["distinctive"]]
        assert zs and zs == sorted(zs, reverse=True)
        for term in profile["distinctive"]:
            assert term["count"] >= 3 and term["z"] > 0
            assert all(word in own for word in term["term"].split())


@pytest.mark.parametrize(
    "texts, outlets, expected",
    [
        (
            ["The Daily Star said", "the daily star"],
            ["Daily Star", "Daily Star"],
            ["The   said", "the  "],
        ),
        (["Daily Star, quoted by the Times"], ["The Times"], ["Daily Star, quoted by  "]),
        (["Stardust and the Star"], ["Star"], ["Stardust and the  "]),
        (["Named by nobody"], [""], ["Named by nobody"]),
    ],
)
def test_an_article_is_counted_without_its_own_outlets_name(texts, outlets, expected):
    from analysis.outlets.words import without_own_names

    assert list(without_own_names(pd.Series(texts), pd.Series(outlets))) == expected


def test_csv_has_a_row_per_outlet_and_its_shares_as_columns(batch_outputs, capsys):
    code, out, _ = run(capsys, batch_outputs / "out.parquet", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["outlet"] for r in rows] == ["Daily A", "Weekly B"]
    shares = [float(v) for k, v in rows[0].items() if k.startswith("type.")]
    assert sum(shares) == pytest.approx(1, abs=1e-3)
    assert float(rows[0]["tone_ci_low"]) < float(rows[0]["tone"]) < float(rows[0]["tone_ci_high"])


def test_table_says_unknown_for_a_one_article_outlet(batch_outputs, tmp_path, capsys):
    table = pd.read_parquet(batch_outputs / "out.parquet")
    table.loc[0, "outlet"] = "Solo"
    table.to_parquet(tmp_path / "solo.parquet")
    code, out, err = run(capsys, tmp_path / "solo.parquet")
    assert code == 0
    solo = next(line for line in out.splitlines() if line.startswith("Solo"))
    assert "unknown" in solo
    assert "interval is unknown" in err and "Solo" in err


def test_stories_file_gives_profiles_per_outlet_and_story(batch_outputs, tmp_path, capsys):
    ids = [a.id for a in load()]
    stories = {
        "stories": [
            {
                "id": "s1",
                "label": "Deal",
                "articles": [{"id": ids[0]}, {"id": ids[3]}],
            },
            {"id": "s2", "label": "Deal", "articles": [{"id": i} for i in ids[1:3]]},
        ]
    }
    path = tmp_path / "stories.json"
    path.write_text(json.dumps(stories), encoding="utf-8")
    code, out, _ = run(capsys, batch_outputs / "out.parquet", "--stories", path, "--format", "json")
    assert code == 0
    by_story = {(p["outlet"], p["story"]): p["articles"] for p in json.loads(out)["by_story"]}
    assert by_story == {
        ("Daily A", "Deal (s1)"): 1,
        ("Weekly B", "Deal (s1)"): 1,
        ("Daily A", "Deal (s2)"): 2,
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"stories": 3}', 'expected {"stories": [...]}'),
        ('{"stories": [{"label": "x"}]}', 'stories[0]: expected an object with an "id"'),
        ('{"stories": [{"id": "a", "articles": [{"url": "u"}]}]}', 'with "file" or "id"'),
    ],
)
def test_a_malformed_stories_file_is_a_usage_error(tmp_path, text, message, capsys):
    path = tmp_path / "stories.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match="stories"):
        read_stories(path)
    code, out, err = run(capsys, tmp_path, "--stories", path)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_bad_inputs_end_in_a_message_and_exit_code_2(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    garbage = tmp_path / "damaged.parquet"
    garbage.write_bytes(b"PAR1 not really" * 20)
    other = tmp_path / "other.parquet"
    pd.DataFrame({"text": ["hello"]}).to_parquet(other)
    lines = tmp_path / "notes.jsonl"
    lines.write_text('{"a": 1}\n[1, 2]\n{oops\n', encoding="utf-8")
    cases = [
        (tmp_path / "missing", "no such file or folder"),
        (empty, "nothing to profile"),
        (garbage, "not a readable Parquet file"),
        (other, "not an output of `python -m analysis batch`"),
        (lines, "nothing to profile"),
    ]
    for path, message in cases:
        code, out, err = run(capsys, path)
        assert (code, out) == (2, ""), path
        assert message in err and "Traceback" not in err, err


def test_bad_lines_are_skipped_and_said(batch_outputs, tmp_path, capsys):
    mixed = tmp_path / "mixed.jsonl"
    good = (batch_outputs / "out.jsonl").read_text("utf-8")
    mixed.write_text("{oops\n" + good + '"just a string"\n', encoding="utf-8")
    code, out, err = run(capsys, mixed, "--format", "json")
    assert code == 1
    assert json.loads(out)["articles"] == 5
    assert "mixed.jsonl:1: not valid JSON" in err
    assert f"mixed.jsonl:{len(good.splitlines()) + 2}: not a report" in err


def test_one_article_is_profiled_with_a_note(tmp_path, capsys):
    folder = tmp_path / "one"
    folder.mkdir()
    first = sorted(Path(SAMPLE).glob("*.txt"))[0]
    shutil.copy(first, folder / first.name)
    code, out, err = run(capsys, folder, "--format", "json")
    assert code == 0
    (profile,) = json.loads(out)["outlets"]
    assert profile["articles"] == 1 and profile["tone_ci"] is None
    assert "one article" in err


def test_store_cache_serves_the_second_run(tmp_path, capsys, monkeypatch):
    from analysis.outlets import read as read_module

    store = tmp_path / "store.sqlite3"
    first = read_summaries([SAMPLE], store=_store(store))
    monkeypatch.setattr(read_module, "analyze", lambda *a: pytest.fail("analysed again"))
    second = read_summaries([SAMPLE], store=_store(store))
    pd.testing.assert_frame_equal(first.frame, second.frame)


def _store(path):
    from analysis.store import Store

    return Store(path)


# --- real text ------------------------------------------------------------------------

REAL = ["05_tag24.txt", "06_cgtn.txt", "17_telegraph.txt", "18_thetimes.txt", "20_tag24.txt"]


@pytest.mark.skipif(not DEVSETS.exists(), reason="devsets not present")
def test_real_articles_by_story_from_the_manifest(tmp_path, capsys):
    folder = tmp_path / "real"
    folder.mkdir()
    manifest = pd.read_csv(DEVSETS / "manifest.csv", dtype=str).fillna("")
    manifest = manifest[manifest["file"].isin(REAL)]
    for name in REAL:
        shutil.copy(DEVSETS / name, folder / name)
    manifest.to_csv(folder / "manifest.csv", index=False)
    stories = {
        "stories": [
            {"id": str(i), "label": story, "articles": [{"file": f} for f in group["file"]]}
            for i, (story, group) in enumerate(
                manifest.groupby(manifest["note"].str.split(";").str[0])
            )
        ]
    }
    (tmp_path / "stories.json").write_text(json.dumps(stories), encoding="utf-8")
    code, out, err = run(capsys, folder, "--stories", tmp_path / "stories.json", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, schema())
    outlets = {p["outlet"]: p for p in data["outlets"]}
    assert outlets["TAG24"]["articles"] == 2 and outlets["TAG24"]["tone_ci"] is not None
    assert outlets["CGTN"]["tone_ci"] is None
    tag24 = [p for p in data["by_story"] if p["outlet"] == "TAG24"]
    assert len(tag24) == 2 and all(p["tone_ci"] is None for p in tag24)
    assert len(data["by_story"]) == len(REAL)


def test_reports_with_wrong_types_are_profiled_as_missing_numbers(sample_reports, tmp_path, capsys):
    hostile = [
        sample_reports[0] | {"sentiment": {"tone": float("inf")}},
        sample_reports[1] | {"source_mix": {"quotes": "many", "by_type": {"official": "x"}}},
        sample_reports[2] | {"frames": "nonsense", "outlet": {"nested": [1]}},
        sample_reports[3] | {"id": 5, "sentiment": [1, 2]},
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in hostile), encoding="utf-8")
    code, out, err = run(capsys, path, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, schema())
    outlets = {p["outlet"]: p for p in data["outlets"]}
    daily = outlets["Daily A"]  # the infinite tone is left out, not averaged
    assert daily["articles"] == 2 and daily["tone_articles"] == 1 and daily["tone_ci"] is None
    assert daily["tone"] == round(sample_reports[1]["sentiment"]["tone"], 4)
    assert f"article {sample_reports[2]['id']}" in outlets  # an outlet that is no name


def test_handout_outlet_cards_escape_and_say_the_unknown_interval(sample_reports):
    from analysis.classroom.handout import handout_html
    from analysis.classroom.lesson import build_lesson

    reports = [dict(r) for r in sample_reports]
    reports[3]["outlet"] = "Daily A"
    reports[4]["outlet"] = "<b>Solo</b>"
    profiles = outlet_profiles(summaries_from_dicts(reports))
    lesson = build_lesson([analyze(load()[0])])
    page = handout_html(lesson, outlets=profiles)
    assert "<h2>Outlet profiles</h2>" in page
    assert "<b>Solo</b>" not in page and "&lt;b&gt;Solo&lt;/b&gt;" in page
    assert page.count("interval unknown") == 1  # Solo's: Daily A has four articles
    assert "Outlet profiles" not in handout_html(lesson)


def test_handout_command_adds_outlet_cards(tmp_path, capsys):
    output = tmp_path / "lesson.html"
    assert main(["handout", str(SAMPLE), "-o", str(output), "--outlet-cards"]) == 0
    section = output.read_text("utf-8").split("<h2>Outlet profiles</h2>")[1].split("<h2>")[0]
    assert section.count('<div class="card">') == len(load())  # five outlets, one article each
    assert section.count("interval unknown") == len(load())
