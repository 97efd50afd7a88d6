"""Print a gold file's quotes, cues, evidence passages or sentences with their words.

Gold files on real articles keep article text out of the repository and give every passage
as [start, end] offsets into the article file; this shows them for review:

    python scripts/gold_text.py tests/gold/real/tone_devsets.tsv ../shared/devsets/articles
"""

import csv
import sys
import tomllib
from pathlib import Path


def words(folder: Path, name: str, start: int, end: int) -> str:
    return " ".join((folder / name).read_text("utf-8")[start:end].split())


def main(gold: Path, folder: Path) -> None:
    if gold.suffix == ".tsv":
        lines = [line for line in gold.read_text("utf-8").splitlines() if not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            text = words(folder, row["file"], int(row["start"]), int(row["end"]))
            print(f"{row['file']}\t{row['tone']:>2}\t{row['quoted']}\t{text}")
        return
    for article in tomllib.loads(gold.read_text("utf-8")).get("article", []):
        name = article["file"]
        print(f"## {name}")
        for kind in ("quote", "unsourced"):
            for item in article.get(kind, []):
                text = words(folder, name, *item["span"])
                print(f"  {item.get('kind', kind)}: {text!r} — {item.get('speaker', '')}")
        for codebook, frames in article.get("frames", {}).items():
            for frame, span in frames.get("evidence", {}).items():
                print(f"  {codebook}.{frame}: {words(folder, name, *span)!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
