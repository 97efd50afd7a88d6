"""Does analysis time grow linearly with an article's length? (It grew quadratically
before the splitter, sentence lookup and quote overlap were made single-pass.)

Run from the repository root:  python -m benchmarks.long_articles
Prints, for articles of increasing length built from the seeds' paragraphs (each
numbered, so none is removed as a repeat), the time per sentence of `analyze` as a
ratio to the shortest article's: about 1 at every length means linear time.
"""

import time

from analysis import analyze, load, make_article
from analysis.corpus import SAMPLE

SIZES = (500, 2_000, 8_000)  # sentences, roughly


def article_of(sentences: int, paragraphs: list[str]) -> str:
    per_paragraph = max(1, sum(p.count(". ") + 1 for p in paragraphs) // len(paragraphs))
    count = max(1, sentences // per_paragraph)
    return "\n\n".join(f"{paragraphs[i % len(paragraphs)]} (part {i})." for i in range(count))


def main() -> None:
    paragraphs = [p for a in load(SAMPLE) for p in a.text.split("\n\n") if p.strip()]
    analyze(make_article(paragraphs[0]))  # load the lexicons and models first
    baseline = None
    print("| sentences | characters | seconds | ms per sentence | × shortest |")
    print("|---:|---:|---:|---:|---:|")
    for size in SIZES:
        article = make_article(article_of(size, paragraphs))
        start = time.perf_counter()
        report = analyze(article)
        seconds = time.perf_counter() - start
        per_sentence = seconds / len(report.document.sentences) * 1000
        baseline = baseline or per_sentence
        print(
            f"| {len(report.document.sentences):,} | {len(article.text):,} | {seconds:.1f} "
            f"| {per_sentence:.2f} | {per_sentence / baseline:.2f} |"
        )


if __name__ == "__main__":
    main()
