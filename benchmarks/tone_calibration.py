"""How the news lens's scale and neutral band were chosen (docs/tone.md).

    python -m benchmarks.tone_calibration

On the development sentences only (tests/gold/real/tone_devsets.tsv, articles in
../shared/devsets/articles), every setting of SCALE and of the two ends of the neutral band
is tried; the chosen one maximises macro-F1 over negative / neutral / positive, a tie going
to the narrower band. Spearman's correlation does not depend on the band and is printed
once. The held-out sentences are never read here.
"""

from pathlib import Path

import numpy as np

from analysis.evaluate.tone import macro_f1, read_tone_gold, spearman
from analysis.knowledge import find_mentions
from analysis.sentiment import news
from analysis.sentiment.lexicons import score_text
from analysis.text import Span, SpanSet

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "real" / "tone_devsets.tsv"
ARTICLES = ROOT.parent / "shared" / "devsets" / "articles"
SCALES = (0.5, 1.0, 2.0)
NEGATIVE = (-0.05, -0.1, -0.15, -0.2, -0.3)
POSITIVE = (0.05, 0.1, 0.2, 0.3, 0.4)


def main() -> None:
    gold = read_tone_gold(GOLD, [ARTICLES])
    labels = np.array([g.tone for g in gold], dtype=float)
    classes = np.sign(labels).astype(int)
    totals = []
    for sentence in gold:
        found = find_mentions(sentence.text)
        names = SpanSet(Span(m.start, m.end) for m in found if m.kind != "group")
        words = news.news_words(
            sentence.text, 0, len(sentence.text), score_text(sentence.text)[3], names
        )
        totals.append(sum(word.weight for word in words))
    total = np.array(totals)
    print(f"{len(gold)} development sentences; Spearman {spearman(total, labels):.3f}\n")
    print(f"{'scale':>6}{'negative':>10}{'positive':>10}{'macro-F1':>10}")
    results = []
    for scale in SCALES:
        score = total / np.sqrt(total * total + scale)
        for low in NEGATIVE:
            for high in POSITIVE:
                predicted = np.where(score > high, 1, np.where(score < low, -1, 0))
                results.append((macro_f1(classes, predicted), -(high - low), scale, low, high))
    best = max(results)
    for f1, _, scale, low, high in sorted(results, reverse=True)[:12]:
        chosen = " *" if (scale, low, high) == best[2:] else ""
        print(f"{scale:>6}{low:>10}{high:>10}{f1:>10.3f}{chosen}")
    current = (news.SCALE, news.NEWS_NEGATIVE, news.NEWS_POSITIVE)
    print(f"\nin analysis/sentiment/news.py: SCALE, NEWS_NEGATIVE, NEWS_POSITIVE = {current}")


if __name__ == "__main__":
    main()
