"""Compare sentence splitters on the hand-checked seed sentences and on hard cases.

Run from the repository root: python -m benchmarks.sentence_splitters
Prints boundary precision/recall/F1 and time per article, relative to the rule splitter.
"""

import time
from pathlib import Path

import pysbd

from analysis import load
from analysis.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "sentences.txt"
HARD_CASES = [
    ["The U.S. Defense Department said it would decide later."],
    ["Sen. Bob Smith chairs the committee."],
    ["Dr. Ana Pérez spoke on Jan. 5 in Washington."],
    ["The deal, signed by J. R. Smith, is worth $5.5 billion."],
    ["The acquisition of these systems is… beneficial to the government."],
    ["Talks with the U.K. government resumed in Washington, D.C. on Monday."],
    ["The sanctions were imposed by the U.S.", "The next day, India replied."],
    ["She moved to Washington, D.C.", "It was 2019."],
    ["“It is done.”", "The minister left."],
    ["“We will wait.", "We always have,” she said."],
    ["Is it over?", "No.", "It has just begun!"],
]


def gold_articles() -> dict[str, list[str]]:
    articles: dict[str, list[str]] = {}
    for line in GOLD.read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = articles.setdefault(line[3:], [])
        elif line and not line.startswith("#"):
            current.append(line)
    return articles


def rule_splitter(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


_PYSBD = pysbd.Segmenter(language="en", clean=False)


def pysbd_splitter(paragraph: str) -> list[str]:
    return [sentence.strip() for sentence in _PYSBD.segment(paragraph) if sentence.strip()]


def boundaries(sentences: list[str]) -> set[int]:
    """Character offsets (ignoring spaces) where sentences end."""
    ends, position = set(), 0
    for sentence in sentences:
        position += len("".join(sentence.split()))
        ends.add(position)
    return ends


def score(splitter, cases: list[tuple[list[str], list[str]]]) -> tuple[float, float, float]:
    hits = predicted = expected = 0
    for paragraphs, gold in cases:
        guess = [s for paragraph in paragraphs for s in splitter(paragraph)]
        found, truth = boundaries(guess), boundaries(gold)
        hits, predicted, expected = (
            hits + len(found & truth),
            predicted + len(found),
            expected + len(truth),
        )
    precision, recall = hits / predicted, hits / expected
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    gold = gold_articles()
    seeds = [(article.text.split("\n\n"), gold[article.file]) for article in load(ROOT / "seeds")]
    hard = [([" ".join(case)], case) for case in HARD_CASES]
    timings = {}
    for name, splitter in (
        ("rule (analysis.text)", rule_splitter),
        ("pysbd 0.3.4", pysbd_splitter),
    ):
        start = time.perf_counter()
        for _ in range(20):
            for paragraphs, _gold in seeds:
                for paragraph in paragraphs:
                    splitter(paragraph)
        timings[name] = (time.perf_counter() - start) / (20 * len(seeds))
        p, r, f = score(splitter, seeds)
        hf = score(splitter, hard)[2]
        print(
            f"{name:22} seeds P={p:.3f} R={r:.3f} F1={f:.3f} | hard cases F1={hf:.3f} "
            f"| {timings[name] * 1000:.2f} ms/article"
        )
    base = timings["rule (analysis.text)"]
    print(f"pysbd / rule time ratio: {timings['pysbd 0.3.4'] / base:.1f}x")


if __name__ == "__main__":
    main()
