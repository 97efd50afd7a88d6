"""Measure the analyzers on every gold set and write analysis/data/accuracy.json, the one
place the README and the dashboard's Method page take accuracy figures from.

    python scripts/measure.py            # update `current`; first-run figures are kept
    python scripts/measure.py --markdown # also print the README's tables

Gold on real articles names its article files only; they are read from the development
folders beside the checkout (../shared/devsets/articles, ../devsets-more/articles,
../devsets-more2/articles, ../devsets-more3/articles,
../devsets-more4/articles, ../devsets-more5/articles, ../devsets-more6/articles,
../devsets-more7/articles, ../devsets-more8/articles, ../devsets-extra/articles). A set
whose folder is missing keeps its earlier figures.
"""

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from analysis.errors import DataFileError
from analysis.evaluate import evaluate
from analysis.evaluate.figures import ACCURACY_FILE, merged

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
OUTPUT = ROOT / "analysis" / "data" / ACCURACY_FILE
SETS: list[dict[str, Any]] = [
    {
        "id": "real-held-out",
        "title": "Real articles, held out: 8 stories, 32 articles",
        "kind": "held out",
        "about": "Chandrayaan-3 landing, Sri Lanka protests, Derna floods, Silicon Valley Bank, "
        "UK nurses' strike, Liz Truss resigns, Chauvin verdict, WHO ends the COVID-19 "
        "emergency; annotated before any tool ran on them, never used to choose a rule.",
        "gold": [
            "real/quotes_extra.toml",
            "real/frames_extra.toml",
            "real/tone_extra.tsv",
            "real/actors_extra.toml",
        ],
        "folder": ROOT.parent / "devsets-extra" / "articles",
    },
    {
        "id": "real-held-out-recovered",
        "title": "Real articles, held out, as recovered: 26 of the 32",
        "kind": "held out",
        "about": "The held-out folder was lost with a machine; 26 of its 32 articles were "
        "rebuilt from the page store and checked against every gold offset (6 could not be "
        "found: 27, 31, 32, 44, 45, 49). Measured on those 26 only; the first run is the code "
        "the gold was first measured with (commit f4a728e), on the same 26.",
        "gold": ["real/quotes_extra.toml", "real/frames_extra.toml", "real/tone_extra.tsv"],
        "folder": ROOT.parent / "devsets-extra" / "articles",
        "present_only": True,
    },
    {
        "id": "real-held-out-2",
        "title": "Real articles, held out 2 (speakers): 3 stories, 12 articles",
        "kind": "held out",
        "about": "Djokovic's visa cancelled and his deportation from Australia (2022), the "
        "Alaska Airlines door-plug blowout (2024), Sheinbaum wins Mexico's election (2024); "
        "quotes and speakers annotated before any tool ran on them, never used to choose a "
        "rule. First run: the code of commit a0ae407.",
        "gold": ["real/quotes_more3.toml"],
        "folder": ROOT.parent / "devsets-more3" / "articles",
    },
    {
        "id": "real-held-out-3",
        "title": "Real articles, held out 3 (speakers): 3 stories, 12 articles",
        "kind": "held out",
        "about": "Sheikh Hasina resigns and flees Bangladesh (2024), Salman Rushdie stabbed "
        "(2022), Narges Mohammadi's Nobel Peace Prize (2023); quotes and speakers annotated "
        "before any tool ran on them, never used to choose a rule. First run: the code of "
        "commit 74b0164.",
        "gold": ["real/quotes_more6.toml"],
        "folder": ROOT.parent / "devsets-more6" / "articles",
    },
    {
        "id": "real-development",
        "title": "Real articles, development: 6 stories, 24 articles",
        "kind": "development",
        "about": "Kenya 2022 election, WHO mpox emergency, COP28 deal, Dobbs ruling, CMA blocks "
        "Microsoft-Activision, Pylos shipwreck; annotated before any tool ran on them, then "
        "used to check rules and lexicons (first run: the honest estimate).",
        "gold": [
            "real/quotes_devsets.toml",
            "real/frames_devsets.toml",
            "real/tone_devsets.tsv",
            "real/actors_devsets.toml",
        ],
        "folder": ROOT.parent / "shared" / "devsets" / "articles",
    },
    {
        "id": "real-development-more",
        "title": "Real articles, development (speakers): 4 stories, 16 articles",
        "kind": "development",
        "about": "Titan submersible lost, Hollywood writers' strike 2023, Baltimore Key Bridge "
        "collapse, Turkey-Syria earthquake; quotes and speakers annotated before any tool ran "
        "on them (first run: the honest estimate), then used to check speaker rules.",
        "gold": ["real/quotes_more.toml"],
        "folder": ROOT.parent / "devsets-more" / "articles",
    },
    {
        "id": "real-development-more2",
        "title": "Real articles, development (speakers) 2: 3 stories, 12 articles",
        "kind": "development",
        "about": "Rubiales kisses Jenni Hermoso at the Women's World Cup final, OpenAI board "
        "fires Sam Altman, Morocco earthquake 2023; quotes and speakers annotated before any "
        "tool ran on them (first run: the honest estimate), then used to check speaker rules.",
        "gold": ["real/quotes_more2.toml"],
        "folder": ROOT.parent / "devsets-more2" / "articles",
    },
    {
        "id": "real-development-more4",
        "title": "Real articles, development (speakers) 3: 3 stories, 12 articles",
        "kind": "development",
        "about": "Trump's hush-money verdict, Imane Khelif at the Paris 2024 Olympics, the "
        "Maui wildfires; quotes and speakers annotated before any tool ran on them (first "
        "run: the code of commit 9b6f3cd, the honest estimate), then used to check speaker "
        "rules.",
        "gold": ["real/quotes_more4.toml"],
        "folder": ROOT.parent / "devsets-more4" / "articles",
    },
    {
        "id": "real-development-more5",
        "title": "Real articles, development (speakers) 4: 3 stories, 12 articles",
        "kind": "development",
        "about": "The CrowdStrike outage, Julian Assange's plea deal, the Starliner crew's "
        "return on SpaceX; quotes and speakers annotated before any tool ran on them (first "
        "run: the code of commit 74b0164, the honest estimate), then used to check speaker "
        "rules.",
        "gold": ["real/quotes_more5.toml"],
        "folder": ROOT.parent / "devsets-more5" / "articles",
    },
    {
        "id": "real-development-more7",
        "title": "Real articles, development (speakers) 5: 3 stories, 12 articles",
        "kind": "development",
        "about": "Messi joins Inter Miami, Twitter rebrands as X, the Fukushima water release; "
        "quotes and speakers annotated before any tool ran on them (first run: the code of "
        "commit fa12b25, the honest estimate), then used to check speaker rules.",
        "gold": ["real/quotes_more7.toml"],
        "folder": ROOT.parent / "devsets-more7" / "articles",
    },
    {
        "id": "real-development-more8",
        "title": "Real articles, development (speakers) 6: 3 stories, 12 articles",
        "kind": "development",
        "about": "Pedro Sánchez considers resigning, the Princess of Wales's cancer "
        "announcement, the Nipah outbreak in Kerala; quotes and speakers annotated before any "
        "tool ran on them (first run: the code of commit 8ebe816, the honest estimate), then "
        "used to check speaker rules.",
        "gold": ["real/quotes_more8.toml"],
        "folder": ROOT.parent / "devsets-more8" / "articles",
    },
    {
        "id": "real-development-facts",
        "title": "Real articles, development (shared facts): 10 stories, 40 articles",
        "kind": "development",
        "about": "The development stories of both folders; 168 cross-outlet sentence pairs "
        "labelled same fact or not before any matcher ran on them (first run: the honest "
        "estimate); half the stories then used to choose the fact matcher's threshold.",
        "gold": ["real/fact_pairs_devsets.tsv"],
        "folder": ROOT.parent / "shared" / "devsets" / "articles",
        "more_folders": [ROOT.parent / "devsets-more" / "articles"],
    },
    {
        "id": "real-development-facts-more",
        "title": "Real articles (shared facts) 2: 18 stories, 72 articles",
        "kind": "development",
        "about": "The stories of devsets-more3 to -more8; 376 cross-outlet sentence pairs, "
        "among them 78 paraphrases found by reading, labelled same fact or not before any "
        "matcher ran on them (first run: the code of commit 5eb166b, the honest estimate); "
        "the 12 stories of the speakers' development folders then used to check the fact "
        "lexicon and threshold, the 6 of the held-out folders only measured (split in "
        "`python -m benchmarks.fact_grouping`).",
        "gold": ["real/fact_pairs_more.tsv"],
        "folder": ROOT.parent / "devsets-more3" / "articles",
        "more_folders": [ROOT.parent / f"devsets-more{n}" / "articles" for n in range(4, 9)],
    },
    {
        "id": "sample",
        "title": "The bundled sample: 5 articles on the S-400 story",
        "kind": "development",
        "about": "The articles the rules were first written on: development figures, expected "
        "to be near 1.",
        "gold": ["quotes.toml", "frames.toml", "fact_pairs.tsv"],
        "folder": None,
    },
    {
        "id": "written-for-tests",
        "title": "Articles written for the tests: 13 short articles in other outlets' styles",
        "kind": "written for the tests",
        "about": "Each shows constructions (quote marks, cut-off pages, institutions as "
        "speakers); evidence that they are handled, not of accuracy on real news.",
        "gold": ["quotes_outlets.toml", "quotes_outlets2.toml", "quotes_outlets3.toml"],
        "folder": None,
    },
]


def measure(markdown: bool) -> None:
    earlier = {}
    if OUTPUT.exists():
        earlier = {entry["id"]: entry for entry in json.loads(OUTPUT.read_text())["gold_sets"]}
    entries = []
    for gold_set in SETS:
        folder = gold_set["folder"]
        folders = [folder, *gold_set.get("more_folders", [])] if folder else []
        if any(not path.is_dir() for path in folders):
            print(f"{gold_set['id']}: {folder} not found, figures kept")
            if gold_set["id"] in earlier:
                entries.append(earlier[gold_set["id"]])
            continue
        gold = [GOLD / name for name in gold_set["gold"]]
        with tempfile.TemporaryDirectory() as scratch:
            if gold_set.get("present_only"):
                gold = [_present_only(path, folder, Path(scratch)) for path in gold]
            try:
                results = evaluate(gold, folders)
            except DataFileError as error:  # an article of the set is missing
                print(f"{gold_set['id']}: {error}; figures kept")
                if gold_set["id"] in earlier:
                    entries.append(earlier[gold_set["id"]])
                continue
        described = {k: gold_set[k] for k in ("id", "title", "kind", "about")}
        first_run = gold_set["folder"] is not None  # real articles: measured before any change
        entries.append(merged(earlier.get(gold_set["id"], {}), described, results, first_run))
        print(f"{gold_set['id']}: measured")
    OUTPUT.write_text(json.dumps({"gold_sets": entries}, indent=1, ensure_ascii=False) + "\n")
    if markdown:
        for entry in entries:
            print(f"\n**{entry['title']}** ({entry['kind']})\n")
            print("| figure | first run | now |\n|---|---|---|")
            for metric, value in entry["current"].items():
                print(f"| {metric} | {_cell(entry['first_run'].get(metric))} | {_cell(value)} |")


def _present_only(gold: Path, folder: Path, scratch: Path) -> Path:
    """A copy of a quotes, frames or tone gold file keeping only the articles in `folder`."""
    present = {path.name for path in folder.iterdir()}
    text = gold.read_text("utf-8")
    if gold.suffix == ".tsv":
        kept = [
            line
            for line in text.splitlines(keepends=True)
            if line.startswith(("#", "file\t")) or line.split("\t", 1)[0] in present
        ]
    else:
        head, *articles = text.split("\n[[article]]\n")
        kept = [head] + [
            "\n[[article]]\n" + article
            for article in articles
            if re.search(r'^file = "([^"]+)"', article, re.M).group(1) in present  # type: ignore[union-attr]
        ]
    copy = scratch / gold.name
    copy.write_text("".join(kept), "utf-8")
    return copy


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print the README's tables")
    measure(parser.parse_args().markdown)
