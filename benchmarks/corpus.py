"""The benchmarks' corpus: article rows resampled from the bundled sample, any size, seeded."""

import random

from analysis import SAMPLE, load

RANDOM_SEED = 20180830


def resampled_corpus(size: int, seed: int = RANDOM_SEED) -> list[dict[str, str]]:
    """`size` article rows whose paragraphs are drawn at random from the seed articles."""
    seeds = load(SAMPLE)
    pool = [p for article in seeds for p in article.text.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    rows = []
    for number in range(size):
        template = rng.choice(seeds)
        length = len(template.text.split("\n\n"))
        rows.append(
            {
                "text": "\n\n".join(rng.choice(pool) for _ in range(length)),
                "outlet": template.outlet,
                "title": f"{template.title} ({number})",
                "date": template.date,
            }
        )
    return rows
