"""Candidate sentence pairs for the fact-pair gold on real articles, chosen without any
similarity method (so the gold does not favour the one it measures):

    python scripts/fact_candidates.py ../shared/devsets/articles ../devsets-more/articles

For every story (a manifest note's text before ";") it draws, with a fixed seed, pairs of
sentences from different outlets: some sharing two or more names or numbers (a capitalised
word not first in its sentence, or a number), some sharing one, some at random. It prints
each pair as a gold row without its label (file, start, end, file, start, end: offsets into
the article files) followed by both sentences, for the annotator to read and label.
"""

import random
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from analysis import analyze, load

SEED = 19
# pairs drawn per story, by kind: the first round for every story, then the second (added
# after labelling the first, which gave 37 same-fact pairs: the gold needs at least 40)
ROUNDS = (
    (("two or more", 6), ("one", 4), ("random", 4)),
    (("two or more", 3),),
)
MIN_WORDS = 8  # shorter sentences are datelines, captions and fragments
NAME_OR_NUMBER = re.compile(r"(?<=\s)[A-Z][\w’'-]+|\d[\d,.]*")


def sentences(folder: Path) -> dict[str, list[tuple[str, str, int, int, str]]]:
    """By story: (outlet, file, start, end, text) of each sentence, offsets into the file."""
    found = defaultdict(list)
    for article in load(folder):
        raw = (folder / article.file).read_text("utf-8")
        report = analyze(article)
        for index in range(len(report.document.sentences)):
            text = report.document.sentence_text(index)
            if len(text.split()) < MIN_WORDS:
                continue
            pattern = r"\s+".join(re.escape(word) for word in text.split())
            match = re.search(pattern, raw)
            if match:
                story = article.note.split(";")[0].strip()
                found[story].append((article.outlet, article.file, *match.span(), text))
    return found


def main(folders: list[Path]) -> None:
    rng = random.Random(SEED)
    stories = [item for folder in folders for item in sorted(sentences(folder).items())]
    by_story: dict[str, dict[str, list]] = {}
    for story, units in stories:
        pairs = [(a, b) for a, b in combinations(units, 2) if a[0] != b[0]]
        by_kind = defaultdict(list, {"random": pairs})
        for a, b in pairs:
            shared = set(NAME_OR_NUMBER.findall(a[4])) & set(NAME_OR_NUMBER.findall(b[4]))
            by_kind["two or more" if len(shared) > 1 else "one" if shared else ""].append((a, b))
        by_story[story] = by_kind
    chosen: dict[str, list[tuple[tuple, tuple, str]]] = defaultdict(list)
    for draws in ROUNDS:
        for story, _ in stories:
            for kind, count in draws:
                taken = {(a, b) for a, b, _ in chosen[story]}
                left = [p for p in by_story[story][kind] if p not in taken]
                chosen[story] += [(a, b, kind) for a, b in rng.sample(left, min(count, len(left)))]
    for story, _ in stories:
        for a, b, kind in chosen[story]:
            print(f"{a[1]}\t{a[2]}\t{a[3]}\t{b[1]}\t{b[2]}\t{b[3]}\t?\t{story}; {kind}")
            print(f"    A: {a[4]}\n    B: {b[4]}\n")


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]])
